package record

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
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
	// decoded is the records the newest reading decoded: the next decodes
	// only those that have changed since.
	decoded *homeDecoded
}

// homeDecoded remembers the records a reading of home decoded, each with
// the stored bytes it came from. A stored value is the same bytes exactly
// when it holds the same record, so the next reading decodes only those
// whose bytes differ: under `tasking serve` one or two a save, where
// decoding every open action and hotspot again for each reading was a
// fifth of the server's work with thirty people saving. A reading never
// changes what it was given (readings may run side by side); it makes its
// own.
type homeDecoded struct {
	actions  decoded[model.Action]
	hotspots decoded[model.Hotspot]
	// incidents is what the reading worked out from the incident data
	// (nil: none yet).
	incidents *incidentReading
}

// incidentReading is what home shows of the incident data: the open
// hotspots' trends and the places offered as new hotspots. Under `tasking
// serve` it was half of reading home again after each save, though an
// action's update cannot change it, so a reading takes the last one's
// when nothing it comes from can have changed: the day, the open
// hotspots (their stored bytes, which hold their areas and the counts the
// chair entered) and the data kept by key (the counts, series, batches,
// emerging places and dismissals: commitWatch says whether any commit
// since wrote any).
type incidentReading struct {
	tx          uint64 // the commit it was read as of
	today       model.Date
	suggestions []model.Suggestion
	trends      map[model.ID]model.Series
}

// readIncidents works out the incident reading as of tx, for the open
// hotspots.
func readIncidents(tx *txn, today model.Date, open []model.Hotspot) (incidentReading, error) {
	r := incidentReading{tx: tx.seq(), today: today}
	var err error
	if r.suggestions, err = offeredAmong(tx, today, open); err != nil {
		return r, err
	}
	r.trends, err = hotspotTrends(tx, open, today)
	return r, err
}

// sameRecords says whether a and b hold the same records, each stored
// as the same bytes.
func sameRecords[T any](a, b decoded[T]) bool {
	if len(a) != len(b) {
		return false
	}
	for id, r := range a {
		o, ok := b[id]
		if !ok || !bytes.Equal(r.stored, o.stored) {
			return false
		}
	}
	return true
}

type decoded[T any] map[model.ID]decodedRecord[T]

type decodedRecord[T any] struct {
	stored []byte // a copy: the transaction's pages are gone once it ends
	rec    T
}

// recordsAgain reads the records with the given IDs as records does,
// taking each from prev when its stored bytes are the same, and puts all
// it returns in next.
func recordsAgain[T any](tx *txn, k store.Kind, ids []model.ID, prev, next decoded[T]) ([]T, error) {
	docs, err := getMany(tx, k, ids)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(ids))
	for i, id := range ids {
		d := docs[i]
		if p, ok := prev[id]; ok && bytes.Equal(p.stored, d.Stored()) {
			next[id] = p
			out = append(out, p.rec)
			continue
		}
		var t T
		if err := d.Decode(&t); err != nil {
			return nil, fmt.Errorf("reading %s #%d: %w", k, id, err)
		}
		next[id] = decodedRecord[T]{stored: bytes.Clone(d.Stored()), rec: t}
		out = append(out, t)
	}
	return out, nil
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
func (c *homes) read(tx *txn, today model.Date, minTx uint64, load func(*txn, model.Date, *homeDecoded) (model.HomeSummary, *homeDecoded, error)) (model.HomeSummary, error) {
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
	prev := c.decoded
	c.mu.Unlock()

	// Whatever happens in load (a damaged page panics inside bbolt, and
	// the engine recovers it), those waiting are let go.
	r.err = errHomeUnread
	var next *homeDecoded
	defer func() {
		close(r.done)
		c.mu.Lock()
		if c.inFlight == r {
			c.inFlight = nil
		}
		if r.err == nil && (c.last == nil || c.last.today != today || r.tx >= c.last.tx) {
			c.last, c.decoded = r, next
		}
		c.mu.Unlock()
	}()
	r.sum, next, r.err = load(tx, today, prev)
	return r.sum, r.err
}
