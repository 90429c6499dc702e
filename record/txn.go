package record

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// txn is a transaction as the use cases hold it: the engine's Tx, the
// context it runs under, and — in a write — the log of the records it
// wrote and the events it made, chained into the audit trail as it
// commits (txlog.go). The helpers here read and write records through it:
// put and del keep the declared indexes (indexes.go) and note each write
// for the chain, whatever the engine.
type txn struct {
	ctx context.Context
	tx  store.Tx
	log *txLog // nil in a read
	// err is the first failure of a read whose helper returns none
	// (idsUnder): the transaction ends with it (Store.view, Store.update).
	err error
	// commits run once the write has committed (the change feed).
	commits []func()
}

// onCommit runs fn once the write has committed.
func (t *txn) onCommit(fn func()) { t.commits = append(t.commits, fn) }

// failed keeps err (the first) for the transaction to end with.
func (t *txn) failed(err error) {
	if err != nil && t.err == nil {
		t.err = err
	}
}

// seq is the commit this transaction sees or makes (Tx.Seq).
func (t *txn) seq() uint64 { return t.tx.Seq() }

// each walks the records of kind k (Tx.Each); fn returns errStop to stop.
func (t *txn) each(k store.Kind, from model.ID, dir store.Dir, fn func(id model.ID, d store.Doc) error) error {
	if err := t.tx.Each(t.ctx, k, from, dir, fn); err != errStop {
		return err
	}
	return nil
}

// scan walks the keys of ix (Tx.Scan); fn returns errStop to stop.
func (t *txn) scan(ix store.Index, prefix, from []byte, dir store.Dir, fn func(k, v []byte) error) error {
	if err := t.tx.Scan(t.ctx, ix, prefix, from, dir, fn); err != errStop {
		return err
	}
	return nil
}

// scanRanges scans several runs of ix, in one go where the engine can
// (Ranger), else one Scan each: the keys in no order promised. fn must
// not use the transaction, nor keep k or v (Ranger).
func (t *txn) scanRanges(ix store.Index, ranges []store.Range, fn func(i int, k, v []byte) error) error {
	if r, ok := t.tx.(store.Ranger); ok {
		if err := r.ScanRanges(t.ctx, ix, ranges, fn); err != errStop {
			return err
		}
		return nil
	}
	for i, r := range ranges {
		// errStop inside a run ends that run only (scan takes it for a
		// clean stop); fn's own errStop ends them all.
		var stopped bool
		err := t.scan(ix, r.Prefix, r.From, store.Forward, func(k, v []byte) error {
			if r.Until != nil && bytes.Compare(k, r.Until) >= 0 {
				return errStop
			}
			err := fn(i, k, v)
			stopped = err == errStop
			return err
		})
		if err != nil || stopped {
			return err
		}
	}
	return nil
}

// putKey stores value under key in ix (Tx.PutKey), noting that data
// kept by key was written (commitWatch): every write to an index's keys
// in the use cases comes through here or deleteKey.
func (t *txn) putKey(ix store.Index, key, value []byte) error {
	if t.log != nil {
		t.log.keyed = true
	}
	return t.tx.PutKey(t.ctx, ix, key, value)
}

// deleteKey takes key from ix (Tx.DeleteKey), noting it as putKey does.
func (t *txn) deleteKey(ix store.Index, key []byte) error {
	if t.log != nil {
		t.log.keyed = true
	}
	return t.tx.DeleteKey(t.ctx, ix, key)
}

// decodeDoc decodes a stored record into v.
func decodeDoc(d store.Doc, v any) error { return d.Decode(v) }

// get decodes the record of kind k with id into v (ErrNotFound: none).
func get(t *txn, k store.Kind, id model.ID, v any) error {
	d, err := t.tx.Get(t.ctx, k, id)
	if err != nil {
		return err
	}
	if err := decodeDoc(d, v); err != nil {
		return fmt.Errorf("reading %s #%d: %w", k, id, err)
	}
	return nil
}

// has says whether there is a record of kind k with id.
func has(t *txn, k store.Kind, id model.ID) (bool, error) {
	_, err := t.tx.Get(t.ctx, k, id)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// put stores a record, keeping its indexes in step and noting its sum for
// the audit chain.
func put(t *txn, k store.Kind, id model.ID, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if ix, ok := store.Registry[k]; ok {
		if err := ix.Reindex(t.ctx, t.tx, k, id, v); err != nil {
			return err
		}
	}
	return putJSON(t, k, id, b)
}

// putJSON stores a record's JSON as it is, noting its sum for the audit
// chain; its indexes are the caller's business (an upgrade resealing
// records as they were).
func putJSON(t *txn, k store.Kind, id model.ID, b []byte) error {
	if t.log != nil {
		t.log.wrote(chainName(k), id, recordSum(b))
	}
	return t.tx.Put(t.ctx, k, id, b)
}

// del removes a record and its index entries.
func del(t *txn, k store.Kind, id model.ID) error {
	if ix, ok := store.Registry[k]; ok {
		if err := ix.Reindex(t.ctx, t.tx, k, id, nil); err != nil {
			return err
		}
	}
	if t.log != nil {
		t.log.wrote(chainName(k), id, nil)
	}
	return t.tx.Delete(t.ctx, k, id)
}

// nextID is a new record's ID (Tx.NextID).
func nextID(t *txn, k store.Kind) (model.ID, error) { return t.tx.NextID(t.ctx, k) }

// all decodes every record of kind k, in ID order.
func all[T any](t *txn, k store.Kind) ([]T, error) {
	var out []T
	err := t.each(k, 0, store.Forward, func(id model.ID, d store.Doc) error {
		var v T
		if err := decodeDoc(d, &v); err != nil {
			return fmt.Errorf("reading %s #%d: %w", k, id, err)
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// records decodes the records of kind k with ids, in the order given.
func records[T any](t *txn, k store.Kind, ids []model.ID) ([]T, error) {
	docs, err := getMany(t, k, ids)
	if err != nil {
		return nil, err
	}
	return decodeAll[T](k, ids, docs)
}

// recordsUnder decodes the records of kind k the keys of ix under prefix
// name, in order of ID, each once: what records of sortedIDs of idsUnder
// reads, in one go where the engine can (Joiner).
func recordsUnder[T any](t *txn, ix store.Index, prefix []byte, k store.Kind) ([]T, error) {
	j, ok := t.tx.(store.Joiner)
	if !ok {
		return records[T](t, k, sortedIDs(idsUnder(t, ix, prefix)))
	}
	ids, docs, err := j.GetUnder(t.ctx, ix, prefix, k)
	if err != nil {
		return nil, err
	}
	if err := noneMissing(k, ids, docs); err != nil {
		return nil, err
	}
	return decodeAll[T](k, ids, docs)
}

// decodeAll decodes docs, the records of kind k with ids.
func decodeAll[T any](k store.Kind, ids []model.ID, docs []store.Doc) ([]T, error) {
	out := make([]T, len(ids))
	for i, d := range docs {
		if err := decodeDoc(d, &out[i]); err != nil {
			return nil, fmt.Errorf("reading %s #%d: %w", k, ids[i], err)
		}
	}
	return out, nil
}

// getMany is the stored records of kind k with ids, in the order given,
// read at once where the engine can (Fetcher). A missing one is an index
// pointing nowhere.
func getMany(t *txn, k store.Kind, ids []model.ID) ([]store.Doc, error) {
	var docs []store.Doc
	if f, ok := t.tx.(store.Fetcher); ok {
		var err error
		if docs, err = f.GetMany(t.ctx, k, ids); err != nil {
			return nil, err
		}
	} else {
		docs = make([]store.Doc, len(ids))
		for i, id := range ids {
			d, err := t.tx.Get(t.ctx, k, id)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return nil, err
			}
			docs[i] = d
		}
	}
	return docs, noneMissing(k, ids, docs)
}

// noneMissing: every one of docs, the records of kind k with ids, is
// there. A missing one is an index pointing nowhere.
func noneMissing(k store.Kind, ids []model.ID, docs []store.Doc) error {
	for i, d := range docs {
		if d.Missing() {
			return fmt.Errorf("%s #%d is indexed but missing: run `tasking check`", k, ids[i])
		}
	}
	return nil
}

// idsUnder is the record IDs of the index entries under prefix (the last 8
// bytes of each key), in key order. A failure to read ends the
// transaction with it (txn.err).
func idsUnder(t *txn, ix store.Index, prefix []byte) []model.ID {
	var out []model.ID
	t.failed(t.scan(ix, prefix, nil, store.Forward, func(k, _ []byte) error {
		out = append(out, store.KeyID(k))
		return nil
	}))
	return out
}

// chainName is how the audit chain names a kind's records
// (model.RecordWrite.Bucket): its bbolt bucket's name, the partnership's
// being "meta", where bbolt keeps it.
func chainName(k store.Kind) string {
	if k == store.KindPartnership {
		return "meta"
	}
	return string(k)
}

// errStop ends a walk early; the helpers that walk (txn.go) take it for a
// clean stop.
var errStop = errors.New("stop")
