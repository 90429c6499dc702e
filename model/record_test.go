package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMattersArisingAndWorkload(t *testing.T) {
	today := MustDate("2026-11-24")
	opened := today.Time(time.UTC)
	earlier := opened.Add(-7 * 24 * time.Hour)
	rec := MeetingRecord{
		Meeting:  Meeting{ID: 9, State: MeetingOpen, OpenedAt: opened},
		Today:    today,
		Agencies: []Agency{{ID: 1, Name: "Police"}, {ID: 2, Name: "Housing"}, {ID: 3, Name: "Fire"}},
		Actions: []Action{
			{ID: 1, AgencyID: 1, Status: StatusOpen, Due: today.AddDays(3), CreatedMeetingID: 8, CreatedAt: earlier},
			{ID: 2, AgencyID: 1, Status: StatusInProgress, Due: today.AddDays(-2), CreatedMeetingID: 8, CreatedAt: earlier},
			{ID: 3, AgencyID: 2, Status: StatusOpen, Due: today.AddDays(-9), CreatedMeetingID: 7, CreatedAt: earlier},
			{ID: 4, AgencyID: 2, Status: StatusDone, Due: today.AddDays(-1), CreatedMeetingID: 8, CreatedAt: earlier, CompletedOn: today.AddDays(-3)},
			{ID: 5, AgencyID: 2, Status: StatusDone, Due: today, CreatedMeetingID: 8, CreatedAt: earlier, CompletedOn: today},
			// done in the last meeting itself, before it closed: not "since"
			{ID: 7, AgencyID: 3, Status: StatusDone, Due: today, CreatedMeetingID: 7, CreatedAt: earlier.Add(-7 * 24 * time.Hour), CompletedOn: DateOf(earlier), UpdatedAt: earlier.Add(time.Hour)},
			{ID: 6, AgencyID: 1, Status: StatusOpen, Due: today.AddDays(7), CreatedMeetingID: 9, CreatedAt: opened.Add(time.Minute)},
		},
		Updates: []ActionUpdate{{ActionID: 5, MeetingID: 9, Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusDone, At: opened.Add(time.Minute)}},
	}
	var got []ID
	for _, a := range rec.MattersArising() {
		got = append(got, a.ID)
	}
	want := []ID{3, 2, 5, 1} // overdue most-overdue first, then by due; 5 reviewed today stays; 4 done earlier and 6 new are out
	if len(got) != len(want) {
		t.Fatalf("matters arising %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("matters arising %v, want %v", got, want)
		}
	}
	// Closed (and read from its frozen record), the list is the same:
	// what was before the meeting, reviewed or not; an action assigned
	// after it closed is not.
	rec.Meeting.State, rec.Meeting.ClosedAt = MeetingClosed, opened.Add(time.Hour)
	rec.Actions = append(rec.Actions, Action{ID: 8, AgencyID: 1, Status: StatusOpen, Due: today, CreatedAt: opened.Add(2 * time.Hour)})
	if ma := rec.MattersArising(); len(ma) != 4 || ma[2].ID != 5 {
		t.Fatalf("closed meeting's matters arising %v, want 3 2 5 1", ma)
	}
	rec.Actions = rec.Actions[:len(rec.Actions)-1]

	rec.Actions[0].LastUpdateAt = opened.Add(-24 * time.Hour) // police, updated since the last meeting
	loads := AgencyWorkload(rec.Agencies, rec.Actions, today, earlier.Add(2*time.Hour), CompletionDays(rec.Actions, today))
	if len(loads) != 2 {
		t.Fatalf("loads = %+v (Fire's only action was done in the last meeting: not listed)", loads)
	}
	// Housing has 1 overdue and Police 1: tie → more open first (Police 3 open).
	if loads[0].Agency.Name != "Police" || loads[0].Open != 3 || loads[0].Overdue != 1 || loads[0].DoneSince != 0 ||
		loads[0].UpdatedSince != 1 || loads[0].MedianDaysToComplete != -1 {
		t.Fatalf("police load %+v", loads[0])
	}
	// Housing finished A-4 after 4 days and A-5 after 7: median 5 (rounded down).
	if loads[1].Agency.Name != "Housing" || loads[1].Open != 1 || loads[1].Overdue != 1 || loads[1].DoneSince != 2 ||
		loads[1].MedianDaysToComplete != 5 {
		t.Fatalf("housing load %+v", loads[1])
	}
}

func TestHotspotHistoryIsBeforeThisMeetingNewestFirst(t *testing.T) {
	opened := MustDate("2026-11-24").Time(time.UTC)
	rec := MeetingRecord{
		Meeting:   Meeting{ID: 9, State: MeetingOpen, OpenedAt: opened},
		Notes:     []Note{{MeetingID: 7, HotspotID: 1, Text: "old note", At: opened.Add(-14 * 24 * time.Hour)}, {MeetingID: 9, HotspotID: 1, Text: "today's note", At: opened.Add(time.Minute)}},
		Decisions: []Decision{{MeetingID: 8, HotspotID: 1, Text: "that patrols continue", At: opened.Add(-7 * 24 * time.Hour)}, {MeetingID: 8, HotspotID: 2, Text: "elsewhere", At: opened.Add(-7 * 24 * time.Hour)}},
		Actions:   []Action{{ID: 4, HotspotID: 1, Text: "Cut back hedges"}},
		Updates:   []ActionUpdate{{ActionID: 4, Kind: UpdateCreated, At: opened.Add(-10 * 24 * time.Hour), MeetingID: 7}},
	}
	h := rec.HotspotHistory(1, 10)
	if len(h) != 3 || h[0].Kind != "resolved" || h[1].Kind != "action" || h[2].Text != "old note" {
		t.Fatalf("history = %+v", h)
	}
	if h := rec.HotspotHistory(1, 1); len(h) != 1 {
		t.Fatalf("limit ignored: %d", len(h))
	}
	// Private business stays marked in later meetings: a confidential
	// note, a Part 2 decision, an action agreed in private and its updates.
	rec.Notes = append(rec.Notes, Note{MeetingID: 8, HotspotID: 1, Text: "Witness: J Smith", Confidential: true, Privacy: PrivateUnder(0), At: opened.Add(-6 * 24 * time.Hour)})
	rec.Decisions[0].Part2, rec.Decisions[0].Privacy = true, PrivateUnder(0)
	rec.Actions = append(rec.Actions, Action{ID: 5, HotspotID: 1, Text: "Visit the family", Privacy: PrivateUnder(ParaCrime)})
	rec.Updates = append(rec.Updates, ActionUpdate{ActionID: 5, Kind: UpdateCreated, At: opened.Add(-5 * 24 * time.Hour), MeetingID: 8},
		ActionUpdate{ActionID: 4, Kind: UpdateNote, Text: "Hedges cut", At: opened.Add(-4 * 24 * time.Hour), Privacy: PrivateUnder(0)},
		ActionUpdate{ActionID: 4, Kind: UpdateDue, FromDue: MustDate("2026-12-01"), ToDue: MustDate("2026-12-15"), Text: "waiting for the contractor", At: opened.Add(-3 * 24 * time.Hour)})
	for _, e := range rec.HotspotHistory(1, 10) {
		want := e.Text == "Witness: J Smith" || e.Kind == "resolved" || strings.HasPrefix(e.Text, "A-5") || e.Words == "Hedges cut"
		if e.Private != want {
			t.Errorf("%q private = %v", e.Line(), e.Private)
		}
	}
	// An update's words are kept apart from what it changed, so a public
	// view can leave them out.
	for _, e := range rec.HotspotHistory(1, 10) {
		if e.Words == "waiting for the contractor" {
			if e.Text != "A-4 due 01 Dec → 15 Dec" || e.Line() != "A-4 due 01 Dec → 15 Dec: waiting for the contractor" {
				t.Errorf("due change entry %q / %q", e.Text, e.Line())
			}
			if pub := PublicHistory([]HistoryEntry{e}); len(pub) != 1 || pub[0].Line() != "A-4 due 01 Dec → 15 Dec" {
				t.Errorf("public history %+v", pub)
			}
		}
	}
	if pub := PublicHistory(rec.HotspotHistory(1, 10)); len(pub) != 3 {
		t.Errorf("public history keeps %d entries, want the 3 public ones: %+v", len(pub), pub)
	}
}

func TestNormaliseResolution(t *testing.T) {
	for in, want := range map[string]string{
		"That a dispersal order be sought":           "that a dispersal order be sought",
		"RESOLVED – that patrols continue":           "that patrols continue",
		"resolved: That the hotspot be closed":       "that the hotspot be closed",
		"Resolved - CCTV be redeployed to Market Pl": "that CCTV be redeployed to Market Pl",
		"a dispersal order be sought":                "that a dispersal order be sought", // completes "RESOLVED – that …"
		"THAT patrols continue":                      "that patrols continue",
		"(1) that patrols continue; (2) that CCTV …": "(1) that patrols continue; (2) that CCTV …",
	} {
		got, err := NormaliseResolution(in)
		if err != nil || got != want {
			t.Errorf("NormaliseResolution(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := NormaliseResolution("RESOLVED – "); err == nil {
		t.Error("an empty resolution was accepted")
	}
}

// Work finished between meetings comes to the next one to be confirmed, so
// its completion is minuted; work finished before the last meeting does not.
func TestFinishedSinceTheLastMeeting(t *testing.T) {
	closed := time.Date(2026, 11, 17, 11, 30, 0, 0, time.UTC)
	opened := closed.Add(7 * 24 * time.Hour) // this week's meeting
	sitting := Meeting{ID: 2, State: MeetingOpen, OpenedAt: opened}
	over := Meeting{ID: 2, State: MeetingClosed, OpenedAt: opened, ClosedAt: opened.Add(2 * time.Hour)}
	doneHere := []ActionUpdate{{MeetingID: 2, Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusDone}}
	notedHere := []ActionUpdate{{MeetingID: 2, Kind: UpdateAccept}}
	tests := []struct {
		name      string
		a         Action
		m         Meeting
		inMeeting []ActionUpdate
		want      bool
	}{
		{"done since", Action{Status: StatusDone, CompletedAt: closed.Add(48 * time.Hour)}, sitting, nil, true},
		{"done before", Action{Status: StatusDone, CompletedAt: closed.Add(-time.Hour)}, sitting, nil, false},
		{"cancelled since", Action{Status: StatusCancelled, UpdatedAt: closed.Add(time.Hour)}, sitting, nil, true},
		{"still open", Action{Status: StatusOpen, UpdatedAt: closed.Add(time.Hour)}, sitting, nil, false},
		{"done by the agency while the meeting sits", Action{Status: StatusDone, CompletedAt: opened.Add(5 * time.Minute)}, sitting, nil, true},
		{"done by the agency, accepted by the meeting", Action{Status: StatusDone, CompletedAt: opened.Add(5 * time.Minute)}, sitting, notedHere, true},
		{"done by the meeting itself", Action{Status: StatusDone, CompletedAt: opened.Add(5 * time.Minute)}, sitting, doneHere, false},
		{"done during a meeting now closed", Action{Status: StatusDone, CompletedAt: opened.Add(5 * time.Minute)}, over, nil, true},
		{"done after the meeting closed", Action{Status: StatusDone, CompletedAt: over.ClosedAt.Add(time.Minute)}, over, nil, false},
		{"a planned meeting: done since", Action{Status: StatusDone, CompletedAt: closed.Add(time.Hour)}, Meeting{ID: 2, State: MeetingPlanned}, nil, true},
	}
	for _, tt := range tests {
		if got := FinishedSince(tt.a, closed, tt.m, tt.inMeeting); got != tt.want {
			t.Errorf("%s: %v", tt.name, got)
		}
		if FinishedSince(tt.a, time.Time{}, tt.m, tt.inMeeting) {
			t.Errorf("%s: finished since no meeting", tt.name)
		}
		// Home's count is the meeting's list's length, whichever meeting.
		for _, m := range []Meeting{tt.m, {}, over} {
			rev := reviewedIn(tt.inMeeting, m.ID)
			if n, list := CountMattersArising(m, []Action{tt.a}, rev, closed), MattersArisingFor(m, []Action{tt.a}, rev, DateOf(closed), closed); n != len(list) {
				t.Errorf("%s, meeting %+v: counted %d matters arising, listed %d", tt.name, m, n, len(list))
			}
		}
	}
	m := Meeting{ID: 2, State: MeetingOpen, OpenedAt: closed.Add(7 * 24 * time.Hour)}
	actions := []Action{
		{ID: 1, Status: StatusDone, CompletedAt: closed.Add(48 * time.Hour), CreatedMeetingID: 1},
		{ID: 2, Status: StatusDone, CompletedAt: closed.Add(-48 * time.Hour), CreatedMeetingID: 1},
	}
	got := MattersArisingFor(m, actions, nil, DateOf(m.OpenedAt), closed)
	if len(got) != 1 || got[0].ID != 1 {
		t.Errorf("matters arising %v, want the action done since the last meeting", got)
	}
	// Finished by the agency while the meeting sits: on the list to confirm.
	actions = append(actions, Action{ID: 3, Status: StatusDone, CompletedAt: m.OpenedAt.Add(5 * time.Minute), CreatedMeetingID: 1})
	if got := MattersArisingFor(m, actions, nil, DateOf(m.OpenedAt), closed); len(got) != 2 {
		t.Errorf("matters arising %v, want the action the agency finished during the meeting too", got)
	}
}

// A closed meeting's hotspot item says what the meeting did about the
// hotspot's actions (assigned or reviewed there), and apart from that what
// is open now: an action open all along but not touched by the meeting is
// not its business, and is still open.
func TestDealtWithInAndOpenNow(t *testing.T) {
	today := MustDate("2026-11-24")
	opened := today.Time(time.UTC)
	rec := MeetingRecord{
		Meeting: Meeting{ID: 9, State: MeetingClosed, OpenedAt: opened, ClosedAt: opened.Add(time.Hour)},
		Today:   today,
		Actions: []Action{
			{ID: 1, HotspotID: 4, Status: StatusOpen, Due: today.AddDays(7), CreatedMeetingID: 9},          // assigned here
			{ID: 2, HotspotID: 4, Status: StatusInProgress, Due: today.AddDays(-2), CreatedMeetingID: 8},   // reviewed here
			{ID: 3, HotspotID: 4, Status: StatusOpen, Due: today.AddDays(3), CreatedMeetingID: 8},          // untouched, open
			{ID: 4, HotspotID: 4, Status: StatusDone, Due: today, CreatedMeetingID: 8, CompletedOn: today}, // done here
			{ID: 5, HotspotID: 6, Status: StatusOpen, Due: today, CreatedMeetingID: 9},                     // another hotspot
			{ID: 6, HotspotID: 4, Status: StatusOpen, Due: today.AddDays(1), CreatedMeetingID: 7},          // reviewed in another meeting
		},
		Updates: []ActionUpdate{
			{ActionID: 2, MeetingID: 9, Kind: UpdateReview, At: opened.Add(time.Minute)},
			{ActionID: 4, MeetingID: 9, Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusDone, At: opened.Add(2 * time.Minute)},
			{ActionID: 6, MeetingID: 7, Kind: UpdateReview, At: opened.Add(-7 * 24 * time.Hour)},
		},
	}
	ids := func(acts []Action) (out []ID) {
		for _, a := range acts {
			out = append(out, a.ID)
		}
		return out
	}
	for _, c := range []struct {
		name string
		got  []ID
		want []ID
	}{
		{"dealt with at the meeting", ids(rec.DealtWithIn(4)), []ID{2, 4, 1}},
		{"dealt with at the meeting, another hotspot", ids(rec.DealtWithIn(6)), []ID{5}},
		{"open now", ids(OpenActionsOf(rec.Actions, 4, today)), []ID{2, 6, 3, 1}},
		{"open now, a hotspot with none", ids(OpenActionsOf(rec.Actions, 7, today)), nil},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
}
