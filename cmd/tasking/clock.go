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
	a.now = time.Now
	if v, ok := os.LookupEnv(clockEnv); ok && v != "" {
		start, err := model.ParseInstant(v, time.Local)
		if err != nil {
			return nil, &usageError{fmt.Errorf("%s: %w", clockEnv, err)}
		}
		a.now = model.ShiftedClock(start, time.Now(), time.Now)
	}
	return a.now, nil
}
