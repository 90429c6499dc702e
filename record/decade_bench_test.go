package record_test

import (
	"context"
	"os"
	"testing"

	"github.com/ccsp/tasking/internal/benchdb"
	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store/pg"
)

var benchDay = benchdb.Day

// openDecade opens the decade read-only, as the reading commands do: the
// file, or where TASKING_BENCH_POSTGRES names a database holding a copy
// of it (tasking copy), that database, to hold the engines side by side.
func openDecade(b *testing.B) *record.Store {
	dsn := os.Getenv("TASKING_BENCH_POSTGRES")
	if dsn == "" {
		return benchdb.OpenReadOnly(b).Store
	}
	s, err := pg.Open(context.Background(), dsn, benchdb.Clock)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func latestClosed(b *testing.B, s *record.Store) model.Meeting {
	m, err := s.ResolveMeeting("latest")
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkDecadeHomeAfterAChange is reading home again after a commit
// (the shared reading is forgotten each time) with the actions the last
// reading decoded at hand, as the server reads it after each save: an
// action or two changed, the rest taken as decoded.
func BenchmarkDecadeHomeAfterAChange(b *testing.B) {
	s := openDecade(b)
	if _, err := s.Home(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer benchdb.CPU(b)()
	for b.Loop() {
		s.ForgetHomeReading()
		if _, err := s.Home(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecadeHome is reading home afresh (after opening the file): the
// shared reading and what it decoded are forgotten each time.
func BenchmarkDecadeHome(b *testing.B) {
	s := openDecade(b)
	b.ReportAllocs()
	defer benchdb.CPU(b)()
	for b.Loop() {
		s.ForgetHome()
		if _, err := s.Home(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecadeHomeShared is a session asking for home after a commit
// another session has already read it for (home_cache.go).
func BenchmarkDecadeHomeShared(b *testing.B) {
	s := openDecade(b)
	if _, err := s.Home(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer benchdb.CPU(b)()
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
	defer benchdb.CPU(b)()
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
	defer benchdb.CPU(b)()
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
	defer benchdb.CPU(b)()
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
	defer benchdb.CPU(b)()
	for b.Loop() {
		if _, _, err := s.HotspotRecord(id); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecadeActionsOneAgency(b *testing.B) {
	s := openDecade(b)
	b.ReportAllocs()
	defer benchdb.CPU(b)()
	for b.Loop() {
		if _, err := s.Actions(model.ActionFilter{AgencyID: 7, OpenOnly: true, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecadeActionsAll(b *testing.B) {
	s := openDecade(b)
	b.ReportAllocs()
	defer benchdb.CPU(b)()
	for b.Loop() {
		if _, err := s.Actions(model.ActionFilter{OpenOnly: true, Today: benchDay}); err != nil {
			b.Fatal(err)
		}
	}
}

// Minutes of one meeting of the decade, read and written in each format.
func BenchmarkDecadeMinutes(b *testing.B) {
	s := openDecade(b)
	m := latestClosed(b, s)
	for _, f := range minutes.Formats {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			defer benchdb.CPU(b)()
			for b.Loop() {
				rec, err := s.MinutesRecord(m.ID)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := minutes.Render(rec, f, minutes.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecadeCheckRecords is `tasking check`'s reading of every record
// against its indexes and the audit chain (the page check, bbolt's own, is
// its child process's and not here).
func BenchmarkDecadeCheckRecords(b *testing.B) {
	s := benchdb.OpenReadOnly(b) // a file's check: PostgreSQL keeps its own pages
	b.ReportAllocs()
	defer benchdb.CPU(b)()
	for b.Loop() {
		problems, err := s.CheckRecords()
		if err != nil || len(problems) > 0 {
			b.Fatalf("%v %v", err, problems)
		}
	}
}
