package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/ccsp/tasking/model"
)

// Secondary indexes: buckets of keys derived from records, so a screen
// reads the records it shows and no others. Every index is declared here
// once, with the function that gives a record's entries; put and del keep
// them in step with the records in the same transaction (the old entries
// go, the new ones come), the schema-3 upgrade builds them, and `tasking
// check` recomputes them to find any that drifted.
const (
	IdxActionsByAgency  Index = "idx_actions_agency_due" // agency | due | action: every action
	IdxActionsByHotspot Index = "idx_actions_hotspot"    // hotspot | action
	IdxActionsOpen      Index = "idx_actions_open"       // agency | due | action: not done or cancelled
	IdxActionsClosed    Index = "idx_actions_closed"     // agency | finished at | action → status, days to complete
	IdxUpdatesByAction  Index = "idx_updates_action"     // action | update
	IdxUpdatesByMeeting Index = "idx_updates_meeting"    // meeting | update: made in a meeting
	IdxHotspotsOpen     Index = "idx_hotspots_open"      // hotspot: not closed
	IdxMeetingsByDate   Index = "idx_meetings_date"      // date | meeting
	IdxMeetingsByState  Index = "idx_meetings_state"     // state | meeting: open and planned only
	IdxDecisionsMeeting Index = "idx_decisions_meeting"  // meeting | decision
	IdxDecisionsHotspot Index = "idx_decisions_hotspot"  // hotspot | decision
	IdxNotesMeeting     Index = "idx_notes_meeting"      // meeting | note
	IdxNotesHotspot     Index = "idx_notes_hotspot"      // hotspot | note
	IdxAmendsMeeting    Index = "idx_amends_meeting"     // meeting | amendment
)

// entry is one index key (and its value, usually empty).
type entry struct{ key, value []byte }

// indexDef is one index over records of type T.
type indexDef[T any] struct {
	index   Index
	entries func(T) []entry
}

// indexSet is the indexes over one bucket of records.
type indexSet[T any] []indexDef[T]

// indexer is an indexSet whatever its record type: what put, del, the
// upgrade and check work with.
type indexer interface {
	// reindex removes the entries of the record of kind k with id as
	// stored (none: none) and adds those of v (nil: none).
	reindex(t *txn, k Kind, id model.ID, v any) error
	// expected is, for each index bucket, the entries of the record
	// stored as raw.
	expected(raw []byte) (map[string][]entry, error)
	// entriesOf calls fn with each entry of a record already decoded
	// (a *T: what check's decodeAs gives), so check decodes it once.
	entriesOf(rec any, fn func(Index, entry))
	indexes() []Index
}

func (s indexSet[T]) record(v any) (T, bool) {
	switch x := v.(type) {
	case T:
		return x, true
	case *T:
		if x != nil {
			return *x, true
		}
	}
	var zero T
	return zero, false
}

func (s indexSet[T]) reindex(t *txn, k Kind, id model.ID, v any) error {
	var o T
	switch err := get(t, k, id, &o); {
	case err == nil:
		for _, def := range s {
			for _, e := range def.entries(o) {
				if err := t.tx.DeleteKey(t.ctx, def.index, e.key); err != nil {
					return err
				}
			}
		}
	case !errors.Is(err, ErrNotFound):
		return err
	}
	if v == nil {
		return nil
	}
	n, ok := s.record(v)
	if !ok {
		return fmt.Errorf("internal error: indexing a %T", v)
	}
	for _, def := range s {
		for _, e := range def.entries(n) {
			if err := t.tx.PutKey(t.ctx, def.index, e.key, e.value); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s indexSet[T]) expected(raw []byte) (map[string][]entry, error) {
	var r T
	if err := decode(raw, &r); err != nil {
		return nil, err
	}
	out := map[string][]entry{}
	for _, def := range s {
		out[string(def.index)] = def.entries(r)
	}
	return out, nil
}

func (s indexSet[T]) entriesOf(rec any, fn func(Index, entry)) {
	r, ok := s.record(rec)
	if !ok {
		return
	}
	for _, def := range s {
		for _, e := range def.entries(r) {
			fn(def.index, e)
		}
	}
}

func (s indexSet[T]) indexes() []Index {
	var out []Index
	for _, def := range s {
		out = append(out, def.index)
	}
	return out
}

// entryOf is a single entry with an empty value.
func entryOf(parts ...[]byte) []entry { return []entry{{key: compose(parts...)}} }

func none() []entry { return nil }

// timeKey orders times: big-endian Unix nanoseconds.
func timeKey(t time.Time) []byte { return binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano())) }

// closedValue is an idx_actions_closed value: the status's first letter and
// the days the action took (for the median, read without the record).
func closedValue(a model.Action) []byte {
	days := 0xFFFF
	if a.Status == model.StatusDone && !a.CompletedOn.IsZero() {
		days = min(max(model.DateOf(a.CreatedAt).DaysUntil(a.CompletedOn), 0), 0xFFFE)
	}
	return binary.BigEndian.AppendUint16([]byte{string(a.Status)[0]}, uint16(days))
}

// closedDays reads the days to complete from an idx_actions_closed value
// (ok false: cancelled, or no date).
func closedDays(v []byte) (int, bool) {
	if len(v) != 3 || v[0] != string(model.StatusDone)[0] {
		return 0, false
	}
	d := int(binary.BigEndian.Uint16(v[1:]))
	return d, d != 0xFFFF
}

// stateKey is the byte an open or planned meeting is indexed under.
func stateKey(s model.MeetingState) []byte { return []byte{string(s)[0]} }

var registry = map[Kind]indexer{
	KindActions: indexSet[model.Action]{
		{IdxActionsByAgency, func(a model.Action) []entry { return entryOf(idKey(a.AgencyID), dateKey(a.Due), idKey(a.ID)) }},
		{IdxActionsByHotspot, func(a model.Action) []entry { return entryOf(idKey(a.HotspotID), idKey(a.ID)) }},
		{IdxActionsOpen, func(a model.Action) []entry {
			if a.Status.IsClosed() {
				return none()
			}
			return entryOf(idKey(a.AgencyID), dateKey(a.Due), idKey(a.ID))
		}},
		{IdxActionsClosed, func(a model.Action) []entry {
			if !a.Status.IsClosed() {
				return none()
			}
			return []entry{{key: compose(idKey(a.AgencyID), timeKey(a.FinishedAt()), idKey(a.ID)), value: closedValue(a)}}
		}},
	},
	KindUpdates: indexSet[model.ActionUpdate]{
		{IdxUpdatesByAction, func(u model.ActionUpdate) []entry { return entryOf(idKey(u.ActionID), idKey(u.ID)) }},
		{IdxUpdatesByMeeting, func(u model.ActionUpdate) []entry {
			if u.MeetingID == 0 {
				return none()
			}
			return entryOf(idKey(u.MeetingID), idKey(u.ID))
		}},
	},
	KindHotspots: indexSet[model.Hotspot]{
		{IdxHotspotsOpen, func(h model.Hotspot) []entry {
			if !h.IsOpen() {
				return none()
			}
			return entryOf(idKey(h.ID))
		}},
	},
	KindMeetings: indexSet[model.Meeting]{
		{IdxMeetingsByDate, func(m model.Meeting) []entry { return entryOf(dateKey(m.Date), idKey(m.ID)) }},
		{IdxMeetingsByState, func(m model.Meeting) []entry {
			if m.State != model.MeetingOpen && m.State != model.MeetingPlanned {
				return none()
			}
			return entryOf(stateKey(m.State), idKey(m.ID))
		}},
	},
	KindDecisions: indexSet[model.Decision]{
		{IdxDecisionsMeeting, func(d model.Decision) []entry { return entryOf(idKey(d.MeetingID), idKey(d.ID)) }},
		{IdxDecisionsHotspot, func(d model.Decision) []entry {
			if d.HotspotID == 0 {
				return none()
			}
			return entryOf(idKey(d.HotspotID), idKey(d.ID))
		}},
	},
	KindNotes: indexSet[model.Note]{
		{IdxNotesMeeting, func(n model.Note) []entry { return entryOf(idKey(n.MeetingID), idKey(n.ID)) }},
		{IdxNotesHotspot, func(n model.Note) []entry {
			if n.HotspotID == 0 {
				return none()
			}
			return entryOf(idKey(n.HotspotID), idKey(n.ID))
		}},
	},
	KindAmendments: indexSet[model.Amendment]{
		{IdxAmendsMeeting, func(a model.Amendment) []entry { return entryOf(idKey(a.MeetingID), idKey(a.ID)) }},
	},
}

// indexedKinds are the kinds of record with indexes, in a fixed order.
var indexedKinds = []Kind{KindActions, KindUpdates, KindHotspots, KindMeetings, KindDecisions, KindNotes, KindAmendments}

// indexBuckets is every index bucket, for creating and checking them.
func indexBuckets() [][]byte {
	var out [][]byte
	for _, k := range indexedKinds {
		for _, ix := range registry[k].indexes() {
			out = append(out, []byte(ix))
		}
	}
	return out
}

// isIndexBucket says whether a bucket is an index (its name starts
// "idx_"): derived from records, so outside the audit chain's record sums.
func isIndexBucket(name []byte) bool { return bytes.HasPrefix(name, []byte("idx_")) }
