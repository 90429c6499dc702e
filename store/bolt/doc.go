// Package bolt keeps the partnership's record in one bbolt file: the bbolt
// engine behind store's persistence interface, and what only a file has.
// It is the only package that imports bbolt. Open is the record (a
// store.Record, the use cases of package record over this engine) with the
// file's own methods beside it (*File): check, reindex, upgrade, backups,
// restore, salvage, its pages, the owner sidecar.
//
// Rules of the house (see ../shared/docs/bbolt.md):
//   - Open validates the file header before bbolt touches it, takes the lock
//     with a timeout, and writes an owner sidecar so a second process can be
//     told who holds the file.
//   - Every write is one db.Update (the engine's Update, which record's one
//     write path opens): the change, its index entries and its audit event
//     commit together or not at all. After the commit the record publishes
//     a Change on its feed; screens subscribe and re-read.
//   - Every value is sealed (value.go) and, where that pays, compressed
//     (compress.go); a damaged page or value is the "damaged" error, never
//     a crash, and refuses every later write.
//   - Read methods copy what they need out of a db.View and return plain
//     model values; no transaction outlives a method call.
package bolt
