package store

import (
	"fmt"
	"time"

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
		m, err := meetingFor(w.tx, n.MeetingID)
		if err != nil {
			return err
		}
		if err := w.checkActiveAgency(n.AgencyID); err != nil {
			return err
		}
		if n.HotspotID != 0 {
			var h model.Hotspot
			if err := get(w.tx, bHotspots, n.HotspotID, &h); err != nil {
				return model.Invalid("hotspot", "there is no %s", model.HotspotRef(n.HotspotID))
			}
		}
		if n.Officer, err = w.officerFor(n.AgencyID, n.Officer); err != nil {
			return err
		}
		id, err := nextID(w.tx, bActions)
		if err != nil {
			return err
		}
		a = model.Action{ID: id, HotspotID: n.HotspotID, Text: n.Text, AgencyID: n.AgencyID, Officer: n.Officer,
			Due: n.Due, Status: model.StatusOpen, Intervention: n.Intervention, CreatedMeetingID: n.MeetingID,
			CreatedAt: w.now, CreatedBy: actor.String(), UpdatedAt: w.now, UpdatedBy: actor.String(), Version: 1,
			Confidential: n.Confidential}
		// A general action assigned under business taken in private stays
		// private for good; one on a hotspot follows its hotspot.
		a.Part2 = m != nil && n.HotspotID == 0 && m.ItemPart2(model.ItemAOB, 0)
		if err := put(w.tx, bActions, id, a); err != nil {
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
// version check, change, save with its indexes, history entries, audit.
// change returns the history entries the edit makes (one, or several for a
// combined update); they commit together or not at all.
func (s *Store) changeAction(actor model.Actor, id model.ID, version int, op string, perm model.Op, change func(w *wtx, a *model.Action) ([]model.ActionUpdate, error)) (model.Action, error) {
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
		updates, err := change(w, &a)
		if err != nil {
			return err
		}
		for _, u := range updates {
			if _, err := meetingFor(w.tx, u.MeetingID); err != nil {
				return err
			}
			if model.IsNews(u, actor, a.AgencyID) {
				// News from the agency that owns it: what the chair reads
				// and accepts in the next meeting's matters arising.
				a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy = u.Describe(), w.now, actor.String()
			}
		}
		a.UpdatedAt, a.UpdatedBy = w.now, actor.String()
		a.Version++
		out = a
		if err := put(w.tx, bActions, a.ID, a); err != nil {
			return err
		}
		for _, u := range updates {
			u.ActionID = a.ID
			if err := w.addUpdate(u); err != nil {
				return err
			}
		}
		return w.audit(op, "action", a.Ref(), before, a)
	})
	return out, err
}

// changeActionInTx changes an action inside another write (closing its
// hotspot): the change, its indexes, its history entry and its audit event,
// with no permission check of its own (the caller's write was checked).
func (w *wtx) changeActionInTx(a model.Action, op string, change func(a *model.Action) (model.ActionUpdate, error)) error {
	before := a
	u, err := change(&a)
	if err != nil {
		return err
	}
	a.UpdatedAt, a.UpdatedBy = w.now, w.actor.String()
	a.Version++
	if err := put(w.tx, bActions, a.ID, a); err != nil {
		return err
	}
	u.ActionID = a.ID
	if err := w.addUpdate(u); err != nil {
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

// setStatus moves a to status to (shared by SetActionStatus and UpdateAction).
func setStatus(w *wtx, a *model.Action, to model.ActionStatus, note string, meetingID model.ID) (model.ActionUpdate, error) {
	if err := model.CheckStatusChange(a.Status, to, note); err != nil {
		return model.ActionUpdate{}, err
	}
	u := model.ActionUpdate{Kind: model.UpdateStatus, FromStatus: a.Status, ToStatus: to, Text: note, MeetingID: meetingID}
	a.Status = to
	switch to {
	case model.StatusDone:
		a.CompletedOn, a.CompletedAt = model.DateOf(w.now), w.now
		if note != "" {
			a.CompletionNote = note
		}
	case model.StatusOpen:
		a.CompletedOn, a.CompletedAt, a.CompletionNote = model.Date{}, time.Time{}, ""
	}
	return u, nil
}

// changeDue moves a's due date with a reason.
func changeDue(a *model.Action, due model.Date, reason string, meetingID model.ID) (model.ActionUpdate, error) {
	if a.Status.IsClosed() {
		return model.ActionUpdate{}, model.Invalid("due", "%s is %s: reopen it before moving its due date", a.Ref(), a.Status.Label())
	}
	if due == a.Due {
		return model.ActionUpdate{}, model.Invalid("due", "%s is already due on %s", a.Ref(), due)
	}
	u := model.ActionUpdate{Kind: model.UpdateDue, FromDue: a.Due, ToDue: due, Text: reason, MeetingID: meetingID}
	a.Due = due
	return u, nil
}

// SetActionStatus moves an action to a new status, with an optional note.
// version is the version the person was looking at (0: do not check);
// meetingID is set when it happens in a meeting (matters arising).
func (s *Store) SetActionStatus(actor model.Actor, id model.ID, version int, to model.ActionStatus, note string, meetingID model.ID) (model.Action, error) {
	note, err := model.CheckText("note", "note", note, false)
	if err != nil {
		return model.Action{}, err
	}
	return s.changeAction(actor, id, version, "action.status", model.OpActionStatus, one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return setStatus(w, a, to, note, meetingID)
	}))
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
	return s.changeAction(actor, id, version, "action.due", model.OpActionDue, one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return changeDue(a, due, reason, meetingID)
	}))
}

// AddActionNote records a dated progress update on an action.
func (s *Store) AddActionNote(actor model.Actor, id model.ID, text string, meetingID model.ID) (model.Action, error) {
	text, err := model.CheckText("note", "progress note", text, true)
	if err != nil {
		return model.Action{}, err
	}
	return s.changeAction(actor, id, 0, "action.note", model.OpActionNote, one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return model.ActionUpdate{Kind: model.UpdateNote, Text: text, MeetingID: meetingID}, nil
	}))
}

// ActionChange is a rep's update in one go (the command line's action
// update): a new due date with its reason, a status, a note. Empty fields
// are left alone.
type ActionChange struct {
	Due    model.Date
	Reason string
	Status model.ActionStatus
	Note   string
	// Officer, when set, reassigns the action to another officer of the
	// same agency ("" leaves it with the agency as a whole).
	Officer *string
	// MeetingID is set when the change is made in a meeting (matters
	// arising): the minutes record it, and it is not the agency's news.
	MeetingID model.ID
}

// UpdateAction applies an ActionChange in one transaction: every part is
// checked (permission for each, transitions, the version) before anything
// is saved, so a refused status never leaves a moved due date behind.
func (s *Store) UpdateAction(actor model.Actor, id model.ID, version int, c ActionChange) (model.Action, error) {
	var err error
	if c.Note, err = model.CheckText("note", "note", c.Note, false); err != nil {
		return model.Action{}, err
	}
	if !c.Due.IsZero() {
		if c.Reason, err = model.CheckText("reason", "reason", c.Reason, true); err != nil {
			return model.Action{}, err
		}
	}
	if c.Officer != nil {
		o, err := model.CheckLine("officer", "officer's name", *c.Officer, false, 80)
		if err != nil {
			return model.Action{}, err
		}
		c.Officer = &o
	}
	if c.Due.IsZero() && c.Status == "" && c.Note == "" && c.Officer == nil {
		return model.Action{}, model.Invalid("status", "nothing to update")
	}
	perm := model.OpActionNote
	if c.Status != "" {
		perm = model.OpActionStatus
	}
	return s.changeAction(actor, id, version, "action.update", perm, func(w *wtx, a *model.Action) ([]model.ActionUpdate, error) {
		var out []model.ActionUpdate
		if !c.Due.IsZero() {
			if err := model.Permit(actor, model.OpActionDue, a.AgencyID); err != nil {
				return nil, err
			}
			u, err := changeDue(a, c.Due, c.Reason, c.MeetingID)
			if err != nil {
				return nil, err
			}
			out = append(out, u)
		}
		if c.Officer != nil {
			if err := model.Permit(actor, model.OpActionStatus, a.AgencyID); err != nil {
				return nil, err
			}
			officer, err := w.officerFor(a.AgencyID, *c.Officer)
			if err != nil {
				return nil, err
			}
			c.Officer = &officer
			if *c.Officer == a.Officer {
				return nil, model.Invalid("officer", "%s is already with %s", a.Ref(), orAgency(a.Officer))
			}
			out = append(out, model.ActionUpdate{Kind: model.UpdateOfficer, MeetingID: c.MeetingID,
				Text: fmt.Sprintf("from %s to %s", orAgency(a.Officer), orAgency(*c.Officer))})
			a.Officer = *c.Officer
		}
		switch {
		case c.Status != "" && c.Status == a.Status && c.Note != "":
			// The status it already has, with words: the words are the
			// update (a rep confirming "still in progress: …").
			out = append(out, model.ActionUpdate{Kind: model.UpdateNote, Text: c.Note, MeetingID: c.MeetingID})
		case c.Status != "":
			u, err := setStatus(w, a, c.Status, c.Note, c.MeetingID)
			if err != nil {
				return nil, err
			}
			out = append(out, u)
		case c.Note != "":
			out = append(out, model.ActionUpdate{Kind: model.UpdateNote, Text: c.Note, MeetingID: c.MeetingID})
		}
		return out, nil
	})
}

// orAgency names an officer, or the agency as a whole.
func orAgency(officer string) string {
	if officer == "" {
		return "the agency as a whole"
	}
	return officer
}

// MarkReviewed records that matters arising looked at an action and left it
// as it is.
func (s *Store) MarkReviewed(actor model.Actor, id model.ID, meetingID model.ID) (model.Action, error) {
	return s.changeAction(actor, id, 0, "action.reviewed", model.OpRunMeeting, one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		return model.ActionUpdate{Kind: model.UpdateReview, FromStatus: a.Status, ToStatus: a.Status, MeetingID: meetingID}, nil
	}))
}

// AcceptUpdate records, in matters arising, that the meeting accepted the
// agency's latest update as it stands: the minutes show that update. Only
// news since the previous meeting can be accepted.
func (s *Store) AcceptUpdate(actor model.Actor, id model.ID, version int, meetingID model.ID) (model.Action, error) {
	return s.changeAction(actor, id, version, "action.accepted", model.OpRunMeeting, one(func(w *wtx, a *model.Action) (model.ActionUpdate, error) {
		if a.LastUpdate == "" {
			return model.ActionUpdate{}, model.Invalid("update", "%s has no update from its agency to accept", a.Ref())
		}
		var m model.Meeting
		if err := get(w.tx, bMeetings, meetingID, &m); err == nil && m.PreviousMeetingID != 0 {
			var prev model.Meeting
			if get(w.tx, bMeetings, m.PreviousMeetingID, &prev) == nil && !prev.ClosedAt.IsZero() && !a.LastUpdateAt.After(prev.ClosedAt) {
				return model.ActionUpdate{}, model.Invalid("update", "%s's latest update (%s) was before the last meeting: nothing new to accept", a.Ref(), a.LastUpdateAt.Local().Format("2 Jan"))
			}
		}
		text := a.LastUpdate
		if a.LastUpdateBy != "" {
			text += " (" + a.LastUpdateBy + ", " + a.LastUpdateAt.Local().Format("2 Jan") + ")"
		}
		return model.ActionUpdate{Kind: model.UpdateAccept, FromStatus: a.Status, ToStatus: a.Status, Text: text, MeetingID: meetingID}, nil
	}))
}

func (w *wtx) addUpdate(u model.ActionUpdate) error {
	id, err := nextID(w.tx, bUpdates)
	if err != nil {
		return err
	}
	u.ID, u.At, u.By, u.ByID, u.Tx = id, w.now, w.actor.String(), w.actor.MemberID, uint64(w.tx.ID())
	return put(w.tx, bUpdates, id, u)
}

// officerFor applies model.CheckOfficer with the members and agencies as
// they are in this transaction.
func (w *wtx) officerFor(agencyID model.ID, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	members, err := all[model.Member](w.tx, bMembers)
	if err != nil {
		return "", err
	}
	agencies, err := all[model.Agency](w.tx, bAgencies)
	if err != nil {
		return "", err
	}
	return model.CheckOfficer(members, model.IndexAgencies(agencies), agencyID, name)
}
