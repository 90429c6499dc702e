package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The clock-change days, Europe/London: the last Sundays of March (clocks
// forward) and October (clocks back), and an ordinary day either side.
var clockChangeDays = []string{"2027-03-28", "2026-10-25", "2026-03-29", "2027-10-31", "2026-11-24", "2027-07-01"}

// A bare TASKING_NOW date is 10:00 on the clock that day, the days the
// clocks change included, and the pinned clock runs on from there.
func TestPinnedClockBareDateIsTenOClock(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no zone data")
	}
	real := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) // any reading: not today's
	for _, day := range clockChangeDays {
		now, err := pinnedClock(day, london, func() time.Time { return real })
		if err != nil {
			t.Fatalf("%s: %v", day, err)
		}
		if got := now().In(london); got.Format("2006-01-02 15:04") != day+" 10:00" {
			t.Errorf("TASKING_NOW=%s reads %s, want 10:00 on the clock", day, got.Format("2006-01-02 15:04 MST"))
		}
	}
	if _, err := pinnedClock("28/03/2027", london, time.Now); err == nil || !strings.Contains(err.Error(), "TASKING_NOW") {
		t.Errorf("a bad TASKING_NOW: %v", err)
	}
}

// The same through the program, run in the zone: an action assigned on
// each clock-change day with a bare TASKING_NOW is stamped 10:00.
func TestBareTaskingNowStampsTenOClock(t *testing.T) {
	if _, err := time.LoadLocation("Europe/London"); err != nil {
		t.Skip("no zone data")
	}
	for _, day := range []string{"2027-03-28", "2026-10-25"} {
		t.Run(day, func(t *testing.T) {
			env := append(isolatedEnv(t.TempDir()), "TZ=Europe/London", "TASKING_NOW="+day)
			db := filepath.Join(t.TempDir(), "tasking.db")
			for _, args := range [][]string{
				{"setup", "--name", "Test CSP", "--chair", "Ann Lee"},
				{"--as", "Ann Lee", "action", "add", "--agency", "police", "--due", "+2w", "Patrols"},
			} {
				if r := run(t, env, append([]string{"--db", db}, args...)...); r.code != 0 {
					t.Fatalf("%s: %s", strings.Join(args, " "), r.stderr)
				}
			}
			r := run(t, env, "--db", db, "action", "show", "A-1")
			if want := "created   " + day + " 10:00,"; !strings.Contains(r.stdout, want) {
				t.Errorf("TASKING_NOW=%s: action show says\n%s\nwant %q", day, r.stdout, want)
			}
		})
	}
}
