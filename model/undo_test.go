package model

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

func TestSameChange(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a, b AuditEvent
		want bool
	}{
		{"one transaction", AuditEvent{Tx: 5, At: at}, AuditEvent{Tx: 5, At: at.Add(time.Second)}, true},
		{"two transactions at one moment", AuditEvent{Tx: 5, At: at}, AuditEvent{Tx: 6, At: at}, false},
		{"one recorded, one not", AuditEvent{Tx: 5, At: at}, AuditEvent{At: at}, false},
		{"before transactions were kept: the same moment", AuditEvent{At: at}, AuditEvent{At: at}, true},
		{"before transactions were kept: another moment", AuditEvent{At: at}, AuditEvent{At: at.Add(time.Millisecond)}, false},
	}
	for _, tt := range tests {
		if got := SameChange(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRecentChanges(t *testing.T) {
	chair := Actor{MemberID: 1, Name: "Ann Chair", Role: RoleChair}
	other := Actor{MemberID: 2, Name: "Ade Admin", Role: RoleAdmin}
	ev := func(id ID, tx uint64, by Actor, op Op, ref string) AuditEvent {
		return AuditEvent{ID: id, Tx: tx, By: by.Name, ByID: by.MemberID, Op: op, Ref: ref}
	}
	undo := func(id ID, tx uint64, events ...ID) AuditEvent {
		e := ev(id, tx, chair, OpMeetingUndo, "M-2")
		b, _ := json.Marshal(map[string]any{"events": events})
		e.Before = b
		return e
	}
	start := ev(1, 1, chair, OpMeetingStart, "M-2")
	tests := []struct {
		name     string
		trail    []AuditEvent // oldest first
		want     [][]ID       // the changes offered, newest first, each change's events oldest first
		wantRead int          // events read before stopping
		wantErr  string
	}{
		{"every change, newest first, each with every event of it",
			[]AuditEvent{start, ev(2, 2, chair, "note.add", "HS-1"), ev(3, 3, chair, "action.assign", "A-1"), ev(4, 3, chair, "meeting.agenda_add", "M-2")},
			[][]ID{{3, 4}, {2}}, 4, ""},
		{"someone else's and moving between items are passed over",
			[]AuditEvent{start, ev(2, 2, chair, "note.add", "HS-1"), ev(3, 3, other, "note.add", "HS-1"), ev(4, 4, chair, OpMeetingItem, "M-2")},
			[][]ID{{2}}, 4, ""},
		{"the same name with another member id is someone else",
			[]AuditEvent{start, ev(2, 2, Actor{MemberID: 9, Name: "Ann Chair"}, "note.add", "HS-1")},
			nil, 2, "nothing to undo: you have changed nothing in this meeting that is not undone already"},
		{"nothing before this meeting started",
			[]AuditEvent{ev(0, 0, chair, "note.add", "HS-1"), start, ev(2, 2, other, "note.add", "HS-1")},
			nil, 2, "nothing to undo: you have changed nothing in this meeting that is not undone already"},
		{"another meeting's start is not this one's",
			[]AuditEvent{ev(1, 1, chair, "note.add", "HS-1"), ev(2, 2, other, OpMeetingStart, "M-1")},
			[][]ID{{1}}, 2, ""},
		{"an undo is not offered, nor what it undid: the change before it is",
			[]AuditEvent{start, ev(2, 2, chair, "note.add", "HS-1"), ev(3, 3, chair, "action.status", "A-1"), undo(4, 4, 3)},
			[][]ID{{2}}, 4, ""},
		{"everything undone",
			[]AuditEvent{start, ev(2, 2, chair, "note.add", "HS-1"), undo(3, 3, 2)},
			nil, 3, "nothing to undo: you have changed nothing in this meeting that is not undone already"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRecentChanges(chair, "M-2")
			read := 0
			for i := len(tt.trail) - 1; i >= 0; i-- {
				read++
				if !r.Read(tt.trail[i]) {
					break
				}
			}
			got, err := r.Changes()
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			var ids [][]ID
			for _, c := range got {
				var one []ID
				for _, e := range c.Events {
					one = append(one, e.ID)
				}
				ids = append(ids, one)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.want) || read != tt.wantRead {
				t.Errorf("changes %v after reading %d, want %v after %d", ids, read, tt.want, tt.wantRead)
			}
		})
	}
}

// Undo offers at most MaxUndo changes: the 21st is not read.
func TestRecentChangesStopAtMaxUndo(t *testing.T) {
	chair := Actor{MemberID: 1, Name: "Ann Chair", Role: RoleChair}
	trail := []AuditEvent{{ID: 1, Tx: 1, By: chair.Name, ByID: 1, Op: OpMeetingStart, Ref: "M-2"}}
	for i := 2; i <= MaxUndo+6; i++ {
		trail = append(trail, AuditEvent{ID: ID(i), Tx: uint64(i), By: chair.Name, ByID: 1, Op: "note.add", Ref: "HS-1"})
	}
	r := NewRecentChanges(chair, "M-2")
	for i := len(trail) - 1; i >= 0 && r.Read(trail[i]); i-- {
	}
	got, err := r.Changes()
	if err != nil || len(got) != MaxUndo || got[0].Events[0].ID != ID(MaxUndo+6) {
		t.Fatalf("%d changes (%v), newest %v", len(got), err, got[0].Events[0].ID)
	}
	if c, err := FindUndoable(got, uint64(MaxUndo+6)); err != nil || c.Events[0].ID != ID(MaxUndo+6) {
		t.Errorf("FindUndoable newest: %v %v", c, err)
	}
	if _, err := FindUndoable(got, 3); err == nil {
		t.Error("a change older than the last 20 can be undone")
	}
}

func TestChangeNames(t *testing.T) {
	img := func(v any) []byte { b, _ := json.Marshal(v); return b }
	due := MustDate("2026-12-01")
	tests := []struct {
		e    AuditEvent
		want string
	}{
		{AuditEvent{Op: "action.status", Before: img(Action{ID: 12, Status: StatusOpen}), After: img(Action{ID: 12, Status: StatusDone})}, "A-12: now done"},
		{AuditEvent{Op: "action.due", Before: img(Action{ID: 12, Due: due}), After: img(Action{ID: 12, Due: due.AddDays(14)})}, "A-12: now due 15 Dec"},
		{AuditEvent{Op: "action.reviewed", Before: img(Action{ID: 12}), After: img(Action{ID: 12})}, "A-12: reviewed, no change"},
		{AuditEvent{Op: "action.assign", After: img(Action{ID: 40, Text: "Joint patrols Fri/Sat"})}, "A-40 assigned: Joint patrols Fri/Sat"},
		{AuditEvent{Op: "note.add", After: img(Note{ID: 5, Text: "Groups of 15"})}, "note N-5: Groups of 15"},
		{AuditEvent{Op: "decision.record", After: img(Decision{ID: 4, Text: "that patrols continue"})}, "resolution D-4: that patrols continue"},
		{AuditEvent{Op: "hotspot.risk", Before: img(Hotspot{ID: 3, Risk: RiskHigh}), After: img(Hotspot{ID: 3, Risk: RiskMedium})}, "HS-3: risk now medium"},
		{AuditEvent{Op: "meeting.attendance", After: img(map[string]any{"member": "Gary Fletcher", "status": Present})}, "attendance: Gary Fletcher present"},
		{AuditEvent{Op: "meeting.guest", Ref: "M-2"}, "a guest added (M-2)"},
		{AuditEvent{Op: "something.new_kind"}, "something new kind"},
	}
	for _, tt := range tests {
		if got := ChangeName([]AuditEvent{tt.e}); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.e.Op, got, tt.want)
		}
	}
}

func TestMeetingUnapprove(t *testing.T) {
	tests := []struct {
		name      string
		approved  ID
		undone    ID
		want      bool
		wantAfter ID
	}{
		{"the approving resolution", 12, 12, true, 0},
		{"another resolution", 12, 13, false, 12},
		{"nothing approved", 0, 13, false, 0},
		{"no decision", 0, 0, false, 0},
	}
	for _, tt := range tests {
		m := Meeting{MinutesApprovedByDecID: tt.approved}
		if got := m.Unapprove(tt.undone); got != tt.want || m.MinutesApprovedByDecID != tt.wantAfter {
			t.Errorf("%s: %v, approved by %d; want %v, %d", tt.name, got, m.MinutesApprovedByDecID, tt.want, tt.wantAfter)
		}
	}
}

func TestMeetingRestoreDeclaration(t *testing.T) {
	a, b, c := Declaration{Name: "A"}, Declaration{Name: "B"}, Declaration{Name: "C"}
	tests := []struct {
		name string
		list []Declaration
		i    int
		want []string
	}{
		{"back in its place", []Declaration{a, c}, 1, []string{"A", "B", "C"}},
		{"first", []Declaration{a, c}, 0, []string{"B", "A", "C"}},
		{"the list is shorter now: at the end", []Declaration{a}, 3, []string{"A", "B"}},
		{"into an empty list", nil, 0, []string{"B"}},
	}
	for _, tt := range tests {
		m := Meeting{Declarations: append([]Declaration(nil), tt.list...), NoDeclarations: true}
		m.RestoreDeclaration(tt.i, b)
		var got []string
		for _, d := range m.Declarations {
			got = append(got, d.Name)
		}
		if len(got) != len(tt.want) || m.NoDeclarations {
			t.Fatalf("%s: %v (none %v), want %v", tt.name, got, m.NoDeclarations, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}
