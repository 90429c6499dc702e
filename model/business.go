package model

import "slices"

// HotspotBusiness is the hotspots meeting m recorded business under: a
// note (including "discussed, no change"), a decision or an action
// assigned there, or an action update made while the meeting was on the
// hotspot's own item (UpdateUnder): reviewing an action in matters arising
// is not discussing its hotspot, and neither is passing over its item.
// Only they count as reviewed when the meeting closes, only they get the
// agenda's ✓, and only they keep an item on the agenda; the rest are
// deferred. actions need hold those the updates are to; each hotspot is
// named once, in the order found (updates, notes, decisions, then actions
// assigned).
func HotspotBusiness(m Meeting, actions []Action, updates []ActionUpdate, notes []Note, decisions []Decision) []ID {
	if m.ID == 0 {
		return nil
	}
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
		add(UpdateUnder(u, m, hotspotOf[u.ActionID]))
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

// UpdateUnder is the hotspot whose item an action update counts as
// business of in meeting m (0: none): the item the meeting was on when it
// was made. actionHotspot is the hotspot of the action it is to. An update
// from before the item was recorded on updates (Under empty) counts for
// the action's hotspot once the meeting had gone to it (Visited), which
// is the best such a record can say.
func UpdateUnder(u ActionUpdate, m Meeting, actionHotspot ID) ID {
	if m.ID == 0 || u.MeetingID != m.ID || u.Kind == UpdateCreated {
		return 0
	}
	switch {
	case u.Under == ItemHotspot:
		return u.UnderHotspot
	case u.Under != "":
		return 0
	case actionHotspot != 0 && slices.Contains(m.Visited, actionHotspot):
		return actionHotspot
	}
	return 0
}

// MadeUnder records on u the agenda item meeting m is on as it is made
// (see ActionUpdate.Under). An update outside a meeting, or to a meeting
// with no agenda yet, is under no item.
func (u *ActionUpdate) MadeUnder(m *Meeting) {
	if m == nil || u.MeetingID != m.ID || m.Current < 0 || m.Current >= len(m.Agenda) {
		return
	}
	it := m.Agenda[m.Current]
	u.Under, u.UnderHotspot = it.Kind, it.HotspotID
}

// ReviewedUnder is the actions whose updates meeting m made under hotspot
// h's item (UpdateUnder), in the order first made: its minute says they
// were reviewed there, as matters arising records what was done.
// Actions the meeting assigned are not among them: they are minuted as
// agreed, and matters arising does not list them.
func ReviewedUnder(m Meeting, actions []Action, updates []ActionUpdate, h ID) []ID {
	hotspotOf := make(map[ID]ID, len(actions))
	assigned := map[ID]bool{}
	for i := range actions { // by index: an action is nearly 500 bytes to copy
		hotspotOf[actions[i].ID] = actions[i].HotspotID
		assigned[actions[i].ID] = actions[i].CreatedMeetingID == m.ID
	}
	var out []ID
	for _, u := range updates {
		if h != 0 && !assigned[u.ActionID] && UpdateUnder(u, m, hotspotOf[u.ActionID]) == h && !slices.Contains(out, u.ActionID) {
			out = append(out, u.ActionID)
		}
	}
	return out
}
