package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// A rep's update saved by mistake is put right: its author corrects the
// words or withdraws it, with a reason; nobody else but the chair may. The
// action's latest update follows, the record keeps the first words, and
// both are audited.
func testCorrectAndWithdrawAnUpdate(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	tick := func() { clock.t = clock.t.Add(1e9) }
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.DateOf(clock.t).AddDays(14)})
	mustNoErr(t, err)
	tick()
	_, err = s.AddActionNote(sgt, a.ID, 0, "First patrol done", 0)
	mustNoErr(t, err)
	tick()
	a, err = s.AddActionNote(sgt, a.ID, 0, "x", 0)
	mustNoErr(t, err)
	if a.LastUpdate != "x" {
		t.Fatalf("latest %q", a.LastUpdate)
	}
	tick()
	if _, err := s.CorrectUpdate(viewer, a.ID, a.Version, "nothing", "because"); err == nil || !strings.Contains(err.Error(), "may not") {
		t.Fatalf("a viewer corrected a rep's update: %v", err)
	}
	if _, err := s.CorrectUpdate(sgt, a.ID, a.Version, "Second patrol done", " "); err == nil {
		t.Fatal("a correction without a reason")
	}
	a, err = s.CorrectUpdate(sgt, a.ID, a.Version, "Second patrol done", "saved by mistake")
	mustNoErr(t, err)
	if a.LastUpdate != "Second patrol done (corrected)" {
		t.Errorf("latest after the correction: %q", a.LastUpdate)
	}
	hist, _ := s.ActionHistory(a.ID)
	last := hist[len(hist)-1]
	if last.Corrected == nil || last.Corrected.Original != "x" || last.Corrected.By != sgt.Name || last.Text != "Second patrol done" {
		t.Fatalf("the corrected update: %+v %+v", last, last.Corrected)
	}
	// A stale form is refused, as any change to the action.
	tick()
	if _, err := s.WithdrawUpdate(sgt, a.ID, a.Version-1, "stale"); err == nil || !strings.Contains(err.Error(), "was changed") {
		t.Fatalf("a withdrawal against an old version: %v", err)
	}
	a, err = s.WithdrawUpdate(chair, a.ID, a.Version, "the sergeant asked")
	mustNoErr(t, err)
	if a.LastUpdate != "First patrol done" || a.LastUpdateBy != sgt.Name {
		t.Errorf("latest after the withdrawal: %q by %q", a.LastUpdate, a.LastUpdateBy)
	}
	events, _ := s.AuditEvents(0)
	var ops []string
	for _, e := range events {
		if e.Op.Subject() == "update" {
			ops = append(ops, string(e.Op))
		}
	}
	if strings.Join(ops, " ") != "update.withdraw update.correct" {
		t.Errorf("audited: %v", ops)
	}
}

// A meeting still open that accepted a rep's words accepts them as they
// are put right: corrected, its record (and so its minutes) says the new
// words marked "(corrected)"; withdrawn with nothing else new, its
// acceptance goes with them and the action is to be reviewed again.
func testCorrectionReachesAnOpenMeetingsAcceptance(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	tick := func() { clock.t = clock.t.Add(time.Minute) }
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.DateOf(clock.t).AddDays(14)})
	mustNoErr(t, err)
	tick()
	a, err = s.AddActionNote(sgt, a.ID, 0, "Back from Friday", 0)
	mustNoErr(t, err)
	tick()
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	tick()
	a, err = s.AcceptUpdate(chair, a.ID, a.Version, m.ID)
	mustNoErr(t, err)
	accepted := func() (model.ActionUpdate, bool) {
		t.Helper()
		rec, err := s.MeetingRecord(m.ID)
		mustNoErr(t, err)
		for _, u := range rec.UpdatesIn(m.ID)[a.ID] {
			if u.Kind == model.UpdateAccept {
				return u, true
			}
		}
		return model.ActionUpdate{}, false
	}
	tick()
	a, err = s.CorrectUpdate(sgt, a.ID, a.Version, "Back from Monday", "wrong day")
	mustNoErr(t, err)
	if u, ok := accepted(); !ok || !strings.Contains(u.Text, "Back from Monday (corrected)") || strings.Contains(u.Text, "Friday") {
		t.Errorf("the open meeting accepted %q after the correction", u.Text)
	}
	tick()
	_, err = s.WithdrawUpdate(sgt, a.ID, a.Version, "saved by mistake")
	mustNoErr(t, err)
	if u, ok := accepted(); ok {
		t.Errorf("the open meeting still accepts withdrawn words: %q", u.Text)
	}
}
