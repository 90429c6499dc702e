package pg

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A read transaction begins with its first statement, in one round trip
// (a batch: BEGIN, the commit counter, the statement), where a BEGIN of
// its own would cost one more: on a database on the same machine a round
// trip is 0.05–0.1 ms, on another 0.2–1 ms, and the indexed query is
// then two (the statement, COMMIT).

// readBegin is how a read begins: one moment of the record (REPEATABLE
// READ: its snapshot is taken at its first statement), read only.
const readBegin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

// seqQuery is the commit a transaction sees.
const seqQuery = "SELECT value FROM counters WHERE name = 'commit'"

// lazyRead is a read transaction's querier: the connection, begun with
// the first statement run on it.
type lazyRead struct {
	c     *pgxpool.Conn
	begun bool
	seq   *uint64
}

// begin sends BEGIN, the commit counter and first (nil: none) in one
// batch, and reads the results of the first two: the batch is left open
// on first's results.
func (l *lazyRead) begin(ctx context.Context, first string, args []any) (pgx.BatchResults, error) {
	b := &pgx.Batch{}
	b.Queue(readBegin)
	b.Queue(seqQuery)
	if first != "" {
		b.Queue(first, args...)
	}
	br := l.c.SendBatch(ctx, b)
	l.begun = true // from here on, the connection is in a transaction (or broken)
	if _, err := br.Exec(); err != nil {
		return nil, errors.Join(err, br.Close())
	}
	if err := br.QueryRow().Scan(l.seq); err != nil {
		return nil, errors.Join(err, br.Close())
	}
	return br, nil
}

// beginAlone begins with no statement of fn's (Seq asked first).
func (l *lazyRead) beginAlone(ctx context.Context) error {
	br, err := l.begin(ctx, "", nil)
	if err != nil {
		return err
	}
	return br.Close()
}

func (l *lazyRead) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	if l.begun {
		return l.c.Exec(ctx, sql, args...)
	}
	br, err := l.begin(ctx, sql, args)
	if err != nil {
		return pgconn.CommandTag{}, err
	}
	tag, err := br.Exec()
	return tag, errors.Join(err, br.Close())
}

func (l *lazyRead) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	if l.begun {
		return l.c.Query(ctx, sql, args...)
	}
	br, err := l.begin(ctx, sql, args)
	if err != nil {
		return nil, err
	}
	rows, err := br.Query()
	if err != nil {
		return nil, errors.Join(err, br.Close())
	}
	return &batchRows{Rows: rows, br: br}, nil
}

func (l *lazyRead) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	if l.begun {
		return l.c.QueryRow(ctx, sql, args...)
	}
	rows, err := l.Query(ctx, sql, args...)
	return &firstRow{rows: rows, err: err}
}

// batchRows are the rows of a batch's last statement: closing them closes
// the batch.
type batchRows struct {
	pgx.Rows
	br     pgx.BatchResults
	closed bool
	err    error
}

// Next closes the batch once the rows are done, so its error is Err's
// for a caller that stops at Next and asks Err without closing.
func (r *batchRows) Next() bool {
	if r.closed {
		return false
	}
	if r.Rows.Next() {
		return true
	}
	r.Close()
	return false
}

func (r *batchRows) Close() {
	if r.closed {
		return
	}
	r.closed = true
	r.Rows.Close()
	r.err = r.br.Close()
}

func (r *batchRows) Err() error {
	if err := r.Rows.Err(); err != nil {
		return err
	}
	return r.err
}

// firstRow is pgx.Row over any Rows: the first row scanned, the rest
// discarded (pgx.ErrNoRows: none).
type firstRow struct {
	rows pgx.Rows
	err  error
}

func (r *firstRow) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	defer r.rows.Close()
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return pgx.ErrNoRows
	}
	if err := r.rows.Scan(dest...); err != nil {
		return err
	}
	r.rows.Close()
	return r.rows.Err()
}

// view runs fn in a read transaction begun with its first statement
// (none: no transaction at all). A COMMIT not waited on (sent from a
// goroutine that then releases the connection) was tried: on the shared
// 2-core machine it made the indexed query slower, 0.9 ms against 0.5,
// the two connections' work competing for the cores.
func (e *Engine) view(ctx context.Context, t *tx, fn func() error) error {
	c, err := e.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	l := &lazyRead{c: c, seq: &t.seq}
	t.tx, t.lazy = l, l
	err = errors.Join(fn(), t.failed)
	if !l.begun {
		return err
	}
	if err != nil {
		rollback(c)
		return err
	}
	_, err = c.Exec(ctx, "COMMIT")
	return err
}
