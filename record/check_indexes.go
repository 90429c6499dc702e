package record

import (
	"bytes"
	"context"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// CheckIndexes compares every declared index (indexes.go) with the entries
// the records say it should hold, on any engine: an entry no record makes,
// one missing, one holding the wrong value. It only reads. (`check` does
// this on a bbolt file in the same walk as its other checks.)
func (s *Store) CheckIndexes() ([]store.Problem, error) {
	var out []store.Problem
	add := func(where, format string, a ...any) {
		out = append(out, store.Problem{Where: where, What: fmt.Sprintf(format, a...)})
	}
	err := s.view(context.TODO(), func(tx *txn) error {
		for _, k := range store.IndexedKinds {
			ix := store.Registry[k]
			want := map[string]map[string][]byte{}
			for _, name := range ix.Indexes() {
				want[string(name)] = map[string][]byte{}
			}
			err := tx.each(k, 0, store.Forward, func(id model.ID, d store.Doc) error {
				return d.Body(func(body []byte) error {
					entries, err := ix.Expected(body)
					if err != nil {
						add(fmt.Sprintf("%s #%d", k, id), "does not decode: %v", err)
						return nil
					}
					for name, list := range entries {
						for _, e := range list {
							want[name][string(e.Key)] = e.Value
						}
					}
					return nil
				})
			})
			if err != nil {
				return err
			}
			for _, name := range ix.Indexes() {
				w := want[string(name)]
				err := tx.scan(name, nil, nil, store.Forward, func(key, v []byte) error {
					wv, ok := w[string(key)]
					switch {
					case !ok:
						add(string(name), "an entry %x no record makes", key)
					case !bytes.Equal(wv, v):
						add(string(name), "%x holds %x, its record makes %x", key, v, wv)
					}
					delete(w, string(key))
					return nil
				})
				if err != nil {
					return err
				}
				for key := range w {
					add(string(name), "%x is missing", key)
				}
			}
		}
		return nil
	})
	return out, err
}
