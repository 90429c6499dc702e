package bolt_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/ccsp/tasking/store/storetest"
)

// The bbolt store passes the suite every backend must; each test's file is
// checked when it ends — bbolt's pages, and every index, frozen meeting and
// the audit order.
func TestBoltPassesTheConformanceSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) store.Record {
		s, err := bolt.Open(filepath.Join(t.TempDir(), "tasking.db"), bolt.Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if err := s.CheckPages(); err != nil {
				t.Errorf("bbolt check: %v", err)
			}
			problems, err := s.CheckRecords()
			if err != nil {
				t.Errorf("check: %v", err)
			}
			for _, p := range problems {
				t.Errorf("check: %s", p)
			}
			s.Close()
		})
		return s
	})
}

// The bbolt engine keeps the persistence interface's contract, on which
// the record above it relies.
func TestBoltEngineKeepsTheContract(t *testing.T) {
	storetest.RunEngine(t, func(t *testing.T) store.Engine {
		s, err := bolt.Open(filepath.Join(t.TempDir(), "tasking.db"), bolt.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return bolt.EngineOf(s)
	})
}
