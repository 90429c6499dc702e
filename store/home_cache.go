package store

import (
	"fmt"
	"sync"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/sync/singleflight"
)

// homes shares one reading of home among everyone who asks for the same
// committed state on the same day. Under `tasking serve` every open app
// reads home again after each change anyone saves: thirty sessions then
// cost one read, not thirty, and those asking while it is being read wait
// for it rather than start their own. The summary is read-only to its
// users (screens only draw it), so one copy serves them all.
type homes struct {
	group singleflight.Group

	mu   sync.Mutex
	key  string
	last model.HomeSummary
}

// read is home as of tx on today: the shared answer when it is for the
// same commit and day, else read (once) with load.
func (c *homes) read(tx *bolt.Tx, today model.Date, load func(*bolt.Tx, model.Date) (model.HomeSummary, error)) (model.HomeSummary, error) {
	// A read transaction's ID is the last commit it sees.
	key := fmt.Sprintf("%d/%s", tx.ID(), today)
	c.mu.Lock()
	if c.key == key {
		h := c.last
		c.mu.Unlock()
		return h, nil
	}
	c.mu.Unlock()
	v, err, _ := c.group.Do(key, func() (any, error) {
		h, err := load(tx, today)
		if err == nil {
			c.mu.Lock()
			c.key, c.last = key, h
			c.mu.Unlock()
		}
		return h, err
	})
	if err != nil {
		return model.HomeSummary{}, err
	}
	return v.(model.HomeSummary), nil
}
