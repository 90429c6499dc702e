package main

import (
	"fmt"
	"os"
	"time"

	"github.com/ccsp/tasking/model"
)

// clockEnv pins the app's clock: TASKING_NOW=2026-11-24T10:00 makes the app
// believe it is that moment when it starts (time then runs on as normal, so
// meeting timers tick). For tests and demos; nothing else reads the calendar.
const clockEnv = "TASKING_NOW"

// clock is the app's clock: the real one, or the pinned one from
// TASKING_NOW. Every command and the TUI get the time from here (through
// the store), never from time.Now directly.
func (a *app) clock() (func() time.Time, error) {
	if a.now != nil {
		return a.now, nil
	}
	if a.remote != nil {
		a.now = a.remote.rec.Now // the server's clock, whatever the session says
		return a.now, nil
	}
	if a.joined != nil {
		a.now = a.joined.rec.Now // the holder's: one clock for the file
		return a.now, nil
	}
	a.now = time.Now
	if v, ok := os.LookupEnv(clockEnv); ok && v != "" {
		now, err := pinnedClock(v, time.Local, time.Now)
		if err != nil {
			return nil, err
		}
		a.now = now
	}
	return a.now, nil
}

// pinnedClock is the clock TASKING_NOW=v sets, in zone loc, running on
// from real's reading now (model.ShiftedClock). A bare date is 10:00 on
// loc's clock that day (model.ParseInstant), the days the clocks change
// included.
func pinnedClock(v string, loc *time.Location, real func() time.Time) (func() time.Time, error) {
	start, err := model.ParseInstant(v, loc)
	if err != nil {
		return nil, &usageError{fmt.Errorf("%s: %w", clockEnv, err)}
	}
	return model.ShiftedClock(start, real(), real), nil
}
