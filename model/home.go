package model

import (
	"slices"
	"time"
)

// HomeSummary is what the home screen shows.
type HomeSummary struct {
	Partnership Partnership
	Open        *Meeting // under way
	Next        *Meeting // planned
	LastClosed  *Meeting
	// AgendaItems and MattersArising describe the open meeting, or what the
	// next one would start with.
	AgendaItems    int
	MattersArising int
	// OffAgenda is how many of Hotspots that agenda leaves off (the review
	// cadence, or the chair: MeetingRecord.OffAgenda lists them).
	OffAgenda      int
	Hotspots       []Hotspot // open hotspots, ranked
	Workload       []AgencyLoad
	Agencies       AgencyIndex
	OpenActions    int
	OverdueActions int
	Today          Date
	// Suggestions are the emerging hotspots on offer (Offer), the first
	// MaxSuggestions of them; Offered how many there are in all.
	Suggestions []Suggestion
	Offered     int
	// Trends are the open hotspots' series (HotspotSeries), by hotspot.
	Trends map[ID]Series
}

// HomeInput is what the home screen is made from: the meetings that
// matter now, the open hotspots, the actions open or finished since the
// last meeting, the updates made in the meeting under way, and how long
// each agency's recent work took. Never the whole record.
type HomeInput struct {
	Partnership Partnership
	Open        *Meeting // under way
	Next        *Meeting // the earliest planned
	LastClosed  *Meeting
	Hotspots    []Hotspot      // the open ones
	Actions     []Action       // open, and finished since the last meeting closed
	Updates     []ActionUpdate // made in the open meeting
	Agencies    []Agency
	Completions map[ID][]int // CompletionDays
	Today       Date
	// Held is the dates of the meetings held: the review cadence
	// (Hotspot.DueForReview) of the agenda the next meeting would open with.
	Held []Date
	// OpenCaseReviews is how many ASB case reviews wait for a decision or
	// an answer (the next agenda holds their item while any do).
	OpenCaseReviews int
	// Suggestions are the emerging hotspots on offer today.
	Suggestions []Suggestion
	// Trends are the open hotspots' series (HotspotSeries).
	Trends map[ID]Series
}

// Summarise builds the home screen's figures.
func Summarise(in HomeInput) HomeSummary {
	h := HomeSummary{Partnership: in.Partnership, Agencies: IndexAgencies(in.Agencies), Today: in.Today,
		Open: in.Open, Next: in.Next, LastClosed: in.LastClosed, Trends: in.Trends,
		Suggestions: in.Suggestions[:min(len(in.Suggestions), MaxSuggestions)], Offered: len(in.Suggestions)}
	for _, hs := range in.Hotspots {
		if hs.IsOpen() {
			h.Hotspots = append(h.Hotspots, hs)
		}
	}
	slices.SortStableFunc(h.Hotspots, HotspotRank)
	since := SinceLastMeeting(h.LastClosed)
	h.Workload = AgencyWorkload(in.Agencies, in.Actions, in.Today, since, in.Completions)
	var open Meeting
	agenda := Meeting{State: MeetingPlanned}
	if h.Open != nil {
		open, agenda = *h.Open, *h.Open
	} else {
		agenda.Agenda = OpeningAgenda(h.LastClosed, h.Hotspots, in.Held, in.OpenCaseReviews)
	}
	h.AgendaItems = len(agenda.Agenda)
	for _, hs := range h.Hotspots {
		if !agenda.HasHotspot(hs.ID) {
			h.OffAgenda++
		}
	}
	h.MattersArising = CountMattersArising(open, in.Actions, reviewedIn(in.Updates, open.ID), since)
	for _, a := range in.Actions {
		if a.Status.IsClosed() {
			continue
		}
		h.OpenActions++
		if a.IsOverdue(in.Today) {
			h.OverdueActions++
		}
	}
	return h
}

// CurrentMeetings picks, from meetings, the one under way, the earliest
// planned and the latest closed (what HomeInput needs).
func CurrentMeetings(meetings []Meeting) (open, next, lastClosed *Meeting) {
	for i := range meetings {
		m := &meetings[i]
		switch m.State {
		case MeetingOpen:
			open = m
		case MeetingPlanned:
			if next == nil || m.Date.Before(next.Date) {
				next = m
			}
		case MeetingClosed:
			if lastClosed == nil || m.Date.After(lastClosed.Date) || (m.Date == lastClosed.Date && m.ID > lastClosed.ID) {
				lastClosed = m
			}
		}
	}
	return open, next, lastClosed
}

// ActionFilter selects actions for lists and the CLI.
type ActionFilter struct {
	AgencyID  ID
	HotspotID ID
	Status    ActionStatus // "" = any
	OpenOnly  bool         // not done or cancelled
	Overdue   bool
	// FinishedFrom leaves out actions done or cancelled before it (zero:
	// none left out): lists of recent work need not read a decade's.
	FinishedFrom time.Time
	Today        Date
}

// OpenWork: the filter can only match actions not yet done or cancelled.
func (f ActionFilter) OpenWork() bool {
	return f.OpenOnly || f.Overdue || (f.Status != "" && !f.Status.IsClosed())
}

func (f ActionFilter) Match(a Action) bool {
	switch {
	case f.AgencyID != 0 && a.AgencyID != f.AgencyID:
		return false
	case f.HotspotID != 0 && a.HotspotID != f.HotspotID:
		return false
	case f.Status != "" && a.Status != f.Status:
		return false
	case f.OpenOnly && a.Status.IsClosed():
		return false
	case !f.FinishedFrom.IsZero() && a.Status.IsClosed() && a.FinishedAt().Before(f.FinishedFrom):
		return false
	case f.Overdue && !a.IsOverdue(f.Today):
		return false
	}
	return true
}
