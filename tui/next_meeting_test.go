package tui

import (
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
)

// fixedNextMeeting is the demo record with "next-meeting" pinned to next,
// so a test can see the app take the store's answer.
type fixedNextMeeting struct {
	*bolt.File
	next model.Date
}

func (s fixedNextMeeting) NextMeetingDate() (model.Date, error) { return s.next, nil }

// "next-meeting" in the meeting's forms is the store's NextMeetingDate —
// the one rule the command line uses too — not a date the screen works
// out for itself: an action assigned with the default due date is due
// then.
func TestMeetingFormsTakeNextMeetingFromTheStore(t *testing.T) {
	s := demoStore(t)
	rec := fixedNextMeeting{File: s, next: model.MustDate("2026-12-15")}
	app := New(Config{Store: rec, Actor: chairOf(t, s), Now: fixedClock})
	t.Cleanup(app.Close)
	ss := startSessionWith(t, app, 160, 48)
	ss.waitFor("start the meeting")
	ss.keys("m")
	ss.waitFor("Start the meeting planned for Tue 24 Nov 2026 10:00?")
	ss.keys("y")
	ss.waitFor("Confidentiality statement")
	ss.keys("]", "]", "]", "]")
	ss.waitFor(itemOf(t, s, 5))
	ss.keys("a")
	ss.waitFor("Assign an action", "→ Tuesday 15 December 2026")
	ss.typeText("Joint patrols Fri/Sat at the bus station")
	ss.keys("enter")
	ss.typeText("pol")
	ss.waitFor("→ Derbyshire Constabulary")
	ss.keys("enter", "enter") // no officer; the due date says next-meeting
	ss.waitFor("assigned to Police, due 15 Dec")
}
