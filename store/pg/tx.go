package pg

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/jackc/pgx/v5"
)

// tx is one transaction of the engine.
type tx struct {
	e     *Engine
	ctx   context.Context
	tx    querier
	seq   uint64
	write bool
	// lazy is a read's querier, begun with its first statement (read.go);
	// failed, a failure to begin it where Seq has no error to return: the
	// read ends with it.
	lazy   *lazyRead
	failed error
	// one is a read of one statement's querier (one.go): Seq is not
	// known there, and asking it is a mistake; the catalog is asked
	// beside it (a table's being there is no moment of the record).
	one *oneRead
}

// Seq is the commit the transaction sees or makes. A read reads it as it
// begins, with its first statement; asked before any, it begins alone.
func (t *tx) Seq() uint64 {
	if t.one != nil && t.failed == nil {
		t.failed = errors.New("internal error: a read of one statement asked which commit it sees")
	}
	if t.lazy != nil && !t.lazy.begun && t.failed == nil {
		t.failed = t.lazy.beginAlone(t.ctx)
	}
	return t.seq
}

func (t *tx) writable() error {
	if !t.write {
		return fmt.Errorf("internal error: a change in a read transaction")
	}
	return nil
}

// page is how many rows a walk reads at a time. A walk reads a page, then
// hands its rows to fn, which may itself read and write in the
// transaction (a connection runs one query at a time).
const page = 1000

// kindName: k may name a kind's table (^[a-z][a-z0-9_]{0,50}$): what the
// engine puts in SQL as a name, so nothing else may pass. By hand, not a
// regular expression: a package-level one was compiled as every tasking
// process started, whatever its engine (589 allocations).
func kindName(k string) bool {
	if k == "" || len(k) > 51 || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 1; i < len(k); i++ {
		if c := k[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// table is kind k's table, quoted.
func table(k store.Kind) (string, error) {
	if !kindName(string(k)) {
		return "", fmt.Errorf("internal error: %q cannot name a kind of record", k)
	}
	return `"rec_` + string(k) + `"`, nil
}

// has: kind k has a table (a kind never written has none; it is made by
// its first Put).
func (t *tx) has(ctx context.Context, k store.Kind) (string, bool, error) {
	name, err := table(k)
	if err != nil {
		return "", false, err
	}
	if _, ok := t.e.tables.Load(k); ok {
		return name, true, nil
	}
	var q querier = t.tx
	if t.one != nil {
		q = t.one.c
	}
	var there bool
	if err := q.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", name).Scan(&there); err != nil {
		return "", false, err
	}
	if there {
		t.e.tables.Store(k, true)
	}
	return name, there, nil
}

func (t *tx) Get(ctx context.Context, k store.Kind, id model.ID) (store.Doc, error) {
	name, there, err := t.has(ctx, k)
	if err != nil || !there {
		return store.Doc{}, errors.Join(err, notFoundUnless(err))
	}
	var body []byte
	err = t.tx.QueryRow(ctx, "SELECT body FROM "+name+" WHERE id = $1", int64(id)).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Doc{}, store.ErrNotFound
	}
	if err != nil {
		return store.Doc{}, err
	}
	return store.NewDoc(body, nil), nil
}

// GetMany reads the records with ids in one query (a page at a time): a
// screen's fifty actions cost one round trip, not fifty.
func (t *tx) GetMany(ctx context.Context, k store.Kind, ids []model.ID) ([]store.Doc, error) {
	docs := make([]store.Doc, len(ids))
	name, there, err := t.has(ctx, k)
	if err != nil || !there || len(ids) == 0 {
		return docs, err
	}
	at := make(map[int64][]int, len(ids)) // an ID may be asked for twice
	for start := 0; start < len(ids); start += page {
		part := make([]int64, 0, min(page, len(ids)-start))
		for i, id := range ids[start:min(start+page, len(ids))] {
			at[int64(id)] = append(at[int64(id)], start+i)
			part = append(part, int64(id))
		}
		rows, err := t.tx.Query(ctx, "SELECT id, body FROM "+name+" WHERE id = ANY($1)", part)
		if err != nil {
			return nil, err
		}
		var a arena
		err = eachRow(rows, 2, func(c [][]byte) error {
			id, err := int8Cell(c[0])
			if err != nil {
				return err
			}
			body := orEmpty(a.copy(c[1]))
			for _, i := range at[id] {
				docs[i] = store.NewDoc(body, nil)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// notFoundUnless is ErrNotFound when nothing went wrong (err nil).
func notFoundUnless(err error) error {
	if err != nil {
		return nil
	}
	return store.ErrNotFound
}

func (t *tx) Put(ctx context.Context, k store.Kind, id model.ID, json []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	name, there, err := t.has(ctx, k)
	if err != nil {
		return err
	}
	if !there {
		// A kind of record this release's migrations did not make (the
		// suite's own, or one added later without a migration).
		if _, err := t.tx.Exec(ctx, "CREATE TABLE IF NOT EXISTS "+name+" (id bigint PRIMARY KEY, body bytea NOT NULL)"); err != nil {
			return err
		}
	}
	if json == nil {
		json = []byte{}
	}
	_, err = t.tx.Exec(ctx, "INSERT INTO "+name+" (id, body) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET body = excluded.body", int64(id), json)
	return err
}

func (t *tx) Delete(ctx context.Context, k store.Kind, id model.ID) error {
	if err := t.writable(); err != nil {
		return err
	}
	name, there, err := t.has(ctx, k)
	if err != nil || !there {
		return err
	}
	_, err = t.tx.Exec(ctx, "DELETE FROM "+name+" WHERE id = $1", int64(id))
	return err
}

// NextID takes the kind's next ID from its counter row, which rolls back
// with the transaction (a sequence would not: refs like A-12 would skip).
func (t *tx) NextID(ctx context.Context, k store.Kind) (model.ID, error) {
	if err := t.writable(); err != nil {
		return 0, err
	}
	var id int64
	err := t.tx.QueryRow(ctx, `INSERT INTO counters (name, value) VALUES ($1, 1)
		ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`, "id:"+string(k)).Scan(&id)
	return model.ID(id), err
}

func (t *tx) ReserveIDs(ctx context.Context, k store.Kind, top model.ID) error {
	if err := t.writable(); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, `INSERT INTO counters (name, value) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET value = greatest(counters.value, excluded.value)`, "id:"+string(k), int64(top))
	return err
}

func (t *tx) Each(ctx context.Context, k store.Kind, from model.ID, dir store.Dir, fn func(model.ID, store.Doc) error) error {
	name, there, err := t.has(ctx, k)
	if err != nil || !there {
		return err
	}
	q := "SELECT id, body FROM " + name + " WHERE id >= $1 ORDER BY id LIMIT $2"
	next := int64(from)
	if dir == store.Backward {
		q = "SELECT id, body FROM " + name + " WHERE id <= $1 ORDER BY id DESC LIMIT $2"
		if from == 0 {
			next = 1<<63 - 1
		}
	}
	for {
		ids, bodies, err := t.rows(ctx, q, next)
		if err != nil {
			return err
		}
		for i, id := range ids {
			if err := fn(model.ID(id), store.NewDoc(bodies[i], nil)); err != nil {
				return err
			}
		}
		if len(ids) < page {
			return nil
		}
		if next = ids[len(ids)-1] + 1; dir == store.Backward {
			next = ids[len(ids)-1] - 1
		}
	}
}

// rows reads one page of records.
func (t *tx) rows(ctx context.Context, q string, from int64) (ids []int64, bodies [][]byte, err error) {
	rows, err := t.tx.Query(ctx, q, from, page)
	if err != nil {
		return nil, nil, err
	}
	var a arena
	err = eachRow(rows, 2, func(c [][]byte) error {
		id, err := int8Cell(c[0])
		if err != nil {
			return err
		}
		ids, bodies = append(ids, id), append(bodies, orEmpty(a.copy(c[1])))
		return nil
	})
	return ids, bodies, err
}

func (t *tx) GetKey(ctx context.Context, ix store.Index, key []byte) ([]byte, error) {
	var v []byte
	err := t.tx.QueryRow(ctx, "SELECT value FROM keyed WHERE ix = $1 AND key = $2", string(ix), key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if v == nil && err == nil {
		v = []byte{}
	}
	return v, err
}

func (t *tx) PutKey(ctx context.Context, ix store.Index, key, value []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	if value == nil {
		value = []byte{}
	}
	_, err := t.tx.Exec(ctx, `INSERT INTO keyed (ix, key, value) VALUES ($1, $2, $3)
		ON CONFLICT (ix, key) DO UPDATE SET value = excluded.value`, string(ix), key, value)
	return err
}

func (t *tx) DeleteKey(ctx context.Context, ix store.Index, key []byte) error {
	if err := t.writable(); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, "DELETE FROM keyed WHERE ix = $1 AND key = $2", string(ix), key)
	return err
}

// Scan reads the keys a page at a time, between the prefix and the first
// key past its run (bytea orders as bbolt does: byte by byte, a prefix
// before what extends it).
func (t *tx) Scan(ctx context.Context, ix store.Index, prefix, from []byte, dir store.Dir, fn func(k, v []byte) error) error {
	if prefix == nil {
		prefix = []byte{}
	}
	end := prefixEnd(prefix) // nil: no end
	lo, upTo := prefix, []byte(nil)
	if dir == store.Forward {
		if bytes.Compare(from, prefix) > 0 {
			lo = from
		}
	} else {
		// Backward: from the last key at or before from (nil: the last
		// of the prefix's run).
		upTo = from
	}
	for {
		q, args := keysBetween(ix, lo, end, upTo, dir == store.Backward)
		keys, vals, err := t.keys(ctx, q, args)
		if err != nil {
			return err
		}
		for i, k := range keys {
			if err := fn(k, vals[i]); err != nil {
				return err
			}
		}
		if len(keys) < page {
			return nil
		}
		last := keys[len(keys)-1]
		if dir == store.Forward {
			lo = append(bytes.Clone(last), 0) // the first key after last
		} else {
			// The keys before last: below it, and no other bound above.
			upTo, end = nil, last
		}
	}
}

// keysBetween is the query for a page of the keys of ix from lo, below
// below and up to upTo (nil: no such bound), in order or (desc) from the
// last. Each bound there is in the SQL, none is "$n IS NULL OR key < $n":
// once PostgreSQL plans the statement for any values (a generic plan,
// after five runs) such a bound is no longer the index scan's but a
// filter, and a scan of a few keys read on to the index's end.
func keysBetween(ix store.Index, lo, below, upTo []byte, desc bool) (string, []any) {
	q := "SELECT key, value FROM keyed WHERE ix = $1 AND key >= $2"
	args := []any{string(ix), lo}
	if below != nil {
		args = append(args, below)
		q += fmt.Sprintf(" AND key < $%d", len(args))
	}
	if upTo != nil {
		args = append(args, upTo)
		q += fmt.Sprintf(" AND key <= $%d", len(args))
	}
	if desc {
		return q + fmt.Sprintf(" ORDER BY key DESC LIMIT %d", page), args
	}
	return q + fmt.Sprintf(" ORDER BY key LIMIT %d", page), args
}

// prefixEnd is the first key past every key starting with p (nil: there
// is none — p is empty or all 0xFF).
func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xFF {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// keys reads one page of keys.
func (t *tx) keys(ctx context.Context, q string, args []any) (keys, vals [][]byte, err error) {
	rows, err := t.tx.Query(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	var a arena
	err = eachRow(rows, 2, func(c [][]byte) error {
		keys, vals = append(keys, a.copy(c[0])), append(vals, orEmpty(a.copy(c[1])))
		return nil
	})
	return keys, vals, err
}

// Indexes are the indexes holding keys.
func (t *tx) Indexes(ctx context.Context) ([]store.Index, error) {
	rows, err := t.tx.Query(ctx, "SELECT DISTINCT ix FROM keyed ORDER BY ix")
	if err != nil {
		return nil, err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	out := make([]store.Index, len(names))
	for i, n := range names {
		out[i] = store.Index(n)
	}
	return out, err
}

// LastID is the kind's counter row (none: 0).
func (t *tx) LastID(ctx context.Context, k store.Kind) (model.ID, error) {
	var id int64
	err := t.tx.QueryRow(ctx, "SELECT value FROM counters WHERE name = $1", "id:"+string(k)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return model.ID(id), err
}

// Kinds are the kinds with a table, whatever their names: what a check
// holds to the audit chain.
func (t *tx) Kinds(ctx context.Context) ([]store.Kind, error) {
	rows, err := t.tx.Query(ctx, `SELECT substr(tablename, 5) FROM pg_tables
		WHERE schemaname = current_schema() AND tablename LIKE 'rec\_%' ORDER BY tablename`)
	if err != nil {
		return nil, err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	out := make([]store.Kind, len(names))
	for i, n := range names {
		out[i] = store.Kind(n)
	}
	return out, err
}

// ScanRanges scans several runs of an index in one query (home and a
// meeting's record scan the closed actions of each of twenty agencies:
// one round trip, not twenty), unsorted: sorting the rows cost PostgreSQL
// more than finding them (3 ms of home's). fn sees each row as it arrives, pgx's own
// bytes, copied nowhere (store.Ranger: fn neither reads in the
// transaction nor keeps them): home's thousands of closed actions cost no
// garbage.
func (t *tx) ScanRanges(ctx context.Context, ix store.Index, ranges []store.Range, fn func(i int, k, v []byte) error) error {
	if len(ranges) == 0 {
		return nil
	}
	lo, hi := make([][]byte, len(ranges)), make([][]byte, len(ranges))
	for i, r := range ranges {
		lo[i] = r.Prefix
		if bytes.Compare(r.From, r.Prefix) > 0 {
			lo[i] = r.From
		}
		if lo[i] == nil {
			lo[i] = []byte{}
		}
		hi[i] = prefixEnd(r.Prefix)
		if r.Until != nil && (hi[i] == nil || bytes.Compare(r.Until, hi[i]) < 0) {
			hi[i] = r.Until
		}
		if hi[i] == nil {
			// A run with no end (an empty or all-0xFF prefix) would
			// leave the query's index scans with no upper bound each:
			// one Scan a run instead.
			return t.scanEach(ctx, ix, ranges, fn)
		}
	}
	rows, err := t.tx.Query(ctx, `SELECT r.i, k.key, k.value
		FROM unnest($2::bytea[], $3::bytea[]) WITH ORDINALITY AS r(lo, hi, i)
		CROSS JOIN LATERAL (SELECT key, value FROM keyed WHERE ix = $1 AND key >= r.lo AND key < r.hi) k`, string(ix), lo, hi)
	if err != nil {
		return err
	}
	return eachRow(rows, 3, func(c [][]byte) error {
		i, err := int8Cell(c[0])
		if err != nil {
			return err
		}
		return fn(int(i-1), c[1], orEmpty(c[2]))
	})
}

// scanEach is ScanRanges one Scan a run.
func (t *tx) scanEach(ctx context.Context, ix store.Index, ranges []store.Range, fn func(i int, k, v []byte) error) error {
	for i, r := range ranges {
		err := t.Scan(ctx, ix, r.Prefix, r.From, store.Forward, func(k, v []byte) error {
			if r.Until != nil && bytes.Compare(k, r.Until) >= 0 {
				return errRunEnd
			}
			return fn(i, k, v)
		})
		if err != nil && err != errRunEnd {
			return err
		}
	}
	return nil
}

// errRunEnd ends one run of scanEach at its Until.
var errRunEnd = errors.New("the run's end")
