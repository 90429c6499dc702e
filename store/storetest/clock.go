package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Time cannot run backwards in the record (model.CheckStamp): a change to
// any record — action, hotspot, meeting, member, agency, decision, note —
// is refused when the clock reads well before that record's last change,
// naming both times, and nothing is written. A clock only a little behind
// (another process's) goes ahead, stamped at the last change, not before.

const behind = " — the computer's clock (or TASKING_NOW) is behind: nothing was saved"

// at is 24 November 2026 at hh:mm, the tiny partnership's meeting day.
func at(hh, mm int) time.Time { return time.Date(2026, 11, 24, hh, mm, 0, 0, time.Local) }

// refusedForTheClock checks err is a *model.ClockError about ref saying
// want, and that nothing was written.
func refusedForTheClock(t *testing.T, s store.Record, auditBefore int, err error, ref, want string) {
	t.Helper()
	var ce *model.ClockError
	if !errors.As(err, &ce) || ce.Ref != ref {
		t.Fatalf("%s: got %v, want a clock refusal naming %s", ref, err, ref)
	}
	if want != "" && err.Error() != want {
		t.Errorf("%s: %q\nwant %q", ref, err.Error(), want)
	}
	if n := len(mustAudit(t, s)); n != auditBefore {
		t.Errorf("%s: a change refused for the clock wrote %d audit events", ref, n-auditBefore)
	}
}

func testNoChangeStampedBeforeTheLast(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	clock.t = at(10, 42)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-08"), MeetingID: m.ID})
	mustNoErr(t, err)

	// The computer's clock set back twelve minutes.
	clock.t = at(10, 30)
	n := len(mustAudit(t, s))
	_, err = s.SetActionStatus(chair, a.ID, a.Version, model.StatusInProgress, "", m.ID)
	refusedForTheClock(t, s, n, err, "A-1", "A-1 was last changed at 10:42 on 24 Nov; this change would be stamped 10:30"+behind)
	if got, _ := s.Action(a.ID); got.Status != model.StatusOpen || got.Version != a.Version {
		t.Fatalf("a refused change changed the action: %+v", got)
	}
	// TASKING_NOW a day early.
	clock.t = at(10, 42).AddDate(0, 0, -1)
	_, err = s.SetActionStatus(chair, a.ID, a.Version, model.StatusInProgress, "", m.ID)
	refusedForTheClock(t, s, n, err, "A-1", "A-1 was last changed at 10:42 on 24 Nov; this change would be stamped 10:42 on 23 Nov"+behind)

	// Two minutes behind is another process's clock: the change goes
	// ahead, stamped at the last change rather than before it.
	clock.t = at(10, 40)
	a, err = s.SetActionStatus(chair, a.ID, a.Version, model.StatusInProgress, "", m.ID)
	mustNoErr(t, err)
	if !a.UpdatedAt.Equal(at(10, 42)) {
		t.Errorf("stamped %v, want 10:42 (its last change), not the clock's 10:40", a.UpdatedAt)
	}
	if e := mustAudit(t, s)[0]; e.At.Before(at(10, 42)) {
		t.Errorf("its audit event is stamped %v, before the action's last change", e.At)
	}

	// Every kind of record: a change at T, then one an hour before T.
	laptop, fpLaptop := testKey(t, 7, "jas@laptop")
	var d model.Decision
	var note model.Note
	kinds := []struct {
		ref           string
		first, second func() error
	}{
		{"HS-2",
			func() error { _, err := s.SetHotspotRisk(chair, 2, 0, model.RiskMedium, "repeat calls", 0); return err },
			func() error { _, err := s.SetHotspotRisk(chair, 2, 0, model.RiskHigh, "more calls", 0); return err }},
		{"M-1",
			func() error { _, err := s.GoToItem(chair, m.ID, 1); return err },
			func() error { _, err := s.GoToItem(chair, m.ID, 2); return err }},
		{sgt.Name,
			func() error { _, _, err := s.AddMemberKeys(chair, sgt.MemberID, []string{laptop}); return err },
			func() error { _, err := s.RemoveMemberKey(chair, sgt.MemberID, fpLaptop); return err }},
		{"Council Housing Services",
			func() error { _, err := s.RenameAgency(chair, 3, 0, "Council Housing Services", "Housing"); return err },
			func() error { _, err := s.RenameAgency(chair, 3, 0, "Council Housing", "Housing"); return err }},
		{"D-1",
			func() (err error) {
				if d, err = s.RecordDecision(chair, m.ID, "", 1, "that patrols continue", false); err != nil {
					return err
				}
				if note, err = s.AddNote(chair, m.ID, "", 1, "Quieter this week", false); err != nil {
					return err
				}
				_, err = s.CloseMeeting(chair, m.ID) // amendments are to closed minutes
				return err
			},
			func() error { _, err := s.Amend(chair, d.Ref(), "that patrols continue weekly", "typo"); return err }},
		{"N-1",
			func() error { return nil }, // recorded with D-1
			func() error { _, err := s.Amend(chair, note.Ref(), "Much quieter this week", "typo"); return err }},
	}
	for _, k := range kinds {
		clock.t = clock.t.Add(time.Minute)
		if err := k.first(); err != nil {
			t.Fatalf("%s: %v", k.ref, err)
		}
		n := len(mustAudit(t, s))
		clock.t = clock.t.Add(-time.Hour)
		refusedForTheClock(t, s, n, k.second(), k.ref, "")
		clock.t = clock.t.Add(time.Hour)
		if err := k.second(); err != nil { // the clock put right, it goes ahead
			t.Fatalf("%s, the clock put right: %v", k.ref, err)
		}
	}
}

// A meeting cannot close before it started: the close is refused naming
// both times and the meeting stays under way; a clock only a little
// behind closes it at its start.
func testMeetingNeverClosesBeforeItStarted(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	n := len(mustAudit(t, s))
	for _, c := range []struct {
		now  time.Time
		want string
	}{
		{at(9, 0), "M-1 started at 10:00 on 24 Nov; it cannot close at 09:00" + behind},
		{at(10, 0).AddDate(0, 0, -1), "M-1 started at 10:00 on 24 Nov; it cannot close at 10:00 on 23 Nov" + behind},
	} {
		clock.t = c.now
		_, err := s.CloseMeeting(chair, m.ID)
		refusedForTheClock(t, s, n, err, "M-1", c.want)
		if got, open, _ := s.OpenMeeting(); !open || got.ID != m.ID || !got.ClosedAt.IsZero() {
			t.Fatalf("a refused close closed the meeting: %+v", got)
		}
	}
	clock.t = at(9, 58)
	closed, err := s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	if !closed.ClosedAt.Equal(closed.OpenedAt) {
		t.Errorf("closed at %v by a clock two minutes behind its start %v: want its start", closed.ClosedAt, closed.OpenedAt)
	}
}
