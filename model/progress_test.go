package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMeetingProgressCountsWhatWasDone(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	base := func() MeetingRecord {
		return MeetingRecord{
			Meeting: Meeting{ID: 2, State: MeetingOpen, PreviousMeetingID: 1, OpenedAt: at,
				Attendance: []Attendee{{MemberID: 1, Status: Present}, {MemberID: 2}},
				Agenda: []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemDeclarations}, {Kind: ItemMinutes}, {Kind: ItemMatters},
					{Kind: ItemHotspot, HotspotID: 1}, {Kind: ItemHotspot, HotspotID: 2}, {Kind: ItemHotspot, HotspotID: 3},
					{Kind: ItemReferrals}, {Kind: ItemAOB}, {Kind: ItemNextMeeting}}},
			Actions: []Action{{ID: 1, HotspotID: 3, Status: StatusOpen, CreatedMeetingID: 1, CreatedAt: at.Add(-time.Hour)}},
		}
	}
	tests := []struct {
		name       string
		edit       func(*MeetingRecord)
		done       []int // agenda indexes with a ✓
		unreviewed int
		notReached []ID
	}{
		{"nothing done: passing items does not count", func(r *MeetingRecord) { r.Meeting.Visited = []ID{1} },
			nil, 1, []ID{1, 2, 3}},
		{"a note under HS-2 and a decision in AOB", func(r *MeetingRecord) {
			r.Notes = []Note{{MeetingID: 2, Item: ItemHotspot, HotspotID: 2}}
			r.Decisions = []Decision{{MeetingID: 2, Item: ItemAOB}}
		}, []int{5, 8}, 1, []ID{1, 3}},
		{"attendance, declarations, minutes, next date", func(r *MeetingRecord) {
			r.Meeting.Attendance[1].Status = Apologies
			r.Meeting.ConfidentialityRead, r.Meeting.NoDeclarations = true, true
			r.Meeting.MinutesApprovedByDecID, r.Meeting.NextDate = 9, MustDate("2026-12-01")
		}, []int{0, 1, 2, 9}, 1, []ID{1, 2, 3}},
		{"HS-3's action reviewed there: matters arising and HS-3 done", func(r *MeetingRecord) {
			r.Meeting.Visited = []ID{3}
			r.Updates = []ActionUpdate{{ActionID: 1, Kind: UpdateReview, MeetingID: 2, At: at}}
		}, []int{3, 6}, 0, []ID{1, 2}},
		{"HS-3's action reviewed in matters arising, HS-3 passed over: no ✓", func(r *MeetingRecord) {
			r.Meeting.Visited = []ID{3}
			r.Updates = []ActionUpdate{{ActionID: 1, Kind: UpdateReview, MeetingID: 2, At: at, Under: ItemMatters}}
		}, []int{3}, 0, []ID{1, 2, 3}},
		{"HS-3's action reviewed under HS-3's item", func(r *MeetingRecord) {
			r.Updates = []ActionUpdate{{ActionID: 1, Kind: UpdateReview, MeetingID: 2, At: at, Under: ItemHotspot, UnderHotspot: 3}}
		}, []int{3, 6}, 0, []ID{1, 2}},
		{"an action assigned under HS-1 and a referral", func(r *MeetingRecord) {
			r.Actions = append(r.Actions, Action{ID: 2, HotspotID: 1, CreatedMeetingID: 2, CreatedAt: at})
			r.Hotspots = []Hotspot{{ID: 9, ReferredInMeeting: 2}}
		}, []int{4, 7}, 1, []ID{2, 3}},
	}
	for _, tt := range tests {
		r := base()
		tt.edit(&r)
		p := MeetingProgress(&r)
		var done []int
		for i, d := range p.Done {
			if d {
				done = append(done, i)
			}
		}
		if !slices.Equal(done, tt.done) || p.Unreviewed != tt.unreviewed || !slices.Equal(p.NotReached, tt.notReached) {
			t.Errorf("%s: done %v, unreviewed %d, not reached %v; want %v, %d, %v", tt.name, done, p.Unreviewed, p.NotReached, tt.done, tt.unreviewed, tt.notReached)
		}
	}
}

func TestCloseWarning(t *testing.T) {
	m := Meeting{NextDate: MustDate("2026-12-01")}
	if w := (Progress{Unmarked: 2, NoStatement: true, NoDeclarations: true, MinutesUnapproved: true}).CloseWarning(m); w !=
		"2 members' attendance not recorded (minuted absent); the confidentiality statement not recorded as read; declarations of interest not recorded; the previous minutes not approved." {
		t.Errorf("standing business: %q", w)
	}
	if w := (Progress{}).CloseWarning(m); w != "" {
		t.Errorf("nothing unfinished, but %q", w)
	}
	w := (Progress{Unreviewed: 3, NotReached: []ID{4, 7}}).CloseWarning(Meeting{})
	for _, want := range []string{"3 matters arising not reviewed", "2 items not discussed (HS-4, HS-7), to be deferred to the next meeting", "no next meeting date set"} {
		if !strings.Contains(w, want) {
			t.Errorf("%q lacks %q", w, want)
		}
	}
	if w := (Progress{NotReached: []ID{1, 2, 3, 4}}).CloseWarning(m); w != "4 items not discussed, to be deferred to the next meeting." {
		t.Errorf("many: %q", w)
	}
}
