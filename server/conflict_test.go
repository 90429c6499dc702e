package server

import (
	"regexp"
	"testing"
)

// Two people, one action, over SSH: a housing rep opens "propose a new due
// date" on one of his actions; the chair, in her own session, moves the
// same action's date first. The rep's save is refused, naming the chair,
// the time and the new date, with his typing kept; his second save is
// deliberate and goes through.
func TestTwoSessionsOneActionOverSSH(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	gary := ts.openApp("Gary Fletcher", 140, 40)
	gary.see("Hotspots by risk")
	gary.press("A")
	gary.see("My actions · CBC Housing")
	gary.press("p")
	scr := gary.see("New due date · A-")
	ref := regexp.MustCompile(`New due date · (A-\d+)`).FindStringSubmatch(scr)[1]
	gary.press("+", "3", "w", "\t")
	gary.press([]string{"L", "e", "t", "t", "e", "r", "s", " ", "s", "e", "n", "t"}...)

	helen := ts.openApp("Helen Marsh", 140, 40)
	helen.see("Hotspots by risk")
	helen.press("A", "t")
	helen.see("My actions · all agencies")
	helen.press("/")
	for _, r := range ref {
		helen.press(string(r))
	}
	helen.press("\r")
	helen.see("▸" + ref + " ")
	helen.press("p")
	helen.see("New due date · " + ref)
	helen.press("+", "6", "w", "\t", "C", "o", "u", "r", "t", "\r")
	helen.see(ref + " now due")

	gary.press("\r")
	gary.see(ref+" was changed by Helen Marsh at 10:00: now due", "not saved", "Letters sent")
	gary.press("\r")
	gary.see(ref + " now due")
}
