package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// importRising imports four months of police.uk counts in which Market
// Place rises from 2 a month to 10 and High Street from 3 to 8: both, and
// their LSOAs, are then on offer.
func importRising(t *testing.T, s interface {
	ImportIncidents(model.Actor, []model.IncidentBatch, []model.IncidentRow) (model.IncidentImport, error)
}, by model.Actor) {
	t.Helper()
	market := model.Place{LSOA: "E01019535", LSOAName: "Chesterfield 005D", Location: "Market Place", Street: true}
	high := model.Place{LSOA: "E01019540", LSOAName: "Chesterfield 009A", Location: "High Street", Street: true}
	var batches []model.IncidentBatch
	var rows []model.IncidentRow
	for i, counts := range [][2]int{{2, 3}, {2, 3}, {2, 3}, {10, 8}} {
		m := model.NewMonth(2026, time.July).Add(i)
		batches = append(batches, model.IncidentBatch{Force: "Derbyshire Constabulary", Month: m, Category: model.CategoryASB, Incidents: counts[0] + counts[1], Places: 2})
		rows = append(rows, model.IncidentRow{Month: m, Force: "Derbyshire Constabulary", Category: model.CategoryASB, Place: market, Count: counts[0]},
			model.IncidentRow{Month: m, Force: "Derbyshire Constabulary", Category: model.CategoryASB, Place: high, Count: counts[1]})
	}
	if _, err := s.ImportIncidents(by, batches, rows); err != nil {
		t.Fatal(err)
	}
}

// The emerging hotspots are offered on home, and listed with their
// evidence under the meeting's New referrals: y opens a hotspot from the
// selected one (linked, with its evidence, next on the agenda), D
// dismisses one after asking.
func TestEmergingHotspotsOfferedInTheMeeting(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	importRising(t, s, chair)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 40)
	ss.waitFor("⚑ 4 emerging hotspots (police.uk)", "Market Place, Chesterfield 005D: 10 in Oct 26, top tenth", "in the meeting's New referrals: y accepts")
	at := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemReferrals })
	if _, err := s.GoToItem(chair, m.ID, at); err != nil {
		t.Fatal(err)
	}
	ss.keys("m")
	ss.waitFor("Emerging hotspots from police.uk (4)", "▸Chesterfield 005D (E01019535)", "police.uk: 10 anti-social behaviour incidents at Chesterfield 005D")
	ss.keys("j")
	ss.waitFor("▸Market Place, Chesterfield 005D", "+400% on 2.0")
	ss.keys("y")
	ss.waitFor("Open a hotspot: Market Place, Chesterfield 005D", "Market Place: anti-social behaviour")
	ss.keys("tab", "tab")
	ss.typeText("Spire")
	ss.keys("tab", "tab", "tab")
	ss.typeText("comm")
	ss.keys("ctrl+s")
	ss.waitFor("opened from the emerging hotspot: it is next on the agenda", "Referred in this meeting", "Emerging hotspots from police.uk (3)")
	scr := ss.screen()
	if strings.Contains(scr, "Market Place, Chesterfield 005D    ") {
		t.Errorf("the accepted street is still offered:\n%s", scr)
	}
	ss.keys("k", "D")
	ss.waitFor("Dismiss Chesterfield 005D (E01019535) (10 in Oct 26) for 3 months?")
	ss.keys("y")
	ss.waitFor("Chesterfield 005D (E01019535) dismissed for three months", "Emerging hotspots from police.uk (2)")
	ss.keys("]") // the hotspot opened from it is next, with its evidence
	ss.waitFor("Market Place: anti-social behaviour · Spire", "Opened as an emerging hotspot: police.uk: 10 anti-social behaviour incidents at")
	ss.finish()

	hs, err := s.Hotspots()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(hs, func(h model.Hotspot) bool { return h.Evidence != "" })
	if i < 0 {
		t.Fatal("no hotspot was opened from an emerging one")
	}
	h := hs[i]
	if h.Title != "Market Place: anti-social behaviour" || h.Ward != "Spire" || len(h.Areas) != 1 || !strings.HasPrefix(h.Evidence, "police.uk: 10 ") {
		t.Errorf("the hotspot opened: %+v", h)
	}
}
