package model

import (
	"testing"
	"time"
)

func TestOriginalDueAndTimesCarriedForward(t *testing.T) {
	d := MustDate
	created := func(due string) ActionUpdate {
		return ActionUpdate{Kind: UpdateCreated, ToStatus: StatusOpen, ToDue: d(due)}
	}
	moved := func(from, to string) ActionUpdate {
		return ActionUpdate{Kind: UpdateDue, FromDue: d(from), ToDue: d(to)}
	}
	note := ActionUpdate{Kind: UpdateNote, Text: "visited; no answer"}
	status := ActionUpdate{Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusBlocked}
	reviewed := ActionUpdate{Kind: UpdateReview}

	tests := []struct {
		name     string
		due      string // the action's current due date
		history  []ActionUpdate
		original string
		carried  int
	}{
		{"never moved", "2026-12-01", []ActionUpdate{created("2026-12-01"), note, reviewed}, "2026-12-01", 0},
		{"carried forward once", "2026-12-01",
			[]ActionUpdate{created("2026-11-03"), status, reviewed, moved("2026-11-03", "2026-12-01"), note}, "2026-11-03", 1},
		{"carried forward twice", "2026-12-15",
			[]ActionUpdate{created("2026-11-03"), moved("2026-11-03", "2026-11-17"), moved("2026-11-17", "2026-12-15")}, "2026-11-03", 2},
		{"brought forward is not carried forward", "2026-11-20",
			[]ActionUpdate{created("2026-12-01"), moved("2026-12-01", "2026-11-20")}, "2026-12-01", 0},
		{"back and forth counts the later moves", "2026-12-01",
			[]ActionUpdate{created("2026-12-01"), moved("2026-12-01", "2026-11-20"), moved("2026-11-20", "2026-12-01")}, "2026-12-01", 1},
		{"same date again is not a move", "2026-12-01",
			[]ActionUpdate{created("2026-12-01"), moved("2026-12-01", "2026-12-01")}, "2026-12-01", 0},
		{"no created update: where the first move started", "2026-12-08",
			[]ActionUpdate{note, moved("2026-10-27", "2026-11-24"), moved("2026-11-24", "2026-12-08")}, "2026-10-27", 2},
		{"no history at all: the current date", "2026-12-08", nil, "2026-12-08", 0},
		{"a move with no from date is not counted", "2026-12-08",
			[]ActionUpdate{created("2026-11-24"), {Kind: UpdateDue, ToDue: d("2026-12-08")}}, "2026-11-24", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Action{Due: d(tt.due), Status: StatusOpen}
			if got := OriginalDue(a, tt.history); got != d(tt.original) {
				t.Errorf("OriginalDue = %s, want %s", got, tt.original)
			}
			if got := TimesCarriedForward(tt.history); got != tt.carried {
				t.Errorf("TimesCarriedForward = %d, want %d", got, tt.carried)
			}
		})
	}
}

func TestDaysOverdue(t *testing.T) {
	today := MustDate("2026-11-24")
	tests := []struct {
		name   string
		status ActionStatus
		due    Date
		want   int
	}{
		{"due yesterday", StatusOpen, today.AddDays(-1), 1},
		{"due three weeks ago, blocked", StatusBlocked, today.AddDays(-21), 21},
		{"in progress across a month end", StatusInProgress, MustDate("2026-10-30"), 25},
		{"due today is not overdue", StatusOpen, today, 0},
		{"not yet due", StatusOpen, today.AddDays(7), 0},
		{"done late is not overdue", StatusDone, today.AddDays(-10), 0},
		{"cancelled is not overdue", StatusCancelled, today.AddDays(-10), 0},
		{"no due date", StatusOpen, Date{}, 0},
	}
	for _, tt := range tests {
		a := Action{Status: tt.status, Due: tt.due}
		if got := a.DaysOverdue(today); got != tt.want {
			t.Errorf("%s: DaysOverdue = %d, want %d", tt.name, got, tt.want)
		}
		if (a.DaysOverdue(today) > 0) != a.IsOverdue(today) {
			t.Errorf("%s: DaysOverdue disagrees with IsOverdue", tt.name)
		}
	}
}

func TestRaisedOn(t *testing.T) {
	meeting := MustDate("2026-11-17")
	added := time.Date(2026, 11, 20, 15, 30, 0, 0, time.UTC)
	tests := []struct {
		name        string
		a           Action
		meetingDate Date
		want        Date
	}{
		{"in a meeting: the meeting's date", Action{CreatedMeetingID: 6, CreatedAt: added}, meeting, meeting},
		{"outside a meeting: the day it was added", Action{CreatedAt: added}, Date{}, MustDate("2026-11-20")},
		{"a meeting the log cannot find: the day it was added", Action{CreatedMeetingID: 9, CreatedAt: added}, Date{}, MustDate("2026-11-20")},
		{"nothing known", Action{}, Date{}, Date{}},
	}
	for _, tt := range tests {
		if got := RaisedOn(tt.a, tt.meetingDate); got != tt.want {
			t.Errorf("%s: RaisedOn = %q, want %q", tt.name, got, tt.want)
		}
	}
}
