//go:build unix

package bolt

import (
	"syscall"
	"time"
)

// cpuTime is the CPU this process has used (user and system, every
// thread): what a timed test bounds, since on a machine others share the
// wall clock says more about them than about the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
