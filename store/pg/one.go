package pg

import (
	"context"
	"errors"

	"github.com/ccsp/tasking/store"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A read the use case declares to be one statement (store.OneStatementViewer:
// one agency's open actions, the indexed query) is sent alone, outside any
// transaction: PostgreSQL runs a statement on one snapshot whatever the
// isolation, so it sees one moment of the record as a transaction would,
// in one round trip where BEGIN with the statement, then COMMIT, were two.

// errSecondStatement: a read declared one statement made another, which
// would see another moment. A use case's mistake, found by the suite.
var errSecondStatement = errors.New("internal error: a read of one statement made a second")

// ViewOne runs fn, which reads the record in one statement.
func (e *Engine) ViewOne(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c, err := e.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	o := &oneRead{c: c}
	t := &tx{e: e, ctx: ctx, tx: o, one: o}
	return errors.Join(fn(t), t.failed)
}

// oneRead is a one-statement read's querier: the first statement on the
// connection, in autocommit; a second is refused.
type oneRead struct {
	c    *pgxpool.Conn
	used bool
}

func (o *oneRead) take() error {
	if o.used {
		return errSecondStatement
	}
	o.used = true
	return nil
}

func (o *oneRead) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	if err := o.take(); err != nil {
		return pgconn.CommandTag{}, err
	}
	return o.c.Exec(ctx, sql, args...)
}

func (o *oneRead) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	if err := o.take(); err != nil {
		return nil, err
	}
	return o.c.Query(ctx, sql, args...)
}

func (o *oneRead) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	if err := o.take(); err != nil {
		return &firstRow{err: err}
	}
	return o.c.QueryRow(ctx, sql, args...)
}

var _ store.OneStatementViewer = (*Engine)(nil)
