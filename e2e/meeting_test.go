package e2e

import (
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestMeetingSurvivesSIGKILL is the chair's nightmare: the laptop dies mid
// meeting. Everything the screen showed as saved must be there on reopening,
// and the minutes must carry it.
func TestMeetingSurvivesSIGKILL(t *testing.T) {
	t.Parallel()
	needTmux(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)

	if out, errOut, code := run(t, env, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: exit %d\n%s%s", code, out, errOut)
	}

	// Nobody is remembered yet: the chair chooses herself, once.
	tm := startTerm(t, 100, 30, env, "--db", db)
	tm.waitFor("Who is at the keyboard?")
	tm.keys("/")
	tm.text("helen")
	tm.keys("Enter", "Enter")
	tm.waitFor("Hotspots by risk", "you: Helen Marsh")

	// While the TUI holds the file, another tasking joins it; what must
	// open the file itself is told who has it.
	out, errOut, code := run(t, env, "--db", db, "actions")
	if code != 0 || !strings.Contains(out, "REF") || errOut != "" {
		t.Fatalf("second process: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	_, errOut, code = run(t, env, "--db", db, "check")
	if code != 1 || !strings.Contains(errOut, "in use by tasking tui (pid "+strconv.Itoa(tm.pid())) {
		t.Fatalf("check while the app holds the file: exit %d, stderr %q", code, errOut)
	}

	tm.startMeeting()
	tm.waitFor("Confidentiality statement", "28 not marked")
	tm.keys("1", "1", "2")
	tm.waitFor("2 present · 1 apology")

	tm.keys("]", "]", "]", "]")
	tm.waitFor("Open actions", "item 5/")
	tm.keys("a")
	tm.waitFor("Assign an action")
	tm.text("Joint patrols at the bus station Fri and Sat")
	tm.keys("Enter")
	tm.text("pol")
	tm.waitFor("Derbyshire Constabulary")
	tm.keys("Enter")
	tm.waitFor("assigned to Police")

	tm.keys("r")
	tm.waitFor("Record a resolution")
	tm.text("That a dispersal authorisation be sought for the weekend")
	tm.keys("Enter")
	tm.waitFor("resolution recorded", "saved")

	// Cut the power.
	if err := syscall.Kill(tm.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	tm.exited()

	// Reopen: the meeting is still under way, at the same item, with both.
	// Reopen: she is remembered; the meeting is still under way.
	again := startTerm(t, 100, 30, env, "--db", db)
	again.waitFor("under way", "resume the meeting", "you: Helen Marsh")
	again.keys("m")
	again.waitFor("item 5/", "Joint patrols at the bus station", "RESOLVED – that a dispersal authorisation be sought for the weekend")

	// Close the meeting and quit.
	again.keys("x")
	again.waitFor("Close the meeting anyway?")
	again.keys("y")
	again.waitFor("meeting closed")
	again.keys("q")
	again.waitFor("Hotspots by risk")
	again.keys("q")
	if status := again.exited(); status != 0 {
		t.Fatalf("quit with status %d", status)
	}

	md, errOut, code := run(t, env, "--db", db, "minutes", "latest", "--format", "md")
	if code != 0 {
		t.Fatalf("minutes: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"| Joint patrols at the bus station Fri and Sat | Police |", "**RESOLVED –** that a dispersal authorisation be sought for the weekend"} {
		if !strings.Contains(md, want) {
			t.Errorf("minutes lack %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "DRAFT") {
		t.Error("minutes of a closed meeting say DRAFT")
	}
}
