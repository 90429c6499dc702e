package record

import (
	"context"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Amend corrects a note or a decision of a closed meeting: a later
// correction, made by the chair or an admin with a reason. The record takes
// the corrected text and the minutes show it as amended (who, when, why);
// the original is kept in the amendment and in the audit event.
func (s *Store) Amend(actor model.Actor, ref string, text, reason string) (model.Amendment, error) {
	reason, err := model.CheckText("reason", "reason for the amendment", reason, true)
	if err != nil {
		return model.Amendment{}, err
	}
	var am model.Amendment
	err = s.write(context.TODO(), actor, declare(model.OpMinutesAmend), func(w *wtx) error {
		var meetingID model.ID
		switch {
		case len(ref) > 0 && (ref[0] == 'D' || ref[0] == 'd'):
			id, err := model.ParseRef(model.DecisionPrefix, ref)
			if err != nil {
				return model.Invalid("ref", "%s", err.Error())
			}
			var d model.Decision
			if err := get(w.tx, store.KindDecisions, id, &d); err != nil {
				return notFound(err, model.DecisionRef(id))
			}
			after, err := model.NormaliseResolution(text)
			if err != nil {
				return err
			}
			if err := closedMeeting(w, d.MeetingID); err != nil {
				return err
			}
			if err := w.stamp(d.Ref(), d.LastChanged()); err != nil {
				return err
			}
			am = model.Amendment{MeetingID: d.MeetingID, Target: "decision", TargetID: id, Before: d.Text, After: after}
			before := d
			d.Text, d.UpdatedAt = after, w.now
			d.Version++
			if err := put(w.tx, store.KindDecisions, id, d); err != nil {
				return err
			}
			meetingID = d.MeetingID
			if err := w.audit(model.OpDecisionAmend, "decision", d.Ref(), before, d); err != nil {
				return err
			}
		case len(ref) > 0 && (ref[0] == 'N' || ref[0] == 'n'):
			id, err := model.ParseRef(model.NotePrefix, ref)
			if err != nil {
				return model.Invalid("ref", "%s", err.Error())
			}
			var n model.Note
			if err := get(w.tx, store.KindNotes, id, &n); err != nil {
				return notFound(err, model.NoteRef(id))
			}
			after, err := model.CheckText("text", "amended text", text, true)
			if err != nil {
				return err
			}
			if err := closedMeeting(w, n.MeetingID); err != nil {
				return err
			}
			if err := w.stamp(n.Ref(), n.LastChanged()); err != nil {
				return err
			}
			am = model.Amendment{MeetingID: n.MeetingID, Target: "note", TargetID: id, Before: n.Text, After: after}
			before := n
			n.Text, n.UpdatedAt = after, w.now
			n.Version++
			if err := put(w.tx, store.KindNotes, id, n); err != nil {
				return err
			}
			meetingID = n.MeetingID
			if err := w.audit(model.OpNoteAmend, "note", model.NoteRef(id), before, n); err != nil {
				return err
			}
		default:
			return model.Invalid("ref", "%q is not a decision or note ref: use D-12 or N-5", model.CleanText(ref))
		}
		if err := model.CheckAmendment(am.Before, am.After); err != nil {
			return err
		}
		id, err := nextID(w.tx, store.KindAmendments)
		if err != nil {
			return err
		}
		am.ID, am.Reason, am.At, am.By, am.MeetingID = id, reason, w.now, w.actor.String(), meetingID
		if err := put(w.tx, store.KindAmendments, id, am); err != nil {
			return err
		}
		return w.audit(model.OpMinutesAmend, "meeting", model.MeetingRef(meetingID), nil, am)
	})
	return am, err
}

// closedMeeting applies model.Meeting.CheckAmendable to meeting id as it is
// in this transaction.
func closedMeeting(w *wtx, id model.ID) error {
	var m model.Meeting
	if err := get(w.tx, store.KindMeetings, id, &m); err != nil {
		return err
	}
	return m.CheckAmendable()
}
