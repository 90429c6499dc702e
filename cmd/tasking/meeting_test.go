package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

// A whole meeting from the command line: start, a decision, close with the
// next date, then a later amendment; each step refused when it should be.
func TestMeetingFromTheCommandLine(t *testing.T) {
	db := demoDB(t)
	chair := []string{"--db", db, "--as", "Helen Marsh"}
	failsWith(t, run(t, nil, append(chair, "decision", "add", "That x")...), 1, "no meeting is open")
	failsWith(t, run(t, nil, "--db", db, "--as", "Gary Fletcher", "meeting", "start"), 1, "may not run a meeting")
	out := ok(t, append(chair, "meeting", "start")...)
	if !strings.HasPrefix(out, "M-7 started: ") {
		t.Fatalf("start said %q", out)
	}
	failsWith(t, run(t, nil, append(chair, "meeting", "start")...), 1, "is already open: resume it")
	out = ok(t, append(chair, "decision", "add", "--hotspot", "HS-1", "That", "joint", "patrols", "continue")...)
	if !strings.Contains(out, "recorded in M-7: RESOLVED – that joint patrols continue") {
		t.Fatalf("decision said %q", out)
	}
	ref := strings.Fields(out)[0]
	// The wording completes "RESOLVED – that …", as on the meeting screen.
	if out := ok(t, append(chair, "decision", "add", "--hotspot", "HS-1", "a dispersal order be sought")...); !strings.Contains(out, "RESOLVED – that a dispersal order be sought") {
		t.Fatalf("decision said %q", out)
	}
	out = ok(t, append(chair, "decision", "add", "--part2", "That", "the", "family", "be", "offered", "a", "move")...)
	if !strings.Contains(out, "(Part 2)") {
		t.Fatalf("part 2 decision said %q", out)
	}
	failsWith(t, run(t, nil, append(chair, "amend", ref, "--text", "That patrols stop", "--reason", "x")...), 1, "is still open")
	out = ok(t, append(chair, "meeting", "close", "--next", "+1w")...)
	if !strings.Contains(out, "M-7 closed; next meeting ") {
		t.Fatalf("close said %q", out)
	}
	failsWith(t, run(t, nil, append(chair, "meeting", "close")...), 1, "no meeting is open")
	failsWith(t, run(t, nil, append(chair, "amend", ref, "--text", "x")...), 2, "needs --text")
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "amend", ref, "--text", "x", "--reason", "y"), 1, "may not amend the minutes")
	out = ok(t, append(chair, "amend", ref, "--text", "That joint patrols continue until Christmas", "--reason", "dates agreed, not minuted")...)
	if !strings.Contains(out, ref+" amended in M-7 (was: that joint patrols continue)") {
		t.Fatalf("amend said %q", out)
	}
	md := ok(t, "--db", db, "minutes", "M-7")
	if !strings.Contains(md, "that joint patrols continue until Christmas") || !strings.Contains(md, "dates agreed, not minuted") {
		t.Fatalf("the minutes do not show the amendment:\n%s", md)
	}
}

func TestExport(t *testing.T) {
	db := demoDB(t)
	out := ok(t, "--db", db, "export", "actions", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v", err)
	}
	if strings.Join(recs[0], ",") != strings.Join(actionLogFields, ",") {
		t.Fatalf("header %v", recs[0])
	}
	all := decodeJSON(t, ok(t, "--db", db, "export", "actions", "--format", "json"))
	if len(all) != len(recs)-1 {
		t.Fatalf("csv %d rows, json %d", len(recs)-1, len(all))
	}
	statuses := map[string]bool{}
	for _, r := range all {
		statuses[r["status"]] = true
	}
	if !statuses["done"] || !statuses["cancelled"] || !statuses["open"] {
		t.Fatalf("the action log is not every status: %v", statuses)
	}
	public := decodeJSON(t, ok(t, "--db", db, "export", "actions", "--format", "json", "--public"))
	hotspots := decodeJSON(t, ok(t, "--db", db, "export", "hotspots", "--format", "json"))
	personal := map[string]bool{}
	for _, h := range hotspots {
		if h["category"] == "personal" {
			personal[h["ref"]] = true
		}
	}
	if len(personal) == 0 || len(public) >= len(all) {
		t.Fatalf("fixture: %d personal hotspots, %d public of %d actions", len(personal), len(public), len(all))
	}
	for _, r := range public {
		if personal[r["hotspot"]] || r["officer"] != "" || r["last_update"] != "" {
			t.Errorf("public export leaks: %v", r)
		}
	}
	for _, h := range decodeJSON(t, ok(t, "--db", db, "export", "hotspots", "--format", "json", "--public")) {
		if h["category"] == "personal" {
			t.Errorf("public export has a personal-ASB hotspot: %v", h)
		}
	}
	failsWith(t, run(t, nil, "--db", db, "export", "actions", "--format", "table"), 2, "csv, json")
	failsWith(t, run(t, nil, "--db", db, "export", "minutes"), 2, "unknown command")
}
