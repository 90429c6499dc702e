package model

import (
	"encoding/json"
	"slices"
	"time"
)

// Undo, in a meeting: any of the person's last MaxUndo changes is taken
// back, newest first, each named before it goes. It is a correction, not
// an erasure — the change stays in the audit trail
// and the undo is recorded beside it. These are its rules; a store reads
// the trail and restores the records.

// Undo's rule reads the kinds of change (ops.go) OpMeetingStart,
// OpMeetingItem and OpMeetingUndo; a store writes them.

// SameChange: two audit events were written by one change (one write
// transaction; for events from before transactions were recorded, the same
// moment).
func SameChange(a, b AuditEvent) bool {
	if a.Tx != 0 || b.Tx != 0 {
		return a.Tx == b.Tx
	}
	return a.At.Equal(b.At)
}

// MaxUndo is how many of a person's changes in a meeting undo offers to
// take back, newest first.
const MaxUndo = 20

// Undoable is one change a person made in a meeting that undo can take
// back: every audit event of its one transaction, oldest first, named in
// words before it goes.
type Undoable struct {
	Events []AuditEvent
	Name   string
	At     time.Time
}

// Key is what names the change to UndoChange: its transaction, or for
// events from before transactions were recorded, its first event's id.
func (u Undoable) Key() uint64 {
	if u.Events[0].Tx != 0 {
		return u.Events[0].Tx
	}
	return u.Events[0].ID
}

// RecentChanges gathers, from the audit trail read newest first, the
// changes an undo in meeting may take back: by's last MaxUndo changes there
// — not someone else's, not moving between items, not an undo, not one
// already undone, and nothing from before the meeting started. Audit
// order, not clock time, says what came after the start: clocks of
// separate processes need not agree to the millisecond.
type RecentChanges struct {
	by      Actor
	meeting string
	undone  map[ID]bool
	changes []Undoable // newest first; each change's events oldest first
	full    bool
}

// NewRecentChanges starts gathering by's changes in the meeting with ref
// meetingRef.
func NewRecentChanges(by Actor, meetingRef string) *RecentChanges {
	return &RecentChanges{by: by, meeting: meetingRef, undone: map[ID]bool{}}
}

// Read takes the next event, newest first, and says whether to read on:
// not past the meeting's start, nor past MaxUndo changes.
func (r *RecentChanges) Read(e AuditEvent) bool {
	if e.Op == OpMeetingStart && e.Ref == r.meeting {
		return false
	}
	if e.Op == OpMeetingUndo {
		// An undo names the events it took back: they are not offered.
		var before struct {
			Events []ID `json:"events"`
		}
		if json.Unmarshal(e.Before, &before) == nil {
			for _, id := range before.Events {
				r.undone[id] = true
			}
		}
		return true
	}
	// An anonymisation is never taken back (nor is anything it erased).
	if e.ByID != r.by.MemberID || e.By != r.by.String() || e.Op == OpMeetingItem || r.undone[e.ID] || e.Erased || retentionOp(e.Op) {
		return true
	}
	if n := len(r.changes); n > 0 && SameChange(e, r.changes[n-1].Events[0]) {
		last := &r.changes[n-1]
		last.Events = append([]AuditEvent{e}, last.Events...)
		return true
	}
	if len(r.changes) == MaxUndo {
		r.full = true
		return false
	}
	r.changes = append(r.changes, Undoable{Events: []AuditEvent{e}, At: e.At})
	return true
}

// Changes are the changes undo may take back, newest first, each named.
// There is nothing to undo when by changed nothing in the meeting (or has
// undone all of it).
func (r *RecentChanges) Changes() ([]Undoable, error) {
	if len(r.changes) == 0 {
		return nil, Invalid("undo", "nothing to undo: you have changed nothing in this meeting that is not undone already")
	}
	out := make([]Undoable, len(r.changes))
	for i, c := range r.changes {
		c.Name = ChangeName(c.Events)
		out[i] = c
	}
	return out, nil
}

// Find is the change with key among cs, refused when it is not one undo
// may take back (already undone, someone else's, older than MaxUndo).
func FindUndoable(cs []Undoable, key uint64) (Undoable, error) {
	for _, c := range cs {
		if c.Key() == key {
			return c, nil
		}
	}
	return Undoable{}, Invalid("undo", "that change is not one of your last %d in this meeting that are not undone already", MaxUndo)
}

// Unapprove takes back decision id: when it was the resolution approving
// the previous meeting's minutes, they are unapproved again (and can be
// approved anew). It says whether the meeting changed.
func (m *Meeting) Unapprove(id ID) bool {
	if id == 0 || m.MinutesApprovedByDecID != id {
		return false
	}
	m.MinutesApprovedByDecID = 0
	return true
}

// RestoreDeclaration puts a withdrawn declaration back at place i (or at
// the end, if the list is shorter now): with a declaration on the record,
// "no declarations" is not true.
func (m *Meeting) RestoreDeclaration(i int, d Declaration) {
	m.Declarations = slices.Insert(m.Declarations, min(max(i, 0), len(m.Declarations)), d)
	m.NoDeclarations = false
}
