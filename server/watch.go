package server

import (
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// watch stands between a session and its terminal. It notes when the
// person last typed (the idle timeout is of the person: wish's own timer
// resets on every write, so live updates alone would keep a forgotten
// session open for ever) and whether a write to the terminal has been
// stuck (a client that stopped reading: its session is dropped, not
// buffered without end).
type watch struct {
	r io.Reader
	w io.Writer
	// onEOF, if set, is called when the input ends (the client closed the
	// session). Only io.EOF: a read cancelled inside the program is not the
	// person leaving.
	onEOF func()

	lastRead   atomic.Int64 // unix nanoseconds of the last input
	writeStart atomic.Int64 // unix nanoseconds a write began; 0 when none is under way
	mu         sync.Mutex   // one write at a time, so writeStart is that write's
}

func newWatch(r io.Reader, w io.Writer, now time.Time) *watch {
	wt := &watch{r: r, w: w}
	wt.lastRead.Store(now.UnixNano())
	return wt
}

// reader is the input side: every read is the person doing something.
func (wt *watch) Read(p []byte) (int, error) {
	n, err := wt.r.Read(p)
	if n > 0 {
		wt.lastRead.Store(time.Now().UnixNano())
	}
	if errors.Is(err, io.EOF) && wt.onEOF != nil {
		wt.onEOF()
	}
	return n, err
}

// Write is the output side, timed.
func (wt *watch) Write(p []byte) (int, error) {
	wt.mu.Lock()
	defer wt.mu.Unlock()
	wt.writeStart.Store(time.Now().UnixNano())
	defer wt.writeStart.Store(0)
	return wt.w.Write(p)
}

// idleFor is how long since the person last typed.
func (wt *watch) idleFor(now time.Time) time.Duration {
	return now.Sub(time.Unix(0, wt.lastRead.Load()))
}

// stalledFor is how long the write under way has been stuck (0 if none).
func (wt *watch) stalledFor(now time.Time) time.Duration {
	start := wt.writeStart.Load()
	if start == 0 {
		return 0
	}
	return now.Sub(time.Unix(0, start))
}

// What a session's watch says about it.
const (
	lively  = ""
	idle    = "idle"
	stalled = "stalled"
)

// verdict is whether the session should end: its terminal has had a write
// stuck for longer than stall (dropped, whatever the person did last), or
// nobody has typed for longer than idleAfter.
func (wt *watch) verdict(now time.Time, idleAfter, stall time.Duration) string {
	switch {
	case wt.stalledFor(now) > stall:
		return stalled
	case wt.idleFor(now) > idleAfter:
		return idle
	}
	return lively
}
