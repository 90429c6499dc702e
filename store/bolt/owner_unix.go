//go:build unix

package bolt

import (
	"errors"
	"os"
	"syscall"
)

// processAlive: a process with this pid runs on this machine (signal 0
// checks without sending anything; EPERM means it runs as someone else).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// lockWhole takes the lock bbolt takes (flock, exclusive) on f without
// waiting: false when another process holds the file.
func lockWhole(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
