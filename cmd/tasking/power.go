package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// power add | extend | review | end, and powers: the powers in force and
// their statutory clocks (model/powers.go).

// powerRow: ref, kind, hotspot, action, agency, start, ends, statutory_end,
// extended, review, authorised_by, terms, in_force, next_clock,
// next_clock_at, ended, end_reason, private, version.
type powerRow struct {
	Ref          string `json:"ref"`           // P-3
	Kind         string `json:"kind"`          // pspo, dispersal, cpw, cpn, injunction, cbo, closure-notice, closure-order
	Hotspot      string `json:"hotspot"`       // HS-1, or "" for a general action's
	Action       string `json:"action"`        // A-12 for a general action's, else ""
	Agency       string `json:"agency"`        // the agency that holds it
	Start        string `json:"start"`         // RFC 3339: when it took effect
	Ends         string `json:"ends"`          // RFC 3339: when it ends (as set, extended or the Act's), "" when it runs until discharged
	StatutoryEnd string `json:"statutory_end"` // RFC 3339: the latest the Act allows, "" where it sets none
	Extended     string `json:"extended"`      // "yes" for a closure order extended
	Review       string `json:"review"`        // 2026-12-01: its next review
	AuthorisedBy string `json:"authorised_by"` // the officer who authorised it ("" in the public version)
	Terms        string `json:"terms"`
	InForce      string `json:"in_force"`      // "yes" while in force
	NextClock    string `json:"next_clock"`    // expires, court hearing by, appeal window closes, review due
	NextClockAt  string `json:"next_clock_at"` // RFC 3339
	Ended        string `json:"ended"`         // RFC 3339: discharged early
	EndReason    string `json:"end_reason"`
	Private      string `json:"private"` // "yes" for private business
	Version      string `json:"version"` // restricted or public
}

func powerRowOf(p model.Power, agencies model.AgencyIndex, now time.Time, public bool) powerRow {
	r := powerRow{Ref: p.Ref(), Kind: string(p.Kind), Hotspot: model.HotspotRef(p.HotspotID), Action: model.ActionRef(p.ActionID),
		Agency: agencyName(agencies, p.AgencyID), Start: rfc3339(p.Start), Ends: rfc3339(p.End()),
		StatutoryEnd: rfc3339(model.StatutoryEnd(p.Kind, p.Start, p.Senior)), Extended: yes(!p.Extended.IsZero()),
		Review: p.Review.String(), AuthorisedBy: model.CleanLine(p.AuthorisedBy), Terms: model.CleanText(p.Terms),
		InForce: yes(p.InForce(now)), Ended: rfc3339(p.Ended), EndReason: model.CleanText(p.EndReason), Private: yes(p.Private),
		Version: exportVersion(public)}
	if !p.Ended.IsZero() {
		r.Ends = rfc3339(p.Ended)
	}
	if c, ok := p.Flag(now); ok { // the clock to watch now
		r.NextClock, r.NextClockAt = c.What, rfc3339(c.At)
		return r
	}
	for _, c := range p.Clocks() {
		if c.At.After(now) {
			r.NextClock, r.NextClockAt = c.What, rfc3339(c.At)
			break
		}
	}
	return r
}

func newPowerCmd(a *app) *cobra.Command {
	return newGroup("power", "Powers in force at a hotspot or for a general action (add, extend, review, end)",
		newPowerAddCmd(a), newPowerExtendCmd(a), newPowerReviewCmd(a), newPowerEndCmd(a))
}

func newPowerAddCmd(a *app) *cobra.Command {
	var hotspot, action, agency, start, expires, review, by, terms string
	var senior bool
	cmd := &cobra.Command{
		Use:   "add KIND (--hotspot REF | --action REF) --agency NAME --start WHEN --authorised-by NAME [--expires WHEN] [--review WHEN] [--senior] [--terms TEXT]",
		Short: "Record a power in force: a PSPO, dispersal, CPW, CPN, injunction, CBO, closure notice or order",
		Long: "add records a power of the Anti-social Behaviour, Crime and Policing Act 2014: KIND is pspo, dispersal, " +
			"cpw, cpn, injunction, cbo, closure-notice or closure-order. It is on a hotspot (--hotspot) or a general " +
			"action (--action), held by --agency (members record their own agency's powers). --start is when it took " +
			"effect: a date, with a time for a dispersal or closure notice ('2026-11-27 18:00', 'fri 18:00', now). " +
			"--expires is the expiry set, never past the Act's: a dispersal 48 hours, a closure notice 24 (48 with " +
			"--senior: a superintendent's or the council's chief executive's authority), a closure order 3 months, " +
			"a PSPO 3 years; without it, the Act's. --review is its next review. A warning, notice, injunction or " +
			"order against a person is private business: never in a public output.",
		Example: "  tasking --as 'Insp Claire Dunn' power add dispersal --hotspot HS-1 --agency police \\\n" +
			"    --start 'fri 18:00' --authorised-by 'Insp Claire Dunn' --terms 'Market Place and the bus station'\n" +
			"  tasking --as 'Helen Marsh' power add pspo --hotspot HS-8 --agency 'community safety' --start 2026-01-10 \\\n" +
			"    --review 2026-12-01 --authorised-by 'Cabinet, minute 112' --terms 'No drinking in the designated area'",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			kind, err := model.ParsePowerKind(args[0])
			if err != nil {
				return &usageError{err}
			}
			if (hotspot == "") == (action == "") {
				return usagef("give --hotspot or --action: the power is on one")
			}
			for _, f := range []string{"agency", "start", "authorised-by"} {
				if !cmd.Flags().Changed(f) {
					return usagef("add needs --%s", f)
				}
			}
			n := model.NewPower{Kind: kind, AuthorisedBy: by, Senior: senior, Terms: terms}
			if hotspot != "" {
				if n.HotspotID, err = model.ParseRef(model.HotspotPrefix, hotspot); err != nil {
					return flagUsage("hotspot", err)
				}
			} else if n.ActionID, err = model.ParseRef(model.ActionPrefix, action); err != nil {
				return flagUsage("action", err)
			}
			return a.minutedWrite(cmd, func(s store.Record, actor model.Actor, meetingID model.ID) error {
				now := s.Now()
				if n.Start, err = model.ParseMoment(start, kind, now); err != nil {
					return flagUsage("start", err)
				}
				if expires != "" {
					if n.Expires, err = model.ParseMoment(expires, kind, now); err != nil {
						return flagUsage("expires", err)
					}
				}
				if review != "" {
					if n.Review, err = model.ParseWhen(review, model.DateOf(now), model.Date{}); err != nil {
						return flagUsage("review", err)
					}
				}
				ag, err := findAgency(s, agency)
				if err != nil {
					return flagErr("agency", err)
				}
				n.AgencyID = ag.ID
				p, err := s.RecordPower(actor, n, meetingID)
				if err != nil {
					return err
				}
				said := p.Ref() + " recorded: " + p.Summary()
				if p.Private {
					said += " (private business)"
				}
				if c, ok := p.Flag(now); ok {
					said += "; " + c.Line(now)
				}
				_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
				return err
			})
		}),
	}
	cmd.Flags().StringVar(&hotspot, "hotspot", "", "the hotspot it is used at (HS-3)")
	cmd.Flags().StringVar(&action, "action", "", "or the general action it serves (A-12)")
	cmd.Flags().StringVar(&agency, "agency", "", "the agency that holds it (part of its name)")
	cmd.Flags().StringVar(&start, "start", "", "when it took effect: a date, with a time for a dispersal or closure notice")
	cmd.Flags().StringVar(&expires, "expires", "", "the expiry set (default: the Act's maximum)")
	cmd.Flags().StringVar(&review, "review", "", "its next review date")
	cmd.Flags().StringVar(&by, "authorised-by", "", "the officer who authorised it, with rank or role")
	cmd.Flags().BoolVar(&senior, "senior", false, "a closure notice on a superintendent's or chief executive's authority (48 hours)")
	cmd.Flags().StringVar(&terms, "terms", "", "what it requires: area, hours, conduct (never the name of the person it is against)")
	return cmd
}

// powerCommand is the shape of extend, review and end: one power by ref.
func powerCommand(a *app, use, short, long, example string, do func(cmd *cobra.Command, s store.Record, actor model.Actor, p model.Power) (model.Power, string, error)) *cobra.Command {
	return oneRecordCommand(a, model.PowerPrefix, store.Record.Power, use, short, long, example, do)
}

func newPowerExtendCmd(a *app) *cobra.Command {
	var to string
	cmd := powerCommand(a, "extend REF --to WHEN", "Extend a closure order (6 months in all at most)",
		"extend records a court's extension of a closure order: --to is its new expiry, no more than 6 months from "+
			"when it was made.", "  tasking --as 'Helen Marsh' power extend P-4 --to 2027-05-10",
		func(cmd *cobra.Command, s store.Record, actor model.Actor, p model.Power) (model.Power, string, error) {
			if to == "" {
				return p, "", usagef("extend needs --to")
			}
			t, err := model.ParseMoment(to, p.Kind, s.Now())
			if err != nil {
				return p, "", flagUsage("to", err)
			}
			p, err = s.ExtendPower(actor, p.ID, p.Version, t)
			return p, "extended: " + p.Summary(), err
		})
	cmd.Flags().StringVar(&to, "to", "", "its new expiry")
	return cmd
}

func newPowerReviewCmd(a *app) *cobra.Command {
	var on string
	cmd := powerCommand(a, "review REF --on WHEN", "Set the date a power is next reviewed",
		"review sets the date the power is next reviewed: the agenda and My actions flag it within 28 days.",
		"  tasking --as 'Helen Marsh' power review P-2 --on 2027-01-12",
		func(cmd *cobra.Command, s store.Record, actor model.Actor, p model.Power) (model.Power, string, error) {
			if on == "" {
				return p, "", usagef("review needs --on")
			}
			d, err := model.ParseWhen(on, s.Today(), model.Date{})
			if err != nil {
				return p, "", flagUsage("on", err)
			}
			p, err = s.SetPowerReview(actor, p.ID, p.Version, d)
			return p, "to be reviewed on " + d.Format("2 Jan 2006"), err
		})
	cmd.Flags().StringVar(&on, "on", "", "the review date")
	return cmd
}

func newPowerEndCmd(a *app) *cobra.Command {
	var at, reason string
	cmd := powerCommand(a, "end REF --reason WHY [--at WHEN]", "Record that a power was discharged, revoked or withdrawn",
		"end records that a power stopped before its expiry (discharged, revoked, withdrawn, refused by the court), "+
			"with the reason, at --at (default now).",
		"  tasking --as 'Insp Claire Dunn' power end P-3 --reason 'Withdrawn: the group dispersed'",
		func(cmd *cobra.Command, s store.Record, actor model.Actor, p model.Power) (model.Power, string, error) {
			if reason == "" {
				return p, "", usagef("end needs --reason")
			}
			var t time.Time
			if at != "" {
				var err error
				if t, err = model.ParseMoment(at, p.Kind, s.Now()); err != nil {
					return p, "", flagUsage("at", err)
				}
			}
			p, err := s.EndPower(actor, p.ID, p.Version, t, reason)
			return p, "ended", err
		})
	cmd.Flags().StringVar(&at, "at", "", "when it ended (default now)")
	cmd.Flags().StringVar(&reason, "reason", "", "why it ended")
	return cmd
}

func newPowersCmd(a *app) *cobra.Command {
	var formatFlag, expiring, hotspot string
	var all bool
	cmd := &cobra.Command{
		Use:   "powers [--expiring 28d] [--hotspot REF] [--all] [--format table|csv|json]",
		Short: "Powers in force, soonest ending first, with their clocks",
		Long: "powers lists the powers in force, soonest ending first, each with its next clock: when it expires, a " +
			"closure notice's court hearing (within 48 hours), a CPN's appeal window (21 days), its review. " +
			"--expiring 28d keeps those with a clock within 28 days (48h, 2w; a review overdue is always kept); " +
			"--hotspot one hotspot's; --all those ended or expired too.\n\n" +
			"CSV and JSON fields: " + strings.Join(fieldNames[powerRow](), ", ") + " (times RFC 3339; private is yes for private " +
			"business, left out of the public version with the officers' names).",
		Example: "  tasking powers --expiring 28d\n  tasking powers --hotspot HS-1 --all --format json",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			fm, err := parseFormat(formatFlag, listFormats...)
			if err != nil {
				return err
			}
			var within time.Duration
			if expiring != "" {
				if within, err = model.ParseWithin(expiring); err != nil {
					return flagUsage("expiring", err)
				}
			}
			var f model.PowerFilter
			if hotspot != "" {
				if f.HotspotID, err = model.ParseRef(model.HotspotPrefix, hotspot); err != nil {
					return flagUsage("hotspot", err)
				}
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			now := s.Now()
			if !all {
				f.CurrentAt = now
			}
			ps, err := s.Powers(f)
			if err != nil {
				return err
			}
			if expiring != "" {
				kept := ps[:0]
				for _, p := range ps {
					if p.ExpiringWithin(now, within) {
						kept = append(kept, p)
					}
				}
				ps = kept
			}
			agencies, err := s.Agencies()
			if err != nil {
				return err
			}
			idx := model.IndexAgencies(agencies)
			public := store.PublicOnly(s)
			out := list[powerRow]{rows: make([]powerRow, 0, len(ps)), empty: "No powers in force match.",
				table: func() peopleTable { return powerTable(ps, idx, now) }}
			for _, p := range ps {
				out.rows = append(out.rows, powerRowOf(p, idx, now, public))
			}
			return out.write(cmd.OutOrStdout(), fm)
		}),
	}
	addFormatFlag(cmd, &formatFlag, listFormats...)
	cmd.Flags().StringVar(&expiring, "expiring", "", "only those with a clock within this span: 28d, 2w, 48h")
	cmd.Flags().StringVar(&hotspot, "hotspot", "", "one hotspot's (HS-3)")
	cmd.Flags().BoolVar(&all, "all", false, "ended and expired ones too")
	return cmd
}

// powerTable is the list for people: the next clock in words.
func powerTable(ps []model.Power, agencies model.AgencyIndex, now time.Time) peopleTable {
	headers := []string{"REF", "POWER", "ON", "HELD BY", "FROM", "ENDS", "NEXT", "TERMS"}
	rows := make([][]string, 0, len(ps))
	when := func(p model.Power, t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		if p.Kind.InHours() {
			return t.Format("02 Jan 15:04")
		}
		return t.Format("02 Jan 2006")
	}
	for _, p := range ps {
		on := model.HotspotRef(p.HotspotID)
		if on == "" {
			on = model.ActionRef(p.ActionID)
		}
		next := ""
		if c, ok := p.Flag(now); ok {
			next = "⚑ " + c.Line(now)
		} else if !p.InForce(now) {
			next = "not in force"
		} else if cs := p.Clocks(); len(cs) > 0 {
			next = cs[len(cs)-1].Line(now)
			for _, c := range cs {
				if c.At.After(now) {
					next = c.Line(now)
					break
				}
			}
		}
		terms := p.Terms
		if mark := p.Privacy.Mark(); mark != "" {
			terms = strings.TrimSpace(mark + " " + terms)
		}
		rows = append(rows, []string{p.Ref(), p.Kind.Short(), on, cell(agencies.Label(p.AgencyID)), when(p, p.Start), when(p, p.End()), next, cell(terms)})
	}
	return peopleTable{headers: headers, rows: rows, flex: 7, widths: []int{7: maxTitle}}
}
