package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// action add | update | show: one action at a time, by the person named with
// --as (or remembered), checked against their permissions in the store.

func newActionCmd(a *app) *cobra.Command {
	return newGroup("action", "One action: add, update, show its history",
		newActionAddCmd(a), newActionUpdateCmd(a), newActionShowCmd(a))
}

func newActionAddCmd(a *app) *cobra.Command {
	var hotspot, agency, due, officer string
	var allowPast, confidential bool
	cmd := &cobra.Command{
		Use:   "add --agency NAME --due WHEN [--hotspot REF] [--officer NAME] [--confidential] TEXT",
		Short: "Assign an action to an agency",
		Long: "add assigns an action. WHEN is 2026-12-01, +3d, +2w, a weekday (fri) or next-meeting. " +
			"Without --hotspot it is a general action; --confidential marks one about named people, which then never " +
			"leaves through a public output. If a meeting is open, the action is minuted in it. " +
			"Only the chair or an admin may assign actions.",
		Example: "  tasking --as 'Helen Marsh' action add --hotspot HS-3 --agency police --due next-meeting Joint patrols Fri/Sat",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			var hotspotID model.ID
			var err error
			if cmd.Flags().Changed("hotspot") {
				if hotspotID, err = model.ParseRef(model.HotspotPrefix, hotspot); err != nil {
					return flagUsage("hotspot", err)
				}
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			ag, err := model.FindAgency(agencies, agency)
			if err != nil {
				return err
			}
			if hotspotID != 0 {
				if _, err := s.Hotspot(hotspotID); err != nil {
					return err
				}
			}
			when, err := parseDue(s, due)
			if err != nil {
				return err
			}
			if q, past := model.DueInPast(when, s.Today()); past && !allowPast {
				return fmt.Errorf("%s add --allow-past to save it anyway", strings.TrimSuffix(q, "Save it anyway?"))
			}
			var meetingID model.ID
			if m, open, err := s.OpenMeeting(); err != nil {
				return err
			} else if open {
				meetingID = m.ID
			}
			act, err := s.AssignAction(actor, model.NewAction{HotspotID: hotspotID, Text: strings.Join(args, " "),
				AgencyID: ag.ID, Officer: officer, Due: when, MeetingID: meetingID, Confidential: confidential})
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s assigned to %s, due %s\n", act.Ref(), ag.Name, act.Due)
			return err
		}),
	}
	cmd.Flags().StringVar(&hotspot, "hotspot", "", "the hotspot it is for (a ref like HS-3); none: a general action")
	cmd.Flags().StringVar(&agency, "agency", "", "the owner agency (part of its name or short name)")
	cmd.Flags().StringVar(&due, "due", "", "when it is due: 2026-12-01, +3d, +2w, fri, next-meeting")
	cmd.Flags().StringVar(&officer, "officer", "", "a named officer (optional)")
	cmd.Flags().BoolVar(&allowPast, "allow-past", false, "accept a due date that has already passed")
	cmd.Flags().BoolVar(&confidential, "confidential", false, "about named people: never in a public output")
	_ = cmd.MarkFlagRequired("agency")
	_ = cmd.MarkFlagRequired("due")
	return cmd
}

// parseDue reads a WHEN date, where next-meeting is the next meeting's date
// as the app reads it too (store.NextMeetingDate: the date fixed, else the
// cadence's).
func parseDue(s store.Record, when string) (model.Date, error) {
	next, err := s.NextMeetingDate()
	if err != nil {
		return model.Date{}, err
	}
	d, err := model.ParseWhen(when, s.Today(), next)
	if err != nil {
		return model.Date{}, flagUsage("due", err)
	}
	return d, nil
}

func newActionUpdateCmd(a *app) *cobra.Command {
	var status, due, reason, note, officer, correct string
	var allowPast, withdraw bool
	cmd := &cobra.Command{
		Use:   "update REF [--status S] [--due WHEN --reason TEXT] [--note TEXT] [--officer NAME] | --correct-last TEXT --reason R | --withdraw-last --reason R",
		Short: "Update an action: status, due date (with a reason), progress note",
		Long: "update changes an action between meetings. --status is open, in-progress, done, blocked or " +
			"cancelled; --due proposes a new due date and needs --reason; --note adds a dated progress update " +
			"(with --status it is the status change's note; with the status the action already has, it is a " +
			"progress note). --officer reassigns it within the agency (\"\" for the agency as a whole). A member " +
			"may change their own agency's actions and note any action; the store refuses anything else and says " +
			"which rule refused it.\n\n" +
			"--correct-last TEXT puts new words into the action's latest update that has words, and --withdraw-last " +
			"takes it out of every output; either needs --reason, and only the update's author or the chair may. " +
			"The record keeps what it said first; the minutes and the action log show the corrected words marked " +
			"\"(corrected)\", and after a withdrawal the update before it is the latest again.",
		Example: "  tasking --as 'Sgt Jas Patel' action update A-37 --status in-progress --note 'Patrols started Friday'\n" +
			"  tasking --as 'Sgt Jas Patel' action update A-37 --due +2w --reason 'Waiting for the rota'\n" +
			"  tasking --as 'Sgt Jas Patel' action update A-37 --correct-last 'Patrols started Saturday' --reason 'Wrong day'\n" +
			"  tasking --as 'Sgt Jas Patel' action update A-37 --withdraw-last --reason 'Saved by mistake'",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			id, err := model.ParseRef(model.ActionPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			changed := cmd.Flags().Changed
			if changed("correct-last") || changed("withdraw-last") {
				return a.correctLast(cmd, id, correct, withdraw, reason)
			}
			switch {
			case !changed("status") && !changed("due") && !changed("note") && !changed("officer"):
				return &usageError{errors.New("nothing to update: give --status, --due (with --reason), --note or --officer")}
			case changed("due") && !changed("reason"):
				return &usageError{errors.New("--due needs --reason: say why the date moves")}
			case changed("reason") && !changed("due"):
				return &usageError{errors.New("--reason goes with --due")}
			}
			var to model.ActionStatus
			if changed("status") {
				if to, err = model.ParseActionStatus(status); err != nil {
					return flagUsage("status", err)
				}
				if to.NeedsReason() && strings.TrimSpace(note) == "" {
					return usagef("--status %s needs --note saying why: the minutes record the reason", to)
				}
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			before, err := s.Action(id)
			if err != nil {
				return err
			}
			change := store.ActionChange{Status: to, Note: note, Reason: reason}
			if changed("officer") {
				change.Officer = &officer
			}
			if changed("due") {
				if change.Due, err = parseDue(s, due); err != nil {
					return err
				}
				if q, past := model.DueInPast(change.Due, s.Today()); past && !allowPast {
					return fmt.Errorf("%s add --allow-past to save it anyway", strings.TrimSuffix(q, "Save it anyway?"))
				}
			}
			// One transaction, checked against the version just read: all of
			// it is saved, or (refused, or changed by someone meanwhile) none.
			act, err := s.UpdateAction(actor, id, before.Version, change)
			if err != nil {
				return err
			}
			var said []string
			if changed("due") {
				said = append(said, fmt.Sprintf("due %s (was %s)", act.Due, before.Due))
			}
			if changed("officer") {
				said = append(said, fmt.Sprintf("with %s (was %s)", orAgency(act.Officer), orAgency(before.Officer)))
			}
			switch {
			case changed("status") && act.Status != before.Status:
				said = append(said, fmt.Sprintf("%s (was %s)", act.Status, before.Status))
			case changed("note"):
				said = append(said, "progress note added")
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", act.Ref(), strings.Join(said, "; "))
			return err
		}),
	}
	cmd.Flags().StringVar(&status, "status", "", "open, in-progress, done, blocked or cancelled")
	cmd.Flags().StringVar(&due, "due", "", "a new due date: 2026-12-01, +3d, +2w, fri, next-meeting")
	cmd.Flags().StringVar(&correct, "correct-last", "", "new words for the action's latest update that has words (needs --reason)")
	cmd.Flags().BoolVar(&withdraw, "withdraw-last", false, "take the action's latest update that has words out of every output (needs --reason)")
	cmd.Flags().StringVar(&reason, "reason", "", "why the due date moves (needed with --due), or why the latest update is corrected or withdrawn")
	cmd.Flags().StringVar(&note, "note", "", "a progress update")
	cmd.Flags().StringVar(&officer, "officer", "", "reassign to another officer of the action's agency: a member of it, or someone not on the partnership's list (\"\": the agency as a whole)")
	cmd.Flags().BoolVar(&allowPast, "allow-past", false, "accept a new due date that has already passed")
	return cmd
}

func newActionShowCmd(a *app) *cobra.Command {
	var formatFlag string
	cmd := &cobra.Command{
		Use:   "show REF",
		Short: "Show an action and its whole history",
		Long: "show prints an action: the meeting that made it and every update and status change, who and when.\n\n" +
			"JSON: {\"action\": {action fields}, \"history\": [{at, by, kind, text, from_status, to_status, from_due, to_due, meeting}]}.",
		Example: "  tasking action show A-37",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			f, err := parseFormat(formatFlag, formatTable, formatJSON)
			if err != nil {
				return err
			}
			id, err := model.ParseRef(model.ActionPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			act, err := s.Action(id)
			if err != nil {
				return err
			}
			hist, err := s.ActionHistory(id)
			if err != nil {
				return err
			}
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			idx := model.IndexAgencies(agencies)
			var hotspots []model.Hotspot
			if act.HotspotID != 0 {
				h, err := s.Hotspot(act.HotspotID)
				if err != nil {
					return err
				}
				hotspots = append(hotspots, h)
			}
			shown := shownPrivacy(hotspots)(act)
			if f == formatJSON {
				return writeActionJSON(cmd.OutOrStdout(), actionRowOf(act, shown, idx, s.Today()), hist)
			}
			return writeActionText(cmd.OutOrStdout(), s, act, shown, idx, hist)
		}),
	}
	addFormatFlag(cmd, &formatFlag, formatTable, formatJSON)
	return cmd
}

// historyRow is one entry of an action's history in JSON.
type historyRow struct {
	At         string `json:"at"` // RFC 3339
	By         string `json:"by"`
	Kind       string `json:"kind"` // created, status, due, note, reviewed, accepted
	Text       string `json:"text"`
	FromStatus string `json:"from_status"`
	ToStatus   string `json:"to_status"`
	FromDue    string `json:"from_due"`
	ToDue      string `json:"to_due"`
	Meeting    string `json:"meeting"` // M-5 when made in a meeting
	Private    string `json:"private"` // "yes" when it was made on private business
	Mark       string `json:"mark"`    // "[private, para 1]", as restricted outputs mark it
}

func writeActionJSON(w io.Writer, row actionRow, hist []model.ActionUpdate) error {
	out := struct {
		Action  actionRow    `json:"action"`
		History []historyRow `json:"history"`
	}{Action: row, History: []historyRow{}}
	for _, u := range hist {
		out.History = append(out.History, historyRow{At: u.At.Format("2006-01-02T15:04:05Z07:00"), By: model.CleanLine(u.By),
			Kind: string(u.Kind), Text: model.CleanText(u.Text), FromStatus: string(u.FromStatus), ToStatus: string(u.ToStatus),
			FromDue: u.FromDue.String(), ToDue: u.ToDue.String(), Meeting: model.MeetingRef(u.MeetingID),
			Private: yes(u.Private), Mark: u.Mark()})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeActionText(w io.Writer, s store.Record, act model.Action, shown model.Privacy, idx model.AgencyIndex, hist []model.ActionUpdate) error {
	today := s.Today()
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", act.Ref(), strings.TrimSpace(shown.Label()+" "+model.CleanLine(act.Text)))
	if act.HotspotID != 0 {
		title := ""
		if h, err := s.Hotspot(act.HotspotID); err == nil {
			title = " " + model.CleanLine(h.Title)
		}
		fmt.Fprintf(&b, "hotspot   %s%s\n", model.HotspotRef(act.HotspotID), title)
	}
	owner := idx.Name(act.AgencyID)
	if act.Officer != "" {
		owner += " (" + model.CleanLine(act.Officer) + ")"
	}
	fmt.Fprintf(&b, "owner     %s\n", owner)
	due := act.Due.String()
	if act.IsOverdue(today) {
		due += fmt.Sprintf(" (overdue by %d days)", act.Due.DaysUntil(today))
	}
	fmt.Fprintf(&b, "due       %s\n", due)
	status := act.Status.Label()
	if rag := act.RAGFor(today); rag != model.RAGNone {
		status += " · RAG " + string(rag)
	}
	fmt.Fprintf(&b, "status    %s\n", status)
	made := "outside a meeting"
	if act.CreatedMeetingID != 0 {
		made = "in " + model.MeetingRef(act.CreatedMeetingID)
	}
	fmt.Fprintf(&b, "created   %s, %s, by %s\n", act.CreatedAt.Local().Format("2006-01-02 15:04"), made, model.CleanLine(act.CreatedBy))
	b.WriteString("history\n")
	// Who, in a column as wide as the widest (a public-only reader reads
	// agencies there, which run longer than names).
	byWidth := 22
	for _, u := range hist {
		byWidth = max(byWidth, utf8.RuneCountInString(model.CleanLine(u.By)))
	}
	for _, u := range hist {
		where := ""
		if u.MeetingID != 0 {
			where = " [" + model.MeetingRef(u.MeetingID) + "]"
		}
		fmt.Fprintf(&b, "  %s  %-*s %s%s\n", u.At.Local().Format("2006-01-02 15:04"), byWidth, model.CleanLine(u.By),
			strings.TrimSpace(u.Mark()+" "+model.CleanLine(u.Describe())), where)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// orAgency names an officer, or the agency as a whole.
func orAgency(officer string) string {
	if officer == "" {
		return "the agency as a whole"
	}
	return model.CleanLine(officer)
}

// correctLast corrects (words given) or withdraws the action's latest
// update that has words: --correct-last TEXT or --withdraw-last, with
// --reason, and nothing else.
func (a *app) correctLast(cmd *cobra.Command, id model.ID, words string, withdraw bool, reason string) error {
	changed := cmd.Flags().Changed
	switch {
	case changed("correct-last") && changed("withdraw-last"):
		return usagef("give --correct-last or --withdraw-last, not both")
	case changed("status") || changed("due") || changed("note") || changed("officer"):
		return usagef("--correct-last and --withdraw-last go alone (with --reason): they put right an update already saved")
	case !changed("reason"):
		return usagef("say why with --reason: the correction is recorded with your name")
	case changed("withdraw-last") && !withdraw:
		return usagef("--withdraw-last=false withdraws nothing")
	}
	s, actor, err := a.openWriter(cmd)
	if err != nil {
		return err
	}
	defer s.Close()
	before, err := s.Action(id)
	if err != nil {
		return err
	}
	var act model.Action
	said := "latest update corrected"
	if withdraw {
		act, err = s.WithdrawUpdate(actor, id, before.Version, reason)
		said = "latest update withdrawn"
	} else {
		act, err = s.CorrectUpdate(actor, id, before.Version, words, reason)
	}
	if err != nil {
		return err
	}
	latest := "none"
	if act.LastUpdate != "" {
		latest = model.CleanLine(act.LastUpdate)
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: %s; its latest update is now: %s\n", act.Ref(), said, latest)
	return err
}
