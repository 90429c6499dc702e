package record

import (
	"encoding/json"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// The audit images an anonymisation reads: an event's before and after,
// decoded as the record they show, by what the event changed. Every kind
// of record a case has is here (its hotspot, actions, updates, decisions,
// notes, powers, and a meeting's amendments and declarations); images of
// anything else (members, agencies, agenda refs, counts) hold none of a
// case's words and are left as they are.
//
// A decade's trail is hundreds of thousands of events, few of them about
// the cases: the workers read each image's IDs only (imageIDs), and an
// image is decoded whole only when those IDs say it may be the cases'
// (mayHold, asked in order, as the erasure learns).

// eventImages is an event read by a worker, with its images' IDs.
type eventImages struct {
	e             model.AuditEvent
	before, after imageIDs
	err           error
}

// imageIDs are the IDs an image holds that say whose it is; bad is set
// when it does not read as a record at all (it is then decoded whole, to
// be sure).
type imageIDs struct {
	ID           model.ID    `json:"id"`
	HotspotID    model.ID    `json:"hotspot_id"`
	ActionID     model.ID    `json:"action_id"`
	Target       string      `json:"target"`
	TargetID     model.ID    `json:"target_id"`
	Declaration  *onHotspot  `json:"declaration"`
	Declarations []onHotspot `json:"declarations"`
	bad          bool
}

type onHotspot struct {
	HotspotID model.ID `json:"hotspot_id"`
}

func readImages(_ model.ID, doc store.Doc) (d eventImages) {
	if d.err = decodeDoc(doc, &d.e); d.err != nil {
		return d
	}
	for _, im := range []struct {
		raw json.RawMessage
		ids *imageIDs
	}{{d.e.Before, &d.before}, {d.e.After, &d.after}} {
		if len(im.raw) > 0 && imageOf(d.e.Entity, d.e.Op, nil) != nil && store.DecodeJSON(im.raw, im.ids) != nil {
			*im.ids = imageIDs{bad: true}
		}
	}
	return d
}

// mayHold: an image of entity with these IDs may be one of the cases'
// records (a superset: Erasure decides).
func mayHold(er *model.Erasure, entity string, ids imageIDs) bool {
	if ids.bad || er.Case(ids.HotspotID) {
		return true
	}
	if ids.Declaration != nil && er.Case(ids.Declaration.HotspotID) {
		return true
	}
	for _, d := range ids.Declarations {
		if er.Case(d.HotspotID) {
			return true
		}
	}
	switch entity {
	case "hotspot":
		return er.Case(ids.ID)
	case "action":
		return er.HasAction(ids.ID)
	case "update":
		return er.HasAction(ids.ActionID)
	case "decision":
		return er.HasDecision(ids.ID)
	case "note":
		return er.HasNote(ids.ID)
	case "power":
		return er.HasPower(ids.ID) || er.HasAction(ids.ActionID)
	case "meeting":
		return (ids.Target == "note" && er.HasNote(ids.TargetID)) || (ids.Target == "decision" && er.HasDecision(ids.TargetID))
	}
	return false
}

// withdrawnDeclaration is the before image of a declaration withdrawn
// (meetings.go).
type withdrawnDeclaration struct {
	Index       int               `json:"index"`
	Declaration model.Declaration `json:"declaration"`
}

// imageOf decodes raw as the record an event about entity (op) shows
// (nil raw: only whether it shows one); nil when it shows none a case can
// have, or does not decode as one (it is then left as it is).
func imageOf(entity string, op model.Op, raw json.RawMessage) any {
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
		case model.OpMinutesAmend:
			v = new(model.Amendment)
		case model.OpMeetingDeclaration:
			v = new(model.Declaration)
		case model.OpMeetingDeclarationWithdraw:
			v = new(withdrawnDeclaration)
		case model.OpMeetingPlan:
			v = new(model.Meeting)
		default:
			return nil
		}
	default:
		return nil
	}
	if raw == nil {
		return v
	}
	if store.DecodeJSON(raw, v) != nil {
		return nil
	}
	return v
}
