package record

import (
	"context"
	"encoding/json"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// SnapshotsBothWays is, for each closed meeting, the snapshot the file
// holds and the one readRecord would freeze from the whole file: a seeded
// record must be frozen as closing it would have.
func SnapshotsBothWays(s *Store, only func(model.Meeting) bool) (stored, read map[model.ID][]byte, err error) {
	stored, read = map[model.ID][]byte{}, map[model.ID][]byte{}
	err = s.view(context.Background(), func(tx *txn) error {
		meetings, err := all[model.Meeting](tx, store.KindMeetings)
		if err != nil {
			return err
		}
		for _, m := range meetings {
			if m.State != model.MeetingClosed || (only != nil && !only(m)) {
				continue
			}
			body, err := snapshotJSON(tx, m.ID)
			if err != nil {
				return err
			}
			stored[m.ID] = body
			rec, err := readRecordWhole(tx, m.ID, m.Date)
			if err != nil {
				return err
			}
			snap := model.Freeze(model.Rewind(rec, m.ClosedAt, model.History{}), m.ClosedAt)
			if read[m.ID], err = json.Marshal(snap); err != nil {
				return err
			}
		}
		return nil
	})
	return stored, read, err
}

// HomeTheLongWay is the home screen made from the whole record, every
// bucket decoded: what Home, through its indexes, must equal.
func HomeTheLongWay(s *Store) (h model.HomeSummary, err error) {
	today := s.Today()
	err = s.view(context.Background(), func(tx *txn) error {
		in := model.HomeInput{Today: today}
		if in.Partnership, err = readPartnership(tx); err != nil {
			return err
		}
		meetings, err := all[model.Meeting](tx, store.KindMeetings)
		if err != nil {
			return err
		}
		in.Held = model.HeldDates(meetings)
		in.Open, in.Next, in.LastClosed = model.CurrentMeetings(meetings)
		if in.Agencies, err = all[model.Agency](tx, store.KindAgencies); err != nil {
			return err
		}
		if in.Hotspots, err = all[model.Hotspot](tx, store.KindHotspots); err != nil {
			return err
		}
		if in.Actions, err = all[model.Action](tx, store.KindActions); err != nil {
			return err
		}
		if in.Updates, err = all[model.ActionUpdate](tx, store.KindUpdates); err != nil {
			return err
		}
		in.Completions = model.CompletionDays(in.Actions, today)
		var open []model.Hotspot
		for _, hs := range in.Hotspots {
			if hs.IsOpen() {
				open = append(open, hs)
			}
		}
		if in.Trends, err = hotspotTrendsWhole(tx, open, today); err != nil {
			return err
		}
		// The emerging hotspots and the open case reviews have one way
		// only: the same as Home's.
		if in.OpenCaseReviews, err = openCaseReviews(tx); err != nil {
			return err
		}
		if in.Suggestions, err = offeredIn(tx, today); err != nil {
			return err
		}
		h = model.Summarise(in)
		return nil
	})
	return h, err
}

// ActionsTheLongWay is every action the filter matches, every action
// decoded: what Actions, through its indexes, must equal.
func ActionsTheLongWay(s *Store, f model.ActionFilter) (out []model.Action, err error) {
	err = s.view(context.Background(), func(tx *txn) error {
		acts, err := all[model.Action](tx, store.KindActions)
		for _, a := range acts {
			if f.Match(a) {
				out = append(out, a)
			}
		}
		return err
	})
	model.SortForReview(out, f.Today)
	return out, err
}

// RecordsBothWays is meeting id's record read through the indexes and read
// whole, in one transaction.
func RecordsBothWays(s *Store, id model.ID) (scoped, whole model.MeetingRecord, err error) {
	today := s.Today()
	err = s.view(context.Background(), func(tx *txn) error {
		if scoped, err = readRecord(tx, id, today); err != nil {
			return err
		}
		whole, err = readRecordWhole(tx, id, today)
		return err
	})
	return scoped, whole, err
}

// HotspotScoped is a hotspot's record read through its indexes, cut at
// meeting meetingID (0: none).
func HotspotScoped(s *Store, meetingID, hotspotID model.ID) (scoped model.MeetingRecord, err error) {
	err = s.view(context.Background(), func(tx *txn) error {
		var m model.Meeting
		if meetingID != 0 {
			if err := get(tx, store.KindMeetings, meetingID, &m); err != nil {
				return err
			}
		}
		_, scoped, err = hotspotRecord(tx, hotspotID, m)
		return err
	})
	return scoped, err
}

// WholeRecordCutAt is every record, whole, with meeting meetingID (0: none)
// as the record's meeting: what a hotspot's history is held to.
func WholeRecordCutAt(s *Store, meetingID model.ID) (whole model.MeetingRecord, err error) {
	err = s.view(context.Background(), func(tx *txn) error {
		if meetingID != 0 {
			if err := get(tx, store.KindMeetings, meetingID, &whole.Meeting); err != nil {
				return err
			}
		}
		return readContext(tx, &whole)
	})
	return whole, err
}

// ForgetHome drops the shared home reading and the actions it decoded, so
// the next Home reads afresh (benchmarks of the read itself).
func (s *Store) ForgetHome() {
	s.homes.mu.Lock()
	s.homes.last, s.homes.decoded = nil, nil
	s.homes.mu.Unlock()
}

// ForgetHomeReading drops the shared home reading but keeps the actions it
// decoded: the next Home reads as it does after a change (benchmarks).
func (s *Store) ForgetHomeReading() {
	s.homes.mu.Lock()
	s.homes.last = nil
	s.homes.mu.Unlock()
}

// HomeDecodedBytes is the stored bytes home's last reading decoded action
// id from (nil: it has none), to see what it took again and what it read.
func (s *Store) HomeDecodedBytes(id model.ID) []byte {
	s.homes.mu.Lock()
	defer s.homes.mu.Unlock()
	if s.homes.decoded == nil {
		return nil
	}
	return s.homes.decoded.actions[id].stored
}

// snapshotJSON is meeting id's frozen record as stored, its JSON.
func snapshotJSON(tx *txn, id model.ID) (body []byte, err error) {
	d, err := tx.tx.Get(tx.ctx, store.KindSnapshots, id)
	if err != nil {
		return nil, err
	}
	err = d.Body(func(b []byte) error {
		body = append([]byte(nil), b...)
		return nil
	})
	return body, err
}
