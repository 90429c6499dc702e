package storetest

import (
	"errors"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// A risk assessment sets the level from the matrix, keeps the matrix on the
// hotspot, is the chair's or an admin's to make (refused naming the
// change), is refused against a version changed since (saying who changed
// what), is minuted in a meeting and can be undone there.
func testRiskAssessedByTheMatrix(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	a := model.RiskAssessment{Likelihood: 2, Harm: 3, Repeat: true}
	for _, who := range []model.Actor{sgt, viewer} {
		if _, err := s.AssessHotspot(who, 2, 0, a, "", 0); err == nil || !strings.Contains(err.Error(), "may not assess a hotspot's risk") {
			t.Errorf("%s assessing: %v", who.Name, err)
		}
	}
	if _, err := s.AssessHotspot(chair, 2, 0, model.RiskAssessment{Likelihood: 6, Harm: 1}, "", 0); err == nil || !strings.Contains(err.Error(), "likelihood is 1 to 5") {
		t.Errorf("likelihood 6: %v", err)
	}
	shown, _ := s.Hotspot(2)
	h, err := s.AssessHotspot(chair, 2, shown.Version, a, "Same family twice", 0)
	mustNoErr(t, err)
	if h.Risk != model.RiskMedium || h.Assessment == nil || h.Assessment.Score() != 6 || !h.Assessment.Repeat ||
		h.Assessment.On != model.DateOf(clock.t) || h.RiskReason != "Same family twice" {
		t.Fatalf("assessed: %+v %+v", h, h.Assessment)
	}
	if ev, _ := s.AuditEvents(1); len(ev) != 1 || ev[0].Op != "hotspot.assess" || ev[0].Ref != "HS-2" {
		t.Errorf("audit: %+v", ev)
	}
	// A form that showed the hotspot before is refused, saying what changed.
	clock.t = clock.t.Add(1e9)
	_, err = s.AssessHotspot(chair, 2, shown.Version, model.RiskAssessment{Likelihood: 1, Harm: 1}, "", 0)
	var conflict *store.ConflictError
	if !errors.As(err, &conflict) || conflict.By != chair.Name {
		t.Fatalf("a stale assessment: %v", err)
	}
	if now, ok := conflict.Now.(model.Hotspot); !ok || !strings.Contains(strings.Join(model.HotspotChanges(shown, now), "; "), "risk assessed: likelihood 2 × harm 3 = 6; repeat victim") {
		t.Errorf("a stale assessment is not told what changed: %+v", conflict.Now)
	}

	// In a meeting it is minuted under the hotspot, and undo takes it back.
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	clock.t = clock.t.Add(1e9)
	_, err = s.AssessHotspot(chair, 2, 0, model.RiskAssessment{Likelihood: 4, Harm: 4, Hate: true}, "Slurs painted on the door", m.ID)
	mustNoErr(t, err)
	rec, err := s.MeetingRecord(m.ID)
	mustNoErr(t, err)
	notes := rec.NotesIn(model.ItemHotspot, 2)
	if len(notes) != 1 || notes[0].Text != "Risk assessed: HIGH, was MEDIUM (likelihood 4 × harm 4 = 16; hate motivation). Slurs painted on the door." {
		t.Fatalf("minuted: %+v", notes)
	}
	clock.t = clock.t.Add(1e9)
	said, err := s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if !strings.Contains(said, "HS-2 back to medium risk") {
		t.Errorf("undo said %q", said)
	}
	back, _ := s.Hotspot(2)
	if back.Risk != model.RiskMedium || back.Assessment == nil || back.Assessment.Score() != 6 || back.RiskReason != "Same family twice" {
		t.Errorf("after undo: %+v %+v", back, back.Assessment)
	}
	if rec, _ := s.MeetingRecord(m.ID); len(rec.NotesIn(model.ItemHotspot, 2)) != 0 {
		t.Error("the undone assessment is still minuted")
	}
}

// The review cadence: a hotspot reviewed at the last meeting and not due
// yet is left off the next agenda and listed as off it, with when it falls
// due; business recorded under it in the meeting (an assessment, a note, a
// resolution, an action) takes it up onto the agenda, so its minutes say
// it; undoing that business leaves the item.
func testTheCadenceLeavesOffAndBusinessTakesUp(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	hs3, err := s.AddHotspot(chair, model.NewHotspot{Title: "Park", Category: model.CategoryNuisance, Risk: model.RiskMedium, LeadAgencyID: 1}, 0)
	mustNoErr(t, err)
	// Meeting 1 reviews every hotspot (HS-1 high, HS-2 low, HS-3 medium).
	m1, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	for _, id := range []model.ID{1, 2, hs3.ID} {
		_, err = s.RecordNote(chair, m1.ID, model.NewNote{Item: model.ItemHotspot, HotspotID: id, Text: model.NoChangeNote})
		mustNoErr(t, err)
	}
	_, err = s.CloseMeeting(chair, m1.ID)
	mustNoErr(t, err)

	clock.t = clock.t.AddDate(0, 0, 7)
	m2, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	if !m2.HasHotspot(1) || m2.HasHotspot(2) || m2.HasHotspot(hs3.ID) {
		t.Fatalf("agenda %v: HS-1 (high) is due every meeting, HS-3 (medium) every second, HS-2 (low) every fourth", m2.Agenda)
	}
	rec, err := s.MeetingRecord(m2.ID)
	mustNoErr(t, err)
	off := rec.OffAgenda()
	if len(off) != 2 || off[0].Hotspot.ID != hs3.ID || off[0].Why() != "not due: next meeting" || off[1].Hotspot.ID != 2 || off[1].Why() != "not due: in 3 meetings" {
		t.Fatalf("off the agenda: %+v", off)
	}
	if pub := model.PublicView(rec); len(pub.OffAgenda()) != 2 {
		t.Errorf("public hotspots off the agenda are not listed in the public view")
	}

	// Assessed in the meeting: taken up, minuted.
	clock.t = clock.t.Add(1e9)
	before, _ := s.AuditEvents(0)
	_, err = s.AssessHotspot(chair, 2, 0, model.RiskAssessment{Likelihood: 5, Harm: 4}, "", m2.ID)
	mustNoErr(t, err)
	after, _ := s.AuditEvents(0)
	var ops []string
	for i := len(after) - len(before) - 1; i >= 0; i-- {
		ops = append(ops, string(after[i].Op))
	}
	if strings.Join(ops, " ") != "hotspot.assess meeting.agenda_takeup note.add" {
		t.Errorf("audit events %v", ops)
	}
	m, _ := s.Meeting(m2.ID)
	if !m.HasHotspot(2) {
		t.Fatalf("HS-2 was not taken up: %v", m.Agenda)
	}
	if rec, _ := s.MeetingRecord(m2.ID); len(rec.OffAgenda()) != 1 || len(rec.NotesIn(model.ItemHotspot, 2)) != 1 {
		t.Errorf("after the assessment: off %v, notes %v", rec.OffAgenda(), rec.NotesIn(model.ItemHotspot, 2))
	}
	clock.t = clock.t.Add(1e9)
	said, err := s.Undo(chair, m2.ID)
	mustNoErr(t, err)
	if m, _ := s.Meeting(m2.ID); !m.HasHotspot(2) || !strings.Contains(said, "HS-2 back to low risk") {
		t.Errorf("undo said %q and left agenda %v", said, m.Agenda)
	}

	// A resolution under a hotspot the chair dropped takes it up again;
	// an action under one the cadence left off takes that one up.
	m, _ = s.Meeting(m2.ID)
	i, err := m.FindItem("HS-2")
	mustNoErr(t, err)
	clock.t = clock.t.Add(1e9)
	_, err = s.DropAgendaItem(chair, m2.ID, i, nil)
	mustNoErr(t, err)
	clock.t = clock.t.Add(1e9)
	_, err = s.RecordDecision(chair, m2.ID, model.ItemHotspot, 2, "that the landlord be written to", false)
	mustNoErr(t, err)
	clock.t = clock.t.Add(1e9)
	_, err = s.AssignAction(chair, model.NewAction{HotspotID: hs3.ID, Text: "Letter to the landlord", AgencyID: 3, Due: model.DateOf(clock.t).AddDays(7), MeetingID: m2.ID})
	mustNoErr(t, err)
	if m, _ := s.Meeting(m2.ID); !m.HasHotspot(2) || !m.HasHotspot(hs3.ID) {
		t.Errorf("business under HS-2 and HS-3 did not take them up: %v", m.Agenda)
	}

	// Closed, both were reviewed: the minutes hold their business.
	_, err = s.CloseMeeting(chair, m2.ID)
	mustNoErr(t, err)
	for _, id := range []model.ID{2, hs3.ID} {
		if h, _ := s.Hotspot(id); h.LastReviewed != m2.Date {
			t.Errorf("%s, taken up with business, last reviewed %s", h.Ref(), h.LastReviewed)
		}
	}
}
