package bolt

import (
	"errors"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// importMonths imports ASB at two streets of E1 and one of E2 for the
// months Jul–Oct 2026 (the fixture's clock is 24 Nov 2026): High Street
// 2, 4, 6, 8; Low Street 1 each month; Mill Lane (E2) 5 each month.
func importMonths(t *testing.T, s *File) {
	t.Helper()
	for i, m := range []model.Month{model.NewMonth(2026, 7), model.NewMonth(2026, 8), model.NewMonth(2026, 9), model.NewMonth(2026, 10)} {
		b, rows := monthOf(m, map[model.Place]int{placeOf("E1", "High Street"): 2 * (i + 1), placeOf("E1", "Low Street"): 1, placeOf("E2", "Mill Lane"): 5})
		_, err := s.ImportIncidents(sgt, b, rows)
		mustNoErr(t, err)
	}
}

func TestHotspotTrendFromLinkedAreas(t *testing.T) {
	s, _, _ := openTiny(t)
	importMonths(t, s)
	h, err := s.Hotspot(1)
	mustNoErr(t, err)
	// A place nothing was imported for is refused: links are chosen from
	// what was imported.
	_, err = s.LinkHotspotArea(chair, 1, h.Version, model.HotspotArea{Kind: model.AreaLSOA, Code: "E9"}, 0)
	if err == nil || !strings.Contains(err.Error(), "no anti-social behaviour was imported for E9") {
		t.Fatalf("linking a place never imported: %v", err)
	}
	// A member may not change a hotspot.
	if _, err = s.LinkHotspotArea(sgt, 1, h.Version, model.HotspotArea{Kind: model.AreaLSOA, Code: "E1"}, 0); err == nil {
		t.Fatal("a member linked a hotspot")
	}
	h, err = s.LinkHotspotArea(chair, 1, h.Version, model.HotspotArea{Kind: model.AreaLSOA, Code: "E1"}, 0)
	mustNoErr(t, err)
	if len(h.Areas) != 1 || h.Areas[0].Name != "Testshire E1" {
		t.Fatalf("linked %+v: the LSOA's name comes from the import", h.Areas)
	}
	// High Street is inside E1: counted once.
	h, err = s.LinkHotspotArea(chair, 1, h.Version, model.HotspotArea{Kind: model.AreaLocation, Code: "E1", Name: "High Street"}, 0)
	mustNoErr(t, err)
	home, err := s.Home()
	mustNoErr(t, err)
	got := home.Trends[1]
	if got.Source != model.FromPolice || got.End.String() != "2026-10" || got.Counts[11] != 9 || got.Counts[8] != 3 || got.Counts[7] != model.NoCount {
		t.Fatalf("home's trend for HS-1: %+v", got)
	}
	if tr := got.Trend().String(); tr != "+80%" { // 9 against the mean of 3, 5, 7
		t.Errorf("trend %s", tr)
	}
	// The street alone.
	h, err = s.UnlinkHotspotArea(chair, 1, h.Version, model.HotspotArea{Kind: model.AreaLSOA, Code: "E1"}, 0)
	mustNoErr(t, err)
	trends, err := s.HotspotTrends([]model.ID{1, 2})
	mustNoErr(t, err)
	if c := trends[1].Counts; c[8] != 2 || c[11] != 8 {
		t.Errorf("High Street alone: %v", c)
	}
	if _, ok := trends[2]; ok {
		t.Errorf("HS-2 has no counts, yet a trend: %+v", trends[2])
	}
	// A form that showed the hotspot before is refused, naming the change.
	_, err = s.LinkHotspotArea(chair, 1, h.Version-1, model.HotspotArea{Kind: model.AreaLSOA, Code: "E2"}, 0)
	var conflict *store.ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("a stale link: %v", err)
	}
	// The places to choose from, busiest first, with their counts.
	places, err := s.IncidentPlaces()
	mustNoErr(t, err)
	if len(places) != 5 || places[0].Key() != "E1" || places[0].Series.Total() != 24 || places[4].Key() != "E1|Low Street" {
		t.Errorf("places %+v", places)
	}
}

func TestEnteredCountsAndUndo(t *testing.T) {
	s, _, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	h, err := s.Hotspot(2)
	mustNoErr(t, err)
	for _, c := range []struct {
		month string
		n     int
	}{{"2026-08", 4}, {"2026-09", 4}, {"2026-07", 4}, {"2026-10", 6}} {
		n := c.n
		h, err = s.SetHotspotCount(chair, 2, h.Version, mustMonth(t, c.month), &n, m.ID)
		mustNoErr(t, err)
	}
	home, err := s.Home()
	mustNoErr(t, err)
	if tr := home.Trends[2]; tr.Source != model.FromEntered || tr.Trend().String() != "+50%" {
		t.Fatalf("entered trend %+v", tr)
	}
	// A month not yet over is refused.
	one := 1
	if _, err := s.SetHotspotCount(chair, 2, h.Version, mustMonth(t, "2026-11"), &one, m.ID); err == nil {
		t.Error("a count for November, on 24 November")
	}
	// Entered in the meeting, it is minuted under the hotspot, and undone.
	rec, err := s.MeetingRecord(m.ID)
	mustNoErr(t, err)
	if n := rec.Notes[len(rec.Notes)-1]; n.HotspotID != 2 || n.Text != "Incidents in October 2026 entered: 6." {
		t.Errorf("minuted %+v", n)
	}
	said, err := s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if said == "" || !strings.Contains(said, "HS-2's entered counts back as they were") {
		t.Errorf("undo said %q", said)
	}
	h, err = s.Hotspot(2)
	mustNoErr(t, err)
	if len(h.Incidents) != 3 {
		t.Errorf("after undo: %+v", h.Incidents)
	}
	// Taking a month back.
	h, err = s.SetHotspotCount(chair, 2, h.Version, mustMonth(t, "2026-07"), nil, 0)
	mustNoErr(t, err)
	if len(h.Incidents) != 2 {
		t.Errorf("after clearing July: %+v", h.Incidents)
	}
}

// A personal case's areas and counts never reach someone who reads the
// public record; a public hotspot's areas reach them by LSOA only.
func TestTrendsPublicReader(t *testing.T) {
	s, _, _ := openTiny(t)
	importMonths(t, s)
	personal, err := s.AddHotspot(chair, model.NewHotspot{Title: "Neighbour dispute", Location: "Low Street", Category: model.CategoryPersonal, Risk: model.RiskHigh, LeadAgencyID: 1}, 0)
	mustNoErr(t, err)
	_, err = s.LinkHotspotArea(chair, personal.ID, personal.Version, model.HotspotArea{Kind: model.AreaLocation, Code: "E1", Name: "Low Street"}, 0)
	mustNoErr(t, err)
	h, err := s.Hotspot(1)
	mustNoErr(t, err)
	_, err = s.LinkHotspotArea(chair, 1, h.Version, model.HotspotArea{Kind: model.AreaLocation, Code: "E2", Name: "Mill Lane"}, 0)
	mustNoErr(t, err)

	pub := store.ReadAs(s, viewer)
	home, err := pub.HomeSince(0)
	mustNoErr(t, err)
	if _, ok := home.Trends[personal.ID]; ok {
		t.Error("a personal case's trend reached the public home")
	}
	if _, ok := home.Trends[1]; !ok {
		t.Error("a public hotspot's trend is missing from the public home")
	}
	for _, hs := range home.Hotspots {
		for _, a := range hs.Areas {
			if a.Kind != model.AreaLSOA || strings.Contains(a.Name, "Street") || strings.Contains(a.Name, "Lane") {
				t.Errorf("the public home names a street: %+v", a)
			}
		}
	}
	trends, err := pub.HotspotTrends([]model.ID{1, personal.ID})
	mustNoErr(t, err)
	if _, ok := trends[personal.ID]; ok || len(trends) != 1 {
		t.Errorf("public trends %v", trends)
	}
	all, err := pub.Hotspots()
	mustNoErr(t, err)
	for _, hs := range all {
		if hs.ID == personal.ID && len(hs.Areas) > 0 {
			t.Errorf("a personal case's areas reached the public list: %+v", hs.Areas)
		}
	}
}

func mustMonth(t *testing.T, s string) model.Month {
	t.Helper()
	m, err := model.ParseMonth(s)
	mustNoErr(t, err)
	return m
}
