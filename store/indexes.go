package store

import (
	"bytes"
	"context"
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
type Entry struct{ Key, Value []byte }

// indexDef is one index over records of type T.
type indexDef[T any] struct {
	index   Index
	entries func(T) []Entry
}

// indexSet is the indexes over one bucket of records.
type indexSet[T any] []indexDef[T]

// indexer is an indexSet whatever its record type: what put, del, the
// upgrade and check work with.
type Indexer interface {
	// reindex removes the entries of the record of kind k with id as
	// stored (none: none) and adds those of v (nil: none).
	Reindex(ctx context.Context, tx Tx, k Kind, id model.ID, v any) error
	// expected is, for each index bucket, the entries of the record
	// whose JSON is body.
	Expected(raw []byte) (map[string][]Entry, error)
	// EntriesOf calls fn with each entry of a record already decoded
	// (a *T: what check's decodeAs gives), so check decodes it once.
	EntriesOf(rec any, fn func(Index, Entry))
	Indexes() []Index
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

func (s indexSet[T]) Reindex(ctx context.Context, tx Tx, k Kind, id model.ID, v any) error {
	var o T
	switch err := getDecoded(ctx, tx, k, id, &o); {
	case err == nil:
		for _, def := range s {
			for _, e := range def.entries(o) {
				if err := tx.DeleteKey(ctx, def.index, e.Key); err != nil {
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
			if err := tx.PutKey(ctx, def.index, e.Key, e.Value); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s indexSet[T]) Expected(body []byte) (map[string][]Entry, error) {
	var r T
	if err := DecodeJSON(body, &r); err != nil {
		return nil, err
	}
	out := map[string][]Entry{}
	for _, def := range s {
		out[string(def.index)] = def.entries(r)
	}
	return out, nil
}

// getDecoded is the record of kind k with id decoded into v (as the use
// cases' get reads it).
func getDecoded(ctx context.Context, tx Tx, k Kind, id model.ID, v any) error {
	d, err := tx.Get(ctx, k, id)
	if err != nil {
		return err
	}
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("reading %s #%d: %w", k, id, err)
	}
	return nil
}

func (s indexSet[T]) EntriesOf(rec any, fn func(Index, Entry)) {
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

func (s indexSet[T]) Indexes() []Index {
	var out []Index
	for _, def := range s {
		out = append(out, def.index)
	}
	return out
}

// entryOf is a single entry with an empty value.
func entryOf(parts ...[]byte) []Entry { return []Entry{{Key: Compose(parts...)}} }

func none() []Entry { return nil }

// timeKey orders times: big-endian Unix nanoseconds.
func TimeKey(t time.Time) []byte { return binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano())) }

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
func ClosedDays(v []byte) (int, bool) {
	if len(v) != 3 || v[0] != string(model.StatusDone)[0] {
		return 0, false
	}
	d := int(binary.BigEndian.Uint16(v[1:]))
	return d, d != 0xFFFF
}

// stateKey is the byte an open or planned meeting is indexed under.
func StateKey(s model.MeetingState) []byte { return []byte{string(s)[0]} }

var Registry = map[Kind]Indexer{
	KindActions: indexSet[model.Action]{
		{IdxActionsByAgency, func(a model.Action) []Entry { return entryOf(IDKey(a.AgencyID), DateKey(a.Due), IDKey(a.ID)) }},
		{IdxActionsByHotspot, func(a model.Action) []Entry { return entryOf(IDKey(a.HotspotID), IDKey(a.ID)) }},
		{IdxActionsOpen, func(a model.Action) []Entry {
			if a.Status.IsClosed() {
				return none()
			}
			return entryOf(IDKey(a.AgencyID), DateKey(a.Due), IDKey(a.ID))
		}},
		{IdxActionsClosed, func(a model.Action) []Entry {
			if !a.Status.IsClosed() {
				return none()
			}
			return []Entry{{Key: Compose(IDKey(a.AgencyID), TimeKey(a.FinishedAt()), IDKey(a.ID)), Value: closedValue(a)}}
		}},
	},
	KindUpdates: indexSet[model.ActionUpdate]{
		{IdxUpdatesByAction, func(u model.ActionUpdate) []Entry { return entryOf(IDKey(u.ActionID), IDKey(u.ID)) }},
		{IdxUpdatesByMeeting, func(u model.ActionUpdate) []Entry {
			if u.MeetingID == 0 {
				return none()
			}
			return entryOf(IDKey(u.MeetingID), IDKey(u.ID))
		}},
	},
	KindHotspots: indexSet[model.Hotspot]{
		{IdxHotspotsOpen, func(h model.Hotspot) []Entry {
			if !h.IsOpen() {
				return none()
			}
			return entryOf(IDKey(h.ID))
		}},
	},
	KindMeetings: indexSet[model.Meeting]{
		{IdxMeetingsByDate, func(m model.Meeting) []Entry { return entryOf(DateKey(m.Date), IDKey(m.ID)) }},
		{IdxMeetingsByState, func(m model.Meeting) []Entry {
			if m.State != model.MeetingOpen && m.State != model.MeetingPlanned {
				return none()
			}
			return entryOf(StateKey(m.State), IDKey(m.ID))
		}},
	},
	KindDecisions: indexSet[model.Decision]{
		{IdxDecisionsMeeting, func(d model.Decision) []Entry { return entryOf(IDKey(d.MeetingID), IDKey(d.ID)) }},
		{IdxDecisionsHotspot, func(d model.Decision) []Entry {
			if d.HotspotID == 0 {
				return none()
			}
			return entryOf(IDKey(d.HotspotID), IDKey(d.ID))
		}},
	},
	KindNotes: indexSet[model.Note]{
		{IdxNotesMeeting, func(n model.Note) []Entry { return entryOf(IDKey(n.MeetingID), IDKey(n.ID)) }},
		{IdxNotesHotspot, func(n model.Note) []Entry {
			if n.HotspotID == 0 {
				return none()
			}
			return entryOf(IDKey(n.HotspotID), IDKey(n.ID))
		}},
	},
	KindAmendments: indexSet[model.Amendment]{
		{IdxAmendsMeeting, func(a model.Amendment) []Entry { return entryOf(IDKey(a.MeetingID), IDKey(a.ID)) }},
	},
}

// indexedKinds are the kinds of record with indexes, in a fixed order.
var IndexedKinds = []Kind{KindActions, KindUpdates, KindHotspots, KindMeetings, KindDecisions, KindNotes, KindAmendments}

// indexBuckets is every index bucket, for creating and checking them.
func IndexBuckets() [][]byte {
	var out [][]byte
	for _, k := range IndexedKinds {
		for _, ix := range Registry[k].Indexes() {
			out = append(out, []byte(ix))
		}
	}
	return out
}

// isIndexBucket says whether a bucket is an index (its name starts
// "idx_"): derived from records, so outside the audit chain's record sums.
func IsIndexBucket(name []byte) bool { return bytes.HasPrefix(name, []byte("idx_")) }
