package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// hotspot add | show | update | close: what the meeting screen does to
// hotspots, from the command line. A change made while a meeting is open is
// minuted in it, as in the app.

// openMeetingID is the meeting under way, or 0.
func openMeetingID(s store.Record) (model.ID, error) {
	m, open, err := s.OpenMeeting()
	if err != nil || !open {
		return 0, err
	}
	return m.ID, nil
}

func newHotspotAddCmd(a *app) *cobra.Command {
	var ward, category, risk, lead, location, theme, reason string
	cmd := &cobra.Command{
		Use:   "add TITLE --ward W --category C --risk R --lead AGENCY [--location L] [--theme T] [--reason WHY]",
		Short: "Refer a new hotspot",
		Long: "add records a new hotspot. --category is personal (about named people: always taken in private), " +
			"nuisance or environmental; --risk low, medium or high, with --reason; --lead the lead agency. While a " +
			"meeting is open it is a new referral in that meeting and joins its agenda straight after New referrals.",
		Example: "  tasking --as 'Helen Marsh' hotspot add 'Queen'\"'\"'s Park: youths on the bandstand' --ward Spire \\\n" +
			"    --category nuisance --risk medium --lead 'community safety' --location 'Queen'\"'\"'s Park bandstand'",
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			n := model.NewHotspot{Title: strings.Join(args, " "), Ward: ward, Location: location, Theme: theme, RiskReason: reason}
			var err error
			if n.Category, err = model.ParseCategory(category); err != nil {
				return flagUsage("category", err)
			}
			if n.Risk, err = model.ParseRisk(risk); err != nil {
				return flagUsage("risk", err)
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				ag, err := findAgency(s, lead)
				if err != nil {
					return flagErr("lead", err)
				}
				n.LeadAgencyID = ag.ID
				h, err := s.AddHotspot(actor, n, meetingID)
				if err != nil {
					return err
				}
				said := h.Ref() + " added"
				if meetingID != 0 {
					said += " as a new referral in " + model.MeetingRef(meetingID)
				}
				if h.Private() {
					said += " (taken in private: personal ASB)"
				}
				_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&ward, "ward", "", "the ward")
	cmd.Flags().StringVar(&category, "category", "", "personal, nuisance or environmental")
	cmd.Flags().StringVar(&risk, "risk", "", "low, medium or high")
	cmd.Flags().StringVar(&lead, "lead", "", "the lead agency (part of its name)")
	cmd.Flags().StringVar(&location, "location", "", "where, in words")
	cmd.Flags().StringVar(&theme, "theme", "", "the theme, e.g. street drinking, fly-tipping")
	cmd.Flags().StringVar(&reason, "reason", "", "why this risk level")
	for _, f := range []string{"ward", "category", "risk", "lead"} {
		_ = cmd.MarkFlagRequired(f)
	}
	return cmd
}

// hotspotShow is `hotspot show --format json`: the hotspot's fields, its
// open actions and its history (stable names).
type hotspotShow struct {
	Hotspot hotspotRow     `json:"hotspot"`
	Actions []actionRow    `json:"open_actions"`
	History []historyEntry `json:"history"`
	Powers  []powerRow     `json:"powers"` // in force, or yet to take effect (tasking powers' fields)
	// Evidence is why it was opened from an emerging hotspot ("" when it
	// was not); TrendClass how its incidents have gone over the year:
	// emerging, persistent, cooling or "" (model.Series.Class).
	Evidence   string `json:"evidence"`
	TrendClass string `json:"trend_class"`
	// Trend is its last 12 months of incidents, null when it has none.
	Trend *trendJSON `json:"trend"`
}

// trendJSON is a hotspot's series: months oldest first, each with its
// count (null where none was counted), where the counts came from, and
// the trend (the last month against the mean of the three before).
type trendJSON struct {
	From   string       `json:"from"` // police.uk or entered
	Months []monthCount `json:"months"`
	Trend  string       `json:"trend"`
}

type monthCount struct {
	Month string `json:"month"`
	Count *int   `json:"count"`
}

func trendOf(s model.Series) *trendJSON {
	if s.IsZero() {
		return nil
	}
	t := &trendJSON{From: string(s.Source), Trend: s.Trend().String()}
	for i, m := range s.Months() {
		mc := monthCount{Month: m.String()}
		if c := s.Counts[i]; c != model.NoCount {
			mc.Count = &c
		}
		t.Months = append(t.Months, mc)
	}
	return t
}

type historyEntry struct {
	At      string `json:"at"`
	Kind    string `json:"kind"` // note, resolved, action, update
	Text    string `json:"text"`
	Private string `json:"private"` // "yes" for private business
	Mark    string `json:"mark"`    // "[private, para 1]", as restricted outputs mark it
}

func newHotspotShowCmd(a *app) *cobra.Command {
	var formatFlag string
	cmd := &cobra.Command{
		Use:   "show REF [--format table|json]",
		Short: "Show a hotspot: its facts, open actions and whole history",
		Long: "show prints a hotspot as its page in the app does.\n\nJSON: {\"hotspot\": {hotspot fields}, " +
			"\"open_actions\": [action fields], \"history\": [{at, kind, text}], \"powers\": [powers fields], " +
			"\"trend\": {from, months: [{month, count}], trend} or null, \"evidence\": why it was opened from an emerging hotspot, \"trend_class\": emerging, persistent, cooling or empty}.",
		Example: "  tasking hotspot show HS-3\n  tasking hotspot show HS-3 --format json",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			f, err := parseFormat(formatFlag, formatTable, formatJSON)
			if err != nil {
				return err
			}
			id, err := model.ParseRef(model.HotspotPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			h, rec, err := s.HotspotRecord(id)
			if err != nil {
				return err
			}
			idx := model.IndexAgencies(rec.Agencies)
			out := hotspotShow{Hotspot: hotspotRowOf(h, idx), Actions: []actionRow{}, History: []historyEntry{}, Powers: []powerRow{}}
			now := s.Now()
			var powers []model.Power
			for _, p := range rec.Powers {
				if p.Current(now) {
					powers = append(powers, p)
					out.Powers = append(out.Powers, powerRowOf(p, idx, now, store.PublicOnly(s)))
				}
			}
			out.Hotspot.Version = exportVersion(store.PublicOnly(s))
			trend := rec.Trends[h.ID]
			withTrend(&out.Hotspot, h, trend)
			out.Trend = trendOf(trend)
			out.Evidence, out.TrendClass = model.CleanLine(h.Evidence), string(trend.Class())
			var marks []string // each open action's mark, for the table
			shown := shownPrivacy([]model.Hotspot{h})
			for _, act := range rec.ItemActions(h.ID) {
				if !act.Status.IsClosed() {
					out.Actions = append(out.Actions, actionRowOf(act, shown(act), idx, rec.Today))
					marks = append(marks, shown(act).Label())
				}
			}
			for _, e := range rec.HotspotHistory(h.ID, 0) {
				out.History = append(out.History, historyEntry{At: rfc3339(e.At), Kind: e.Kind, Text: model.CleanText(e.Line()),
					Private: yes(e.Private), Mark: e.Mark()})
			}
			w := cmd.OutOrStdout()
			if f == formatJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			r := out.Hotspot
			fmt.Fprintf(w, "%s %s\n%s · %s · %s risk · %s · lead %s\nOpened %s · last reviewed %s\n", r.Ref, r.Title, r.Ward, r.Category, r.Risk, r.Status, r.LeadAgency, r.Opened, orNever(r.LastReviewed))
			if as := h.Assessment; as != nil {
				fmt.Fprintf(w, "Risk assessed %s: %s\n", as.On.Format("2 Jan 2006"), as.Summary())
			}
			if r.Location != "" {
				fmt.Fprintf(w, "Location: %s\n", r.Location)
			}
			if h.Private() {
				fmt.Fprintf(w, "Taken in private (Part 2, paragraph %d)\n", int(h.ExemptAs()))
			}
			if line := h.AnonymisedLine(); line != "" {
				fmt.Fprintln(w, line)
			}
			if out.Evidence != "" {
				fmt.Fprintf(w, "Evidence: %s\n", out.Evidence)
			}
			if out.TrendClass != "" {
				fmt.Fprintf(w, "Trend: %s (%s, the 12 months to %s)\n", out.TrendClass, trend.Source, trend.End.First().Format("Jan 2006"))
			}
			for _, l := range trendLines(h, trend, store.PublicOnly(s)) {
				fmt.Fprintln(w, l)
			}
			fmt.Fprintf(w, "\nOpen actions (%d)\n", len(out.Actions))
			for i, act := range out.Actions {
				fmt.Fprintf(w, "  %-6s %-5s %s  %s (%s), due %s\n", act.Ref, act.RAG, act.Status, strings.TrimSpace(marks[i]+" "+act.Text), act.Agency, act.Due)
			}
			if len(powers) > 0 {
				fmt.Fprintf(w, "\nPowers in force (%d)\n", len(powers))
				for _, p := range powers {
					line := strings.TrimSpace(p.Privacy.Mark() + " " + p.Summary())
					if p.Terms != "" {
						line += ": " + model.CleanLine(p.Terms)
					}
					if c, ok := p.Flag(now); ok {
						line = "⚑ " + c.Line(now) + " · " + line
					}
					fmt.Fprintf(w, "  %s\n", line)
				}
			}
			fmt.Fprintf(w, "\nHistory (%d)\n", len(out.History))
			for _, e := range out.History {
				fmt.Fprintf(w, "  %s  %-8s %s\n", e.At[:min(len(e.At), 10)], e.Kind, strings.TrimSpace(e.Mark+" "+model.CleanLine(e.Text)))
			}
			return nil
		}),
	}
	addFormatFlag(cmd, &formatFlag, formatTable, formatJSON)
	return cmd
}

func orNever(s string) string {
	if s == "" {
		return "never"
	}
	return s
}

func newHotspotUpdateCmd(a *app) *cobra.Command {
	var risk, reason, status, sara string
	cmd := &cobra.Command{
		Use:   "update REF [--risk R [--reason WHY]] [--status S] [--sara STAGE]",
		Short: "Change a hotspot's risk, status or SARA stage",
		Long: "update changes what is given: --risk low, medium or high (with --reason); --status new, active or " +
			"monitoring (use close to close it); --sara scanning, analysis, response or assessment. While a meeting " +
			"is open the change is minuted under the hotspot.",
		Example: "  tasking --as 'Helen Marsh' hotspot update HS-3 --risk medium --reason 'Calls down a third'\n" +
			"  tasking --as 'Helen Marsh' hotspot update HS-3 --status monitoring",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			changed := cmd.Flags().Changed
			if !changed("risk") && !changed("status") && !changed("sara") {
				return usagef("nothing to update: give --risk, --status or --sara")
			}
			if changed("reason") && !changed("risk") {
				return usagef("--reason goes with --risk")
			}
			id, err := model.ParseRef(model.HotspotPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				var said []string
				if changed("risk") {
					r, err := model.ParseRisk(risk)
					if err != nil {
						return flagUsage("risk", err)
					}
					if _, err := s.SetHotspotRisk(actor, id, 0, r, reason, meetingID); err != nil {
						return err
					}
					said = append(said, "risk "+r.String())
				}
				if changed("status") {
					st, err := model.ParseHotspotStatus(status)
					if err != nil {
						return flagUsage("status", err)
					}
					if _, err := s.SetHotspotStatus(actor, id, 0, st, meetingID); err != nil {
						return err
					}
					said = append(said, string(st))
				}
				if changed("sara") {
					stage, err := model.ParseSARAStage(sara)
					if err != nil {
						return flagUsage("sara", err)
					}
					if _, err := s.SetHotspotSARA(actor, id, 0, stage, meetingID); err != nil {
						return err
					}
					said = append(said, "SARA "+string(stage))
				}
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", model.HotspotRef(id), strings.Join(said, ", "))
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&risk, "risk", "", "low, medium or high")
	cmd.Flags().StringVar(&reason, "reason", "", "why this risk level")
	cmd.Flags().StringVar(&status, "status", "", "new, active or monitoring")
	cmd.Flags().StringVar(&sara, "sara", "", "scanning, analysis, response or assessment")
	return cmd
}

func newHotspotAssessCmd(a *app) *cobra.Command {
	var likelihood, harm int
	var vulnerable, repeat, hate bool
	var reason string
	cmd := &cobra.Command{
		Use:   "assess REF --likelihood N --harm N [--vulnerable] [--repeat] [--hate] --reason WHY",
		Short: "Assess a hotspot's risk by the matrix: likelihood × harm, with flags",
		Long: "assess sets a hotspot's risk level from the risk matrix: --likelihood of further harm and --harm it would " +
			"do, each 1 (lowest) to 5. Their product is low up to 6, medium from 8 to 12, high from 15; each flag " +
			"raises it one level, never above high: --vulnerable (a vulnerable victim), --repeat (a repeat victim), " +
			"--hate (hate motivation). The level sets the review cadence: high every meeting, medium every second, " +
			"low every fourth. --reason says why (it is minuted with the level while a meeting is open). Only the chair " +
			"or an admin may assess.",
		Example: "  tasking --as 'Helen Marsh' hotspot assess HS-3 --likelihood 4 --harm 4 --repeat \\\n" +
			"    --reason 'Same two traders targeted three weeks running'",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("likelihood") || !cmd.Flags().Changed("harm") {
				return usagef("assess needs --likelihood and --harm, each 1 to %d", model.MatrixMax)
			}
			if !cmd.Flags().Changed("reason") {
				return usagef("assess needs --reason: why this assessment")
			}
			as := model.RiskAssessment{Likelihood: likelihood, Harm: harm, Vulnerable: vulnerable, Repeat: repeat, Hate: hate}
			if err := as.Validate(); err != nil {
				return &usageError{err}
			}
			id, err := model.ParseRef(model.HotspotPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				before, err := s.Hotspot(id)
				if err != nil {
					return err
				}
				h, err := s.AssessHotspot(actor, id, before.Version, as, reason, meetingID)
				if err != nil {
					return err
				}
				said := fmt.Sprintf("%s: risk %s (%s)", h.Ref(), strings.ToUpper(h.Risk.String()), h.Assessment.Summary())
				if before.Risk != h.Risk && before.Risk != 0 {
					said += ", was " + strings.ToUpper(before.Risk.String())
				}
				if meetingID != 0 {
					said += "; minuted in " + model.MeetingRef(meetingID)
				}
				_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
				return err
			})
		}),
	}
	cmd.Flags().IntVar(&likelihood, "likelihood", 0, "how likely further harm is, 1 to 5")
	cmd.Flags().IntVar(&harm, "harm", 0, "how bad it would be, 1 to 5")
	cmd.Flags().BoolVar(&vulnerable, "vulnerable", false, "a vulnerable victim (raises the level one step)")
	cmd.Flags().BoolVar(&repeat, "repeat", false, "a repeat victim (raises the level one step)")
	cmd.Flags().BoolVar(&hate, "hate", false, "hate motivation (raises the level one step)")
	cmd.Flags().StringVar(&reason, "reason", "", "why: minuted with the level in an open meeting")
	return cmd
}

func newHotspotCloseCmd(a *app) *cobra.Command {
	var reason, actions string
	cmd := &cobra.Command{
		Use:   "close REF --reason WHY [--actions close|general]",
		Short: "Close a hotspot with the reason the group agreed",
		Long: "close closes a hotspot. If it still has open actions, say what becomes of them: --actions close " +
			"(closed with it, the reason recorded) or --actions general (they continue as general business); " +
			"without it nothing is closed and the open actions are named.",
		Example: "  tasking --as 'Helen Marsh' hotspot close HS-10 --reason 'No reports for eight weeks' --actions close",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("reason") {
				return usagef("close needs --reason: what the group agreed")
			}
			var then model.OpenActions
			if cmd.Flags().Changed("actions") {
				var err error
				if then, err = model.ParseOpenActions(actions); err != nil {
					return flagUsage("actions", err)
				}
			}
			id, err := model.ParseRef(model.HotspotPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				if _, err := s.CloseHotspot(actor, id, 0, reason, meetingID, then); err != nil {
					var open *store.OpenActionsError
					if errors.As(err, &open) {
						return fmt.Errorf("%w: add --actions close or --actions general", err)
					}
					return err
				}
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s closed\n", model.HotspotRef(id))
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why it closes")
	cmd.Flags().StringVar(&actions, "actions", "", "its open actions: close (with it) or general (they continue)")
	return cmd
}
