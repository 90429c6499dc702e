package model

import (
	"strings"
	"testing"
)

var testAgencies = []Agency{
	{ID: 1, Name: "Derbyshire Constabulary", ShortName: "Police"},
	{ID: 2, Name: "CBC Housing", ShortName: "Housing"},
	{ID: 3, Name: "Derbyshire Fire & Rescue Service", ShortName: "Fire"},
	{ID: 4, Name: "CBC Community Safety", ShortName: "Community Safety"},
	{ID: 5, Name: "CBC Private Sector Housing", ShortName: "PSH"},
	{ID: 6, Name: "Derbyshire County Council Youth Services", ShortName: "Youth"},
}

func TestFindAgency(t *testing.T) {
	tests := []struct {
		query   string
		want    ID
		problem string
	}{
		{"police", 1, ""},
		{"pol", 1, ""},
		{"Derbyshire Constabulary", 1, ""},
		{"const", 1, ""},
		{"fire", 3, ""},
		{"dfrs", 3, ""},
		{"housing", 2, ""}, // exact short name beats "Private Sector Housing"
		{"hous", 2, ""},
		{"cbc", 0, "could be"},
		{"sector", 5, ""},
		{"comm", 4, ""},
		{"youth", 6, ""},
		{"derbyshire", 0, "could be"},
		{"nhs", 0, "no agency matches"},
		{"", 0, "no agency given"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			a, err := FindAgency(testAgencies, tt.query)
			if tt.problem != "" {
				if err == nil || !strings.Contains(err.Error(), tt.problem) {
					t.Fatalf("FindAgency(%q) = %s, %v; want error with %q", tt.query, a.Name, err, tt.problem)
				}
				return
			}
			if err != nil || a.ID != tt.want {
				t.Fatalf("FindAgency(%q) = %d %v, want %d", tt.query, a.ID, err, tt.want)
			}
		})
	}
}

func TestFindMember(t *testing.T) {
	ms := []Member{{ID: 1, Name: "Sgt Jas Patel"}, {ID: 2, Name: "Jo Patterson"}, {ID: 3, Name: "Ann Lee"}}
	if m, err := FindMember(ms, "ann lee"); err != nil || m.ID != 3 {
		t.Fatalf("exact: %v %v", m, err)
	}
	if m, err := FindMember(ms, "patel"); err != nil || m.ID != 1 {
		t.Fatalf("part: %v %v", m, err)
	}
	if _, err := FindMember(ms, "pat"); err == nil || !strings.Contains(err.Error(), "could be") {
		t.Fatalf("ambiguous: %v", err)
	}
	if _, err := FindMember(ms, "zed"); err == nil {
		t.Fatal("unknown accepted")
	}
}

func TestPermit(t *testing.T) {
	chair := Actor{Name: "Chair", Role: RoleChair, AgencyID: 4}
	admin := Actor{Name: "Admin", Role: RoleAdmin}
	rep := Actor{Name: "Sgt Patel", Role: RoleMember, AgencyID: 1}
	viewer := Actor{Name: "Viewer", Role: RoleViewer, AgencyID: 1}
	tests := []struct {
		a     Actor
		op    Right
		owner ID
		ok    bool
	}{
		{chair, RightRunMeeting, 0, true},
		{admin, RightAssignAction, 0, true},
		{rep, RightActionStatus, 1, true},
		{rep, RightActionDue, 1, true},
		{rep, RightActionStatus, 2, false},
		{rep, RightActionNote, 2, true},
		{rep, RightRunMeeting, 0, false},
		{rep, RightAssignAction, 0, false},
		{viewer, RightActionNote, 1, false},
		{viewer, RightActionStatus, 1, false},
		{Actor{Name: "x", Role: "boss"}, RightActionNote, 0, false},
	}
	for _, tt := range tests {
		err := Permit(tt.a, tt.op, tt.owner)
		if (err == nil) != tt.ok {
			t.Errorf("%s (%s) %s owner %d: %v", tt.a.Name, tt.a.Role, tt.op, tt.owner, err)
		}
	}
	if err := Permit(rep, RightActionStatus, 2); !strings.Contains(err.Error(), "own agency") {
		t.Errorf("refusal does not name its rule: %v", err)
	}
}

func TestCheckAgencyName(t *testing.T) {
	agencies := []Agency{{ID: 1, Name: "Derbyshire Constabulary", ShortName: "Police"}, {ID: 2, Name: "CBC Housing", ShortName: "Housing"}}
	cases := []struct {
		name        string
		id          ID
		full, short string
		wantErr     string
	}{
		{"a new name", 0, "Rykneld Homes", "Rykneld", ""},
		{"renamed to itself, short name kept", 1, "Derbyshire Police", "Police", ""},
		{"another's name", 0, "cbc  housing", "", "there is already an agency called CBC Housing"},
		{"another's short name as a name", 2, "police", "", `"Police" is already the short name of Derbyshire Constabulary`},
		{"another's short name", 0, "Derbyshire Fire", "POLICE", `"Police" is already the short name of Derbyshire Constabulary`},
		{"another's name as a short name", 0, "Housing Trust", "CBC Housing", "there is already an agency called CBC Housing"},
	}
	for _, c := range cases {
		err := CheckAgencyName(agencies, c.id, c.full, c.short)
		if c.wantErr == "" && err != nil || c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)) {
			t.Errorf("%s: %v, want %q", c.name, err, c.wantErr)
		}
	}
}
