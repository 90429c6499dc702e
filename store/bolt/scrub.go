package bolt

import (
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// bbolt never overwrites a page in place: a change writes new pages and
// frees the old ones, which keep their bytes until bbolt happens to reuse
// them. Words that retention erased would so stay in the file's free
// space. scrubFree overwrites every free page with zeros once no reader
// can still be looking at one — the file's own bytes then hold none of
// them. (Live pages hold no old bytes: bbolt writes each whole, from a
// zeroed buffer.)

// scrubWait bounds how long a scrub waits for the reads begun before it
// to finish (an export or a backup of the decade takes seconds). A
// variable only so a test can cross it.
var scrubWait = 2 * time.Minute

// scrubPoll is how often it looks.
const scrubPoll = 5 * time.Millisecond

// readers are the read transactions open in this process, each numbered
// as it began, so a scrub can wait for those begun before it. (No other
// process reads the file while this one holds it for writing.)
type readers struct {
	mu   sync.Mutex
	next uint64
	open map[uint64]struct{}
}

func (r *readers) begin() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.open == nil {
		r.open = map[uint64]struct{}{}
	}
	r.next++
	r.open[r.next] = struct{}{}
	return r.next
}

func (r *readers) end(n uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.open, n)
}

// mark is the number the next reader will have.
func (r *readers) mark() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.next + 1
}

// openBefore: a reader numbered below mark is still open.
func (r *readers) openBefore(mark uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for n := range r.open {
		if n < mark {
			return true
		}
	}
	return false
}

// scrubFree overwrites every free page of the file with zeros, and says
// how many it cleared. It runs in a write transaction (so no change can
// take a free page meanwhile), once every read begun before it has ended:
// a reader begun since sees only pages in use. It changes nothing bbolt
// reads: its own transaction writes only the freelist, as every commit
// does.
func (s *File) scrubFree(w store.Watch) (cleared int, err error) {
	readers := &s.bolt.readers
	err = s.Upkeep(func(t *record.Txn) error {
		tx := fileTx(t)
		mark := readers.mark()
		deadline := time.Now().Add(scrubWait)
		for readers.openBefore(mark) {
			if time.Now().After(deadline) {
				return fmt.Errorf("reads begun before it were still open after %s: run tasking retention --apply again to clear the free space", scrubWait)
			}
			w.Report(store.Step{What: "waiting for reads under way to finish"})
			time.Sleep(scrubPoll)
		}
		pages := int(tx.Size() / int64(s.db.Info().PageSize))
		runs, err := freeRuns(tx, w, pages)
		if err != nil {
			return err
		}
		cleared, err = zeroPages(s.path, s.db.Info().PageSize, runs)
		return err
	})
	return cleared, err
}

// pageRun is count pages from first.
type pageRun struct{ first, count int }

// freeRuns are the free pages below the high-water mark (pages past it
// were never written), as runs.
func freeRuns(tx *bolt.Tx, w store.Watch, pages int) ([]pageRun, error) {
	var runs []pageRun
	for id := 2; id < pages; id++ { // 0 and 1 are the meta pages
		if id%4096 == 0 {
			w.Report(store.Step{What: "finding the file's free space", Done: int64(id), Total: int64(pages), Unit: "pages"})
		}
		info, err := tx.Page(id)
		if err != nil {
			return nil, err
		}
		if info == nil {
			break // past the high-water mark
		}
		if info.Type != "free" {
			continue
		}
		if n := len(runs); n > 0 && runs[n-1].first+runs[n-1].count == id {
			runs[n-1].count++
		} else {
			runs = append(runs, pageRun{id, 1})
		}
	}
	return runs, nil
}

// zeroPages writes zeros over runs of the file at path and syncs it.
func zeroPages(path string, pageSize int, runs []pageRun) (int, error) {
	if len(runs) == 0 {
		return 0, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	zeros := make([]byte, 64*pageSize)
	cleared := 0
	for _, r := range runs {
		for done := 0; done < r.count; {
			n := min(r.count-done, 64)
			if _, err := f.WriteAt(zeros[:n*pageSize], int64(r.first+done)*int64(pageSize)); err != nil {
				f.Close()
				return cleared, err
			}
			done += n
			cleared += n
		}
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return cleared, err
	}
	return cleared, f.Close()
}
