package tui

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// What the review cadence leaves off the agenda is listed under it, and
// the chair puts one on from the agenda pane with +: the soonest due is
// offered, and once on it leaves the list.
func TestChairAddsAHotspotTheCadenceLeftOff(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if m.HasHotspot(4) {
		t.Fatal("HS-4 (medium, reviewed last week) is on the agenda")
	}
	ss := startSession(t, s, chair, 120, 30)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor("Not on the agenda (8) · + adds", "HS-4 Holme Hall … MED next", "12 HS-9 ")
	ss.keys("tab", "+")
	ss.waitFor("Add a hotspot to the agenda", "not on the agenda: HS-4 HS-6 HS-7 HS-8 …")
	ss.keys("enter") // the soonest due, offered
	ss.waitFor("HS-4 added to the agenda", "Not on the agenda (7) · + adds", " 8 HS-4 Holme Hall shop… MED")
	ss.finish()
	if m, _, _ := s.OpenMeeting(); !m.HasHotspot(4) || len(m.Agenda) != 14 { // 13 with the demo's case reviews, and HS-4
		t.Errorf("HS-4 not added: %v", m.Agenda)
	}
}

// R on a hotspot's item opens the risk matrix: the level it gives is shown
// as the fields change, the save is minuted under the item, and a save
// against a hotspot someone reassessed since is refused saying who and
// what, with the typing kept.
func TestRiskMatrixInTheMeeting(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	tom := memberActor(t, s, "Tom Okafor") // an admin, in another session
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.GoToItem(chair, m.ID, 4); err != nil { // HS-1
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 36)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor(itemOf(t, s, 5), "Open actions")
	ss.keys("R")
	// The form opens on the demo's assessment.
	ss.waitFor("Assess risk · HS-1", "→ HIGH: likelihood 4 × harm 4 = 16; repeat victim")
	ss.keys("tab", "left") // harm 3
	ss.waitFor("→ HIGH: likelihood 4 × harm 3 = 12; repeat victim")
	ss.keys("tab", "tab", "tab", "tab")
	ss.typeText("Same traders targeted three weeks running")

	// Meanwhile an admin assesses it from the command line.
	h, _ := s.Hotspot(1)
	if _, err := s.AssessHotspot(tom, 1, h.Version, model.RiskAssessment{Likelihood: 2, Harm: 2}, "Quieter", 0); err != nil {
		t.Fatal(err)
	}
	ss.keys("enter")
	ss.waitFor("HS-1 was changed by Tom Okafor at 10:00: risk now low; risk assessed: likelihood 2 × harm", "Same traders targeted")
	// The form says the assessment as it is now (it said the one it opened
	// on), its reason too; the matrix keeps what the chair set.
	ss.waitFor("now LOW (likelihood 2 × harm 2 = 4,", "now: Quieter — left empty, it stays", "→ HIGH: likelihood 4 × harm 3 = 12")
	ss.keys("enter") // deliberately, over it
	ss.waitFor("✓ HS-1 risk HIGH (likelihood 4 × harm 3 = 12; repeat victim)")
	ss.waitFor("Risk HIGH (likelihood 4 × harm 3 = 12; repeat victim")
	ss.finish()
	got, _ := s.Hotspot(1)
	if got.Risk != model.RiskHigh || got.Assessment == nil || got.Assessment.Likelihood != 4 || !got.Assessment.Repeat {
		t.Errorf("stored %+v %+v", got, got.Assessment)
	}
	rec, _ := s.MeetingRecord(m.ID)
	if n := rec.NotesIn(model.ItemHotspot, 1); len(n) != 1 || n[0].Text != "Risk assessed: HIGH, was LOW (likelihood 4 × harm 3 = 12; repeat victim). Same traders targeted three weeks running." {
		t.Errorf("minuted: %+v", n)
	}
}

// R on a hotspot's page (from home) assesses it too; a member is told it
// is not theirs to do, and the page does not offer it.
func TestRiskMatrixOnTheHotspotPage(t *testing.T) {
	s := demoStore(t)
	ss := startSession(t, s, chairOf(t, s), 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("enter")
	ss.waitFor("HS-1 Town centre", "R assess risk")
	ss.keys("R")
	ss.waitFor("Assess risk · HS-1")
	// From the demo's 4 × 4 with a repeat victim to 1 × 1 with none.
	ss.keys("left", "left", "left", "tab", "left", "left", "left", "tab", "tab", "space", "tab", "tab")
	// The reason starts empty, the one it has shown as the hint: typing
	// replaces it, never glues onto it.
	h, _ := s.Hotspot(1)
	ss.waitFor("now: " + model.Clip(h.RiskReason, 40) + " — left empty, it stays")
	ss.typeText("Quieter since the patrols")
	ss.keys("enter")
	ss.waitFor("✓ HS-1 risk LOW (likelihood 1 × harm 1 = 1)", "(likelihood 1 × harm 1 = 1, 24 Nov; Quieter since the patrols)")
	if scr := ss.screen(); strings.Count(scr, "Recent history") != 1 || strings.Contains(scr, "reading…") {
		t.Errorf("the page's history is said to be reading when it has been read:\n%s", scr)
	}
	ss.finish()
	if h, _ := s.Hotspot(1); h.Risk != model.RiskLow || h.Assessment == nil {
		t.Errorf("stored %+v", h)
	}

	rep := startSession(t, s, memberActor(t, s, "Sgt Jas Patel"), 120, 36)
	rep.waitFor("Hotspots by risk")
	rep.keys("enter")
	rep.waitFor("HS-", "back")
	if strings.Contains(rep.screen(), "R assess risk") {
		t.Error("the page offers a member the risk matrix")
	}
	rep.keys("R")
	rep.waitFor("Sgt Jas Patel may not assess a hotspot's risk")
	rep.finish()
}
