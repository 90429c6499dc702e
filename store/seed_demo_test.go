package store_test

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Seeding freezes each closed meeting from the dataset in memory; the
// snapshots are the bytes readRecord would have frozen from the file.
func TestSeededSnapshotsAreThoseAClosingMakes(t *testing.T) {
	today := model.MustDate("2026-11-24")
	for _, scale := range []demo.Scale{demo.Small, demo.Large} {
		t.Run(string(scale), func(t *testing.T) {
			s, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{Now: func() time.Time { return today.Time(time.UTC).Add(9 * time.Hour) }})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			d, err := demo.Build(today, scale, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Seed(model.SystemActor("demo"), d); err != nil {
				t.Fatal(err)
			}
			stored, read, err := store.SnapshotsBothWays(s)
			if err != nil {
				t.Fatal(err)
			}
			if len(stored) == 0 {
				t.Fatal("no closed meetings")
			}
			for id := range read {
				if !bytes.Equal(stored[id], read[id]) {
					t.Errorf("M-%d: the seeded snapshot differs from the one closing makes (%d bytes, want %d)", id, len(stored[id]), len(read[id]))
				}
			}
		})
	}
}
