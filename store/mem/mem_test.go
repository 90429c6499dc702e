package mem_test

import (
	"testing"
	"time"

	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/mem"
	"github.com/ccsp/tasking/store/storetest"
)

// The memory engine passes the suite the bbolt store does; each test's
// record is held to its audit chain and its indexes when it ends.
func TestMemoryPassesTheConformanceSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) store.Record {
		s := record.New(mem.New(), now, nil)
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
			s.Close()
		})
		return s
	})
}

// The memory engine keeps the persistence interface's contract.
func TestMemoryEngineKeepsTheContract(t *testing.T) {
	storetest.RunEngine(t, func(*testing.T) store.Engine { return mem.New() })
}
