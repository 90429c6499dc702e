package pg

import (
	"context"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// keyIDSQL is the ID a key of the keyed table names: its last 8 bytes,
// big-endian (0 for a shorter key, as the store's keyID has it).
const keyIDSQL = `CASE WHEN length(key) >= 8
	THEN ('x' || encode(substring(key FROM length(key) - 7), 'hex'))::bit(64)::bigint ELSE 0 END`

// GetUnder reads the IDs the keys of ix under prefix name and their
// records of kind k in one query (store.Joiner): one agency's open
// actions, the indexed query, are one round trip where the keys, then the
// records, were two.
func (t *tx) GetUnder(ctx context.Context, ix store.Index, prefix []byte, k store.Kind) ([]model.ID, []store.Doc, error) {
	name, there, err := t.has(ctx, k)
	if err != nil {
		return nil, nil, err
	}
	if prefix == nil {
		prefix = []byte{}
	}
	// The run's end in the SQL only where there is one (keysBetween).
	under := `SELECT DISTINCT ` + keyIDSQL + ` AS id FROM keyed WHERE ix = $1 AND key >= $2`
	args := []any{string(ix), prefix}
	if end := prefixEnd(prefix); end != nil {
		under += ` AND key < $3`
		args = append(args, end)
	}
	q := `SELECT x.id, r.body FROM (` + under + `) x LEFT JOIN ` + name + ` r ON r.id = x.id ORDER BY x.id`
	if !there {
		q = `SELECT x.id, NULL::bytea FROM (` + under + `) x ORDER BY x.id`
	}
	rows, err := t.tx.Query(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	var ids []model.ID
	var docs []store.Doc
	var a arena
	err = eachRow(rows, 2, func(c [][]byte) error {
		id, err := int8Cell(c[0])
		if err != nil {
			return err
		}
		ids = append(ids, model.ID(id))
		docs = append(docs, store.NewDoc(a.copy(c[1]), nil)) // NULL: Missing
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return ids, docs, nil
}

var _ store.Joiner = (*tx)(nil)
