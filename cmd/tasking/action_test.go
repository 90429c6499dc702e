package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// firstActionOf is the ref of the first open action of an agency in db.
func firstActionOf(t *testing.T, db, agency string) string {
	t.Helper()
	rows := decodeJSON(t, ok(t, "--db", db, "actions", "--agency", agency, "--format", "json"))
	if len(rows) == 0 {
		t.Fatalf("the demo has no open %s action", agency)
	}
	return rows[0]["ref"]
}

func TestActionAddIsTheChairs(t *testing.T) {
	db := demoDB(t)
	failsWith(t, run(t, nil, "--db", db, "action", "add", "--hotspot", "HS-1", "--agency", "police", "--due", "+1w", "Patrols"),
		1, "who is making this change? add --as NAME")
	failsWith(t, run(t, nil, "--db", db, "--as", "Gary Fletcher", "action", "add", "--hotspot", "HS-1", "--agency", "police", "--due", "+1w", "Patrols"),
		1, "Gary Fletcher may not assign actions: only the chair or an admin may do this")
	failsWith(t, run(t, nil, "--db", db, "--as", "Helen Marsh", "action", "add", "--agency", "nhs", "--due", "+1w", "Patrols"),
		1, `no agency matches "nhs"`)
	failsWith(t, run(t, nil, "--db", db, "--as", "Helen Marsh", "action", "add", "--agency", "police", "--due", "soon", "Patrols"),
		2, `"soon" is not a date`)
	failsWith(t, run(t, nil, "--db", db, "--as", "Helen Marsh", "action", "add", "--agency", "police", "--due", "2020-01-01", "Patrols"),
		1, "is in the past")
	failsWith(t, run(t, nil, "--db", db, "--as", "Helen Marsh", "action", "add", "--agency", "police", "--due", "+1w"),
		2, "")
	out := ok(t, "--db", db, "--as", "Helen Marsh", "action", "add", "--hotspot", "HS-1", "--agency", "police",
		"--due", "+1w", "--officer", "PC Hill", "Joint", "patrols", "at", "the", "bus", "station")
	due := cliNow.AddDate(0, 0, 7).Format("2006-01-02")
	if !strings.HasPrefix(out, "A-") || !strings.Contains(out, "assigned to Derbyshire Constabulary, due "+due) {
		t.Fatalf("add said %q", out)
	}
	ref := strings.Fields(out)[0]
	show := ok(t, "--db", db, "action", "show", ref)
	for _, want := range []string{"Joint patrols at the bus station", "HS-1", "Derbyshire Constabulary (PC Hill)", "Helen Marsh", "assigned"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
}

func TestActionUpdateByReps(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	police := firstActionOf(t, db, "police")
	housing := firstActionOf(t, db, "CBC Housing")

	out := ok(t, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--status", "blocked", "--note", "Waiting for the dog unit")
	if !strings.Contains(out, police+": blocked (was") {
		t.Fatalf("update said %q", out)
	}
	// All or nothing: a refused status leaves the due date where it was.
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--due", "+5w", "--reason", "x", "--status", "blocked"),
		1, "already blocked")
	if rows := decodeJSON(t, ok(t, "--db", db, "actions", "--status", "blocked", "--format", "json")); !slices.ContainsFunc(rows, func(r map[string]string) bool {
		return r["ref"] == police && r["due"] != cliNow.AddDate(0, 0, 35).Format("2006-01-02")
	}) {
		t.Fatal("a refused update moved the due date")
	}
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--due", "2020-01-01", "--reason", "x"),
		1, "is in the past")
	out = ok(t, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--due", "+3w", "--reason", "Rota not out yet")
	if !strings.Contains(out, "due "+cliNow.AddDate(0, 0, 21).Format("2006-01-02")) {
		t.Fatalf("due update said %q", out)
	}
	show := ok(t, "--db", db, "action", "show", police)
	for _, want := range []string{"Sgt Jas Patel", "blocked: Waiting for the dog unit", "Rota not out yet"} {
		if !strings.Contains(show, want) {
			t.Errorf("history lacks %q:\n%s", want, show)
		}
	}
	// A member changes only their own agency's actions, but may note any.
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", housing, "--status", "done"),
		1, "members change only actions owned by their own agency")
	ok(t, "--db", db, "--as", "Sgt Jas Patel", "action", "update", housing, "--note", "Saw the tenant on patrol")
	// The refusal names what was refused: reassigning, not a status change.
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", housing, "--officer", "PC Lee Barker", "--note", "x"),
		1, "Sgt Jas Patel may not reassign an action to another officer: members change only actions owned by their own agency")
	// A viewer reads only.
	failsWith(t, run(t, nil, "--db", db, "--as", "Priya Shah", "action", "update", housing, "--note", "x"),
		1, "viewers have read-only access")
	// Usage mistakes.
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police), 2, "nothing to update")
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--due", "+1w"), 2, "--due needs --reason")
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--status", "finished"), 2, "not an action status")
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--status", "cancelled"), 2, "--status cancelled needs --note saying why")
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", "A-9999", "--note", "x"), 1, "there is no A-9999")
	// Handing the action to another officer: someone off the list as
	// typed, a member only from the action's agency and still on the group.
	// A reassignment is not news: the rep's note stays the latest update.
	ok(t, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--note", "Two S59 warnings issued")
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--officer", "gary fletcher"),
		1, "Gary Fletcher is with Housing; this action belongs to Police")
	ok(t, "--db", db, "--as", "Sgt Jas Patel", "action", "update", police, "--officer", "PCSO Nadia Khan")
	row := func() map[string]string {
		for _, r := range decodeJSON(t, ok(t, "--db", db, "actions", "--agency", "police", "--format", "json")) {
			if r["ref"] == police {
				return r
			}
		}
		t.Fatalf("%s not listed", police)
		return nil
	}()
	if row["officer"] != "PCSO Nadia Khan" || row["last_update"] != "Two S59 warnings issued" {
		t.Errorf("after the reassignment: officer %q, latest update %q", row["officer"], row["last_update"])
	}
	// JSON history has the documented shape.
	js := ok(t, "--db", db, "action", "show", police, "--format", "json")
	for _, want := range []string{`"action": {`, `"history": [`, `"by": "Sgt Jas Patel"`, `"kind": "status"`, `"to_status": "blocked"`} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s:\n%s", want, js)
		}
	}
}

func TestActionsMine(t *testing.T) {
	db := demoDB(t)
	failsWith(t, run(t, nil, "--db", db, "actions", "--mine"), 1, "--mine needs to know who you are")
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "actions", "--mine", "--agency", "fire"), 2, "give one")
	out := ok(t, "--db", db, "--as", "Sgt Jas Patel", "actions", "--mine", "--overdue", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != strings.Join(actionFields, ",") {
		t.Fatalf("header %q", lines[0])
	}
	today := cliNow.Format("2006-01-02")
	for _, l := range lines[1:] {
		if !strings.Contains(l, "Derbyshire Constabulary") {
			t.Errorf("not a police action: %s", l)
		}
	}
	rows := decodeJSON(t, ok(t, "--db", db, "--as", "Sgt Jas Patel", "actions", "--mine", "--overdue", "--format", "json"))
	if len(rows) != len(lines)-1 {
		t.Fatalf("csv has %d rows, json %d", len(lines)-1, len(rows))
	}
	for _, r := range rows {
		if r["agency"] != "Derbyshire Constabulary" || r["due"] >= today {
			t.Errorf("not a police overdue action: %v", r)
		}
	}
}

// Choosing yourself once in the app is remembered: the CLI then knows who
// you are without --as.
func TestRememberedIdentity(t *testing.T) {
	db := demoDB(t)
	home := t.TempDir()
	env := isolatedEnv(home)
	cfg := filepath.Join(home, "config", "tasking")
	if err := os.MkdirAll(cfg, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "identity.json"), []byte(`{"databases": {"`+db+`": "Sgt Jas Patel"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	police := firstActionOf(t, db, "police")
	r := run(t, env, "--db", db, "action", "update", police, "--note", "remembered me")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if show := ok(t, "--db", db, "action", "show", police); !strings.Contains(show, "Sgt Jas Patel") || !strings.Contains(show, "remembered me") {
		t.Fatalf("not recorded as Sgt Jas Patel:\n%s", show)
	}
}

func TestUnknownAsIsRefusedEverywhere(t *testing.T) {
	db := demoDB(t)
	failsWith(t, run(t, nil, "--db", db, "--as", "Nobody Atall", "actions"), 1, `no member is called "Nobody Atall"`)
	failsWith(t, run(t, nil, "--db", db, "--as", "Nobody Atall", "hotspot", "list"), 1, "no member is called")
}

// A viewer reads an action's history as the public record names people:
// by agency, never by name — the officer is withheld from the owner line,
// and the rep updating an action is usually its officer.
func TestAViewerReadsWhoUpdatedByAgency(t *testing.T) {
	db := demoDB(t)
	restricted := ok(t, "--db", db, "--as", "Helen Marsh", "action", "show", "A-1")
	if !strings.Contains(restricted, "PCSO Nadia Khan") {
		t.Fatalf("the demo's A-1 has no update by its officer to test with:\n%s", restricted)
	}
	for _, args := range [][]string{{"action", "show", "A-1"}, {"action", "show", "A-1", "--format", "json"}} {
		got := ok(t, append([]string{"--db", db, "--as", "Cllr Pat Dyson"}, args...)...)
		for _, name := range []string{"PCSO Nadia Khan", "Helen Marsh"} {
			if strings.Contains(got, name) {
				t.Errorf("a viewer's %v names %s:\n%s", args, name, got)
			}
		}
		if !strings.Contains(got, "Derbyshire Constabulary") || !strings.Contains(got, "CBC Community Safety") {
			t.Errorf("a viewer's %v does not say which agencies did what:\n%s", args, got)
		}
	}
}
