package store

import (
	"errors"
	"sync"

	"github.com/ccsp/tasking/model"
)

// homes shares readings of home among everyone who asks. Under `tasking
// serve` every open app reads home again after the changes anyone saves:
// a reading already made, or being made, for a commit at least as new as
// the newest change the asker has been told of (and on the same day) is
// the answer it would read itself, so thirty sessions cost one read, not
// thirty. The summary is read-only to its users (screens only draw it).
type homes struct {
	mu       sync.Mutex
	last     *homeReading // the newest reading made
	inFlight *homeReading // one being made, others may wait for it
}

// errHomeUnread is what waiters get when the reading they waited for
// failed part-way (the reader itself gets the real failure).
var errHomeUnread = errors.New("home could not be read: the database may be damaged (tasking check)")

type homeReading struct {
	tx    uint64
	today model.Date
	sum   model.HomeSummary
	err   error
	done  chan struct{}
}

// read is home as of tx, or a reading as new as minTx (0: as of tx).
func (c *homes) read(tx *txn, today model.Date, minTx uint64, load func(*txn, model.Date) (model.HomeSummary, error)) (model.HomeSummary, error) {
	// A read transaction's ID is the last commit it sees.
	now := tx.seq()
	if minTx == 0 || minTx > now {
		minTx = now
	}
	usable := func(r *homeReading) bool { return r != nil && r.today == today && r.tx >= minTx }
	c.mu.Lock()
	if usable(c.last) {
		r := c.last
		c.mu.Unlock()
		return r.sum, nil
	}
	if r := c.inFlight; usable(r) {
		c.mu.Unlock()
		<-r.done
		return r.sum, r.err
	}
	r := &homeReading{tx: now, today: today, done: make(chan struct{})}
	c.inFlight = r
	c.mu.Unlock()

	// Whatever happens in load (a damaged page panics inside bbolt, and
	// the engine recovers it), those waiting are let go.
	r.err = errHomeUnread
	defer func() {
		close(r.done)
		c.mu.Lock()
		if c.inFlight == r {
			c.inFlight = nil
		}
		if r.err == nil && (c.last == nil || c.last.today != today || r.tx >= c.last.tx) {
			c.last = r
		}
		c.mu.Unlock()
	}()
	r.sum, r.err = load(tx, today)
	return r.sum, r.err
}
