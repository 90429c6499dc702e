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
	if want := []ID{1, 5, 9, 4}; !equalIDs(got, want) {
		t.Errorf("business = %v, want %v (updates under visited hotspots, notes, decisions, actions assigned; each once)", got, want)
	}
	if got := HotspotBusiness(Meeting{ID: 8}, actions, updates, notes, decisions); len(got) != 0 {
		t.Errorf("a meeting with nothing recorded: %v", got)
	}
}
