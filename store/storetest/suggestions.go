package storetest

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Emerging hotspots: a place whose incidents rise is offered; accepting it
// opens a hotspot linked to it with its evidence, and it is offered no
// more; dismissing one hides it for three months to the day; both are the
// chair's.
func testEmergingHotspotsOffered(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	market := model.Place{LSOA: "E01000001", LSOAName: "Chesterfield 001A", Location: "Market Place", Street: true}
	high := model.Place{LSOA: "E01000002", LSOAName: "Chesterfield 002B", Location: "High Street", Street: true}
	importRising(t, s, market, high)
	keys := func() string { return offeredKeys(t, s) }
	if got := keys(); got != "E01000001 E01000001|Market Place E01000002 E01000002|High Street" {
		t.Fatalf("offered: %s", got)
	}
	if _, err := s.DismissSuggestion(sgt, "E01000002"); err == nil || !strings.Contains(err.Error(), "may not dismiss an emerging hotspot") {
		t.Errorf("a member dismissed one: %v", err)
	}
	if _, err := s.AcceptSuggestion(sgt, "E01000001|Market Place", model.NewHotspot{Ward: "Spire", Category: model.CategoryNuisance, Risk: model.RiskMedium, LeadAgencyID: 1}, 0); err == nil {
		t.Error("a member accepted one")
	}
	h, err := s.AcceptSuggestion(chair, "E01000001|Market Place", model.NewHotspot{Ward: "Spire", Category: model.CategoryNuisance, Risk: model.RiskMedium, LeadAgencyID: 1}, 0)
	mustNoErr(t, err)
	if h.Title != "Market Place: anti-social behaviour" || len(h.Areas) != 1 || h.Areas[0] != model.AreaOf(market) ||
		!strings.Contains(h.Evidence, "10 anti-social behaviour incidents at Market Place, Chesterfield 001A in October 2026; in the top tenth of streets (10 or more), up 400% on its three-month mean of 2.0") {
		t.Errorf("accepted: %+v", h)
	}
	if got := keys(); got != "E01000001 E01000002 E01000002|High Street" {
		t.Errorf("offered after accepting Market Place: %s", got)
	}
	// Its series is the place's counts: four months known, the last 10 —
	// too few months to class it (model.ClassMinMonths).
	series, err := s.HotspotSeries(h.ID)
	mustNoErr(t, err)
	if last, ok := series.Last(); !ok || last != 10 || series.Known() != 4 || series.End != model.NewMonth(2026, time.October) ||
		series.Source != model.FromPolice || series.Class() != model.ClassNone {
		t.Errorf("the accepted hotspot's series: %+v", series)
	}
	if _, err := s.AcceptSuggestion(chair, "E01000001|Market Place", model.NewHotspot{Ward: "Spire", Category: model.CategoryNuisance, Risk: model.RiskMedium, LeadAgencyID: 1}, 0); err == nil ||
		!strings.Contains(err.Error(), "is not an emerging hotspot on offer") {
		t.Errorf("accepted twice: %v", err)
	}
	d, err := s.DismissSuggestion(chair, "E01000002")
	mustNoErr(t, err)
	if d.On != model.DateOf(clock.t) || d.By != chair.Name {
		t.Errorf("dismissed %+v", d)
	}
	if ev, _ := s.AuditEvents(1); len(ev) != 1 || ev[0].Op != model.OpSuggestionDismiss {
		t.Errorf("audit %+v", ev)
	}
	if got := keys(); got != "E01000001 E01000002|High Street" {
		t.Errorf("offered after dismissing E01000002: %s", got)
	}
	clock.t = model.DateOf(clock.t).AddMonths(model.DismissMonths).AddDays(-1).Time(clock.t.Location()).Add(10 * time.Hour)
	if got := keys(); strings.Contains(got, "E01000002 ") {
		t.Errorf("offered again the day before three months: %s", got)
	}
	clock.t = clock.t.Add(24 * time.Hour)
	if got := keys(); got != "E01000001 E01000002 E01000002|High Street" {
		t.Errorf("three months to the day: %s", got)
	}
}

// importRising imports four months of anti-social behaviour at two
// streets, both rising in the last (October 2026): every place is offered.
func importRising(t *testing.T, s store.Record, market, high model.Place) {
	t.Helper()
	var batches []model.IncidentBatch
	var rows []model.IncidentRow
	for i, counts := range [][2]int{{2, 3}, {2, 3}, {2, 3}, {10, 8}} {
		m := model.NewMonth(2026, time.July).Add(i)
		batches = append(batches, model.IncidentBatch{Force: "Derbyshire Constabulary", Month: m, Category: model.CategoryASB, Incidents: counts[0] + counts[1], Places: 2})
		rows = append(rows, model.IncidentRow{Month: m, Force: "Derbyshire Constabulary", Category: model.CategoryASB, Place: market, Count: counts[0]},
			model.IncidentRow{Month: m, Force: "Derbyshire Constabulary", Category: model.CategoryASB, Place: high, Count: counts[1]})
	}
	if _, err := s.ImportIncidents(chair, batches, rows); err != nil {
		t.Fatal(err)
	}
}

// offeredKeys are the places on offer, in order.
func offeredKeys(t *testing.T, s store.Record) string {
	t.Helper()
	ss, err := s.Suggestions()
	mustNoErr(t, err)
	var out []string
	for _, sg := range ss {
		out = append(out, sg.Place.Key())
	}
	return strings.Join(out, " ")
}

// A dismissal made by mistake in a meeting is taken back by undo, as any
// other change there: the place is offered again, and the dismissal it
// replaced (one that had lapsed) is back as it was.
func testADismissalIsUndone(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	market := model.Place{LSOA: "E01000001", LSOAName: "Chesterfield 001A", Location: "Market Place", Street: true}
	high := model.Place{LSOA: "E01000002", LSOAName: "Chesterfield 002B", Location: "High Street", Street: true}
	importRising(t, s, market, high)
	const all = "E01000001 E01000001|Market Place E01000002 E01000002|High Street"
	// Dismissed once long ago (the dismissal lapsed), offered again now.
	old, err := s.DismissSuggestion(chair, "E01000002")
	mustNoErr(t, err)
	clock.t = clock.t.AddDate(0, model.DismissMonths+1, 0)
	if got := offeredKeys(t, s); got != all {
		t.Fatalf("offered: %s", got)
	}
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	clock.t = clock.t.Add(time.Minute)
	if _, err := s.DismissSuggestion(chair, "E01000002"); err != nil {
		t.Fatal(err)
	}
	clock.t = clock.t.Add(time.Minute)
	if _, err := s.DismissSuggestion(chair, "E01000001|Market Place"); err != nil {
		t.Fatal(err)
	}
	if got := offeredKeys(t, s); got != "E01000001 E01000002|High Street" {
		t.Fatalf("offered after two dismissals: %s", got)
	}
	choices, err := s.UndoChoices(chair, m.ID)
	mustNoErr(t, err)
	if len(choices) < 2 || choices[0].Name != "emerging hotspot dismissed: Market Place, Chesterfield 001A" ||
		choices[1].Name != "emerging hotspot dismissed: Chesterfield 002B (E01000002)" {
		t.Fatalf("undo offers %+v", choices)
	}
	// The older of the two first: undo takes back any of the last twenty.
	clock.t = clock.t.Add(time.Minute)
	said, err := s.UndoChange(chair, m.ID, choices[1].Key())
	mustNoErr(t, err)
	if said != "undone: emerging hotspot Chesterfield 002B (E01000002) offered again" {
		t.Errorf("undo said %q", said)
	}
	if got := offeredKeys(t, s); got != "E01000001 E01000002 E01000002|High Street" {
		t.Errorf("offered after undoing E01000002's dismissal: %s", got)
	}
	// The lapsed dismissal is back as it was: dismissed again, the
	// dismissal replaces it, and its event's image of what was there
	// before is the lapsed one, its day and its author.
	clock.t = clock.t.Add(time.Minute)
	if _, err := s.DismissSuggestion(chair, "E01000002"); err != nil {
		t.Errorf("dismissing it again after the undo: %v", err)
	}
	ev, err := s.AuditEvents(1)
	mustNoErr(t, err)
	var was model.Dismissal
	if len(ev) != 1 || ev[0].Op != model.OpSuggestionDismiss || json.Unmarshal(ev[0].Before, &was) != nil || was != old {
		t.Errorf("the dismissal after the undo replaced %+v, want the lapsed %+v", ev, old)
	}
	clock.t = clock.t.Add(time.Minute)
	said, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if said != "undone: emerging hotspot Chesterfield 002B (E01000002) offered again" {
		t.Errorf("undo said %q", said)
	}
	clock.t = clock.t.Add(time.Minute)
	if _, err := s.Undo(chair, m.ID); err != nil {
		t.Errorf("undoing Market Place's dismissal: %v", err)
	}
	if got := offeredKeys(t, s); got != all {
		t.Errorf("offered after undoing both: %s", got)
	}
}
