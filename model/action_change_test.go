package model

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// errText is an error's words ("" for none): the refusals are part of the
// interface, so tests compare them exactly.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestActionSetStatus(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 30, 0, 0, time.UTC)
	earlier := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	finished := Action{ID: 4, Status: StatusDone, CompletedOn: DateOf(earlier), CompletedAt: earlier, CompletionNote: "fixed"}
	tests := []struct {
		name    string
		a       Action
		to      ActionStatus
		note    string
		want    Action
		wantErr string
	}{
		{"done with words records when and the note", Action{ID: 1, Status: StatusInProgress}, StatusDone, "gates fitted",
			Action{ID: 1, Status: StatusDone, CompletedOn: DateOf(at), CompletedAt: at, CompletionNote: "gates fitted"}, ""},
		{"done without words keeps no note", Action{ID: 1, Status: StatusOpen, CompletionNote: "old"}, StatusDone, "",
			Action{ID: 1, Status: StatusDone, CompletedOn: DateOf(at), CompletedAt: at, CompletionNote: "old"}, ""},
		{"reopening clears the finish", finished, StatusOpen, "",
			Action{ID: 4, Status: StatusOpen}, ""},
		{"other moves leave the finish alone", Action{ID: 1, Status: StatusOpen, CompletionNote: "x"}, StatusBlocked, "",
			Action{ID: 1, Status: StatusBlocked, CompletionNote: "x"}, ""},
		{"cancelling needs a reason", Action{ID: 1, Status: StatusOpen}, StatusCancelled, " ",
			Action{ID: 1, Status: StatusOpen}, "say why it is cancelled: the minutes record the reason, not just the change"},
		{"the status it has", Action{ID: 1, Status: StatusOpen}, StatusOpen, "",
			Action{ID: 1, Status: StatusOpen}, "the action is already open"},
		{"finished work is reopened first", finished, StatusBlocked, "",
			finished, "the action is done: reopen it before marking it blocked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			u, err := a.SetStatus(tt.to, tt.note, 7, at)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if a != tt.want {
				t.Errorf("action = %+v, want %+v", a, tt.want)
			}
			if err != nil {
				return
			}
			want := ActionUpdate{Kind: UpdateStatus, FromStatus: tt.a.Status, ToStatus: tt.to, Text: tt.note, MeetingID: 7}
			if u != want {
				t.Errorf("update = %+v, want %+v", u, want)
			}
		})
	}
}

func TestActionMoveDue(t *testing.T) {
	due, later := MustDate("2026-12-01"), MustDate("2026-12-08")
	tests := []struct {
		name    string
		a       Action
		to      Date
		wantErr string
	}{
		{"carried forward", Action{ID: 3, Status: StatusInProgress, Due: due}, later, ""},
		{"open work may move earlier", Action{ID: 3, Status: StatusOpen, Due: later}, due, ""},
		{"done work is reopened first", Action{ID: 3, Status: StatusDone, Due: due}, later, "A-3 is done: reopen it before moving its due date"},
		{"cancelled work too", Action{ID: 3, Status: StatusCancelled, Due: due}, later, "A-3 is cancelled: reopen it before moving its due date"},
		{"the date it has", Action{ID: 3, Status: StatusOpen, Due: due}, due, "A-3 is already due on 2026-12-01"},
		{"the last day the record keeps", Action{ID: 3, Status: StatusOpen, Due: due}, MustDate("2100-12-31"), ""},
		{"after 2100", Action{ID: 3, Status: StatusOpen, Due: due}, MustDate("2101-01-01"),
			"2101-01-01 is not a date the record keeps: give one from 1 January 2000 to 31 December 2100"},
		{"the year 1", Action{ID: 3, Status: StatusOpen, Due: due}, NewDate(1, 1, 1),
			"0001-01-01 is not a date the record keeps: give one from 1 January 2000 to 31 December 2100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			u, err := a.MoveDue(tt.to, "partners need more time", 9)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if err != nil {
				if a != tt.a {
					t.Errorf("a refused move changed the action: %+v", a)
				}
				return
			}
			want := ActionUpdate{Kind: UpdateDue, FromDue: tt.a.Due, ToDue: tt.to, Text: "partners need more time", MeetingID: 9}
			if u != want || a.Due != tt.to {
				t.Errorf("update = %+v, due %s; want %+v, due %s", u, a.Due, want, tt.to)
			}
		})
	}
}

func TestActionReassign(t *testing.T) {
	tests := []struct {
		name, from, to, wantText, wantErr string
	}{
		{"officer to officer", "PC Lee", "PCSO Nash", "from PC Lee to PCSO Nash", ""},
		{"agency to officer", "", "PCSO Nash", "from the agency as a whole to PCSO Nash", ""},
		{"officer to agency", "PC Lee", "", "from PC Lee to the agency as a whole", ""},
		{"the officer it has", "PC Lee", "PC Lee", "", "A-2 is already with PC Lee"},
		{"the agency it has", "", "", "", "A-2 is already with the agency as a whole"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Action{ID: 2, Officer: tt.from}
			u, err := a.Reassign(tt.to, 5)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			want := ActionUpdate{Kind: UpdateOfficer, Text: tt.wantText, MeetingID: 5}
			if u != want || a.Officer != tt.to {
				t.Errorf("update = %+v, officer %q; want %+v, %q", u, a.Officer, want, tt.to)
			}
		})
	}
}

func TestActionReport(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		status     ActionStatus
		note       string
		wantKinds  []UpdateKind
		wantStatus ActionStatus
		wantErr    string
	}{
		{"the status it has, with words, is news", StatusInProgress, "still visiting", []UpdateKind{UpdateNote}, StatusInProgress, ""},
		{"the status it has, without words, is refused", StatusInProgress, "", nil, StatusInProgress, "the action is already in progress"},
		{"a new status carries the words", StatusBlocked, "no access", []UpdateKind{UpdateStatus}, StatusBlocked, ""},
		{"a new status alone", StatusDone, "", []UpdateKind{UpdateStatus}, StatusDone, ""},
		{"a refused move", StatusCancelled, "", nil, StatusInProgress, "say why it is cancelled: the minutes record the reason, not just the change"},
		{"words alone", "", "spoke to the landlord", []UpdateKind{UpdateNote}, StatusInProgress, ""},
		{"nothing", "", "", nil, StatusInProgress, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Action{ID: 1, Status: StatusInProgress}
			us, err := a.Report(tt.status, tt.note, 0, at)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if len(us) != len(tt.wantKinds) {
				t.Fatalf("updates = %+v, want kinds %v", us, tt.wantKinds)
			}
			for i, u := range us {
				if u.Kind != tt.wantKinds[i] || u.Text != tt.note {
					t.Errorf("update %d = %+v, want kind %s with %q", i, u, tt.wantKinds[i], tt.note)
				}
			}
			if a.Status != tt.wantStatus {
				t.Errorf("status = %s, want %s", a.Status, tt.wantStatus)
			}
		})
	}
}

func TestActionAccept(t *testing.T) {
	closed := time.Date(2026, 11, 17, 12, 0, 0, 0, time.Local)
	before, after := closed.Add(-time.Hour), closed.Add(48*time.Hour)
	tests := []struct {
		name     string
		a        Action
		prev     *Meeting
		wantText string
		wantErr  string
	}{
		{"news since the last meeting", Action{ID: 8, LastUpdate: "gates fitted", LastUpdateAt: after, LastUpdateBy: "Sgt Patel"}, &Meeting{ClosedAt: closed},
			"gates fitted (Sgt Patel, 19 Nov)", ""},
		{"news without its author", Action{ID: 8, LastUpdate: "gates fitted", LastUpdateAt: after}, &Meeting{ClosedAt: closed},
			"gates fitted", ""},
		{"before the last meeting closed", Action{ID: 8, LastUpdate: "gates fitted", LastUpdateAt: before}, &Meeting{ClosedAt: closed},
			"", "A-8's latest update (17 Nov) was before the last meeting: nothing new to accept"},
		{"as the last meeting closed", Action{ID: 8, LastUpdate: "gates fitted", LastUpdateAt: closed}, &Meeting{ClosedAt: closed},
			"", "A-8's latest update (17 Nov) was before the last meeting: nothing new to accept"},
		{"no meeting before", Action{ID: 8, LastUpdate: "gates fitted", LastUpdateAt: before}, nil,
			"gates fitted", ""},
		{"the meeting before never closed", Action{ID: 8, LastUpdate: "gates fitted", LastUpdateAt: before}, &Meeting{},
			"gates fitted", ""},
		{"no update to accept", Action{ID: 8}, nil, "", "A-8 has no update from its agency to accept"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.a.Status = StatusInProgress
			u, err := tt.a.Accept(tt.prev, 12)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			want := ActionUpdate{Kind: UpdateAccept, FromStatus: StatusInProgress, ToStatus: StatusInProgress, Text: tt.wantText, MeetingID: 12}
			if u != want {
				t.Errorf("update = %+v, want %+v", u, want)
			}
		})
	}
}

func TestActionTakeNews(t *testing.T) {
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	rep := Actor{MemberID: 2, Name: "Sgt Patel", Role: RoleMember, AgencyID: 2}
	other := Actor{MemberID: 3, Name: "Jo Housing", Role: RoleMember, AgencyID: 3}
	tests := []struct {
		name string
		u    ActionUpdate
		by   Actor
		news bool
	}{
		{"the owning agency's words between meetings", ActionUpdate{Kind: UpdateNote, Text: "visited"}, rep, true},
		{"another agency's words", ActionUpdate{Kind: UpdateNote, Text: "visited"}, other, false},
		{"made in a meeting", ActionUpdate{Kind: UpdateNote, Text: "visited", MeetingID: 4}, rep, false},
		{"a bare status change", ActionUpdate{Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusBlocked}, rep, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Action{AgencyID: 2, LastUpdate: "old"}
			a.TakeNews(tt.u, tt.by, at)
			if got := a.LastUpdate != "old"; got != tt.news {
				t.Fatalf("news = %v, want %v", got, tt.news)
			}
			if tt.news && (a.LastUpdate != tt.u.Describe() || !a.LastUpdateAt.Equal(at) || a.LastUpdateBy != tt.by.Name) {
				t.Errorf("latest update = %q at %v by %q", a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy)
			}
		})
	}
}

func TestActionChangeClean(t *testing.T) {
	officer := func(s string) *string { return &s }
	due := MustDate("2026-12-08")
	tests := []struct {
		name    string
		c       ActionChange
		want    ActionChange
		wantErr string
	}{
		{"nothing", ActionChange{}, ActionChange{}, "nothing to update"},
		{"blank words are nothing", ActionChange{Note: "  "}, ActionChange{}, "nothing to update"},
		{"a note", ActionChange{Note: " visited \x1b[31m"}, ActionChange{Note: "visited"}, ""},
		{"a status", ActionChange{Status: StatusDone}, ActionChange{Status: StatusDone}, ""},
		{"a new date needs its reason", ActionChange{Due: due}, ActionChange{Due: due}, "reason is empty: type something before saving"},
		{"a new date with its reason", ActionChange{Due: due, Reason: "more time "}, ActionChange{Due: due, Reason: "more time"}, ""},
		{"a reason without a date is left as typed", ActionChange{Status: StatusDone, Reason: " x "}, ActionChange{Status: StatusDone, Reason: " x "}, ""},
		{"an officer", ActionChange{Officer: officer("  PC  Lee ")}, ActionChange{Officer: officer("PC Lee")}, ""},
		{"the agency as a whole", ActionChange{Officer: officer("")}, ActionChange{Officer: officer("")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.c.Clean()
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			var fe *FieldError
			if err != nil && !errors.As(err, &fe) {
				t.Errorf("err %v is not a field error", err)
			}
			if err != nil {
				return
			}
			if got.Note != tt.want.Note || got.Reason != tt.want.Reason || got.Status != tt.want.Status || got.Due != tt.want.Due ||
				(got.Officer == nil) != (tt.want.Officer == nil) || (got.Officer != nil && *got.Officer != *tt.want.Officer) {
				t.Errorf("Clean = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestActionChangeRights(t *testing.T) {
	officer := "PC Dale"
	tests := []struct {
		c    ActionChange
		want []Right
	}{
		{ActionChange{Status: StatusDone}, []Right{RightActionStatus}},
		{ActionChange{Status: StatusDone, Note: "x"}, []Right{RightActionStatus}},
		{ActionChange{Note: "x"}, nil},
		{ActionChange{Due: MustDate("2026-12-08"), Reason: "x"}, []Right{RightActionDue}},
		{ActionChange{Status: StatusDone, Due: MustDate("2026-12-08"), Officer: &officer}, []Right{RightActionStatus, RightActionDue, RightActionOfficer}},
	}
	for _, tt := range tests {
		if got := tt.c.Rights(); !slices.Equal(got, tt.want) {
			t.Errorf("%+v.Rights() = %q, want %q", tt.c, got, tt.want)
		}
	}
}
