package record

import (
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/mem"
)

// The use cases' own tests run over the memory engine: record knows no
// engine, and store/bolt (which holds record) cannot be imported here.
// The same use cases over a bbolt file are tested in store/bolt.

var (
	chair = model.Actor{MemberID: 1, Name: "Cllr Ann Chair", Role: model.RoleChair, AgencyID: 1}
	sgt   = model.Actor{MemberID: 2, Name: "Sgt Jas Patel", Role: model.RoleMember, AgencyID: 2}
)

// openTiny is a record in memory seeded with three agencies, two of their
// members and two hotspots, held to its audit chain and its indexes when
// the test ends.
func openTiny(t *testing.T) (*Store, time.Time, string) {
	t.Helper()
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	s := New(mem.New(), func() time.Time { return now }, nil)
	d := store.Dataset{
		Partnership: model.Partnership{Name: "Testshire CSP", DefaultPlace: "Committee Room 1", ChairID: 1},
		Agencies: []model.Agency{
			{ID: 1, Name: "Council Community Safety", ShortName: "Community Safety", Version: 1},
			{ID: 2, Name: "Testshire Police", ShortName: "Police", Version: 1},
			{ID: 3, Name: "Council Housing", ShortName: "Housing", Version: 1},
		},
		Members: []model.Member{
			{ID: 1, Name: chair.Name, AgencyID: 1, Role: model.RoleChair, Version: 1},
			{ID: 2, Name: sgt.Name, AgencyID: 2, Role: model.RoleMember, Version: 1},
		},
		Hotspots: []model.Hotspot{
			{ID: 1, Title: "Town centre", Ward: "Spire", Category: model.CategoryNuisance, Risk: model.RiskHigh, Status: model.HotspotActive, LeadAgencyID: 2, Opened: model.DateOf(now).AddDays(-60), Version: 1},
		},
	}
	if err := s.Seed(model.SystemActor("test"), d); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		r, err := s.VerifyChain()
		if err != nil {
			t.Errorf("verify: %v", err)
		}
		for _, p := range r.Problems {
			t.Errorf("audit chain: %s", p)
		}
		problems, err := s.CheckIndexes()
		if err != nil {
			t.Errorf("indexes: %v", err)
		}
		for _, p := range problems {
			t.Errorf("index: %s", p)
		}
	})
	return s, now, ""
}

func mustNoErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
