package store

import (
	"github.com/ccsp/tasking/model"
)

// RecordDecision records a resolution of the meeting ("RESOLVED – that …"),
// under a hotspot or a standing item. Part 2 decisions are exempt business.
func (s *Store) RecordDecision(actor model.Actor, meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, part2 bool) (model.Decision, error) {
	text, err := model.NormaliseResolution(text)
	if err != nil {
		return model.Decision{}, err
	}
	var d model.Decision
	err = s.write(actor, func(w *wtx) error {
		if err := model.Permit(actor, model.OpRecordDecision, 0); err != nil {
			return err
		}
		if err := model.RequireMeeting("decision", meetingID); err != nil {
			return err
		}
		if _, err := meetingFor(w.tx, meetingID); err != nil {
			return err
		}
		if hotspotID != 0 {
			var h model.Hotspot
			if err := get(w.tx, bHotspots, hotspotID, &h); err != nil {
				return model.Invalid("hotspot", "there is no %s", model.HotspotRef(hotspotID))
			}
		}
		d, err = w.addDecision(meetingID, model.ItemOf(item, hotspotID), hotspotID, text, part2)
		return err
	})
	return d, err
}

func (w *wtx) addDecision(meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, part2 bool) (model.Decision, error) {
	id, err := nextID(w.tx, bDecisions)
	if err != nil {
		return model.Decision{}, err
	}
	d := model.Decision{ID: id, MeetingID: meetingID, HotspotID: hotspotID, Item: item, Text: text, Part2: part2,
		At: w.now, By: w.actor.String(), Version: 1}
	if err := put(w.tx, bDecisions, id, d); err != nil {
		return d, err
	}
	return d, w.audit("decision.record", "decision", d.Ref(), nil, d)
}

// AddNote records what was said under an agenda item.
func (s *Store) AddNote(actor model.Actor, meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, confidential bool) (model.Note, error) {
	return s.RecordNote(actor, meetingID, model.NewNote{Item: item, HotspotID: hotspotID, Text: text, Confidential: confidential})
}

// RecordNote records what was said under an agenda item, with the agency
// that reported it when one did.
func (s *Store) RecordNote(actor model.Actor, meetingID model.ID, nn model.NewNote) (model.Note, error) {
	text, err := model.CheckText("text", "note", nn.Text, true)
	if err != nil {
		return model.Note{}, err
	}
	var n model.Note
	err = s.write(actor, func(w *wtx) error {
		if err := model.Permit(actor, model.OpRunMeeting, 0); err != nil {
			return err
		}
		if err := model.RequireMeeting("note", meetingID); err != nil {
			return err
		}
		if _, err := meetingFor(w.tx, meetingID); err != nil {
			return err
		}
		if nn.AgencyID != 0 {
			if err := w.checkAgency(nn.AgencyID); err != nil {
				return err
			}
		}
		n, err = w.addNote(meetingID, nn.Item, nn.HotspotID, text, nn.Confidential, nn.AgencyID)
		return err
	})
	return n, err
}

func (w *wtx) addNote(meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, confidential bool, agencyID model.ID) (model.Note, error) {
	item = model.ItemOf(item, hotspotID)
	id, err := nextID(w.tx, bNotes)
	if err != nil {
		return model.Note{}, err
	}
	n := model.Note{ID: id, MeetingID: meetingID, HotspotID: hotspotID, Item: item, Text: text, Confidential: confidential,
		AgencyID: agencyID, At: w.now, By: w.actor.String(), Version: 1}
	if err := put(w.tx, bNotes, id, n); err != nil {
		return n, err
	}
	return n, w.audit("note.add", "note", model.HotspotRef(hotspotID), nil, n)
}
