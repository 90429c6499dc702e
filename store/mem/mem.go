// Package mem is a record held in memory: the persistence interface
// (store.Engine) over maps and sorted keys under one lock. It is the fast
// engine for tests of what is above the store, and the second engine the
// conformance suite (store/storetest) runs on, which keeps it — and the
// use cases' independence of bbolt — honest. Nothing survives the process.
package mem

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

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
	indexes map[store.Index]*entries
}

// New is an empty record.
func New() *Engine {
	return &Engine{kinds: map[store.Kind]*records{}, indexes: map[store.Index]*entries{}}
}

// Open is a store.Store over a new, empty record in memory, with the
// clock now (time.Now when nil).
func Open(now func() time.Time) *store.Store { return store.New(New(), now) }

// records are the records of one kind: each one's JSON, and the IDs in
// order.
type records struct {
	docs map[model.ID][]byte
	ids  []model.ID // sorted
	next model.ID   // the last ID given or reserved
}

// entries are the keys of one index, with their values, and the keys in
// order.
type entries struct {
	vals map[string][]byte
	keys []string // sorted
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
		r = &records{docs: map[model.ID][]byte{}}
		t.e.kinds[k] = r
	}
	return r
}

func (t *tx) Get(_ context.Context, k store.Kind, id model.ID) (store.Doc, error) {
	r, ok := t.e.kinds[k]
	if !ok {
		return store.Doc{}, store.ErrNotFound
	}
	v, ok := r.docs[id]
	if !ok {
		return store.Doc{}, store.ErrNotFound
	}
	return doc(v), nil
}

func (t *tx) Put(_ context.Context, k store.Kind, id model.ID, json []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	r := t.kind(k)
	old, had := r.docs[id]
	r.docs[id] = bytes.Clone(json)
	if !had {
		i, _ := slices.BinarySearch(r.ids, id)
		r.ids = slices.Insert(r.ids, i, id)
	}
	t.undo = append(t.undo, func() { r.restore(id, old, had) })
	return nil
}

func (t *tx) Delete(_ context.Context, k store.Kind, id model.ID) error {
	if err := t.writable(); err != nil {
		return err
	}
	r := t.kind(k)
	old, had := r.docs[id]
	if !had {
		return nil
	}
	r.restore(id, nil, false)
	t.undo = append(t.undo, func() { r.restore(id, old, true) })
	return nil
}

// restore makes record id hold v (had) or be absent (!had).
func (r *records) restore(id model.ID, v []byte, had bool) {
	i, found := slices.BinarySearch(r.ids, id)
	switch {
	case had:
		r.docs[id] = v
		if !found {
			r.ids = slices.Insert(r.ids, i, id)
		}
	case found:
		delete(r.docs, id)
		r.ids = slices.Delete(r.ids, i, i+1)
	}
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
	// A copy of the order: fn may change the kind it walks.
	ids := slices.Clone(r.ids)
	if dir == store.Forward {
		i, _ := slices.BinarySearch(ids, from)
		for _, id := range ids[i:] {
			if v, ok := r.docs[id]; ok {
				if err := fn(id, doc(v)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	end := len(ids)
	if from != 0 {
		i, found := slices.BinarySearch(ids, from)
		if found {
			i++
		}
		end = i
	}
	for i := end - 1; i >= 0; i-- {
		if v, ok := r.docs[ids[i]]; ok {
			if err := fn(ids[i], doc(v)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t *tx) index(ix store.Index) *entries {
	x, ok := t.e.indexes[ix]
	if !ok {
		x = &entries{vals: map[string][]byte{}}
		t.e.indexes[ix] = x
	}
	return x
}

func (t *tx) GetKey(_ context.Context, ix store.Index, key []byte) ([]byte, error) {
	x, ok := t.e.indexes[ix]
	if !ok {
		return nil, nil
	}
	return x.vals[string(key)], nil
}

func (t *tx) PutKey(_ context.Context, ix store.Index, key, value []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	x := t.index(ix)
	k := string(key)
	old, had := x.vals[k]
	if value == nil {
		value = []byte{} // a key with an empty value is still there
	}
	x.vals[k] = bytes.Clone(value)
	if !had {
		i, _ := slices.BinarySearch(x.keys, k)
		x.keys = slices.Insert(x.keys, i, k)
	}
	t.undo = append(t.undo, func() { x.restore(k, old, had) })
	return nil
}

func (t *tx) DeleteKey(_ context.Context, ix store.Index, key []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	x := t.index(ix)
	k := string(key)
	old, had := x.vals[k]
	if !had {
		return nil
	}
	x.restore(k, nil, false)
	t.undo = append(t.undo, func() { x.restore(k, old, true) })
	return nil
}

// restore makes key k hold v (had) or be absent (!had).
func (x *entries) restore(k string, v []byte, had bool) {
	i, found := slices.BinarySearch(x.keys, k)
	switch {
	case had:
		x.vals[k] = v
		if !found {
			x.keys = slices.Insert(x.keys, i, k)
		}
	case found:
		delete(x.vals, k)
		x.keys = slices.Delete(x.keys, i, i+1)
	}
}

func (t *tx) Scan(_ context.Context, ix store.Index, prefix, from []byte, dir store.Dir, fn func(k, v []byte) error) error {
	x, ok := t.e.indexes[ix]
	if !ok {
		return nil
	}
	keys := slices.Clone(x.keys) // fn may change the index it walks
	p := string(prefix)
	var visit func(i int) bool // false: past the prefix
	var err error
	visit = func(i int) bool {
		k := keys[i]
		if len(k) < len(p) || k[:len(p)] != p {
			return false
		}
		if v, ok := x.vals[k]; ok {
			err = fn([]byte(k), v)
		}
		return err == nil
	}
	if dir == store.Forward {
		start := p
		if string(from) > start {
			start = string(from)
		}
		i, _ := slices.BinarySearch(keys, start)
		for ; i < len(keys) && visit(i); i++ {
		}
		return err
	}
	// Backward: from the last key at or before from (nil: the last under
	// the prefix).
	end := len(keys)
	if from != nil {
		i, found := slices.BinarySearch(keys, string(from))
		if found {
			i++
		}
		end = i
	}
	// Keys after the prefix's run are passed over, not a stop.
	i := end - 1
	for ; i >= 0 && keys[i] > p && !hasPrefix(keys[i], p); i-- {
	}
	for ; i >= 0 && visit(i); i-- {
	}
	return err
}

func hasPrefix(k, p string) bool { return len(k) >= len(p) && k[:len(p)] == p }

func (t *tx) Seq() uint64 { return t.seq }

func (t *tx) Kinds(context.Context) ([]store.Kind, error) {
	out := make([]store.Kind, 0, len(t.e.kinds))
	for k := range t.e.kinds {
		out = append(out, k)
	}
	slices.Sort(out)
	return out, nil
}
