package model

import (
	"slices"
)

// BuildAgenda is the agenda for a new meeting: the opening standing items,
// then every hotspot still being worked on (high risk first, then longest
// since last reviewed), then new referrals, any other business and the next
// meeting.
func BuildAgenda(hotspots []Hotspot) []AgendaItem {
	open := make([]Hotspot, 0, len(hotspots))
	for _, h := range hotspots {
		if h.IsOpen() {
			open = append(open, h)
		}
	}
	slices.SortStableFunc(open, HotspotRank)
	items := []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemDeclarations}, {Kind: ItemMinutes}, {Kind: ItemMatters}}
	for _, h := range open {
		// Personal ASB is about named people: taken in private unless the
		// chair decides otherwise.
		items = append(items, AgendaItem{Kind: ItemHotspot, HotspotID: h.ID, Part2: h.Category == CategoryPersonal})
	}
	return append(items, AgendaItem{Kind: ItemReferrals}, AgendaItem{Kind: ItemAOB}, AgendaItem{Kind: ItemNextMeeting})
}

// HasHotspot: is this hotspot on the agenda?
func (m Meeting) HasHotspot(id ID) bool {
	return slices.ContainsFunc(m.Agenda, func(it AgendaItem) bool { return it.Kind == ItemHotspot && it.HotspotID == id })
}

// MoveItem moves a hotspot item up (delta -1) or down (+1) among the hotspot
// items. Standing items keep their places: the meeting always opens with
// attendance and ends with the next date. The current item follows the move
// so the chair stays where they were.
func (m *Meeting) MoveItem(i, delta int) error {
	j := i + delta
	if i < 0 || i >= len(m.Agenda) || m.Agenda[i].Kind != ItemHotspot {
		return Invalid("agenda", "only hotspot items can be moved")
	}
	if j < 0 || j >= len(m.Agenda) || m.Agenda[j].Kind != ItemHotspot {
		return Invalid("agenda", "the item is already at the edge of the hotspot walk")
	}
	m.Agenda[i], m.Agenda[j] = m.Agenda[j], m.Agenda[i]
	switch m.Current {
	case i:
		m.Current = j
	case j:
		m.Current = i
	}
	return nil
}

// DropItem removes a hotspot item from this meeting's agenda (the hotspot
// itself is untouched).
func (m *Meeting) DropItem(i int) error {
	if i < 0 || i >= len(m.Agenda) || m.Agenda[i].Kind != ItemHotspot {
		return Invalid("agenda", "only hotspot items can be dropped")
	}
	m.Agenda = slices.Delete(m.Agenda, i, i+1)
	if m.Current > i || m.Current >= len(m.Agenda) {
		m.Current--
	}
	if m.Current < 0 {
		m.Current = 0
	}
	return nil
}

// AddHotspotItem puts a hotspot on the agenda at the end of the hotspot walk
// (just before new referrals) and returns its index. part2 takes it in
// private (personal ASB is, by default).
func (m *Meeting) AddHotspotItem(id ID, part2 bool) (int, error) {
	if m.HasHotspot(id) {
		return 0, Invalid("agenda", "%s is already on the agenda", HotspotRef(id))
	}
	at := slices.IndexFunc(m.Agenda, func(it AgendaItem) bool { return it.Kind == ItemReferrals })
	if at < 0 {
		at = len(m.Agenda)
	}
	return at, m.insert(at, id, part2)
}

// AddReferralItem puts a newly referred hotspot straight after the "New
// referrals" item so the group walks it next.
func (m *Meeting) AddReferralItem(id ID, part2 bool) (int, error) {
	if m.HasHotspot(id) {
		return 0, Invalid("agenda", "%s is already on the agenda", HotspotRef(id))
	}
	at := slices.IndexFunc(m.Agenda, func(it AgendaItem) bool { return it.Kind == ItemReferrals })
	if at < 0 {
		at = len(m.Agenda) - 1
	}
	// after the referrals item and any referrals already added
	at++
	for at < len(m.Agenda) && m.Agenda[at].Kind == ItemHotspot {
		at++
	}
	return at, m.insert(at, id, part2)
}

func (m *Meeting) insert(at int, id ID, part2 bool) error {
	m.Agenda = slices.Insert(m.Agenda, at, AgendaItem{Kind: ItemHotspot, HotspotID: id, Part2: part2})
	if m.Current >= at && len(m.Agenda) > 1 {
		m.Current++
	}
	return nil
}
