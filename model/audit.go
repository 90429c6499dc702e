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
	Op     string          `json:"op"`     // "action.assign", "meeting.attendance", …
	Entity string          `json:"entity"` // "action", "meeting", …
	Ref    string          `json:"ref,omitempty"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
	// Tx is the write transaction the event was part of: the events of one
	// change share it (0 in records made before it was kept).
	Tx uint64 `json:"tx,omitempty"`
}
