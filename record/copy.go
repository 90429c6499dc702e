package record

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// CopyTo copies the whole record s holds into dst, a record on any engine
// that holds nothing yet (`tasking copy`: a file into PostgreSQL, or back):
// every kind's records as the JSON stored (the bytes the audit chain
// sums), the audit trail and the frozen snapshots among them, every index
// and all data kept by key, and each kind's last ID, so the next record
// gets the ref it would have got. It reads s in one transaction, one
// moment of the record, and writes dst in batches as the file's own
// upkeep: nothing is added to the trail, which holds the copy to what the
// chain says of every record (VerifyChain on dst).
func (s *Store) CopyTo(w store.Watch, dst *Store) (CopyReport, error) {
	var r CopyReport
	if err := dst.HoldsNothing(); err != nil {
		return r, err
	}
	ctx := w.Context()
	err := s.view(ctx, func(src *txn) error {
		kinds, err := src.tx.Kinds(ctx)
		if err != nil {
			return err
		}
		if !slices.Contains(kinds, store.KindPartnership) {
			kinds = append(kinds, store.KindPartnership) // bbolt keeps it in meta
		}
		for _, k := range kinds {
			n, err := copyKind(w, src, dst, k)
			if err != nil {
				return fmt.Errorf("copying %s: %w", k, err)
			}
			r.Records += n
		}
		ixs, err := src.tx.Indexes(ctx)
		if err != nil {
			return err
		}
		for _, ix := range ixs {
			n, err := copyIndex(w, src, dst, ix)
			if err != nil {
				return fmt.Errorf("copying %s: %w", ix, err)
			}
			r.Keys += n
		}
		return nil
	})
	return r, err
}

// CopyReport is what a copy carried over.
type CopyReport struct {
	Records, Keys int
}

// copyBatch is how many records or keys one transaction of a copy writes.
const copyBatch = 2000

// HoldsNothing refuses a record that holds any record, key or partnership:
// a copy goes into an empty one, so nothing of the two is mixed.
func (s *Store) HoldsNothing() error {
	return s.view(context.Background(), func(tx *txn) error {
		kinds, err := tx.tx.Kinds(tx.ctx)
		if err != nil {
			return err
		}
		if found, err := has(tx, store.KindPartnership, store.PartnershipID); err != nil || found {
			return errors.Join(err, fmt.Errorf("%s already holds a partnership: copy into an empty database or a new file", s.Path()))
		}
		for _, k := range kinds {
			found := false
			err := tx.tx.Each(tx.ctx, k, 0, store.Forward, func(model.ID, store.Doc) error { found = true; return errStop })
			if err != nil && !errors.Is(err, errStop) {
				return err
			}
			if found {
				return fmt.Errorf("%s already holds a record (%s): copy into an empty database or a new file", s.Path(), k)
			}
		}
		if ixs, err := tx.tx.Indexes(tx.ctx); err != nil || len(ixs) > 0 {
			return errors.Join(err, fmt.Errorf("%s already holds keys (%v): copy into an empty database or a new file", s.Path(), ixs))
		}
		return nil
	})
}

// copyKind copies kind k's records and its last ID, a batch at a time.
func copyKind(w store.Watch, src *txn, dst *Store, k store.Kind) (int, error) {
	type rec struct {
		id   model.ID
		body []byte
	}
	var batch []rec
	n := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := dst.upkeep(func(t *txn) error {
			for _, r := range batch {
				if err := t.tx.Put(t.ctx, k, r.id, r.body); err != nil {
					return err
				}
			}
			return nil
		})
		n += len(batch)
		batch = batch[:0]
		if err == nil {
			err = w.Step(store.Step{What: "copying " + string(k), Done: int64(n), Unit: "records"})
		}
		return err
	}
	each := src.tx.Each
	if k == store.KindPartnership { // one record, which bbolt keeps in meta: not walked
		each = func(ctx context.Context, k store.Kind, _ model.ID, _ store.Dir, fn func(model.ID, store.Doc) error) error {
			d, err := src.tx.Get(ctx, k, store.PartnershipID)
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			return fn(store.PartnershipID, d)
		}
	}
	err := each(src.ctx, k, 0, store.Forward, func(id model.ID, d store.Doc) error {
		if err := d.Body(func(b []byte) error {
			batch = append(batch, rec{id, bytes.Clone(b)})
			return nil
		}); err != nil {
			return err
		}
		if len(batch) >= copyBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return n, err
	}
	last, err := src.tx.LastID(src.ctx, k)
	if err != nil || last == 0 {
		return n, err
	}
	return n, dst.upkeep(func(t *txn) error { return t.tx.ReserveIDs(t.ctx, k, last) })
}

// copyIndex copies an index's keys, a batch at a time.
func copyIndex(w store.Watch, src *txn, dst *Store, ix store.Index) (int, error) {
	var keys, vals [][]byte
	n := 0
	flush := func() error {
		if len(keys) == 0 {
			return nil
		}
		err := dst.upkeep(func(t *txn) error {
			for i, k := range keys {
				if err := t.putKey(ix, k, vals[i]); err != nil {
					return err
				}
			}
			return nil
		})
		n += len(keys)
		keys, vals = keys[:0], vals[:0]
		if err == nil {
			err = w.Step(store.Step{What: "copying " + string(ix), Done: int64(n), Unit: "keys"})
		}
		return err
	}
	err := src.tx.Scan(src.ctx, ix, nil, nil, store.Forward, func(k, v []byte) error {
		keys, vals = append(keys, bytes.Clone(k)), append(vals, bytes.Clone(v))
		if len(keys) >= copyBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return n, err
}
