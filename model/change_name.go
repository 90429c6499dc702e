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
	switch {
	case e.Op == "action.assign":
		var a Action
		if json.Unmarshal(e.After, &a) == nil && a.ID != 0 {
			return a.Ref() + " assigned: " + Clip(CleanLine(a.Text), 50)
		}
	case strings.HasPrefix(e.Op, "action."):
		var before, after Action
		if json.Unmarshal(e.Before, &before) == nil && json.Unmarshal(e.After, &after) == nil && after.ID != 0 {
			changes := ActionChanges(before, after)
			switch e.Op {
			case "action.reviewed":
				changes = []string{"reviewed, no change"}
			case "action.accepted":
				changes = []string{"update accepted"}
			case "action.note":
				changes = []string{"progress note"}
			}
			if len(changes) == 0 {
				changes = []string{changeName(e.Op)}
			}
			return after.Ref() + ": " + strings.Join(changes, "; ")
		}
	case e.Op == "note.add":
		var n Note
		if json.Unmarshal(e.After, &n) == nil && n.ID != 0 {
			return "note " + n.Ref() + ": " + Clip(CleanLine(n.Text), 50)
		}
	case e.Op == "decision.record":
		var d Decision
		if json.Unmarshal(e.After, &d) == nil && d.ID != 0 {
			return "resolution " + d.Ref() + ": " + Clip(CleanLine(d.Text), 50)
		}
	case strings.HasPrefix(e.Op, "hotspot."):
		var before, after Hotspot
		if json.Unmarshal(e.Before, &before) == nil && json.Unmarshal(e.After, &after) == nil && after.ID != 0 {
			if changes := HotspotChanges(before, after); len(changes) > 0 {
				return after.Ref() + ": " + strings.Join(changes, "; ")
			}
			return after.Ref() + ": " + changeName(e.Op)
		}
	case e.Op == "meeting.attendance":
		var after struct {
			Member string           `json:"member"`
			Status AttendanceStatus `json:"status"`
		}
		if json.Unmarshal(e.After, &after) == nil && after.Member != "" {
			return "attendance: " + after.Member + " " + after.Status.Label()
		}
	}
	name := changeName(e.Op)
	if e.Ref != "" {
		name += " (" + e.Ref + ")"
	}
	return name
}

// changeNames are audit operations as a person would name them.
var changeNames = map[string]string{
	"meeting.agenda_move":          "moving an agenda item",
	"meeting.agenda_drop":          "dropping an agenda item",
	"meeting.agenda_add":           "adding an agenda item",
	"meeting.agenda_takeup":        "a hotspot taken up on the agenda",
	"hotspot.assess":               "a risk assessment",
	"power.add":                    "a power recorded",
	"power.extend":                 "a closure order extended",
	"power.review":                 "a power's review date",
	"power.end":                    "a power ended",
	"meeting.item_part2":           "moving an item into or out of Part 2",
	"meeting.item_budget":          "an item's time budget",
	"meeting.attendance":           "an attendance mark",
	"meeting.attendance_rest":      "everyone else marked present",
	"meeting.guest":                "a guest added",
	"meeting.guest_remove":         "a guest taken off",
	"meeting.declaration":          "a declaration of interest",
	"meeting.declaration_withdraw": "a declaration withdrawn",
	"meeting.declarations_none":    "\"no declarations\"",
	"meeting.confidentiality":      "the confidentiality statement read",
	"meeting.next_date":            "the next meeting's date",
	"meeting.approve_minutes":      "the previous minutes approved",
	"hotspot.part2":                "moving a hotspot into or out of Part 2",
	"hotspot.add":                  "adding a hotspot",
	"hotspot.refer":                "a new referral",
	"hotspot.risk":                 "a risk level",
	"hotspot.status":               "a hotspot's status",
	"hotspot.close":                "closing a hotspot",
	"hotspot.link":                 "linking a hotspot to an area",
	"hotspot.unlink":               "unlinking a hotspot from an area",
	"hotspot.count":                "a count of incidents entered",
	"note.amend":                   "amending a note",
	"decision.amend":               "amending a resolution",
	"meeting.close":                "closing the meeting",
	"action.assign_general":        "moving actions to general business",
	"release":                      "a release of private business",
}

// changeName is an audit operation in words.
func changeName(op string) string {
	if n, ok := changeNames[op]; ok {
		return n
	}
	return strings.NewReplacer(".", " ", "_", " ").Replace(op)
}

// UndoRefusal is what undo says of a change it cannot take back.
func UndoRefusal(op string) error {
	return Invalid("undo", "that change (%s) cannot be undone: change it back by hand", changeName(op))
}
