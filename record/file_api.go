package record

import (
	"context"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// What the file's own code (store/bolt: its check, schema upgrades,
// backups and incident upkeep) borrows from the use cases, in one place:
// thin exported wrappers, so the use cases keep their own names and the
// file's code names no more of them than it needs.

// Txn is a transaction as the use cases hold it (txn.go).
type Txn = txn

// NewTxn is tx, an engine's transaction, as the use cases hold it, for a
// read outside the record's own (the file's check, its backups).
func NewTxn(ctx context.Context, tx store.Tx) *Txn { return &txn{ctx: ctx, tx: tx} }

// Tx is the engine's transaction under t.
func (t *txn) Tx() store.Tx { return t.tx }

// Logged says whether t is a write whose records are chained into the
// audit trail as it commits (an upgrade that rewrites records must be).
func (t *txn) Logged() bool { return t.log != nil }

// Upkeep runs fn as the file's own upkeep, declaring no change
// (upkeep.go): only the functions upkeep.go names call it.
func (s *Store) Upkeep(fn func(tx *Txn) error) error { return s.upkeep(fn) }

// All, Put, PutJSON, PutSnapshot, ReadRecordWhole and ReadPartnership are
// the use cases' helpers (txn.go, snapshots.go, read.go), for the schema
// upgrades that rewrite records.
func All[T any](t *Txn, k store.Kind) ([]T, error)                 { return all[T](t, k) }
func Put(t *Txn, k store.Kind, id model.ID, v any) error           { return put(t, k, id, v) }
func PutJSON(t *Txn, k store.Kind, id model.ID, json []byte) error { return putJSON(t, k, id, json) }
func PutSnapshot(t *Txn, snap model.Snapshot) error                { return putSnapshot(t, snap) }
func ReadRecordWhole(t *Txn, id model.ID, today model.Date) (model.MeetingRecord, error) {
	return readRecordWhole(t, id, today)
}
func ReadPartnership(t *Txn) (model.Partnership, error) { return readPartnership(t) }

// The audit chain (chain.go, txlog.go), for the file's check, backups and
// the upgrades that chained and trimmed it.

// HeadOf is the chain's head as t reads it.
func HeadOf(t *Txn) (store.ChainHead, error) { return headOf(t) }

// ChainName is how the chain names kind k; RecordName names a record in
// a message.
func ChainName(k store.Kind) string              { return chainName(k) }
func RecordName(name string, id model.ID) string { return recordName(name, id) }

// Genesis is the link before the first event; Link links e to prev.
func Genesis() []byte                           { return genesis }
func Link(e *model.AuditEvent, prev []byte)     { link(e, prev) }
func RecordSum(payload []byte) []byte           { return recordSum(payload) }
func ChainedKinds(t *Txn) ([]store.Kind, error) { return chainedKinds(t) }

// HashTag is how many bytes of its hash an event keeps once chained.
const HashTag = hashTag

// Trail is the audit trail walked (chain.go), for the file's check, which
// holds every record it reads to it.
type Trail = trail

// WalkTrail walks every event in order (verifyChain).
func WalkTrail(t *Txn, known []store.ChainHead, each func(e *model.AuditEvent), tick func() error) *Trail {
	return walkTrail(t, known, each, tick)
}

// Stopped is why the walk stopped part way (nil: it did not).
func (t *trail) Stopped() error { return t.stopped }

// AgainstPartnership, Against and Report are against, againstPartnership
// and report (chain.go).
func (t *trail) AgainstPartnership(tx *Txn) { t.againstPartnership(tx) }
func (t *trail) Against(name string, id model.ID, sum []byte, err error) {
	t.against(name, id, sum, err)
}
func (t *trail) Report() store.ChainReport { return t.report() }

// AgainstKind holds every record of kind k to the trail.
func (t *trail) AgainstKind(tx *Txn, k store.Kind) error {
	return walkKind(tx, k, sumOf, func(id model.ID, s summed) { t.against(string(k), id, s.sum, s.err) })
}

// InParallel, WalkBatch and ReleaseEvery are walk.go's, for the file's
// own walks over its pages.
func InParallel(n int, fn func(i int)) { inParallel(n, fn) }

const (
	WalkBatch    = walkBatch
	ReleaseEvery = releaseEvery
)

// DecodeIncident, SeriesKeys and RefreshEmerging are the incident data's
// (incidents.go), for the file's check and rebuilding of them.
func DecodeIncident(k, v []byte) (model.IncidentRow, error) { return decodeIncident(k, v) }
func SeriesKeys(r model.IncidentRow) [][]byte               { return seriesKeys(r) }
func RefreshEmerging(t *Txn, category string) error         { return refreshEmerging(t, category) }
