package tui

import (
	"fmt"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
)

// meetingView is everything the meeting screen shows, derived from one
// MeetingRecord when it is loaded (in a command, off the UI goroutine), so
// that View and keypresses only index into it and never do work that grows
// with the database.
type meetingView struct {
	rec          model.MeetingRecord
	idx          model.RecordIndex
	heading      string
	closed       bool
	items        []agendaEntry
	widestTitle  int // the longest agenda title, in cells
	matters      []model.Action
	shownMatters []model.Action // matters passing the `/` filter
	// findMatters matches `/` text against matters arising as first
	// sorted (mattersIDs, in that order); the list may be reordered since.
	findMatters *finder
	mattersIDs  []model.ID
	// mattersRows are matters arising's drawn rows, for one layout: a key
	// press redraws only what it changes (a patched action clears them).
	mattersRows    map[model.ID]string
	mattersRowsFor rowLayout
	overdue        int
	reviewed       map[model.ID]model.ActionUpdate   // the last update made to each action in this meeting
	updatesHere    map[model.ID][]model.ActionUpdate // every update made to each action in this meeting
	progress       model.Progress                    // what was done on each item; what closing would leave
	// prevDecisions and prevActions are what the previous meeting resolved
	// and assigned: the room checks them before approving its minutes.
	prevDecisions []model.Decision
	prevActions   []model.Action
	// reviewedMatters counts the matters arising reviewed (status changes
	// under hotspot items are in reviewed too, but are not matters arising).
	reviewedMatters int
	people          []model.Member // attendance order: grouped by agency
	present         []model.Member // who may declare
	counts          map[model.AttendanceStatus]int
	status          map[model.ID]model.AttendanceStatus // by member
	attend          []attendRow
	// selectableRow maps a selectable index (people, then guests) to its
	// row in attend.
	selectableRow []int
	hotspots      map[model.ID]*hotspotView
	standing      map[model.ItemKind]*itemRecord
	general       []model.Action // actions with no hotspot made in this meeting (AOB)
	referrals     []model.Hotspot
	workload      []model.AgencyLoad // accountability since the previous meeting
	approval      *model.Decision
	previous      string // "Tuesday 17 November 2026 (M-6)"
	prevSummary   string
	// offAgenda are the open hotspots the agenda leaves off (the review
	// cadence, or the chair), soonest due first: what + adds.
	offAgenda   []model.OffAgenda
	nextMeeting model.Date // what "next-meeting" means in forms (model.NextMeetingDate)
	madeHere    struct{ actions, decisions, notes int }
	// today is the day openNow was read (a closed meeting's record is as
	// at its own day).
	today model.Date
}

// attendRow is one line of the attendance list: an agency heading, a
// member (index into people) or a guest (index into the meeting's guests).
type attendRow struct {
	header        string
	member, guest int
}

// agendaEntry is one agenda line.
type agendaEntry struct {
	kind      model.ItemKind
	hotspotID model.ID
	title     string
	risk      model.Risk
	part2     bool // taken in private (exempt): never in public minutes
}

// buildMeetingView is the screen of rec; next is what "next-meeting" means
// in its forms (the store's NextMeetingDate, as on the command line).
func buildMeetingView(rec model.MeetingRecord, next model.Date) *meetingView {
	m := rec.Meeting
	v := &meetingView{rec: rec, idx: rec.Index(), closed: m.State == model.MeetingClosed,
		reviewed: rec.ReviewedIn(m.ID), updatesHere: rec.UpdatesIn(m.ID), counts: map[model.AttendanceStatus]int{},
		hotspots: map[model.ID]*hotspotView{}, standing: map[model.ItemKind]*itemRecord{}}
	v.heading = fmt.Sprintf("%s · %s · %s · %s", rec.Partnership.Name, m.Kind.Title(), m.When(), m.Place)
	if v.closed {
		v.heading += " · CLOSED"
	}
	for _, it := range m.Agenda {
		e := agendaEntry{kind: it.Kind, hotspotID: it.HotspotID, title: model.ItemTitle(it, v.idx.Hotspots), part2: it.Part2}
		if it.Kind == model.ItemHotspot {
			h := v.idx.Hotspots[it.HotspotID]
			e.risk = h.Risk
			hv := &hotspotView{h: h, lead: v.idx.Agencies.Label(h.LeadAgencyID), actions: rec.ItemActions(h.ID), trend: rec.Trends[h.ID]}
			if v.closed {
				// Closed, the record is as it closed: the item lists what
				// the meeting did about the hotspot's actions (openNow
				// adds what is open now).
				hv.actions, hv.dealtWith = rec.DealtWithIn(h.ID), true
			}
			hv.notes, hv.decisions = rec.NotesIn(model.ItemHotspot, h.ID), rec.DecisionsIn(model.ItemHotspot, h.ID)
			for _, p := range rec.Powers {
				if p.HotspotID == h.ID {
					hv.powers = append(hv.powers, p)
				}
			}
			model.SortPowers(hv.powers)
			v.hotspots[h.ID] = hv
		} else {
			v.standing[it.Kind] = &itemRecord{notes: rec.NotesIn(it.Kind, 0), decisions: rec.DecisionsIn(it.Kind, 0)}
		}
		v.items = append(v.items, e)
		v.widestTitle = max(v.widestTitle, cells(e.title))
	}
	v.progress = model.MeetingProgress(&rec)
	v.matters = rec.MattersArising()
	v.shownMatters = v.matters
	texts := make([]string, len(v.matters))
	v.mattersIDs = make([]model.ID, len(v.matters))
	for i, a := range v.matters {
		texts[i] = a.Ref() + " " + a.Text + " " + v.idx.Agencies.Name(a.AgencyID) + " " + v.idx.Agencies.Label(a.AgencyID) + " " + a.Officer
		v.mattersIDs[i] = a.ID
	}
	v.findMatters = newFinder(texts)
	for _, a := range v.matters {
		if a.IsOverdue(rec.Today) {
			v.overdue++
		}
		if _, ok := v.reviewed[a.ID]; ok {
			v.reviewedMatters++
		}
	}
	v.status = make(map[model.ID]model.AttendanceStatus, len(m.Attendance))
	for _, at := range m.Attendance {
		v.status[at.MemberID] = at.Status
	}
	// The attendance list: those on the meeting's list, and members who
	// attend (not retired, not circulation-only) added since it started.
	var attending []model.Member
	for _, mem := range rec.Members {
		if _, listed := v.status[mem.ID]; listed || (mem.Active() && mem.Role.Attends()) {
			attending = append(attending, mem)
		}
	}
	for _, g := range model.MembersByAgency(rec.Agencies, attending) {
		v.attend = append(v.attend, attendRow{header: g.Agency.Name, member: -1, guest: -1})
		for _, mem := range g.Members {
			v.selectableRow = append(v.selectableRow, len(v.attend))
			v.attend = append(v.attend, attendRow{member: len(v.people), guest: -1})
			v.people = append(v.people, mem)
			st := v.status[mem.ID]
			v.counts[st]++
			if st == model.Present {
				v.present = append(v.present, mem)
			}
		}
	}
	if len(m.Guests) > 0 {
		v.attend = append(v.attend, attendRow{header: "Guests", member: -1, guest: -1})
		for j := range m.Guests {
			v.selectableRow = append(v.selectableRow, len(v.attend))
			v.attend = append(v.attend, attendRow{member: -1, guest: j})
		}
	}
	if len(v.present) == 0 {
		v.present = v.people
	}
	for _, a := range rec.Actions {
		if a.CreatedMeetingID == m.ID && m.ID != 0 {
			v.madeHere.actions++
			if a.HotspotID == 0 {
				v.general = append(v.general, a)
			}
		}
	}
	for _, d := range rec.Decisions {
		if d.MeetingID == m.ID {
			v.madeHere.decisions++
			if d.ID == m.MinutesApprovedByDecID {
				dd := d
				v.approval = &dd
			}
		}
	}
	for _, n := range rec.Notes {
		if n.MeetingID == m.ID {
			v.madeHere.notes++
		}
	}
	v.referrals = rec.Referrals()
	v.workload = rec.AgencyWorkload()
	if p := rec.Previous; p != nil {
		v.previous = fmt.Sprintf("%s (%s)", p.Date.Long(), p.Ref())
		for _, d := range rec.Decisions {
			if d.MeetingID == p.ID {
				v.prevDecisions = append(v.prevDecisions, d)
			}
		}
		for _, a := range rec.Actions {
			if a.CreatedMeetingID == p.ID {
				v.prevActions = append(v.prevActions, a)
			}
		}
		v.prevSummary = fmt.Sprintf("%d agenda items · %d decisions · %d actions assigned", len(p.Agenda), len(v.prevDecisions), len(v.prevActions))
	}
	v.offAgenda = rec.OffAgenda()
	v.nextMeeting = next
	return v
}

// openNow gives a closed meeting's hotspot items the hotspots' actions
// open now (among open, read today).
func (v *meetingView) openNow(open []model.Action, today model.Date) {
	for id, hv := range v.hotspots {
		hv.openNow, hv.openNowRead = model.OpenActionsOf(open, id, today), true
	}
	v.today = today
}

// finishedSince: the action was finished between meetings and waits for
// the meeting to confirm it.
func (v *meetingView) finishedSince(a model.Action) bool {
	var since time.Time
	if p := v.rec.Previous; p != nil {
		since = p.ClosedAt
	}
	return model.FinishedSince(a, since, v.rec.Meeting, v.updatesHere[a.ID])
}

// keepOrder puts matters arising in the given order (the one the chair was
// reading); actions not in it come after, in their sorted order.
func (v *meetingView) keepOrder(order []model.ID) {
	at := make(map[model.ID]int, len(order))
	for i, id := range order {
		at[id] = i
	}
	slices.SortStableFunc(v.matters, func(x, y model.Action) int {
		xi, xok := at[x.ID]
		yi, yok := at[y.ID]
		switch {
		case xok && yok:
			return xi - yi
		case xok:
			return -1
		case yok:
			return 1
		}
		return 0
	})
}

// filterMatters narrows matters arising to those matching query (ref,
// text, agency, officer), keeping their order.
func (v *meetingView) filterMatters(query string) {
	if query == "" {
		v.shownMatters = v.matters
		return
	}
	hit := map[model.ID]bool{}
	for _, i := range v.findMatters.find(query) {
		hit[v.mattersIDs[i]] = true
	}
	v.shownMatters = v.shownMatters[:0:0]
	for _, a := range v.matters {
		if hit[a.ID] {
			v.shownMatters = append(v.shownMatters, a)
		}
	}
}

// itemDone says whether something was done on an item, for the ✓ in the
// agenda (model.MeetingProgress decides: passing an item is not doing it).
func (v *meetingView) itemDone(i int) bool {
	return i < len(v.progress.Done) && v.progress.Done[i]
}

// newsSince says whether an action has an update from its agency since the
// previous meeting closed: the news matters arising shows and y accepts.
func (v *meetingView) newsSince(a model.Action) bool {
	if a.LastUpdate == "" {
		return false
	}
	p := v.rec.Previous
	return p == nil || p.ClosedAt.IsZero() || a.NewsAt().After(p.ClosedAt)
}
