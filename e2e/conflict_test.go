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
