package model

import (
	"testing"
	"time"
)

func agendaOf(items ...AgendaItem) Meeting { return Meeting{Agenda: items} }

func TestMeetingCheckItem(t *testing.T) {
	m := agendaOf(AgendaItem{Kind: ItemAttendance}, AgendaItem{Kind: ItemAOB})
	for _, tt := range []struct {
		i       int
		wantErr string
	}{
		{0, ""}, {1, ""}, {2, "there is no item 3"}, {-1, "there is no item 0"},
	} {
		if err := m.CheckItem(tt.i); errText(err) != tt.wantErr {
			t.Errorf("CheckItem(%d) = %v, want %q", tt.i, err, tt.wantErr)
		}
	}
}

func TestMeetingGoTo(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 15, 0, 0, time.UTC)
	tests := []struct {
		name        string
		i           int
		wantVisited []ID
		wantErr     string
	}{
		{"a hotspot gone to is visited", 1, []ID{3}, ""},
		{"a standing item is not", 2, nil, ""},
		{"no such item", 5, nil, "there is no item 6"},
	}
	for _, tt := range tests {
		m := agendaOf(AgendaItem{Kind: ItemMatters}, AgendaItem{Kind: ItemHotspot, HotspotID: 3}, AgendaItem{Kind: ItemAOB})
		err := m.GoTo(tt.i, at)
		if errText(err) != tt.wantErr {
			t.Fatalf("%s: err %v, want %q", tt.name, err, tt.wantErr)
		}
		if !equalIDs(m.Visited, tt.wantVisited) {
			t.Errorf("%s: visited %v, want %v", tt.name, m.Visited, tt.wantVisited)
		}
		if err == nil && (m.Current != tt.i || !m.ItemStartedAt.Equal(at)) {
			t.Errorf("%s: current %d started %v", tt.name, m.Current, m.ItemStartedAt)
		}
		if err != nil && m.Current != 0 {
			t.Errorf("%s: a refused move moved to %d", tt.name, m.Current)
		}
	}
}

func TestMeetingUnvisit(t *testing.T) {
	visited := []ID{3, 5, 3}
	m := Meeting{Visited: visited}
	m.Unvisit(3)
	if !equalIDs(m.Visited, []ID{5}) || !equalIDs(visited, []ID{3, 5, 3}) {
		t.Errorf("visited %v (the original %v must be untouched)", m.Visited, visited)
	}
	m.Unvisit(9)
	if !equalIDs(m.Visited, []ID{5}) {
		t.Errorf("unvisiting one never visited changed %v", m.Visited)
	}
}

func TestCheckDropHotspot(t *testing.T) {
	if err := CheckDropHotspot(4, []ID{2, 3}); err != nil {
		t.Errorf("no business: %v", err)
	}
	if err, want := CheckDropHotspot(3, []ID{2, 3}), "HS-3 has notes, decisions or actions in this meeting: it stays on the agenda"; errText(err) != want {
		t.Errorf("business: %v, want %q", err, want)
	}
}

func TestMeetingMarkRemainingPresent(t *testing.T) {
	tests := []struct {
		name       string
		attendance []Attendee
		wantMarked []ID
		wantErr    string
	}{
		{"the unmarked become present", []Attendee{{1, Present}, {2, Unmarked}, {3, Apologies}, {4, Unmarked}}, []ID{2, 4}, ""},
		{"everyone marked already", []Attendee{{1, Present}, {2, Absent}}, nil, "everyone is already marked"},
		{"nobody on the list", nil, nil, "everyone is already marked"},
	}
	for _, tt := range tests {
		m := Meeting{Attendance: append([]Attendee(nil), tt.attendance...)}
		marked, err := m.MarkRemainingPresent()
		if errText(err) != tt.wantErr || !equalIDs(marked, tt.wantMarked) {
			t.Errorf("%s: %v, %v; want %v, %q", tt.name, marked, err, tt.wantMarked, tt.wantErr)
		}
		for _, a := range m.Attendance {
			if a.Status == Unmarked {
				t.Errorf("%s: member %d still unmarked", tt.name, a.MemberID)
			}
		}
	}
}

func TestMeetingReadConfidentiality(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 1, 0, 0, time.Local)
	m := Meeting{}
	if err := m.ReadConfidentiality(at); err != nil || !m.ConfidentialityRead || !m.ConfidentialityReadAt.Equal(at) {
		t.Fatalf("first reading: %v, %+v", err, m)
	}
	if err, want := m.ReadConfidentiality(at.Add(time.Hour)), "the statement was already recorded as read at 10:01"; errText(err) != want {
		t.Errorf("second reading: %v, want %q", err, want)
	}
	if !m.ConfidentialityReadAt.Equal(at) {
		t.Errorf("a refused reading moved the time to %v", m.ConfidentialityReadAt)
	}
}

func TestMeetingDeclare(t *testing.T) {
	tests := []struct {
		name     string
		d        Declaration
		wantItem ItemKind
		wantErr  string
	}{
		{"on the meeting's business generally", Declaration{Name: "Ann", Text: "x"}, "", ""},
		{"on a standing item", Declaration{Name: "Ann", Text: "x", Item: ItemAOB}, ItemAOB, ""},
		{"naming a hotspot on the agenda: its item", Declaration{Name: "Ann", Text: "x", Item: ItemAOB, HotspotID: 3}, ItemHotspot, ""},
		{"naming a hotspot not on the agenda", Declaration{Name: "Ann", Text: "x", HotspotID: 9}, ItemHotspot, "HS-9 is not on the agenda"},
	}
	for _, tt := range tests {
		m := agendaOf(AgendaItem{Kind: ItemHotspot, HotspotID: 3}, AgendaItem{Kind: ItemAOB})
		m.NoDeclarations = true
		d, err := m.Declare(tt.d, nil)
		if errText(err) != tt.wantErr {
			t.Fatalf("%s: err %v, want %q", tt.name, err, tt.wantErr)
		}
		if err != nil {
			if len(m.Declarations) != 0 || !m.NoDeclarations {
				t.Errorf("%s: a refused declaration changed the meeting", tt.name)
			}
			continue
		}
		if d.Item != tt.wantItem || len(m.Declarations) != 1 || m.Declarations[0] != d || m.NoDeclarations {
			t.Errorf("%s: declared %+v, meeting %+v", tt.name, d, m.Declarations)
		}
	}
}

func TestMeetingDeclareNone(t *testing.T) {
	m := Meeting{}
	if err := m.DeclareNone(); err != nil || !m.NoDeclarations {
		t.Errorf("none declared: %v, %v", err, m.NoDeclarations)
	}
	m = Meeting{Declarations: []Declaration{{Name: "A"}, {Name: "B"}}}
	if err, want := m.DeclareNone(), "2 declarations are already recorded"; errText(err) != want || m.NoDeclarations {
		t.Errorf("some declared: %v, want %q", err, want)
	}
}

func TestMeetingCheckApproval(t *testing.T) {
	tests := []struct {
		name    string
		m       Meeting
		wantErr string
	}{
		{"the previous minutes to approve", Meeting{PreviousMeetingID: 4}, ""},
		{"no previous meeting", Meeting{}, "there is no previous meeting to approve"},
		{"approved already", Meeting{PreviousMeetingID: 4, MinutesApprovedByDecID: 12}, "the previous minutes are already approved (D-12)"},
	}
	for _, tt := range tests {
		if err := tt.m.CheckApproval(); errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
		}
	}
	got := MinutesApproval(Meeting{Date: MustDate("2026-11-17")})
	if want := "that the minutes of the meeting held on Tuesday 17 November 2026 be approved as a correct record and signed by the Chair"; got != want {
		t.Errorf("MinutesApproval = %q, want %q", got, want)
	}
}

func TestMeetingSetNext(t *testing.T) {
	tests := []struct {
		name               string
		date               Date
		clock, place       string
		wantTime, wantPlac string
		wantErr            string
	}{
		{"this meeting's time and place", MustDate("2026-12-01"), "", "", "10:00", "Room 1", ""},
		{"another time and place", MustDate("2026-12-01"), "14:00", "Town Hall", "14:00", "Town Hall", ""},
		{"the same day", MustDate("2026-11-24"), "", "", "", "", "the next meeting must be after this one (2026-11-24)"},
		{"before this one", MustDate("2026-11-20"), "", "", "", "", "the next meeting must be after this one (2026-11-24)"},
	}
	for _, tt := range tests {
		m := Meeting{Date: MustDate("2026-11-24"), Time: "10:00", Place: "Room 1"}
		err := m.SetNext(tt.date, tt.clock, tt.place)
		if errText(err) != tt.wantErr {
			t.Fatalf("%s: err %v, want %q", tt.name, err, tt.wantErr)
		}
		if err != nil {
			if !m.NextDate.IsZero() {
				t.Errorf("%s: a refused date was kept", tt.name)
			}
			continue
		}
		if m.NextDate != tt.date || m.NextTime != tt.wantTime || m.NextPlace != tt.wantPlac {
			t.Errorf("%s: next %s %s %s", tt.name, m.NextDate, m.NextTime, m.NextPlace)
		}
	}
}

func TestMeetingClose(t *testing.T) {
	at := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	m := Meeting{State: MeetingOpen,
		Attendance: []Attendee{{1, Present}, {2, Unmarked}, {3, Apologies}},
		Agenda:     []AgendaItem{{Kind: ItemHotspot, HotspotID: 3}, {Kind: ItemHotspot, HotspotID: 5}, {Kind: ItemAOB}}}
	if err := m.Close([]ID{3}, at); err != nil {
		t.Fatal(err)
	}
	want := []AttendanceStatus{Present, Absent, Apologies}
	for i, a := range m.Attendance {
		if a.Status != want[i] {
			t.Errorf("member %d: %q, want %q (unmarked counts as absent)", a.MemberID, a.Status, want[i])
		}
	}
	if !equalIDs(m.Deferred, []ID{5}) || m.State != MeetingClosed || !m.ClosedAt.Equal(at) {
		t.Errorf("closed: deferred %v, state %s, at %v", m.Deferred, m.State, m.ClosedAt)
	}
}

// A meeting never closes before it started: a clock a little behind
// (separate processes) closes it at its start, one further behind is
// refused naming both times, and the meeting is left open.
func TestMeetingCloseNotBeforeItStarted(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no zone data")
	}
	opened := time.Date(2026, 11, 24, 10, 0, 0, 0, london)
	const behind = " — the computer's clock (or TASKING_NOW) is behind: nothing was saved"
	tests := []struct {
		name    string
		opened  time.Time
		at      time.Time
		want    time.Time
		wantErr string
	}{
		{name: "after it started", opened: opened, at: opened.Add(90 * time.Minute), want: opened.Add(90 * time.Minute)},
		{name: "the moment it started", opened: opened, at: opened, want: opened},
		{name: "a clock a little behind: at its start", opened: opened, at: opened.Add(-2 * time.Minute), want: opened},
		{name: "a clock set back an hour", opened: opened, at: opened.Add(-time.Hour),
			wantErr: "M-3 started at 10:00 on 24 Nov; it cannot close at 09:00" + behind},
		{name: "TASKING_NOW the day before", opened: opened, at: time.Date(2026, 11, 23, 10, 0, 0, 0, london),
			wantErr: "M-3 started at 10:00 on 24 Nov; it cannot close at 10:00 on 23 Nov" + behind},
		{name: "the clocks going back: 01:10 GMT is after 01:30 BST", opened: time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC),
			at: time.Date(2026, 10, 25, 1, 10, 0, 0, london), want: time.Date(2026, 10, 25, 1, 10, 0, 0, london)},
		{name: "never opened (records from before)", at: opened, want: opened},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Meeting{ID: 3, State: MeetingOpen, OpenedAt: tt.opened, Attendance: []Attendee{{1, Unmarked}}}
			err := m.Close(nil, tt.at)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if err != nil {
				if m.State != MeetingOpen || !m.ClosedAt.IsZero() || m.Attendance[0].Status != Unmarked {
					t.Errorf("a refused close changed the meeting: %+v", m)
				}
				return
			}
			if !m.ClosedAt.Equal(tt.want) || m.ClosedAt.Before(m.OpenedAt) {
				t.Errorf("closed at %v, want %v (opened %v)", m.ClosedAt, tt.want, m.OpenedAt)
			}
		})
	}
}

func TestItemOf(t *testing.T) {
	for _, tt := range []struct {
		kind    ItemKind
		hotspot ID
		want    ItemKind
	}{
		{ItemAOB, 0, ItemAOB}, {ItemAOB, 3, ItemHotspot}, {ItemMatters, 3, ItemHotspot}, {"", 0, ""},
	} {
		if got := ItemOf(tt.kind, tt.hotspot); got != tt.want {
			t.Errorf("ItemOf(%q, %d) = %q, want %q", tt.kind, tt.hotspot, got, tt.want)
		}
	}
}

func TestRequireMeeting(t *testing.T) {
	if err := RequireMeeting("decision", 4); err != nil {
		t.Errorf("in a meeting: %v", err)
	}
	for what, want := range map[string]string{
		"decision": "a decision belongs to a meeting: no meeting is open",
		"note":     "a note belongs to a meeting: no meeting is open",
	} {
		if err := RequireMeeting(what, 0); errText(err) != want {
			t.Errorf("%s outside a meeting: %v, want %q", what, err, want)
		}
	}
}

func TestMeetingCheckAmendable(t *testing.T) {
	for _, tt := range []struct {
		state   MeetingState
		wantErr string
	}{
		{MeetingClosed, ""},
		{MeetingOpen, "meeting M-4 is still open: record a further note or decision instead of amending"},
		{MeetingPlanned, "meeting M-4 is still open: record a further note or decision instead of amending"},
	} {
		if err := (Meeting{ID: 4, State: tt.state}).CheckAmendable(); errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.state, err, tt.wantErr)
		}
	}
}

func TestCheckAmendment(t *testing.T) {
	if err := CheckAmendment("that a", "that b"); err != nil {
		t.Errorf("a change: %v", err)
	}
	if err, want := CheckAmendment("that a", "that a"), "that is the text already recorded"; errText(err) != want {
		t.Errorf("no change: %v, want %q", err, want)
	}
}

func TestCheckBudget(t *testing.T) {
	for _, tt := range []struct {
		minutes int
		wantErr string
	}{
		{0, ""}, {15, ""}, {MaxBudget, ""}, {MaxBudget + 1, "a budget is 0 to 240 minutes"}, {-1, "a budget is 0 to 240 minutes"},
	} {
		if err := CheckBudget(tt.minutes); errText(err) != tt.wantErr {
			t.Errorf("CheckBudget(%d) = %v, want %q", tt.minutes, err, tt.wantErr)
		}
	}
}

// A guest at the meeting may declare an interest: only someone on its guest
// list, found as people type names; a restricted record says who and from
// where, the public one where from only.
// A guest or a declaration added twice under one name is the latest.
func TestFindGuestAndDeclarationTakeTheLatest(t *testing.T) {
	m := Meeting{Guests: []Guest{{Name: "Dr Kim Reyes", Agency: "Old Uni"}, {Name: "Ann Other"}, {Name: "dr kim reyes", Agency: "Testshire University"}},
		Declarations: []Declaration{{Name: "Dr Kim Reyes", Guest: true}, {Name: "Louise Birch"}, {Name: "Dr Kim Reyes", Guest: true}}}
	if i, err := m.FindGuest("Kim Reyes"); i != 2 || err != nil {
		t.Errorf("FindGuest: %d, %v; want the latest, 2", i, err)
	}
	if i, err := m.FindDeclaration("reyes"); i != 2 || err != nil {
		t.Errorf("FindDeclaration: %d, %v; want the latest, 2", i, err)
	}
	if _, err := m.FindDeclaration("Ann Other"); errText(err) != "Ann Other has declared nothing at this meeting" {
		t.Errorf("FindDeclaration of a guest who declared nothing: %v", err)
	}
}

func TestGuestDeclaration(t *testing.T) {
	m := Meeting{Guests: []Guest{{Name: "Karen Doyle", Agency: "Royal Hospital"}, {Name: "Ann Other"},
		{Name: "Dr Kim Reyes", Agency: "Testshire University"}, {Name: "Kim Rees"}}}
	tests := []struct {
		name, guest       string
		wantErr           string
		restricted, shown string // Declarant as recorded, and in the public record
	}{
		{"a guest", "Karen Doyle", "", "Karen Doyle (guest, Royal Hospital)", "A guest from Royal Hospital"},
		{"as typed", "karen doyle", "", "Karen Doyle (guest, Royal Hospital)", "A guest from Royal Hospital"},
		{"a guest without an organisation", "Ann Other", "", "Ann Other (guest)", "A guest"},
		{"not a guest at this meeting", "Sgt Jas Patel", "Sgt Jas Patel is not a guest at this meeting", "", ""},
		// A guest's name as people type it, as a member's is found: the
		// title left off was "not a guest at this meeting".
		{"without the title", "Kim Reyes", "", "Dr Kim Reyes (guest, Testshire University)", "A guest from Testshire University"},
		{"the surname, accents aside", "réyes", "", "Dr Kim Reyes (guest, Testshire University)", "A guest from Testshire University"},
		{"the whole name before a word of another", "kim rees", "", "Kim Rees (guest)", "A guest"},
		{"two at the best match: asked, never guessed", "re", `"re" could be Dr Kim Reyes, Kim Rees: give more of the name`, "", ""},
	}
	for _, tt := range tests {
		d, err := m.GuestDeclaration(tt.guest)
		if errText(err) != tt.wantErr {
			t.Fatalf("%s: err %v, want %q", tt.name, err, tt.wantErr)
		}
		if err != nil {
			continue
		}
		d.Text = "A relative works on the ward"
		if !d.Guest || d.MemberID != 0 || d.Declarant() != tt.restricted {
			t.Errorf("%s: %+v says %q, want %q", tt.name, d, d.Declarant(), tt.restricted)
		}
		with := m
		if _, err := with.Declare(d, nil); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		public := PublicRules(with, nil).PublicMeeting(with)
		if got := public.Declarations[0]; got.Declarant() != tt.shown || got.Text != d.Text {
			t.Errorf("%s: the public record says %q: %q, want %q", tt.name, got.Declarant(), got.Text, tt.shown)
		}
	}
	// A member's declaration is theirs by name, in public as in private.
	if d := (Declaration{MemberID: 2, Name: "Sgt Jas Patel"}); d.Declarant() != "Sgt Jas Patel" {
		t.Errorf("a member's declarant %q", d.Declarant())
	}
}
