//go:build unix

package benchdb

import (
	"syscall"
	"testing"
	"time"
)

// CPU reports, when the function it returns is called (deferred, after the
// benchmark's loop), the process's CPU time per operation since CPU was
// called ("cpu-ms/op"): user and system, the garbage collector's included.
// On a machine others are sharing the wall time per operation grows with
// their load; the CPU time much less, so the two together say how much of
// a figure is the machine.
func CPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
