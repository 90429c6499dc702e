package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The decade's demo on a terminal shows how far it has got — the bar, what
// it is doing, how much of how much and the time left — and ctrl+c stops
// it part way leaving no file at all: neither the database it was asked
// for nor the one it was building aside.
func TestTheDecadeShowsItsProgressAndCtrlCLeavesNothing(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	dir := filepath.Join(home, "files")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	tm := fromShell(t, home, "--db", filepath.Join(dir, "decade.db"), "demo", "--scale", "decade")
	// The bar, how far (the count is never cut), then what is being done.
	tm.waitFor("█", "%", " meetings · making up the meetings")
	// Then the writing, into a file beside the one asked for: the making
	// up takes seconds, longer on a loaded machine.
	tm.waitLong(2*time.Minute, " records")
	tm.waitFor("█", "%", " left · ", " records · writing")
	if entries, _ := os.ReadDir(dir); len(entries) < 2 {
		t.Fatalf("writing, but the folder holds only %v: the test proves nothing", entries)
	}
	tm.keys("C-c")
	scr := tm.waitFor("tasking: demo --scale decade was interrupted: nothing was left half-made", "exit status 130")
	if strings.Contains(scr, "█") {
		t.Errorf("the bar was left on the screen:\n%s", scr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("ctrl+c left %v", names)
	}
}

// fromShell runs tasking with args in a terminal from a shell, as a person
// would: the shell says the exit status and stays, so the last words are
// on the screen (a pane whose program has ended can lose what it wrote
// last). The shell's own ctrl+c does nothing.
func fromShell(t *testing.T, home string, args ...string) *term {
	t.Helper()
	shell := filepath.Join(home, "run.sh")
	if err := os.WriteFile(shell, []byte("trap : INT\n\"$@\"\necho \"exit status $?\"\nread line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return startProgram(t, 110, 12, baseEnv(home), "sh", append([]string{shell, binary}, args...)...)
}

// waitLong is waitFor for work that takes minutes on a loaded machine,
// reading the screen with wrapped lines joined (a long path wraps what is
// said after it).
func (tm *term) waitLong(d time.Duration, want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(d)
	for {
		scr := tm.tmux("capture-pane", "-p", "-J", "-t", "main")
		all := true
		for _, w := range want {
			all = all && strings.Contains(scr, w)
		}
		if all {
			return scr
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("in %v the screen never showed %q; it shows:\n%s", d, want, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
