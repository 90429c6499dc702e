package tui

import (
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
	if m, _, _ := s.OpenMeeting(); !m.HasHotspot(4) || len(m.Agenda) != 13 {
		t.Errorf("HS-4 not added: %v", m.Agenda)
	}
}
