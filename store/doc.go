// Package store is the persistence interface and what every side of it
// shares: the engines' contract (engine.go: records by Kind and ID,
// ordered keys by Index, in transactions), the key encoding (codec.go),
// the index declarations every engine and check share (indexes.go), and
// Record (record_api.go), the record as the app, the command line and the
// server use it, with the types in its signature and ReadAs.
//
// The use cases are package record, written once over the interface;
// the engines are store/bolt (a bbolt file), store/mem (memory) and
// store/pg (PostgreSQL); storetest is the suite each must pass.
package store
