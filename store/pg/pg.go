// Package pg is a record held in PostgreSQL: the persistence interface
// (store.Engine) over pgx v5, for a county whose IT department runs
// PostgreSQL with its own backups, replicas and failover, and where
// several `tasking serve` processes share one live record.
//
// The layout (migrations/): a table per kind of record (rec_<kind>: id,
// body — the JSON byte for byte as Put gave it, since the audit chain sums
// it), one table of ordered keys (keyed: index, key, value) for the
// declared indexes and the data kept by key, and counter rows (counters):
// each kind's last ID, and the commit counter every write moves by one.
//
// Writes are serialised. Each write transaction first takes one advisory
// lock of the record (pg_advisory_xact_lock), then moves the commit
// counter: the audit chain appends to its head, so no two writes may run
// side by side anyway, and under the lock a write reads what the last one
// committed. That is also what makes a stale edit refused across servers:
// a use case reads the record's version and compares it with the one the
// form showed (store.checkVersion) inside this transaction, and no other
// process can write between that read and the commit, so the check is as
// good as `UPDATE … WHERE version = $n` — two servers racing cannot both
// pass it (TestTwoServersRacingOneWins). Reads are REPEATABLE READ: one
// moment of the record, and the commit it saw.
package pg

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"sync"
	"time"

	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// IsDSN: where names a PostgreSQL database (postgres:// or postgresql://)
// rather than a file.
func IsDSN(where string) bool {
	return strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://")
}

// Engine is one record in a PostgreSQL database (the schema its
// connection's search_path names first).
type Engine struct {
	pool   *pgxpool.Pool
	name   string // the database, for messages: no password
	schema string
	lock   int64  // the advisory lock every write takes
	chann  string // the NOTIFY channel of this record's change notices

	tables sync.Map // kind → true: the rec_ tables known to exist

	listen listener // LISTEN/NOTIFY (listen.go)
}

// maxRetries bounds how often a write is run again after a serialization
// failure or a deadlock.
const maxRetries = 5

// OpenEngine connects to the database dsn names and brings its schema up
// to this release's (migrations run once, in order, recorded).
func OpenEngine(ctx context.Context, dsn string) (*Engine, error) { return openEngine(ctx, dsn, false) }

// openEngine is OpenEngine; readOnly changes nothing in the database, and
// refuses one whose schema is not this release's (store.ErrNoPartnership
// when it has none: nothing was ever set up there).
func openEngine(ctx context.Context, dsn string, readOnly bool) (*Engine, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("the database address is not one PostgreSQL understands: %w", errors.Unwrap(err))
	}
	name := describe(cfg.ConnConfig)
	// Every statement the engine runs is planned once per connection, for
	// any values (a generic plan): each bound of a scan is an index bound
	// (keysBetween), so no plan is better for knowing the values, and
	// planning again at each run (a custom plan, the first five) cost
	// more than the indexed query runs: 0.2 ms against 0.1. An address
	// that says otherwise is heeded. Set once connected, not as a startup
	// parameter: PgBouncer refuses startup parameters it does not know,
	// and a server older than 12 has no such setting (then it plans as
	// it always did).
	if _, set := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !set {
		cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
			_, err := c.Exec(ctx, "SET plan_cache_mode = force_generic_plan")
			if pe := (*pgconn.PgError)(nil); errors.As(err, &pe) && pe.Code == "42704" {
				return nil // unrecognized configuration parameter
			}
			return err
		}
	}
	// The engine reads rows as PostgreSQL sends them in binary (raw.go).
	// An address asking for the simple protocol or for exec without a
	// describe (as set up for PgBouncer) would get text: describe_exec
	// also works through PgBouncer, and gets binary.
	switch cfg.ConnConfig.DefaultQueryExecMode {
	case pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeExec:
		cfg.ConnConfig.DefaultQueryExecMode = pgx.QueryExecModeDescribeExec
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("cannot connect to %s: %w", name, err)
	}
	e := &Engine{pool: pool, name: name}
	e.listen.origin = newOrigin()
	if err := e.pool.QueryRow(ctx, "SELECT current_schema()").Scan(&e.schema); err != nil {
		pool.Close()
		if errors.Is(err, pgx.ErrNoRows) || strings.Contains(err.Error(), "NULL") {
			return nil, fmt.Errorf("%s: the schema its search_path names does not exist", name)
		}
		return nil, fmt.Errorf("cannot connect to %s: %w", name, err)
	}
	h := fnv.New64a()
	h.Write([]byte("tasking:" + e.schema))
	e.lock = int64(h.Sum64())
	e.chann = "tasking_" + e.schema
	if err := migrate(ctx, e, readOnly); err != nil {
		pool.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return e, nil
}

// Describe names the database dsn names as messages show it: no password
// (dsn itself when it cannot be read).
func Describe(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "the PostgreSQL database given"
	}
	return describe(cfg)
}

// describe names the database as messages show it: no password, and the
// schema when one is chosen (two records may share a database).
func describe(c *pgx.ConnConfig) string {
	var q []string
	host := c.Host
	if strings.HasPrefix(host, "/") {
		q, host = append(q, "host="+host), ""
	} else {
		host = fmt.Sprintf("%s:%d", host, c.Port)
	}
	if sp := c.RuntimeParams["search_path"]; sp != "" {
		q = append(q, "search_path="+sp)
	}
	s := fmt.Sprintf("postgres://%s@%s/%s", c.User, host, c.Database)
	if len(q) > 0 {
		s += "?" + strings.Join(q, "&")
	}
	return s
}

// Open is the record in the database dsn names, with the clock now
// (time.Now when nil), hearing of other processes' changes.
func Open(ctx context.Context, dsn string, now func() time.Time) (*record.Store, error) {
	e, err := OpenEngine(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return record.New(e, now, nil), nil
}

// OpenReadOnly is Open for a command that only reads: it changes nothing
// in the database, not even its schema.
func OpenReadOnly(ctx context.Context, dsn string, now func() time.Time) (*record.Store, error) {
	e, err := openEngine(ctx, dsn, true)
	if err != nil {
		return nil, err
	}
	return record.New(e, now, nil), nil
}

// Name is the database, as messages name it.
func (e *Engine) Name() string { return e.name }

// Close stops listening and closes the connections.
func (e *Engine) Close() error {
	e.listen.stop()
	e.pool.Close()
	return nil
}

func (e *Engine) View(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t := &tx{e: e, ctx: ctx}
	return e.view(ctx, t, func() error { return fn(t) })
}

// Update runs fn in one write transaction, under the record's lock, and
// runs it again (at most maxRetries times) when PostgreSQL refuses the
// commit for a serialization failure or a deadlock: the use cases do
// nothing outside their transactions (store.update starts a fresh log on
// each run, and publishes only the last run's notices after the commit).
func (e *Engine) Update(ctx context.Context, fn func(store.Tx) error) error {
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := e.update(ctx, fn)
		if err == nil || !retryable(err) || attempt == maxRetries {
			return err
		}
	}
}

func (e *Engine) update(ctx context.Context, fn func(store.Tx) error) error {
	t := &tx{e: e, ctx: ctx, write: true}
	// The lock first: every statement after it sees what the write before
	// committed. BEGIN, the lock and the commit counter go in one round trip.
	return e.inTx(ctx, "BEGIN ISOLATION LEVEL READ COMMITTED", []string{fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", e.lock)},
		"UPDATE counters SET value = value + 1 WHERE name = 'commit' RETURNING value", &t.seq, func(q querier) error {
			t.tx = q
			if err := fn(t); err != nil {
				return err
			}
			return ctx.Err()
		})
}

// retryable: PostgreSQL refused the transaction for running beside
// another (40001 serialization_failure, 40P01 deadlock_detected): run
// again, it may pass.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

var (
	_ store.Engine  = (*Engine)(nil)
	_ store.Tx      = (*tx)(nil)
	_ store.Fetcher = (*tx)(nil)
	_ store.Ranger  = (*tx)(nil)
)
