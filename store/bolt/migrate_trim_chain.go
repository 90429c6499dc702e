package bolt

import (
	"encoding/json"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
)

// trimChainFields is the schema 6 → 7 upgrade: each audit event stops
// storing what the chain can derive (chain.go, HashTag) — its Prev, and all
// but the first bytes of its content hash. Its Chain, and so every head
// kept outside the file, is unchanged, and no event is written: the chain
// verifies across the upgrade as it did before it.
func trimChainFields(_ *File, tx *record.Txn) error {
	b := fileTx(tx).Bucket(bAudit)
	b.FillPercent = appendFill
	return resealBucket(fileTx(tx), bAudit, func(k, body []byte) error {
		var e model.AuditEvent
		if err := store.DecodeJSON(body, &e); err != nil {
			return fmt.Errorf("%s: %w", record.RecordName(string(bAudit), store.KeyID(k)), err)
		}
		if e.Prev == nil && (e.Erased || len(e.Hash) <= record.HashTag) {
			return nil
		}
		e.Prev = nil
		if !e.Erased {
			e.Hash = e.Hash[:record.HashTag]
		}
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		return b.Put(k, sealFor(bAudit, v))
	})
}
