package bolt

import (
	"bytes"
	"fmt"

	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// What the file's own upkeep does to its indexes: rebuilt from the
// records (the schema-3 upgrade, `tasking upgrade --reindex`), and counted
// (`check`).

// rebuildIndexes empties every index bucket and fills it again from the
// records (the schema-3 upgrade).
func rebuildIndexes(tx *bolt.Tx) error { return rebuildIndexesWatched(tx, nil) }

// rebuildIndexesWatched is rebuildIndexes calling tick, if not nil, before
// each record is indexed: an error from it stops the rebuild (the
// transaction is then rolled back).
func rebuildIndexesWatched(tx *bolt.Tx, tick func() error) error {
	for _, name := range store.IndexBuckets() {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	for bucket, ix := range store.Registry {
		err := tx.Bucket([]byte(bucket)).ForEach(func(k, v []byte) error {
			if tick != nil {
				if err := tick(); err != nil {
					return err
				}
			}
			var want map[string][]store.Entry
			err := withBody(v, func(body []byte) (err error) {
				want, err = ix.Expected(body)
				return err
			})
			if err != nil {
				return fmt.Errorf("reading %s #%d: %w", bucket, store.KeyID(k), err)
			}
			for name, es := range want {
				for _, e := range es {
					if err := tx.Bucket([]byte(name)).Put(e.Key, e.Value); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Counts is how many keys each bucket of the file holds (for `check` and
// tests).
func (s *File) Counts() (map[string]int, error) {
	out := map[string]int{}
	err := s.boltView(func(tx *bolt.Tx) error {
		// Counting keys reads every leaf page, values and all: the pages
		// go back as it goes (pages.go), or a count of the decade holds
		// the whole file.
		pages := newPageReleaser(s.db, tx)
		for _, b := range allBuckets {
			if bytes.Equal(b, bMeta) {
				continue
			}
			n := 0
			if bk := tx.Bucket(b); bk != nil { // a later bucket not made yet (schema.go)
				_ = bk.ForEach(func(_, _ []byte) error {
					n++
					pages.read(1)
					return nil
				})
			}
			out[string(b)] = n
		}
		return nil
	})
	return out, err
}
