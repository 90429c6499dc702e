package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepsUpdateThenChairReviews is the week between meetings: a police
// sergeant updates an action in the app, a housing officer updates another
// from the command line, and at the next meeting the chair sees both
// updates in matters arising and accepts one into the minutes.
func TestRepsUpdateThenChairReviews(t *testing.T) {
	t.Parallel()
	needTmux(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)
	if _, errOut, code := run(t, env, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	firstOf := func(agency string) string {
		out, errOut, code := run(t, env, "--db", db, "actions", "--agency", agency, "--format", "json")
		var rows []map[string]string
		if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
			t.Fatalf("actions --agency %s: %s", agency, errOut)
		}
		return rows[0]["ref"]
	}
	police, housing := firstOf("police"), firstOf("CBC Housing")

	// The sergeant, in the app: My actions, the first one, a progress update.
	sgt := startTerm(t, 120, 36, env, "--db", db, "--as", "Sgt Jas Patel")
	sgt.waitFor("you: Sgt Jas Patel · Police · member")
	sgt.keys("A")
	sgt.waitFor("My actions · Derbyshire Constabulary", "▸"+police)
	sgt.keys("u")
	sgt.waitFor("Progress update")
	sgt.text("Sunday patrol done, two warnings issued")
	sgt.keys("Enter")
	sgt.waitFor("update added to " + police)
	sgt.keys("q", "q")
	if status := sgt.exited(); status != 0 {
		t.Fatalf("the app exited %d", status)
	}

	// The housing officer, from the command line.
	out, errOut, code := run(t, env, "--db", db, "--as", "Gary Fletcher", "action", "update", housing,
		"--note", "Tenancy warning letters sent")
	if code != 0 || !strings.Contains(out, housing+": progress note added") {
		t.Fatalf("action update: exit %d: %s%s", code, out, errOut)
	}

	// The chair's meeting: matters arising shows both, with who.
	chair := startTerm(t, 200, 48, env, "--db", db, "--as", "Helen Marsh")
	chair.waitFor("Hotspots by risk")
	chair.startMeeting()
	chair.waitFor("Confidentiality statement")
	chair.keys("]", "]", "]")
	today := pinned.Format("02 Jan") // both updates were made today
	// Each shows as its row's latest words ("24 Nov Sgt Patel: Sunday
	// patrol done"), or, on the selected row, spelt out ("latest update —
	// 31 Mar, Gary Fletcher: …"): which row is first depends on the day.
	chair.waitFor("actions from earlier meetings", "Sunday patrol done", "Tenancy warning let")
	if scr := chair.screen(); !strings.Contains(scr, today) || !strings.Contains(scr, "Patel") || !strings.Contains(scr, "Fletcher") {
		t.Fatalf("matters arising does not say who and when:\n%s", scr)
	}
	// Find the sergeant's action and accept his update as it stands.
	chair.keys("/")
	chair.text("Sunday")
	chair.keys("Enter")
	chair.waitFor("1 shown", "▸"+police)
	chair.keys("y")
	chair.waitFor(police+": update accepted", "✓ accepted")
	chair.keys("x")
	chair.waitFor("Close the meeting")
	chair.keys("y")
	chair.waitFor("meeting closed")
	chair.keys("q", "q", "q") // clear the filter, leave the meeting, quit
	if status := chair.exited(); status != 0 {
		t.Fatalf("the app exited %d", status)
	}

	md, errOut, code := run(t, env, "--db", db, "minutes", "latest")
	if code != 0 {
		t.Fatalf("minutes: %s", errOut)
	}
	if !strings.Contains(md, "update accepted: Sunday patrol done, two warnings issued (Sgt Jas Patel,") {
		t.Fatalf("the minutes do not carry the accepted update:\n%s", md)
	}
}
