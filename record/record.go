package record

import (
	"bytes"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// readRecord reads meeting id and what its screen, its draft minutes and
// its freezing at close use, as at today, through the indexes:
//   - the meeting, the one before it, the partnership, every agency and
//     member, and the meetings of its municipal year (minute numbers);
//   - the actions open now, those finished since the meeting before closed,
//     those this meeting touched or the one before assigned, with the
//     updates made in this meeting;
//   - the open hotspots, those on its agenda and those its actions are on;
//   - this meeting's and the one before's decisions and notes, and its
//     corrections.
//
// A hotspot's earlier history is not in it: that is read with the hotspot
// (HotspotHistory), when it is shown. readRecordWhole, which reads every
// bucket, is what tests hold this to.
func readRecord(tx *txn, id model.ID, today model.Date) (rec model.MeetingRecord, err error) {
	if err := get(tx, store.KindMeetings, id, &rec.Meeting); err != nil {
		return rec, notFound(err, model.MeetingRef(id))
	}
	m := &rec.Meeting
	if rec.Partnership, err = readPartnership(tx); err != nil {
		return rec, err
	}
	if m.PreviousMeetingID != 0 {
		var prev model.Meeting
		if get(tx, store.KindMeetings, m.PreviousMeetingID, &prev) == nil {
			rec.Previous = &prev
		}
	}
	if rec.Agencies, err = all[model.Agency](tx, store.KindAgencies); err != nil {
		return rec, err
	}
	if rec.Members, err = all[model.Member](tx, store.KindMembers); err != nil {
		return rec, err
	}
	open, err := openHotspots(tx)
	if err != nil {
		return rec, err
	}
	if m.State != model.MeetingClosed {
		rec.Held = heldDates(tx) // what the cadence left off its agenda (OffAgenda)
	}
	if !m.Started() {
		// Not started: its draft shows the agenda it would open with and
		// the meeting before it, as starting it would set them.
		_, _, last, err := currentMeetings(tx)
		if err != nil {
			return rec, err
		}
		if last != nil {
			rec.Previous = last
		}
		reviews, err := openCaseReviews(tx)
		if err != nil {
			return rec, err
		}
		m.Agenda = model.OpeningAgenda(last, open, rec.Held, reviews)
	}
	year, err := meetingsOfYear(tx, m.Date)
	if err != nil {
		return rec, err
	}
	rec.FirstMinute = model.FirstMinute(*m, year)

	// The actions, and the updates made in this meeting.
	ags := agencyIDs(rec.Agencies)
	ids := idsUnder(tx, store.IdxActionsOpen, nil)
	var prevClose time.Time
	if rec.Previous != nil {
		prevClose = rec.Previous.ClosedAt
		ids = append(ids, closedIDs(tx, ags, prevClose.Add(time.Nanosecond))...)
	} else {
		ids = append(ids, closedIDs(tx, ags, time.Time{})...)
	}
	if rec.Updates, err = updatesInMeeting(tx, m.ID); err != nil {
		return rec, err
	}
	for _, u := range rec.Updates {
		ids = append(ids, u.ActionID)
	}
	if rec.Previous != nil {
		prev, err := updatesInMeeting(tx, rec.Previous.ID) // in one read where the engine can (Fetcher)
		if err != nil {
			return rec, err
		}
		for _, u := range prev {
			if u.Kind == model.UpdateCreated {
				ids = append(ids, u.ActionID)
			}
		}
	}
	if rec.Actions, err = records[model.Action](tx, store.KindActions, sortedIDs(ids)); err != nil {
		return rec, err
	}

	// The hotspots: open, on the agenda, or named by an action.
	hids := make([]model.ID, 0, len(open)+len(m.Agenda))
	for _, h := range open {
		hids = append(hids, h.ID)
	}
	for _, it := range m.Agenda {
		if it.Kind == model.ItemHotspot {
			hids = append(hids, it.HotspotID)
		}
	}
	for _, a := range rec.Actions {
		if a.HotspotID != 0 {
			hids = append(hids, a.HotspotID)
		}
	}
	if rec.Hotspots, err = records[model.Hotspot](tx, store.KindHotspots, sortedIDs(hids)); err != nil {
		return rec, err
	}

	// This meeting's decisions and notes, and the one before's.
	meetings := []model.ID{m.ID}
	if rec.Previous != nil {
		meetings = append(meetings, rec.Previous.ID)
	}
	var dids, nids []model.ID
	for _, mid := range meetings {
		dids = append(dids, idsUnder(tx, store.IdxDecisionsMeeting, store.IDKey(mid))...)
		nids = append(nids, idsUnder(tx, store.IdxNotesMeeting, store.IDKey(mid))...)
	}
	if rec.Decisions, err = records[model.Decision](tx, store.KindDecisions, sortedIDs(dids)); err != nil {
		return rec, err
	}
	if rec.Notes, err = records[model.Note](tx, store.KindNotes, sortedIDs(nids)); err != nil {
		return rec, err
	}
	c, err := corrections(tx, id)
	if err != nil {
		return rec, err
	}
	rec.Amendments, rec.Approval, rec.ApprovalMeeting = c.Amendments, c.Approval, c.ApprovalMeeting
	if rec.Powers, err = powersOfDay(tx, today); err != nil {
		return rec, err
	}
	if rec.CaseReviews, err = caseReviewsOfDay(tx, cmpDate(m.Date, today)); err != nil {
		return rec, err
	}
	if m.State == model.MeetingOpen {
		if rec.Suggestions, err = offeredIn(tx, today); err != nil {
			return rec, err
		}
	}
	rec.Completions = completionDays(tx, ags, model.CompletionsFrom(today))
	rec.Today = today
	// The hotspots' counts: frozen with the record when the meeting closes.
	rec.Trends, err = hotspotTrends(tx, rec.Hotspots, today)
	return rec, err
}

// meetingsOfYear are the meetings of the municipal year of day, up to it
// (what minute numbering counts).
func meetingsOfYear(tx *txn, day model.Date) ([]model.Meeting, error) {
	start := model.MunicipalYearStart(day)
	var ids []model.ID
	end := store.DateKey(day)
	err := tx.scan(store.IdxMeetingsByDate, nil, store.DateKey(start), store.Forward, func(k, _ []byte) error {
		if bytes.Compare(k[:4], end) > 0 {
			return errStop
		}
		ids = append(ids, store.KeyID(k))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return records[model.Meeting](tx, store.KindMeetings, ids)
}

// corrections are the changes a meeting's record takes after it closes: its
// amendments, and the later meeting's decision approving its minutes (the
// meeting that names it as the one before, on or after its date).
func corrections(tx *txn, id model.ID) (c model.Corrections, err error) {
	if c.Amendments, err = records[model.Amendment](tx, store.KindAmendments, idsUnder(tx, store.IdxAmendsMeeting, store.IDKey(id))); err != nil {
		return c, err
	}
	var m model.Meeting
	if err := get(tx, store.KindMeetings, id, &m); err != nil {
		return c, nil
	}
	err = tx.scan(store.IdxMeetingsByDate, nil, store.DateKey(m.Date), store.Forward, func(k, _ []byte) error {
		if store.KeyID(k) == id {
			return nil
		}
		var later model.Meeting
		if err := get(tx, store.KindMeetings, store.KeyID(k), &later); err != nil {
			return err
		}
		if later.PreviousMeetingID != id {
			return nil
		}
		if later.MinutesApprovedByDecID != 0 {
			var d model.Decision
			if get(tx, store.KindDecisions, later.MinutesApprovedByDecID, &d) == nil {
				c.Approval, c.ApprovalMeeting = &d, &later
			}
		}
		return errStop
	})
	return c, err
}

// hotspotRecord is a hotspot with everything about it: its actions and
// their updates, its decisions and notes, with the agencies, members and
// partnership to name them. Its Meeting is meeting (zero for the hotspot's
// own page), which HotspotHistory reads "before".
func hotspotRecord(tx *txn, id model.ID, meeting model.Meeting) (h model.Hotspot, rec model.MeetingRecord, err error) {
	if err := get(tx, store.KindHotspots, id, &h); err != nil {
		return h, rec, notFound(err, model.HotspotRef(id))
	}
	rec.Meeting = meeting
	if rec.Partnership, err = readPartnership(tx); err != nil {
		return h, rec, err
	}
	if rec.Agencies, err = all[model.Agency](tx, store.KindAgencies); err != nil {
		return h, rec, err
	}
	if rec.Members, err = all[model.Member](tx, store.KindMembers); err != nil {
		return h, rec, err
	}
	rec.Hotspots = []model.Hotspot{h}
	aids := idsUnder(tx, store.IdxActionsByHotspot, store.IDKey(id))
	if rec.Actions, err = records[model.Action](tx, store.KindActions, aids); err != nil {
		return h, rec, err
	}
	if rec.Updates, err = updatesOf(tx, aids); err != nil {
		return h, rec, err
	}
	if rec.Decisions, err = records[model.Decision](tx, store.KindDecisions, idsUnder(tx, store.IdxDecisionsHotspot, store.IDKey(id))); err != nil {
		return h, rec, err
	}
	if rec.Notes, err = records[model.Note](tx, store.KindNotes, idsUnder(tx, store.IdxNotesHotspot, store.IDKey(id))); err != nil {
		return h, rec, err
	}
	// Its powers, every one recorded: the page shows those current.
	rec.Powers, err = powersIn(tx, model.PowerFilter{HotspotID: id})
	return h, rec, err
}
