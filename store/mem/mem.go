// Package mem is a record held in memory: the persistence interface
// (store.Engine) over maps and sorted keys under one lock. It is the fast
// engine for tests of what is above the store, and the second engine the
// conformance suite (store/storetest) runs on, which keeps it — and the
// use cases' independence of bbolt — honest. Nothing survives the process.
package mem

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Engine is one record in memory. A write holds the lock alone; reads
// share it, so each transaction sees one moment of the record. A write
// that fails is undone entry by entry (its log of what it replaced).
type Engine struct {
	mu      sync.RWMutex
	seq     uint64 // commits made
	kinds   map[store.Kind]*records
	indexes map[store.Index]*sorted[string]
}

// New is an empty record.
func New() *Engine {
	return &Engine{kinds: map[store.Kind]*records{}, indexes: map[store.Index]*sorted[string]{}}
}

// sorted is values by key, and the keys in order: a kind's records by ID,
// an index's values by key.
type sorted[K cmp.Ordered] struct {
	vals map[K][]byte
	keys []K // in order
}

func newSorted[K cmp.Ordered]() *sorted[K] { return &sorted[K]{vals: map[K][]byte{}} }

// set makes k hold v (had) or be absent (!had), and gives back how to undo
// it.
func (s *sorted[K]) set(k K, v []byte, had bool) (undo func()) {
	old, was := s.vals[k]
	i, found := slices.BinarySearch(s.keys, k)
	switch {
	case had:
		s.vals[k] = v
		if !found {
			s.keys = slices.Insert(s.keys, i, k)
		}
	case found:
		delete(s.vals, k)
		s.keys = slices.Delete(s.keys, i, i+1)
	}
	return func() { s.set(k, old, was) }
}

// from is where a walk starts in the keys, in dir: Forward, the first at
// or after from; Backward, one past the last at or before it (end: from
// the last).
func (s *sorted[K]) from(keys []K, from K, end bool, dir store.Dir) int {
	i, found := slices.BinarySearch(keys, from)
	switch {
	case dir == store.Forward:
		return i
	case end:
		return len(keys)
	case found:
		return i + 1
	}
	return i
}

// records are the records of one kind: each one's JSON by ID, and the
// last ID given or reserved.
type records struct {
	*sorted[model.ID]
	next model.ID
}

func (e *Engine) View(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	return fn(&tx{e: e, seq: e.seq})
}

func (e *Engine) Update(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	t := &tx{e: e, seq: e.seq + 1, write: true}
	if err := fn(t); err != nil {
		t.rollback()
		return err
	}
	if err := ctx.Err(); err != nil {
		t.rollback()
		return err
	}
	e.seq++
	return nil
}

// tx is one transaction. A write keeps undo: how to put back, in reverse
// order, everything it changed.
type tx struct {
	e     *Engine
	seq   uint64
	write bool
	undo  []func()
}

func (t *tx) rollback() {
	for i := len(t.undo) - 1; i >= 0; i-- {
		t.undo[i]()
	}
	t.undo = nil
}

func (t *tx) writable() error {
	if !t.write {
		return fmt.Errorf("internal error: a change in a read transaction")
	}
	return nil
}

// doc is a stored record: its JSON, as it is.
func doc(v []byte) store.Doc { return store.NewDoc(v, nil) }

func (t *tx) kind(k store.Kind) *records {
	r, ok := t.e.kinds[k]
	if !ok {
		r = &records{sorted: newSorted[model.ID]()}
		t.e.kinds[k] = r
	}
	return r
}

func (t *tx) Get(_ context.Context, k store.Kind, id model.ID) (store.Doc, error) {
	if r, ok := t.e.kinds[k]; ok {
		if v, ok := r.vals[id]; ok {
			return doc(v), nil
		}
	}
	return store.Doc{}, store.ErrNotFound
}

func (t *tx) Put(_ context.Context, k store.Kind, id model.ID, json []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	t.undo = append(t.undo, t.kind(k).set(id, bytes.Clone(json), true))
	return nil
}

func (t *tx) Delete(_ context.Context, k store.Kind, id model.ID) error {
	if err := t.writable(); err != nil {
		return err
	}
	t.undo = append(t.undo, t.kind(k).set(id, nil, false))
	return nil
}

func (t *tx) NextID(_ context.Context, k store.Kind) (model.ID, error) {
	if err := t.writable(); err != nil {
		return 0, err
	}
	r := t.kind(k)
	was := r.next
	r.next++
	t.undo = append(t.undo, func() { r.next = was })
	return r.next, nil
}

func (t *tx) ReserveIDs(_ context.Context, k store.Kind, top model.ID) error {
	if err := t.writable(); err != nil {
		return err
	}
	r := t.kind(k)
	if was := r.next; top > was {
		r.next = top
		t.undo = append(t.undo, func() { r.next = was })
	}
	return nil
}

func (t *tx) Each(_ context.Context, k store.Kind, from model.ID, dir store.Dir, fn func(model.ID, store.Doc) error) error {
	r, ok := t.e.kinds[k]
	if !ok {
		return nil
	}
	ids := slices.Clone(r.keys) // fn may change the kind it walks
	i := r.from(ids, from, from == 0, dir)
	if dir == store.Forward {
		ids = ids[i:]
	} else {
		ids = slices.Clone(ids[:i])
		slices.Reverse(ids)
	}
	for _, id := range ids {
		if v, ok := r.vals[id]; ok {
			if err := fn(id, doc(v)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t *tx) index(ix store.Index) *sorted[string] {
	x, ok := t.e.indexes[ix]
	if !ok {
		x = newSorted[string]()
		t.e.indexes[ix] = x
	}
	return x
}

func (t *tx) GetKey(_ context.Context, ix store.Index, key []byte) ([]byte, error) {
	if x, ok := t.e.indexes[ix]; ok {
		return x.vals[string(key)], nil
	}
	return nil, nil
}

func (t *tx) PutKey(_ context.Context, ix store.Index, key, value []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	if value == nil {
		value = []byte{} // a key with an empty value is still there
	}
	t.undo = append(t.undo, t.index(ix).set(string(key), bytes.Clone(value), true))
	return nil
}

func (t *tx) DeleteKey(_ context.Context, ix store.Index, key []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	t.undo = append(t.undo, t.index(ix).set(string(key), nil, false))
	return nil
}

func (t *tx) Scan(_ context.Context, ix store.Index, prefix, from []byte, dir store.Dir, fn func(k, v []byte) error) error {
	x, ok := t.e.indexes[ix]
	if !ok {
		return nil
	}
	keys := slices.Clone(x.keys) // fn may change the index it walks
	p := string(prefix)
	visit := func(k string) (bool, error) { // false: past the prefix's run
		if !hasPrefix(k, p) {
			return false, nil
		}
		if v, ok := x.vals[k]; ok {
			return true, fn([]byte(k), v)
		}
		return true, nil
	}
	if dir == store.Forward {
		start := max(p, string(from))
		for _, k := range keys[x.from(keys, start, false, dir):] {
			if more, err := visit(k); !more || err != nil {
				return err
			}
		}
		return nil
	}
	// Backward: from the last key at or before from (nil: the last), the
	// keys after the prefix's run passed over rather than a stop.
	for i := x.from(keys, string(from), from == nil, dir) - 1; i >= 0; i-- {
		if keys[i] > p && !hasPrefix(keys[i], p) {
			continue
		}
		if more, err := visit(keys[i]); !more || err != nil {
			return err
		}
	}
	return nil
}

func hasPrefix(k, p string) bool { return len(k) >= len(p) && k[:len(p)] == p }

func (t *tx) Kinds(context.Context) ([]store.Kind, error) {
	out := make([]store.Kind, 0, len(t.e.kinds))
	for k := range t.e.kinds {
		out = append(out, k)
	}
	slices.Sort(out)
	return out, nil
}

func (t *tx) Indexes(context.Context) ([]store.Index, error) {
	var out []store.Index
	for ix, x := range t.e.indexes {
		if len(x.keys) > 0 {
			out = append(out, ix)
		}
	}
	slices.Sort(out)
	return out, nil
}

func (t *tx) LastID(_ context.Context, k store.Kind) (model.ID, error) {
	if r, ok := t.e.kinds[k]; ok {
		return r.next, nil
	}
	return 0, nil
}

func (t *tx) Seq() uint64 { return t.seq }
