package server

import (
	"net"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// failures limits refused keys per address, checked when a connection
// arrives and before any authentication, so guessing keys from one address
// slows to a trickle. A failure is a connection that offered keys and was
// refused (a port probe or dropped handshake is not held against anyone).
// The table is bounded: past maxAddresses the quietest are forgotten.
type failures struct {
	perMinute int

	mu   sync.Mutex
	by   map[string]*rate.Limiter
	seen map[string]time.Time
}

func newFailures(perMinute int) *failures {
	return &failures{perMinute: perMinute, by: map[string]*rate.Limiter{}, seen: map[string]time.Time{}}
}

func hostOf(addr net.Addr) string {
	if addr == nil {
		return ""
	}
	h, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return h
}

// allowed: the address has failures left this minute.
func (f *failures) allowed(addr net.Addr) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	l, ok := f.by[hostOf(addr)]
	return !ok || l.Tokens() >= 1
}

// failed counts one failure against the address.
func (f *failures) failed(addr net.Addr) {
	h := hostOf(addr)
	now := time.Now()
	f.mu.Lock()
	defer f.mu.Unlock()
	l, ok := f.by[h]
	if !ok {
		// The whole minute's allowance at once, then one more every
		// 60/perMinute seconds.
		l = rate.NewLimiter(rate.Every(time.Minute/time.Duration(f.perMinute)), f.perMinute)
		f.by[h] = l
	}
	l.AllowN(now, 1)
	f.seen[h] = now
	// Forget addresses quiet for an hour, so the table stays small; if
	// that is not enough (many addresses at once), forget any old half.
	if len(f.seen) > maxAddresses {
		for a, t := range f.seen {
			if now.Sub(t) > time.Hour {
				delete(f.seen, a)
				delete(f.by, a)
			}
		}
		for a := range f.seen {
			if len(f.seen) <= maxAddresses/2 {
				break
			}
			if a != h {
				delete(f.seen, a)
				delete(f.by, a)
			}
		}
	}
}
