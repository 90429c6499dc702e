package model

import (
	"strings"
	"testing"
	"time"
)

func TestCheckTransition(t *testing.T) {
	tests := []struct {
		from, to ActionStatus
		ok       bool
	}{
		{StatusOpen, StatusInProgress, true},
		{StatusOpen, StatusDone, true},
		{StatusOpen, StatusBlocked, true},
		{StatusOpen, StatusCancelled, true},
		{StatusInProgress, StatusDone, true},
		{StatusBlocked, StatusInProgress, true},
		{StatusBlocked, StatusOpen, true},
		{StatusDone, StatusOpen, true},
		{StatusCancelled, StatusOpen, true},
		{StatusDone, StatusBlocked, false},
		{StatusDone, StatusInProgress, false},
		{StatusCancelled, StatusDone, false},
		{StatusOpen, StatusOpen, false},
	}
	for _, tt := range tests {
		if err := CheckTransition(tt.from, tt.to); (err == nil) != tt.ok {
			t.Errorf("%s → %s: err = %v, want ok=%v", tt.from, tt.to, err, tt.ok)
		}
	}
}

func TestParseActionStatus(t *testing.T) {
	for in, want := range map[string]ActionStatus{
		"open": StatusOpen, "in-progress": StatusInProgress, "In Progress": StatusInProgress,
		"in_progress": StatusInProgress, "DONE": StatusDone, "canceled": StatusCancelled, "blocked": StatusBlocked,
	} {
		if got, err := ParseActionStatus(in); err != nil || got != want {
			t.Errorf("ParseActionStatus(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseActionStatus("finished"); err == nil {
		t.Error("finished should not parse")
	}
}

func TestOverdueAndRAG(t *testing.T) {
	today := MustDate("2026-11-24")
	at := func(s string) time.Time { return MustDate(s).Time(time.UTC) }
	recent := at("2026-11-20")
	tests := []struct {
		name    string
		a       Action
		overdue bool
		rag     RAG
	}{
		{"due yesterday", Action{Status: StatusOpen, Due: today.AddDays(-1), UpdatedAt: recent}, true, RAGRed},
		{"due today", Action{Status: StatusOpen, Due: today, UpdatedAt: recent}, false, RAGAmber},
		{"due in 6 days", Action{Status: StatusInProgress, Due: today.AddDays(6), UpdatedAt: recent}, false, RAGAmber},
		{"due in 7 days: a week is not soon", Action{Status: StatusInProgress, Due: today.AddDays(7), UpdatedAt: recent}, false, RAGGreen},
		{"due in 8 days", Action{Status: StatusInProgress, Due: today.AddDays(8), UpdatedAt: recent}, false, RAGGreen},
		{"blocked, due later", Action{Status: StatusBlocked, Due: today.AddDays(30), UpdatedAt: recent}, false, RAGRed},
		{"stale 14 days", Action{Status: StatusOpen, Due: today.AddDays(30), LastUpdateAt: at("2026-11-10")}, false, RAGAmber},
		{"13 days since update", Action{Status: StatusOpen, Due: today.AddDays(30), LastUpdateAt: at("2026-11-11")}, false, RAGGreen},
		{"progress note keeps it fresh", Action{Status: StatusOpen, Due: today.AddDays(30), CreatedAt: at("2026-10-01"), LastUpdateAt: recent}, false, RAGGreen},
		{"new and not yet stale", Action{Status: StatusOpen, Due: today.AddDays(30), CreatedAt: at("2026-11-17")}, false, RAGGreen},
		{"no agency update for 20 days, reviewed in a meeting since", Action{Status: StatusOpen, Due: today.AddDays(30), CreatedAt: at("2026-11-04"), UpdatedAt: recent}, false, RAGAmber},
		{"done late", Action{Status: StatusDone, Due: today.AddDays(-10)}, false, RAGNone},
		{"cancelled", Action{Status: StatusCancelled, Due: today.AddDays(-10)}, false, RAGNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.IsOverdue(today); got != tt.overdue {
				t.Errorf("IsOverdue = %v", got)
			}
			if got := tt.a.RAGFor(today); got != tt.rag {
				t.Errorf("RAG = %q, want %q", got, tt.rag)
			}
		})
	}
}

func TestNewActionValidate(t *testing.T) {
	good := NewAction{Text: "  Joint patrols \x1b[31mFri\x1b[0m ", AgencyID: 3, Due: MustDate("2026-12-01")}
	v, err := good.Validate()
	if err != nil || v.Text != "Joint patrols Fri" {
		t.Fatalf("Validate = %q, %v", v.Text, err)
	}
	for name, n := range map[string]NewAction{
		"empty text":         {Text: " ", AgencyID: 3, Due: good.Due},
		"no agency":          {Text: "x", Due: good.Due},
		"no due":             {Text: "x", AgencyID: 3},
		"due in the year 1":  {Text: "x", AgencyID: 3, Due: NewDate(1, 1, 1)},
		"due in 9999":        {Text: "x", AgencyID: 3, Due: NewDate(9999, 12, 31)},
		"due the day before": {Text: "x", AgencyID: 3, Due: FirstDate.AddDays(-1)},
		"due the day after":  {Text: "x", AgencyID: 3, Due: LastDate.AddDays(1)},
	} {
		if _, err := n.Validate(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, past := DueInPast(MustDate("2026-11-20"), MustDate("2026-11-24")); !past {
		t.Error("past due not detected")
	}
	if _, past := DueInPast(MustDate("2026-11-24"), MustDate("2026-11-24")); past {
		t.Error("today is not in the past")
	}
}

func TestIsRepUpdate(t *testing.T) {
	police := Actor{Name: "Sgt Patel", Role: RoleMember, AgencyID: 2}
	chair := Actor{Name: "Chair", Role: RoleChair, AgencyID: 1}
	tests := []struct {
		name string
		u    ActionUpdate
		by   Actor
		want bool
	}{
		{"rep's note between meetings", ActionUpdate{Kind: UpdateNote}, police, true},
		{"rep's status change between meetings", ActionUpdate{Kind: UpdateStatus}, police, true},
		{"another agency's note", ActionUpdate{Kind: UpdateNote}, chair, false},
		{"made in a meeting", ActionUpdate{Kind: UpdateStatus, MeetingID: 4}, police, false},
		{"the meeting accepting it", ActionUpdate{Kind: UpdateAccept}, police, false},
	}
	for _, tt := range tests {
		if got := IsRepUpdate(tt.u, tt.by, 2); got != tt.want {
			t.Errorf("%s: %v", tt.name, got)
		}
	}
}

func TestNewDueDefaultIsNeverEarlier(t *testing.T) {
	for _, tt := range []struct{ current, usual, want string }{
		{"2026-11-20", "2026-12-08", "2026-12-08"}, // overdue: the usual default
		{"2026-12-15", "2026-12-08", "2026-12-29"}, // due after the usual: two weeks after it
		{"2026-12-08", "2026-12-08", "2026-12-22"}, // the same day is not a new date
		{"", "2026-12-08", "2026-12-08"},
	} {
		var cur Date
		if tt.current != "" {
			cur = MustDate(tt.current)
		}
		if got := NewDueDefault(cur, MustDate(tt.usual)); got != MustDate(tt.want) {
			t.Errorf("current %s usual %s: %s, want %s", tt.current, tt.usual, got, tt.want)
		}
	}
}

func TestRAGReasonAgreesWithRAG(t *testing.T) {
	today := MustDate("2026-11-24")
	at := today.Time(nil)
	tests := []struct {
		a    Action
		want string
	}{
		{Action{Status: StatusBlocked, Due: today.AddDays(20)}, "red: blocked"},
		{Action{Status: StatusOpen, Due: today.AddDays(-12)}, "red: 12 days overdue (due 12 Nov)"},
		{Action{Status: StatusOpen, Due: today.AddDays(-1)}, "red: 1 day overdue (due 23 Nov)"},
		{Action{Status: StatusOpen, Due: today}, "amber: due today"},
		{Action{Status: StatusInProgress, Due: today.AddDays(3), LastUpdateAt: at}, "amber: due in 3 days"},
		{Action{Status: StatusInProgress, Due: today.AddDays(6), LastUpdateAt: at}, "amber: due in 6 days"},
		{Action{Status: StatusInProgress, Due: today.AddDays(7), LastUpdateAt: at}, ""},
		{Action{Status: StatusOpen, Due: today.AddDays(30), CreatedAt: at.AddDate(0, 0, -20)}, "amber: no update from the agency for 20 days"},
		{Action{Status: StatusOpen, Due: today.AddDays(30), CreatedAt: at.AddDate(0, 0, -20), LastUpdateAt: at.AddDate(0, 0, -2)}, ""},
		{Action{Status: StatusDone, Due: today.AddDays(-5)}, ""},
	}
	for _, tt := range tests {
		got := tt.a.RAGReason(today)
		if got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.a, got, tt.want)
		}
		// The reason names the colour the RAG rule gives.
		if rag := tt.a.RAGFor(today); (got == "") != (rag == RAGGreen || rag == RAGNone) || (got != "" && !strings.HasPrefix(got, string(rag)+":")) {
			t.Errorf("%+v: reason %q but RAG %q", tt.a, got, rag)
		}
	}
	if n := (Action{Status: StatusOpen, Due: today.AddDays(-4)}).DaysOverdue(today); n != 4 {
		t.Errorf("days overdue %d", n)
	}
}

// An action assigned with the default due date — the next meeting, by
// the cadence when none is fixed — starts green, whatever the cadence,
// and turns amber only as that date comes within the week.
func TestDefaultDueStartsGreen(t *testing.T) {
	today := MustDate("2026-11-24")
	meeting := &Meeting{Date: today}
	for _, c := range Cadences {
		due, err := ParseWhen("next-meeting", today, NextMeetingDate(meeting, nil, nil, c, today))
		if err != nil {
			t.Fatal(err)
		}
		a := Action{Status: StatusOpen, Due: due, CreatedAt: today.Time(nil)}
		if rag, why := a.RAGFor(today), a.RAGReason(today); rag != RAGGreen || why != "" {
			t.Errorf("%s: assigned due %s (next-meeting): %s %q, want green", c, due, rag, why)
		}
		if why := a.RAGReason(due.AddDays(-DueSoonDays + 1)); why != "amber: due in 6 days" {
			t.Errorf("%s: six days before it is due: %q, want amber", c, why)
		}
	}
}

// Cancelling says why; finishing may; other changes need no words.
func TestCheckStatusChange(t *testing.T) {
	tests := []struct {
		from, to ActionStatus
		note     string
		ok       bool
	}{
		{StatusOpen, StatusCancelled, "", false},
		{StatusOpen, StatusCancelled, "   ", false},
		{StatusOpen, StatusCancelled, "Superseded by A-12", true},
		{StatusOpen, StatusDone, "", true},
		{StatusInProgress, StatusBlocked, "", true},
		{StatusCancelled, StatusCancelled, "again", false}, // the transition rule still holds
	}
	for _, tt := range tests {
		if err := CheckStatusChange(tt.from, tt.to, tt.note); (err == nil) != tt.ok {
			t.Errorf("%s → %s with %q: %v", tt.from, tt.to, tt.note, err)
		}
	}
}
