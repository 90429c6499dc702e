package record

import (
	"runtime"
	"sync"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// The long reads (check, verify, retention, exports) walk a decade:
// 700,000 records decompressed and hashed or decoded. On an engine that
// can hand records over in batches (engine.go, Batcher) each batch is
// worked on on every core, then visited in order; on one that holds what
// it has read until told (Releaser), a long read lets it go as it goes.

// walkBatch is how many records a batch holds: enough to keep every core
// busy, few enough that their decoded forms stay small.
const walkBatch = 2048

// releaseEvery is how many records a streaming read decodes between
// releases: a few megabytes of pages, re-read from the page cache at most
// once per release by whoever needs them again.
const releaseEvery = 1000

// walkKind calls work on every record of kind k, then visit on each in ID
// order with work's result.
func walkKind[T any](tx *txn, k store.Kind, work func(id model.ID, d store.Doc) T, visit func(id model.ID, out T)) error {
	return walkKindBy(tx, k, walkBatch, work, visit)
}

// walkKindBy is walkKind in batches of size: fewer for records whose
// decoded forms are large (a closed meeting's frozen record).
func walkKindBy[T any](tx *txn, k store.Kind, size int, work func(id model.ID, d store.Doc) T, visit func(id model.ID, out T)) error {
	b, ok := tx.tx.(store.Batcher)
	if !ok {
		return tx.each(k, 0, store.Forward, func(id model.ID, d store.Doc) error {
			visit(id, work(id, d))
			return nil
		})
	}
	outs := make([]T, size)
	return b.EachBatch(tx.ctx, k, size, func(ids []model.ID, docs []store.Doc) error {
		inParallel(len(ids), func(i int) { outs[i] = work(ids[i], docs[i]) })
		for i, id := range ids {
			visit(id, outs[i])
		}
		clear(outs) // what visit kept it keeps; the rest goes
		return nil
	})
}

// inParallel runs fn(0…n-1) on a goroutine per core, each taking a run of
// indexes.
func inParallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	per := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += per {
		hi := min(lo+per, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// pageCounter counts the records a long read is done with, and every
// releaseEvery of them has the transaction let go of what it has read
// (Releaser). nil, on an engine that holds nothing, counts nothing.
type pageCounter struct {
	r store.Releaser
	n int
}

// pagesOf is a counter for a long read in tx.
func pagesOf(tx *txn) *pageCounter {
	r, ok := tx.tx.(store.Releaser)
	if !ok {
		return nil
	}
	return &pageCounter{r: r}
}

// read counts n records read, releasing when enough have been.
func (p *pageCounter) read(n int) {
	if p == nil {
		return
	}
	p.n += n
	if p.n >= releaseEvery {
		p.release()
	}
}

// release lets go of everything read so far.
func (p *pageCounter) release() {
	if p == nil {
		return
	}
	p.n = 0
	p.r.Release()
}
