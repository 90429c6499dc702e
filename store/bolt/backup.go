package bolt

import (
	"io"

	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// backupTo writes a consistent copy of the whole database, from one read
// transaction while the store stays open, to the file name(head) names
// (head: the audit chain's head in the copy): to a temporary file beside
// it, synced, then renamed, so it is either the whole copy or absent. It
// refuses to overwrite an existing file.
func (s *File) backupTo(name func(head store.ChainHead) string) (dest string, head store.ChainHead, err error) {
	return s.backupToWatched(store.Watch{}, "", name)
}

// backupToWatched is backupTo reporting the bytes written to w as step
// what, and stopped by w's context (the copy is then removed).
func (s *File) backupToWatched(w store.Watch, what string, name func(head store.ChainHead) string) (dest string, head store.ChainHead, err error) {
	err = s.boltView(func(tx *bolt.Tx) error {
		// A file not yet chained (backed up before its upgrade) has no
		// head to name: its backup is named without one.
		if head, err = record.HeadOf(boltTxn(tx)); err != nil {
			head = store.ChainHead{}
		}
		dest = name(head)
		return writeWhole(dest, func(out io.Writer) error {
			if err := w.Step(store.Step{What: what, Total: tx.Size(), Unit: "bytes"}); err != nil {
				return err
			}
			n, err := tx.WriteTo(&countingWriter{w: out, watch: w, what: what, total: tx.Size()})
			if err == nil {
				w.Report(store.Step{What: what, Done: n, Total: n, Unit: "bytes"})
			}
			return err
		})
	})
	return dest, head, err
}

// named is a backupTo name that does not depend on the head.
func named(dest string) func(store.ChainHead) string {
	return func(store.ChainHead) string { return dest }
}
