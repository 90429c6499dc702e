package main

import (
	"os"
	"runtime"
	"runtime/metrics"
	"testing"
)

func gogc() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// The first collection puts GOGC back to 100: only the start is roomier.
func TestStartingHeapLastsOneCollection(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set: startingHeap leaves it alone")
	}
	startingHeap(24)
	if got := gogc(); got != 600 {
		t.Fatalf("GOGC at start = %d, want 600 (a first goal of 24 MB)", got)
	}
	for i := 0; gogc() != 100; i++ {
		if i == 1000 {
			t.Fatalf("GOGC still %d after %d collections", gogc(), i)
		}
		runtime.GC()
		runtime.Gosched() // the finaliser runs on its own goroutine
	}
}
