package tui

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// L in the meeting releases the selected private action with a reason: the
// row loses its [P] and says which resolution released it (it is public
// business now, and the projector shows it so), and the status line says
// where the release is minuted.
func TestReleaseInTheMeetingUnmarksTheRow(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	act, err := s.AssignAction(chair, model.NewAction{Text: "Check on the family at number 4", AgencyID: 1,
		Due: model.DateOf(testNow).AddDays(14), MeetingID: m.ID, Confidential: true})
	if err != nil {
		t.Fatal(err)
	}
	aob := -1
	for i, it := range m.Agenda {
		if it.Kind == model.ItemAOB {
			aob = i
		}
	}
	if _, err := s.GoToItem(chair, m.ID, aob); err != nil {
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 110, 30)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor("Any other business:", "[P] Check on the family", "Private business [private, para 1]")
	ss.keys("L")
	ss.waitFor("Release private business", act.Ref())
	ss.keys("enter")
	ss.typeText("The family asked for it to be known")
	ss.keys("enter")
	ss.waitFor(act.Ref()+" released: public business from now on", "minuted in Part 2 of "+m.Ref())
	got, err := s.Action(act.ID)
	if err != nil || got.ReleasedBy == 0 {
		t.Fatalf("not released: %+v %v", got.Privacy, err)
	}
	ss.waitFor("Released [released by " + model.DecisionRef(got.ReleasedBy) + "]: public business since")
	if scr := ss.screen(); containsAny(scr, "[P] Check on the family", "Private business [released") {
		t.Errorf("the released action is still shown as private:\n%s", scr)
	}
}

// containsAny: s holds one of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// My actions marks an action private while its hotspot is taken in
// private, as the minutes do, though the action itself was agreed in
// public: the rep's screen may be on a projector too.
func TestMyActionsMarksActionsOnAHotspotTakenInPrivate(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	hs1 := -1
	for i, it := range m.Agenda {
		if it.Kind == model.ItemHotspot && it.HotspotID == 1 {
			hs1 = i
		}
	}
	if _, err := s.SetItemPart2(chair, m.ID, hs1, true, model.ParaCrime); err != nil {
		t.Fatal(err)
	}
	ss := startSession(t, s, memberActor(t, s, "Faye Turner"), 110, 30)
	ss.waitFor("Hotspots by risk")
	ss.keys("A")
	ss.waitFor("A-38", "[P] Early Help", "Private business [private, para 7]")
}

// Between meetings the chair releases a private action from My actions
// with L: public at once, and said to be minuted at the next meeting. A
// member's L is refused before any form opens.
func TestReleaseFromMyActionsBetweenMeetings(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	act, err := s.AssignAction(chair, model.NewAction{Text: "Check on the family at number 4", AgencyID: chair.AgencyID,
		Due: model.DateOf(testNow).AddDays(14), Confidential: true})
	if err != nil {
		t.Fatal(err)
	}
	member := startSession(t, s, memberActor(t, s, "Sgt Jas Patel"), 110, 30)
	member.waitFor("Hotspots by risk")
	member.keys("A")
	member.waitFor("My actions · Derbyshire Constabulary")
	member.keys("L")
	member.waitFor("only the chair or an admin")

	ss := startSession(t, s, chair, 110, 30)
	ss.waitFor("Hotspots by risk")
	ss.keys("A")
	ss.waitFor("[P] Check on the family")
	for i := 0; !strings.Contains(ss.screen(), "▸"+act.Ref()+" "); i++ {
		if i == 30 {
			t.Fatalf("%s is never selected:\n%s", act.Ref(), ss.screen())
		}
		before := ss.screen()
		ss.keys("j")
		waitUntil(t, "the selection to move", func() bool { return ss.screen() != before })
	}
	ss.keys("L")
	ss.waitFor("Release private business", "    "+act.Ref())
	ss.keys("enter")
	ss.typeText("The family asked for it to be known")
	ss.keys("enter")
	ss.waitFor(act.Ref()+" released: public business from now on", "minuted in Part 2 of the next meeting")
	if got, err := s.Action(act.ID); err != nil || got.Private || got.ReleasedBy == 0 {
		t.Fatalf("not released: %+v %v", got.Privacy, err)
	}
}
