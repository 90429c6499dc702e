package store

import (
	"crypto/sha256"
	"encoding/json"
	"sync"
	"time"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

// Every write transaction keeps a log of the records it stored and the
// audit events it made; as it ends (commitLog, called by update) the
// events are chained and written, the last of them carrying the records'
// sums. This is the one place the chain is computed, whichever path wrote
// (a change, a demo loaded in one go, an upgrade).

type txLog struct {
	writes []model.RecordWrite
	events []model.AuditEvent
}

// txLogs maps a running write transaction to its log: put and the audit
// have only the transaction in hand.
var txLogs sync.Map // *bolt.Tx → *txLog

func logOf(tx *bolt.Tx) *txLog {
	if l, ok := txLogs.Load(tx); ok {
		return l.(*txLog)
	}
	return nil
}

// recordSum is what the chain keeps of a stored record: the first 16
// bytes of the SHA-256 of its JSON (enough to find any change; half the
// size of the whole sum, over hundreds of thousands of records).
func recordSum(payload []byte) []byte {
	s := sha256.Sum256(payload)
	return s[:16]
}

func (l *txLog) wrote(bucket, key, sum []byte) {
	l.writes = append(l.writes, model.RecordWrite{Bucket: string(bucket), ID: keyID(key), Sum: sum})
}

// addEvent queues an audit event (its ID already taken) to be chained and
// written as the transaction ends.
func (l *txLog) addEvent(e model.AuditEvent) { l.events = append(l.events, e) }

// sealChunk bounds the records one seal event lists, so a decade loaded in
// one go is sealed in events of a readable size.
const sealChunk = 5000

// commitLog chains and writes the transaction's events. Records written
// with no event to carry them are sealed by events of their own.
func commitLog(tx *bolt.Tx, l *txLog, now time.Time) error {
	if len(l.events) == 0 && len(l.writes) == 0 {
		return nil
	}
	if len(l.events) > 0 {
		last := &l.events[len(l.events)-1]
		last.Writes = l.writes
	} else {
		for start := 0; start < len(l.writes); start += sealChunk {
			id, err := nextID(tx, bAudit)
			if err != nil {
				return err
			}
			l.events = append(l.events, model.AuditEvent{ID: id, At: now, By: model.SystemActor("store").String(),
				Op: model.OpRecordSeal, Entity: "record", Tx: uint64(tx.ID()),
				ChainFields: model.ChainFields{Writes: l.writes[start:min(start+sealChunk, len(l.writes))]}})
		}
	}
	head, err := chainHead(tx)
	if err != nil {
		return err
	}
	b := tx.Bucket(bAudit)
	b.FillPercent = appendFill
	for i := range l.events {
		e := &l.events[i]
		link(e, head)
		head = e.Chain
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := b.Put(idKey(e.ID), sealFor(bAudit, v)); err != nil {
			return err
		}
	}
	return nil
}
