package store

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// z in the meeting: the chair's last change comes back, once, recorded as
// a correction; navigation is not a change; someone else's later change
// stops it.
func TestUndoTheChairsLastChange(t *testing.T) {
	s, clock, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	tick := func() { clock.t = clock.t.Add(1e9) }
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "nothing to undo") {
		t.Fatalf("undo with nothing done: %v", err)
	}

	// An action assigned, then its status slipped to done.
	tick()
	act, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.DateOf(clock.t).AddDays(7), MeetingID: m.ID})
	mustNoErr(t, err)
	tick()
	_, err = s.SetActionStatus(chair, act.ID, 0, model.StatusDone, "", m.ID)
	mustNoErr(t, err)
	tick()
	_, err = s.GoToItem(chair, m.ID, 4) // moving on is not a change
	mustNoErr(t, err)
	said, err := s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if !strings.Contains(said, act.Ref()+" back to open") {
		t.Errorf("undo said %q", said)
	}
	a, _ := s.Action(act.ID)
	hist, _ := s.ActionHistory(act.ID)
	if a.Status != model.StatusOpen || !a.CompletedOn.IsZero() || len(hist) != 1 {
		t.Fatalf("after undo: %s, completed %s, %d history entries (want open, none, just 'assigned')", a.Status, a.CompletedOn, len(hist))
	}
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "one change") {
		t.Fatalf("a second undo: %v", err)
	}

	// A note, undone.
	tick()
	n, err := s.RecordNote(chair, m.ID, model.NewNote{HotspotID: 1, Text: "Wrong item"})
	mustNoErr(t, err)
	tick()
	_, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	rec, _ := s.MeetingRecord(m.ID)
	for _, x := range rec.Notes {
		if x.ID == n.ID {
			t.Fatal("the note is still there")
		}
	}

	// Attendance marked by mistake comes back unmarked.
	tick()
	_, err = s.SetAttendance(chair, m.ID, 2, model.Apologies)
	mustNoErr(t, err)
	tick()
	_, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if got, _ := s.Meeting(m.ID); got.AttendanceOf(2) != model.Unmarked {
		t.Errorf("attendance after undo: %q", got.AttendanceOf(2))
	}

	// Someone else changed the action since: refused, nothing touched.
	tick()
	_, err = s.SetActionStatus(chair, act.ID, 0, model.StatusBlocked, "", m.ID)
	mustNoErr(t, err)
	tick()
	_, err = s.AddActionNote(sgt, act.ID, "On it", 0)
	mustNoErr(t, err)
	tick()
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "has changed since") {
		t.Fatalf("undo over someone else's change: %v", err)
	}
	if a, _ := s.Action(act.ID); a.Status != model.StatusBlocked {
		t.Fatalf("a refused undo changed the action: %s", a.Status)
	}

	// The agenda's Part 2 cannot be undone.
	tick()
	_, err = s.SetItemPart2(chair, m.ID, 4, true, 0)
	mustNoErr(t, err)
	tick()
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "(moving an item into or out of Part 2) cannot be undone") {
		t.Fatalf("undo of a Part 2 move: %v", err)
	}

	// An action assigned by mistake goes, history and all.
	tick()
	oops, err := s.AssignAction(chair, model.NewAction{Text: "Wrong", AgencyID: 3, Due: model.DateOf(clock.t).AddDays(7), MeetingID: m.ID})
	mustNoErr(t, err)
	tick()
	_, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if _, err := s.Action(oops.ID); err == nil {
		t.Error("the mistaken action is still there")
	}
	if h, _ := s.ActionHistory(oops.ID); len(h) != 0 {
		t.Errorf("its history is still there: %v", h)
	}

	// Each undo is in the audit trail beside what it undid.
	events, _ := s.AuditEvents(0)
	undos := 0
	for _, e := range events {
		if e.Op == "meeting.undo" {
			undos++
		}
	}
	if undos != 4 {
		t.Errorf("%d undo events, want 4", undos)
	}
}

// The meeting's own record — the statement read, "no declarations", the
// next meeting's date — comes back too: each a slip the chair can make.
func TestUndoTheMeetingsOwnRecord(t *testing.T) {
	s, clock, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	undo := func(want string) model.Meeting {
		t.Helper()
		clock.t = clock.t.Add(1e9)
		said, err := s.Undo(chair, m.ID)
		mustNoErr(t, err)
		if !strings.Contains(said, want) {
			t.Errorf("undo said %q, want %q", said, want)
		}
		got, _, err := s.OpenMeeting()
		mustNoErr(t, err)
		return got
	}
	_, err = s.RecordConfidentiality(chair, m.ID)
	mustNoErr(t, err)
	if got := undo("no longer recorded as read"); got.ConfidentialityRead {
		t.Error("the statement is still recorded as read")
	}
	_, err = s.SetNoDeclarations(chair, m.ID)
	mustNoErr(t, err)
	if got := undo(`"no declarations" taken back`); got.NoDeclarations {
		t.Error("no declarations is still recorded")
	}
	_, err = s.SetNextMeeting(chair, m.ID, m.Date.AddDays(7), "", "")
	mustNoErr(t, err)
	if got := undo("none fixed"); !got.NextDate.IsZero() {
		t.Errorf("the next meeting is still %s", got.NextDate)
	}
	_, err = s.SetNextMeeting(chair, m.ID, m.Date.AddDays(14), "", "")
	mustNoErr(t, err)
	_, err = s.SetNextMeeting(chair, m.ID, m.Date.AddDays(21), "", "")
	mustNoErr(t, err)
	if got := undo("back to " + m.Date.AddDays(14).String()); got.NextDate != m.Date.AddDays(14) {
		t.Errorf("the next meeting is %s", got.NextDate)
	}
}
