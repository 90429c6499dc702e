package model

import (
	"strings"
	"testing"
)

func TestNewHotspotArea(t *testing.T) {
	tests := []struct {
		kind, code, name string
		want             HotspotArea
		problem          string
	}{
		{"lsoa", "e01019432", "Chesterfield 001A", HotspotArea{AreaLSOA, "E01019432", "Chesterfield 001A"}, ""},
		{" LSOA ", "E01019432", "", HotspotArea{AreaLSOA, "E01019432", ""}, ""},
		{"location", "E01019432", "On or near Market Place", HotspotArea{AreaLocation, "E01019432", "Market Place"}, ""},
		{"location", "E01019432", "", HotspotArea{}, "which street"},
		{"ward", "E01019432", "", HotspotArea{}, "link an lsoa or a location"},
		{"lsoa", "", "", HotspotArea{}, "which LSOA"},
		{"lsoa", "E0101 9432", "", HotspotArea{}, "is not an LSOA code"},
		{"lsoa", strings.Repeat("E", MaxAreaCode+1), "", HotspotArea{}, "is not an LSOA code"},
		{"lsoa", strings.Repeat("E", MaxAreaCode), "", HotspotArea{AreaLSOA, strings.Repeat("E", MaxAreaCode), ""}, ""},
		{"location", "E1", strings.Repeat("x", MaxAreaName+1), HotspotArea{}, "longer than"},
		{"location", "E1", "\x1b[31mHigh Street", HotspotArea{AreaLocation, "E1", "High Street"}, ""},
	}
	for _, tt := range tests {
		got, err := NewHotspotArea(tt.kind, tt.code, tt.name)
		if tt.problem != "" {
			if err == nil || !strings.Contains(err.Error(), tt.problem) {
				t.Errorf("%q %q %q: %v, want %q", tt.kind, tt.code, tt.name, err, tt.problem)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q %q %q: %+v, %v; want %+v", tt.kind, tt.code, tt.name, got, err, tt.want)
		}
	}
}

func TestLinkAndUnlinkAreas(t *testing.T) {
	h := Hotspot{ID: 3}
	lsoa := HotspotArea{AreaLSOA, "E01019432", "Chesterfield 001A"}
	street := HotspotArea{AreaLocation, "E01019432", "Market Place"}
	elsewhere := HotspotArea{AreaLocation, "E01019999", "Market Place"}
	for _, a := range []HotspotArea{street, lsoa, elsewhere} {
		if minute, err := h.LinkArea(a); err != nil || !strings.HasPrefix(minute, "Linked to the police.uk counts for ") {
			t.Fatalf("link %+v: %q, %v", a, minute, err)
		}
	}
	// Kept in key order: the LSOA before its streets.
	if h.Areas[0] != lsoa || h.Areas[1] != street || h.Areas[2] != elsewhere {
		t.Errorf("areas %+v", h.Areas)
	}
	if _, err := h.LinkArea(lsoa); err == nil || !strings.Contains(err.Error(), "HS-3 is already linked to Chesterfield 001A (E01019432)") {
		t.Errorf("linking twice: %v", err)
	}
	// The street in the LSOA linked whole is counted there, once.
	if got := CountedAreas(h.Areas); len(got) != 2 || got[0] != lsoa || got[1] != elsewhere {
		t.Errorf("counted %+v", got)
	}
	// Market Place is in two LSOAs: which one?
	if _, err := h.UnlinkArea(HotspotArea{Kind: AreaLocation, Name: "market place"}); err == nil || !strings.Contains(err.Error(), "say which") {
		t.Errorf("an ambiguous unlink: %v", err)
	}
	if m, err := h.UnlinkArea(HotspotArea{Kind: AreaLocation, Code: "e01019999", Name: "On or near Market Place"}); err != nil || m != "No longer linked to the police.uk counts for a street in E01019999." {
		t.Errorf("unlink: %q %v", m, err)
	}
	// An LSOA by its name as well as its code.
	if _, err := h.UnlinkArea(HotspotArea{Kind: AreaLSOA, Code: "chesterfield 001a"}); err != nil {
		t.Errorf("unlink by name: %v", err)
	}
	if _, err := h.UnlinkArea(HotspotArea{Kind: AreaLSOA, Code: "E01019432"}); err == nil || !strings.Contains(err.Error(), "is not linked to E01019432") {
		t.Errorf("unlinking what is not linked: %v", err)
	}
	if len(h.Areas) != 1 || h.Areas[0] != street {
		t.Errorf("left %+v", h.Areas)
	}
}

// MaxHotspotAreas is the most links a hotspot holds.
func TestLinkAreasLimit(t *testing.T) {
	var h Hotspot
	for i := range MaxHotspotAreas {
		if _, err := h.LinkArea(HotspotArea{Kind: AreaLocation, Code: "E1", Name: "Street " + string(rune('A'+i))}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := h.LinkArea(HotspotArea{Kind: AreaLSOA, Code: "E2"}); err == nil || !strings.Contains(err.Error(), "the most a hotspot may be") {
		t.Errorf("one more than the most: %v", err)
	}
}

// The public record names areas, never streets.
func TestPublicAreas(t *testing.T) {
	areas := []HotspotArea{{AreaLSOA, "E1", "Chesterfield 001A"}, {AreaLocation, "E1", "Market Place"}, {AreaLocation, "E2", "Low Pavement"}}
	got := PublicAreas(areas)
	if len(got) != 2 || got[0] != areas[0] || got[1] != (HotspotArea{Kind: AreaLSOA, Code: "E2"}) {
		t.Errorf("public areas %+v", got)
	}
	if line := AreasLine(areas, true); line != "Chesterfield 001A, E1, E2" || strings.Contains(line, "Market") {
		t.Errorf("public line %q", line)
	}
	h := Hotspot{ID: 1, Category: CategoryNuisance, Areas: areas}
	if pub := PublicRules(Meeting{}, nil).PublicHotspot(h); len(pub.Areas) != 2 {
		t.Errorf("a public hotspot's areas %+v", pub.Areas)
	}
	h.Category = CategoryPersonal
	if pub := PublicRules(Meeting{}, nil).PublicHotspot(h); len(pub.Areas) != 0 {
		t.Errorf("a personal case's areas reached the public: %+v", pub.Areas)
	}
}

func TestMatchPlaces(t *testing.T) {
	places := []PlaceSeries{
		{Place: Place{LSOA: "E1", LSOAName: "Chesterfield 001A"}},
		{Place: Place{LSOA: "E1", LSOAName: "Chesterfield 001A", Location: "Market Place", Street: true}},
		{Place: Place{LSOA: "E2", LSOAName: "Chesterfield 002B", Location: "Market Place", Street: true}},
		{Place: Place{LSOA: "E2", LSOAName: "Chesterfield 002B"}},
		{Place: Place{}}, // unlocated
	}
	keys := func(ps []PlaceSeries) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Key())
		}
		return strings.Join(out, ",")
	}
	tests := []struct{ lsoa, location, want string }{
		{"E1", "", "E1"},
		{"chesterfield 002b", "", "E2"},
		{"", "on or near market place", "E1|Market Place,E2|Market Place"},
		{"E2", "Market Place", "E2|Market Place"},
		{"E3", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := keys(MatchPlaces(places, tt.lsoa, tt.location)); got != tt.want {
			t.Errorf("%q %q: %q, want %q", tt.lsoa, tt.location, got, tt.want)
		}
	}
}
