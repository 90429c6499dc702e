package record

import (
	"encoding/binary"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Reads through the indexes: each helper decodes only the records it
// returns, found by a prefix or range of index keys.

// sortedIDs sorts and removes repeats.
func sortedIDs(ids []model.ID) []model.ID {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// currentMeetings: the meeting under way, the earliest planned one and the
// latest closed one (model.CurrentMeetings), read from the state index and
// the end of the date index.
// heldDates are the dates of the meetings held (closed), from the date
// index and the state index (which holds only open and planned meetings):
// what the review cadence counts (model.Hotspot.DueForReview).
func heldDates(tx *txn) []model.Date {
	notHeld := map[model.ID]bool{}
	for _, id := range idsUnder(tx, store.IdxMeetingsByState, nil) {
		notHeld[id] = true
	}
	held := []model.Date{}
	tx.failed(tx.scan(store.IdxMeetingsByDate, nil, nil, store.Forward, func(k, _ []byte) error {
		if len(k) != 12 || notHeld[store.KeyID(k)] {
			return nil
		}
		n := int(binary.BigEndian.Uint32(k[:4]))
		held = append(held, model.NewDate(n/10000, time.Month(n/100%100), n%100))
		return nil
	}))
	return held
}

func currentMeetings(tx *txn) (open, next, lastClosed *model.Meeting, err error) {
	for _, st := range []model.MeetingState{model.MeetingOpen, model.MeetingPlanned} {
		ms, err := records[model.Meeting](tx, store.KindMeetings, idsUnder(tx, store.IdxMeetingsByState, store.StateKey(st)))
		if err != nil {
			return nil, nil, nil, err
		}
		o, n, _ := model.CurrentMeetings(ms)
		if o != nil {
			open = o
		}
		if n != nil {
			next = n
		}
	}
	// The closed meetings of the latest day one closed on: the last closed
	// is among them.
	var closed []model.Meeting
	err = tx.scan(store.IdxMeetingsByDate, nil, nil, store.Backward, func(k, _ []byte) error {
		var m model.Meeting
		if err := get(tx, store.KindMeetings, store.KeyID(k), &m); err != nil {
			return err
		}
		if len(closed) > 0 && m.Date != closed[0].Date {
			return errStop
		}
		if m.State == model.MeetingClosed {
			closed = append(closed, m)
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	_, _, lastClosed = model.CurrentMeetings(closed)
	return open, next, lastClosed, nil
}

// openHotspots are the hotspots not closed.
func openHotspots(tx *txn) ([]model.Hotspot, error) {
	return records[model.Hotspot](tx, store.KindHotspots, openHotspotIDs(tx))
}

// openHotspotIDs are openHotspots' IDs.
func openHotspotIDs(tx *txn) []model.ID { return idsUnder(tx, store.IdxHotspotsOpen, nil) }

// openActionIDs are the actions not done or cancelled, of one agency (0:
// all), in order of ID.
func openActionIDs(tx *txn, agency model.ID) []model.ID {
	var prefix []byte
	if agency != 0 {
		prefix = store.IDKey(agency)
	}
	return sortedIDs(idsUnder(tx, store.IdxActionsOpen, prefix))
}

// finishedIDs are the actions done or cancelled after since, of the given
// agencies, in order of ID.
func finishedIDs(tx *txn, agencies []model.ID, since time.Time) []model.ID {
	return sortedIDs(closedIDs(tx, agencies, since.Add(time.Nanosecond)))
}

// closedIDs are the actions of the agencies done or cancelled at or after
// from (zero: ever).
func closedIDs(tx *txn, agencies []model.ID, from time.Time) []model.ID {
	var ids []model.ID
	tx.failed(tx.scanRanges(store.IdxActionsClosed, closedRanges(agencies, from, false), func(_ int, k, _ []byte) error {
		ids = append(ids, store.KeyID(k))
		return nil
	}))
	return ids
}

// closedRanges are the runs of the closed-actions index for each agency,
// from the time from (all of each run where from is zero, unless always).
func closedRanges(agencies []model.ID, from time.Time, always bool) []store.Range {
	rs := make([]store.Range, len(agencies))
	for i, ag := range agencies {
		rs[i].Prefix = store.IDKey(ag)
		if always || !from.IsZero() {
			rs[i].From = store.Compose(rs[i].Prefix, store.TimeKey(from))
		}
	}
	return rs
}

// completionDays is model.CompletionDays read from the closed-actions index
// alone: the days each action done since from took, per agency.
func completionDays(tx *txn, agencies []model.ID, from time.Time) map[model.ID][]int {
	out := map[model.ID][]int{}
	tx.failed(tx.scanRanges(store.IdxActionsClosed, closedRanges(agencies, from, true), func(i int, _, v []byte) error {
		if d, ok := store.ClosedDays(v); ok {
			out[agencies[i]] = append(out[agencies[i]], d)
		}
		return nil
	}))
	return out
}

// updatesInMeeting are the action updates made in a meeting.
func updatesInMeeting(tx *txn, meetingID model.ID) ([]model.ActionUpdate, error) {
	if meetingID == 0 {
		return nil, nil
	}
	return records[model.ActionUpdate](tx, store.KindUpdates, idsUnder(tx, store.IdxUpdatesByMeeting, store.IDKey(meetingID)))
}

// updatesOf are every update to the given actions, in ID order.
func updatesOf(tx *txn, actions []model.ID) ([]model.ActionUpdate, error) {
	var ids []model.ID
	for _, a := range actions {
		ids = append(ids, idsUnder(tx, store.IdxUpdatesByAction, store.IDKey(a))...)
	}
	return records[model.ActionUpdate](tx, store.KindUpdates, sortedIDs(ids))
}

func agencyIDs(agencies []model.Agency) []model.ID {
	out := make([]model.ID, len(agencies))
	for i, a := range agencies {
		out[i] = a.ID
	}
	return out
}
