package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

// Reads through the indexes: each helper decodes only the records it
// returns, found by a prefix or range of index keys.

// idsUnder is the record IDs of the index entries under prefix (the last 8
// bytes of each key), in key order.
func idsUnder(tx *bolt.Tx, index, prefix []byte) []model.ID {
	var out []model.ID
	c := tx.Bucket(index).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, keyID(k))
	}
	return out
}

// records decodes the records with ids from bucket, in the order given.
func records[T any](tx *bolt.Tx, bucket []byte, ids []model.ID) ([]T, error) {
	b := tx.Bucket(bucket)
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		v := b.Get(idKey(id))
		if v == nil {
			return nil, fmt.Errorf("%s #%d is indexed but missing: run `tasking check`", bucket, id)
		}
		var t T
		if err := decode(v, &t); err != nil {
			return nil, fmt.Errorf("reading %s #%d: %w", bucket, id, err)
		}
		out = append(out, t)
	}
	return out, nil
}

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
func heldDates(tx *bolt.Tx) []model.Date {
	notHeld := map[model.ID]bool{}
	for _, id := range idsUnder(tx, bIdxMeetingsByState, nil) {
		notHeld[id] = true
	}
	held := []model.Date{}
	c := tx.Bucket(bIdxMeetingsByDate).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) != 12 || notHeld[keyID(k)] {
			continue
		}
		n := int(binary.BigEndian.Uint32(k[:4]))
		held = append(held, model.NewDate(n/10000, time.Month(n/100%100), n%100))
	}
	return held
}

func currentMeetings(tx *bolt.Tx) (open, next, lastClosed *model.Meeting, err error) {
	for _, st := range []model.MeetingState{model.MeetingOpen, model.MeetingPlanned} {
		ms, err := records[model.Meeting](tx, bMeetings, idsUnder(tx, bIdxMeetingsByState, stateKey(st)))
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
	c := tx.Bucket(bIdxMeetingsByDate).Cursor()
	for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
		var m model.Meeting
		if err := get(tx, bMeetings, keyID(k), &m); err != nil {
			return nil, nil, nil, err
		}
		if len(closed) > 0 && m.Date != closed[0].Date {
			break
		}
		if m.State == model.MeetingClosed {
			closed = append(closed, m)
		}
	}
	_, _, lastClosed = model.CurrentMeetings(closed)
	return open, next, lastClosed, nil
}

// openHotspots are the hotspots not closed.
func openHotspots(tx *bolt.Tx) ([]model.Hotspot, error) {
	return records[model.Hotspot](tx, bHotspots, openHotspotIDs(tx))
}

// openHotspotIDs are openHotspots' IDs.
func openHotspotIDs(tx *bolt.Tx) []model.ID { return idsUnder(tx, bIdxHotspotsOpen, nil) }

// openActionIDs are the actions not done or cancelled, of one agency (0:
// all), in order of ID.
func openActionIDs(tx *bolt.Tx, agency model.ID) []model.ID {
	var prefix []byte
	if agency != 0 {
		prefix = idKey(agency)
	}
	return sortedIDs(idsUnder(tx, bIdxActionsOpen, prefix))
}

// finishedIDs are the actions done or cancelled after since, of the given
// agencies, in order of ID.
func finishedIDs(tx *bolt.Tx, agencies []model.ID, since time.Time) []model.ID {
	return sortedIDs(closedIDs(tx, agencies, since.Add(time.Nanosecond)))
}

// closedIDs are the actions of the agencies done or cancelled at or after
// from (zero: ever).
func closedIDs(tx *bolt.Tx, agencies []model.ID, from time.Time) []model.ID {
	var ids []model.ID
	c := tx.Bucket(bIdxActionsClosed).Cursor()
	for _, ag := range agencies {
		prefix := idKey(ag)
		start := prefix
		if !from.IsZero() {
			start = compose(prefix, timeKey(from))
		}
		for k, _ := c.Seek(start); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			ids = append(ids, keyID(k))
		}
	}
	return ids
}

// completionDays is model.CompletionDays read from the closed-actions index
// alone: the days each action done since from took, per agency.
func completionDays(tx *bolt.Tx, agencies []model.ID, from time.Time) map[model.ID][]int {
	out := map[model.ID][]int{}
	c := tx.Bucket(bIdxActionsClosed).Cursor()
	for _, ag := range agencies {
		prefix := idKey(ag)
		for k, v := c.Seek(compose(prefix, timeKey(from))); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if d, ok := closedDays(v); ok {
				out[ag] = append(out[ag], d)
			}
		}
	}
	return out
}

// updatesInMeeting are the action updates made in a meeting.
func updatesInMeeting(tx *bolt.Tx, meetingID model.ID) ([]model.ActionUpdate, error) {
	if meetingID == 0 {
		return nil, nil
	}
	return records[model.ActionUpdate](tx, bUpdates, idsUnder(tx, bIdxUpdatesByMeeting, idKey(meetingID)))
}

// updatesOf are every update to the given actions, in ID order.
func updatesOf(tx *bolt.Tx, actions []model.ID) ([]model.ActionUpdate, error) {
	var ids []model.ID
	for _, a := range actions {
		ids = append(ids, idsUnder(tx, bIdxUpdatesByAction, idKey(a))...)
	}
	return records[model.ActionUpdate](tx, bUpdates, sortedIDs(ids))
}

func agencyIDs(agencies []model.Agency) []model.ID {
	out := make([]model.ID, len(agencies))
	for i, a := range agencies {
		out[i] = a.ID
	}
	return out
}
