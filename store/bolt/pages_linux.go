package bolt

import "syscall"

// releasePages tells the kernel this process no longer needs the pages of
// the memory map from data for size bytes (MADV_DONTNEED). bbolt maps the
// file shared and read-only, so nothing is lost: the pages stay in the
// file's page cache, and whoever reads them next faults them back in.
func releasePages(data uintptr, size int) {
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, data, uintptr(size), syscall.MADV_DONTNEED)
}
