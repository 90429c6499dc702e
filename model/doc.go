// Package model is the vocabulary of tasking: the records the partnership keeps
// (agencies, members, hotspots, actions, meetings, decisions, notes) and every
// rule about them, once: permissions, status transitions and what each change
// does and refuses, disclosure (Part 2, confidential), news since the last
// meeting, due windows, overdue and RAG, agenda order, WHEN dates, refs, text
// cleaning. A store asks these inside its write transaction, so the decision
// and the change commit together; screens, exporters and stores never
// decide a rule themselves.
//
// It is pure Go: no I/O, no terminal or database imports. If a rule exists
// ("an action is overdue when…"), it lives here once, with a table-driven test.
package model

// ID identifies a record within its kind. IDs come from bbolt sequences and
// start at 1; 0 means "none" (for example an action with no hotspot).
type ID = uint64
