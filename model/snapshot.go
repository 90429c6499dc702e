package model

import (
	"slices"
	"time"
)

// Snapshot is a closed meeting's record as it stood when the meeting
// closed: attendance, every action it assigned or reviewed (and every action
// then open, for the action log) with its status and due date, each hotspot's
// facts, agency and member names as they were, and its own notes and
// decisions. It is read as at the meeting's date, so "overdue" and the RAG
// are what they were on the day. The minutes of a closed meeting are made
// from it (Thaw), so they are the same bytes on any later day, whatever
// changes afterwards — except the two changes to the record itself: the
// approval by a later meeting and amendments, which say when they were made.
type Snapshot struct {
	MeetingID ID        `json:"meeting_id"`
	FrozenAt  time.Time `json:"frozen_at"`
	// Rebuilt: made when an older database was upgraded, from the history
	// it kept, rather than at close (the record's RecordNote says what the
	// history could not tell).
	Rebuilt bool          `json:"rebuilt,omitempty"`
	Record  MeetingRecord `json:"record"`
}

// Freeze makes the snapshot of rec, the meeting's whole record read in the
// transaction that closed it. It keeps only what the meeting's minutes use,
// so a decade of snapshots stays small.
func Freeze(rec MeetingRecord, at time.Time) Snapshot {
	m := rec.Meeting
	keep := MeetingRecord{Partnership: rec.Partnership, Meeting: m, Previous: rec.Previous,
		Agencies: slices.Clone(rec.Agencies), FirstMinute: rec.FirstMinute, Today: m.Date, RecordNote: rec.RecordNote, AuditHead: rec.AuditHead}

	for _, u := range rec.Updates {
		if u.MeetingID == m.ID && m.ID != 0 {
			keep.Updates = append(keep.Updates, u)
		}
	}
	reviewed := reviewedIn(keep.Updates, m.ID)
	hotspots := map[ID]bool{}
	for _, it := range m.Agenda {
		if it.Kind == ItemHotspot {
			hotspots[it.HotspotID] = true
		}
	}
	var since time.Time
	if rec.Previous != nil {
		since = rec.Previous.ClosedAt
	}
	for _, a := range rec.Actions {
		_, seen := reviewed[a.ID]
		assigned := a.CreatedMeetingID == m.ID
		openThen := !a.Status.IsClosed() && (m.ClosedAt.IsZero() || !a.CreatedAt.After(m.ClosedAt))
		if seen || assigned || openThen || FinishedSince(a, since, m, nil) {
			keep.Actions = append(keep.Actions, a)
			if a.HotspotID != 0 {
				hotspots[a.HotspotID] = true
			}
		}
	}
	for _, h := range rec.Hotspots {
		if hotspots[h.ID] || (h.ReferredInMeeting == m.ID && m.ID != 0) {
			h.ConfidentialNotes = "" // in no minutes, so not kept twice
			keep.Hotspots = append(keep.Hotspots, h)
		}
	}
	people := map[ID]bool{m.ChairID: true}
	for _, at := range m.Attendance {
		people[at.MemberID] = true
	}
	for _, d := range m.Declarations {
		people[d.MemberID] = true
	}
	for _, mem := range rec.Members {
		if people[mem.ID] {
			keep.Members = append(keep.Members, mem)
		}
	}
	for _, d := range rec.Decisions {
		if d.MeetingID == m.ID {
			keep.Decisions = append(keep.Decisions, d)
		}
	}
	for _, n := range rec.Notes {
		if n.MeetingID == m.ID {
			keep.Notes = append(keep.Notes, n)
		}
	}
	keep.Trends = TrendsOf(rec.Trends, keep.Hotspots)
	// The powers current when it closed on the hotspots its minutes show
	// (they list them under each), as they stood.
	kept := map[ID]bool{}
	for _, h := range keep.Hotspots {
		kept[h.ID] = true
	}
	for _, p := range rec.Powers {
		if p.HotspotID != 0 && kept[p.HotspotID] && p.Current(at) {
			keep.Powers = append(keep.Powers, p)
		}
	}
	// The case reviews its Part 2 item held, as they stood.
	if m.HasCaseReviewsItem() {
		keep.CaseReviews = slices.Clone(rec.CaseReviews)
	}
	return Snapshot{MeetingID: m.ID, FrozenAt: at, Record: keep}
}

// Corrections are the changes a closed meeting's record may still take:
// amendments to its notes and decisions, and its approval by a later meeting.
type Corrections struct {
	Amendments      []Amendment
	Approval        *Decision
	ApprovalMeeting *Meeting
}

// Thaw is the record the minutes of the closed meeting are made from: the
// frozen record with the corrections made since. An amended note or
// decision reads as its latest amendment says (the minutes mark it
// amended, with when).
func (s Snapshot) Thaw(c Corrections) MeetingRecord {
	rec := s.Record
	rec.Decisions = slices.Clone(rec.Decisions)
	rec.Notes = slices.Clone(rec.Notes)
	rec.Amendments, rec.Approval, rec.ApprovalMeeting = nil, c.Approval, c.ApprovalMeeting
	ams := slices.Clone(c.Amendments)
	slices.SortStableFunc(ams, func(a, b Amendment) int { return a.At.Compare(b.At) })
	for _, am := range ams {
		if am.MeetingID != s.MeetingID {
			continue
		}
		rec.Amendments = append(rec.Amendments, am)
		switch am.Target {
		case "decision":
			for i := range rec.Decisions {
				if rec.Decisions[i].ID == am.TargetID {
					rec.Decisions[i].Text = am.After
				}
			}
		case "note":
			for i := range rec.Notes {
				if rec.Notes[i].ID == am.TargetID {
					rec.Notes[i].Text = am.After
				}
			}
		}
	}
	return rec
}
