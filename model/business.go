package model

import "slices"

// HotspotBusiness is the hotspots meeting m recorded business under: a
// note (including "discussed, no change"), a decision or an action
// assigned there, or one of a hotspot's actions reviewed or updated in the
// meeting — but only once the meeting had gone to that hotspot (Visited):
// reviewing it in matters arising is not discussing the hotspot. Only they
// count as reviewed when the meeting closes, and only they keep an item on
// the agenda; the rest are deferred. actions need hold those the updates
// are to; each hotspot is named once, in the order found (updates, notes,
// decisions, then actions assigned).
func HotspotBusiness(m Meeting, actions []Action, updates []ActionUpdate, notes []Note, decisions []Decision) []ID {
	seen := map[ID]bool{}
	var out []ID
	add := func(id ID) {
		if id != 0 && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	hotspotOf := make(map[ID]ID, len(actions))
	for _, a := range actions {
		hotspotOf[a.ID] = a.HotspotID
	}
	for _, u := range updates {
		if u.MeetingID == m.ID && u.Kind != UpdateCreated {
			if h := hotspotOf[u.ActionID]; h != 0 && slices.Contains(m.Visited, h) {
				add(h)
			}
		}
	}
	for _, n := range notes {
		if n.MeetingID == m.ID {
			add(n.HotspotID)
		}
	}
	for _, d := range decisions {
		if d.MeetingID == m.ID {
			add(d.HotspotID)
		}
	}
	for _, a := range actions {
		if a.CreatedMeetingID == m.ID {
			add(a.HotspotID)
		}
	}
	return out
}
