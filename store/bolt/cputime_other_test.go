//go:build !unix

package bolt

import "time"

var start = time.Now()

// cpuTime is wall time where the CPU's is not to hand.
func cpuTime() time.Duration { return time.Since(start) }
