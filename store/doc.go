// Package store keeps the partnership's record in one bbolt file. It is the
// only package that imports bbolt, and its API speaks the domain
// (AssignAction, RecordDecision, MeetingRecord).
//
// Every rule is decided by a model function: permissions, transitions,
// disclosure (Part 2 and confidential), news since the last meeting, due
// windows, what each change does and refuses. The store calls those
// decisions inside its write transaction, on the records as that
// transaction reads them, so that the check and the change commit
// atomically — deciding outside would let a stale read authorise a change.
// The store itself decides nothing: it reads, asks model, writes, indexes
// and audits.
//
// Rules of the house (see ../shared/docs/bbolt.md):
//   - Open validates the file header before bbolt touches it, takes the lock
//     with a timeout, and writes an owner sidecar so a second process can be
//     told who holds the file.
//   - Every write is one db.Update: the change, its index entries and its
//     audit event commit together or not at all. After the commit the store
//     publishes a Change on its feed; screens subscribe and re-read.
//   - Read methods copy what they need out of a db.View and return plain
//     model values; no transaction outlives a method call.
package store
