package store

import (
	"sync"
	"time"

	"github.com/ccsp/tasking/model"
)

// Change is published after a write commits. Subscribers learn what
// changed, and re-read (or patch) only what they show of it.
type Change struct {
	Op     model.Op // "action.assign", … (model/ops.go)
	Entity string   // "action", "meeting", …
	Ref    string
	By     string
	At     time.Time
	// Where the changed record belongs, so a screen that shows part of the
	// record can tell a change is not its business without reading: an
	// action's owner agency and hotspot (the one it was under, when the
	// change moved it to general business), a decision's or note's
	// hotspot, a hotspot's own id. Zero for other kinds of record, and for
	// an action, decision or note of no hotspot.
	Agency, Hotspot model.ID
	// Version is the changed action's or hotspot's version after the
	// change: a screen already showing it (its own save) has nothing to do.
	Version int
	// Tx is the commit the change is in: a reader that has seen it can ask
	// for a reading at least as new (HomeSince).
	Tx uint64
	// Missed: the subscriber fell behind and notices before this one were
	// dropped, so anything may have changed: re-read everything shown.
	Missed bool
	// Private: the changed record is private business (its own privacy, or
	// a hotspot taken in private): a session that reads the public record
	// only is not told its ref.
	Private bool
}

// scope fills in where the record belongs from the audit event's before
// and after images (what the change wrote, so it costs no read).
func (c *Change) scope(before, after any) {
	switch r := after.(type) {
	case model.Action:
		c.Agency, c.Hotspot, c.Version, c.Private = r.AgencyID, r.HotspotID, r.Version, r.Private
		if b, ok := before.(model.Action); ok && c.Hotspot == 0 {
			c.Hotspot = b.HotspotID
		}
	case model.Hotspot:
		c.Hotspot, c.Version, c.Private = r.ID, r.Version, r.Private()
	case model.Decision:
		c.Hotspot, c.Private = r.HotspotID, r.Private
	case model.Note:
		c.Hotspot, c.Private = r.HotspotID, r.Private
	case model.Power:
		c.Agency, c.Hotspot, c.Version, c.Private = r.AgencyID, r.HotspotID, r.Version, r.Private
	case model.CaseReview:
		c.Version, c.Private = r.Version, r.Private
	}
}

type feed struct {
	// listening: other processes' notices are heard (feed_shared.go).
	listening sync.Once
	mu        sync.Mutex
	subs      map[int]chan Change
	next      int
}

// Subscribe returns a channel of changes and a function to stop. A slow
// subscriber misses notices rather than stalling writers; the notice that
// found its channel full takes the oldest one's place marked Missed, so it
// learns to re-read everything rather than trust what it was told.
func (s *Store) Subscribe() (<-chan Change, func()) {
	s.listenToOthers()
	f := &s.feed
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.subs == nil {
		f.subs = map[int]chan Change{}
	}
	id := f.next
	f.next++
	ch := make(chan Change, 64)
	f.subs[id] = ch
	return ch, func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		if c, ok := f.subs[id]; ok {
			delete(f.subs, id)
			close(c)
		}
	}
}

func (f *feed) publish(c Change) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, ch := range f.subs {
		select {
		case ch <- c:
		default:
			select {
			case <-ch:
			default:
			}
			m := c
			m.Missed = true
			select {
			case ch <- m:
			default:
			}
		}
	}
}

func (f *feed) closeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for id, ch := range f.subs {
		delete(f.subs, id)
		close(ch)
	}
}
