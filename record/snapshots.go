package record

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// readRecordWhole reads meeting id and everything around it in tx — every
// bucket, whole — as at today. The upgrade from schema 1 rebuilds frozen
// records from it (before the indexes exist), and tests hold readRecord,
// which reads through the indexes, to it.
func readRecordWhole(tx *txn, id model.ID, today model.Date) (rec model.MeetingRecord, err error) {
	if err := get(tx, store.KindMeetings, id, &rec.Meeting); err != nil {
		return rec, notFound(err, model.MeetingRef(id))
	}
	if rec.Partnership, err = readPartnership(tx); err != nil {
		return rec, err
	}
	if rec.Meeting.PreviousMeetingID != 0 {
		var prev model.Meeting
		if get(tx, store.KindMeetings, rec.Meeting.PreviousMeetingID, &prev) == nil {
			rec.Previous = &prev
		}
	}
	meetings, err := all[model.Meeting](tx, store.KindMeetings)
	if err != nil {
		return rec, err
	}
	if err := readContext(tx, &rec); err != nil {
		return rec, err
	}
	if rec.Meeting.State != model.MeetingClosed {
		rec.Held = model.HeldDates(meetings)
	}
	if !rec.Meeting.Started() {
		// Not started: its draft shows the agenda it would open with and
		// the meeting before it, as starting it would set them.
		_, _, last := model.CurrentMeetings(slices.Clone(meetings))
		if last != nil {
			rec.Previous = last
		}
		reviews, err := openCaseReviews(tx)
		if err != nil {
			return rec, err
		}
		rec.Meeting.Agenda = model.OpeningAgenda(last, rec.Hotspots, rec.Held, reviews)
	}
	rec.FirstMinute = model.FirstMinute(rec.Meeting, meetings)
	c, err := correctionsWhole(tx, id)
	if err != nil {
		return rec, err
	}
	rec.Amendments, rec.Approval, rec.ApprovalMeeting = c.Amendments, c.Approval, c.ApprovalMeeting
	if rec.Powers, err = powersOfDay(tx, today); err != nil {
		return rec, err
	}
	if rec.CaseReviews, err = caseReviewsOfDay(tx, cmpDate(rec.Meeting.Date, today)); err != nil {
		return rec, err
	}
	rec.Today = today
	rec.Trends, err = hotspotTrendsWhole(tx, rec.Hotspots, today)
	return rec, err
}

// correctionsWhole is corrections read from every amendment and meeting.
func correctionsWhole(tx *txn, id model.ID) (c model.Corrections, err error) {
	amendments, err := all[model.Amendment](tx, store.KindAmendments)
	if err != nil {
		return c, err
	}
	for _, am := range amendments {
		if am.MeetingID == id {
			c.Amendments = append(c.Amendments, am)
		}
	}
	meetings, err := all[model.Meeting](tx, store.KindMeetings)
	if err != nil {
		return c, err
	}
	for i := range meetings {
		later := meetings[i]
		if later.PreviousMeetingID != id || later.MinutesApprovedByDecID == 0 {
			continue
		}
		var d model.Decision
		if get(tx, store.KindDecisions, later.MinutesApprovedByDecID, &d) == nil {
			c.Approval, c.ApprovalMeeting = &d, &later
		}
	}
	return c, nil
}

// freeze snapshots meeting id as it stands in this transaction: called by
// CloseMeeting after the meeting and its hotspots are saved closed.
func freeze(w *wtx, id model.ID) error {
	var m model.Meeting
	if err := get(w.tx, store.KindMeetings, id, &m); err != nil {
		return err
	}
	rec, err := readRecord(w.tx, id, m.Date)
	if err != nil {
		return err
	}
	// The chain's head as the close began (its own events are chained as
	// it commits).
	head, err := headOf(w.tx)
	if err != nil {
		return err
	}
	if head.Event != 0 {
		rec.AuditHead = &model.AuditHead{Event: head.Event, Chain: fmt.Sprintf("%x", head.Chain)}
	}
	return putSnapshot(w.tx, model.Freeze(rec, w.now))
}

func putSnapshot(tx *txn, snap model.Snapshot) error {
	return put(tx, store.KindSnapshots, snap.MeetingID, snap)
}

// readSnapshot is meeting id's snapshot; ok is false when it has none (an
// open or planned meeting, or a file not yet upgraded, read read-only).
func readSnapshot(tx *txn, id model.ID) (snap model.Snapshot, ok bool, err error) {
	d, err := tx.tx.Get(tx.ctx, store.KindSnapshots, id)
	if errors.Is(err, store.ErrNotFound) {
		return snap, false, nil
	} else if err != nil {
		return snap, false, err
	}
	if err := decodeDoc(d, &snap); err != nil {
		return snap, false, fmt.Errorf("reading the frozen record of %s: %w", model.MeetingRef(id), err)
	}
	return snap, true, nil
}

// MinutesRecord is what meeting id's minutes are made from. For a closed
// meeting, the record frozen when it closed, with the corrections made since
// (approval, amendments): the same minutes on any later day, whatever has
// changed. For an open or planned meeting, the live record as at today: a
// draft shows the position now.
func (s *Store) MinutesRecord(id model.ID) (rec model.MeetingRecord, err error) {
	today := s.Today()
	err = s.view(context.TODO(), func(tx *txn) error {
		snap, ok, err := readSnapshot(tx, id)
		if err != nil {
			return err
		}
		if !ok {
			rec, err = readRecord(tx, id, today)
			return err
		}
		c, err := corrections(tx, id)
		if err != nil {
			return err
		}
		rec = snap.Thaw(c)
		return nil
	})
	return rec, err
}

// Snapshot is meeting id's frozen record (for tests and `check`).
func (s *Store) Snapshot(id model.ID) (snap model.Snapshot, ok bool, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		snap, ok, err = readSnapshot(tx, id)
		return err
	})
	return snap, ok, err
}

// readContext reads every agency, member, hotspot, action, update,
// decision and note, whole (readRecordWhole).
func readContext(tx *txn, rec *model.MeetingRecord) (err error) {
	if rec.Agencies, err = all[model.Agency](tx, store.KindAgencies); err != nil {
		return err
	}
	if rec.Members, err = all[model.Member](tx, store.KindMembers); err != nil {
		return err
	}
	if rec.Hotspots, err = all[model.Hotspot](tx, store.KindHotspots); err != nil {
		return err
	}
	if rec.Actions, err = all[model.Action](tx, store.KindActions); err != nil {
		return err
	}
	if rec.Updates, err = all[model.ActionUpdate](tx, store.KindUpdates); err != nil {
		return err
	}
	if rec.Decisions, err = all[model.Decision](tx, store.KindDecisions); err != nil {
		return err
	}
	rec.Notes, err = all[model.Note](tx, store.KindNotes)
	return err
}
