package model

import (
	"encoding/json"
	"strings"
)

// AuditQuery is which events of the audit trail `tasking audit` shows: all
// of them, or those about one action, one hotspot (the hotspot itself and
// the actions, decisions and notes made on it), or made by one member, and
// from a day on. The zero query matches every change a person made.
type AuditQuery struct {
	// Action is an action's ref ("A-12").
	Action string
	// Hotspot is a hotspot's ID.
	Hotspot ID
	// Member is who made the change (a member's ID and name: events from
	// before the trail kept IDs are matched by name).
	Member     ID
	MemberName string
	// Since is the first day shown (zero: from the start).
	Since Date
}

// Match says whether e is one the query asks for. Seal events (records
// loaded in one go, sealed for the chain) are the file's, not a person's,
// and never shown.
func (q AuditQuery) Match(e AuditEvent) bool {
	if e.Op == OpRecordSeal {
		return false
	}
	if !q.Since.IsZero() && DateOf(e.At.Local()).Before(q.Since) {
		return false
	}
	if q.Member != 0 && e.ByID != q.Member && (e.ByID != 0 || !strings.EqualFold(e.By, q.MemberName)) {
		return false
	}
	if q.Action != "" && e.Ref != q.Action {
		return false
	}
	if q.Hotspot != 0 && !q.aboutHotspot(e) {
		return false
	}
	return true
}

// aboutHotspot: the event changed the hotspot, or a record made on it (an
// action, a decision or a note says its hotspot in its own image).
func (q AuditQuery) aboutHotspot(e AuditEvent) bool {
	if e.Ref == HotspotRef(q.Hotspot) {
		return true
	}
	switch e.Entity {
	case "action", "decision", "note":
	default:
		return false
	}
	var on struct {
		HotspotID ID `json:"hotspot_id"`
	}
	for _, image := range []json.RawMessage{e.After, e.Before} {
		if len(image) > 0 && json.Unmarshal(image, &on) == nil && on.HotspotID != 0 {
			return on.HotspotID == q.Hotspot
		}
	}
	return false
}
