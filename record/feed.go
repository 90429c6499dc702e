package record

import (
	"sync"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// scope fills in where the record belongs from the audit event's before
// and after images (what the change wrote, so it costs no read).
func scope(c *store.Change, before, after any) {
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
	subs      map[int]chan store.Change
	next      int
}

// Subscribe returns a channel of changes and a function to stop. A slow
// subscriber misses notices rather than stalling writers; the notice that
// found its channel full takes the oldest one's place marked Missed, so it
// learns to re-read everything rather than trust what it was told.
func (s *Store) Subscribe() (<-chan store.Change, func()) {
	s.listenToOthers()
	f := &s.feed
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.subs == nil {
		f.subs = map[int]chan store.Change{}
	}
	id := f.next
	f.next++
	ch := make(chan store.Change, 64)
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

func (f *feed) publish(c store.Change) {
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
