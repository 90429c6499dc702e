package model

import (
	"testing"
	"time"
)

func TestActionAsAtUndoesLaterChanges(t *testing.T) {
	close := time.Date(2026, 11, 24, 11, 30, 0, 0, time.UTC)
	after := func(h int) time.Time { return close.Add(time.Duration(h) * time.Hour) }
	now := Action{ID: 1, Status: StatusDone, Due: MustDate("2027-01-05"), CompletedOn: MustDate("2026-11-26"), CompletedAt: after(48), CompletionNote: "done"}
	tests := []struct {
		name      string
		later     []ActionUpdate
		status    ActionStatus
		due       string
		completed bool
	}{
		{"no later change", nil, StatusDone, "2027-01-05", true},
		{"finished later", []ActionUpdate{{Kind: UpdateStatus, FromStatus: StatusInProgress, ToStatus: StatusDone, At: after(48)}},
			StatusInProgress, "2027-01-05", false},
		{"moved, then finished, undone newest first", []ActionUpdate{
			{Kind: UpdateDue, FromDue: MustDate("2026-12-01"), ToDue: MustDate("2027-01-05"), At: after(24)},
			{Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusBlocked, At: after(30)},
			{Kind: UpdateStatus, FromStatus: StatusBlocked, ToStatus: StatusDone, At: after(48)},
		}, StatusOpen, "2026-12-01", false},
		{"an update before the close is not undone", []ActionUpdate{{Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusDone, At: close.Add(-time.Minute)}},
			StatusDone, "2027-01-05", true},
		{"notes change nothing", []ActionUpdate{{Kind: UpdateNote, Text: "x", At: after(2)}}, StatusDone, "2027-01-05", true},
	}
	for _, tt := range tests {
		got := ActionAsAt(now, tt.later, close)
		if got.Status != tt.status || got.Due != MustDate(tt.due) || (got.CompletedOn != Date{}) != tt.completed {
			t.Errorf("%s: %s due %s completed %v; want %s due %s completed %v", tt.name, got.Status, got.Due, got.CompletedOn, tt.status, tt.due, tt.completed)
		}
	}
}

func TestRewindAndFreeze(t *testing.T) {
	close := time.Date(2026, 11, 24, 11, 30, 0, 0, time.UTC)
	m := Meeting{ID: 7, Date: DateOf(close), State: MeetingClosed, ClosedAt: close, ChairID: 1,
		Attendance: []Attendee{{MemberID: 1, Status: Present}},
		Agenda:     []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemHotspot, HotspotID: 1}, {Kind: ItemNextMeeting}}}
	rec := MeetingRecord{Meeting: m,
		Members:  []Member{{ID: 1, Name: "Chair"}, {ID: 2, Name: "Sgt", AgencyID: 2}, {ID: 3, Name: "Not here"}},
		Hotspots: []Hotspot{{ID: 1, Status: HotspotClosed, Closed: DateOf(close).AddDays(2), Risk: RiskLow}, {ID: 2, CreatedAt: close.Add(time.Hour)}, {ID: 3, Status: HotspotActive}},
		Actions: []Action{
			{ID: 1, HotspotID: 1, AgencyID: 2, Status: StatusDone, CreatedAt: close.Add(-48 * time.Hour), LastUpdate: "later", LastUpdateAt: close.Add(time.Hour)},
			{ID: 2, HotspotID: 1, AgencyID: 2, Status: StatusOpen, CreatedAt: close.Add(time.Hour)},       // made later
			{ID: 3, HotspotID: 3, AgencyID: 2, Status: StatusDone, CreatedAt: close.Add(-48 * time.Hour)}, // done before: not in the log
		},
		Updates: []ActionUpdate{
			{ID: 1, ActionID: 1, ByID: 2, Kind: UpdateNote, Text: "earlier news", At: close.Add(-24 * time.Hour)},
			{ID: 2, ActionID: 1, ByID: 2, Kind: UpdateStatus, FromStatus: StatusOpen, ToStatus: StatusDone, At: close.Add(time.Hour)},
		},
		Decisions:  []Decision{{ID: 1, MeetingID: 7, HotspotID: 1, Text: "amended wording"}, {ID: 2, MeetingID: 3, Text: "another meeting's"}},
		Amendments: []Amendment{{MeetingID: 7, Target: "decision", TargetID: 1, Before: "original wording", After: "amended wording", At: close.Add(72 * time.Hour)}},
	}
	h := History{Since: close.Add(-1000 * time.Hour), HotspotsBefore: map[ID]Hotspot{}}
	snap := Freeze(Rewind(rec, close, h), close)
	fr := snap.Record
	if fr.RecordNote != "" || fr.Today != m.Date {
		t.Errorf("note %q, today %s", fr.RecordNote, fr.Today)
	}
	if len(fr.Actions) != 1 || fr.Actions[0].ID != 1 || fr.Actions[0].Status != StatusOpen || fr.Actions[0].LastUpdate != "earlier news" {
		t.Errorf("actions as at the close: %+v", fr.Actions)
	}
	if len(fr.Hotspots) != 1 || fr.Hotspots[0].ID != 1 || fr.Hotspots[0].Status != HotspotActive {
		t.Errorf("hotspots as at the close (HS-1 closed later; HS-2 made later; HS-3 not this meeting's): %+v", fr.Hotspots)
	}
	if len(fr.Members) != 1 || len(fr.Decisions) != 1 || fr.Decisions[0].Text != "original wording" {
		t.Errorf("members %v, decisions %+v", fr.Members, fr.Decisions)
	}
	// Thawed, the record reads with the corrections made since.
	th := snap.Thaw(Corrections{Amendments: rec.Amendments, Approval: &Decision{ID: 9}})
	if th.Decisions[0].Text != "amended wording" || len(th.Amendments) != 1 || th.Approval == nil {
		t.Errorf("thawed: %+v %+v", th.Decisions, th.Amendments)
	}
	if fr.Decisions[0].Text != "original wording" {
		t.Error("thawing changed the frozen record")
	}
	// History that begins after the close says so.
	if late := Rewind(rec, close, History{Since: close.Add(time.Hour)}); late.RecordNote == "" {
		t.Error("no record note when the history begins after the close")
	}
}
