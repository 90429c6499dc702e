package record

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// The one write path. Every change a person makes goes through write,
// which is the only caller of the engine's write transaction (update,
// guard.go) besides the file's own upkeep (upkeep.go); a test reads the
// package's source to keep it so (write_path_test.go). A write declares,
// before it runs, what it is:
//
//	s.write(ctx, actor, declare(model.OpActionStatus).ownedByAction(id), func(w *wtx) error { … })
//
// — the kind of change (model.Op) and the agency that owns what it
// changes — and write asks model (model.Allow) whether the actor may make
// that change to that agency's record before the body runs, inside the
// same transaction, so the check and the change commit together. The body
// then reads, asks model its other rules, writes and audits; after the
// commit every subscriber hears of it. No write can forget its permission
// check: there is no way to write without declaring one.

// decl is what a write declares before it runs.
type decl struct {
	op model.Op
	// owner reads, in the write's transaction, the agency that owns what
	// the write changes (nil: no agency's).
	owner func(tx *txn) (model.ID, error)
	// parts are the Rights the parts of a combined change need beyond
	// op's own (model.ActionChange.Rights).
	parts []model.Right
}

// declare is a write of kind op, to what no agency owns until ownedBy…
// says otherwise.
func declare(op model.Op) decl { return decl{op: op} }

// ownedBy: the write changes what agency owns (a new action or power for
// that agency).
func (d decl) ownedBy(agency model.ID) decl {
	d.owner = func(*txn) (model.ID, error) { return agency, nil }
	return d
}

// ownedByAction: the write changes action id, owned by its agency.
func (d decl) ownedByAction(id model.ID) decl {
	d.owner = func(tx *txn) (model.ID, error) {
		var a model.Action
		if err := get(tx, store.KindActions, id, &a); err != nil {
			return 0, notFound(err, model.ActionRef(id))
		}
		return a.AgencyID, nil
	}
	return d
}

// ownedByPower: the write changes power id, held by its agency.
func (d decl) ownedByPower(id model.ID) decl {
	d.owner = func(tx *txn) (model.ID, error) {
		var p model.Power
		if err := get(tx, store.KindPowers, id, &p); err != nil {
			return 0, notFound(err, model.PowerRef(id))
		}
		return p.AgencyID, nil
	}
	return d
}

// needing: the write's parts each need a Right of their own, asked with
// op's.
func (d decl) needing(parts ...model.Right) decl {
	d.parts = parts
	return d
}

// wtx is one write transaction: the change, its index entries and its audit
// event commit together.
type wtx struct {
	tx     *txn
	actor  model.Actor
	now    time.Time
	op     model.Op // what the write declared
	events []model.AuditEvent
	// changes are the notices the events make, published after the commit.
	changes []store.Change
}

// write runs fn in one write transaction, once model.Allow has said the actor
// may make the change d declares. fn must record at least one audit event,
// one of them of the kind declared: a write that explains nothing, or
// says it is one change and does another, is a bug. After the commit every
// subscriber hears about it.
func (s *Store) write(ctx context.Context, actor model.Actor, d decl, fn func(w *wtx) error) error {
	if !d.op.Known() || d.op.Within() {
		return fmt.Errorf("internal error: a write declared %q, which is not a change of its own", d.op)
	}
	return s.update(ctx, func(tx *txn) error {
		var owner model.ID
		if d.owner != nil {
			var err error
			if owner, err = d.owner(tx); err != nil {
				return err
			}
		}
		if err := model.Allow(actor, d.op, owner, d.parts...); err != nil {
			return err
		}
		w := &wtx{tx: tx, actor: actor, now: s.now(), op: d.op}
		if err := fn(w); err != nil {
			return err
		}
		if !slices.ContainsFunc(w.events, func(e model.AuditEvent) bool { return e.Op == d.op }) {
			return fmt.Errorf("internal error: a change declared %q wrote no audit event of it and was refused", d.op)
		}
		if err := s.announce(tx, w.changes); err != nil {
			return err
		}
		tx.onCommit(func() {
			for _, c := range w.changes {
				s.feed.publish(c)
			}
		})
		return nil
	})
}

// audit records an audit event in this transaction. before/after are the
// record (or a small struct describing the change); nil is left out.
func (w *wtx) audit(op model.Op, entity, ref string, before, after any) error {
	if !op.Known() {
		return fmt.Errorf("internal error: an audit event of %q, which is not a kind of change model knows", op)
	}
	id, err := nextID(w.tx, store.KindAudit)
	if err != nil {
		return err
	}
	e := model.AuditEvent{ID: id, At: w.now, By: w.actor.String(), ByID: w.actor.MemberID, Op: op, Entity: entity, Ref: ref, Tx: w.tx.seq()}
	if before != nil {
		if e.Before, err = json.Marshal(before); err != nil {
			return err
		}
	}
	if after != nil {
		if e.After, err = json.Marshal(after); err != nil {
			return err
		}
	}
	w.events = append(w.events, e)
	c := store.Change{Op: op, Entity: entity, Ref: ref, By: e.By, At: e.At, Tx: e.Tx}
	scope(&c, before, after)
	w.changes = append(w.changes, c)
	w.tx.log.addEvent(e) // chained and written as the transaction ends (txlog.go)
	return nil
}

// stamp asks model.CheckStamp about a record this transaction is about
// to change, last changed at last: refused when the clock is behind it,
// else the transaction's time moves up to it when the clock is a little
// behind, so that nothing this change stamps is earlier than the record's
// last change. Called once the record is read and before anything of it
// is changed. The transaction's time only ever moves forward.
func (w *wtx) stamp(ref string, last time.Time) error {
	at, err := model.CheckStamp(ref, last, w.now)
	if err != nil {
		return err
	}
	w.now = at
	return nil
}

// checkVersion refuses a stale edit: the form showed version expected,
// the record (now) is at actual, last changed by by at at. expected 0 means
// "no check" (used by the demo loader and by writes that cannot conflict).
func checkVersion(ref string, expected, actual int, by string, at time.Time, now any) error {
	if expected != 0 && expected != actual {
		return &store.ConflictError{Ref: ref, By: by, At: at, Now: now, Version: actual}
	}
	return nil
}

// AuditEvents returns the newest n audit events, newest first (n <= 0: all).
func (s *Store) AuditEvents(n int) ([]model.AuditEvent, error) {
	var out []model.AuditEvent
	err := s.view(context.TODO(), func(tx *txn) error {
		return tx.each(store.KindAudit, 0, store.Backward, func(id model.ID, d store.Doc) error {
			if n > 0 && len(out) >= n {
				return errStop
			}
			e, err := readAuditEvent(id, d)
			out = append(out, e)
			return err
		})
	})
	return out, err
}

// readAuditEvent decodes the audit event stored as d.
func readAuditEvent(id model.ID, d store.Doc) (model.AuditEvent, error) {
	var e model.AuditEvent
	if err := decodeDoc(d, &e); err != nil {
		return e, fmt.Errorf("reading audit #%d: %w", id, err)
	}
	return e, nil
}

// AuditHistory calls fn with every audit event q matches, oldest first, as
// it reads them (`tasking audit`). With a day to start from, the trail is
// read back from its end to that day only: the events are in time order.
func (s *Store) AuditHistory(q model.AuditQuery, fn func(model.AuditEvent) error) error {
	return s.view(context.TODO(), func(tx *txn) error {
		var start model.ID // 0: from the first
		if !q.Since.IsZero() {
			err := tx.each(store.KindAudit, 0, store.Backward, func(id model.ID, d store.Doc) error {
				e, err := readAuditEvent(id, d)
				if err != nil {
					return err
				}
				if model.DateOf(e.At.Local()).Before(q.Since) {
					return errStop
				}
				start = id
				return nil
			})
			if err != nil || start == 0 {
				return err
			}
		}
		return tx.each(store.KindAudit, start, store.Forward, func(id model.ID, d store.Doc) error {
			e, err := readAuditEvent(id, d)
			if err != nil {
				return err
			}
			if q.Match(e) {
				return fn(e)
			}
			return nil
		})
	})
}
