package model

import (
	"strings"
	"testing"
)

func TestChairAfter(t *testing.T) {
	helen := Member{ID: 1, Name: "Helen Marsh", Role: RoleChair}
	tom := Member{ID: 2, Name: "Tom Okafor", Role: RoleAdmin}
	ann := Member{ID: 3, Name: "Ann Lee", Role: RoleChair}
	with := func(m Member, f func(*Member)) Member { f(&m); return m }
	cases := []struct {
		name    string
		members []Member
		chairID ID
		changed Member
		want    ID
		wantErr string
	}{
		{"the only chair cannot step down", []Member{helen, tom}, 1, with(helen, func(m *Member) { m.Role = RoleViewer }), 1, "only chair"},
		{"the only chair cannot be retired", []Member{helen, tom}, 1, with(helen, func(m *Member) { m.Retired = true }), 1, "only chair"},
		{"another chair takes over", []Member{helen, tom, ann}, 1, with(helen, func(m *Member) { m.Role = RoleMember }), 3, ""},
		{"a retired chair does not take over", []Member{helen, tom, with(ann, func(m *Member) { m.Retired = true })}, 1, with(helen, func(m *Member) { m.Role = RoleMember }), 1, "only chair"},
		{"an admin steps down: the chair stays", []Member{helen, tom}, 1, with(tom, func(m *Member) { m.Role = RoleViewer }), 1, ""},
		{"a second chair leaves the partnership's chair alone", []Member{helen, tom}, 1, with(tom, func(m *Member) { m.Role = RoleChair }), 1, ""},
		{"a chair made while there is none becomes it", []Member{with(helen, func(m *Member) { m.Role = RoleMember }), tom}, 1, with(tom, func(m *Member) { m.Role = RoleChair }), 2, ""},
		{"the chair renamed stays chair", []Member{helen}, 1, with(helen, func(m *Member) { m.Name = "Helen Marsh-Jones" }), 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ChairAfter(c.members, c.chairID, c.changed)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, c.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("chair = %d, want %d", got, c.want)
			}
		})
	}
}

func TestCheckOfficer(t *testing.T) {
	agencies := IndexAgencies([]Agency{{ID: 1, Name: "Derbyshire Constabulary", ShortName: "Police"}, {ID: 2, Name: "Chesterfield Borough Council Housing", ShortName: "Housing"}})
	members := []Member{
		{ID: 1, Name: "Sgt Jas Patel", AgencyID: 1},
		{ID: 2, Name: "Gary Fletcher", AgencyID: 2},
		{ID: 3, Name: "PC Old Hand", AgencyID: 1, Retired: true, RetiredOn: MustDate("2026-01-05")},
	}
	cases := []struct {
		typed, want, wantErr string
	}{
		{"PCSO Nadia Khan", "PCSO Nadia Khan", ""}, // not on the list: as typed
		{"  sgt jas  patel ", "Sgt Jas Patel", ""}, // a member: as recorded
		{"", "", ""}, // the agency as a whole
		{"Gary Fletcher", "", "Gary Fletcher is with Housing; this action belongs to Police"},
		{"pc old hand", "", "PC Old Hand retired from the group on 2026-01-05"},
		{"PC \x1b[31mRed", "PC Red", ""}, // escape sequences are taken out
	}
	for _, c := range cases {
		got, err := CheckOfficer(members, agencies, 1, c.typed)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%q: err = %v, want %q", c.typed, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q: got %q, %v; want %q", c.typed, got, err, c.want)
		}
	}
}
