package model

import (
	"slices"
	"time"
)

// History is what an older database kept of how its records changed,
// for rebuilding a closed meeting's record as at its close (Rewind).
type History struct {
	// HotspotsBefore is each hotspot as it was just before its first
	// change after the moment being rebuilt (from the audit trail's
	// "before" images); a hotspot not in it has not changed since.
	HotspotsBefore map[ID]Hotspot
	// Since is when the history begins (the first audit event): records
	// loaded in bulk then (the demo, an import) carry no history of their
	// own before it.
	Since time.Time
}

// Rewind is rec — a closed meeting's whole record, read today — as it stood
// at t, the meeting's close, worked back through the history: actions made
// later are dropped and every later status or due-date change is undone
// from the action's own updates; hotspots are taken from their audit image
// before their first later change; amended notes and decisions read as they
// were before the first amendment; case reviews as they stood that day. Where the history begins after t it
// cannot tell what hotspots or names were on the day, and the record's
// RecordNote says so, once.
func Rewind(rec MeetingRecord, t time.Time, h History) MeetingRecord {
	out := rec
	later := map[ID][]ActionUpdate{}
	for _, u := range rec.Updates {
		if u.At.After(t) {
			later[u.ActionID] = append(later[u.ActionID], u)
		}
	}
	// The agency's latest news as at t (for "latest update" and the RAG's
	// staleness): its own updates between meetings up to then.
	agencyOf := map[ID]ID{}
	for _, m := range rec.Members {
		agencyOf[m.ID] = m.AgencyID
	}
	owner := map[ID]ID{}
	for _, a := range rec.Actions {
		owner[a.ID] = a.AgencyID
	}
	news := map[ID]ActionUpdate{}
	for _, u := range rec.Updates {
		by := Actor{MemberID: u.ByID, AgencyID: agencyOf[u.ByID]}
		if !u.At.After(t) && IsRepUpdate(u, by, owner[u.ActionID]) && !u.At.Before(news[u.ActionID].At) {
			news[u.ActionID] = u
		}
	}
	out.Actions = nil
	for _, a := range rec.Actions {
		if a.CreatedAt.After(t) {
			continue
		}
		a = ActionAsAt(a, later[a.ID], t)
		if a.LastUpdateAt.After(t) {
			a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy = "", time.Time{}, ""
			if u, ok := news[a.ID]; ok {
				a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy = u.Describe(), u.At, u.By
			}
		}
		out.Actions = append(out.Actions, a)
	}
	out.Updates = slices.DeleteFunc(slices.Clone(rec.Updates), func(u ActionUpdate) bool { return u.At.After(t) })
	out.Hotspots = nil
	for _, hs := range rec.Hotspots {
		if hs.CreatedAt.After(t) {
			continue
		}
		if before, ok := h.HotspotsBefore[hs.ID]; ok {
			hs = before
		} else if hs.Status == HotspotClosed && hs.Closed.After(DateOf(t)) {
			// Closed later, with no image from before: it was being worked
			// on then.
			hs.Status, hs.Closed, hs.CloseReason = HotspotActive, Date{}, ""
		}
		out.Hotspots = append(out.Hotspots, hs)
	}
	// Powers recorded later were not yet.
	out.Powers = slices.DeleteFunc(slices.Clone(rec.Powers), func(p Power) bool { return p.CreatedAt.After(t) })
	// Case reviews as they stood that day: decided or answered later, not
	// yet.
	out.CaseReviews = nil
	for _, c := range rec.CaseReviews {
		out.CaseReviews = append(out.CaseReviews, c.AsOf(DateOf(t)))
	}
	out.Decisions = slices.Clone(rec.Decisions)
	out.Notes = slices.Clone(rec.Notes)
	ams := slices.Clone(rec.Amendments)
	slices.SortStableFunc(ams, func(a, b Amendment) int { return b.At.Compare(a.At) }) // newest first: the oldest Before wins
	for _, am := range ams {
		if !am.At.After(t) {
			continue
		}
		for i := range out.Decisions {
			if am.Target == "decision" && out.Decisions[i].ID == am.TargetID {
				out.Decisions[i].Text = am.Before
			}
		}
		for i := range out.Notes {
			if am.Target == "note" && out.Notes[i].ID == am.TargetID {
				out.Notes[i].Text = am.Before
			}
		}
	}
	out.Amendments, out.Approval, out.ApprovalMeeting = nil, nil, nil
	if h.Since.After(t) {
		out.RecordNote = "This record was rebuilt from the history kept before minutes were frozen when a meeting closed. " +
			"That history begins on " + DateOf(h.Since).Long() + ", so hotspot details and the names of agencies and " +
			"members are as recorded then; action statuses and due dates are as at this meeting."
	}
	return out
}

// ActionAsAt is a as it stood at t, undoing later (the action's updates
// after t) newest first.
func ActionAsAt(a Action, later []ActionUpdate, t time.Time) Action {
	us := slices.Clone(later)
	slices.SortStableFunc(us, func(x, y ActionUpdate) int { return y.At.Compare(x.At) })
	for _, u := range us {
		if !u.At.After(t) {
			continue
		}
		switch u.Kind {
		case UpdateStatus:
			if u.FromStatus != "" {
				a.Status = u.FromStatus
			}
		case UpdateDue:
			if !u.FromDue.IsZero() {
				a.Due = u.FromDue
			}
		}
	}
	if a.Status != StatusDone {
		a.CompletedOn, a.CompletedAt, a.CompletionNote = Date{}, time.Time{}, ""
	}
	return a
}
