package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLocalProcessesJoinTheChairsApp is the meeting run on the chair's
// laptop with nothing but the app: the chair has it open on matters
// arising (so it holds the file), and a housing officer, in another shell
// on the same machine, updates one of his actions from the command line
// against the same file. He is not refused for the file being busy: his
// note appears on the chair's screen as it is saved. A second app on the
// file joins the chair's too and sees changes land; when the chair closes
// hers it is told, and the next tasking opens the file itself. A chair's
// app killed outright leaves its socket behind, and that trips nobody.
func TestLocalProcessesJoinTheChairsApp(t *testing.T) {
	needTmux(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)
	if _, errOut, code := run(t, env, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	firstOf := func(agency string) string {
		t.Helper()
		out, errOut, code := run(t, env, "--db", db, "actions", "--agency", agency, "--format", "json")
		var rows []map[string]string
		if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
			t.Fatalf("actions --agency %s: exit %d: %s", agency, code, errOut)
		}
		return rows[0]["ref"]
	}
	housing, police := firstOf("CBC Housing"), firstOf("police")

	// A table on a terminal is laid out for it: cut to its width, in its
	// colours. Through the holder it is laid out for the same terminal,
	// byte for byte.
	colour := withoutEnv(env, "NO_COLOR")
	table := func() string {
		t.Helper()
		tm := startTerm(t, 90, 30, colour, "--db", db, "--as", "Gary Fletcher", "actions", "--agency", "police")
		if status := tm.exited(); status != 0 {
			t.Fatalf("actions on a terminal exited %d:\n%s", status, tm.screen())
		}
		// The whole pane, its history included (tmux may scroll it as the
		// program ends), without the line tmux adds when it does.
		var lines []string
		for _, l := range strings.Split(tm.tmux("capture-pane", "-p", "-e", "-J", "-S", "-", "-t", "main"), "\n") {
			if !strings.Contains(l, "Pane is dead") {
				lines = append(lines, l)
			}
		}
		return strings.TrimSpace(strings.Join(lines, "\n"))
	}
	alone := table()
	if !strings.Contains(alone, "\x1b[") || !strings.Contains(alone, "…") {
		t.Fatalf("actions on a 90-column colour terminal should be styled and cut to fit:\n%s", alone)
	}

	chair := startTerm(t, 200, 48, env, "--db", db, "--as", "Helen Marsh")
	chair.waitFor("Hotspots by risk", "you: Helen Marsh")
	chair.startMeeting()
	chair.waitFor("Confidentiality statement")
	chair.keys("]", "]", "]")
	chair.waitFor("Matters arising", housing)
	if st, err := os.Lstat(db + ".sock"); err != nil || st.Mode()&os.ModeSocket == 0 || st.Mode().Perm() != 0o600 {
		t.Fatalf("the chair's app should answer a socket beside the file, 0600: %v %v", st, err)
	}

	// The housing officer, from another shell: the note lands on the
	// chair's screen. The time from his command's end (the note saved) to
	// the chair's screen showing it is measured, polling the screen.
	note := "Tenancy warning letters sent"
	began := time.Now()
	out, errOut, code := run(t, env, "--db", db, "--as", "Gary Fletcher", "action", "update", housing, "--note", note)
	saved := time.Now()
	if code != 0 || out != housing+": progress note added\n" || errOut != "" {
		t.Fatalf("action update while the chair's app holds the file: exit %d: %q %q", code, out, errOut)
	}
	// The note's words: on its row ("G Fletcher: …"), or spelt out on the
	// selected row, which depends on the day.
	want := note
	var shown time.Time
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		if strings.Contains(chair.screen(), want) {
			shown = time.Now()
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	if shown.IsZero() {
		t.Fatalf("the note never reached the chair's screen:\n%s", chair.screen())
	}
	t.Logf("the rep's command took %v (start to exit); the note was on the chair's screen %v after it was saved (%v after the command started; the screen is polled with tmux capture-pane, which itself takes a few ms)",
		saved.Sub(began).Round(time.Millisecond), shown.Sub(saved).Round(time.Millisecond), shown.Sub(began).Round(time.Millisecond))

	if joined := table(); joined != alone {
		t.Errorf("actions on a terminal through the holder:\n%s\nalone:\n%s", joined, alone)
	}

	// A read from another shell, too: the same answer as alone, at once.
	out, errOut, code = run(t, env, "--db", db, "--as", "Gary Fletcher", "action", "show", housing, "--format", "json")
	if code != 0 || !strings.Contains(out, `"text": "`+note+`"`) || !strings.Contains(out, `"by": "Gary Fletcher`) {
		t.Fatalf("action show while held: exit %d: %s%s", code, out, errOut)
	}

	// A second app on the same file joins the chair's, and sees another
	// member's change land, named. Each is here to the other, as two apps
	// over SSH are; on its own the chair's said nobody was.
	if scr := chair.screen(); strings.Contains(scr, " here: ") || strings.Contains(scr, "only you here") {
		t.Fatalf("the chair's app on its own should say nobody is here:\n%s", scr)
	}
	rep := startTerm(t, 140, 40, env, "--db", db, "--as", "Gary Fletcher")
	rep.waitFor("you: Gary Fletcher · Housing", "under way", "● 2 here: Helen Marsh")
	chair.waitFor("● 2 here: Gary Fletcher")
	if _, errOut, code := run(t, env, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--note", "Patrols done"); code != 0 {
		t.Fatalf("the sergeant's update: exit %d: %s", code, errOut)
	}
	rep.waitFor("Sgt Jas Patel: " + police + " updated")
	chair.waitFor("Sgt Jas Patel: " + police + " updated")

	// The chair leaves the meeting and quits: the second app is told, and
	// the next tasking opens the file itself.
	chair.keys("q")
	chair.waitFor("Hotspots by risk", "resume the meeting")
	chair.keys("q")
	if status := chair.exited(); status != 0 {
		t.Fatalf("the chair's app exited %d", status)
	}
	rep.waitFor("the app holding the file has closed; your saved work is safe: run tasking again")
	if status := rep.exited(); status != 82 {
		t.Errorf("the second app exited %d when its holder closed; want 82", status)
	}
	if _, err := os.Lstat(db + ".sock"); !os.IsNotExist(err) {
		t.Errorf("the socket should go with the chair's app: %v", err)
	}
	if _, errOut, code := run(t, env, "--db", db, "actions"); code != 0 {
		t.Fatalf("actions once the chair's app has closed: exit %d: %s", code, errOut)
	}

	// Killed outright, the chair's app leaves its socket behind: it trips
	// nobody, and the next app takes its place.
	chair = startTerm(t, 160, 40, env, "--db", db, "--as", "Helen Marsh")
	chair.waitFor("Hotspots by risk")
	if err := syscall.Kill(chair.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	chair.exited()
	if _, err := os.Lstat(db + ".sock"); err != nil {
		t.Fatalf("a killed app's socket should be left behind: %v", err)
	}
	out, errOut, code = run(t, env, "--db", db, "--as", "Gary Fletcher", "action", "update", housing, "--note", "After the app was killed")
	if code != 0 || out != housing+": progress note added\n" {
		t.Fatalf("a change after the chair's app was killed: exit %d: %q %q", code, out, errOut)
	}
	again := startTerm(t, 160, 40, env, "--db", db, "--as", "Helen Marsh")
	again.waitFor("Hotspots by risk")
	if _, errOut, code := run(t, env, "--db", db, "actions", "--agency", "housing"); code != 0 {
		t.Fatalf("actions through the next app: exit %d: %s", code, errOut)
	}
	again.keys("q")
	if status := again.exited(); status != 0 {
		t.Fatalf("the app exited %d", status)
	}
}

// withoutEnv is env without the variable named.
func withoutEnv(env []string, name string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, name+"=") {
			out = append(out, e)
		}
	}
	return out
}
