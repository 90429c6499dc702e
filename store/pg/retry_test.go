package pg

import (
	"context"
	"errors"
	"testing"

	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/pg/pgtest"
)

// A write PostgreSQL refuses for a serialization failure or a deadlock is
// run again from the start, leaving nothing of the failed run; any other
// failure is returned at once.
func TestAWriteRefusedForRunningBesideAnotherIsRunAgain(t *testing.T) {
	ctx := context.Background()
	e, err := OpenEngine(ctx, pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, code := range []string{"40001", "40P01"} {
		runs := 0
		err := e.Update(ctx, func(t store.Tx) error {
			runs++
			if err := t.Put(ctx, store.KindNotes, 1, []byte(`{"run":`+string(rune('0'+runs))+`}`)); err != nil {
				return err
			}
			if _, err := t.NextID(ctx, store.KindNotes); err != nil {
				return err
			}
			if runs == 1 {
				_, err := t.(*tx).tx.Exec(ctx, "DO $$ BEGIN RAISE EXCEPTION 'as if racing' USING ERRCODE = '"+code+"'; END $$")
				return err
			}
			return nil
		})
		if err != nil || runs != 2 {
			t.Fatalf("%s: %v after %d runs", code, err, runs)
		}
	}
	err = e.View(ctx, func(t store.Tx) error {
		d, err := t.Get(ctx, store.KindNotes, 1)
		if err != nil {
			return err
		}
		return d.Body(func(b []byte) error {
			if string(b) != `{"run":2}` {
				return errors.New("notes #1 holds " + string(b))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	// The IDs the failed runs took were given back: two writes, two IDs.
	var next uint64
	_ = e.Update(ctx, func(t store.Tx) error {
		id, err := t.NextID(ctx, store.KindNotes)
		next = uint64(id)
		return err
	})
	if next != 3 {
		t.Errorf("after two writes that each took one ID, the next is %d, want 3", next)
	}
	runs := 0
	refused := errors.New("refused")
	if err := e.Update(ctx, func(store.Tx) error { runs++; return refused }); err != refused || runs != 1 {
		t.Errorf("a write refused for its own reasons: %v after %d runs", err, runs)
	}
}
