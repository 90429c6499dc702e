package store

import (
	"time"

	"github.com/ccsp/tasking/model"
)

// Change is published after a write commits. Subscribers learn what
// changed, and re-read (or patch) only what they show of it.
type Change struct {
	Op     model.Op // "action.assign", … (model/ops.go)
	Entity string   // "action", "meeting", …
	Ref    string
	By     string
	At     time.Time
	// Where the changed record belongs, so a screen that shows part of the
	// record can tell a change is not its business without reading: an
	// action's owner agency and hotspot (the one it was under, when the
	// change moved it to general business), a decision's or note's
	// hotspot, a hotspot's own id. Zero for other kinds of record, and for
	// an action, decision or note of no hotspot.
	Agency, Hotspot model.ID
	// Version is the changed action's or hotspot's version after the
	// change: a screen already showing it (its own save) has nothing to do.
	Version int
	// Tx is the commit the change is in: a reader that has seen it can ask
	// for a reading at least as new (HomeSince).
	Tx uint64
	// Missed: the subscriber fell behind and notices before this one were
	// dropped, so anything may have changed: re-read everything shown.
	Missed bool
	// Private: the changed record is private business (its own privacy, or
	// a hotspot taken in private): a session that reads the public record
	// only is not told its ref.
	Private bool
}
