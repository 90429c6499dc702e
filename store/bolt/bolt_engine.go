package bolt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync/atomic"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// The bbolt engine: the persistence interface (store/engine.go) over one bbolt
// file. A kind of record is a bucket keyed by big-endian ID, an index a
// bucket of keys; every value is sealed with a checksum and, in the
// buckets where that pays, compressed (value.go, compress.go). What only a
// file has — its pages, schema and migrations, check, salvage, backups,
// the owner sidecar — is on *File, in files of their own.
type boltEngine struct {
	db   *bolt.DB
	path string
	// readOnlyWhy says why a store opened for writing is read-only (the
	// file cannot be written here), for the refusal of every change.
	readOnlyWhy string
	// damage is the first damage this process found in the file: from
	// then on every write is refused with it.
	damage atomic.Pointer[DamagedError]
	// readers are the reads under way, for scrubFree (scrub.go).
	readers readers
	// fileSchema is set when the file's schema is newer than ours (never
	// once Open has returned: such a file is refused, and no write goes
	// over it).
	fileSchema int
	// plainOK: values without a checksum are read as they are, in a file
	// written before values were sealed (schema < 5) while this process
	// upgrades it. Anywhere else such a value was not written by tasking
	// (an edit that dropped the seal to pass as a record) and is damage.
	plainOK atomic.Bool
}

// bbolt panics (recoverably) when it walks a page that is not what it should
// be: a file damaged after its header. Every transaction goes through View
// or Update so that becomes the same clear "damaged" error as a bad header,
// never a crash in the middle of a meeting. The deferred recover also rolls
// the transaction back: bbolt's own defers run as the panic unwinds.

func (e *boltEngine) View(ctx context.Context, fn func(store.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer e.recoverDamage(&err)
	n := e.readers.begin()
	defer e.readers.end(n)
	return e.db.View(func(tx *bolt.Tx) error { return fn(&boltTx{tx: tx, plainOK: e.plainOK.Load()}) })
}

// Update runs fn in one bbolt write transaction. Once this process has
// found damage in the file, every write is refused with the damage
// message: writing over a damaged file can only spread the damage.
func (e *boltEngine) Update(ctx context.Context, fn func(store.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d := e.damage.Load(); d != nil {
		refused := *d
		refused.Refused = true
		return &refused
	}
	if e.db.IsReadOnly() {
		return &ReadOnlyError{Path: e.path, Why: e.readOnlyWhy}
	}
	if e.fileSchema > SchemaVersion {
		return &TooNewError{Path: e.path, File: e.fileSchema, Supports: SchemaVersion}
	}
	defer e.recoverDamage(&err)
	return e.db.Update(func(tx *bolt.Tx) error { return fn(&boltTx{tx: tx, plainOK: e.plainOK.Load()}) })
}

// recoverDamage turns a bbolt panic on a damaged page, and a value that
// fails its checksum, into the damage error, and remembers it: from then
// on this process refuses every write (Update).
func (e *boltEngine) recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = &DamagedError{Path: e.path, Reason: fmt.Sprintf("a page inside the file is unreadable: %v", r), Backup: latestBackup(e.path)}
	}
	var vd *ValueDamage
	if *err != nil && errors.As(*err, &vd) {
		*err = &DamagedError{Path: e.path, Reason: (*err).Error(), Backup: latestBackup(e.path)}
	}
	var d *DamagedError
	if *err != nil && errors.As(*err, &d) && e.damage.CompareAndSwap(nil, d) && !e.db.IsReadOnly() {
		markDamaged(e.path, d) // every later process refuses writes too
	}
}

// newBoltFile is the record held in the bbolt file db, at path.
func newBoltFile(db *bolt.DB, path string, now func() time.Time, readOnlyWhy string) *File {
	eng := &boltEngine{db: db, path: path, readOnlyWhy: readOnlyWhy}
	f := &File{bolt: eng, db: db, path: path}
	f.Store = record.New(eng, now, fileHooks{f})
	return f
}

// Name is the file's path: what Store.Path says.
func (e *boltEngine) Name() string { return e.path }

// Close releases the file, and its owner sidecar when this process could
// write it.
func (e *boltEngine) Close() error {
	if !e.db.IsReadOnly() {
		removeOwner(e.path)
	}
	return e.db.Close()
}

// fileHooks are what the file does beside the record's transactions
// (record.FileHooks).
type fileHooks struct{ f *File }

func (h fileHooks) AutoBackupAfter(why string)                    { h.f.autoBackupAfter(why) }
func (h fileHooks) ReleaseMapped()                                { h.f.releaseMapped() }
func (h fileHooks) KnownHeads() []store.ChainHead                 { return h.f.knownHeads() }
func (h fileHooks) ScrubFree(w store.Watch) (int, error)          { return h.f.scrubFree(w) }
func (h fileHooks) BackupTo(w io.Writer) (store.ChainHead, error) { return h.f.backupWhole(w) }
func (h fileHooks) LastAutoBackup() (string, error)               { return h.f.lastAutoBackup() }
func (h fileHooks) Notices() []string                             { return h.f.notices }

// bucketNames are the buckets' names as bbolt takes them, made once: a
// name converted at each read would be an allocation per record.
var bucketNames = func() map[string][]byte {
	m := map[string][]byte{}
	for _, name := range allBuckets {
		m[string(name)] = name
	}
	return m
}()

// bucketName is the bucket that holds a kind or an index.
func bucketName(name string) []byte {
	if b, ok := bucketNames[name]; ok {
		return b
	}
	return []byte(name)
}

// boltTx is one bbolt transaction as the persistence interface.
type boltTx struct {
	tx *bolt.Tx
	// buckets are those a read has opened so far: bbolt opens a bucket
	// afresh at each Bucket call of a read transaction (a search and an
	// allocation), and a read asks for one per record. A write
	// transaction keeps its own (and may delete and remake a bucket:
	// the file's upkeep).
	buckets map[string]*bolt.Bucket
	// plainOK: the engine's (a file being upgraded from before seals).
	plainOK bool
}

// bucket is the bucket that holds a kind or an index (nil: not made yet).
func (t *boltTx) bucket(name string) *bolt.Bucket {
	if b, ok := t.buckets[name]; ok {
		return b
	}
	b := t.tx.Bucket(bucketName(name))
	if b != nil && !t.tx.Writable() {
		if t.buckets == nil {
			t.buckets = map[string]*bolt.Bucket{}
		}
		t.buckets[name] = b
	}
	return b
}

// boltCodec reads a stored value, sealed (value.go), in the memory map; a
// value without its seal is damage unless plainOK (a file being upgraded
// from before seals).
type boltCodec struct{ plainOK bool }

func (c boltCodec) Body(stored []byte, fn func(json []byte) error) error {
	if err := c.sealedOrPlainOK(stored); err != nil {
		return err
	}
	return withBody(stored, fn)
}

func (c boltCodec) Decode(stored []byte, v any) error {
	if err := c.sealedOrPlainOK(stored); err != nil {
		return err
	}
	return decode(stored, v)
}

func (c boltCodec) sealedOrPlainOK(stored []byte) error {
	if c.plainOK || sealed(stored) {
		return nil
	}
	return &ValueDamage{Reason: "a stored value has no checksum: it was not written by tasking, which seals every value"}
}

// doc is a stored value as the interface hands it over.
func (t *boltTx) doc(v []byte) store.Doc { return store.NewDoc(v, boltCodec{plainOK: t.plainOK}) }

// appendOnly are the kinds whose records only ever go at the end: their
// pages are filled before they split (appendFill).
var appendOnly = map[store.Kind]bool{store.KindAudit: true, store.KindSnapshots: true}

// at is where a record is kept: its kind's bucket (nil: a kind that came
// after this file was made, read read-only), under its ID — but the
// partnership, kept in meta.
func (t *boltTx) at(k store.Kind, id model.ID) (*bolt.Bucket, []byte) {
	if k == store.KindPartnership {
		return t.tx.Bucket(bMeta), kPartnership
	}
	return t.bucket(string(k)), store.IDKey(id)
}

// writable is k's bucket, made if it is missing.
func (t *boltTx) writable(k store.Kind) (*bolt.Bucket, error) {
	if k == store.KindPartnership {
		return t.tx.Bucket(bMeta), nil
	}
	if b := t.bucket(string(k)); b != nil {
		return b, nil
	}
	return t.tx.CreateBucketIfNotExists(bucketName(string(k)))
}

func (t *boltTx) Get(_ context.Context, k store.Kind, id model.ID) (store.Doc, error) {
	b, key := t.at(k, id)
	if b == nil {
		return store.Doc{}, store.ErrNotFound
	}
	v := b.Get(key)
	if v == nil {
		return store.Doc{}, store.ErrNotFound
	}
	return t.doc(v), nil
}

func (t *boltTx) Put(_ context.Context, k store.Kind, id model.ID, json []byte) error {
	b, err := t.writable(k)
	if err != nil {
		return err
	}
	if appendOnly[k] {
		b.FillPercent = appendFill
	}
	_, key := t.at(k, id)
	return b.Put(key, sealFor([]byte(record.ChainName(k)), json))
}

func (t *boltTx) Delete(_ context.Context, k store.Kind, id model.ID) error {
	b, key := t.at(k, id)
	if b == nil {
		return nil
	}
	return b.Delete(key)
}

// NextID is the bucket's next sequence. The record goes at the end of the
// bucket, so its pages are filled before they split.
func (t *boltTx) NextID(_ context.Context, k store.Kind) (model.ID, error) {
	b, err := t.writable(k)
	if err != nil {
		return 0, err
	}
	b.FillPercent = appendFill
	return b.NextSequence()
}

func (t *boltTx) ReserveIDs(_ context.Context, k store.Kind, top model.ID) error {
	b, err := t.writable(k)
	if err != nil {
		return err
	}
	b.FillPercent = appendFill
	if top > b.Sequence() {
		return b.SetSequence(top)
	}
	return nil
}

func (t *boltTx) Each(_ context.Context, k store.Kind, from model.ID, dir store.Dir, fn func(model.ID, store.Doc) error) error {
	if k == store.KindPartnership {
		return fmt.Errorf("internal error: walking the partnership")
	}
	b := t.bucket(string(k))
	if b == nil {
		return nil
	}
	c := b.Cursor()
	var fromKey []byte
	if from != 0 {
		fromKey = store.IDKey(from)
	}
	return walk(c, nil, fromKey, dir, func(key, v []byte) error { return fn(store.KeyID(key), t.doc(v)) })
}

// sealedIndexes are the indexes whose values are sealed JSON (data kept
// by key); the rest hold bare bytes.
var sealedIndexes = map[store.Index]bool{record.IncidentCounts: true, record.IncidentBatches: true, record.IncidentEmerging: true, record.IncidentDismissals: true}

func (t *boltTx) GetKey(_ context.Context, ix store.Index, key []byte) ([]byte, error) {
	b := t.bucket(string(ix))
	if b == nil {
		return nil, nil
	}
	return t.unsealed(ix, b.Get(key))
}

func (t *boltTx) unsealed(ix store.Index, v []byte) ([]byte, error) {
	if v == nil || !sealedIndexes[ix] {
		return v, nil
	}
	if err := (boltCodec{plainOK: t.plainOK}).sealedOrPlainOK(v); err != nil {
		return nil, err
	}
	return unseal(v)
}

func (t *boltTx) PutKey(_ context.Context, ix store.Index, key, value []byte) error {
	b := t.bucket(string(ix))
	if b == nil {
		var err error
		if b, err = t.tx.CreateBucket(bucketName(string(ix))); err != nil {
			return err
		}
	}
	if sealedIndexes[ix] {
		value = seal(frameJSON, value)
	}
	return b.Put(key, value)
}

func (t *boltTx) DeleteKey(_ context.Context, ix store.Index, key []byte) error {
	b := t.bucket(string(ix))
	if b == nil {
		return nil
	}
	return b.Delete(key)
}

func (t *boltTx) Scan(_ context.Context, ix store.Index, prefix, from []byte, dir store.Dir, fn func(k, v []byte) error) error {
	b := t.bucket(string(ix))
	if b == nil {
		return nil
	}
	return walk(b.Cursor(), prefix, from, dir, func(k, v []byte) error {
		v, err := t.unsealed(ix, v)
		if err != nil {
			return fmt.Errorf("%s %q: %w", ix, k, err)
		}
		return fn(k, v)
	})
}

func (t *boltTx) Seq() uint64 { return uint64(t.tx.ID()) }

// Kinds are the buckets of the file holding records, whatever their
// names: every one but meta, the indexes and the incident data.
func (t *boltTx) Kinds(context.Context) ([]store.Kind, error) {
	var out []store.Kind
	err := t.tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if recordBucket(name) || bytes.Equal(name, bAudit) {
			out = append(out, store.Kind(name))
		}
		return nil
	})
	return out, err
}

// Indexes are the buckets of the file holding keys: the declared indexes
// and the data kept by key (a file has them all, empty or not).
func (t *boltTx) Indexes(context.Context) ([]store.Index, error) {
	var out []store.Index
	err := t.tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if k, _ := b.Cursor().First(); k == nil {
			return nil
		}
		if store.IsIndexBucket(name) || slices.ContainsFunc(incidentBuckets, func(b []byte) bool { return bytes.Equal(b, name) }) {
			out = append(out, store.Index(name))
		}
		return nil
	})
	return out, err
}

// LastID is the bucket's sequence (the partnership's: meta's).
func (t *boltTx) LastID(_ context.Context, k store.Kind) (model.ID, error) {
	if b, _ := t.at(k, 0); b != nil {
		return b.Sequence(), nil
	}
	return 0, nil
}

// EachBatch hands over a kind's values as they lie in the map, and gives
// the pages back after each batch (pages.go).
func (t *boltTx) EachBatch(_ context.Context, k store.Kind, size int, fn func([]model.ID, []store.Doc) error) error {
	b := t.bucket(string(k))
	if b == nil {
		return nil
	}
	pages := newPageReleaser(t.tx.DB(), t.tx)
	ids, docs := make([]model.ID, 0, size), make([]store.Doc, 0, size)
	flush := func() error {
		err := fn(ids, docs)
		ids, docs = ids[:0], docs[:0]
		pages.release()
		return err
	}
	c := b.Cursor()
	for key, v := c.First(); key != nil; key, v = c.Next() {
		if v == nil {
			continue // a nested bucket
		}
		ids, docs = append(ids, store.KeyID(key)), append(docs, t.doc(v))
		if len(ids) == size {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// Release hands back every page of the map read so far. The map cannot
// move while the transaction is open (bbolt remaps only between them).
func (t *boltTx) Release() { newPageReleaser(t.tx.DB(), t.tx).release() }

// walk calls fn with the cursor's keys under prefix, from from on, in dir
// (Tx.Scan), skipping nested buckets.
func walk(c *bolt.Cursor, prefix, from []byte, dir store.Dir, fn func(k, v []byte) error) error {
	var k, v []byte
	next := c.Next
	if dir == store.Forward {
		start := prefix
		if bytes.Compare(from, prefix) > 0 {
			start = from
		}
		k, v = c.Seek(start)
	} else {
		next = c.Prev
		k, v = lastAtOrBefore(c, prefix, from)
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, v = next() {
		if v == nil {
			continue
		}
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// lastAtOrBefore puts the cursor on the last key under prefix, and at or
// before from (nil: the last under prefix).
func lastAtOrBefore(c *bolt.Cursor, prefix, from []byte) ([]byte, []byte) {
	end := prefixEnd(prefix) // the first key after every key under prefix (nil: none)
	limit := from
	if limit == nil || (end != nil && bytes.Compare(limit, end) >= 0) {
		if end == nil {
			return c.Last()
		}
		if k, _ := c.Seek(end); k == nil {
			return c.Last()
		}
		return c.Prev()
	}
	k, v := c.Seek(limit)
	if k == nil {
		return c.Last()
	}
	if !bytes.Equal(k, limit) {
		return c.Prev()
	}
	return k, v
}

// prefixEnd is the first key after every key that starts with prefix: nil
// when there is none (an empty prefix, or all 0xFF).
func prefixEnd(prefix []byte) []byte {
	end := bytes.Clone(prefix)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xFF {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// boltView runs fn in one read transaction of the bbolt file, for what
// only a file has (check, backups, its schema and pages).
func (s *File) boltView(fn func(tx *bolt.Tx) error) error {
	return s.bolt.View(context.Background(), func(tx store.Tx) error { return fn(tx.(*boltTx).tx) })
}

// file is the bbolt transaction under tx, for the file's own upkeep
// (migrations, reindexing), which runs on a bbolt file only.
func fileTx(tx *record.Txn) *bolt.Tx { return tx.Tx().(*boltTx).tx }

// boltTxn is a bbolt read transaction as the use cases hold it, for the
// bbolt-only code that reads records through them (check, migrations).
func boltTxn(tx *bolt.Tx) *record.Txn { return record.NewTxn(context.Background(), &boltTx{tx: tx}) }

// appendFill is how full bbolt fills a page before splitting it when keys
// arrive in order (new records' IDs, time-ordered index entries): full
// pages, where bbolt's default of a half leaves every page half empty.
const appendFill = 0.95
