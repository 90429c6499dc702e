package model

import (
	"strings"
	"testing"
)

// Accepting a suggestion opens a hotspot linked to its place and crime
// type, with its evidence; what the chair left empty names the place.
func TestAcceptSuggestion(t *testing.T) {
	s := Suggestion{Place: Place{LSOA: "E01019839", LSOAName: "Chesterfield 004C", Location: "Market Place", Street: true},
		Category: CategoryASB, Month: NewMonth(2024, 11), Count: 14, BaseMean: 6, Rise: Trend{OK: true, Percent: 133}}
	n := NewHotspot{Ward: "Spire"}.AcceptDefaults(s)
	if n.Title != "Market Place: anti-social behaviour" || n.Location != "Market Place, Chesterfield 004C" || n.Ward != "Spire" {
		t.Errorf("defaults: %+v", n)
	}
	if kept := (NewHotspot{Title: "Town centre", Location: "Market Place"}).AcceptDefaults(s); kept.Title != "Town centre" || kept.Location != "Market Place" {
		t.Errorf("what the chair typed was replaced: %+v", kept)
	}
	h := Hotspot{Title: "Town centre"}.Accepted(s)
	if len(h.Areas) != 1 || h.Areas[0] != AreaOf(s.Place) {
		t.Errorf("links: %+v", h.Areas)
	}
	want := "police.uk: 14 anti-social behaviour incidents at Market Place, Chesterfield 004C in November 2024; up 133% on its three-month mean of 6.0"
	if h.Evidence != want {
		t.Errorf("evidence:\n%s\nwant\n%s", h.Evidence, want)
	}
	if !Covered([]Hotspot{{Status: HotspotNew, Areas: h.Areas}}, CategoryASB, s.Place) {
		t.Error("the new hotspot does not cover the place it was opened for")
	}
}

// A suggestion is named by its number in the list, or by its place.
func TestFindSuggestion(t *testing.T) {
	area := Suggestion{Place: Place{LSOA: "E1"}, Category: CategoryASB}
	street := Suggestion{Place: Place{LSOA: "E1", Location: "High Street", Street: true}, Category: CategoryASB}
	drugs := Suggestion{Place: Place{LSOA: "E2"}, Category: "Drugs"}
	asb2 := Suggestion{Place: Place{LSOA: "E2"}, Category: CategoryASB}
	offered := []Suggestion{area, street, drugs, asb2}
	for _, tt := range []struct {
		key  string
		want Suggestion
		bad  string
	}{
		{key: "1", want: area},
		{key: "4", want: asb2},
		{key: "E1", want: area},
		{key: "E1|High Street", want: street},
		{key: "Drugs|E2", want: drugs},
		{key: "E2", bad: "offered for 2 crime types"},
		{key: "5", bad: "is not an emerging hotspot on offer"},
		{key: "0", bad: "is not an emerging hotspot on offer"},
		{key: "E9", bad: "is not an emerging hotspot on offer"},
	} {
		got, err := FindSuggestion(offered, tt.key)
		switch {
		case tt.bad != "":
			if err == nil || !strings.Contains(err.Error(), tt.bad) {
				t.Errorf("%q: %v, want %q", tt.key, err, tt.bad)
			}
		case err != nil || SuggestionKey(got.Category, got.Place) != SuggestionKey(tt.want.Category, tt.want.Place):
			t.Errorf("%q: %+v %v", tt.key, got, err)
		}
	}
}

// Home offers the first MaxSuggestions and says how many there are.
func TestHomeOffersAtMostMaxSuggestions(t *testing.T) {
	for _, n := range []int{0, MaxSuggestions, MaxSuggestions + 1} {
		ss := make([]Suggestion, n)
		h := Summarise(HomeInput{Suggestions: ss, Today: MustDate("2026-11-24")})
		if len(h.Suggestions) != min(n, MaxSuggestions) || h.Offered != n {
			t.Errorf("%d on offer: home holds %d, says %d", n, len(h.Suggestions), h.Offered)
		}
	}
}
