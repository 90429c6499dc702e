package store

import (
	"context"

	"github.com/ccsp/tasking/model"
)

// The persistence interface: what an engine (bbolt, memory, later
// PostgreSQL) offers the use cases, and all it offers. An engine stores
// records by kind and ID and ordered keys by index; it knows nothing of
// meetings, permissions, undo, the audit chain or the change feed, which
// are worked out once, above it (package record: txn.go, write.go,
// txlog.go). Which entries a record puts in which index is declared once
// too (indexes.go), so every engine holds the same entries and `check`
// can recompute them.

// Kind is a kind of record, stored by ID: a bbolt bucket's name.
type Kind string

// The kinds of record. Each is its bbolt bucket's name (schema.go), which
// is also how the audit chain names a record's kind (model.RecordWrite),
// except the partnership's, which bbolt keeps in its meta bucket.
const (
	KindAgencies    Kind = "agencies"
	KindMembers     Kind = "members"
	KindHotspots    Kind = "hotspots"
	KindActions     Kind = "actions"
	KindUpdates     Kind = "updates"
	KindDecisions   Kind = "decisions"
	KindNotes       Kind = "notes"
	KindMeetings    Kind = "meetings"
	KindAmendments  Kind = "amendments"
	KindSnapshots   Kind = "snapshots" // a closed meeting's record as it stood at close (model.Snapshot), by meeting ID: what its minutes are made from
	KindPowers      Kind = "powers"    // came after schema 4 without a schema change (laterBuckets)
	KindCaseReviews Kind = "case_reviews"
	KindAudit       Kind = "audit" // the trail: appended as a write commits (txlog.go)
	KindPartnership Kind = "partnership"
)

// partnershipID is the one partnership record's ID.
const PartnershipID model.ID = 0

// Index is an ordered set of byte keys with small values: a secondary
// index declared over records (indexes.go), or data kept by key rather
// than by ID (incident counts, their series, place names: incidents.go).
// Each is a bbolt bucket's name.
type Index string

// Dir is the way a walk goes through keys or IDs.
type Dir int

const (
	Forward  Dir = iota // ascending
	Backward            // descending
)

// Engine is a store's transactions. View and Update run fn in one
// transaction: Update's commits when fn returns nil and is rolled back
// otherwise; only one Update runs at a time. An engine may run fn again
// when a transaction must be retried (PostgreSQL's serialization
// failures), so fn must do nothing outside its transaction.
type Engine interface {
	View(ctx context.Context, fn func(Tx) error) error
	Update(ctx context.Context, fn func(Tx) error) error
}

// Doc is a stored record, valid until its transaction ends: what the
// engine stored, and how it reads it back (nil: it stored the JSON as it
// is). A value, so reading a record costs no allocation of its own.
type Doc struct {
	stored []byte
	codec  Codec
}

// Codec is how an engine reads back what it stored: a record's JSON
// (Body, valid only while fn runs: it may be inflated into a reused
// buffer), or the record decoded.
type Codec interface {
	Body(stored []byte, fn func(json []byte) error) error
	Decode(stored []byte, v any) error
}

// NewDoc is a stored record as an engine hands it over.
func NewDoc(stored []byte, c Codec) Doc { return Doc{stored: stored, codec: c} }

// Body calls fn with the record's JSON, valid only while fn runs.
func (d Doc) Body(fn func(json []byte) error) error {
	if d.codec == nil {
		return fn(d.stored)
	}
	return d.codec.Body(d.stored, fn)
}

// Decode decodes the record into v.
func (d Doc) Decode(v any) error {
	if d.codec == nil {
		return DecodeJSON(d.stored, v)
	}
	return d.codec.Decode(d.stored, v)
}

// Tx is one transaction of an engine. Byte slices it hands to a callback
// are valid only inside its transaction and must not be changed; an error
// from a callback stops the walk and is returned as it is.
type Tx interface {
	// Get is the record of kind k with id (ErrNotFound: none).
	Get(ctx context.Context, k Kind, id model.ID) (Doc, error)
	// Put stores a record's JSON. It keeps no index: the caller does
	// (txn.go's put), by the declarations every engine shares.
	Put(ctx context.Context, k Kind, id model.ID, json []byte) error
	// Delete removes a record (none there: nothing happens).
	Delete(ctx context.Context, k Kind, id model.ID) error
	// NextID is a new record's ID: one more than any taken, never given
	// twice, and given back if the transaction rolls back (refs like A-12
	// do not skip).
	NextID(ctx context.Context, k Kind) (model.ID, error)
	// ReserveIDs takes every ID up to top (a record loaded with its ID):
	// NextID gives more than top from then on.
	ReserveIDs(ctx context.Context, k Kind, top model.ID) error
	// Each calls fn with every record of kind k in ID order (dir), from
	// from on (0: from the first in that direction).
	Each(ctx context.Context, k Kind, from model.ID, dir Dir, fn func(id model.ID, d Doc) error) error

	// GetKey is the value under key in ix (nil: no such key).
	GetKey(ctx context.Context, ix Index, key []byte) ([]byte, error)
	PutKey(ctx context.Context, ix Index, key, value []byte) error
	DeleteKey(ctx context.Context, ix Index, key []byte) error
	// Scan calls fn with the keys of ix that start with prefix, in order
	// (dir), from from on: Forward, the first key at or after from;
	// Backward, the last at or before it (nil: from the first, or last,
	// key with the prefix).
	Scan(ctx context.Context, ix Index, prefix, from []byte, dir Dir, fn func(key, value []byte) error) error

	// Kinds are the kinds of record the engine holds, whatever their
	// names (bbolt: every bucket that is not an index or data kept by
	// key): what a check holds to the audit chain, so a kind put there
	// behind the record's back is found too.
	Kinds(ctx context.Context) ([]Kind, error)
	// Indexes are the indexes holding keys, whatever their names (bbolt:
	// the index buckets and the data kept by key): with Kinds, all there
	// is to copy of a whole record (CopyTo).
	Indexes(ctx context.Context) ([]Index, error)
	// LastID is the last ID NextID gave or ReserveIDs took for kind k (0:
	// none), which may be past every record's (one deleted, or a write
	// that took one and failed where IDs are not given back).
	LastID(ctx context.Context, k Kind) (model.ID, error)

	// Seq is the commit this transaction sees (a read) or makes (a
	// write): what Change.Tx, HomeSince and the audit events name.
	Seq() uint64
}

// What an engine may offer beside Tx, for the long reads (check, verify,
// retention, exports): the use cases ask for it and do without.

// Batcher is a Tx that hands a kind's records over in batches, in ID
// order, whose Docs all stay valid while fn runs: they are then worked on
// on every core (walkKind). bbolt's are in its memory map.
type Batcher interface {
	EachBatch(ctx context.Context, k Kind, size int, fn func(ids []model.ID, docs []Doc) error) error
}

// Fetcher is a Tx that reads many records of a kind at once, cheaper than
// one Get each (PostgreSQL: one query, not one round trip per record):
// the Docs in the order of ids, a zero Doc (Missing) for an ID it does
// not hold.
type Fetcher interface {
	GetMany(ctx context.Context, k Kind, ids []model.ID) ([]Doc, error)
}

// Ranger is a Tx that scans several runs of an index at once, cheaper
// than one Scan each (PostgreSQL: one query, not one round trip per run):
// fn is called once for each key of each range — its prefix's keys from
// From on, as Scan gives them — told which range the key is of, in no
// order promised (PostgreSQL's sorting them cost home more than reading
// them). Unlike Scan's, fn must not use the transaction, and keeps no key
// or value past its return (PostgreSQL hands them over as they arrive,
// copying none).
type Ranger interface {
	ScanRanges(ctx context.Context, ix Index, ranges []Range, fn func(i int, k, v []byte) error) error
}

// Joiner is a Tx that reads the records an index's keys name in one go,
// cheaper than the keys, then the records (PostgreSQL: one query, not
// two): the IDs that end the keys of ix starting with prefix (their last
// 8 bytes, as idsUnder takes them), each once, in order, with the records
// of kind k they name — a zero Doc (Missing) for one it does not hold.
type Joiner interface {
	GetUnder(ctx context.Context, ix Index, prefix []byte, k Kind) ([]model.ID, []Doc, error)
}

// OneStatementViewer is an Engine that runs a read making one statement
// without a transaction of its own (PostgreSQL: one round trip, where
// BEGIN with the statement, then COMMIT, were two): one statement sees
// one moment of the record whatever the isolation. fn reads the record
// once (a Joiner's GetUnder, say) and asks no Seq; a second read in it
// is an error, not a second moment. Where an engine has none, View.
type OneStatementViewer interface {
	ViewOne(ctx context.Context, fn func(Tx) error) error
}

// Range is one run of an index for ScanRanges: the keys starting with
// Prefix, from From on (nil: from the first), before Until (nil: to the
// run's end).
type Range struct{ Prefix, From, Until []byte }

// Stored is what the engine stored, as it stored it: the same bytes are
// the same record (home's cache compares them).
func (d Doc) Stored() []byte { return d.stored }

// Missing: d is the zero Doc a Fetcher gives for a record it does not
// hold.
func (d Doc) Missing() bool { return d.stored == nil }

// Releaser is a Tx that holds what a read has read until told to let it
// go (bbolt: the map's pages count as the process's memory until handed
// back). Release lets go of all of it: the Docs read stay valid.
type Releaser interface {
	Release()
}

// What an engine shared by several processes offers (PostgreSQL), so a
// change made in one reaches the feeds of all (feed_shared.go).

// Announcer is a write transaction that sends a payload to the engine's
// other processes when, and only if, it commits.
type Announcer interface {
	Announce(ctx context.Context, payload string) error
}

// Listener is an engine other processes write to: Listen calls heard with
// each payload another process announced, after its commit, until the
// engine closes — missed (payload empty) when some may have been lost. It
// returns once a commit made after it would be heard. A store listens
// from its first subscriber on (a command that subscribes to nothing
// costs no connection for it).
type Listener interface {
	Listen(heard func(payload string, missed bool))
	// MaxAnnounce is the longest payload Announce takes.
	MaxAnnounce() int
}

// Named is an engine by the name messages give it (record.Store's Path):
// a bbolt file's path, a database's name.
type Named interface {
	Name() string
}
