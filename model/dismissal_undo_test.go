package model

import (
	"encoding/json"
	"testing"
)

// Taking back a dismissal restores what its key held before (nothing, or
// an earlier dismissal that had lapsed), and only while the dismissal is
// still the one stored.
func TestUndoDismissal(t *testing.T) {
	place := Place{LSOA: "E01000001", LSOAName: "Chesterfield 001A"}
	d := func(on Date, by string) Dismissal {
		return Dismissal{Place: place, Category: CategoryASB, On: on, By: by}
	}
	now := d(NewDate(2026, 11, 24), "Helen Marsh")
	lapsed := d(NewDate(2026, 5, 2), "Helen Marsh")
	again := d(NewDate(2026, 11, 25), "Ade Admin")
	tests := []struct {
		name        string
		cur, before *Dismissal
		want        *Dismissal
		wantSaid    string
		wantErr     string
	}{
		{"the first dismissal of the place: nothing stays", &now, nil, nil,
			"emerging hotspot Chesterfield 001A (E01000001) offered again", ""},
		{"a dismissal that replaced a lapsed one: the lapsed one comes back (it hides nothing)", &now, &lapsed, &lapsed,
			"emerging hotspot Chesterfield 001A (E01000001) offered again", ""},
		{"dismissed again since: refused", &again, nil, nil, "",
			"Chesterfield 001A (E01000001) has been dismissed again or taken back since: undo that change first"},
		{"gone since: refused", nil, nil, nil, "",
			"Chesterfield 001A (E01000001) has been dismissed again or taken back since: undo that change first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, said, err := UndoDismissal(tt.cur, now, tt.before)
			if errText(err) != tt.wantErr || said != tt.wantSaid {
				t.Fatalf("said %q, err %v; want %q, %q", said, err, tt.wantSaid, tt.wantErr)
			}
			if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Errorf("restores %+v, want %+v", got, tt.want)
			}
		})
	}
}

// Undo names a dismissal by its place before it goes.
func TestDismissalChangeName(t *testing.T) {
	after, _ := json.Marshal(Dismissal{Place: Place{LSOA: "E01000002", LSOAName: "Chesterfield 002B", Location: "High Street", Street: true}, Category: CategoryASB})
	e := AuditEvent{Op: OpSuggestionDismiss, Ref: "Anti-social behaviour|E01000002|High Street", After: after}
	if got := ChangeName([]AuditEvent{e}); got != "emerging hotspot dismissed: High Street, Chesterfield 002B" {
		t.Errorf("named %q", got)
	}
}
