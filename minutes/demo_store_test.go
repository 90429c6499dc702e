package minutes

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
)

// demoToday is the day the demo partnership is built for: a Tuesday, so the
// demo's planned meeting is today.
var demoToday = model.MustDate("2026-11-24")

// openDemo loads the small demo partnership into a store on a temp file, with
// a clock fixed at 10:00 on demoToday.
func openDemo(t *testing.T) *bolt.File { t.Helper(); return openDemoWith(t, nil) }

// openDemoWith is openDemo with a change to the demo dataset before it is
// loaded (edit may be nil).
func openDemoWith(t *testing.T, edit func(*store.Dataset)) *bolt.File {
	t.Helper()
	d, err := demo.Build(demoToday, demo.Small, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&d)
	}
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s, err := bolt.Open(filepath.Join(t.TempDir(), "tasking.db"), bolt.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Seed(model.SystemActor("test"), d); err != nil {
		t.Fatal(err)
	}
	return s
}

// lastClosed is the most recent closed meeting's record.
func lastClosed(t *testing.T, s *bolt.File) model.MeetingRecord {
	t.Helper()
	ms, err := s.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].State == model.MeetingClosed {
			rec, err := s.MinutesRecord(ms[i].ID)
			if err != nil {
				t.Fatal(err)
			}
			return rec
		}
	}
	t.Fatal("the demo has no closed meeting")
	return model.MeetingRecord{}
}
