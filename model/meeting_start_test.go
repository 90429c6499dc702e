package model

import (
	"errors"
	"testing"
	"time"
)

func TestSortMeetings(t *testing.T) {
	ms := []Meeting{
		{ID: 3, Date: MustDate("2026-11-24")},
		{ID: 1, Date: MustDate("2026-11-24")},
		{ID: 2, Date: MustDate("2026-11-17")},
		{ID: 10, Date: MustDate("2026-12-01")},
	}
	SortMeetings(ms)
	var got []ID
	for _, m := range ms {
		got = append(got, m.ID)
	}
	if want := []ID{2, 1, 3, 10}; !equalIDs(got, want) {
		t.Errorf("order = %v, want %v (by date, then the one made first)", got, want)
	}
}

func equalIDs(a, b []ID) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestMeetingToStart(t *testing.T) {
	closed := func(id ID) Meeting { return Meeting{ID: id, State: MeetingClosed} }
	planned := func(id ID) Meeting { return Meeting{ID: id, State: MeetingPlanned} }
	tests := []struct {
		name                    string
		meetings                []Meeting
		wantPlanned, wantBefore ID
		wantOpen                ID
	}{
		{"the first meeting", nil, 0, 0, 0},
		{"after a closed one, nothing planned", []Meeting{closed(1), closed(2)}, 0, 2, 0},
		{"the planned one opens", []Meeting{closed(1), planned(2)}, 2, 1, 0},
		{"the first planned of two", []Meeting{closed(1), planned(2), planned(3)}, 2, 1, 0},
		{"one under way is resumed, not started", []Meeting{closed(1), {ID: 2, State: MeetingOpen}, planned(3)}, 0, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, prev, err := MeetingToStart(tt.meetings)
			var open *MeetingOpenError
			if tt.wantOpen != 0 {
				if !errors.As(err, &open) || open.Meeting.ID != tt.wantOpen {
					t.Fatalf("err = %v, want meeting M-%d open", err, tt.wantOpen)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if id(p) != tt.wantPlanned || id(prev) != tt.wantBefore {
				t.Errorf("planned %d, previous %d; want %d, %d", id(p), id(prev), tt.wantPlanned, tt.wantBefore)
			}
		})
	}
	err := (&MeetingOpenError{Meeting{ID: 2, Date: MustDate("2026-11-24"), Time: "10:00"}}).Error()
	if want := "meeting M-2 (Tue 24 Nov 2026 10:00) is already open: resume it"; err != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func id(m *Meeting) ID {
	if m == nil {
		return 0
	}
	return m.ID
}

func TestNewMeeting(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	p := Partnership{DefaultTime: "10:00", DefaultPlace: "Committee Room 1", DefaultKind: KindTactical}
	m := NewMeeting(p, at)
	if m.Time != "10:00" || m.Place != "Committee Room 1" || m.Kind != KindTactical || !m.CreatedAt.Equal(at) || !m.Date.IsZero() || m.State != "" {
		t.Errorf("NewMeeting = %+v", m)
	}
}

func TestStartDate(t *testing.T) {
	asked, planned, today := MustDate("2026-11-25"), MustDate("2026-11-24"), MustDate("2026-11-23")
	tests := []struct {
		name                  string
		asked, planned, today Date
		want                  Date
	}{
		{"the date asked for", asked, planned, today, asked},
		{"else the date it was planned for", Date{}, planned, today, planned},
		{"else today", Date{}, Date{}, today, today},
	}
	for _, tt := range tests {
		if got := StartDate(tt.asked, tt.planned, tt.today); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestCheckStartDate(t *testing.T) {
	last := &Meeting{Date: MustDate("2026-11-17")}
	tests := []struct {
		name    string
		prev    *Meeting
		date    Date
		wantErr string
	}{
		{"the first meeting", nil, MustDate("2020-01-01"), ""},
		{"after the last", last, MustDate("2026-11-24"), ""},
		{"the same day", last, MustDate("2026-11-17"), ""},
		{"before the last", last, MustDate("2026-11-16"), "the last meeting was on 2026-11-17: a new meeting cannot be earlier"},
	}
	for _, tt := range tests {
		if err := CheckStartDate(tt.prev, tt.date); errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestOpeningAgenda(t *testing.T) {
	hs := []Hotspot{
		{ID: 1, Status: HotspotActive, Risk: RiskHigh},
		{ID: 2, Status: HotspotActive, Risk: RiskLow},
	}
	hotspotOrder := func(items []AgendaItem) []ID {
		var out []ID
		for _, it := range items {
			if it.Kind == ItemHotspot {
				out = append(out, it.HotspotID)
			}
		}
		return out
	}
	tests := []struct {
		name string
		last *Meeting
		want []ID
	}{
		{"the first meeting: by risk", nil, []ID{1, 2}},
		{"nothing deferred: by risk", &Meeting{}, []ID{1, 2}},
		{"what the last meeting deferred first", &Meeting{Deferred: []ID{2}}, []ID{2, 1}},
	}
	for _, tt := range tests {
		if got := hotspotOrder(OpeningAgenda(tt.last, hs, nil, 0)); !equalIDs(got, tt.want) {
			t.Errorf("%s: hotspots %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAttendanceList(t *testing.T) {
	members := []Member{
		{ID: 1, Role: RoleChair},
		{ID: 2, Role: RoleMember},
		{ID: 3, Role: RoleMember, Retired: true},
		{ID: 4, Role: RoleViewer},
		{ID: 5, Role: RoleCirculation},
		{ID: 6, Role: RoleAdmin},
	}
	var got []ID
	for _, a := range AttendanceList(members) {
		if a.Status != Unmarked {
			t.Errorf("member %d starts %q, want unmarked", a.MemberID, a.Status)
		}
		got = append(got, a.MemberID)
	}
	if want := []ID{1, 2, 4, 6}; !equalIDs(got, want) {
		t.Errorf("attendance list = %v, want %v (not retired, not circulation only)", got, want)
	}
	if AttendanceList(nil) != nil {
		t.Error("no members should make no list")
	}
}

func TestMeetingChair(t *testing.T) {
	tests := []struct {
		name string
		by   Actor
		want ID
	}{
		{"a chair starting it chairs it", Actor{MemberID: 7, Role: RoleChair}, 7},
		{"the partnership's chair starting it", Actor{MemberID: 1, Role: RoleChair}, 1},
		{"an admin starts it for the chair", Actor{MemberID: 8, Role: RoleAdmin}, 1},
		{"a chair with no member record", Actor{Role: RoleChair}, 1},
	}
	for _, tt := range tests {
		if got := MeetingChair(1, tt.by); got != tt.want {
			t.Errorf("%s: chair %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestMeetingOpen(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 2, 0, 0, time.UTC)
	m := Meeting{State: MeetingPlanned, Current: 4}
	m.Open(at)
	if m.State != MeetingOpen || m.Current != 0 || !m.OpenedAt.Equal(at) || !m.ItemStartedAt.Equal(at) {
		t.Errorf("opened = %+v", m)
	}
}

func TestMeetingStarted(t *testing.T) {
	for st, want := range map[MeetingState]bool{MeetingPlanned: false, MeetingOpen: true, MeetingClosed: true} {
		if got := (Meeting{State: st}).Started(); got != want {
			t.Errorf("%s: Started = %v, want %v", st, got, want)
		}
	}
}

func TestNextPlanned(t *testing.T) {
	closed := Meeting{ID: 5, Kind: KindOperational, ChairID: 2, NextDate: MustDate("2026-12-01"), NextTime: "14:00", NextPlace: "Town Hall"}
	if !closed.PlansNext() {
		t.Error("a meeting that fixed the next date plans it")
	}
	if (Meeting{}).PlansNext() {
		t.Error("a meeting that fixed no date plans nothing")
	}
	tests := []struct {
		name    string
		waiting *Meeting
		want    Meeting
	}{
		{"a new one, of this kind and chair", nil,
			Meeting{Date: closed.NextDate, Time: "14:00", Place: "Town Hall", Kind: KindOperational, ChairID: 2, State: MeetingPlanned}},
		{"the one waiting, moved", &Meeting{ID: 9, Kind: KindTactical, ChairID: 3, State: MeetingPlanned, Date: MustDate("2026-11-30"), Time: "10:00", Version: 2},
			Meeting{ID: 9, Kind: KindTactical, ChairID: 3, State: MeetingPlanned, Date: closed.NextDate, Time: "14:00", Place: "Town Hall", Version: 2}},
	}
	for _, tt := range tests {
		got := NextPlanned(closed, tt.waiting)
		if got.ID != tt.want.ID || got.Date != tt.want.Date || got.Time != tt.want.Time || got.Place != tt.want.Place ||
			got.Kind != tt.want.Kind || got.ChairID != tt.want.ChairID || got.State != tt.want.State || got.Version != tt.want.Version {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestNextMeetingDate(t *testing.T) {
	today := MustDate("2026-11-24") // a Tuesday, a meeting day
	fixed, plannedOn := MustDate("2026-12-01"), MustDate("2026-11-30")
	opened := &Meeting{Date: today}
	tests := []struct {
		name                string
		open, planned, last *Meeting
		cadence             Cadence
		today               Date
		want                Date
	}{
		{name: "the date the meeting under way fixed", open: &Meeting{Date: today, NextDate: fixed}, planned: &Meeting{Date: plannedOn}, want: fixed},
		{name: "none fixed yet: the planned meeting", open: opened, planned: &Meeting{Date: plannedOn}, want: plannedOn},
		{name: "no meeting under way: the planned meeting", planned: &Meeting{Date: plannedOn}, last: &Meeting{Date: today.AddDays(-7)}, want: plannedOn},
		{name: "in a meeting, none fixed: a week on", open: opened, cadence: Weekly, want: MustDate("2026-12-01")},
		{name: "in a meeting, none fixed: a fortnight on", open: opened, cadence: Fortnightly, want: MustDate("2026-12-08")},
		{name: "in a meeting, none fixed: a month on", open: opened, cadence: Monthly, want: MustDate("2026-12-22")},
		{name: "no cadence set: weekly", open: opened, want: MustDate("2026-12-01")},
		{name: "between meetings: a cadence on from the last", last: &Meeting{Date: MustDate("2026-11-17")}, cadence: Fortnightly, want: MustDate("2026-12-01")},
		{name: "the last was long ago: the next one not before today", last: &Meeting{Date: MustDate("2026-09-01")}, cadence: Weekly, want: today},
		{name: "the last was long ago, fortnightly", last: &Meeting{Date: MustDate("2026-09-01")}, cadence: Fortnightly, want: MustDate("2026-11-24")},
		{name: "the meeting under way, not the last, is what the cadence runs from", open: opened, last: &Meeting{Date: today.AddDays(-3)}, cadence: Weekly, want: MustDate("2026-12-01")},
		{name: "across a leap day", last: &Meeting{Date: MustDate("2028-02-22")}, cadence: Weekly, today: MustDate("2028-02-23"), want: MustDate("2028-02-29")},
		{name: "no meeting to go by", want: Date{}},
	}
	for _, tt := range tests {
		day := tt.today
		if day.IsZero() {
			day = today
		}
		if got := NextMeetingDate(tt.open, tt.planned, tt.last, tt.cadence, day); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
