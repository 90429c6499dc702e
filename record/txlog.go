package record

import (
	"crypto/sha256"
	"encoding/json"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Every write transaction keeps a log of the records it stored and the
// audit events it made (txn.log); as it ends (commitLog, called by update)
// the events are chained and written, the last of them carrying the
// records' sums. This is the one place the chain is computed, whichever
// path wrote (a change, a demo loaded in one go, an upgrade) and whichever
// engine holds the record.

type txLog struct {
	writes []model.RecordWrite
	events []model.AuditEvent
	// keyed: the transaction may have written data kept by key (putKey,
	// deleteKey, or an upkeep, which may write through the engine's own
	// transaction): commitWatch is told.
	keyed bool
}

// recordSum is what the chain keeps of a stored record: the first 16
// bytes of the SHA-256 of its JSON (enough to find any change; half the
// size of the whole sum, over hundreds of thousands of records).
func recordSum(payload []byte) []byte {
	s := sha256.Sum256(payload)
	return s[:16]
}

// wrote notes a record written (sum nil: deleted), named as the chain
// names it (chainName).
func (l *txLog) wrote(name string, id model.ID, sum []byte) {
	l.writes = append(l.writes, model.RecordWrite{Bucket: name, ID: id, Sum: sum})
}

// addEvent queues an audit event (its ID already taken) to be chained and
// written as the transaction ends.
func (l *txLog) addEvent(e model.AuditEvent) { l.events = append(l.events, e) }

// sealChunk bounds the records one seal event lists, so a decade loaded in
// one go is sealed in events of a readable size.
const sealChunk = 5000

// commitLog chains and writes the transaction's events. Records written
// with no event to carry them are sealed by events of their own.
func commitLog(tx *txn, now time.Time) error {
	l := tx.log
	if len(l.events) == 0 && len(l.writes) == 0 {
		return nil
	}
	if len(l.events) > 0 {
		last := &l.events[len(l.events)-1]
		last.Writes = l.writes
	} else {
		for start := 0; start < len(l.writes); start += sealChunk {
			id, err := nextID(tx, store.KindAudit)
			if err != nil {
				return err
			}
			l.events = append(l.events, model.AuditEvent{ID: id, At: now, By: model.SystemActor("store").String(),
				Op: model.OpRecordSeal, Entity: "record", Tx: tx.seq(),
				ChainFields: model.ChainFields{Writes: l.writes[start:min(start+sealChunk, len(l.writes))]}})
		}
	}
	head, err := chainHead(tx)
	if err != nil {
		return err
	}
	for i := range l.events {
		e := &l.events[i]
		link(e, head)
		head = e.Chain
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := tx.tx.Put(tx.ctx, store.KindAudit, e.ID, v); err != nil {
			return err
		}
	}
	return nil
}
