package pg

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/store"
	"github.com/jackc/pgx/v5"
)

// The schema's migrations, in the binary: migrations/NNNN_name.up.sql,
// applied in order, each once, and recorded in schema_migrations. They
// run as a connection opens the database, all pending ones in one
// transaction under the record's lock, so two processes starting at once
// apply them once.

//go:embed migrations/*.up.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded migrations in order of their numbers.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.up.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "migrations/"), ".up.sql")
		num, name, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 4 {
			return nil, fmt.Errorf("internal error: migration %s is not named NNNN_name.up.sql", n)
		}
		sql, err := migrationFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{v, name, string(sql)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.version - b.version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("internal error: migration %04d is missing", i+1)
		}
	}
	return out, nil
}

// migrate brings the schema up to this release's, and refuses one made by
// a newer release.
func migrate(ctx context.Context, e *Engine, readOnly bool) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	if readOnly {
		var at int
		var made bool
		err := e.pool.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&made)
		if err == nil && made {
			err = e.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&at)
		}
		switch {
		case err != nil:
			return err
		case at == 0:
			return store.ErrNoPartnership
		case at < len(ms):
			return fmt.Errorf("its schema is version %d, an older tasking's: run `tasking upgrade` to bring it to %d", at, len(ms))
		case at > len(ms):
			return fmt.Errorf("its schema is version %d, made by a newer tasking than this one (which knows %d): use that release", at, len(ms))
		}
		return nil
	}
	return pgx.BeginFunc(ctx, e.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", e.lock); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		var at int
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&at); err != nil {
			return err
		}
		if at > len(ms) {
			return fmt.Errorf("its schema is version %d, made by a newer tasking than this one (which knows %d): use that release", at, len(ms))
		}
		for _, m := range ms[at:] {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
			}
			if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name); err != nil {
				return err
			}
		}
		return nil
	})
}

// SchemaVersion is the newest migration this release applies.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}
