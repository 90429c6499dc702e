package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// An action made in public on a hotspot later taken in private is private
// business while the hotspot is (the public outputs leave it out), so
// every restricted listing marks it the way the minutes' action log does:
// the actions list (and its JSON), action show and hotspot show. Back in
// Part 1 it is public again, unmarked.
func TestActionsOnAHotspotTakenInPrivateAreMarkedEverywhere(t *testing.T) {
	db := demoDB(t)
	helen := []string{"--db", db, "--as", "Helen Marsh"}
	faye := []string{"--db", db, "--as", "Faye Turner"}
	const mark = "[private, para 7] Early Help assessment"
	if got := ok(t, append(faye, "actions", "--mine")...); strings.Contains(got, "[private") || !strings.Contains(got, "A-38") {
		t.Fatalf("before: A-38 should be public business:\n%s", got)
	}
	ok(t, append(helen, "meeting", "start")...)
	ok(t, append(helen, "meeting", "part2", "HS-1", "--paragraph", "7")...)
	minutes := ok(t, append(helen, "minutes")...)
	if !strings.Contains(minutes, `\[private, para 7\] Early Help assessment`) {
		t.Fatalf("the minutes do not mark A-38:\n%s", minutes)
	}
	for _, args := range [][]string{{"actions", "--mine"}, {"actions", "--hotspot", "HS-1"}, {"actions"}, {"action", "show", "A-38"}, {"hotspot", "show", "HS-1"}} {
		if got := ok(t, append(faye, args...)...); !strings.Contains(got, mark) {
			t.Errorf("%v does not mark A-38 as the minutes do:\n%s", args, got)
		}
	}
	// One agency's list reads only its actions' hotspots; every agency's
	// streams with every hotspot read: both mark it.
	for _, args := range [][]string{{"actions", "--mine"}, {"actions", "--hotspot", "HS-1"}, {"actions"}} {
		var rows []map[string]string
		if err := json.Unmarshal([]byte(ok(t, append(append(faye, args...), "--format", "json")...)), &rows); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			if r["ref"] == "A-38" {
				found = true
				if r["private"] != "yes" {
					t.Errorf("%v: the JSON row says private %q", args, r["private"])
				}
			}
		}
		if !found {
			t.Errorf("%v: no A-38 in the JSON", args)
		}
	}
	ok(t, append(helen, "meeting", "part2", "HS-1", "--off", "--yes")...)
	if got := ok(t, append(faye, "action", "show", "A-38")...); strings.Contains(got, "[private") {
		t.Errorf("back in Part 1, A-38 is still marked:\n%s", got)
	}
}
