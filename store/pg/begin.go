package pg

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// querier is what a transaction's statements run on: the connection the
// transaction was begun on (inTx), a read begun with its first statement
// (lazyRead), or a pgx.Tx.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// inTx runs fn in a transaction on one connection of the pool. The
// transaction is begun in one round trip with its first statements (a
// batch: BEGIN, then lead, then first, whose one row is scanned into
// into), where pgx.BeginTx would spend a round trip on BEGIN alone: a
// write is BEGIN, the lock and the counter at once. (A read begins with
// its own first statement: read.go.) Then fn, then COMMIT (or ROLLBACK). A connection left in a
// transaction (a ROLLBACK that failed, a cancelled context) is closed by
// the pool as it is released, never reused.
func (e *Engine) inTx(ctx context.Context, begin string, lead []string, first string, into any, fn func(querier) error) error {
	c, err := e.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release()
	b := &pgx.Batch{}
	b.Queue(begin)
	for _, s := range lead {
		b.Queue(s)
	}
	b.Queue(first).QueryRow(func(r pgx.Row) error { return r.Scan(into) })
	if err := c.SendBatch(ctx, b).Close(); err != nil {
		rollback(c)
		return err
	}
	if err := fn(c); err != nil {
		rollback(c)
		return err
	}
	tag, err := c.Exec(ctx, "COMMIT")
	if err == nil && tag.String() == "ROLLBACK" {
		// A statement failed and fn went on: PostgreSQL rolled it back.
		err = pgx.ErrTxCommitRollback
	}
	return err
}

// rollback ends a failed transaction. Should it fail too, the pool closes
// the connection as it is released (it is not idle): the error that
// caused it is the one worth returning.
func rollback(c *pgxpool.Conn) {
	c.Exec(context.Background(), "ROLLBACK")
}
