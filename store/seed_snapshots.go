package store

import (
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
)

// datasetSnapshots freezes every closed meeting of a dataset as closing it
// would have: the same model.Freeze of the same record rewound to the
// close, but with the record gathered from the dataset in memory — only the
// actions that could be in it (made by the close and not already finished
// when the meeting before closed, or touched in the meeting) — rather than
// read whole from the file once per meeting, which at a decade's size would
// take hours. A test holds it to the snapshots readRecord gives.
//
// trends reads the hotspots' series as at a day (hotspotTrends), from the
// incident data seeded already: a meeting's minutes show the months it saw.
func datasetSnapshots(d Dataset, trends func([]model.Hotspot, model.Date) (map[model.ID]model.Series, error), each func(model.Snapshot) error) error {
	// Each action's updates and the actions each meeting touched, as
	// places in the dataset rather than copies: a decade's updates are
	// 60 MB, and Seed already holds them once.
	updates := updatesByAction(d.Updates)
	touched := map[model.ID][]model.ID{}
	for _, u := range d.Updates {
		if u.MeetingID != 0 {
			touched[u.MeetingID] = append(touched[u.MeetingID], u.ActionID)
		}
	}
	for m, ids := range touched {
		touched[m] = sortedIDs(ids)
	}
	// finished is when each action last closed, if it is closed now: before
	// then it may have been open.
	finished := make(map[model.ID]time.Time, len(d.Actions))
	for _, a := range d.Actions {
		if !a.Status.IsClosed() {
			continue
		}
		for _, i := range updates[a.ID] {
			if u := &d.Updates[i]; u.Kind == model.UpdateStatus && u.ToStatus.IsClosed() && u.At.After(finished[a.ID]) {
				finished[a.ID] = u.At
			}
		}
		if finished[a.ID].IsZero() {
			finished[a.ID] = a.UpdatedAt
		}
	}
	decisions, notes := map[model.ID][]model.Decision{}, map[model.ID][]model.Note{}
	for _, x := range d.Decisions {
		decisions[x.MeetingID] = append(decisions[x.MeetingID], x)
	}
	for _, n := range d.Notes {
		notes[n.MeetingID] = append(notes[n.MeetingID], n)
	}
	meetings := slices.Clone(d.Meetings)
	model.SortMeetings(meetings)
	byID := map[model.ID]model.Meeting{}
	for _, m := range meetings {
		byID[m.ID] = m
	}
	for _, m := range meetings {
		if m.State != model.MeetingClosed {
			continue
		}
		rec := model.MeetingRecord{Partnership: d.Partnership, Meeting: m, Agencies: d.Agencies, Members: d.Members,
			Decisions: decisions[m.ID], Notes: notes[m.ID], Today: m.Date}
		rec.Partnership.ApplyDefaults()
		var prevClose time.Time
		if prev, ok := byID[m.PreviousMeetingID]; ok && m.PreviousMeetingID != 0 {
			rec.Previous = &prev
			prevClose = prev.ClosedAt
		}
		hotspots := map[model.ID]bool{}
		for _, it := range m.Agenda {
			if it.Kind == model.ItemHotspot {
				hotspots[it.HotspotID] = true
			}
		}
		for _, a := range d.Actions {
			if a.CreatedAt.After(m.ClosedAt) {
				continue
			}
			if f, closed := finished[a.ID]; closed && !prevClose.IsZero() && !f.After(prevClose) {
				if _, inMeeting := slices.BinarySearch(touched[m.ID], a.ID); !inMeeting {
					continue // finished before the meeting before this one closed
				}
			}
			rec.Actions = append(rec.Actions, a)
			for _, i := range updates[a.ID] {
				rec.Updates = append(rec.Updates, d.Updates[i])
			}
			hotspots[a.HotspotID] = true
		}
		slices.SortStableFunc(rec.Updates, func(x, y model.ActionUpdate) int { return int(x.ID - y.ID) })
		for _, h := range d.Hotspots {
			if hotspots[h.ID] || h.ReferredInMeeting == m.ID {
				rec.Hotspots = append(rec.Hotspots, h)
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
		rec.FirstMinute = model.FirstMinute(m, meetings)
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

// updatesByAction is, for each action, where its updates are in us, in the
// order us has them.
func updatesByAction(us []model.ActionUpdate) map[model.ID][]int32 {
	out := map[model.ID][]int32{}
	for i, u := range us {
		out[u.ActionID] = append(out[u.ActionID], int32(i))
	}
	return out
}
