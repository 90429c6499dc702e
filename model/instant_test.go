package model

import (
	"testing"
	"time"
)

func TestParseInstant(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no zone data")
	}
	tests := []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: "2026-11-24T10:00", want: time.Date(2026, 11, 24, 10, 0, 0, 0, london)},
		{in: "2026-11-24T10:00:30", want: time.Date(2026, 11, 24, 10, 0, 30, 0, london)},
		{in: " 2026-11-24 09:15 ", want: time.Date(2026, 11, 24, 9, 15, 0, 0, london)},
		{in: "2027-03-31", want: time.Date(2027, 3, 31, 10, 0, 0, 0, london)},
		// A bare date is 10:00 on the clock every day of the year, the
		// days the clocks change included (last Sundays of March and
		// October), and in winter and summer either side of them.
		{in: "2026-03-29", want: time.Date(2026, 3, 29, 10, 0, 0, 0, london)},  // clocks forward
		{in: "2027-03-28", want: time.Date(2027, 3, 28, 10, 0, 0, 0, london)},  // clocks forward
		{in: "2026-10-25", want: time.Date(2026, 10, 25, 10, 0, 0, 0, london)}, // clocks back
		{in: "2027-10-31", want: time.Date(2027, 10, 31, 10, 0, 0, 0, london)}, // clocks back
		{in: "2026-01-15", want: time.Date(2026, 1, 15, 10, 0, 0, 0, london)},
		{in: "2026-07-15", want: time.Date(2026, 7, 15, 10, 0, 0, 0, london)},
		{in: "2028-02-29", want: time.Date(2028, 2, 29, 10, 0, 0, 0, london)},          // a leap day
		{in: "2027-02-29", bad: true},                                                  // not a leap year
		{in: "2100-02-29", bad: true},                                                  // a century, not a leap year
		{in: "2026-07-01T10:00:00Z", want: time.Date(2026, 7, 1, 11, 0, 0, 0, london)}, // BST
		{in: "24/11/2026", bad: true},
		{in: "tomorrow", bad: true},
		{in: "", bad: true},
		{in: "2026-02-30T10:00", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseInstant(tt.in, london)
		if tt.bad {
			if err == nil {
				t.Errorf("%q: accepted as %v", tt.in, got)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%q: got %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if err == nil && len(tt.in) == len("2006-01-02") && (got.Hour() != 10 || got.Minute() != 0) {
			t.Errorf("%q: a bare date reads %s on the clock, want 10:00", tt.in, got.Format("15:04 MST"))
		}
	}
}

func TestShiftedClockRunsOnFromItsStart(t *testing.T) {
	start := time.Date(2026, 3, 31, 23, 59, 0, 0, time.UTC)
	realStart := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	real := realStart
	clock := ShiftedClock(start, realStart, func() time.Time { return real })
	if got := clock(); !got.Equal(start) {
		t.Fatalf("at start: %v", got)
	}
	real = real.Add(90 * time.Second)
	if got, want := clock(), time.Date(2026, 4, 1, 0, 0, 30, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("after 90s: %v, want %v", got, want)
	}
}
