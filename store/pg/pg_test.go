package pg_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/pg"
	"github.com/ccsp/tasking/store/pg/pgtest"
	"github.com/ccsp/tasking/store/storetest"
)

var bg = context.Background()

// The PostgreSQL engine keeps the persistence interface's contract.
func TestPostgresEngineKeepsTheContract(t *testing.T) {
	pgtest.Need(t)
	storetest.RunEngine(t, func(t *testing.T) store.Engine {
		e, err := pg.OpenEngine(bg, pgtest.DSN(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { e.Close() })
		return e
	})
}

// openStore is a record in a fresh schema, held to its audit chain and
// its indexes when the test ends.
func openStore(t *testing.T, dsn string, now func() time.Time) *record.Store {
	t.Helper()
	s, err := pg.Open(bg, dsn, now)
	if err != nil {
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
		s.Close()
	})
	return s
}

// PostgreSQL passes the suite the bbolt file and the memory engine pass.
func TestPostgresPassesTheConformanceSuite(t *testing.T) {
	pgtest.Need(t)
	storetest.Run(t, func(t *testing.T, now func() time.Time) store.Record {
		return openStore(t, pgtest.DSN(t), now)
	})
}

// An address set up for PgBouncer (the simple protocol, or exec without a
// describe) would have rows come back as text, which the engine does not
// read: it asks for describe_exec instead, and keeps the contract.
func TestAnAddressForPgBouncerStillReadsBinary(t *testing.T) {
	pgtest.Need(t)
	for _, mode := range []string{"simple_protocol", "exec"} {
		t.Run(mode, func(t *testing.T) {
			storetest.RunEngine(t, func(t *testing.T) store.Engine {
				u, err := url.Parse(pgtest.DSN(t))
				if err != nil {
					t.Fatal(err)
				}
				q := u.Query()
				q.Set("default_query_exec_mode", mode)
				u.RawQuery = q.Encode()
				e, err := pg.OpenEngine(bg, u.String())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { e.Close() })
				return e
			})
		})
	}
}
