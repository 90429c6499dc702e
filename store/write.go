package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

// wtx is one write transaction: the change, its index entries and its audit
// event commit together.
type wtx struct {
	tx     *bolt.Tx
	actor  model.Actor
	now    time.Time
	events []model.AuditEvent
	// changes are the notices the events make, published after the commit.
	changes []Change
}

// write runs fn in one bbolt Update. fn must record at least one audit event;
// a write that explains nothing is a bug. After the commit every subscriber
// hears about it.
func (s *Store) write(actor model.Actor, fn func(w *wtx) error) error {
	if s.fileSchema > SchemaVersion {
		return &TooNewError{Path: s.path, File: s.fileSchema, Supports: SchemaVersion}
	}
	err := s.update(func(tx *bolt.Tx) error {
		w := &wtx{tx: tx, actor: actor, now: s.now()}
		if err := fn(w); err != nil {
			return err
		}
		if len(w.events) == 0 {
			return errors.New("internal error: a change without an audit event was refused")
		}
		tx.OnCommit(func() {
			for _, c := range w.changes {
				s.feed.publish(c)
			}
		})
		return nil
	})
	return err
}

// audit records an audit event in this transaction. before/after are the
// record (or a small struct describing the change); nil is left out.
func (w *wtx) audit(op, entity, ref string, before, after any) error {
	id, err := nextID(w.tx, bAudit)
	if err != nil {
		return err
	}
	e := model.AuditEvent{ID: id, At: w.now, By: w.actor.String(), ByID: w.actor.MemberID, Op: op, Entity: entity, Ref: ref, Tx: uint64(w.tx.ID())}
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
	c := Change{Op: op, Entity: entity, Ref: ref, By: e.By, At: e.At, Tx: e.Tx}
	c.scope(before, after)
	w.changes = append(w.changes, c)
	logOf(w.tx).addEvent(e) // chained and written as the transaction ends (txlog.go)
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
		return &ConflictError{Ref: ref, By: by, At: at, Now: now, Version: actual}
	}
	return nil
}

// AuditEvents returns the newest n audit events, newest first (n <= 0: all).
func (s *Store) AuditEvents(n int) ([]model.AuditEvent, error) {
	var out []model.AuditEvent
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bAudit).Cursor()
		for k, v := c.Last(); k != nil && (n <= 0 || len(out) < n); k, v = c.Prev() {
			var e model.AuditEvent
			if err := decode(v, &e); err != nil {
				return fmt.Errorf("reading audit #%d: %w", keyID(k), err)
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// AuditHistory calls fn with every audit event q matches, oldest first, as
// it reads them (`tasking audit`). With a day to start from, the trail is
// read back from its end to that day only: the events are in time order.
func (s *Store) AuditHistory(q model.AuditQuery, fn func(model.AuditEvent) error) error {
	return s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bAudit).Cursor()
		read := func(k, v []byte) (model.AuditEvent, error) {
			var e model.AuditEvent
			if err := decode(v, &e); err != nil {
				return e, fmt.Errorf("reading audit #%d: %w", keyID(k), err)
			}
			return e, nil
		}
		k, v := c.First()
		if !q.Since.IsZero() {
			var start []byte
			for bk, bv := c.Last(); bk != nil; bk, bv = c.Prev() {
				e, err := read(bk, bv)
				if err != nil {
					return err
				}
				if model.DateOf(e.At.Local()).Before(q.Since) {
					break
				}
				start = bk
			}
			if start == nil {
				return nil
			}
			k, v = c.Seek(start)
		}
		for ; k != nil; k, v = c.Next() {
			e, err := read(k, v)
			if err != nil {
				return err
			}
			if q.Match(e) {
				if err := fn(e); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
