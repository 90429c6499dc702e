package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// meeting start | close, decision add, amend: the record built without the
// app, for scripts and tests. Every change carries --as (or the remembered
// person) and is checked in the store like any other.

func newMeetingCmd(a *app) *cobra.Command {
	return newGroup("meeting", "Run a meeting without the app: start, attendance, declarations, matters arising, agenda, next date, close",
		newMeetingStartCmd(a), newMeetingAttendCmd(a), newMeetingGuestCmd(a), newMeetingStatementCmd(a), newMeetingDeclareCmd(a),
		newMeetingApproveCmd(a), newMeetingReviewCmd(a), newMeetingAgendaCmd(a), newMeetingMoveCmd(a), newMeetingDropCmd(a),
		newMeetingAddCmd(a), newMeetingPart2Cmd(a), newMeetingBudgetCmd(a), newMeetingUndoCmd(a), newMeetingNextCmd(a), newMeetingCloseCmd(a))
}

func newMeetingStartCmd(a *app) *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:     "start [--date DATE]",
		Short:   "Start this week's meeting (the planned one, or a new one)",
		Long:    "start opens the planned meeting, or a new one, dated --date (default: today). Its agenda is built from the open hotspots.",
		Example: "  tasking --as 'Helen Marsh' meeting start\n  tasking --as 'Helen Marsh' meeting start --date 2026-12-01",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			day := s.Today()
			if cmd.Flags().Changed("date") {
				if day, err = model.ParseDate(date); err != nil {
					return flagUsage("date", err)
				}
			}
			m, err := s.StartMeeting(actor, day)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s started: %s · %s · %d agenda items%s\n", m.Ref(), m.When(), m.Place, len(m.Agenda), model.ReleasesAdopted(m))
			return err
		}),
	}
	cmd.Flags().StringVar(&date, "date", "", "the meeting's date, YYYY-MM-DD or day/month/year (default: today)")
	return cmd
}

func newMeetingCloseCmd(a *app) *cobra.Command {
	var next, clock, place string
	cmd := &cobra.Command{
		Use:     "close [--next DATE] [--time HH:MM] [--place TEXT]",
		Short:   "Close the open meeting, fixing the next one's date",
		Long:    "close closes the meeting under way: it becomes read-only. --next fixes the next meeting's date (WHEN: 2026-12-01, +1w …).",
		Example: "  tasking --as 'Helen Marsh' meeting close --next +1w",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := openMeeting(s)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("next") {
				d, err := model.ParseWhen(next, m.Date, model.Date{})
				if err != nil {
					return flagUsage("next", err)
				}
				if m, err = s.SetNextMeeting(actor, m.ID, nil, d, clock, place); err != nil {
					return err
				}
			}
			if m, err = s.CloseMeeting(actor, m.ID); err != nil {
				return err
			}
			said := m.Ref() + " closed"
			if !m.NextDate.IsZero() {
				said += "; next meeting " + m.NextDate.Format("Mon 2 Jan 2006") + " " + m.NextTime
			}
			if b := backupSaid(s); b != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "tasking: "+b)
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
			return err
		}),
	}
	cmd.Flags().StringVar(&next, "next", "", "the next meeting's date: 2026-12-01, +1w …")
	cmd.Flags().StringVar(&clock, "time", "", "the next meeting's time (default: this one's)")
	cmd.Flags().StringVar(&place, "place", "", "the next meeting's place (default: this one's)")
	return cmd
}

// openMeeting is the meeting under way, or an error that says there is none.
func openMeeting(s store.Record) (model.Meeting, error) {
	m, open, err := s.OpenMeeting()
	if err != nil {
		return m, err
	}
	if !open {
		return m, errors.New("no meeting is open: start one with `tasking meeting start`")
	}
	return m, nil
}

func newDecisionCmd(a *app) *cobra.Command {
	return newGroup("decision", "Record a decision of a meeting", newDecisionAddCmd(a))
}

func newDecisionAddCmd(a *app) *cobra.Command {
	var meeting, hotspot string
	var part2 bool
	cmd := &cobra.Command{
		Use:   "add [--meeting REF] [--hotspot REF] [--part2] TEXT",
		Short: "Record a resolution (\"RESOLVED – that …\")",
		Long: "add records a decision of the open meeting (or --meeting), under a hotspot's item (--hotspot) or " +
			"any other business. --part2 marks it exempt: it never appears in public minutes.",
		Example: "  tasking --as 'Helen Marsh' decision add --hotspot HS-3 That a dispersal authorisation be sought",
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
			var m model.Meeting
			if cmd.Flags().Changed("meeting") {
				m, err = s.ResolveMeeting(meeting)
			} else {
				m, err = openMeeting(s)
			}
			if err != nil {
				return err
			}
			d, err := s.RecordDecision(actor, m.ID, model.ItemAOB, hotspotID, strings.Join(args, " "), part2)
			if err != nil {
				return err
			}
			mark := ""
			if d.Part2 {
				mark = " (Part 2)"
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s recorded in %s%s: %s\n", d.Ref(), m.Ref(), mark, d.Resolved())
			return err
		}),
	}
	cmd.Flags().StringVar(&meeting, "meeting", "", "the meeting (M-3, a date, or latest); default: the open one")
	cmd.Flags().StringVar(&hotspot, "hotspot", "", "the hotspot it is about (HS-3); none: any other business")
	cmd.Flags().BoolVar(&part2, "part2", false, "exempt business (personal information): never in public minutes")
	return cmd
}

func newAmendCmd(a *app) *cobra.Command {
	var text, reason string
	cmd := &cobra.Command{
		Use:   "amend REF --text TEXT --reason WHY",
		Short: "Correct a decision (D-12) or note (N-5) of a closed meeting",
		Long: "amend corrects the record after the meeting. The minutes show the corrected text as amended (who, " +
			"when, why); the original stays in the audit trail. Only the chair or an admin may amend.",
		Example: "  tasking --as 'Helen Marsh' amend D-12 --text 'That patrols continue until Christmas' --reason 'dates agreed but not minuted'",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("text") || !cmd.Flags().Changed("reason") {
				return &usageError{errors.New("amend needs --text (the corrected text) and --reason (why)")}
			}
			s, actor, err := a.openWriter(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			am, err := s.Amend(actor, args[0], text, reason)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s amended in %s (was: %s)\n", am.Ref(), model.MeetingRef(am.MeetingID), model.CleanLine(am.Before))
			return err
		}),
	}
	cmd.Flags().StringVar(&text, "text", "", "the corrected text")
	cmd.Flags().StringVar(&reason, "reason", "", "why it is corrected")
	return cmd
}
