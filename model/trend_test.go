package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseMonth(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2024-01", "2024-01", true},
		{" 2024-12 ", "2024-12", true},
		{"2024-13", "", false},
		{"2024-00", "", false},
		{"2024-1", "", false},
		{"24-01", "", false},
		{"Jan 2024", "", false},
		{"1999-12", "", false},
		{"2000-01", "2000-01", true},
		{"2100-12", "2100-12", true},
		{"2101-01", "", false},
	}
	for _, tt := range tests {
		m, err := ParseMonth(tt.in)
		if (err == nil) != tt.ok || m.String() != tt.want {
			t.Errorf("ParseMonth(%q) = %v, %v", tt.in, m, err)
		}
	}
	m := NewMonth(2024, time.January)
	if m.Add(-1).String() != "2023-12" || m.Add(12).String() != "2025-01" || m.Add(11).Since(m) != 11 {
		t.Errorf("month arithmetic: %v %v", m.Add(-1), m.Add(12))
	}
}

// The corresponding-date rule, across month ends and leap years.
func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-01-15", 1, "2024-02-15"},
		{"2024-01-31", 1, "2024-02-29"}, // a leap year
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2024-08-31", 3, "2024-11-30"},
		{"2024-11-30", 3, "2025-02-28"},
		{"2024-12-15", -12, "2023-12-15"},
		{"2024-03-31", -1, "2024-02-29"},
	}
	for _, tt := range tests {
		if got := MustDate(tt.from).AddMonths(tt.n).String(); got != tt.want {
			t.Errorf("%s + %d months = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestStreetOf(t *testing.T) {
	for in, want := range map[string]string{
		"On or near Market Place": "Market Place",
		"on or near  High Street": "High Street",
		"On or near ":             NoStreet,
		"On or near":              NoStreet,
		"":                        NoStreet,
		"Supermarket":             "Supermarket",
	} {
		if got := StreetOf(in); got != want {
			t.Errorf("StreetOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseCategories(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"", CategoryASB, true},
		{"asb", CategoryASB, true},
		{"all", "", true},
		{"Criminal damage and arson,Public order,drugs", "Criminal damage and arson|Public order|Drugs", true},
		{"criminal,violence", "Criminal damage and arson|Violence and sexual offences", true},
		{"theft", "Theft from the person", true}, // the only type starting so
		{"burglary, burglary", "Burglary", true},
		{"parking", "", false},
	}
	for _, tt := range tests {
		got, err := ParseCategories(tt.in)
		if (err == nil) != tt.ok || strings.Join(got, "|") != tt.want {
			t.Errorf("ParseCategories(%q) = %q, %v", tt.in, got, err)
		}
	}
	if _, err := ParseCategory1("o"); err == nil {
		t.Error(`"o" starts three types: it should be refused`)
	}
}

func TestPlaceCovers(t *testing.T) {
	area := Place{LSOA: "E1"}
	street := Place{LSOA: "E1", Location: "High Street", Street: true}
	other := Place{LSOA: "E1", Location: "Low Street", Street: true}
	elsewhere := Place{LSOA: "E2"}
	tests := []struct {
		link, p Place
		want    bool
	}{
		{area, area, true}, {area, street, true}, {area, other, true}, {area, elsewhere, false},
		{street, street, true}, {street, other, false}, {street, area, false},
		{Place{}, Place{}, false}, // unlocated covers nothing
	}
	for _, tt := range tests {
		if got := tt.link.Covers(tt.p); got != tt.want {
			t.Errorf("%s covers %s: %v", tt.link.Label(), tt.p.Label(), got)
		}
	}
}

// series is a 12-month series ending 2024-12 from the counts given,
// oldest first (fewer than 12: the earlier months unknown).
func series(counts ...int) Series {
	s := Series{End: NewMonth(2024, time.December), Counts: make([]int, TrendMonths)}
	for i := range s.Counts {
		s.Counts[i] = NoCount
	}
	copy(s.Counts[TrendMonths-len(counts):], counts)
	return s
}

// The trend rule: the last month against the mean of the three before.
func TestTrend(t *testing.T) {
	tests := []struct {
		name string
		s    Series
		want string
	}{
		{"up by half", series(10, 10, 10, 15), "+50%"},
		{"down by a third", series(9, 9, 9, 6), "−33%"},
		{"flat", series(4, 5, 6, 5), "0%"},
		{"rounds", series(3, 3, 3, 4), "+33%"},
		{"from none", series(0, 0, 0, 2), "new"},
		{"none after none", series(0, 0, 0, 0), "0%"},
		{"to none", series(2, 2, 2, 0), "−100%"},
		{"a month before unknown", series(NoCount, 3, 3, 4), ""},
		{"the last month unknown", series(3, 3, 3, NoCount), ""},
		{"too short", series(3, 4), ""},
		{"no data", Series{}, ""},
	}
	for _, tt := range tests {
		if got := tt.s.Trend().String(); got != tt.want {
			t.Errorf("%s: %v → %q, want %q", tt.name, tt.s.Counts, got, tt.want)
		}
	}
}

// The classification rule, across its thresholds.
func TestClass(t *testing.T) {
	tests := []struct {
		name string
		s    Series
		want TrendClass
	}{
		{"too few months", series(1, 1, 1, 9, 9), ClassNone},
		{"six months are enough", series(2, 2, 2, 9, 9, 9), ClassEmerging},
		{"rising by more than half", series(4, 4, 4, 4, 4, 4, 4, 4, 4, 7, 7, 7), ClassEmerging},
		{"rising by exactly half is not emerging", series(4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6), ClassPersistent},
		{"from nothing, by less than one a month", series(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1), ClassNone},
		{"from nothing, by one a month", series(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1), ClassEmerging},
		{"falling by more than a quarter", series(8, 8, 8, 8, 8, 8, 8, 8, 8, 5, 5, 5), ClassCooling},
		{"falling by exactly a quarter is not cooling", series(8, 8, 8, 8, 8, 8, 8, 8, 8, 6, 6, 6), ClassPersistent},
		{"steady, in 9 of 12 months", series(3, 0, 3, 0, 3, 0, 3, 3, 3, 3, 3, 3), ClassPersistent},
		{"steady, in 8 of 12 months", series(2, 0, 2, 0, 2, 0, 2, 2, 2, 2, 0, 2), ClassNone},
		{"quiet", series(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), ClassNone},
		{"unknown months are left out", series(5, NoCount, 5, 5, NoCount, 5, 5, 5), ClassPersistent},
	}
	for _, tt := range tests {
		if got := tt.s.Class(); got != tt.want {
			t.Errorf("%s: %v → %q, want %q", tt.name, tt.s.Counts, got, tt.want)
		}
	}
}

func TestEnteredSeries(t *testing.T) {
	s := EnteredSeries([]IncidentCount{{"2024-10", 4}, {"2024-12", 7}, {"2024-11", 5}, {"nonsense", 9}})
	if s.End.String() != "2024-12" || s.Source != FromEntered || s.Known() != 3 || s.Total() != 16 {
		t.Errorf("%+v", s)
	}
	if last, ok := s.Last(); !ok || last != 7 {
		t.Errorf("last %d %v", last, ok)
	}
	if !EnteredSeries(nil).IsZero() {
		t.Error("no counts entered is no series")
	}
}

func placeAt(lsoa, street string, counts ...int) PlaceSeries {
	p := Place{LSOA: lsoa, LSOAName: "Chesterfield " + lsoa}
	if street != "" {
		p.Location, p.Street = street, true
	}
	return PlaceSeries{Place: p, Category: CategoryASB, Series: series(counts...)}
}

// The emerging rule: the top decile of each kind of place, or up more than
// half on the three months before, never under the minimum count.
func TestEmergingPlaces(t *testing.T) {
	var places []PlaceSeries
	// Twenty LSOAs with 1..20 incidents in the last month, flat before:
	// the top decile is the top two (19 and 20).
	for i := 1; i <= 20; i++ {
		places = append(places, placeAt("E"+string(rune('A'+i)), "", i, i, i, i))
	}
	// A street rising from 4 a month to 7 (+75%), and one to 6 (+50%:
	// not more than half), one from none to 5 (new), one from none to 4
	// (under the minimum count).
	places = append(places,
		placeAt("EB", "High Street", 4, 4, 4, 7),
		placeAt("EB", "Low Street", 4, 4, 4, 6),
		placeAt("EC", "New Street", 0, 0, 0, EmergingMinCount),
		placeAt("ED", "Quiet Street", 0, 0, 0, EmergingMinCount-1),
		PlaceSeries{Place: Place{}, Category: CategoryASB, Series: series(0, 0, 0, 50)}, // unlocated
	)
	got := EmergingPlaces(places)
	var keys []string
	for _, s := range got {
		keys = append(keys, s.Key())
	}
	// Streets are their own kind: of the four streets with any, the top
	// decile is the top one (High Street, 7, in by both rules); Low Street
	// (6, +50%) is in by neither.
	want := "EU|ET|EB|High Street|EC|New Street"
	if strings.Join(keys, "|") != want {
		t.Errorf("offered %v, want %s", keys, want)
	}
	for _, s := range got {
		switch s.Key() {
		case "EU":
			if !s.TopDecile || s.Threshold != 19 || s.Rising() {
				t.Errorf("%+v", s)
			}
		case "EB|High Street":
			if !s.Rising() || s.Rise.Percent != 75 || s.BaseMean != 4 {
				t.Errorf("%+v", s)
			}
			if ev := s.Evidence(); !strings.Contains(ev, "up 75% on its three-month mean of 4.0") || !strings.Contains(ev, "December 2024") {
				t.Errorf("evidence %q", ev)
			}
		case "EC|New Street":
			if !s.Rise.New || !strings.Contains(s.Evidence(), "none in the three months before") {
				t.Errorf("%+v", s)
			}
		}
	}
}

func TestDecileThreshold(t *testing.T) {
	tests := []struct {
		counts []int
		want   int
	}{
		{nil, 0},
		{[]int{3}, 3},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10},     // the top one of ten
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 10}, // ceil(1.1) = 2
		{[]int{5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, 5},       // ties are all in
	}
	for _, tt := range tests {
		if got := decileThreshold(tt.counts); got != tt.want {
			t.Errorf("%v: %d, want %d", tt.counts, got, tt.want)
		}
	}
}

// Offer leaves out what an open hotspot covers and what was dismissed in
// the last three months.
func TestOffer(t *testing.T) {
	a := Suggestion{Place: Place{LSOA: "E1"}, Category: CategoryASB}
	b := Suggestion{Place: Place{LSOA: "E2", Location: "High Street", Street: true}, Category: CategoryASB}
	c := Suggestion{Place: Place{LSOA: "E3"}, Category: CategoryASB}
	d := Suggestion{Place: Place{LSOA: "E4"}, Category: "Drugs"}
	hotspots := []Hotspot{
		{Status: HotspotActive, Areas: []HotspotArea{{Kind: AreaLSOA, Code: "E1"}}},
		{Status: HotspotMonitoring, Areas: []HotspotArea{{Kind: AreaLSOA, Code: "E2"}}}, // covers its streets
		{Status: HotspotClosed, Areas: []HotspotArea{{Kind: AreaLSOA, Code: "E3"}}},     // closed covers nothing
		{Status: HotspotActive, Areas: []HotspotArea{{Kind: AreaLSOA, Code: "E4"}}},     // counts ASB, not drugs
	}
	today := MustDate("2025-02-28")
	dismissed := map[string]Dismissal{
		SuggestionKey(CategoryASB, c.Place): {Place: c.Place, Category: CategoryASB, On: MustDate("2024-12-01")},
	}
	got := Offer([]Suggestion{a, b, c, d}, hotspots, dismissed, today)
	if len(got) != 1 || got[0].LSOA != "E4" {
		t.Errorf("offered %+v", got)
	}
	// Three months on, to the day, it is offered again.
	got = Offer([]Suggestion{c}, nil, dismissed, MustDate("2024-12-01").AddMonths(DismissMonths))
	if len(got) != 1 {
		t.Errorf("three months after dismissing: %+v", got)
	}
	got = Offer([]Suggestion{c}, nil, dismissed, MustDate("2024-12-01").AddMonths(DismissMonths).AddDays(-1))
	if len(got) != 0 {
		t.Errorf("a day before three months: %+v", got)
	}
}

func TestGroupIncidents(t *testing.T) {
	jan, feb := NewMonth(2024, 1), NewMonth(2024, 2)
	hs := Place{LSOA: "E1", LSOAName: "X 1", Location: "High Street", Street: true}
	ls := Place{LSOA: "E1", LSOAName: "X 1", Location: "Low Street", Street: true}
	rows := []IncidentRow{
		{Month: feb, Force: "A", Category: CategoryASB, Place: hs, Count: 2},
		{Month: jan, Force: "A", Category: CategoryASB, Place: hs, Count: 1},
		{Month: jan, Force: "B", Category: CategoryASB, Place: hs, Count: 4},
		{Month: jan, Force: "A", Category: CategoryASB, Place: ls, Count: 3},
		{Month: jan, Force: "A", Category: CategoryASB, Place: Place{}, Count: 5},
	}
	got := IncidentFilter{By: ByLocation}.Group(rows)
	if len(got) != 4 || got[0].LSOA != "" || got[1].Location != "High Street" || got[1].Count != 5 || got[3].Month != feb {
		t.Errorf("by location %+v", got)
	}
	got = IncidentFilter{By: ByLSOA}.Group(rows)
	if len(got) != 3 || got[1].Count != 8 || got[1].Location != "" {
		t.Errorf("by lsoa %+v", got)
	}
	got = IncidentFilter{By: ByMonth}.Group(rows)
	if len(got) != 2 || got[0].Count != 13 || got[1].Count != 2 {
		t.Errorf("by month %+v", got)
	}
}
