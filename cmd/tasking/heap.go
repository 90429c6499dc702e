package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// startingHeap lets the heap grow to about mb megabytes before the first
// collection, then collects as usual (GOGC=100): the way the Go compiler
// starts. Most commands (a query, a meeting's minutes, the --version line)
// allocate less than that in all, and finish without ever collecting; a
// collection in a process that is about to exit is pure cost, and at load
// its stop-the-world phases wait for both cores (several ms of a minutes
// command's 20). Commands that read the decade whole collect as before
// once past it. GOGC set by the user is left alone.
func startingHeap(mb int) {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	// At start nothing is live, so the first goal is the runtime's
	// minimum heap, 4 MB, scaled by GOGC/100.
	debug.SetGCPercent(mb * 100 / 4)
	// The sentinel dies in the first collection, whose finalizer puts
	// GOGC back. (Not a tiny object, which could share a block with
	// something that lives on and never be finalised.)
	sentinel := new([32]byte)
	runtime.SetFinalizer(sentinel, func(*[32]byte) { debug.SetGCPercent(100) })
}
