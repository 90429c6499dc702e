package store

import (
	"sync"
	"time"
)

// Change is published after a write commits. Subscribers only learn that
// something changed and what; they re-read what they show.
type Change struct {
	Op     string // "action.assign", …
	Entity string // "action", "meeting", …
	Ref    string
	By     string
	At     time.Time
	// Missed: the subscriber fell behind and notices before this one were
	// dropped, so anything may have changed: re-read everything shown.
	Missed bool
}

type feed struct {
	mu   sync.Mutex
	subs map[int]chan Change
	next int
}

// Subscribe returns a channel of changes and a function to stop. A slow
// subscriber misses notices rather than stalling writers; the notice that
// found its channel full takes the oldest one's place marked Missed, so it
// learns to re-read everything rather than trust what it was told.
func (s *Store) Subscribe() (<-chan Change, func()) {
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
