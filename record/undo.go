package record

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Undo takes back the actor's last change in the open meeting that is not
// undone already (UndoChange of the newest of UndoChoices).
func (s *Store) Undo(actor model.Actor, meetingID model.ID) (string, error) {
	return s.UndoChange(actor, meetingID, 0)
}

// UndoChoices are the actor's last model.MaxUndo changes in the open
// meeting that undo may take back, newest first, each named.
func (s *Store) UndoChoices(actor model.Actor, meetingID model.ID) ([]model.Undoable, error) {
	var out []model.Undoable
	err := s.view(context.TODO(), func(tx *txn) error {
		var m model.Meeting
		if err := get(tx, store.KindMeetings, meetingID, &m); err != nil {
			return notFound(err, model.MeetingRef(meetingID))
		}
		var err error
		out, err = recentChangesBy(tx, actor, &m)
		return err
	})
	return out, err
}

// UndoChange takes back one of the actor's last model.MaxUndo changes in
// the open meeting — a mis-keyed status, a review, an accepted update, a
// carried-forward date, a note, a resolution, an action assigned, an
// attendance mark, a hotspot's risk or status, an emerging hotspot
// dismissed — named by its key
// (model.Undoable.Key; 0: the newest). It is a correction, not an erasure:
// the change stays in the audit trail and the undo is recorded beside it,
// naming the events it took back. It refuses when a record has changed
// since (someone built on it: undo the later change first, or change it
// back by hand), or when it is a kind of change undo cannot take back (the
// agenda's order or Part 2: change those back by hand).
func (s *Store) UndoChange(actor model.Actor, meetingID model.ID, key uint64) (string, error) {
	var said string
	err := s.write(context.TODO(), actor, declare(model.OpMeetingUndo), func(w *wtx) error {
		m, err := meetingFor(w.tx, meetingID)
		if err != nil {
			return err
		}
		if m == nil {
			return model.Invalid("undo", "no meeting is open")
		}
		choices, err := recentChangesBy(w.tx, actor, m)
		if err != nil {
			return err
		}
		change := choices[0]
		if key != 0 {
			if change, err = model.FindUndoable(choices, key); err != nil {
				return err
			}
		}
		group := change.Events
		if err := w.stamp(m.Ref(), m.LastChanged()); err != nil {
			return err
		}
		var undone []string
		for i := len(group) - 1; i >= 0; i-- {
			what, err := w.revert(group[i], m)
			if err != nil {
				return err
			}
			if what != "" {
				undone = append(undone, what)
			}
		}
		said = "undone: " + strings.Join(undone, "; ")
		ids := make([]model.ID, len(group))
		for i, e := range group {
			ids[i] = e.ID
		}
		return w.audit(model.OpMeetingUndo, "meeting", m.Ref(), map[string]any{"events": ids}, map[string]any{"undone": undone})
	})
	return said, err
}

// recentChangesBy is the actor's recent changes in meeting m
// (model.RecentChanges), read from the end of the audit trail.
func recentChangesBy(tx *txn, actor model.Actor, m *model.Meeting) ([]model.Undoable, error) {
	r := model.NewRecentChanges(actor, m.Ref())
	err := tx.each(store.KindAudit, 0, store.Backward, func(id model.ID, d store.Doc) error {
		e, err := readAuditEvent(id, d)
		if err != nil {
			return err
		}
		if !r.Read(e) {
			return errStop
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r.Changes()
}

// revert takes back one audit event of the change being undone and says
// what it was ("" for events that need nothing: the meeting's own
// bookkeeping).
func (w *wtx) revert(e model.AuditEvent, m *model.Meeting) (string, error) {
	switch {
	case e.Op == model.OpActionAssign:
		var a model.Action
		if err := store.DecodeJSON(e.After, &a); err != nil {
			return "", err
		}
		var cur model.Action
		if err := get(w.tx, store.KindActions, a.ID, &cur); err != nil {
			return "", err
		}
		if !sameAs(cur, a) {
			return "", model.Invalid("undo", "%s has changed since it was assigned: undo that change first, or change it back by hand", a.Ref())
		}
		if err := w.deleteAction(cur); err != nil {
			return "", err
		}
		return a.Ref() + " (assigned) removed", nil
	case e.Op.Subject() == "action":
		var before, after model.Action
		if err := store.DecodeJSON(e.Before, &before); err != nil {
			return "", err
		}
		if err := store.DecodeJSON(e.After, &after); err != nil {
			return "", err
		}
		var cur model.Action
		if err := get(w.tx, store.KindActions, after.ID, &cur); err != nil {
			return "", err
		}
		if !sameAs(cur, after) {
			return "", model.Invalid("undo", "%s has changed since: undo that change first, or change it back by hand", after.Ref())
		}
		if err := w.stamp(cur.Ref(), cur.LastChanged()); err != nil {
			return "", err
		}
		restored := before
		restored.Version = cur.Version + 1
		restored.UpdatedAt, restored.UpdatedBy = w.now, w.actor.String()
		if err := put(w.tx, store.KindActions, restored.ID, restored); err != nil {
			return "", err
		}
		// The history entries that change made go with it.
		if err := w.deleteUpdatesAt(restored.ID, e); err != nil {
			return "", err
		}
		return after.Ref() + " back to " + restored.Status.Label() + ", due " + restored.Due.String(), nil
	case e.Op == model.OpNoteAdd:
		var n model.Note
		if err := store.DecodeJSON(e.After, &n); err != nil {
			return "", err
		}
		var cur model.Note
		if err := get(w.tx, store.KindNotes, n.ID, &cur); err != nil {
			return "", err
		}
		if cur.Version != n.Version {
			return "", model.Invalid("undo", "%s has been amended since: amend it instead", n.Ref())
		}
		return "note " + n.Ref() + " removed", del(w.tx, store.KindNotes, n.ID)
	case e.Op == model.OpDecisionRecord:
		var d model.Decision
		if err := store.DecodeJSON(e.After, &d); err != nil {
			return "", err
		}
		if m.Unapprove(d.ID) {
			m.Version++
			m.UpdatedAt = w.now
			if err := put(w.tx, store.KindMeetings, m.ID, *m); err != nil {
				return "", err
			}
		}
		return "resolution " + d.Ref() + " removed", del(w.tx, store.KindDecisions, d.ID)
	case e.Op == model.OpMeetingApproveMinutes:
		return "", nil // the decision says it
	case e.Op == model.OpMeetingAttendance:
		return w.revertAttendance(e, m)
	case e.Op == model.OpMeetingGuest:
		var before struct{ Guests int }
		var g model.Guest
		if err := unmarshalBoth(e, &before, &g); err != nil {
			return "", err
		}
		if len(m.Guests) != before.Guests+1 || m.Guests[before.Guests] != g {
			return "", model.Invalid("undo", "the guest list has changed since: take %s off by hand", g.Name)
		}
		m.Guests = m.Guests[:before.Guests]
		return "guest " + g.Name + " taken off", w.saveMeeting(m)
	case e.Op == model.OpMeetingGuestRemove:
		var before struct {
			Index int
			Guest model.Guest
		}
		if err := store.DecodeJSON(e.Before, &before); err != nil {
			return "", err
		}
		m.Guests = slices.Insert(m.Guests, min(before.Index, len(m.Guests)), before.Guest)
		return "guest " + before.Guest.Name + " back on the list", w.saveMeeting(m)
	case e.Op == model.OpMeetingDeclaration:
		var before struct {
			Declarations int
			None         bool
		}
		var d model.Declaration
		if err := unmarshalBoth(e, &before, &d); err != nil {
			return "", err
		}
		if len(m.Declarations) != before.Declarations+1 || m.Declarations[before.Declarations] != d {
			return "", model.Invalid("undo", "the declarations have changed since: withdraw %s's by hand", d.Name)
		}
		m.Declarations, m.NoDeclarations = m.Declarations[:before.Declarations], before.None
		return "declaration by " + d.Name + " withdrawn", w.saveMeeting(m)
	case e.Op == model.OpMeetingDeclarationWithdraw:
		var before struct {
			Index       int
			Declaration model.Declaration
		}
		if err := store.DecodeJSON(e.Before, &before); err != nil {
			return "", err
		}
		m.RestoreDeclaration(before.Index, before.Declaration)
		return "declaration by " + before.Declaration.Name + " back on the record", w.saveMeeting(m)
	case e.Op == model.OpMeetingDeclarationsNone:
		m.NoDeclarations = false
		return "\"no declarations\" taken back", w.saveMeeting(m)
	case e.Op == model.OpMeetingConfidentiality:
		m.ConfidentialityRead, m.ConfidentialityReadAt = false, time.Time{}
		return "the confidentiality statement is no longer recorded as read", w.saveMeeting(m)
	case e.Op == model.OpMeetingNextDate:
		var before struct {
			Date        model.Date
			Time, Place string
		}
		if err := store.DecodeJSON(e.Before, &before); err != nil {
			return "", err
		}
		m.NextDate, m.NextTime, m.NextPlace = before.Date, before.Time, before.Place
		if before.Date.IsZero() {
			return "the next meeting's date taken back (none fixed)", w.saveMeeting(m)
		}
		return "the next meeting back to " + before.Date.String(), w.saveMeeting(m)
	case e.Op == model.OpPowerAdd:
		return revertAdd(w, e, store.KindPowers, func(p model.Power) model.ID { return p.ID })
	case e.Op.Subject() == "power":
		return revertChange(w, e, store.KindPowers, func(p model.Power) model.ID { return p.ID }, func(p *model.Power, cur model.Power) {
			p.Version, p.UpdatedAt, p.UpdatedBy = cur.Version+1, w.now, w.actor.String()
		})
	case e.Op == model.OpCaseReviewAdd:
		return revertAdd(w, e, store.KindCaseReviews, func(c model.CaseReview) model.ID { return c.ID })
	case e.Op.Subject() == "casereview":
		return revertChange(w, e, store.KindCaseReviews, func(c model.CaseReview) model.ID { return c.ID }, func(c *model.CaseReview, cur model.CaseReview) {
			c.Version, c.UpdatedAt, c.UpdatedBy = cur.Version+1, w.now, w.actor.String()
		})
	case e.Op == model.OpSuggestionDismiss:
		return w.revertDismissal(e)
	case e.Op == model.OpMeetingAgendaTakeUp:
		// The item stays: whatever else was recorded under it since is
		// minuted there, and an item with nothing under it is deferred.
		return "", nil
	case e.Op == model.OpMeetingItemBudget:
		var before struct{ Item, Budget int }
		if err := store.DecodeJSON(e.Before, &before); err != nil {
			return "", err
		}
		if before.Item < 1 || before.Item > len(m.Agenda) {
			return "", model.Invalid("undo", "the agenda has changed since: set the budget again by hand")
		}
		m.Agenda[before.Item-1].Budget = before.Budget
		m.Version++
		m.UpdatedAt = w.now
		return fmt.Sprintf("item %d's budget back to %d minutes", before.Item, before.Budget), put(w.tx, store.KindMeetings, m.ID, *m)
	case e.Op.Subject() == "hotspot" && e.Op != model.OpHotspotAdd && e.Op != model.OpHotspotPart2 && len(e.Before) > 0:
		var before, after model.Hotspot
		if err := store.DecodeJSON(e.Before, &before); err != nil {
			return "", err
		}
		if err := store.DecodeJSON(e.After, &after); err != nil {
			return "", err
		}
		var cur model.Hotspot
		if err := get(w.tx, store.KindHotspots, after.ID, &cur); err != nil {
			return "", err
		}
		if !sameAs(cur, after) {
			return "", model.Invalid("undo", "%s has changed since: undo that change first, or change it back by hand", after.Ref())
		}
		if err := w.stamp(cur.Ref(), cur.LastChanged()); err != nil {
			return "", err
		}
		restored := before
		restored.Version = cur.Version + 1
		restored.UpdatedAt, restored.UpdatedBy = w.now, w.actor.String()
		if err := put(w.tx, store.KindHotspots, restored.ID, restored); err != nil {
			return "", err
		}
		switch e.Op {
		case "hotspot.link", "hotspot.unlink":
			return after.Ref() + "'s linked areas back as they were", nil
		case "hotspot.count":
			return after.Ref() + "'s entered counts back as they were", nil
		}
		return after.Ref() + " back to " + restored.Risk.String() + " risk, " + string(restored.Status), nil
	}
	return "", model.UndoRefusal(e.Op)
}

// sameAs says whether record cur holds what a change left it with (after),
// apart from its version and who last touched it: an undo of a later
// change restores the content but not the version, and must not stop an
// undo of the change before it.
func sameAs[T any](cur, after T) bool {
	strip := func(v T) string {
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		var m map[string]any
		if json.Unmarshal(b, &m) != nil {
			return ""
		}
		delete(m, "version")
		delete(m, "updated_at")
		delete(m, "updated_by")
		out, _ := json.Marshal(m)
		return string(out)
	}
	return strip(cur) == strip(after)
}

// saveMeeting writes the meeting an undo changed.
func (w *wtx) saveMeeting(m *model.Meeting) error {
	m.Version++
	m.UpdatedAt = w.now
	return put(w.tx, store.KindMeetings, m.ID, *m)
}

// unmarshalBoth reads an audit event's before and after.
func unmarshalBoth(e model.AuditEvent, before, after any) error {
	if err := store.DecodeJSON(e.Before, before); err != nil {
		return err
	}
	return store.DecodeJSON(e.After, after)
}

// revertAttendance puts a member's (or everyone-else's) attendance back.
func (w *wtx) revertAttendance(e model.AuditEvent, m *model.Meeting) (string, error) {
	var before struct {
		Member  string                 `json:"member"`
		Members []model.ID             `json:"members"`
		Status  model.AttendanceStatus `json:"status"`
	}
	if err := store.DecodeJSON(e.Before, &before); err != nil {
		return "", err
	}
	members, err := all[model.Member](w.tx, store.KindMembers)
	if err != nil {
		return "", err
	}
	ids := before.Members
	for _, mem := range members {
		if before.Member != "" && mem.Name == before.Member {
			ids = append(ids, mem.ID)
		}
	}
	for _, id := range ids {
		m.SetAttendance(id, before.Status)
	}
	m.Version++
	m.UpdatedAt = w.now
	who := before.Member
	if who == "" {
		who = fmt.Sprintf("%d members", len(ids))
	}
	return "attendance of " + who + " back to " + before.Status.Label(), put(w.tx, store.KindMeetings, m.ID, *m)
}

// deleteUpdatesAt removes an action's history entries made by the change
// being undone (the same moment, by the same person).
func (w *wtx) deleteUpdatesAt(actionID model.ID, e model.AuditEvent) error {
	var gone []model.ID
	for _, id := range idsUnder(w.tx, store.IdxUpdatesByAction, store.IDKey(actionID)) {
		var u model.ActionUpdate
		if err := get(w.tx, store.KindUpdates, id, &u); err != nil {
			return err
		}
		if (e.Tx != 0 && u.Tx == e.Tx) || (e.Tx == 0 && u.At.Equal(e.At) && u.ByID == e.ByID) {
			gone = append(gone, id)
		}
	}
	for _, id := range gone {
		if err := del(w.tx, store.KindUpdates, id); err != nil {
			return err
		}
	}
	return nil
}

// deleteAction removes an action that was just assigned by mistake, with
// its history and index entries.
func (w *wtx) deleteAction(a model.Action) error {
	for _, id := range idsUnder(w.tx, store.IdxUpdatesByAction, store.IDKey(a.ID)) {
		if err := del(w.tx, store.KindUpdates, id); err != nil {
			return err
		}
	}
	return del(w.tx, store.KindActions, a.ID)
}

// undoneRecord is a record undo takes back whole: a power, a case review.
type undoneRecord interface {
	Ref() string
	LastChanged() time.Time
}

// revertAdd removes the record an undone change added, unless it has
// changed since.
func revertAdd[T undoneRecord](w *wtx, e model.AuditEvent, k store.Kind, idOf func(T) model.ID) (string, error) {
	var added, cur T
	if err := store.DecodeJSON(e.After, &added); err != nil {
		return "", err
	}
	if err := get(w.tx, k, idOf(added), &cur); err != nil {
		return "", err
	}
	if !sameAs(cur, added) {
		return "", model.Invalid("undo", "%s has changed since it was recorded: undo that change first, or change it by hand", added.Ref())
	}
	return added.Ref() + " (recorded) removed", del(w.tx, k, idOf(added))
}

// revertChange puts the record an undone change changed back as it was
// before, unless it has changed since; stamp gives it the version after
// cur's and who changed it.
func revertChange[T undoneRecord](w *wtx, e model.AuditEvent, k store.Kind, idOf func(T) model.ID, stamp func(restored *T, cur T)) (string, error) {
	var before, after, cur T
	if err := unmarshalBoth(e, &before, &after); err != nil {
		return "", err
	}
	if err := get(w.tx, k, idOf(after), &cur); err != nil {
		return "", err
	}
	if !sameAs(cur, after) {
		return "", model.Invalid("undo", "%s has changed since: undo that change first, or change it back by hand", after.Ref())
	}
	if err := w.stamp(cur.Ref(), cur.LastChanged()); err != nil {
		return "", err
	}
	stamp(&before, cur)
	return after.Ref() + " back as it was", put(w.tx, k, idOf(before), before)
}
