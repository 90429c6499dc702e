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
	Hotspots       []Hotspot // open hotspots, ranked
	Workload       []AgencyLoad
	Agencies       AgencyIndex
	OpenActions    int
	OverdueActions int
	Today          Date
}

// Summarise builds the home screen's figures from the whole record.
func Summarise(p Partnership, meetings []Meeting, hotspots []Hotspot, actions []Action, updates []ActionUpdate, agencies []Agency, today Date) HomeSummary {
	h := HomeSummary{Partnership: p, Agencies: IndexAgencies(agencies), Today: today}
	for i := range meetings {
		m := &meetings[i]
		switch m.State {
		case MeetingOpen:
			h.Open = m
		case MeetingPlanned:
			if h.Next == nil || m.Date.Before(h.Next.Date) {
				h.Next = m
			}
		case MeetingClosed:
			if h.LastClosed == nil || m.Date.After(h.LastClosed.Date) || (m.Date == h.LastClosed.Date && m.ID > h.LastClosed.ID) {
				h.LastClosed = m
			}
		}
	}
	for _, hs := range hotspots {
		if hs.IsOpen() {
			h.Hotspots = append(h.Hotspots, hs)
		}
	}
	slices.SortStableFunc(h.Hotspots, HotspotRank)
	var since time.Time
	if h.LastClosed != nil {
		since = h.LastClosed.ClosedAt
		if since.IsZero() {
			since = h.LastClosed.Date.Time(time.Local)
		}
	}
	h.Workload = AgencyWorkload(agencies, actions, today, since)
	var open Meeting
	if h.Open != nil {
		open = *h.Open
		h.AgendaItems = len(h.Open.Agenda)
	} else {
		h.AgendaItems = len(BuildAgenda(hotspots, nil))
	}
	h.MattersArising = len(MattersArisingFor(open, actions, reviewedIn(updates, open.ID), today, since))
	for _, a := range actions {
		if a.Status.IsClosed() {
			continue
		}
		h.OpenActions++
		if a.IsOverdue(today) {
			h.OverdueActions++
		}
	}
	return h
}

// ActionFilter selects actions for lists and the CLI.
type ActionFilter struct {
	AgencyID  ID
	HotspotID ID
	Status    ActionStatus // "" = any
	OpenOnly  bool         // not done or cancelled
	Overdue   bool
	Today     Date
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
	case f.Overdue && !a.IsOverdue(f.Today):
		return false
	}
	return true
}
