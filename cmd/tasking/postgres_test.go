package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsp/tasking/store/pg/pgtest"
	"github.com/jackc/pgx/v5"
)

// The record in PostgreSQL (--db postgres://…), on the server
// TASKING_TEST_POSTGRES names; skipped in one line without one.

// A demo copied from its file into an empty database and from there into
// a new file: each copy checks clean, says so, and serves the minutes of
// every meeting byte for byte as the original does; the next action gets
// the ref the original would give; and neither copy goes into a record
// that already holds one.
func TestCopyBetweenAFileAndPostgresBothWays(t *testing.T) {
	t.Parallel()
	dsn := pgtest.DSN(t)
	file := demoDB(t)
	back := filepath.Join(t.TempDir(), "back.db")
	for _, c := range [][2]string{{file, dsn}, {dsn, back}} {
		out := ok(t, "copy", c[0], c[1])
		if !strings.Contains(out, "checked: no problems, and the minutes of every closed meeting the same byte for byte") {
			t.Fatalf("copy %s %s said %q", c[0], c[1], out)
		}
	}
	for _, db := range []string{dsn, back} {
		if out := ok(t, "check", "--db", db); !strings.Contains(out, "no problems") {
			t.Errorf("check of the copy in %s: %s", db, out)
		}
	}
	compared := 0
	for i := 1; i <= 10; i++ {
		ref := fmt.Sprintf("M-%d", i)
		want := run(t, nil, "minutes", ref, "--format", "md", "--db", file)
		if want.code != 0 {
			continue
		}
		compared++
		for _, db := range []string{dsn, back} {
			if got := ok(t, "minutes", ref, "--format", "md", "--db", db); got != want.stdout {
				t.Errorf("the minutes of %s from %s differ from the original's", ref, db)
			}
		}
	}
	if compared < 3 {
		t.Fatalf("only %d meetings' minutes compared", compared)
	}
	var refs []string
	for _, db := range []string{file, dsn, back} {
		out := ok(t, "--db", db, "--as", "Helen Marsh", "action", "add", "--hotspot", "HS-1", "--agency", "police", "--due", "+1w", "Patrols")
		refs = append(refs, strings.Fields(out)[0])
	}
	if refs[0] != refs[1] || refs[1] != refs[2] {
		t.Errorf("the next action is %v in the original, the database and the file copied back", refs)
	}
	failsWith(t, run(t, nil, "copy", file, dsn), 1, "already holds a partnership: copy into an empty database")
	failsWith(t, run(t, nil, "copy", dsn, back), 1, "already exists: copy into a new file")
}

// What only a file has says, on a database, what to use there instead;
// check runs the record's own checks; upgrade says it is up to date; the
// demo reads as from a file.
func TestFileCommandsOnPostgres(t *testing.T) {
	t.Parallel()
	dsn := pgtest.DSN(t)
	// A command that only reads changes nothing, in a database that holds
	// no record yet as in one that does: it makes no table.
	failsWith(t, run(t, nil, "actions", "--db", dsn), 1, "has no partnership yet")
	if n := tables(t, dsn); n != 0 {
		t.Fatalf("a reading command made %d tables in an empty database", n)
	}
	ok(t, "demo", "--db", dsn)
	failsWith(t, run(t, nil, "backup", "x.db", "--db", dsn), 1, "pg_dump")
	failsWith(t, run(t, nil, "restore", "x.db", "--db", dsn), 1, "pg_restore")
	if out := ok(t, "check", "--db", dsn); !strings.Contains(out, "no problems") || strings.Contains(out, "password") {
		t.Errorf("check on a database said %q", out)
	}
	if out := ok(t, "upgrade", "--db", dsn); !strings.Contains(out, "is up to date (schema 1") {
		t.Errorf("upgrade on a database said %q", out)
	}
	// The demo loaded into a database lists as the demo in a file does.
	if got, want := ok(t, "--db", dsn, "actions", "--format", "json"), ok(t, "--db", demoDB(t), "actions", "--format", "json"); got != want {
		t.Errorf("the demo's actions from a database differ from a file's:\n%.300s\n%.300s", got, want)
	}
}

// tables counts the tables in the schema dsn names first.
func tables(t *testing.T, dsn string) (n int) {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// copy only reads FROM: a file copied into a new file is byte for byte as
// it was, and the copy checks clean (no PostgreSQL needed).
func TestCopyLeavesItsSourceAsItWas(t *testing.T) {
	t.Parallel()
	file := demoDB(t)
	before := sum(t, file)
	into := filepath.Join(t.TempDir(), "into.db")
	if out := ok(t, "copy", file, into); !strings.Contains(out, "checked: no problems") {
		t.Fatalf("copy said %q", out)
	}
	if sum(t, file) != before {
		t.Error("copy changed the file it copied from")
	}
	if out := ok(t, "check", "--db", into); !strings.Contains(out, "no problems") {
		t.Errorf("check of the copy: %s", out)
	}
}
