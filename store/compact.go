package store

import (
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// compactTxBytes bounds each transaction of a compaction: what it holds in
// memory before it commits and goes on.
const compactTxBytes = 32 << 20

// CompactFile rewrites the closed file at path with every page full, in
// place (through a copy beside it, renamed over it once it is whole).
// Values are copied byte for byte, and every bucket keeps its sequence, so
// the seals, the audit chain and every ID are unchanged. A file loaded in
// one go (the decade demo, built aside) has its indexes half full where
// their keys came in no order, and the pages its batches freed: about a
// seventh of the decade. Nothing is left half-made if it fails or is
// stopped.
func CompactFile(w Watch, path string) error {
	if err := w.Step(Step{What: "packing the file"}); err != nil {
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
	if err := bolt.Compact(dst, src, compactTxBytes); err != nil {
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
