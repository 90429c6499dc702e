package bolt

import (
	"github.com/ccsp/tasking/record"
	bolt "go.etcd.io/bbolt"
)

// Walking a decade's trail or every record means decompressing and
// hashing 700,000 values: nearly all the time of check and audit verify.
// The values are read in key order by one cursor and worked on in batches
// by a goroutine per core (the values are in the read transaction's memory
// map, valid until it ends, and the codecs are safe for concurrent use);
// what must be in order is then done in order.

// walked is one key and value of a bucket, and what a worker made of it.
type walked[T any] struct {
	k, v []byte
	out  T
}

// walkParallel calls work on every key and value of bucket, in parallel,
// then visit on each in key order with work's result.
func walkParallel[T any](tx *bolt.Tx, bucket []byte, work func(k, v []byte) T, visit func(k []byte, out T)) {
	size := record.WalkBatch
	b := tx.Bucket(bucket)
	if b == nil {
		return
	}
	c := b.Cursor()
	batch := make([]walked[T], 0, size)
	pages := newPageReleaser(tx.DB(), tx)
	flush := func() {
		record.InParallel(len(batch), func(i int) { batch[i].out = work(batch[i].k, batch[i].v) })
		for i := range batch {
			visit(batch[i].k, batch[i].out)
		}
		// visit is done with the batch's values: the pages they were read
		// from go back (pages.go), so a walk of the whole file holds what
		// it keeps, not the file.
		batch = batch[:0]
		pages.release()
	}
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil {
			continue // a nested bucket
		}
		batch = append(batch, walked[T]{k: k, v: v})
		if len(batch) == size {
			flush()
		}
	}
	flush()
}
