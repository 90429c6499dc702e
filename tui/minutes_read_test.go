package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// The meeting's record reads right: a closed meeting's hotspot item says
// what the meeting did about the hotspot's actions apart from what is open
// now, and a guest can declare an interest as a member can.

// Closed, a hotspot item lists what the meeting assigned or reviewed
// under it, and apart from that what is open now: not "Open actions (0)"
// while the hotspot still has work open.
func TestAClosedMeetingsItemSaysWhatIsOpenNow(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot })
	hs := m.Agenda[i].HotspotID
	if _, err := s.GoToItem(chair, m.ID, i); err != nil {
		t.Fatal(err)
	}
	open, _ := s.Actions(model.ActionFilter{HotspotID: hs, OpenOnly: true, Today: model.DateOf(testNow)})
	if len(open) < 2 {
		t.Fatalf("%s has %d open actions in the demo", model.HotspotRef(hs), len(open))
	}
	if _, err := s.MarkReviewed(chair, open[0].ID, m.ID); err != nil {
		t.Fatal(err)
	}
	made, err := s.AssignAction(chair, model.NewAction{HotspotID: hs, Text: "Joint patrols at the bus station", AgencyID: open[0].AgencyID,
		Due: model.DateOf(testNow).AddDays(7), MeetingID: m.ID})
	if err != nil {
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 40)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor(fmt.Sprintf("Open actions (%d)", len(open)+1))
	ss.keys("x")
	ss.waitFor("Close the meeting anyway?")
	ss.keys("y")
	ss.waitFor("CLOSED — this meeting is read-only", "Assigned or reviewed at this meeting (2)", fmt.Sprintf("Open now (%d)", len(open)+1))
	scr := ss.screen()
	ss.finish()
	if strings.Contains(scr, "Open actions (") {
		t.Fatalf("a closed meeting's item still counts open actions as its own:\n%s", scr)
	}
	business := scr[strings.Index(scr, "Assigned or reviewed"):strings.Index(scr, "Open now (")]
	for _, act := range []model.Action{open[0], made} {
		if !strings.Contains(business, act.Ref()+" ") {
			t.Errorf("%s, dealt with at the meeting, is not listed as such:\n%s", act.Ref(), scr)
		}
	}
	if strings.Contains(business, open[1].Ref()+" ") {
		t.Errorf("%s, not touched by the meeting, is listed as its business:\n%s", open[1].Ref(), scr)
	}
	if now := scr[strings.Index(scr, "Open now ("):]; !strings.Contains(now, open[1].Ref()+" ") || !strings.Contains(now, made.Ref()+" ") {
		t.Errorf("what is open now is not listed:\n%s", scr)
	}
}

// Closed, a hotspot item the meeting did nothing about says so in one plain
// sentence, not "None. The meeting assigned and reviewed none."
func TestAClosedMeetingsUntouchedItemSaysSoPlainly(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot })
	if _, err := s.GoToItem(chair, m.ID, i); err != nil {
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 40)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor("Open actions (")
	ss.keys("x")
	ss.waitFor("Close the meeting anyway?")
	ss.keys("y")
	ss.waitFor("CLOSED — this meeting is read-only", "Assigned or reviewed at this meeting (0)",
		"No action for this hotspot was assigned or reviewed at this meeting.")
	scr := ss.screen()
	ss.finish()
	if strings.Contains(scr, "None.") {
		t.Errorf("the closed item still says None.:\n%s", scr)
	}
}

// A guest at the meeting declares an interest in the app as a member does:
// the declarations item lists the guests after the members present, d
// records one by the guest selected, with their organisation, and - takes
// it back.
func TestAGuestDeclaresAnInterest(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddGuest(chair, m.ID, model.Guest{Name: "Karen Doyle", Agency: "Chesterfield Royal Hospital"}); err != nil {
		t.Fatal(err)
	}
	sgt := memberActor(t, s, "Sgt Jas Patel")
	if _, err := s.SetAttendance(chair, m.ID, sgt.MemberID, model.Present); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GoToItem(chair, m.ID, 1); err != nil { // declarations
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 160, 36)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor("Members present, then guests", "guest · Chesterfield Royal Hospital")
	ss.keys("j") // past the one member present, to the guest
	ss.keys("d")
	ss.waitFor("Declaration of interest · Karen Doyle (guest, Chesterfield Royal Hospital)")
	ss.keys("tab")
	ss.typeText("A relative is treated at the hospital")
	ss.keys("enter")
	ss.waitFor("declaration recorded", "Karen Doyle (guest, Chesterfield Royal Hospital) (on the business generally): A relative is treated at the hospital")
	got, _, _ := s.OpenMeeting()
	if len(got.Declarations) != 1 || !got.Declarations[0].Guest || got.Declarations[0].Organisation != "Chesterfield Royal Hospital" {
		t.Fatalf("declarations stored: %+v", got.Declarations)
	}
	ss.keys("-")
	ss.waitFor("declaration by Karen Doyle (guest, Chesterfield Royal Hospital) withdrawn")
	ss.finish()
	if got, _, _ := s.OpenMeeting(); len(got.Declarations) != 0 {
		t.Fatalf("- did not withdraw it: %+v", got.Declarations)
	}
}
