package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

// Secondary indexes: buckets of keys derived from records, so a screen
// reads the records it shows and no others. Every index is declared here
// once, with the function that gives a record's entries; put and del keep
// them in step with the records in the same transaction (the old entries
// go, the new ones come), the schema-3 upgrade builds them, and `tasking
// check` recomputes them to find any that drifted.
var (
	bIdxActionsByAgency  = []byte("idx_actions_agency_due") // agency | due | action: every action
	bIdxActionsByHotspot = []byte("idx_actions_hotspot")    // hotspot | action
	bIdxActionsOpen      = []byte("idx_actions_open")       // agency | due | action: not done or cancelled
	bIdxActionsClosed    = []byte("idx_actions_closed")     // agency | finished at | action → status, days to complete
	bIdxUpdatesByAction  = []byte("idx_updates_action")     // action | update
	bIdxUpdatesByMeeting = []byte("idx_updates_meeting")    // meeting | update: made in a meeting
	bIdxHotspotsOpen     = []byte("idx_hotspots_open")      // hotspot: not closed
	bIdxMeetingsByDate   = []byte("idx_meetings_date")      // date | meeting
	bIdxMeetingsByState  = []byte("idx_meetings_state")     // state | meeting: open and planned only
	bIdxDecisionsMeeting = []byte("idx_decisions_meeting")  // meeting | decision
	bIdxDecisionsHotspot = []byte("idx_decisions_hotspot")  // hotspot | decision
	bIdxNotesMeeting     = []byte("idx_notes_meeting")      // meeting | note
	bIdxNotesHotspot     = []byte("idx_notes_hotspot")      // hotspot | note
	bIdxAmendsMeeting    = []byte("idx_amends_meeting")     // meeting | amendment
)

// entry is one index key (and its value, usually empty).
type entry struct{ key, value []byte }

// indexDef is one index over records of type T.
type indexDef[T any] struct {
	bucket  []byte
	entries func(T) []entry
}

// indexSet is the indexes over one bucket of records.
type indexSet[T any] []indexDef[T]

// indexer is an indexSet whatever its record type: what put, del, the
// upgrade and check work with.
type indexer interface {
	// reindex removes the entries of the record stored as old (nil: none)
	// and adds those of v (nil: none).
	reindex(tx *bolt.Tx, old []byte, v any) error
	// expected is, for each index bucket, the entries of the record
	// stored as raw.
	expected(raw []byte) (map[string][]entry, error)
	buckets() [][]byte
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

func (s indexSet[T]) reindex(tx *bolt.Tx, old []byte, v any) error {
	if old != nil {
		var o T
		if err := decode(old, &o); err != nil {
			return err
		}
		for _, def := range s {
			b := tx.Bucket(def.bucket)
			for _, e := range def.entries(o) {
				if err := b.Delete(e.key); err != nil {
					return err
				}
			}
		}
	}
	if v == nil {
		return nil
	}
	n, ok := s.record(v)
	if !ok {
		return fmt.Errorf("internal error: indexing a %T", v)
	}
	for _, def := range s {
		b := tx.Bucket(def.bucket)
		for _, e := range def.entries(n) {
			if err := b.Put(e.key, e.value); err != nil {
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
		out[string(def.bucket)] = def.entries(r)
	}
	return out, nil
}

func (s indexSet[T]) buckets() [][]byte {
	var out [][]byte
	for _, def := range s {
		out = append(out, def.bucket)
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

var registry = map[string]indexer{
	string(bActions): indexSet[model.Action]{
		{bIdxActionsByAgency, func(a model.Action) []entry { return entryOf(idKey(a.AgencyID), dateKey(a.Due), idKey(a.ID)) }},
		{bIdxActionsByHotspot, func(a model.Action) []entry { return entryOf(idKey(a.HotspotID), idKey(a.ID)) }},
		{bIdxActionsOpen, func(a model.Action) []entry {
			if a.Status.IsClosed() {
				return none()
			}
			return entryOf(idKey(a.AgencyID), dateKey(a.Due), idKey(a.ID))
		}},
		{bIdxActionsClosed, func(a model.Action) []entry {
			if !a.Status.IsClosed() {
				return none()
			}
			return []entry{{key: compose(idKey(a.AgencyID), timeKey(a.FinishedAt()), idKey(a.ID)), value: closedValue(a)}}
		}},
	},
	string(bUpdates): indexSet[model.ActionUpdate]{
		{bIdxUpdatesByAction, func(u model.ActionUpdate) []entry { return entryOf(idKey(u.ActionID), idKey(u.ID)) }},
		{bIdxUpdatesByMeeting, func(u model.ActionUpdate) []entry {
			if u.MeetingID == 0 {
				return none()
			}
			return entryOf(idKey(u.MeetingID), idKey(u.ID))
		}},
	},
	string(bHotspots): indexSet[model.Hotspot]{
		{bIdxHotspotsOpen, func(h model.Hotspot) []entry {
			if !h.IsOpen() {
				return none()
			}
			return entryOf(idKey(h.ID))
		}},
	},
	string(bMeetings): indexSet[model.Meeting]{
		{bIdxMeetingsByDate, func(m model.Meeting) []entry { return entryOf(dateKey(m.Date), idKey(m.ID)) }},
		{bIdxMeetingsByState, func(m model.Meeting) []entry {
			if m.State != model.MeetingOpen && m.State != model.MeetingPlanned {
				return none()
			}
			return entryOf(stateKey(m.State), idKey(m.ID))
		}},
	},
	string(bDecisions): indexSet[model.Decision]{
		{bIdxDecisionsMeeting, func(d model.Decision) []entry { return entryOf(idKey(d.MeetingID), idKey(d.ID)) }},
		{bIdxDecisionsHotspot, func(d model.Decision) []entry {
			if d.HotspotID == 0 {
				return none()
			}
			return entryOf(idKey(d.HotspotID), idKey(d.ID))
		}},
	},
	string(bNotes): indexSet[model.Note]{
		{bIdxNotesMeeting, func(n model.Note) []entry { return entryOf(idKey(n.MeetingID), idKey(n.ID)) }},
		{bIdxNotesHotspot, func(n model.Note) []entry {
			if n.HotspotID == 0 {
				return none()
			}
			return entryOf(idKey(n.HotspotID), idKey(n.ID))
		}},
	},
	string(bAmends): indexSet[model.Amendment]{
		{bIdxAmendsMeeting, func(a model.Amendment) []entry { return entryOf(idKey(a.MeetingID), idKey(a.ID)) }},
	},
}

// indexBuckets is every index bucket, for creating and checking them.
func indexBuckets() [][]byte {
	var out [][]byte
	for _, b := range [][]byte{bActions, bUpdates, bHotspots, bMeetings, bDecisions, bNotes, bAmends} {
		out = append(out, registry[string(b)].buckets()...)
	}
	return out
}

// isIndexBucket says whether a bucket is an index (its name starts
// "idx_"): derived from records, so outside the audit chain's record sums.
func isIndexBucket(name []byte) bool { return bytes.HasPrefix(name, []byte("idx_")) }

// del removes a record and its index entries.
func del(tx *bolt.Tx, bucket []byte, id model.ID) error {
	b := tx.Bucket(bucket)
	if ix, ok := registry[string(bucket)]; ok {
		if old := b.Get(idKey(id)); old != nil {
			if err := ix.reindex(tx, old, nil); err != nil {
				return err
			}
		}
	}
	if l := logOf(tx); l != nil {
		l.wrote(bucket, idKey(id), nil)
	}
	return b.Delete(idKey(id))
}

// rebuildIndexes empties every index bucket and fills it again from the
// records (the schema-3 upgrade).
func rebuildIndexes(tx *bolt.Tx) error { return rebuildIndexesWatched(tx, nil) }

// rebuildIndexesWatched is rebuildIndexes calling tick, if not nil, before
// each record is indexed: an error from it stops the rebuild (the
// transaction is then rolled back).
func rebuildIndexesWatched(tx *bolt.Tx, tick func() error) error {
	for _, name := range indexBuckets() {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	for bucket, ix := range registry {
		err := tx.Bucket([]byte(bucket)).ForEach(func(k, v []byte) error {
			if tick != nil {
				if err := tick(); err != nil {
					return err
				}
			}
			want, err := ix.expected(v)
			if err != nil {
				return fmt.Errorf("reading %s #%d: %w", bucket, keyID(k), err)
			}
			for name, es := range want {
				for _, e := range es {
					if err := tx.Bucket([]byte(name)).Put(e.key, e.value); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
