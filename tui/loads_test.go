package tui

import (
	"testing"

	"github.com/ccsp/tasking/model"
)

// A burst of loads (five changes in a row, a run of keys) reads the store
// at most twice: the one in flight, then the latest asked for meanwhile.
// The superseded ones never run.
func TestLoadsCoalesce(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: s, Actor: chair, Now: fixedClock})
	t.Cleanup(a.Close)
	a.Update(windowSize(120, 36))
	settle(a, a.openMeeting(m.ID))
	run0, kept0 := a.loadsRun, a.loadsCoalesced

	first := a.loadMeeting(m.ID)
	if first == nil {
		t.Fatal("nothing was being read, yet the load did not start")
	}
	for range 4 {
		if cmd := a.loadMeeting(m.ID); cmd != nil {
			t.Fatal("a second load started while one was in flight")
		}
	}
	if got := a.loadsRun - run0; got != 1 {
		t.Fatalf("%d loads started, want 1 in flight", got)
	}
	settle(a, first) // the answer starts the one kept, which is read too
	if got, kept := a.loadsRun-run0, a.loadsCoalesced-kept0; got != 2 || kept != 4 {
		t.Fatalf("5 loads asked for: %d read, %d kept back; want 2 read", got, kept)
	}
	if a.loading || a.nextLoad != nil {
		t.Fatal("a load is still marked in flight")
	}
}
