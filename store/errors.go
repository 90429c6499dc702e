package store

import (
	"errors"
	"fmt"
	"time"

	"github.com/ccsp/tasking/model"
)

// ErrNotFound is returned when a ref names no record.
var ErrNotFound = errors.New("not found")

// ErrNotEmpty: the database already holds a partnership (demo, setup).
var ErrNotEmpty = errors.New("the database already holds a partnership")

// ErrNoPartnership: nothing has been set up yet.
var ErrNoPartnership = errors.New("no partnership is set up in this database yet: run `tasking demo` or open `tasking` to set one up")

// ConflictError: someone else changed the record since it was read. The
// caller shows the fresh record.
type ConflictError struct {
	Ref string
	By  string
	At  time.Time
	// Now is the record as it is now (model.Action, model.Hotspot, …) and
	// Version its version: a form shows what changed (model.RecordChanges)
	// and a deliberate second save is checked against it.
	Now     any
	Version int
	// Changes, when the store knows what the save was checked against
	// (a part of a meeting), is what changed in it, in words.
	Changes []string
}

func (e *ConflictError) Error() string {
	if len(e.Changes) > 0 {
		return model.ConflictRefusal(e.Ref, e.By, e.At, e.Changes)
	}
	if e.At.IsZero() {
		return fmt.Sprintf("%s was changed by someone else — reloaded", e.Ref)
	}
	return fmt.Sprintf("%s was changed by %s at %s — reloaded", e.Ref, e.By, e.At.Local().Format("15:04"))
}

// OpenActionsError: a hotspot cannot close while it has open actions, until
// the chair says what happens to them (model.OpenActionsError).
type OpenActionsError = model.OpenActionsError

// ErrNotAFile refuses what only a bbolt file can do, asked of another
// engine.
var ErrNotAFile = errors.New("the record is not held in a file: that needs a tasking file")
