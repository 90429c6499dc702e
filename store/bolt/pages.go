package bolt

import (
	"github.com/ccsp/tasking/record"
	bolt "go.etcd.io/bbolt"
)

// A read that walks a decade touches every page of what it reads — the
// actions alone are 47 MB of the file, their updates 64 MB — and every page
// touched through the memory map counts as the process's own memory until
// the kernel takes it back, which it does only when memory runs short. A
// streaming read hands them back as it goes (pageReleaser), so an export's
// footprint is what it holds, not what it has read: on the server three at
// once no longer hold the whole file each.

// pageReleaser counts the records read and releases the map's pages every
// ReleaseEvery of them.
type pageReleaser struct {
	db   *bolt.DB
	size int // the file's used size as the transaction sees it (the map holds at least this)
	n    int
}

func newPageReleaser(db *bolt.DB, tx *bolt.Tx) *pageReleaser {
	return &pageReleaser{db: db, size: int(tx.Size())}
}

// read counts n records read, releasing the pages when enough have been.
func (r *pageReleaser) read(n int) {
	if r == nil {
		return
	}
	r.n += n
	if r.n >= record.ReleaseEvery {
		r.release()
	}
}

// release hands back every page read so far. The map cannot move while
// the transaction that made r is open (bbolt remaps only between them).
func (r *pageReleaser) release() {
	if r == nil {
		return
	}
	r.n = 0
	releasePages(r.db.Info().Data, r.size)
}

// releaseMapped releases every page of the map between transactions: a
// long load (Seed's batches) reads through the file as it writes.
func (s *File) releaseMapped() { releaseAll(s.db) }
