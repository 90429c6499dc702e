package model

import (
	"fmt"
	"strings"
	"time"
)

// ParseInstant reads a moment in the partnership's local time: the form the
// TASKING_NOW clock override takes. It accepts 2026-11-24T10:00,
// 2026-11-24T10:00:00, "2026-11-24 10:00", a bare date (which means 10:00,
// the usual meeting time) and RFC 3339 with a zone.
func ParseInstant(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.Local
	}
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		// 10:00 on the clock that day, not ten hours after midnight: on
		// the days the clocks change those are 11:00 and 09:00.
		return time.Date(t.Year(), t.Month(), t.Day(), 10, 0, 0, 0, loc), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a moment: use YYYY-MM-DDTHH:MM, for example 2026-11-24T10:00", s)
}

// ShiftedClock is a clock that reads start when real time reads realStart
// and runs on from there at the normal rate: a pinned day on which the
// meeting timers still tick. real is the real clock (time.Now).
func ShiftedClock(start, realStart time.Time, real func() time.Time) func() time.Time {
	offset := start.Sub(realStart)
	return func() time.Time { return real().Add(offset).In(start.Location()) }
}
