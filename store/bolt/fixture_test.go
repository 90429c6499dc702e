package bolt

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// fixedClock is a clock tests can move.
type fixedClock struct{ t time.Time }

func (c *fixedClock) now() time.Time { return c.t }

var (
	chair  = model.Actor{MemberID: 1, Name: "Cllr Ann Chair", Role: model.RoleChair, AgencyID: 1}
	sgt    = model.Actor{MemberID: 2, Name: "Sgt Jas Patel", Role: model.RoleMember, AgencyID: 2}
	viewer = model.Actor{MemberID: 3, Name: "Val Viewer", Role: model.RoleViewer, AgencyID: 3}
)

// tinyDataset is a partnership small enough to reason about: three agencies,
// three members, two hotspots, no meetings yet.
func tinyDataset(now time.Time) store.Dataset {
	return store.Dataset{
		Partnership: model.Partnership{Name: "Testshire CSP", DefaultPlace: "Committee Room 1", ChairID: 1},
		Agencies: []model.Agency{
			{ID: 1, Name: "Council Community Safety", ShortName: "Community Safety", Version: 1},
			{ID: 2, Name: "Testshire Police", ShortName: "Police", Version: 1},
			{ID: 3, Name: "Council Housing", ShortName: "Housing", Version: 1},
		},
		Members: []model.Member{
			{ID: 1, Name: chair.Name, AgencyID: 1, Role: model.RoleChair, Version: 1},
			{ID: 2, Name: sgt.Name, AgencyID: 2, Role: model.RoleMember, Version: 1},
			{ID: 3, Name: viewer.Name, AgencyID: 3, Role: model.RoleViewer, Version: 1},
		},
		Hotspots: []model.Hotspot{
			{ID: 1, Title: "Town centre", Ward: "Spire", Category: model.CategoryNuisance, Risk: model.RiskHigh, Status: model.HotspotActive, LeadAgencyID: 2, Opened: model.DateOf(now).AddDays(-60), Version: 1},
			{ID: 2, Title: "Rec ground", Ward: "Staveley North", Category: model.CategoryEnvironmental, Risk: model.RiskLow, Status: model.HotspotActive, LeadAgencyID: 1, Opened: model.DateOf(now).AddDays(-30), Version: 1},
		},
	}
}

// openTiny opens a seeded store on a temp file and checks the file is sound
// when the test ends.
func openTiny(t *testing.T) (*File, *fixedClock, string) {
	t.Helper()
	clock := &fixedClock{t: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)}
	path := filepath.Join(t.TempDir(), "tasking.db")
	s, err := Open(path, Options{Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Seed(model.SystemActor("test"), tinyDataset(clock.t)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s.db != nil {
			if err := s.CheckPages(); err != nil {
				t.Errorf("bbolt check: %v", err)
			}
			// Every test leaves the record whole: indexes in step, frozen
			// meetings frozen, the trail in order.
			problems, err := s.CheckRecords()
			if err != nil {
				t.Errorf("check: %v", err)
			}
			for _, p := range problems {
				t.Errorf("check: %s", p)
			}
			s.Close()
		}
	})
	return s, clock, path
}

func mustNoErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
