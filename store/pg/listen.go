package pg

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Change notices between processes. A write hands its notices to the
// transaction (Announce), which sends them with pg_notify: PostgreSQL
// delivers them when, and only if, the transaction commits, in commit
// order. Every process LISTENs on the record's channel on a connection of
// its own, and hands what others announced to its store (Listen), which
// publishes them on its feed as its own writes' notices are: so a second
// `tasking serve` on the same database updates its sessions live. A
// notice carries its sender's origin, so a process does not hear its own
// twice.

// maxPayload is what one NOTIFY may carry (PostgreSQL refuses 8000 bytes
// or more), less the origin in front.
const maxPayload = 7900

// origin names this engine's notices: random, one per open.
func newOrigin() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Announce sends payload to every other process on the database when this
// transaction commits. The store keeps notices under maxPayload (too many
// changes at once are sent as "re-read everything").
func (t *tx) Announce(ctx context.Context, payload string) error {
	if err := t.writable(); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, "SELECT pg_notify($1, $2)", t.e.chann, t.e.listen.origin+" "+payload)
	return err
}

// MaxAnnounce is the longest payload Announce takes.
func (e *Engine) MaxAnnounce() int { return maxPayload - len(e.listen.origin) - 1 }

// listener is the engine's LISTEN connection.
type listener struct {
	origin string
	once   sync.Once
	cancel context.CancelFunc
	done   chan struct{}
}

// reconnectDelay is how long a lost LISTEN connection waits before trying
// again (the database restarting, a failover).
const reconnectDelay = 2 * time.Second

// Listen calls heard with each payload another process announces, after
// its commit, until the engine closes: missed is true (and payload empty)
// when the connection was lost and notices may have been missed meanwhile.
// It returns once this process is listening (or its first try failed: it
// goes on trying), so a change committed after it returns is heard.
func (e *Engine) Listen(heard func(payload string, missed bool)) {
	e.listen.once.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		e.listen.cancel, e.listen.done = cancel, make(chan struct{})
		ready := make(chan struct{})
		var readyOnce sync.Once
		isReady := func() { readyOnce.Do(func() { close(ready) }) }
		go func() {
			defer close(e.listen.done)
			for again := false; ; again = true {
				e.listenOnce(ctx, heard, isReady, again)
				isReady() // a first try that failed holds up no one: it goes on trying
				select {
				case <-ctx.Done():
					return
				case <-time.After(reconnectDelay):
				}
			}
		}()
		<-ready
	})
}

// listenOnce listens on one connection until it fails or ctx ends,
// calling listening once LISTEN has taken effect.
func (e *Engine) listenOnce(ctx context.Context, heard func(string, bool), listening func(), again bool) {
	conn, err := pgx.ConnectConfig(ctx, e.pool.Config().ConnConfig.Copy())
	if err != nil {
		return
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{e.chann}.Sanitize()); err != nil {
		return
	}
	if again {
		heard("", true) // what was sent while no connection listened is lost
	}
	listening()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return
		}
		from, payload, _ := strings.Cut(n.Payload, " ")
		if from != e.listen.origin {
			heard(payload, false)
		}
	}
}

func (l *listener) stop() {
	if l.cancel != nil {
		l.cancel()
		<-l.done
	}
}
