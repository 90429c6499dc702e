package record

import (
	"context"

	"github.com/ccsp/tasking/store"
)

// Every transaction of the use cases goes through view or update, which
// hand fn the transaction as a *txn (txn.go) over the store's engine.

// view runs fn in one read transaction.
func (s *Store) view(ctx context.Context, fn func(tx *txn) error) error {
	return s.eng.View(ctx, func(tx store.Tx) error {
		t := &txn{ctx: ctx, tx: tx}
		if err := fn(t); err != nil {
			return err
		}
		return t.err
	})
}

// viewOne runs fn, a read of one statement where the engine joins (an
// index's keys and their records in one go: recordsUnder), without a
// transaction of its own where the engine can (store.OneStatementViewer:
// on PostgreSQL one round trip, not two); else as view.
func (s *Store) viewOne(ctx context.Context, fn func(tx *txn) error) error {
	one, ok := s.eng.(store.OneStatementViewer)
	if !ok {
		return s.view(ctx, fn)
	}
	return one.ViewOne(ctx, func(tx store.Tx) error {
		t := &txn{ctx: ctx, tx: tx}
		if err := fn(t); err != nil {
			return err
		}
		return t.err
	})
}

// update runs fn in one write transaction, which ends by chaining and
// writing its audit events (txlog.go). The engine may run it again (a
// retried transaction): each run starts a fresh log.
func (s *Store) update(ctx context.Context, fn func(tx *txn) error) error {
	var committed []func()
	var seq uint64 // the commit made
	var keyed bool
	err := s.eng.Update(ctx, func(tx store.Tx) error {
		t := &txn{ctx: ctx, tx: tx, log: &txLog{}}
		if err := fn(t); err != nil {
			return err
		}
		if t.err != nil {
			return t.err
		}
		// Kept from the run that commits (the engine may retry), and
		// taken here: a transaction is gone once it ends.
		committed, seq, keyed = t.commits, t.seq(), t.log.keyed
		return commitLog(t, s.now())
	})
	if err != nil {
		return err
	}
	s.commits.committed(seq, keyed)
	for _, fn := range committed {
		fn()
	}
	return nil
}
