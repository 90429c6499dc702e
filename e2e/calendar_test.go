package e2e

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"
)

// TestMinuteNumbersFollowTheMunicipalYear holds a meeting on the pinned day
// and another the next day, from the command line. Minute numbers run on
// through a municipal year and start again at 1 on 1 April: run at
// TASKING_E2E_NOW=…-03-31T10:00 (as .ci/run does) the second meeting is
// the first of a new year; on any other day its numbers follow the first's.
func TestMinuteNumbersFollowTheMunicipalYear(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	today := baseEnv(home)
	tomorrow := withClock(today, pinned.Add(24*time.Hour))
	must := func(env []string, args ...string) string {
		t.Helper()
		out, errOut, code := run(t, env, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("tasking %v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	type minutesDoc struct {
		Date        string `json:"date"`
		FirstMinute int    `json:"first_minute"`
		Items       []struct {
			Number int `json:"number"`
		} `json:"items"`
	}
	latest := func(env []string) minutesDoc {
		t.Helper()
		var doc minutesDoc
		if err := json.Unmarshal([]byte(must(env, "minutes", "latest", "--format", "json")), &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}

	must(today, "demo")
	must(today, "--as", "Helen Marsh", "meeting", "start")
	must(today, "--as", "Helen Marsh", "meeting", "close", "--next", "+1d")
	first := latest(today)
	if first.Date != pinned.Format("2006-01-02") {
		t.Fatalf("the first meeting is dated %s, want the pinned day %s", first.Date, pinned.Format("2006-01-02"))
	}
	must(tomorrow, "--as", "Helen Marsh", "meeting", "start")
	must(tomorrow, "--as", "Helen Marsh", "meeting", "close", "--next", "+1w")
	second := latest(tomorrow)

	last := first.FirstMinute
	for _, it := range first.Items {
		last = max(last, it.Number)
	}
	newYear := pinned.Month() == time.March && pinned.Day() == 31
	switch {
	case newYear && second.FirstMinute != 1:
		t.Errorf("the first meeting of the municipal year (%s) starts at minute %d, want 1", second.Date, second.FirstMinute)
	case !newYear && second.FirstMinute != last+1:
		t.Errorf("the meeting of %s starts at minute %d, want %d (the day before ended at %d)", second.Date, second.FirstMinute, last+1, last)
	}
	if first.FirstMinute < 1 {
		t.Errorf("the first meeting starts at minute %d", first.FirstMinute)
	}
}
