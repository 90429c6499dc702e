package record

import (
	"context"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// AssignAction records a new action for an agency. Validation failures come
// back as *model.FieldError naming the field.
func (s *Store) AssignAction(actor model.Actor, n model.NewAction) (model.Action, error) {
	n, err := n.Validate()
	if err != nil {
		return model.Action{}, err
	}
	var a model.Action
	err = s.write(context.TODO(), actor, declare(model.OpActionAssign).ownedBy(n.AgencyID), func(w *wtx) error {
		m, err := meetingFor(w.tx, n.MeetingID)
		if err != nil {
			return err
		}
		if err := w.checkActiveAgency(n.AgencyID); err != nil {
			return err
		}
		var h *model.Hotspot
		if n.HotspotID != 0 {
			h = new(model.Hotspot)
			if err := get(w.tx, store.KindHotspots, n.HotspotID, h); err != nil {
				return model.Invalid("hotspot", "there is no %s", model.HotspotRef(n.HotspotID))
			}
		}
		if n.Officer, err = w.officerFor(n.AgencyID, n.Officer); err != nil {
			return err
		}
		if err := w.takeUp(n.MeetingID, n.HotspotID); err != nil {
			return err
		}
		if m != nil {
			if err := get(w.tx, store.KindMeetings, m.ID, m); err != nil { // as takeUp left it
				return err
			}
		}
		id, err := nextID(w.tx, store.KindActions)
		if err != nil {
			return err
		}
		a = n.Assigned(id, m, h, actor, w.now)
		if err := put(w.tx, store.KindActions, id, a); err != nil {
			return err
		}
		if err := w.addUpdate(model.ActionUpdate{ActionID: id, Kind: model.UpdateCreated, ToStatus: a.Status, ToDue: a.Due, MeetingID: n.MeetingID}, a); err != nil {
			return err
		}
		return w.audit(model.OpActionAssign, "action", a.Ref(), nil, a)
	})
	return a, err
}

// changeAction is the shape of every edit to an action: declared as d
// (of action id, owned by its agency: the permission is asked before it
// runs), load, version check, change, save with its indexes, history
// entries, audit. change returns the history entries the edit makes (one,
// or several for a combined update); they commit together or not at all.
func (s *Store) changeAction(actor model.Actor, id model.ID, version int, d decl, change func(w *wtx, a *model.Action) ([]model.ActionUpdate, error)) (model.Action, error) {
	var out model.Action
	err := s.write(context.TODO(), actor, d.ownedByAction(id), func(w *wtx) error {
		var a model.Action
		if err := get(w.tx, store.KindActions, id, &a); err != nil {
			return notFound(err, model.ActionRef(id))
		}
		if err := checkVersion(a.Ref(), version, a.Version, a.UpdatedBy, a.UpdatedAt, a); err != nil {
			return err
		}
		if err := w.stamp(a.Ref(), a.LastChanged()); err != nil {
			return err
		}
		before := a
		updates, err := change(w, &a)
		if err != nil {
			return err
		}
		for i, u := range updates {
			if _, err := meetingFor(w.tx, u.MeetingID); err != nil {
				return err
			}
			// Its privacy first: the latest update carries it.
			if updates[i], err = w.updatePrivacy(u, before); err != nil {
				return err
			}
			updates[i].News = a.TakeNews(updates[i], actor, w.now)
		}
		a.UpdatedAt, a.UpdatedBy = w.now, actor.String()
		a.Version++
		out = a
		if err := put(w.tx, store.KindActions, a.ID, a); err != nil {
			return err
		}
		for _, u := range updates {
			u.ActionID = a.ID
			if err := w.addUpdate(u, before); err != nil {
				return err
			}
		}
		return w.audit(w.op, "action", a.Ref(), before, a)
	})
	return out, err
}

// changeActionInTx changes an action inside another write (closing its
// hotspot): the change, its indexes, its history entry and its audit event,
// with no permission check of its own (the caller's write was checked).
func (w *wtx) changeActionInTx(a model.Action, op model.Op, change func(a *model.Action) (model.ActionUpdate, error)) error {
	if err := w.stamp(a.Ref(), a.LastChanged()); err != nil {
		return err
	}
	before := a
	u, err := change(&a)
	if err != nil {
		return err
	}
	a.UpdatedAt, a.UpdatedBy = w.now, w.actor.String()
	a.Version++
	if err := put(w.tx, store.KindActions, a.ID, a); err != nil {
		return err
	}
	u.ActionID = a.ID
	if err := w.addUpdate(u, before); err != nil {
		return err
	}
	return w.audit(op, "action", a.Ref(), before, a)
}

// one is a change that makes a single history entry.
func one(f func(w *wtx, a *model.Action) (model.ActionUpdate, error)) func(w *wtx, a *model.Action) ([]model.ActionUpdate, error) {
	return func(w *wtx, a *model.Action) ([]model.ActionUpdate, error) {
		u, err := f(w, a)
		if err != nil {
			return nil, err
		}
		return []model.ActionUpdate{u}, nil
	}
}

// SetActionStatus moves an action to a new status, with an optional note.
// version is the version the person was looking at (0: do not check);
// meetingID is set when it happens in a meeting (matters arising).
func (s *Store) SetActionStatus(actor model.Actor, id model.ID, version int, to model.ActionStatus, note string, meetingID model.ID) (model.Action, error) {
	note, err := model.CheckText("note", "note", note, false)
	if err != nil {
		return model.Action{}, err
	}
	return s.changeAction(actor, id, version, declare(model.OpActionStatus), one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return a.SetStatus(to, note, meetingID, w.now)
	}))
}

// ChangeDue moves an action's due date with a reason: "carried forward" in
// the meeting, a proposed new date between meetings.
func (s *Store) ChangeDue(actor model.Actor, id model.ID, version int, due model.Date, reason string, meetingID model.ID) (model.Action, error) {
	reason, err := model.CheckText("reason", "reason", reason, true)
	if err != nil {
		return model.Action{}, err
	}
	if err := model.CheckNewDue(due); err != nil {
		return model.Action{}, err
	}
	return s.changeAction(actor, id, version, declare(model.OpActionDue), one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return a.MoveDue(due, reason, meetingID)
	}))
}

// AddActionNote records a dated progress update on an action; version is
// the action's as the form showed it (0: not checked).
func (s *Store) AddActionNote(actor model.Actor, id model.ID, version int, text string, meetingID model.ID) (model.Action, error) {
	text, err := model.CheckText("note", "progress note", text, true)
	if err != nil {
		return model.Action{}, err
	}
	return s.changeAction(actor, id, version, declare(model.OpActionNote), one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return model.ActionUpdate{Kind: model.UpdateNote, Text: text, MeetingID: meetingID}, nil
	}))
}

// UpdateAction applies an ActionChange in one transaction: every part is
// checked (permission for each, declared before the write runs;
// transitions; the version) before anything is saved, so a refused status never leaves a moved due date behind.
func (s *Store) UpdateAction(actor model.Actor, id model.ID, version int, c store.ActionChange) (model.Action, error) {
	c, err := c.Clean()
	if err != nil {
		return model.Action{}, err
	}
	return s.changeAction(actor, id, version, declare(model.OpActionUpdate).needing(c.Rights()...), func(w *wtx, a *model.Action) ([]model.ActionUpdate, error) {
		var out []model.ActionUpdate
		if !c.Due.IsZero() {
			u, err := a.MoveDue(c.Due, c.Reason, c.MeetingID)
			if err != nil {
				return nil, err
			}
			out = append(out, u)
		}
		if c.Officer != nil {
			officer, err := w.officerFor(a.AgencyID, *c.Officer)
			if err != nil {
				return nil, err
			}
			u, err := a.Reassign(officer, c.MeetingID)
			if err != nil {
				return nil, err
			}
			out = append(out, u)
		}
		reported, err := a.Report(c.Status, c.Note, c.MeetingID, w.now)
		if err != nil {
			return nil, err
		}
		return append(out, reported...), nil
	})
}

// MarkReviewed records that matters arising looked at an action and left it
// as it is.
func (s *Store) MarkReviewed(actor model.Actor, id model.ID, meetingID model.ID) (model.Action, error) {
	return s.changeAction(actor, id, 0, declare(model.OpActionReviewed), one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return model.ActionUpdate{Kind: model.UpdateReview, FromStatus: a.Status, ToStatus: a.Status, MeetingID: meetingID}, nil
	}))
}

// AcceptUpdate records, in matters arising, that the meeting accepted the
// agency's latest update as it stands: the minutes show that update. Only
// news since the previous meeting can be accepted.
func (s *Store) AcceptUpdate(actor model.Actor, id model.ID, version int, meetingID model.ID) (model.Action, error) {
	return s.changeAction(actor, id, version, declare(model.OpActionAccepted), one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		var prev *model.Meeting
		var m model.Meeting
		if err := get(w.tx, store.KindMeetings, meetingID, &m); err == nil && m.PreviousMeetingID != 0 {
			var p model.Meeting
			if get(w.tx, store.KindMeetings, m.PreviousMeetingID, &p) == nil {
				prev = &p
			}
		}
		return a.Accept(prev, meetingID)
	}))
}

// addUpdate records u on action a as it was before the change (its
// hotspot then, its privacy then): private as model.PrivacyOf says, so an
// update made on private business stays private wherever the action goes
// next.
func (w *wtx) addUpdate(u model.ActionUpdate, a model.Action) error {
	u, err := w.updatePrivacy(u, a)
	if err != nil {
		return err
	}
	id, err := nextID(w.tx, store.KindUpdates)
	if err != nil {
		return err
	}
	u.ID, u.At, u.By, u.ByID, u.Tx = id, w.now, w.actor.String(), w.actor.MemberID, w.tx.seq()
	return put(w.tx, store.KindUpdates, id, u)
}

// updatePrivacy gives u, made on action a (as it was before the change),
// its privacy (model.PrivacyOf), keeping any it carries already (an
// accepted update carries the privacy of the words it accepts), and the
// agenda item the meeting is on (model.ActionUpdate.MadeUnder), read in
// the same transaction.
func (w *wtx) updatePrivacy(u model.ActionUpdate, a model.Action) (model.ActionUpdate, error) {
	m, h, err := w.madeIn(u.MeetingID, a.HotspotID)
	if err != nil {
		return u, err
	}
	u.MadeUnder(m)
	u.Privacy = u.Privacy.Stricter(model.PrivacyOf(model.Made{Meeting: m, Item: model.ItemMatters, Hotspot: h, On: &a}))
	return u, nil
}

// officerFor applies model.CheckOfficer with the members and agencies as
// they are in this transaction.
func (w *wtx) officerFor(agencyID model.ID, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	members, err := all[model.Member](w.tx, store.KindMembers)
	if err != nil {
		return "", err
	}
	agencies, err := all[model.Agency](w.tx, store.KindAgencies)
	if err != nil {
		return "", err
	}
	return model.CheckOfficer(members, model.IndexAgencies(agencies), agencyID, name)
}
