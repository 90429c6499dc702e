//go:build !linux

package bolt

// releasePages is releasePages on Linux (pages_linux.go); elsewhere the
// kernel keeps what it maps until it needs the memory.
func releasePages(uintptr, int) {}
