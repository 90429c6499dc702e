package server

import (
	"strings"
	"testing"
	"time"
)

// blockingWriter is a terminal that has stopped reading: a write never
// returns until released.
type blockingWriter struct{ release chan struct{} }

func (b blockingWriter) Write(p []byte) (int, error) {
	<-b.release
	return len(p), nil
}

func TestWatchVerdicts(t *testing.T) {
	start := time.Now()
	const idleAfter, stall = 10 * time.Minute, 30 * time.Second
	quiet := newWatch(strings.NewReader("k"), blockingWriter{}, start)
	tests := []struct {
		name string
		at   time.Duration
		want string
	}{
		{"just typed", time.Second, lively},
		{"nine minutes quiet", 9 * time.Minute, lively},
		{"eleven minutes quiet", 11 * time.Minute, idle},
	}
	for _, tt := range tests {
		if got := quiet.verdict(start.Add(tt.at), idleAfter, stall); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}

	// Typing resets the person's clock.
	buf := make([]byte, 1)
	if _, err := quiet.Read(buf); err != nil {
		t.Fatal(err)
	}
	if got := quiet.verdict(time.Now().Add(9*time.Minute), idleAfter, stall); got != lively {
		t.Errorf("after a key press: %q, want lively", got)
	}

	// A write stuck past the stall timeout drops the session even though
	// the person typed a moment ago.
	release := make(chan struct{})
	stuck := newWatch(strings.NewReader(""), blockingWriter{release}, start)
	go stuck.Write([]byte("a frame"))
	deadline := time.Now().Add(5 * time.Second)
	for stuck.stalledFor(time.Now()) == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	now := time.Now()
	if got := stuck.verdict(now.Add(10*time.Second), idleAfter, stall); got != lively {
		t.Errorf("a write stuck 10s: %q, want lively", got)
	}
	if got := stuck.verdict(now.Add(31*time.Second), idleAfter, stall); got != stalled {
		t.Errorf("a write stuck 31s: %q, want stalled", got)
	}
	close(release)
	deadline = time.Now().Add(5 * time.Second)
	for stuck.stalledFor(time.Now()) != 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if got := stuck.verdict(time.Now().Add(31*time.Second), time.Hour, stall); got != lively {
		t.Errorf("once the write went through: %q, want lively", got)
	}
}
