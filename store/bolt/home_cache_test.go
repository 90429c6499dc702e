package bolt

import (
	"sync"
	"testing"

	"github.com/ccsp/tasking/model"
)

// Home is shared among those asking after the same commit, and read anew
// after each change and each new day.
func TestHomeIsSharedPerCommitAndDay(t *testing.T) {
	s, clock, _ := openTiny(t)
	before, err := s.Home()
	mustNoErr(t, err)

	// Many sessions at once after the same commit: one answer, the same.
	var wg sync.WaitGroup
	got := make([]model.HomeSummary, 20)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = s.Home()
		}()
	}
	wg.Wait()
	for i := range got {
		if got[i].OpenActions != before.OpenActions || len(got[i].Hotspots) != len(before.Hotspots) {
			t.Fatalf("session %d read a different home", i)
		}
	}

	// A change is seen at once, by a reader told of it (HomeSince its
	// commit) and by one asking for the newest.
	feed, stop := s.Subscribe()
	defer stop()
	_, err = s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Door knocking", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	c := <-feed
	if c.Tx == 0 {
		t.Fatal("a change notice does not say its commit")
	}
	told, err := s.HomeSince(c.Tx)
	mustNoErr(t, err)
	after, err := s.Home()
	mustNoErr(t, err)
	for _, h := range []model.HomeSummary{told, after} {
		if h.OpenActions != before.OpenActions+1 {
			t.Errorf("after assigning an action home counts %d open, want %d", h.OpenActions, before.OpenActions+1)
		}
	}

	// So is a new day: what is overdue depends on it.
	clock.t = clock.t.AddDate(0, 0, 30)
	later, err := s.Home()
	mustNoErr(t, err)
	if later.Today == after.Today {
		t.Errorf("a month later home still reads as of %s", after.Today)
	}
	if later.OverdueActions <= after.OverdueActions {
		t.Errorf("a month later %d overdue, want more than %d", later.OverdueActions, after.OverdueActions)
	}
}
