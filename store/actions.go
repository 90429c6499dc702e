package store

import (
	"github.com/ccsp/tasking/model"
)

// AssignAction records a new action for an agency. Validation failures come
// back as *model.FieldError naming the field.
func (s *Store) AssignAction(actor model.Actor, n model.NewAction) (model.Action, error) {
	n, err := n.Validate()
	if err != nil {
		return model.Action{}, err
	}
	var a model.Action
	err = s.write(actor, func(w *wtx) error {
		if err := model.Permit(actor, model.OpAssignAction, n.AgencyID); err != nil {
			return err
		}
		if _, err := meetingFor(w.tx, n.MeetingID); err != nil {
			return err
		}
		var ag model.Agency
		if err := get(w.tx, bAgencies, n.AgencyID, &ag); err != nil {
			return model.Invalid("agency", "there is no agency #%d", n.AgencyID)
		}
		if n.HotspotID != 0 {
			var h model.Hotspot
			if err := get(w.tx, bHotspots, n.HotspotID, &h); err != nil {
				return model.Invalid("hotspot", "there is no %s", model.HotspotRef(n.HotspotID))
			}
		}
		id, err := nextID(w.tx, bActions)
		if err != nil {
			return err
		}
		a = model.Action{ID: id, HotspotID: n.HotspotID, Text: n.Text, AgencyID: n.AgencyID, Officer: n.Officer,
			Due: n.Due, Status: model.StatusOpen, Intervention: n.Intervention, CreatedMeetingID: n.MeetingID,
			CreatedAt: w.now, CreatedBy: actor.String(), UpdatedAt: w.now, UpdatedBy: actor.String(), Version: 1}
		if err := put(w.tx, bActions, id, a); err != nil {
			return err
		}
		if err := indexAction(w.tx, nil, a); err != nil {
			return err
		}
		if err := w.addUpdate(model.ActionUpdate{ActionID: id, Kind: model.UpdateCreated, ToStatus: a.Status, ToDue: a.Due, MeetingID: n.MeetingID}); err != nil {
			return err
		}
		return w.audit("action.assign", "action", a.Ref(), nil, a)
	})
	return a, err
}

// changeAction is the shape of every edit to an action: load, permission,
// version check, change, save with its indexes, history entry, audit.
func (s *Store) changeAction(actor model.Actor, id model.ID, version int, op string, perm model.Op, change func(w *wtx, a *model.Action) (model.ActionUpdate, error)) (model.Action, error) {
	var out model.Action
	err := s.write(actor, func(w *wtx) error {
		var a model.Action
		if err := get(w.tx, bActions, id, &a); err != nil {
			return notFound(err, model.ActionRef(id))
		}
		if err := model.Permit(actor, perm, a.AgencyID); err != nil {
			return err
		}
		if err := checkVersion(a.Ref(), version, a.Version, a.UpdatedBy, a.UpdatedAt); err != nil {
			return err
		}
		before := a
		u, err := change(w, &a)
		if err != nil {
			return err
		}
		if _, err := meetingFor(w.tx, u.MeetingID); err != nil {
			return err
		}
		if u.Kind.Touches() {
			// The newest news about the action, in words, with who and when:
			// what a rep reported, for the chair to read in the meeting.
			a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy = u.Describe(), w.now, actor.String()
		}
		a.UpdatedAt, a.UpdatedBy = w.now, actor.String()
		a.Version++
		out = a
		if err := put(w.tx, bActions, a.ID, a); err != nil {
			return err
		}
		if err := indexAction(w.tx, &before, a); err != nil {
			return err
		}
		u.ActionID = a.ID
		if err := w.addUpdate(u); err != nil {
			return err
		}
		return w.audit(op, "action", a.Ref(), before, a)
	})
	return out, err
}

// SetActionStatus moves an action to a new status, with an optional note.
// version is the version the person was looking at (0: do not check);
// meetingID is set when it happens in a meeting (matters arising).
func (s *Store) SetActionStatus(actor model.Actor, id model.ID, version int, to model.ActionStatus, note string, meetingID model.ID) (model.Action, error) {
	note, err := model.CheckText("note", "note", note, false)
	if err != nil {
		return model.Action{}, err
	}
	return s.changeAction(actor, id, version, "action.status", model.OpActionStatus, func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		if err := model.CheckTransition(a.Status, to); err != nil {
			return model.ActionUpdate{}, err
		}
		u := model.ActionUpdate{Kind: model.UpdateStatus, FromStatus: a.Status, ToStatus: to, Text: note, MeetingID: meetingID}
		a.Status = to
		switch to {
		case model.StatusDone:
			a.CompletedOn = model.DateOf(w.now)
			if note != "" {
				a.CompletionNote = note
			}
		case model.StatusOpen:
			a.CompletedOn, a.CompletionNote = model.Date{}, ""
		}
		return u, nil
	})
}

// ChangeDue moves an action's due date with a reason: "carried forward" in
// the meeting, a proposed new date between meetings.
func (s *Store) ChangeDue(actor model.Actor, id model.ID, version int, due model.Date, reason string, meetingID model.ID) (model.Action, error) {
	reason, err := model.CheckText("reason", "reason", reason, true)
	if err != nil {
		return model.Action{}, err
	}
	if due.IsZero() {
		return model.Action{}, model.Invalid("due", "no new due date given: %s", model.WhenHelp)
	}
	return s.changeAction(actor, id, version, "action.due", model.OpActionDue, func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		if a.Status.IsClosed() {
			return model.ActionUpdate{}, model.Invalid("due", "%s is %s: reopen it before moving its due date", a.Ref(), a.Status.Label())
		}
		if due == a.Due {
			return model.ActionUpdate{}, model.Invalid("due", "%s is already due on %s", a.Ref(), due)
		}
		u := model.ActionUpdate{Kind: model.UpdateDue, FromDue: a.Due, ToDue: due, Text: reason, MeetingID: meetingID}
		a.Due = due
		return u, nil
	})
}

// AddActionNote records a dated progress update on an action.
func (s *Store) AddActionNote(actor model.Actor, id model.ID, text string, meetingID model.ID) (model.Action, error) {
	text, err := model.CheckText("note", "progress note", text, true)
	if err != nil {
		return model.Action{}, err
	}
	return s.changeAction(actor, id, 0, "action.note", model.OpActionNote, func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return model.ActionUpdate{Kind: model.UpdateNote, Text: text, MeetingID: meetingID}, nil
	})
}

// MarkReviewed records that matters arising looked at an action and left it
// as it is.
func (s *Store) MarkReviewed(actor model.Actor, id model.ID, meetingID model.ID) (model.Action, error) {
	return s.changeAction(actor, id, 0, "action.reviewed", model.OpRunMeeting, func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return model.ActionUpdate{Kind: model.UpdateReview, FromStatus: a.Status, ToStatus: a.Status, MeetingID: meetingID}, nil
	})
}

// AcceptUpdate records, in matters arising, that the meeting accepted the
// rep's latest update as it stands: the minutes show that update.
func (s *Store) AcceptUpdate(actor model.Actor, id model.ID, version int, meetingID model.ID) (model.Action, error) {
	return s.changeAction(actor, id, version, "action.accepted", model.OpRunMeeting, func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		if a.LastUpdate == "" {
			return model.ActionUpdate{}, model.Invalid("update", "%s has no update from its agency to accept", a.Ref())
		}
		text := a.LastUpdate
		if a.LastUpdateBy != "" {
			text += " (" + a.LastUpdateBy + ", " + a.LastUpdateAt.Local().Format("2 Jan") + ")"
		}
		return model.ActionUpdate{Kind: model.UpdateAccept, FromStatus: a.Status, ToStatus: a.Status, Text: text, MeetingID: meetingID}, nil
	})
}

func (w *wtx) addUpdate(u model.ActionUpdate) error {
	id, err := nextID(w.tx, bUpdates)
	if err != nil {
		return err
	}
	u.ID, u.At, u.By, u.ByID = id, w.now, w.actor.String(), w.actor.MemberID
	if err := put(w.tx, bUpdates, id, u); err != nil {
		return err
	}
	return w.tx.Bucket(bIdxUpdatesByAction).Put(compose(idKey(u.ActionID), idKey(id)), nil)
}
