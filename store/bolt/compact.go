package bolt

import (
	"fmt"
	"os"
	"time"

	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// compactTxBytes bounds each transaction of a compaction: what it holds in
// memory before it commits and goes on.
const compactTxBytes = 4 << 20

// CompactFile rewrites the closed file at path with every page full, in
// place (through a copy beside it, renamed over it once it is whole).
// Values are copied byte for byte, and every bucket keeps its sequence, so
// the seals, the audit chain and every ID are unchanged. A file loaded in
// one go (the decade demo, built aside) has its indexes half full where
// their keys came in no order, and the pages its batches freed: about a
// seventh of the decade. Nothing is left half-made if it fails or is
// stopped.
func CompactFile(w store.Watch, path string) error {
	if err := w.Step(store.Step{What: "packing the file"}); err != nil {
		return err
	}
	src, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer src.Close()
	tmp := path + ".packing"
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{NoSync: true})
	if err != nil {
		return err
	}
	fail := func(err error) error {
		dst.Close()
		os.Remove(tmp)
		return err
	}
	if err := copyPacked(dst, src); err != nil {
		return fail(err)
	}
	if err := w.Stopped(); err != nil {
		return fail(err)
	}
	if err := dst.Sync(); err != nil {
		return fail(err)
	}
	if err := dst.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	src.Close()
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// copyPacked copies every bucket of src into the empty dst, each page
// filled, committing every compactTxBytes, and hands back src's pages as
// it reads them (pages.go): packing the decade holds what one transaction
// writes, not the file. tasking's files have no nested buckets; one is
// refused rather than dropped.
func copyPacked(dst, src *bolt.DB) error {
	return src.View(func(stx *bolt.Tx) error {
		pages := newPageReleaser(src, stx)
		dtx, err := dst.Begin(true)
		if err != nil {
			return err
		}
		defer func() { _ = dtx.Rollback() }()
		size := 0
		return stx.ForEach(func(name []byte, sb *bolt.Bucket) error {
			db, err := dtx.CreateBucket(name)
			if err != nil {
				return err
			}
			if err := db.SetSequence(sb.Sequence()); err != nil {
				return err
			}
			c := sb.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if v == nil {
					return fmt.Errorf("bucket %s holds a bucket (%q): tasking's files have none", name, k)
				}
				db.FillPercent = 1.0
				if err := db.Put(k, v); err != nil {
					return err
				}
				pages.read(1)
				if size += len(k) + len(v); size < compactTxBytes {
					continue
				}
				if err := dtx.Commit(); err != nil {
					return err
				}
				releaseAll(dst) // what it wrote is on disk
				if dtx, err = dst.Begin(true); err != nil {
					return err
				}
				db, size = dtx.Bucket(name), 0
			}
			if err := dtx.Commit(); err != nil {
				return err
			}
			dtx, err = dst.Begin(true)
			return err
		})
	})
}

// releaseAll hands back every page of db's memory map (pages.go).
func releaseAll(db *bolt.DB) {
	_ = db.View(func(tx *bolt.Tx) error {
		newPageReleaser(db, tx).release()
		return nil
	})
}
