package record

import (
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// datasetSnapshots freezes every closed meeting of a dataset as closing it
// would have: the same model.Freeze of the same record rewound to the
// close, but with the record gathered from the dataset in memory — only the
// actions that could be in it (made by the close and not already finished
// when the meeting before closed, or touched in the meeting) — rather than
// read whole from the file once per meeting, which at a decade's size would
// take hours. A test holds it to the snapshots readRecord gives.
//
// It holds as little beside the dataset as it can: places in the dataset
// (int32s), not copies of its records, and one meeting's record at a time.
// The decade is built under a memory limit with the dataset (about 110 MB)
// live throughout, so every megabyte held here is taken from the
// collector's room, and with too little room it runs all the time.
//
// trends reads the hotspots' series as at a day (hotspotTrends), from the
// incident data seeded already: a meeting's minutes show the months it saw.
func datasetSnapshots(d store.Dataset, trends func([]model.Hotspot, model.Date) (map[model.ID]model.Series, error), each func(model.Snapshot) error) error {
	updates := updatesByAction(d.Actions, d.Updates)
	// The actions each meeting touched, by ID.
	touched := map[model.ID][]model.ID{}
	for i := range d.Updates {
		if u := &d.Updates[i]; u.MeetingID != 0 {
			touched[u.MeetingID] = append(touched[u.MeetingID], u.ActionID)
		}
	}
	for m, ids := range touched {
		touched[m] = sortedIDs(ids)
	}
	// finished is when each closed action last closed (by its place in
	// d.Actions): before then it may have been open.
	finished := make([]time.Time, len(d.Actions))
	for ai := range d.Actions {
		a := &d.Actions[ai]
		if !a.Status.IsClosed() {
			continue
		}
		for _, i := range updates.of(ai) {
			if u := &d.Updates[i]; u.Kind == model.UpdateStatus && u.ToStatus.IsClosed() && u.At.After(finished[ai]) {
				finished[ai] = u.At
			}
		}
		if finished[ai].IsZero() {
			finished[ai] = a.UpdatedAt
		}
	}
	decisions, notes := map[model.ID][]int32{}, map[model.ID][]int32{}
	for i := range d.Decisions {
		decisions[d.Decisions[i].MeetingID] = append(decisions[d.Decisions[i].MeetingID], int32(i))
	}
	for i := range d.Notes {
		notes[d.Notes[i].MeetingID] = append(notes[d.Notes[i].MeetingID], int32(i))
	}
	meetings := slices.Clone(d.Meetings)
	model.SortMeetings(meetings)
	byID := make(map[model.ID]int, len(meetings))
	for i := range meetings {
		byID[meetings[i].ID] = i
	}
	for mi := range meetings {
		m := &meetings[mi]
		if m.State != model.MeetingClosed {
			continue
		}
		rec := model.MeetingRecord{Partnership: d.Partnership, Meeting: *m, Agencies: d.Agencies, Members: d.Members,
			Decisions: gather(d.Decisions, decisions[m.ID]), Notes: gather(d.Notes, notes[m.ID]), Today: m.Date}
		rec.Partnership.ApplyDefaults()
		var prevClose time.Time
		if pi, ok := byID[m.PreviousMeetingID]; ok && m.PreviousMeetingID != 0 {
			prev := meetings[pi]
			rec.Previous = &prev
			prevClose = prev.ClosedAt
		}
		hotspots := map[model.ID]bool{}
		for _, it := range m.Agenda {
			if it.Kind == model.ItemHotspot {
				hotspots[it.HotspotID] = true
			}
		}
		for ai := range d.Actions {
			a := &d.Actions[ai]
			if a.CreatedAt.After(m.ClosedAt) {
				continue
			}
			if a.Status.IsClosed() && !prevClose.IsZero() && !finished[ai].After(prevClose) {
				if _, inMeeting := slices.BinarySearch(touched[m.ID], a.ID); !inMeeting {
					continue // finished before the meeting before this one closed
				}
			}
			rec.Actions = append(rec.Actions, *a)
			for _, i := range updates.of(ai) {
				rec.Updates = append(rec.Updates, d.Updates[i])
			}
			hotspots[a.HotspotID] = true
		}
		slices.SortStableFunc(rec.Updates, func(x, y model.ActionUpdate) int { return int(x.ID - y.ID) })
		for hi := range d.Hotspots {
			if h := &d.Hotspots[hi]; hotspots[h.ID] || h.ReferredInMeeting == m.ID {
				rec.Hotspots = append(rec.Hotspots, *h)
			}
		}
		// Its case reviews (Rewind takes them back to how they stood that
		// day; Freeze keeps them when its agenda has their item).
		for _, c := range d.CaseReviews {
			if c.OnRecordOf(m.Date) {
				rec.CaseReviews = append(rec.CaseReviews, c)
			}
		}
		model.SortCaseReviews(rec.CaseReviews)
		// Its powers, as a meeting's record reads them (powersOfDay).
		f := model.PowerFilter{CurrentAt: time.Date(m.Date.Year(), m.Date.Month(), m.Date.Day(), 0, 0, 0, 0, time.Local)}
		for _, p := range d.Powers {
			if f.Keep(p) {
				rec.Powers = append(rec.Powers, p)
			}
		}
		model.SortPowers(rec.Powers)
		rec.FirstMinute = model.FirstMinute(*m, meetings)
		var err error
		if rec.Trends, err = trends(rec.Hotspots, m.Date); err != nil {
			return err
		}
		if err := each(model.Freeze(model.Rewind(rec, m.ClosedAt, model.History{}), m.ClosedAt)); err != nil {
			return err
		}
	}
	return nil
}

// gather copies the records at places in all (nil for none).
func gather[T any](all []T, at []int32) []T {
	if len(at) == 0 {
		return nil
	}
	out := make([]T, len(at))
	for k, i := range at {
		out[k] = all[i]
	}
	return out
}

// actionUpdates is where each action's updates are in a dataset's updates,
// by the action's place in its actions: for action i, pos[start[i]:
// start[i+1]], in the order the updates are listed. Two flat arrays of
// int32 (about 1.2 MB for a decade) rather than a map of slices (4.7 MB).
type actionUpdates struct {
	start []int32
	pos   []int32
}

// of is where action ai's updates are (a part of pos: it may be sorted in
// place).
func (x actionUpdates) of(ai int) []int32 { return x.pos[x.start[ai]:x.start[ai+1]] }

// updatesByAction places us by the action each is on (updates on no
// action in as are left out).
func updatesByAction(as []model.Action, us []model.ActionUpdate) actionUpdates {
	index := make(map[model.ID]int32, len(as))
	for i := range as {
		index[as[i].ID] = int32(i)
	}
	x := actionUpdates{start: make([]int32, len(as)+1)}
	owner := make([]int32, len(us)) // each update's action, -1 for none
	for i := range us {
		ai, ok := index[us[i].ActionID]
		if !ok {
			owner[i] = -1
			continue
		}
		owner[i] = ai
		x.start[ai+1]++
	}
	for i := range as {
		x.start[i+1] += x.start[i]
	}
	x.pos = make([]int32, x.start[len(as)])
	next := slices.Clone(x.start[:len(as)])
	for i, ai := range owner {
		if ai >= 0 {
			x.pos[next[ai]] = int32(i)
			next[ai]++
		}
	}
	return x
}
