package record

import "context"

// upkeep runs fn in one write transaction that is no person's change but
// the file's own upkeep: its schema migrated as it opens (prepare), its
// indexes rebuilt (ReindexWatched), a whole history loaded in batches
// (seedHistory, inBatchesFrom), the free pages zeroed after an anonymisation
// (scrubFree), a whole record copied in from another (copyKind,
// copyIndex). It asks no permission (the caller has: the
// file's owner opening it, `tasking check --reindex`, a demo into an
// empty file) and declares no kind of change; what it writes is sealed
// into the audit trail as it commits (OpRecordSeal, txlog.go), as every
// write's records are.
//
// Everything else writes through write (write.go), which declares its
// change and asks model first. write_path_test.go keeps it so: update is
// called from write and here only, and upkeep only from the functions
// named above.
//
// What it writes is taken to include data kept by key (commitWatch): an
// upkeep may write through the engine's own transaction (store/bolt's
// rebuild of the incident series), past putKey.
func (s *Store) upkeep(fn func(tx *txn) error) error {
	return s.update(context.TODO(), func(tx *txn) error {
		tx.log.keyed = true
		return fn(tx)
	})
}
