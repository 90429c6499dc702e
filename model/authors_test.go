package model

import (
	"strings"
	"testing"
	"time"
)

// A public-only reader reads who did what by agency, as the public record
// names people: never by name, not even in an action's history, where the
// rep updating an action is usually its officer (withheld by name).
func TestPublicReadersReadAuthorsByAgency(t *testing.T) {
	agencies := IndexAgencies([]Agency{{ID: 1, Name: "CBC Community Safety"}, {ID: 2, Name: "Derbyshire Constabulary"}})
	members := []Member{{ID: 1, Name: "Helen Marsh", AgencyID: 1}, {ID: 5, Name: "PCSO Nadia Khan", AgencyID: 2}}
	who := AuthorsOf(members, agencies)
	tests := []struct {
		name string
		id   ID
		want string
	}{
		{"Helen Marsh", 1, "CBC Community Safety"},
		{"PCSO Nadia Khan", 0, "Derbyshire Constabulary"}, // a record that kept only the name
		{"Someone Renamed", 5, "Derbyshire Constabulary"}, // the id wins over an old name
		{"demo", 0, UnknownAuthor},                        // no member: nothing that could name them
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := who.Of(tt.name, tt.id); got != tt.want {
			t.Errorf("Of(%q, %d) = %q, want %q", tt.name, tt.id, got, tt.want)
		}
	}

	at := time.Date(2026, 11, 17, 10, 0, 0, 0, time.UTC)
	hist := []ActionUpdate{
		{ID: 1, ActionID: 1, At: at, By: "Helen Marsh", ByID: 1, Kind: UpdateCreated},
		{ID: 2, ActionID: 1, At: at, By: "PCSO Nadia Khan", ByID: 5, Kind: UpdateNote, Text: "Spoke to Mrs Smith at number 4"},
		{ID: 3, ActionID: 1, At: at, By: "PCSO Nadia Khan", ByID: 5, Kind: UpdateNote, Text: "said in private", Privacy: PrivateUnder(0)},
	}
	got := PublicUpdates(hist, who)
	if len(got) != 2 || got[0].By != "CBC Community Safety" || got[1].By != "Derbyshire Constabulary" || got[1].Text != "" || got[1].ByID != 0 {
		t.Errorf("public history %+v", got)
	}
	act := Action{ID: 1, Text: "Patrols", AgencyID: 2, Officer: "PCSO Nadia Khan", CreatedBy: "Helen Marsh", UpdatedBy: "PCSO Nadia Khan",
		LastUpdateBy: "PCSO Nadia Khan", LastUpdate: "Spoke to Mrs Smith", LastChangeBy: "PCSO Nadia Khan"}
	rec := MeetingRecord{Meeting: Meeting{ID: 2}, Members: members, Agencies: []Agency{agencies[1], agencies[2]},
		Actions: []Action{act}, Updates: hist,
		Decisions: []Decision{{ID: 1, MeetingID: 2, Item: ItemAOB, Text: "that patrols continue", By: "Helen Marsh"}},
		Notes:     []Note{{ID: 1, MeetingID: 2, Item: ItemAOB, Text: "Quieter", By: "PCSO Nadia Khan"}}}
	for name, view := range map[string]MeetingRecord{"PublicRecord": PublicRecord(rec), "PublicView": PublicView(rec)} {
		var said []string
		for _, a := range view.Actions {
			said = append(said, a.Officer, a.CreatedBy, a.UpdatedBy, a.LastUpdateBy, a.LastChangeBy)
		}
		for _, u := range view.Updates {
			said = append(said, u.By)
		}
		for _, d := range view.Decisions {
			said = append(said, d.By)
		}
		for _, n := range view.Notes {
			said = append(said, n.By)
		}
		all := strings.Join(said, "|")
		if strings.Contains(all, "Helen Marsh") || strings.Contains(all, "Nadia Khan") || !strings.Contains(all, "Derbyshire Constabulary") {
			t.Errorf("%s names %q", name, all)
		}
	}
}
