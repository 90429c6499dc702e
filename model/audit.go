package model

import (
	"encoding/json"
	"time"
)

// AuditEvent records who changed what, and when, with the record before and
// after. It is written in the same transaction as the change it describes, so
// the trail can never disagree with the data (an ASB Case Review may ask).
type AuditEvent struct {
	ID     ID              `json:"id"`
	At     time.Time       `json:"at"`
	By     string          `json:"by"`
	ByID   ID              `json:"by_id,omitempty"`
	Op     Op              `json:"op"`     // "action.assign", "meeting.attendance", … (ops.go)
	Entity string          `json:"entity"` // "action", "meeting", …
	Ref    string          `json:"ref,omitempty"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
	// Tx is the write transaction the event was part of: the events of one
	// change share it (0 in records made before it was kept).
	Tx uint64 `json:"tx,omitempty"`
	ChainFields
}

// The audit trail is a hash chain, so rewriting history in the file alone
// is found (store/chain.go computes it, in the one write path):
//
//	Hash  = SHA-256 of the event's content (everything above, and Writes)
//	Prev  = the Chain of the event before it (32 zero bytes for the first)
//	Chain = SHA-256(Prev ‖ Hash)
//
// The head — the newest event's Chain — is written into each meeting's
// frozen record, its JSON minutes and each backup's manifest: a file whose
// chain has been rewritten no longer holds the heads kept outside it.
// Retention may anonymise an event's images (Erased): the event then keeps
// the SHA-256 of the images it was written with (BeforeSum, AfterSum), so
// its Hash — and every link after it — still verifies, and the event that
// anonymised it carries the sum of what it holds now (a RecordWrite in
// bucket "audit"), so the anonymised images are chained too.
//
// What is stored is less than that: Prev follows from the event before, and
// the Hash from the content, so an event keeps only the first bytes of its
// Hash (enough to name an event changed after it was written) and its
// Chain. Files from before schema 7 still hold Prev and whole hashes, and
// verify the same way.
type ChainFields struct {
	Prev  []byte `json:"prev,omitempty"`
	Hash  []byte `json:"hash,omitempty"`
	Chain []byte `json:"chain,omitempty"`
	// Writes are the records the change wrote (the last event of a change
	// carries them), each with the SHA-256 of what was stored, so a record
	// rewritten behind the trail's back is found.
	Writes []RecordWrite `json:"writes,omitempty"`
	// Erased is set when retention anonymised the event's images (the
	// event saying so follows it in the trail); BeforeSum and AfterSum are
	// the SHA-256 of the images as first written, which its Hash commits
	// to (empty for an image it never had).
	Erased    bool   `json:"erased,omitempty"`
	BeforeSum []byte `json:"before_sum,omitempty"`
	AfterSum  []byte `json:"after_sum,omitempty"`
}

// RecordWrite is one record a change stored (Sum: the first 16 bytes of
// the SHA-256 of its JSON) or deleted (Sum empty).
type RecordWrite struct {
	Bucket string `json:"b"`
	ID     ID     `json:"id"`
	Sum    []byte `json:"s,omitempty"`
}

// AuditHead is the head of the audit chain at a moment: the newest event
// and its Chain (hex). Kept in each meeting's frozen record (and so its
// JSON minutes) and in each automatic backup's name.
type AuditHead struct {
	Event ID     `json:"event"`
	Chain string `json:"chain"`
}
