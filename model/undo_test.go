package model

import (
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

func TestLastChange(t *testing.T) {
	chair := Actor{MemberID: 1, Name: "Ann Chair", Role: RoleChair}
	other := Actor{MemberID: 2, Name: "Ade Admin", Role: RoleAdmin}
	ev := func(id ID, tx uint64, by Actor, op, ref string) AuditEvent {
		return AuditEvent{ID: id, Tx: tx, By: by.Name, ByID: by.MemberID, Op: op, Ref: ref}
	}
	start := ev(1, 1, chair, AuditMeetingStart, "M-2")
	tests := []struct {
		name     string
		trail    []AuditEvent // oldest first
		wantIDs  []ID
		wantRead int // events read before stopping
		wantErr  string
	}{
		{"the last change, every event of it",
			[]AuditEvent{start, ev(2, 2, chair, "note.add", "HS-1"), ev(3, 3, chair, "action.assign", "A-1"), ev(4, 3, chair, "meeting.agenda_add", "M-2")},
			[]ID{3, 4}, 3, ""},
		{"someone else's and moving between items are passed over",
			[]AuditEvent{start, ev(2, 2, chair, "note.add", "HS-1"), ev(3, 3, other, "note.add", "HS-1"), ev(4, 4, chair, AuditMeetingItem, "M-2")},
			[]ID{2}, 4, ""},
		{"the same name with another member id is someone else",
			[]AuditEvent{start, ev(2, 2, Actor{MemberID: 9, Name: "Ann Chair"}, "note.add", "HS-1")},
			nil, 2, "nothing to undo: you have changed nothing in this meeting"},
		{"nothing before this meeting started",
			[]AuditEvent{ev(0, 0, chair, "note.add", "HS-1"), start, ev(2, 2, other, "note.add", "HS-1")},
			nil, 2, "nothing to undo: you have changed nothing in this meeting"},
		{"another meeting's start is not this one's",
			[]AuditEvent{ev(1, 1, chair, "note.add", "HS-1"), ev(2, 2, other, AuditMeetingStart, "M-1")},
			[]ID{1}, 2, ""},
		{"an undo is not undone",
			[]AuditEvent{start, ev(2, 2, chair, "note.add", "HS-1"), ev(3, 3, chair, AuditUndo, "M-2")},
			nil, 2, "nothing more to undo: undo takes back one change, the last"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewLastChange(chair, "M-2")
			read := 0
			for i := len(tt.trail) - 1; i >= 0; i-- {
				read++
				if !l.Read(tt.trail[i]) {
					break
				}
			}
			got, err := l.Events()
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			var ids []ID
			for _, e := range got {
				ids = append(ids, e.ID)
			}
			if !equalIDs(ids, tt.wantIDs) || read != tt.wantRead {
				t.Errorf("events %v after reading %d, want %v after %d", ids, read, tt.wantIDs, tt.wantRead)
			}
		})
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
