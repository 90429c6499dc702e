package model

import "testing"

func TestCheckMemberName(t *testing.T) {
	members := []Member{{ID: 1, Name: "Ann Chair"}, {ID: 2, Name: "Jas  Patel"}}
	tests := []struct {
		name    string
		id      ID
		typed   string
		wantErr string
	}{
		{"a new name", 0, "Val Viewer", ""},
		{"someone else's, case and spacing aside", 0, "jas patel", "there is already a member called Jas  Patel"},
		{"their own name, editing themselves", 2, "Jas Patel", ""},
		{"another member's, editing", 1, "JAS PATEL", "there is already a member called Jas  Patel"},
		{"someone else's, accents aside", 0, "Jas Pâtel", "there is already a member called Jas  Patel"},
		{"written surname first", 0, "Whitworth, Karen", `"Whitworth, Karen" is written surname first: write it "Karen Whitworth"`},
		{"someone's, written surname first", 0, "Patel, Jas", `"Patel, Jas" is written surname first: write it "Jas Patel"`},
	}
	for _, tt := range tests {
		if err := CheckMemberName(members, tt.id, tt.typed); errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestCheckMemberEmail(t *testing.T) {
	members := []Member{{ID: 1, Name: "Ann Chair", Email: "ann@example.org"}, {ID: 2, Name: "Jas Patel", Email: "Jas.Patel@example.org"},
		{ID: 3, Name: "Old Hand", Email: "old@example.org", Retired: true},
		{ID: 4, Name: "Ann Twin", Email: "ANN@example.org"}}
	tests := []struct {
		name    string
		id      ID
		typed   string
		wantErr string
	}{
		{"a new address", 0, "val@example.org", ""},
		{"no address", 0, "", ""},
		{"someone else's", 0, "ann@example.org", "ann@example.org is already Ann Chair's email: each person has their own"},
		{"someone else's, case aside", 0, "jas.patel@EXAMPLE.org", "jas.patel@EXAMPLE.org is already Jas Patel's email: each person has their own"},
		{"their own, editing themselves", 2, "jas.patel@example.org", ""},
		{"another member's, editing", 1, "Jas.Patel@example.org", "Jas.Patel@example.org is already Jas Patel's email: each person has their own"},
		{"a retired member's", 0, "old@example.org", ""},
		{"an address shared before the rule, kept", 4, "ann@example.org", ""},
	}
	for _, tt := range tests {
		if err := CheckMemberEmail(members, tt.id, tt.typed); errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestMemberRetire(t *testing.T) {
	on := MustDate("2026-11-24")
	got, err := Member{ID: 2, Name: "Jas Patel"}.Retire(on)
	if err != nil || !got.Retired || got.RetiredOn != on || got.Active() {
		t.Errorf("retiring: %+v, %v", got, err)
	}
	was := Member{ID: 2, Name: "Jas Patel", Retired: true, RetiredOn: MustDate("2026-01-05")}
	got, err = was.Retire(on)
	if want := "Jas Patel already retired on 2026-01-05"; errText(err) != want || got.RetiredOn != was.RetiredOn {
		t.Errorf("retiring again: %+v, %v; want %q and the first date kept", got, err, want)
	}
}

func TestCheckRetireSelf(t *testing.T) {
	admin := Actor{MemberID: 4, Name: "Ade Admin", Role: RoleAdmin}
	if err := CheckRetireSelf(5, admin); err != nil {
		t.Errorf("retiring someone else: %v", err)
	}
	if err, want := CheckRetireSelf(4, admin), "you cannot retire yourself: ask the chair or another admin"; errText(err) != want {
		t.Errorf("retiring yourself: %v, want %q", err, want)
	}
}

func TestAgencyCheckActive(t *testing.T) {
	if err := (Agency{Name: "Police"}).CheckActive(); err != nil {
		t.Errorf("an active agency: %v", err)
	}
	if err, want := (Agency{Name: "Police", Retired: true}).CheckActive(), "Police has left the partnership (retired)"; errText(err) != want {
		t.Errorf("a retired agency: %v, want %q", err, want)
	}
}

func TestAgencyRetire(t *testing.T) {
	got, err := Agency{Name: "Police"}.Retire()
	if err != nil || !got.Retired {
		t.Errorf("retiring: %+v, %v", got, err)
	}
	if _, err := (Agency{Name: "Police", Retired: true}).Retire(); errText(err) != "Police is already retired" {
		t.Errorf("retiring again: %v", err)
	}
}

func TestCheckAgencyLeaving(t *testing.T) {
	police := Agency{ID: 2, Name: "Police"}
	members := []Member{
		{ID: 1, Name: "Ann Chair", AgencyID: 1},
		{ID: 2, Name: "Jas Patel", AgencyID: 2},
		{ID: 3, Name: "Old Sarge", AgencyID: 2, Retired: true},
		{ID: 4, Name: "PC Lee", AgencyID: 2},
	}
	tests := []struct {
		name    string
		members []Member
		open    int
		wantErr string
	}{
		{"nobody and nothing left", members[:1], 0, ""},
		{"only retired members left", []Member{members[0], members[2]}, 0, ""},
		{"members still on the group", members, 0, "Police still has members on the group (Jas Patel, PC Lee): retire them or move them to another agency first"},
		{"members and actions: members first", members, 2, "Police still has members on the group (Jas Patel, PC Lee): retire them or move them to another agency first"},
		{"open actions", []Member{members[0], members[2]}, 3, "Police still owns 3 open actions: finish or reassign them first"},
	}
	for _, tt := range tests {
		if err := CheckAgencyLeaving(police, tt.members, tt.open); errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}
