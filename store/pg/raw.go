package pg

import (
	"encoding/binary"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// eachRow calls fn with each row of rows: each column's value as
// PostgreSQL sent it, in binary (int8: 8 bytes big-endian; bytea: the
// bytes), nil for NULL. The values are pgx's own, valid only until the
// next row: fn copies what it keeps (an arena), where scanning into a
// []byte would allocate once a value — home reads thousands of keys, and
// their garbage was much of its time. fn must not query (a connection
// reads one result at a time).
func eachRow(rows pgx.Rows, cols int, fn func(vals [][]byte) error) error {
	defer rows.Close()
	checked := false
	for rows.Next() {
		if !checked {
			if err := binaryColumns(rows, cols); err != nil {
				return err
			}
			checked = true
		}
		if err := fn(rows.RawValues()); err != nil {
			return err
		}
	}
	// Closed before Err is asked: a read's first rows close its batch
	// only then, and the batch's own error comes back from Err after.
	rows.Close()
	return rows.Err()
}

// arena holds copies of values in chunks: one allocation for many small
// values, none ever moved or reused, so a copy stays valid for as long as
// anyone holds it.
type arena struct{ free []byte }

// arenaChunk is the most a chunk holds: the largest small object Go
// allocates, so a chunk is not a large object of its own.
const arenaChunk = 32 << 10

// copy is v copied (nil: nil), capped at its length, so appending to it
// never writes over the next.
func (a *arena) copy(v []byte) []byte {
	switch {
	case v == nil:
		return nil
	case len(v) == 0:
		return []byte{}
	case len(v) > arenaChunk/4:
		return append(make([]byte, 0, len(v)), v...)
	}
	if len(v) > cap(a.free)-len(a.free) {
		// Chunks double, from a small one: most reads are a few keys.
		size := min(max(2*cap(a.free), 512), arenaChunk)
		for size < len(v) {
			size *= 2
		}
		a.free = make([]byte, 0, size)
	}
	n := len(a.free)
	a.free = append(a.free, v...)
	return a.free[n : n+len(v) : n+len(v)]
}

// binaryColumns: rows has cols columns, each sent in binary (what pgx
// asks for the types the engine reads: int8 and bytea).
func binaryColumns(rows pgx.Rows, cols int) error {
	fds := rows.FieldDescriptions()
	if len(fds) != cols {
		return fmt.Errorf("internal error: a query gave %d columns, not %d", len(fds), cols)
	}
	for _, fd := range fds {
		if fd.Format != pgx.BinaryFormatCode {
			return fmt.Errorf("internal error: column %s came as text", fd.Name)
		}
	}
	return nil
}

// int8Cell is a bigint cell's value.
func int8Cell(b []byte) (int64, error) {
	if len(b) != 8 {
		return 0, fmt.Errorf("internal error: a bigint of %d bytes", len(b))
	}
	return int64(binary.BigEndian.Uint64(b)), nil
}

// orEmpty is v, or an empty value for NULL: what GetKey and Scan give
// for a key stored with no value.
func orEmpty(v []byte) []byte {
	if v == nil {
		return []byte{}
	}
	return v
}
