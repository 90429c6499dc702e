package record

import "sync"

// commitWatch knows, of the commits this Store made itself, which may have
// changed the data kept by key (the incident data: counts, series,
// batches, emerging places, dismissals): what lets home keep the
// hotspots' trends and the places on offer from one reading to the next
// (home_cache.go) when only records changed between them.
//
// Commits are numbered one after another by every engine (Tx.Seq: bbolt's
// transaction IDs, PostgreSQL's commit counter), so a run of numbers all
// made here is known commit by commit; a number made elsewhere (another
// server on the same database, a write the engine made outside update)
// breaks the run, and nothing before the break is vouched for.
type commitWatch struct {
	mu sync.Mutex
	// from and through: every commit in (from, through] was made here.
	from, through uint64
	// keyed is the newest of those that may have written data kept by key.
	keyed uint64
}

// committed notes commit seq, made here; keyed: it may have written data
// kept by key.
func (w *commitWatch) committed(seq uint64, keyed bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if seq != w.through+1 || w.through == 0 {
		// The first commit seen, or one after others' commits: the run
		// starts again here.
		w.from = seq - 1
	}
	w.through = seq
	if keyed {
		w.keyed = seq
	}
}

// keysSame says whether the data kept by key is certainly the same at
// commit to as at commit at (at ≤ to): every commit between them was made
// here, and none of them wrote any.
func (w *commitWatch) keysSame(at, to uint64) bool {
	if at == to {
		return true
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return at < to && w.from <= at && to <= w.through && w.keyed <= at
}
