package e2e

import (
	"path/filepath"
	"regexp"
	"testing"
)

// Two people, one action, on one machine: a police sergeant has "propose a
// new due date" open in the app (which holds the file) when an inspector
// moves the same action's date from the command line, joining the app. The
// sergeant's save is refused naming the inspector, the time and the new
// date, with his typing kept; his second save is deliberate and goes
// through.
func TestACommandLineWriteRefusesAnOpenFormsSave(t *testing.T) {
	needTmux(t)
	t.Parallel()
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)
	if _, errOut, code := run(t, env, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	app := startTerm(t, 120, 36, env, "--db", db, "--as", "Sgt Jas Patel")
	app.waitFor("Hotspots by risk")
	app.keys("A")
	app.waitFor("My actions · Derbyshire Constabulary")
	app.keys("p")
	scr := app.waitFor("New due date · A-")
	ref := regexp.MustCompile(`New due date · (A-\d+)`).FindStringSubmatch(scr)[1]
	app.text("+3w")
	app.keys("Tab")
	app.text("Waiting for the contractor")

	if out, errOut, code := run(t, env, "--db", db, "--as", "Insp Claire Dunn", "action", "update", ref, "--due", "+6w", "--reason", "the court date moved"); code != 0 {
		t.Fatalf("the inspector's update: exit %d: %s%s", code, out, errOut)
	}
	app.keys("Enter")
	app.waitFor(ref+" was changed by Insp Claire Dunn at", "not saved", "Waiting for the contractor")
	app.keys("Enter")
	app.waitFor(ref + " now due")
}

// The same for a part of the meeting: the chair has "Add a guest" open in
// the app when the coordinator records the same guest from the command
// line. The chair's save is refused naming the coordinator and the guest
// now on the list, the typing kept; saving again is deliberate.
func TestACommandLineGuestRefusesTheGuestFormsSave(t *testing.T) {
	needTmux(t)
	t.Parallel()
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)
	if _, errOut, code := run(t, env, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	if out, errOut, code := run(t, env, "--db", db, "--as", "Helen Marsh", "meeting", "start"); code != 0 {
		t.Fatalf("meeting start: exit %d: %s%s", code, out, errOut)
	}
	app := startTerm(t, 120, 36, env, "--db", db, "--as", "Helen Marsh")
	app.waitFor("resume the meeting")
	app.keys("m")
	app.waitFor("1 Attendance")
	app.keys("g")
	app.waitFor("Add a guest")
	app.text("Dr Ada Lowe")
	app.keys("Tab")
	app.text("Royal Hospital")

	if out, errOut, code := run(t, env, "--db", db, "--as", "Tom Okafor", "meeting", "guest", "Dr Kim Reyes", "--org", "Testshire University"); code != 0 {
		t.Fatalf("the coordinator's guest: exit %d: %s%s", code, out, errOut)
	}
	app.keys("Enter")
	app.waitFor("was changed by Tom Okafor at", "guest added: Dr Kim Reyes", "not saved", "Dr Ada Lowe")
	app.keys("C-s")
	app.waitFor("guest added: Dr Ada Lowe", "2 guests")
}
