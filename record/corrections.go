package record

import (
	"context"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// CorrectUpdate puts new words into the latest update of action id that
// has words (model.LatestWithWords): its author, or the chair, with a
// reason (model.CheckCorrection). The update keeps what it said first; the
// action's latest update is worked out again (model.Action.LatestNews), so
// matters arising, the minutes and the action log show the corrected words
// marked "(corrected)". version is the action's, as the form showed it.
func (s *Store) CorrectUpdate(actor model.Actor, id model.ID, version int, text, reason string) (model.Action, error) {
	return s.changeLastWords(actor, id, version, reason, model.OpUpdateCorrect, func(w *wtx, u *model.ActionUpdate, reason string) error {
		return u.Correct(text, reason, w.actor.String(), w.now)
	})
}

// WithdrawUpdate takes the latest update of action id that has words out
// of every output, keeping it in the record: the update before it is the
// latest again. The same rules as CorrectUpdate.
func (s *Store) WithdrawUpdate(actor model.Actor, id model.ID, version int, reason string) (model.Action, error) {
	return s.changeLastWords(actor, id, version, reason, model.OpUpdateWithdraw, func(w *wtx, u *model.ActionUpdate, reason string) error {
		u.Withdraw(reason, w.actor.String(), w.now)
		return nil
	})
}

// changeLastWords is the shape of a correction: read the action and its
// history, find the update, ask model, change it, work out the latest
// update again, save both, audit.
func (s *Store) changeLastWords(actor model.Actor, id model.ID, version int, reason string, op model.Op, change func(w *wtx, u *model.ActionUpdate, reason string) error) (model.Action, error) {
	var out model.Action
	err := s.write(context.TODO(), actor, declare(op).ownedByAction(id), func(w *wtx) error {
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
		history, err := historyIn(w.tx, id)
		if err != nil {
			return err
		}
		u, ok := model.LatestWithWords(history)
		if !ok {
			return model.Invalid("update", "%s has no update with words to correct", a.Ref())
		}
		reason, err := model.CheckCorrection(actor, a, u, reason)
		if err != nil {
			return err
		}
		before, beforeAction := u, a
		if err := change(w, &u, reason); err != nil {
			return err
		}
		if err := put(w.tx, store.KindUpdates, u.ID, u); err != nil {
			return err
		}
		for i := range history {
			if history[i].ID == u.ID {
				history[i] = u
			}
		}
		a.LatestNews(history)
		if err := w.reaccept(a, u, history); err != nil {
			return err
		}
		a.Version++
		a.UpdatedAt, a.UpdatedBy = w.now, actor.String()
		if err := put(w.tx, store.KindActions, a.ID, a); err != nil {
			return err
		}
		if err := w.audit(op, "update", a.Ref(), before, u); err != nil {
			return err
		}
		out = a
		return w.audit(model.OpActionWords, "action", a.Ref(), beforeAction, a)
	})
	return out, err
}

// historyIn is action id's updates, oldest first, through its index.
func historyIn(tx *txn, id model.ID) ([]model.ActionUpdate, error) {
	return updatesOf(tx, []model.ID{id})
}

// reaccept puts right, after update corrected was corrected or withdrawn,
// every acceptance of its words by a meeting still open
// (model.Action.Reaccepted): read a meeting and the one before it once.
func (w *wtx) reaccept(a model.Action, corrected model.ActionUpdate, history []model.ActionUpdate) error {
	why := corrected.Corrected
	if corrected.Withdrawn != nil {
		why = corrected.Withdrawn
	}
	for _, u := range history {
		if u.Kind != model.UpdateAccept || u.MeetingID == 0 {
			continue
		}
		var m model.Meeting
		if err := get(w.tx, store.KindMeetings, u.MeetingID, &m); err != nil {
			continue // a meeting gone from the record: nothing to put right
		}
		var since time.Time
		if m.PreviousMeetingID != 0 {
			var p model.Meeting
			if get(w.tx, store.KindMeetings, m.PreviousMeetingID, &p) == nil {
				since = p.ClosedAt
			}
		}
		after, ok := a.Reaccepted(u, corrected, m, since, *why)
		if !ok {
			continue
		}
		if err := put(w.tx, store.KindUpdates, after.ID, after); err != nil {
			return err
		}
		if err := w.audit(model.OpUpdateReaccept, "update", a.Ref(), u, after); err != nil {
			return err
		}
	}
	return nil
}
