package record

import (
	"context"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// RecordDecision records a resolution of the meeting ("RESOLVED – that …"),
// under a hotspot or a standing item. Part 2 decisions are exempt business.
func (s *Store) RecordDecision(actor model.Actor, meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, part2 bool) (model.Decision, error) {
	text, err := model.NormaliseResolution(text)
	if err != nil {
		return model.Decision{}, err
	}
	var d model.Decision
	err = s.write(context.TODO(), actor, declare(model.OpDecisionRecord), func(w *wtx) error {
		if err := model.RequireMeeting("decision", meetingID); err != nil {
			return err
		}
		if _, err := meetingFor(w.tx, meetingID); err != nil {
			return err
		}
		if hotspotID != 0 {
			var h model.Hotspot
			if err := get(w.tx, store.KindHotspots, hotspotID, &h); err != nil {
				return model.Invalid("hotspot", "there is no %s", model.HotspotRef(hotspotID))
			}
		}
		d, err = w.addDecision(model.NewDecision{MeetingID: meetingID, Item: item, HotspotID: hotspotID, Text: text, Part2: part2})
		return err
	})
	return d, err
}

// addDecision records n, private as model.PrivacyOf says where it is made.
func (w *wtx) addDecision(n model.NewDecision) (model.Decision, error) {
	if err := w.takeUp(n.MeetingID, n.HotspotID); err != nil {
		return model.Decision{}, err
	}
	m, h, err := w.madeIn(n.MeetingID, n.HotspotID)
	if err != nil {
		return model.Decision{}, err
	}
	id, err := nextID(w.tx, store.KindDecisions)
	if err != nil {
		return model.Decision{}, err
	}
	d := n.Recorded(id, m, h, w.actor, w.now)
	if err := put(w.tx, store.KindDecisions, id, d); err != nil {
		return d, err
	}
	return d, w.audit(model.OpDecisionRecord, "decision", d.Ref(), nil, d)
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
	err = s.write(context.TODO(), actor, declare(model.OpNoteAdd), func(w *wtx) error {
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
		nn.Text = text
		n, err = w.addNote(meetingID, nn)
		return err
	})
	return n, err
}

// addNote records nn in meeting meetingID, private as model.PrivacyOf says
// where it is said.
func (w *wtx) addNote(meetingID model.ID, nn model.NewNote) (model.Note, error) {
	if err := w.takeUp(meetingID, nn.HotspotID); err != nil {
		return model.Note{}, err
	}
	m, h, err := w.madeIn(meetingID, nn.HotspotID)
	if err != nil {
		return model.Note{}, err
	}
	if m == nil {
		return model.Note{}, model.RequireMeeting("note", 0)
	}
	id, err := nextID(w.tx, store.KindNotes)
	if err != nil {
		return model.Note{}, err
	}
	n := nn.Recorded(id, m, h, w.actor, w.now)
	if err := put(w.tx, store.KindNotes, id, n); err != nil {
		return n, err
	}
	return n, w.audit(model.OpNoteAdd, "note", model.HotspotRef(nn.HotspotID), nil, n)
}

// madeIn reads what a new record's privacy depends on (model.PrivacyOf):
// the meeting it is made in and the hotspot it is about, each nil when
// there is none.
func (w *wtx) madeIn(meetingID, hotspotID model.ID) (*model.Meeting, *model.Hotspot, error) {
	var m *model.Meeting
	if meetingID != 0 {
		m = new(model.Meeting)
		if err := get(w.tx, store.KindMeetings, meetingID, m); err != nil {
			return nil, nil, notFound(err, model.MeetingRef(meetingID))
		}
	}
	var h *model.Hotspot
	if hotspotID != 0 {
		h = new(model.Hotspot)
		if err := get(w.tx, store.KindHotspots, hotspotID, h); err != nil {
			return nil, nil, notFound(err, model.HotspotRef(hotspotID))
		}
	}
	return m, h, nil
}
