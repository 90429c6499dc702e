package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Home shows the open hotspots' trends and the places on offer as new
// hotspots; a reading of home may take them from the last one while
// nothing they come from has changed (record's home_cache.go). After each
// kind of change that can change them — incidents imported (the same
// batches again, at the same minute, with other counts), a hotspot's
// areas, a count the chair entered, a hotspot opened from an offer and
// one closed, a dismissal and its undo, the day — home shows what a
// reading afresh shows; and a change that cannot (an action's update)
// leaves them as they were.
func testHomesIncidentsNeverStale(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	market := model.Place{LSOA: "E01000001", LSOAName: "Chesterfield 001A", Location: "Market Place", Street: true}
	high := model.Place{LSOA: "E01000002", LSOAName: "Chesterfield 002B", Location: "High Street", Street: true}
	type shown struct {
		Suggestions []model.Suggestion
		Offered     int
		Trends      map[model.ID]model.Series
	}
	var last shown
	// agree reads home and what a reading afresh says, which must agree.
	agree := func(step string) shown {
		t.Helper()
		h, err := s.Home()
		mustNoErr(t, err)
		got := shown{Suggestions: h.Suggestions, Offered: h.Offered, Trends: h.Trends}
		offered, err := s.Suggestions()
		mustNoErr(t, err)
		var ids []model.ID
		for _, hs := range h.Hotspots {
			ids = append(ids, hs.ID)
		}
		trends, err := s.HotspotTrends(ids)
		mustNoErr(t, err)
		want := shown{Suggestions: offered[:min(len(offered), model.MaxSuggestions)], Offered: len(offered), Trends: trends}
		if len(want.Suggestions) == 0 {
			want.Suggestions = nil
		}
		if len(got.Suggestions) == 0 {
			got.Suggestions = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after %s, home shows\n%+v\nread afresh:\n%+v", step, got, want)
		}
		return got
	}
	// check is agree, and what home shows must differ from the last
	// step's when the step changed it (else the step tests nothing).
	check := func(step string, changes bool) {
		t.Helper()
		got := agree(step)
		if same := reflect.DeepEqual(got, last); same == changes {
			t.Fatalf("after %s: changed %v, want %v (the step tests nothing)", step, !same, changes)
		}
		last = got
	}
	check("nothing imported", false)

	// Two streets rising in October; one imported again below with
	// other counts but the same totals, at the same minute: its batches
	// are stored as the same bytes.
	imp := func(marketOct, highOct int) {
		t.Helper()
		var batches []model.IncidentBatch
		var rows []model.IncidentRow
		for i, c := range [][2]int{{2, 3}, {2, 3}, {2, 3}, {marketOct, highOct}} {
			m := model.NewMonth(2026, time.July).Add(i)
			batches = append(batches, model.IncidentBatch{Force: "Derbyshire Constabulary", Month: m, Category: model.CategoryASB, Incidents: c[0] + c[1], Places: 2})
			rows = append(rows, model.IncidentRow{Month: m, Force: "Derbyshire Constabulary", Category: model.CategoryASB, Place: market, Count: c[0]},
				model.IncidentRow{Month: m, Force: "Derbyshire Constabulary", Category: model.CategoryASB, Place: high, Count: c[1]})
		}
		_, err := s.ImportIncidents(chair, batches, rows)
		mustNoErr(t, err)
	}
	imp(10, 8)
	check("an import", true)

	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-08")})
	mustNoErr(t, err)
	_, err = s.AddActionNote(chair, a.ID, a.Version, "Two patrols done", 0)
	mustNoErr(t, err)
	check("an action's update", false)

	_, err = s.LinkHotspotArea(chair, 2, 0, model.AreaOf(high), 0)
	mustNoErr(t, err)
	check("a hotspot's area linked", true)

	imp(12, 6)
	check("the same batches imported again with other counts", true)

	seven := 7
	_, err = s.SetHotspotCount(chair, 1, 0, model.NewMonth(2026, time.October), &seven, 0)
	mustNoErr(t, err)
	check("a count the chair entered", true)

	accepted, err := s.AcceptSuggestion(chair, "E01000001|Market Place", model.NewHotspot{Ward: "Spire", Category: model.CategoryNuisance, Risk: model.RiskMedium, LeadAgencyID: 1}, 0)
	mustNoErr(t, err)
	check("an offer accepted", true)

	// Closed, its trend goes and its place is offered again.
	_, err = s.CloseHotspot(chair, accepted.ID, accepted.Version, "Quieter", 0, model.OpenActionsRefuse)
	mustNoErr(t, err)
	check("a hotspot closed", true)

	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	clock.t = clock.t.Add(time.Minute)
	_, err = s.DismissSuggestion(chair, "E01000002")
	mustNoErr(t, err)
	check("a dismissal", true)

	clock.t = clock.t.Add(time.Minute)
	_, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	check("a dismissal undone", true)

	// November is over on 1 December: its counts (imported today, not
	// yet counted) join the trends.
	nov := model.NewMonth(2026, time.November)
	_, err = s.ImportIncidents(chair, []model.IncidentBatch{{Force: "Derbyshire Constabulary", Month: nov, Category: model.CategoryASB, Incidents: 20, Places: 1}},
		[]model.IncidentRow{{Month: nov, Force: "Derbyshire Constabulary", Category: model.CategoryASB, Place: high, Count: 20}})
	mustNoErr(t, err)
	agree("a month not yet over imported")
	clock.t = model.MustDate("2026-12-01").Time(clock.t.Location()).Add(10 * time.Hour)
	check("the day, a month on", true)
}

var _ store.Record // the suite is written against the interface alone
