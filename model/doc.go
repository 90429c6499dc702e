// Package model is the vocabulary of tasking: the records the partnership keeps
// (agencies, members, hotspots, actions, meetings, decisions, notes) and the
// rules about them (overdue, RAG, status transitions, agenda order, WHEN dates,
// refs, text cleaning).
//
// It is pure Go: no I/O, no terminal or database imports. If a rule exists
// ("an action is overdue when…"), it lives here once, with a table-driven test.
package model

// ID identifies a record within its kind. IDs come from bbolt sequences and
// start at 1; 0 means "none" (for example an action with no hotspot).
type ID = uint64
