package server

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// rawSession is the app in a terminal of any claimed size, its output kept
// as bytes (an emulator of 10000×10000 would itself take gigabytes).
type rawSession struct {
	c    *gossh.Client
	s    *gossh.Session
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func (ts *testServer) openRaw(name string, w, h int) *rawSession {
	ts.t.Helper()
	c, err := ts.dial(ts.keys[name], nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		ts.t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		ts.t.Fatal(err)
	}
	out, _ := s.StdoutPipe()
	_, _ = s.StdinPipe() // held open: input that ends is the person leaving
	if err := s.Shell(); err != nil {
		ts.t.Fatal(err)
	}
	r := &rawSession{c: c, s: s, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	ts.t.Cleanup(r.close)
	return r
}

// saw: the app has drawn want.
func (r *rawSession) saw(want string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Contains(ansi.Strip(r.out.String()), want)
}

func (r *rawSession) close() { r.s.Close(); r.c.Close() }

// size is how much the app has drawn so far.
func (r *rawSession) size() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.Len()
}

// heapInUse is the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestAWindowIsCappedAtItsSetting(t *testing.T) {
	c := Config{}.withDefaults()
	if c.MaxWidth != 500 || c.MaxHeight != 200 {
		t.Errorf("the default cap is %d×%d, want 500×200", c.MaxWidth, c.MaxHeight)
	}
	for _, tt := range []struct{ w, h, ww, wh int }{
		{120, 40, 120, 40}, {500, 200, 500, 200}, {501, 201, 500, 200}, {10000, 10000, 500, 200}, {-5, 30, 0, 30},
	} {
		if w, h := c.window(tt.w, tt.h); w != tt.ww || h != tt.wh {
			t.Errorf("%d×%d is given %d×%d, want %d×%d", tt.w, tt.h, w, h, tt.ww, tt.wh)
		}
	}
	if err := (Config{MaxWidth: 79}).Check(); err == nil {
		t.Error("a cap under the app's 80×24 should be refused")
	}
}

// TestAHugeWindowIsBoundedAndFreed: a session claiming a 10000×10000
// terminal (and resizing to another) is given the cap, takes a bounded
// amount of memory, and gives it all back when it ends.
func TestAHugeWindowIsBoundedAndFreed(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	// An ordinary session first fills what every session shares (the
	// record's caches), so the baseline is the server at rest.
	warm := ts.openRaw("Gary Fletcher", 120, 40)
	waitFor(t, func() bool { return warm.saw("Hotspots by risk") })
	warm.close()
	waitFor(t, func() bool { return ts.srv.hub.count() == 0 })
	base := heapInUse()

	huge := ts.openRaw("Gary Fletcher", 10000, 10000)
	waitFor(t, func() bool { return huge.saw("Hotspots by risk") })
	// A resize is capped too: 4000×250 is a million cells, which Bubble
	// Tea itself would take.
	drawn := huge.size()
	if err := huge.s.WindowChange(250, 4000); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return huge.size() > drawn }) // redrawn at the new size
	open := heapInUse()
	t.Logf("heap: %d MB at rest, %d MB with the huge window open", base>>20, open>>20)
	// 500×200 cells, a few copies of the screen: megabytes, not the
	// gigabytes 100 million cells would take.
	if open > base+64<<20 {
		t.Errorf("a session claiming 10000×10000 holds %d MB", (open-base)>>20)
	}
	if !strings.Contains(ts.logs.String(), "window capped") || !strings.Contains(ts.logs.String(), "claimed=10000x10000 cap=500x200") {
		t.Errorf("the cap is not logged:\n%s", ts.logs.String())
	}
	huge.close()
	waitFor(t, func() bool { return ts.srv.hub.count() == 0 })
	// Timers the app set (its clock ticks once a second) hold it a moment
	// after it ends; then everything it used is free.
	var now uint64
	deadline := time.Now().Add(10 * time.Second)
	for now = heapInUse(); now > base+2<<20 && time.Now().Before(deadline); now = heapInUse() {
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("heap: %d MB after it ended", now>>20)
	if now > base+2<<20 {
		t.Errorf("after the session ended the heap is %s above where it was", mb(now-base))
	}
}

func mb(n uint64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
