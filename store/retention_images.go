package store

import (
	"encoding/json"

	"github.com/ccsp/tasking/model"
)

// The audit images an anonymisation reads: an event's before and after,
// decoded as the record they show, by what the event changed. Every kind
// of record a case has is here (its hotspot, actions, updates, decisions,
// notes, powers, and a meeting's amendments and declarations); images of
// anything else (members, agencies, agenda refs, counts) hold none of a
// case's words and are left as they are.

// eventImages is an event read by a worker with its images decoded.
type eventImages struct {
	e             model.AuditEvent
	before, after any
	err           error
}

func readImages(_, v []byte) (d eventImages) {
	if d.err = decode(v, &d.e); d.err != nil {
		return d
	}
	d.before = imageOf(d.e.Entity, d.e.Op, d.e.Before)
	d.after = imageOf(d.e.Entity, d.e.Op, d.e.After)
	return d
}

// withdrawnDeclaration is the before image of a declaration withdrawn
// (meetings.go).
type withdrawnDeclaration struct {
	Index       int               `json:"index"`
	Declaration model.Declaration `json:"declaration"`
}

// imageOf decodes raw as the record an event about entity (op) shows; nil
// when it shows none a case can have, or does not decode as one (it is
// then left as it is).
func imageOf(entity, op string, raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	var v any
	switch entity {
	case "hotspot":
		v = new(model.Hotspot)
	case "action":
		v = new(model.Action)
	case "update":
		v = new(model.ActionUpdate)
	case "decision":
		v = new(model.Decision)
	case "note":
		v = new(model.Note)
	case "power":
		v = new(model.Power)
	case "meeting":
		switch op {
		case "minutes.amend":
			v = new(model.Amendment)
		case "meeting.declaration":
			v = new(model.Declaration)
		case "meeting.declaration_withdraw":
			v = new(withdrawnDeclaration)
		case "meeting.plan":
			v = new(model.Meeting)
		default:
			return nil
		}
	default:
		return nil
	}
	if decodeJSON(raw, v) != nil {
		return nil
	}
	return v
}
