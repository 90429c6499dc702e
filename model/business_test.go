package model

import "testing"

func TestHotspotBusiness(t *testing.T) {
	m := Meeting{ID: 7, Visited: []ID{1, 2}}
	actions := []Action{
		{ID: 10, HotspotID: 1},                      // updated in the meeting, hotspot visited
		{ID: 11, HotspotID: 3},                      // updated in the meeting, hotspot not visited
		{ID: 12, HotspotID: 0},                      // general
		{ID: 13, HotspotID: 4, CreatedMeetingID: 7}, // assigned in the meeting
		{ID: 14, HotspotID: 2},                      // only assigned, earlier
		{ID: 15, HotspotID: 6, CreatedMeetingID: 6}, // assigned in another meeting
		{ID: 16, CreatedMeetingID: 7},               // general, assigned in the meeting
	}
	updates := []ActionUpdate{
		{ActionID: 10, MeetingID: 7, Kind: UpdateReview},
		{ActionID: 14, MeetingID: 7, Kind: UpdateReview, Under: ItemMatters},                 // HS-2 gone to, but reviewed in matters arising
		{ActionID: 12, MeetingID: 7, Kind: UpdateNote, Under: ItemHotspot, UnderHotspot: 10}, // made under HS-10's item
		{ActionID: 11, MeetingID: 7, Kind: UpdateStatus},
		{ActionID: 12, MeetingID: 7, Kind: UpdateNote},
		{ActionID: 14, MeetingID: 7, Kind: UpdateCreated}, // being assigned is not an update
		{ActionID: 14, MeetingID: 6, Kind: UpdateNote},    // another meeting
		{ActionID: 99, MeetingID: 7, Kind: UpdateNote},    // an action not held
		{ActionID: 10, MeetingID: 7, Kind: UpdateNote},    // the same hotspot again
	}
	notes := []Note{{MeetingID: 7, HotspotID: 5}, {MeetingID: 7, Item: ItemAOB}, {MeetingID: 6, HotspotID: 8}, {MeetingID: 7, HotspotID: 1}}
	decisions := []Decision{{MeetingID: 7, HotspotID: 9}, {MeetingID: 6, HotspotID: 8}, {MeetingID: 7, Item: ItemMinutes}}
	got := HotspotBusiness(m, actions, updates, notes, decisions)
	if want := []ID{1, 10, 5, 9, 4}; !equalIDs(got, want) {
		t.Errorf("business = %v, want %v (updates under visited hotspots, notes, decisions, actions assigned; each once)", got, want)
	}
	if got := HotspotBusiness(Meeting{ID: 8}, actions, updates, notes, decisions); len(got) != 0 {
		t.Errorf("a meeting with nothing recorded: %v", got)
	}
}

// An update counts for the item the meeting was on when it was made: an
// action reviewed in matters arising is not its hotspot's business, even
// once the meeting has gone to the hotspot; one reviewed under another
// hotspot's item is that item's. Updates from before the item was recorded
// keep the old reading (the hotspot gone to).
func TestUpdateUnder(t *testing.T) {
	m := Meeting{ID: 7, Visited: []ID{1, 2}}
	tests := []struct {
		name          string
		u             ActionUpdate
		actionHotspot ID
		want          ID
	}{
		{"under its hotspot's item", ActionUpdate{MeetingID: 7, Kind: UpdateReview, Under: ItemHotspot, UnderHotspot: 1}, 1, 1},
		{"in matters arising, hotspot gone to later", ActionUpdate{MeetingID: 7, Kind: UpdateReview, Under: ItemMatters}, 1, 0},
		{"under another hotspot's item", ActionUpdate{MeetingID: 7, Kind: UpdateStatus, Under: ItemHotspot, UnderHotspot: 3}, 1, 3},
		{"in any other business", ActionUpdate{MeetingID: 7, Kind: UpdateNote, Under: ItemAOB}, 0, 0},
		{"another meeting", ActionUpdate{MeetingID: 6, Kind: UpdateReview, Under: ItemHotspot, UnderHotspot: 1}, 1, 0},
		{"between meetings", ActionUpdate{Kind: UpdateNote}, 1, 0},
		{"being assigned", ActionUpdate{MeetingID: 7, Kind: UpdateCreated, Under: ItemHotspot, UnderHotspot: 1}, 1, 0},
		{"older record, hotspot gone to", ActionUpdate{MeetingID: 7, Kind: UpdateReview}, 2, 2},
		{"older record, hotspot not gone to", ActionUpdate{MeetingID: 7, Kind: UpdateReview}, 3, 0},
	}
	for _, tt := range tests {
		if got := UpdateUnder(tt.u, m, tt.actionHotspot); got != tt.want {
			t.Errorf("%s: under %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestMadeUnder(t *testing.T) {
	m := &Meeting{ID: 7, Current: 1, Agenda: []AgendaItem{{Kind: ItemMatters}, {Kind: ItemHotspot, HotspotID: 4}}}
	u := ActionUpdate{MeetingID: 7}
	u.MadeUnder(m)
	if u.Under != ItemHotspot || u.UnderHotspot != 4 {
		t.Errorf("made on HS-4's item: %q %d", u.Under, u.UnderHotspot)
	}
	for _, tt := range []struct {
		name string
		u    ActionUpdate
		m    *Meeting
	}{
		{"between meetings", ActionUpdate{}, nil},
		{"another meeting", ActionUpdate{MeetingID: 8}, m},
		{"no agenda yet", ActionUpdate{MeetingID: 9}, &Meeting{ID: 9}},
	} {
		tt.u.MadeUnder(tt.m)
		if tt.u.Under != "" || tt.u.UnderHotspot != 0 {
			t.Errorf("%s: under %q %d", tt.name, tt.u.Under, tt.u.UnderHotspot)
		}
	}
}

func TestReviewedUnder(t *testing.T) {
	m := Meeting{ID: 7}
	actions := []Action{{ID: 1, HotspotID: 3}, {ID: 2, HotspotID: 3}, {ID: 3, HotspotID: 3, CreatedMeetingID: 7}, {ID: 4, HotspotID: 5}}
	updates := []ActionUpdate{
		{ActionID: 2, MeetingID: 7, Kind: UpdateReview, Under: ItemHotspot, UnderHotspot: 3},
		{ActionID: 1, MeetingID: 7, Kind: UpdateReview, Under: ItemMatters},
		{ActionID: 3, MeetingID: 7, Kind: UpdateNote, Under: ItemHotspot, UnderHotspot: 3}, // assigned here: minuted as agreed
		{ActionID: 4, MeetingID: 7, Kind: UpdateNote, Under: ItemHotspot, UnderHotspot: 3},
		{ActionID: 2, MeetingID: 7, Kind: UpdateNote, Under: ItemHotspot, UnderHotspot: 3},
	}
	if got := ReviewedUnder(m, actions, updates, 3); !equalIDs(got, []ID{2, 4}) {
		t.Errorf("reviewed under HS-3: %v, want [2 4]", got)
	}
	if got := ReviewedUnder(m, actions, updates, 0); len(got) != 0 {
		t.Errorf("under no hotspot: %v", got)
	}
}
