// Package record is the record's use cases, written once over store's
// persistence interface and knowing no engine: every read and change of
// store.Record, the one write path (declare → model.Allow → body → audit
// → publish after commit), undo, seeding, retention, the home cache, the
// change feed and the audit chain.
//
// Every rule is decided by a model function: permissions, transitions,
// disclosure (Part 2 and confidential), news since the last meeting, due
// windows, what each change does and refuses. The record calls those
// decisions inside its write transaction, on the records as that
// transaction reads them, so that the check and the change commit
// atomically — deciding outside would let a stale read authorise a change.
// The record itself decides nothing: it reads, asks model, writes, indexes
// and audits.
//
// New makes one over any engine (store/mem's, store/pg's); store/bolt's
// Open makes one over a bbolt file, with the file's hooks (FileHooks).
package record
