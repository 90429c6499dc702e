package model

import (
	"encoding/json"
	"strings"
)

// ChangeName is a change (the audit events of one transaction, oldest
// first) in words, as undo names it before it goes: "A-12: now done",
// "note N-5", "resolution D-4", "attendance: Gary Fletcher present".
func ChangeName(events []AuditEvent) string {
	if len(events) == 0 {
		return "nothing"
	}
	// The first event is the one the person asked for; the rest follow it
	// (a note minuting a risk change, actions closed with their hotspot).
	e := events[0]
	if said, ok := retentionChangeName(e); ok {
		return said
	}
	if said, ok := dismissalChangeName(e); ok {
		return said
	}
	switch {
	case e.Op == OpActionAssign:
		var a Action
		if json.Unmarshal(e.After, &a) == nil && a.ID != 0 {
			return a.Ref() + " assigned: " + Clip(CleanLine(a.Text), 50)
		}
	case e.Op.Subject() == "action":
		var before, after Action
		if json.Unmarshal(e.Before, &before) == nil && json.Unmarshal(e.After, &after) == nil && after.ID != 0 {
			changes := ActionChanges(before, after)
			switch e.Op {
			case OpActionReviewed:
				changes = []string{"reviewed, no change"}
			case OpActionAccepted:
				changes = []string{"update accepted"}
			case OpActionNote:
				changes = []string{"progress note"}
			}
			if len(changes) == 0 {
				changes = []string{e.Op.Words()}
			}
			return after.Ref() + ": " + strings.Join(changes, "; ")
		}
	case e.Op == OpNoteAdd:
		var n Note
		if json.Unmarshal(e.After, &n) == nil && n.ID != 0 {
			return "note " + n.Ref() + ": " + Clip(CleanLine(n.Text), 50)
		}
	case e.Op == OpDecisionRecord:
		var d Decision
		if json.Unmarshal(e.After, &d) == nil && d.ID != 0 {
			return "resolution " + d.Ref() + ": " + Clip(CleanLine(d.Text), 50)
		}
	case e.Op.Subject() == "hotspot":
		var before, after Hotspot
		if json.Unmarshal(e.Before, &before) == nil && json.Unmarshal(e.After, &after) == nil && after.ID != 0 {
			if changes := HotspotChanges(before, after); len(changes) > 0 {
				return after.Ref() + ": " + strings.Join(changes, "; ")
			}
			return after.Ref() + ": " + e.Op.Words()
		}
	case e.Op == OpMeetingAttendance:
		var after struct {
			Member string           `json:"member"`
			Status AttendanceStatus `json:"status"`
		}
		if json.Unmarshal(e.After, &after) == nil && after.Member != "" {
			return "attendance: " + after.Member + " " + after.Status.Label()
		}
	}
	name := e.Op.Words()
	if e.Ref != "" {
		name += " (" + e.Ref + ")"
	}
	return name
}

// UndoRefusal is what undo says of a change it cannot take back.
func UndoRefusal(op Op) error {
	return Invalid("undo", "that change (%s) cannot be undone: change it back by hand", op.Words())
}
