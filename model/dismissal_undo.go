package model

import "encoding/json"

// Undoing a dismissal: a chair who dismissed an emerging hotspot by
// mistake takes it back with undo (z) like any other change of theirs in
// the meeting, and the place is offered again.

// UndoDismissal is the rule for taking back dismissal after: cur is the
// dismissal stored under its key now (nil: none), before the one the
// dismissal replaced (nil: none; an earlier one that had lapsed). It is
// refused when cur is not after — the place was dismissed again since,
// or the dismissal is gone — and otherwise gives what the key holds once
// it is undone (before, or nil: nothing) and says so.
func UndoDismissal(cur *Dismissal, after Dismissal, before *Dismissal) (*Dismissal, string, error) {
	if cur == nil || *cur != after {
		return nil, "", Invalid("undo", "%s has been dismissed again or taken back since: undo that change first", after.Place.Label())
	}
	return before, "emerging hotspot " + after.Place.Label() + " offered again", nil
}

// dismissalChangeName names a dismissal as undo lists it.
func dismissalChangeName(e AuditEvent) (string, bool) {
	if e.Op != OpSuggestionDismiss {
		return "", false
	}
	var d Dismissal
	if err := json.Unmarshal(e.After, &d); err != nil || d.Place.Key() == "" {
		return "", false
	}
	return "emerging hotspot dismissed: " + d.Place.Label(), true
}
