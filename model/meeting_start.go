package model

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Starting a meeting and planning the next: which meeting opens, on what
// date, with what agenda, who is on its attendance list and who chairs it.

// MeetingOpenError: a meeting is already under way.
type MeetingOpenError struct{ Meeting Meeting }

func (e *MeetingOpenError) Error() string {
	return fmt.Sprintf("meeting %s (%s) is already open: resume it", e.Meeting.Ref(), e.Meeting.When())
}

// SortMeetings puts meetings in the order they were held: by date, and of
// two on one day the one made first.
func SortMeetings(ms []Meeting) {
	slices.SortStableFunc(ms, func(a, b Meeting) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// MeetingToStart picks, from every meeting in order (SortMeetings), what
// starting this week's meeting works from. None may be under way — one
// open is resumed, never started twice (a MeetingOpenError names it). The
// first planned meeting (the last one fixed its date) is the one that
// opens; nil means a new one is made. The last closed is the meeting
// before it, whose minutes it approves and whose actions are its matters
// arising.
func MeetingToStart(meetings []Meeting) (planned, previous *Meeting, err error) {
	for i := range meetings {
		switch meetings[i].State {
		case MeetingOpen:
			return nil, nil, &MeetingOpenError{meetings[i]}
		case MeetingPlanned:
			if planned == nil {
				planned = &meetings[i]
			}
		case MeetingClosed:
			previous = &meetings[i]
		}
	}
	return planned, previous, nil
}

// NewMeeting is a meeting nobody planned, made now: the partnership's
// usual time, place and kind, its date still to be fixed (StartDate).
func NewMeeting(p Partnership, at time.Time) Meeting {
	return Meeting{Time: p.DefaultTime, Place: p.DefaultPlace, Kind: p.DefaultKind, CreatedAt: at}
}

// StartDate is the date a meeting starts on: the one asked for, else the
// date it was planned for, else today.
func StartDate(asked, planned, today Date) Date {
	switch {
	case !asked.IsZero():
		return asked
	case !planned.IsZero():
		return planned
	}
	return today
}

// CheckStartDate refuses to start a meeting before the last one (previous;
// nil when there was none): the record runs forward, and the new meeting's
// matters arising are the last one's actions. The same day is allowed (a
// meeting re-convened).
func CheckStartDate(previous *Meeting, date Date) error {
	if previous != nil && !previous.Date.Before(date) && previous.Date != date {
		return Invalid("date", "the last meeting was on %s: a new meeting cannot be earlier", previous.Date)
	}
	return nil
}

// OpeningAgenda is the agenda a meeting opens with after last (the last
// closed meeting; nil when there was none): BuildAgenda over the hotspots,
// with those last deferred first, and the ASB case reviews item while
// caseReviews of them wait for a decision or an answer. A planned
// meeting's draft shows the same, as starting it would set it.
func OpeningAgenda(last *Meeting, hotspots []Hotspot, held []Date, caseReviews int) []AgendaItem {
	var deferred []ID
	if last != nil {
		deferred = last.Deferred
	}
	return WithCaseReviews(BuildAgenda(hotspots, deferred, held), caseReviews)
}

// AttendanceList is who a new meeting's attendance list names, unmarked:
// every member still on the group whose role sits at meetings. Retired
// members and those on the circulation list only are not on it (the
// circulation list receives the minutes; it does not attend).
func AttendanceList(members []Member) []Attendee {
	var out []Attendee
	for _, m := range members {
		if m.Retired || !m.Role.Attends() {
			continue
		}
		out = append(out, Attendee{MemberID: m.ID})
	}
	return out
}

// MeetingChair is who chairs a meeting that by starts: a chair starting it
// chairs it (a partnership may have more than one); anyone else — an admin
// opening it for the chair — starts it with the partnership's chair in the
// chair.
func MeetingChair(partnershipChair ID, by Actor) ID {
	if by.Role == RoleChair && by.MemberID != 0 {
		return by.MemberID
	}
	return partnershipChair
}

// Open puts m under way at at, on its first item, whose clock starts then.
func (m *Meeting) Open(at time.Time) {
	m.State, m.OpenedAt, m.Current, m.ItemStartedAt = MeetingOpen, at, 0, at
}

// Started: the meeting has opened (it is under way or closed). "The latest
// meeting" is the latest started; a planned one has no record yet.
func (m Meeting) Started() bool { return m.State != MeetingPlanned }

// PlansNext: closing m plans the next meeting only when m fixed its date.
func (m Meeting) PlansNext() bool { return !m.NextDate.IsZero() }

// NextPlanned is the meeting closing m plans (when PlansNext): the one
// already planned (waiting; nil when none) moved to the date, time and
// place m fixed, keeping the rest of it; otherwise a new one on that date,
// of m's kind and with m's chair.
func NextPlanned(closed Meeting, waiting *Meeting) Meeting {
	if waiting != nil {
		next := *waiting
		next.Date, next.Time, next.Place = closed.NextDate, closed.NextTime, closed.NextPlace
		return next
	}
	return Meeting{Date: closed.NextDate, Time: closed.NextTime, Place: closed.NextPlace, Kind: closed.Kind,
		ChairID: closed.ChairID, State: MeetingPlanned}
}

// NextMeetingDate is what "next-meeting" means in a WHEN date, the same on
// the command line as in the app, in a meeting or between meetings: the
// date fixed for the next meeting — by the meeting under way (open), else
// the planned meeting's (planned) — else the date the partnership's
// cadence gives: a cadence on from the meeting under way, else from the
// last meeting held (last), stepped on until it is not before today (a
// group that has not met for a while still meets next in the future).
// Zero when there is no meeting to go by. Any of the meetings may be nil.
func NextMeetingDate(open, planned, last *Meeting, cadence Cadence, today Date) Date {
	switch {
	case open != nil && !open.NextDate.IsZero():
		return open.NextDate
	case planned != nil:
		return planned.Date
	}
	from := last
	if open != nil {
		from = open
	}
	if from == nil || from.Date.IsZero() {
		return Date{}
	}
	d := cadence.After(from.Date)
	for d.Before(today) {
		d = cadence.After(d)
	}
	return d
}
