package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// The decade database the benchmarks measure: ten years of a partnership
// (demo --scale decade --seed 1), as at a fixed day. It is built once into
// the temporary folder and reused by later runs (TASKING_BENCH_DB names
// another copy); a benchmark never changes it.
var benchDay = model.MustDate("2026-11-24")

var decadeOnce struct {
	sync.Once
	path string
	err  error
}

func benchClock() time.Time { return benchDay.Time(time.Local).Add(10 * time.Hour) }

func decadePath(b *testing.B) string {
	decadeOnce.Do(func() {
		if p := os.Getenv("TASKING_BENCH_DB"); p != "" {
			decadeOnce.path = p
			return
		}
		p := filepath.Join(os.TempDir(), fmt.Sprintf("tasking-bench-decade-v%d-seed1-%s-schema%d.db", demo.DecadeVersion, benchDay, store.SchemaVersion))
		decadeOnce.path = p
		if _, err := os.Stat(p); err == nil {
			return
		}
		tmp := p + ".building"
		os.Remove(tmp)
		s, err := store.Open(tmp, store.Options{Now: benchClock})
		if err != nil {
			decadeOnce.err = err
			return
		}
		d, err := demo.BuildDecade(benchDay, 1, time.Local)
		if err == nil {
			err = s.Seed(model.SystemActor("bench"), d)
		}
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp, p)
		}
		decadeOnce.err = err
	})
	if decadeOnce.err != nil {
		b.Fatal(decadeOnce.err)
	}
	return decadeOnce.path
}

// openDecade opens the decade read-only, as the reading commands do.
func openDecade(b *testing.B) *store.Store {
	b.Helper()
	s, err := store.Open(decadePath(b), store.Options{Now: benchClock, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func latestClosed(b *testing.B, s *store.Store) model.Meeting {
	m, err := s.ResolveMeeting("latest")
	if err != nil {
		b.Fatal(err)
	}
	return m
}

func BenchmarkDecadeHome(b *testing.B) {
	s := openDecade(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Home(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecadeMeetingDraft(b *testing.B) {
	s := openDecade(b)
	ms, err := s.Meetings()
	if err != nil {
		b.Fatal(err)
	}
	planned := ms[len(ms)-1]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MeetingRecord(planned.ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecadeMeetingClosed(b *testing.B) {
	s := openDecade(b)
	m := latestClosed(b, s)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MeetingRecord(m.ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecadeMinutesRecord(b *testing.B) {
	s := openDecade(b)
	m := latestClosed(b, s)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MinutesRecord(m.ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecadeHotspotRecord(b *testing.B) {
	s := openDecade(b)
	h, err := s.Home()
	if err != nil {
		b.Fatal(err)
	}
	id := h.Hotspots[0].ID
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.HotspotRecord(id); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecadeActionsOneAgency(b *testing.B) {
	s := openDecade(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Actions(model.ActionFilter{AgencyID: 7, OpenOnly: true, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecadeActionsAll(b *testing.B) {
	s := openDecade(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Actions(model.ActionFilter{OpenOnly: true, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
	}
}
