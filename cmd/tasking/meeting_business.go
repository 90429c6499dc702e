package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
)

// The open meeting's business from the command line: everything the meeting
// screen changes, for scripts and for people using a screen reader. Each
// command works on the meeting under way, as the person named by --as, and
// is checked in the store like any other change.

// inMeeting opens the database for a change to the open meeting.
func (a *app) inMeeting(cmd *cobra.Command) (store.Record, model.Actor, model.Meeting, error) {
	s, actor, err := a.openWriter(cmd)
	if err != nil {
		return nil, actor, model.Meeting{}, err
	}
	m, err := openMeeting(s)
	if err != nil {
		s.Close()
		return nil, actor, m, err
	}
	return s, actor, m, nil
}

// meetingCommand is a command on the open meeting: run does the change and
// says what it did.
func (a *app) meetingCommand(use, short, long, example string, args cobra.PositionalArgs,
	run func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error) *cobra.Command {
	return &cobra.Command{
		Use: use, Short: short, Long: long, Example: example, Args: usageArgs(args),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			s, actor, m, err := a.inMeeting(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			return run(cmd, args, s, actor, m, cmd.OutOrStdout())
		}),
	}
}

func newMeetingAttendCmd(a *app) *cobra.Command {
	var apologies, absent, everyone bool
	cmd := a.meetingCommand("attend [NAME…] [--apologies | --absent] [--everyone-else]",
		"Record attendance: present (default), apologies or absent",
		"attend marks the named members present, or --apologies or --absent. --everyone-else marks everyone "+
			"not yet marked as present.",
		"  tasking --as 'Helen Marsh' meeting attend 'Sgt Jas Patel' 'Gary Fletcher'\n"+
			"  tasking --as 'Helen Marsh' meeting attend 'Dr Omar Haddad' --apologies\n"+
			"  tasking --as 'Helen Marsh' meeting attend --everyone-else",
		cobra.ArbitraryArgs,
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			if apologies && absent {
				return usagef("give --apologies or --absent, not both")
			}
			if everyone {
				if len(args) > 0 || apologies || absent {
					return usagef("--everyone-else marks everyone not yet marked present: give no names with it")
				}
				m, err := s.MarkRemainingPresent(actor, m.ID)
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(w, "%s: %d present\n", m.Ref(), m.Count(model.Present))
				return err
			}
			if len(args) == 0 {
				return usagef("name the members to mark, or give --everyone-else")
			}
			status := model.Present
			switch {
			case apologies:
				status = model.Apologies
			case absent:
				status = model.Absent
			}
			for _, name := range args {
				mem, err := findMember(s, name, false)
				if err != nil {
					return err
				}
				if _, err := s.SetAttendance(actor, m.ID, mem.ID, status); err != nil {
					return err
				}
				if _, err := fmt.Fprintf(w, "%s: %s\n", mem.Name, status); err != nil {
					return err
				}
			}
			return nil
		})
	cmd.Flags().BoolVar(&apologies, "apologies", false, "they sent apologies")
	cmd.Flags().BoolVar(&absent, "absent", false, "they were absent")
	cmd.Flags().BoolVar(&everyone, "everyone-else", false, "mark everyone not yet marked as present")
	return cmd
}

func newMeetingGuestCmd(a *app) *cobra.Command {
	var org string
	var remove bool
	cmd := a.meetingCommand("guest NAME --org ORGANISATION",
		"Record a guest at the meeting (someone who is not a member), or take one off",
		"guest adds a guest, always present, with their organisation. --remove takes a guest added by mistake off "+
			"the list (the audit trail keeps both).",
		"  tasking --as 'Helen Marsh' meeting guest 'Karen Doyle' --org 'Chesterfield Royal Hospital'\n"+
			"  tasking --as 'Helen Marsh' meeting guest --remove 'Karen Doyle'",
		cobra.MinimumNArgs(1),
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			name := strings.Join(args, " ")
			if remove {
				if org != "" {
					return usagef("--remove takes only the guest's name")
				}
				i, err := m.FindGuest(name)
				if err != nil {
					return err
				}
				shown := m.GuestPart(i)
				if _, err := s.RemoveGuest(actor, m.ID, i, &shown); err != nil {
					return err
				}
				_, err = fmt.Fprintf(w, "%s is no longer a guest at %s\n", m.Guests[i].Name, m.Ref())
				return err
			}
			if _, err := s.AddGuest(actor, m.ID, nil, model.Guest{Name: name, Agency: org}); err != nil {
				return err
			}
			_, err := fmt.Fprintf(w, "%s (%s) is a guest at %s\n", model.CleanLine(name), model.CleanLine(org), m.Ref())
			return err
		})
	cmd.Flags().StringVar(&org, "org", "", "the guest's organisation")
	cmd.Flags().BoolVar(&remove, "remove", false, "take the named guest off the list")
	return cmd
}

func newMeetingStatementCmd(a *app) *cobra.Command {
	return a.meetingCommand("statement", "Record that the confidentiality statement was read",
		"statement records that the chair read the confidentiality statement (`tasking partnership show` prints it).",
		"  tasking --as 'Helen Marsh' meeting statement", cobra.NoArgs,
		func(cmd *cobra.Command, _ []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			if _, err := s.RecordConfidentiality(actor, m.ID); err != nil {
				return err
			}
			_, err := fmt.Fprintf(w, "%s: confidentiality statement recorded as read\n", m.Ref())
			return err
		})
}

func newMeetingDeclareCmd(a *app) *cobra.Command {
	var item string
	var none, withdraw, guest bool
	cmd := a.meetingCommand("declare NAME TEXT [--item ITEM] [--guest]",
		"Record a declaration of interest (or that there were none), or withdraw one",
		"declare records a member's declaration of interest, on one agenda item (--item: a hotspot ref, an item number "+
			"or a name) or on the meeting's business generally; with --guest, NAME is a guest at the meeting (meeting "+
			"guest), minuted with their organisation (in the public minutes by the organisation alone). --none records "+
			"that no interests were declared. A declaration on an item taken in private appears in the public minutes "+
			"only as having been made. --withdraw takes the member's or guest's latest declaration off the record (one "+
			"recorded by mistake; the audit trail keeps it).",
		"  tasking --as 'Helen Marsh' meeting declare 'Louise Birch' --item HS-4 A relative runs one of the shops\n"+
			"  tasking --as 'Helen Marsh' meeting declare --guest 'Karen Doyle' --item HS-1 Treats one of the family\n"+
			"  tasking --as 'Helen Marsh' meeting declare --none\n"+
			"  tasking --as 'Helen Marsh' meeting declare --withdraw 'Louise Birch'",
		cobra.ArbitraryArgs,
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			if withdraw {
				if len(args) != 1 || none || item != "" {
					return usagef("--withdraw takes only the name: declare --withdraw NAME")
				}
				i, err := m.FindDeclaration(args[0])
				if err != nil {
					return err
				}
				if _, err := s.WithdrawDeclaration(actor, m.ID, i); err != nil {
					return err
				}
				_, err = fmt.Fprintf(w, "%s: declaration by %s withdrawn\n", m.Ref(), m.Declarations[i].Name)
				return err
			}
			if none {
				if len(args) > 0 || item != "" || guest {
					return usagef("--none takes no name, item or text")
				}
				if _, err := s.SetNoDeclarations(actor, m.ID); err != nil {
					return err
				}
				_, err := fmt.Fprintf(w, "%s: no declarations of interest\n", m.Ref())
				return err
			}
			if len(args) < 2 {
				return usagef("declare needs the name and the interest: declare NAME TEXT (quote a name with spaces)")
			}
			var kind model.ItemKind
			var hotspot model.ID
			if item != "" {
				i, err := m.FindItem(item)
				if err != nil {
					return err
				}
				kind, hotspot = m.Agenda[i].Kind, m.Agenda[i].HotspotID
			}
			text := strings.Join(args[1:], " ")
			if guest {
				got, err := s.AddGuestDeclaration(actor, m.ID, args[0], nil, kind, hotspot, text)
				if err != nil {
					return err
				}
				d := got.Declarations[len(got.Declarations)-1]
				_, err = fmt.Fprintf(w, "%s: declaration by %s recorded\n", m.Ref(), model.CleanLine(d.Declarant()))
				return err
			}
			mem, err := findMember(s, args[0], false)
			if err != nil {
				if _, isGuest := m.FindGuest(args[0]); isGuest == nil {
					return fmt.Errorf("%w (%s is a guest at this meeting: add --guest)", err, model.CleanLine(args[0]))
				}
				return err
			}
			if _, err := s.AddDeclaration(actor, m.ID, mem.ID, nil, kind, hotspot, text); err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s: declaration by %s recorded\n", m.Ref(), mem.Name)
			return err
		})
	cmd.Flags().StringVar(&item, "item", "", "the agenda item it is on: HS-3, an item number, or a name")
	cmd.Flags().BoolVar(&guest, "guest", false, "NAME is a guest at the meeting, not a member")
	cmd.Flags().BoolVar(&none, "none", false, "no interests were declared")
	cmd.Flags().BoolVar(&withdraw, "withdraw", false, "withdraw the named member's or guest's latest declaration")
	return cmd
}

func newMeetingApproveCmd(a *app) *cobra.Command {
	return a.meetingCommand("approve-minutes", "Approve the previous meeting's minutes as a correct record",
		"approve-minutes records the resolution that the previous meeting's minutes are a correct record: they become final.",
		"  tasking --as 'Helen Marsh' meeting approve-minutes", cobra.NoArgs,
		func(cmd *cobra.Command, _ []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			d, err := s.ApprovePreviousMinutes(actor, m.ID)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s recorded: %s\n", d.Ref(), d.Resolved())
			return err
		})
}

func newMeetingReviewCmd(a *app) *cobra.Command {
	var accept bool
	var status, due, reason, note string
	cmd := a.meetingCommand("review REF [--accept] [--status S] [--due WHEN --reason TEXT] [--note TEXT]",
		"Review an action in matters arising",
		"review records what matters arising did with an action: with no flag, reviewed with no change; --accept "+
			"accepts the agency's latest update as it stands (it goes in the minutes); --status changes its status "+
			"(with --note as the reason or outcome); --due carries it forward to a new date with --reason; --note "+
			"adds a progress note. Everything is minuted under this meeting.",
		"  tasking --as 'Helen Marsh' meeting review A-12\n"+
			"  tasking --as 'Helen Marsh' meeting review A-12 --accept\n"+
			"  tasking --as 'Helen Marsh' meeting review A-12 --status done --note 'Patrols finished'\n"+
			"  tasking --as 'Helen Marsh' meeting review A-12 --due +2w --reason 'Waiting for the landlord'",
		cobra.ExactArgs(1),
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			id, err := model.ParseRef(model.ActionPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			changed := cmd.Flags().Changed
			if changed("due") != changed("reason") {
				return usagef("--due and --reason go together: say why the date moves")
			}
			act, err := s.Action(id)
			if err != nil {
				return err
			}
			switch {
			case accept:
				if changed("status") || changed("due") || changed("note") {
					return usagef("--accept takes the update as it stands: give it alone")
				}
				act, err = s.AcceptUpdate(actor, id, act.Version, m.ID)
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(w, "%s: update accepted\n", act.Ref())
				return err
			case !changed("status") && !changed("due") && !changed("note"):
				if _, err := s.MarkReviewed(actor, id, m.ID); err != nil {
					return err
				}
				_, err = fmt.Fprintf(w, "%s: reviewed, no change\n", act.Ref())
				return err
			}
			change := store.ActionChange{Note: note, Reason: reason, MeetingID: m.ID}
			if changed("status") {
				if change.Status, err = model.ParseActionStatus(status); err != nil {
					return flagUsage("status", err)
				}
			}
			if changed("due") {
				if change.Due, err = parseDue(s, due); err != nil {
					return err
				}
			}
			after, err := s.UpdateAction(actor, id, act.Version, change)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s: %s, due %s\n", after.Ref(), after.Status.Label(), after.Due)
			return err
		})
	cmd.Flags().BoolVar(&accept, "accept", false, "accept the agency's latest update as it stands")
	cmd.Flags().StringVar(&status, "status", "", "open, in-progress, done, blocked or cancelled")
	cmd.Flags().StringVar(&due, "due", "", "carry forward to: 2026-12-01, +2w, next-meeting …")
	cmd.Flags().StringVar(&reason, "reason", "", "why the date moves")
	cmd.Flags().StringVar(&note, "note", "", "a progress note, or the status change's reason")
	return cmd
}

func newMeetingAgendaCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "agenda",
		Short: "Show the open meeting's agenda, numbered",
		Long: "agenda lists the items of the meeting under way with their numbers (what --item and move take); P2 marks " +
			"items taken in private, > the item the meeting is on. Then the open hotspots it does not hold: those the " +
			"review cadence left off (high risk is reviewed every meeting, medium every second, low every fourth) with " +
			"when each falls due, and any due that were taken off; `meeting add HS-n` puts one on.",
		Example: "  tasking meeting agenda",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			m, err := openMeeting(s)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			var ids []model.ID
			for _, it := range m.Agenda {
				if it.HotspotID != 0 {
					ids = append(ids, it.HotspotID)
				}
			}
			hotspots, err := s.HotspotsOf(ids)
			if err != nil {
				return err
			}
			rec, err := s.MeetingRecord(m.ID)
			if err != nil {
				return err
			}
			now := s.Now()
			for i, it := range m.Agenda {
				cur, p2 := " ", "  "
				if i == m.Current {
					cur = ">"
				}
				if it.Part2 {
					p2 = "P2"
				}
				flag := ""
				if c, ok := model.PowerFlagOf(rec.Powers, it.HotspotID, now); ok && it.HotspotID != 0 {
					flag = "  ⚑ power " + c.Line(now)
				}
				if _, err := fmt.Fprintf(w, "%s%3d %s %s%s\n", cur, i+1, p2, model.CleanLine(model.ItemTitle(it, hotspots)), flag); err != nil {
					return err
				}
			}
			return writeOffAgenda(w, rec.OffAgenda(), rec.Powers, now)
		}),
	}
}

func newMeetingMoveCmd(a *app) *cobra.Command {
	var up, down bool
	cmd := a.meetingCommand("move ITEM --up|--down", "Move a hotspot up or down the agenda",
		"move moves a hotspot item one place up or down the hotspot walk (standing items keep their places).",
		"  tasking --as 'Helen Marsh' meeting move HS-3 --up", cobra.ExactArgs(1),
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			if up == down {
				return usagef("give --up or --down")
			}
			i, err := m.FindItem(args[0])
			if err != nil {
				return err
			}
			delta := 1
			if up {
				delta = -1
			}
			shown := m.ItemPart(model.PartAgendaItem, i)
			if m, err = s.MoveAgendaItem(actor, m.ID, i, delta, &shown); err != nil {
				return err
			}
			if i, err = m.FindItem(args[0]); err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s is now item %d\n", model.CleanLine(args[0]), i+1)
			return err
		})
	cmd.Flags().BoolVar(&up, "up", false, "one place earlier")
	cmd.Flags().BoolVar(&down, "down", false, "one place later")
	return cmd
}

func newMeetingDropCmd(a *app) *cobra.Command {
	return a.meetingCommand("drop ITEM", "Take a hotspot off this meeting's agenda",
		"drop takes a hotspot item off this meeting's agenda (the hotspot stays open). An item with business "+
			"recorded under it stays.",
		"  tasking --as 'Helen Marsh' meeting drop HS-11", cobra.ExactArgs(1),
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			i, err := m.FindItem(args[0])
			if err != nil {
				return err
			}
			shown := m.ItemPart(model.PartAgendaItem, i)
			if _, err := s.DropAgendaItem(actor, m.ID, i, &shown); err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "%s dropped from the agenda of %s\n", model.CleanLine(args[0]), m.Ref())
			return err
		})
}

func newMeetingAddCmd(a *app) *cobra.Command {
	return a.meetingCommand("add HOTSPOT", "Put a hotspot on this meeting's agenda",
		"add puts an open hotspot that is not on the agenda at the end of the hotspot walk (or of Part 2, if it is "+
			"taken in private).",
		"  tasking --as 'Helen Marsh' meeting add HS-14", cobra.ExactArgs(1),
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			id, err := model.ParseRef(model.HotspotPrefix, args[0])
			if err != nil {
				return &usageError{err}
			}
			m, err = s.AddAgendaHotspot(actor, m.ID, id)
			if err != nil {
				return err
			}
			i, _ := m.FindItem(model.HotspotRef(id))
			_, err = fmt.Fprintf(w, "%s added to the agenda of %s as item %d\n", model.HotspotRef(id), m.Ref(), i+1)
			return err
		})
}

func newMeetingBudgetCmd(a *app) *cobra.Command {
	return a.meetingCommand("budget ITEM MINUTES", "Give an agenda item a time budget",
		"budget gives an item of the open meeting a time budget (10, 10m, 1h30; 0 clears it). The app's status bar "+
			"then projects when the meeting will end.",
		"  tasking --as 'Helen Marsh' meeting budget HS-3 10m\n  tasking --as 'Helen Marsh' meeting budget 'matters arising' 20",
		cobra.ExactArgs(2),
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			i, err := m.FindItem(args[0])
			if err != nil {
				return err
			}
			minutes, err := model.ParseBudget(args[1])
			if err != nil {
				return &usageError{err}
			}
			shown := m.ItemPart(model.PartItemBudget, i) // the item named, wherever it is by the time it is saved
			if _, err := s.SetItemBudget(actor, m.ID, i, &shown, minutes); err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "item %d: %d minutes\n", i+1, minutes)
			return err
		})
}

func newMeetingUndoCmd(a *app) *cobra.Command {
	var list bool
	cmd := a.meetingCommand("undo [N] [--list]", "Undo one of your last changes in the open meeting (the newest, or number N of --list)",
		"undo takes back one of your last "+fmt.Sprint(model.MaxUndo)+" changes in the meeting under way — a status, a "+
			"review, a note, a resolution, an action assigned, an attendance mark, a hotspot's risk or status — as a "+
			"correction recorded in the audit trail. Without N it is the newest; --list names them, newest first, "+
			"numbered. It refuses if the record has changed since (undo the later change first, or change it back "+
			"by hand).",
		"  tasking --as 'Helen Marsh' meeting undo\n  tasking --as 'Helen Marsh' meeting undo --list\n  tasking --as 'Helen Marsh' meeting undo 3",
		cobra.MaximumNArgs(1),
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			if list && len(args) > 0 {
				return usagef("give N or --list, not both")
			}
			choices, err := s.UndoChoices(actor, m.ID)
			if err != nil {
				return err
			}
			if list {
				for i, c := range choices {
					if _, err := fmt.Fprintf(w, "%2d  %s  %s\n", i+1, c.At.Local().Format("15:04"), model.CleanLine(c.Name)); err != nil {
						return err
					}
				}
				return nil
			}
			n := 1
			if len(args) == 1 {
				if n, err = strconv.Atoi(args[0]); err != nil || n < 1 || n > len(choices) {
					return usagef("N is a number from 1 to %d (see --list)", len(choices))
				}
			}
			said, err := s.UndoChange(actor, m.ID, choices[n-1].Key())
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(w, said)
			return err
		})
	cmd.Flags().BoolVar(&list, "list", false, "name your last changes that undo can take back, newest first, numbered")
	return cmd
}

func newMeetingNextCmd(a *app) *cobra.Command {
	var clock, place string
	cmd := a.meetingCommand("next WHEN [--time HH:MM] [--place TEXT]", "Fix the date of the next meeting",
		"next fixes the next meeting's date (WHEN: 2026-12-01, +1w, tue …), time and place (default: this meeting's).",
		"  tasking --as 'Helen Marsh' meeting next +1w\n  tasking --as 'Helen Marsh' meeting next 2026-12-08 --time 14:00 --place 'Committee Room 2'",
		cobra.ExactArgs(1),
		func(cmd *cobra.Command, args []string, s store.Record, actor model.Actor, m model.Meeting, w io.Writer) error {
			d, err := model.ParseWhen(args[0], m.Date, model.Date{})
			if err != nil {
				return &usageError{err}
			}
			if m, err = s.SetNextMeeting(actor, m.ID, nil, d, clock, place); err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "next meeting: %s %s, %s\n", m.NextDate.Format("Mon 2 Jan 2006"), m.NextTime, model.CleanLine(m.NextPlace))
			return err
		})
	cmd.Flags().StringVar(&clock, "time", "", "the time (default: this meeting's)")
	cmd.Flags().StringVar(&place, "place", "", "the place (default: this meeting's)")
	return cmd
}

// writeOffAgenda lists the open hotspots an agenda leaves off
// (model.MeetingRecord.OffAgenda), with why and when each falls due.
func writeOffAgenda(w io.Writer, off []model.OffAgenda, powers []model.Power, now time.Time) error {
	if len(off) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nNot on the agenda (%d; `meeting add HS-n` puts one on):\n", len(off))
	for _, o := range off {
		h := o.Hotspot
		p2 := "  "
		if h.Private() {
			p2 = "P2"
		}
		flag := ""
		if c, ok := model.PowerFlagOf(powers, h.ID, now); ok {
			flag = "; ⚑ power " + c.Line(now)
		}
		if _, err := fmt.Fprintf(w, "     %s %-6s %-4s %s — %s (last reviewed %s)%s\n", p2, h.Ref(), h.Risk.Short(), model.CleanLine(h.Title),
			o.Why(), orNever(h.LastReviewed.Format("2 Jan 2006")), flag); err != nil {
			return err
		}
	}
	return nil
}
