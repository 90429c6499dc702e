// Package pgtest gives a test a fresh, empty PostgreSQL schema of its own
// on the server TASKING_TEST_POSTGRES names (a DSN to a database where the
// test may create schemas), and skips the test in one line where it is
// unset. `.ci/pg-throwaway start` starts a throwaway server and prints the
// DSN to export.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

// conn is the one connection the tests of a process make and drop their
// schemas on (a connection costs as much as the rest of a small test).
var conn struct {
	sync.Mutex
	c *pgx.Conn
}

// admin runs sql on the shared connection, connecting (again) as needed.
func admin(base, sql string) error {
	conn.Lock()
	defer conn.Unlock()
	ctx := context.Background()
	if conn.c == nil || conn.c.IsClosed() {
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		conn.c = c
	}
	_, err := conn.c.Exec(ctx, sql)
	return err
}

// Env names the server the PostgreSQL tests use.
const Env = "TASKING_TEST_POSTGRES"

// Need is the server's DSN, skipping the test in one line when Env is
// unset.
func Need(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skip("skipped: " + Env + " is unset (a DSN to a PostgreSQL server; .ci/pg-throwaway start gives one)")
	}
	return base
}

// DSN is a connection string to a new schema of its own, dropped when the
// test ends; the test is skipped when Env is unset.
func DSN(t testing.TB) string {
	t.Helper()
	base := Need(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if err := admin(base, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	t.Cleanup(func() {
		if err := admin(base, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("dropping %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s is not a postgres:// URL: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
