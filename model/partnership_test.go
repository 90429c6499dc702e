package model

import "testing"

func TestPartnershipApplyDefaults(t *testing.T) {
	var p Partnership
	p.ApplyDefaults()
	if p.MeetingTitle != DefaultMeetingTitle || p.DefaultTime != "10:00" || p.DefaultKind != KindOperational || p.ConfidentialityStatement != DefaultConfidentialityStatement {
		t.Errorf("defaults = %+v", p)
	}
	set := Partnership{MeetingTitle: "ASB Panel", DefaultTime: "14:00", DefaultKind: KindTactical, ConfidentialityStatement: "Ours."}
	got := set
	got.ApplyDefaults()
	if got != set {
		t.Errorf("what was set changed: %+v", got)
	}
}

func TestPartnershipClean(t *testing.T) {
	tests := []struct {
		name    string
		p       Partnership
		want    Partnership
		wantErr string
	}{
		{"cleaned", Partnership{Name: "  Chesterfield  CSP ", DefaultTime: "9:30", DefaultPlace: " Room 1 "},
			Partnership{Name: "Chesterfield CSP", DefaultTime: "09:30", DefaultPlace: "Room 1"}, ""},
		{"no time is left empty", Partnership{Name: "CSP"}, Partnership{Name: "CSP"}, ""},
		{"a name is needed", Partnership{}, Partnership{}, "partnership name is empty"},
		{"a time that is not one", Partnership{Name: "CSP", DefaultTime: "soon"}, Partnership{}, `"soon" is not a time: use 24-hour HH:MM, for example 10:00`},
	}
	for _, tt := range tests {
		got, err := tt.p.Clean()
		if errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
			continue
		}
		if err == nil && got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestPartnershipEdit(t *testing.T) {
	cur := Partnership{Name: "Old", MeetingTitle: "Panel", DefaultPlace: "Room 1", DefaultTime: "10:00", DefaultKind: KindOperational,
		Cadence: "fortnightly", ConfidentialityStatement: "Ours.", ChairID: 3, Version: 4}
	tests := []struct {
		name string
		n    Partnership
		want Partnership
	}{
		{"everything given", Partnership{Name: "New", MeetingTitle: "Tasking", DefaultPlace: "Hall", DefaultTime: "14:00", DefaultKind: KindTactical, Cadence: "weekly", ConfidentialityStatement: "New words.", ChairID: 9},
			Partnership{Name: "New", MeetingTitle: "Tasking", DefaultPlace: "Hall", DefaultTime: "14:00", DefaultKind: KindTactical, Cadence: "weekly", ConfidentialityStatement: "New words.", ChairID: 3, Version: 4}},
		{"time, kind and cadence kept when not given; title and statement back to defaults", Partnership{Name: "New"},
			Partnership{Name: "New", MeetingTitle: DefaultMeetingTitle, DefaultTime: "10:00", DefaultKind: KindOperational, Cadence: "fortnightly", ConfidentialityStatement: DefaultConfidentialityStatement, ChairID: 3, Version: 4}},
	}
	for _, tt := range tests {
		if got := cur.Edit(tt.n); got != tt.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestSetupAgencies(t *testing.T) {
	tests := []struct {
		name      string
		in        []Agency
		wantNames []string
		wantErr   string
	}{
		{"blank rows skipped, names cleaned", []Agency{{Name: " Police "}, {}, {Name: "Fire", ShortName: " DFRS "}},
			[]string{"Police", "Fire"}, ""},
		{"none listed", []Agency{{}, {Name: "  "}}, nil, "list at least one agency"},
		{"a name twice", []Agency{{Name: "Police"}, {Name: "police"}}, nil, "the list of agencies: there is already an agency called Police"},
		{"a short name that is another's name", []Agency{{Name: "Police"}, {Name: "Constabulary", ShortName: "Police"}}, nil,
			"the list of agencies: there is already an agency called Police"},
	}
	for _, tt := range tests {
		got, err := SetupAgencies(tt.in)
		if errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
			continue
		}
		if len(got) != len(tt.wantNames) {
			t.Errorf("%s: %+v, want %v", tt.name, got, tt.wantNames)
			continue
		}
		for i, a := range got {
			if a.Name != tt.wantNames[i] || a.ID != 0 {
				t.Errorf("%s: agency %d = %+v, want %q", tt.name, i, a, tt.wantNames[i])
			}
		}
	}
	if got, _ := SetupAgencies([]Agency{{Name: "Fire", ShortName: " DFRS "}}); got[0].ShortName != "DFRS" {
		t.Errorf("short name not cleaned: %q", got[0].ShortName)
	}
}

func TestFoundingChair(t *testing.T) {
	m := FoundingChair("Helen Marsh", "Community Safety Manager")
	if m.Name != "Helen Marsh" || m.Title != "Community Safety Manager" || m.Role != RoleChair || m.Version != 1 {
		t.Errorf("FoundingChair = %+v", m)
	}
}
