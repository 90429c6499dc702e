package model

import (
	"strings"
	"testing"
	"time"
)

// Which series a hotspot shows: imported counts at its areas where there
// are any, else what the chair entered.
func TestHotspotSeries(t *testing.T) {
	entered := []IncidentCount{{"2024-11", 3}, {"2024-12", 6}}
	imported := series(4, 4, 4, 8)
	imported.Source = FromPolice
	linked := []HotspotArea{{Kind: AreaLSOA, Code: "E1"}}
	tests := []struct {
		name     string
		h        Hotspot
		imported Series
		want     SeriesSource
	}{
		{"linked, with data", Hotspot{Areas: linked, Incidents: entered}, imported, FromPolice},
		{"linked, nothing imported", Hotspot{Areas: linked, Incidents: entered}, Series{}, FromEntered},
		{"linked, no month known", Hotspot{Areas: linked, Incidents: entered}, series(), FromEntered},
		{"not linked", Hotspot{Incidents: entered}, imported, FromEntered},
		{"nothing at all", Hotspot{}, Series{}, ""},
		{"entered, the month under way left out", Hotspot{Incidents: []IncidentCount{{"2025-01", 9}}}, Series{}, ""},
	}
	for _, tt := range tests {
		if got := HotspotSeries(tt.h, tt.imported, MustDate("2025-01-05")); got.Source != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got.Source, tt.want)
		}
	}
}

func TestEnterCount(t *testing.T) {
	today := MustDate("2025-01-10")
	h := Hotspot{ID: 4}
	dec, nov := NewMonth(2024, time.December), NewMonth(2024, time.November)
	tests := []struct {
		m       Month
		n       int
		minute  string
		problem string
	}{
		{dec, 7, "Incidents in December 2024 entered: 7.", ""},
		{nov, 0, "Incidents in November 2024 entered: 0.", ""},
		{dec, 9, "Incidents in December 2024 entered: 9 (was 7).", ""},
		{dec, 9, "", "HS-4 already has 9 for December 2024"},
		{NewMonth(2025, time.January), 1, "", "January 2025 is not over yet"},
		{Month{}, 1, "", "which month"},
		{nov, -1, "", "0 or more"},
		{nov, MaxEnteredCount + 1, "", "the most that may be entered"},
		{nov, MaxEnteredCount, "Incidents in November 2024 entered: 100000 (was 0).", ""},
	}
	for _, tt := range tests {
		minute, err := h.EnterCount(tt.m, tt.n, today)
		if tt.problem != "" {
			if err == nil || !strings.Contains(err.Error(), tt.problem) {
				t.Errorf("%s %d: %v, want %q", tt.m, tt.n, err, tt.problem)
			}
			continue
		}
		if err != nil || minute != tt.minute {
			t.Errorf("%s %d: %q, %v; want %q", tt.m, tt.n, minute, err, tt.minute)
		}
	}
	// Kept in month order, one count a month.
	if len(h.Incidents) != 2 || h.Incidents[0].Period != "2024-11" || h.Incidents[1].Count != 9 {
		t.Errorf("counts %+v", h.Incidents)
	}
	if m, err := h.ClearCount(nov); err != nil || m != "The count entered for November 2024 (100000) was taken back." {
		t.Errorf("clear: %q %v", m, err)
	}
	if _, err := h.ClearCount(nov); err == nil {
		t.Error("clearing a month with no count")
	}
	s := EnteredSeries(h.Incidents)
	if s.Counts[10] != NoCount || s.Counts[11] != 9 {
		t.Errorf("series %v", s.Counts)
	}
}

func TestSeriesWords(t *testing.T) {
	tests := []struct {
		s    Series
		want string
	}{
		{series(10, 10, 10, 12), "Dec 24: 12, +20% on the three months before"},
		{series(0, 0, 0, 5), "Dec 24: 5, none in the three months before"},
		{series(3, 4), "Dec 24: 4"},
		{series(3, 3, 3, NoCount), "no count for Dec 24"},
		{Series{}, ""},
	}
	for _, tt := range tests {
		if got := tt.s.Summary(); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.s.Counts, got, tt.want)
		}
	}
	line := series(1, 2).CountsLine()
	if !strings.HasPrefix(line, "Jan 24 – · Feb 24 – · ") || !strings.HasSuffix(line, "Nov 24 1 · Dec 24 2") {
		t.Errorf("counts line %q", line)
	}
	if m := series(1, 7, 2).Max(); m != 7 {
		t.Errorf("max %d", m)
	}
}

// A closed meeting's record keeps the trends of the hotspots it keeps;
// the public view drops a private hotspot's.
func TestTrendsFrozenAndPublic(t *testing.T) {
	open := Hotspot{ID: 1, Category: CategoryNuisance, Status: HotspotActive}
	personal := Hotspot{ID: 2, Category: CategoryPersonal, Status: HotspotActive}
	other := Hotspot{ID: 3, Category: CategoryNuisance, Status: HotspotActive}
	m := Meeting{ID: 9, State: MeetingClosed, Agenda: []AgendaItem{{Kind: ItemHotspot, HotspotID: 1}, {Kind: ItemHotspot, HotspotID: 2}}}
	rec := MeetingRecord{Meeting: m, Hotspots: []Hotspot{open, personal, other},
		Trends: map[ID]Series{1: series(1, 2, 3, 4), 2: series(5, 6, 7, 8), 3: series(1)}}
	snap := Freeze(rec, time.Now())
	if _, kept := snap.Record.Trends[3]; len(snap.Record.Trends) != 2 || kept {
		t.Errorf("frozen trends %v", snap.Record.Trends)
	}
	pub := PublicView(snap.Record)
	if _, ok := pub.Trends[2]; ok {
		t.Error("a personal case's counts reached the public view")
	}
	if _, ok := pub.Trends[1]; !ok {
		t.Error("a public hotspot's counts are missing from the public view")
	}
	if _, ok := rec.Trends[2]; !ok {
		t.Error("the public view changed the record it was made from")
	}
}
