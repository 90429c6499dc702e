package record

import (
	"encoding/json"

	"github.com/ccsp/tasking/store"
)

// A record several processes share (PostgreSQL): each write's change
// notices travel to the others with its commit (Announcer), and each
// process publishes what it hears on its own feed (Listener), beside its
// own writes' notices: a session on another server learns of a change as
// one on this server does.

// sharedNotice is what one write announces: its changes, or, when they
// would not fit in one notice, only the commit, for "re-read everything".
type sharedNotice struct {
	Tx      uint64         `json:"tx"`
	Changes []store.Change `json:"c,omitempty"`
}

// announce hands the write's notices to an engine shared with other
// processes (nothing for one that is not).
func (s *Store) announce(tx *txn, changes []store.Change) error {
	a, ok := tx.tx.(store.Announcer)
	l, shared := s.eng.(store.Listener)
	if !ok || !shared || len(changes) == 0 {
		return nil
	}
	n := sharedNotice{Tx: tx.seq(), Changes: changes}
	b, err := json.Marshal(n)
	if err != nil {
		return err
	}
	if len(b) > l.MaxAnnounce() {
		if b, err = json.Marshal(sharedNotice{Tx: n.Tx}); err != nil {
			return err
		}
	}
	return a.Announce(tx.ctx, string(b))
}

// listenToOthers starts hearing other processes' notices, once, where
// the engine is shared: before the first subscriber is added, so no
// change committed after Subscribe returns is missed.
func (s *Store) listenToOthers() {
	if l, ok := s.eng.(store.Listener); ok {
		s.feed.listening.Do(func() { l.Listen(s.heard) })
	}
}

// heard publishes on this process's feed what another process announced:
// its changes, or when they did not fit (or could not be read, or notices
// may have been lost) a notice marked Missed, which tells subscribers to
// re-read all they show.
func (s *Store) heard(payload string, missed bool) {
	var n sharedNotice
	if missed || json.Unmarshal([]byte(payload), &n) != nil || len(n.Changes) == 0 {
		s.feed.publish(store.Change{Missed: true, Tx: n.Tx})
		return
	}
	for _, c := range n.Changes {
		s.feed.publish(c)
	}
}
