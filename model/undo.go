package model

import "slices"

// Undo, in a meeting: the chair's last change is taken back, one level. It
// is a correction, not an erasure — the change stays in the audit trail
// and the undo is recorded beside it. These are its rules; a store reads
// the trail and restores the records.

// The audit operations undo's rule reads (a store writes them).
const (
	AuditMeetingStart = "meeting.start" // a meeting began: nothing earlier is its business
	AuditMeetingItem  = "meeting.item"  // moving between items: not a change to take back
	AuditUndo         = "meeting.undo"  // an undo: undo takes back one change, never an undo
)

// SameChange: two audit events were written by one change (one write
// transaction; for events from before transactions were recorded, the same
// moment).
func SameChange(a, b AuditEvent) bool {
	if a.Tx != 0 || b.Tx != 0 {
		return a.Tx == b.Tx
	}
	return a.At.Equal(b.At)
}

// LastChange gathers, from the audit trail read newest first, the change an
// undo in meeting takes back: by's most recent change there (every event
// of its one transaction) — not someone else's, not moving between items,
// and nothing from before the meeting started. Audit order, not clock time,
// says what came after the start: clocks of separate processes need not
// agree to the millisecond.
type LastChange struct {
	by      Actor
	meeting string
	events  []AuditEvent // oldest first
}

// NewLastChange starts gathering by's last change in the meeting with ref
// meetingRef.
func NewLastChange(by Actor, meetingRef string) *LastChange {
	return &LastChange{by: by, meeting: meetingRef}
}

// Read takes the next event, newest first, and says whether to read on:
// not past the meeting's start, nor past the first event of an earlier
// change once the last one is found.
func (l *LastChange) Read(e AuditEvent) bool {
	if e.Op == AuditMeetingStart && e.Ref == l.meeting {
		return false
	}
	if e.ByID != l.by.MemberID || e.By != l.by.String() || e.Op == AuditMeetingItem {
		return true
	}
	if len(l.events) > 0 && !SameChange(e, l.events[0]) {
		return false
	}
	l.events = append([]AuditEvent{e}, l.events...)
	return true
}

// Events is the change to take back, oldest event first. There is nothing
// to undo when by changed nothing in the meeting, and nothing more when
// the last change was itself an undo: undo goes back one change only.
func (l *LastChange) Events() ([]AuditEvent, error) {
	if len(l.events) == 0 {
		return nil, Invalid("undo", "nothing to undo: you have changed nothing in this meeting")
	}
	if slices.ContainsFunc(l.events, func(e AuditEvent) bool { return e.Op == AuditUndo }) {
		return nil, Invalid("undo", "nothing more to undo: undo takes back one change, the last")
	}
	return l.events, nil
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
