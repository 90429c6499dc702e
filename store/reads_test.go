package store_test

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// histories are the records the index reads are held to: the everyday demo
// and a year of the decade's shape, each with a meeting under way.
func histories(t *testing.T) map[string]*store.Store {
	t.Helper()
	today := model.MustDate("2026-11-24")
	clock := func() time.Time { return today.Time(time.Local).Add(10 * time.Hour) }
	out := map[string]*store.Store{}
	for name, build := range map[string]func() (store.Dataset, error){
		"small": func() (store.Dataset, error) { return demo.Build(today, demo.Small, time.Local) },
		"tenth": func() (store.Dataset, error) { return demo.BuildHistory(today, 3, demo.Tenth, time.Local) },
	} {
		s, err := store.Open(filepath.Join(t.TempDir(), name+".db"), store.Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		d, err := build()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Seed(model.SystemActor("test"), d); err != nil {
			t.Fatal(err)
		}
		out[name] = s
	}
	return out
}

// Home through the indexes is the home the whole record gives, before and
// after a meeting starts and changes things.
func TestHomeThroughTheIndexes(t *testing.T) {
	for name, s := range histories(t) {
		t.Run(name, func(t *testing.T) {
			same := func(when string) {
				t.Helper()
				got, err := s.Home()
				if err != nil {
					t.Fatal(err)
				}
				want, err := store.HomeTheLongWay(s)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: home through the indexes\n%+v\nthe whole record says\n%+v", when, got, want)
				}
				if len(got.Hotspots) == 0 || len(got.Workload) == 0 || got.OpenActions == 0 {
					t.Fatalf("%s: an empty home proves nothing: %+v", when, got)
				}
			}
			same("between meetings")
			p, _ := s.Partnership()
			members, _ := s.Members()
			var chair model.Actor
			for _, m := range members {
				if m.ID == p.ChairID {
					chair = model.ActorFor(m)
				}
			}
			m, err := s.StartMeeting(chair, model.Date{})
			if err != nil {
				t.Fatal(err)
			}
			rec, err := s.MeetingRecord(m.ID)
			if err != nil {
				t.Fatal(err)
			}
			ma := rec.MattersArising()
			if _, err := s.SetActionStatus(chair, ma[0].ID, 0, model.StatusDone, "Finished", m.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.MarkReviewed(chair, ma[1].ID, m.ID); err != nil {
				t.Fatal(err)
			}
			same("with a meeting under way")
		})
	}
}

// Every kind of action list read through its index is the list the whole
// record gives.
func TestActionListsThroughTheIndexes(t *testing.T) {
	for name, s := range histories(t) {
		t.Run(name, func(t *testing.T) {
			today := s.Today()
			year := model.CompletionsFrom(today)
			h, err := s.Home()
			if err != nil {
				t.Fatal(err)
			}
			hotspot := h.Hotspots[0].ID
			for _, f := range []model.ActionFilter{
				{OpenOnly: true},
				{AgencyID: 2, OpenOnly: true},
				{Overdue: true},
				{AgencyID: 7, Status: model.StatusInProgress},
				{Status: model.StatusDone},
				{AgencyID: 2, Status: model.StatusCancelled, FinishedFrom: year},
				{FinishedFrom: year},
				{AgencyID: 1, FinishedFrom: year},
				{AgencyID: 3},
				{HotspotID: hotspot},
				{},
			} {
				f.Today = today
				got, err := s.Actions(f)
				if err != nil {
					t.Fatal(err)
				}
				want, err := store.ActionsTheLongWay(s, f)
				if err != nil {
					t.Fatal(err)
				}
				if len(want) == 0 {
					t.Errorf("%+v matches nothing: it proves nothing", f)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%+v: %d actions through the index, %d in the whole record", f, len(got), len(want))
				}
			}
		})
	}
}
