//go:build darwin || freebsd

package server

import (
	"runtime"
	"syscall"

	"golang.org/x/sys/unix"
)

// peerCredOf asks the kernel who connected (LOCAL_PEERCRED; on macOS also
// LOCAL_PEERPID for the process).
func peerCredOf(raw syscall.RawConn) (peerCred, error) {
	var cred *unix.Xucred
	var pid int
	var err error
	if cerr := raw.Control(func(fd uintptr) {
		cred, err = unix.GetsockoptXucred(int(fd), unix.SOL_LOCAL, unix.LOCAL_PEERCRED)
		if err == nil && runtime.GOOS == "darwin" {
			pid, _ = unix.GetsockoptInt(int(fd), unix.SOL_LOCAL, 0x2) // LOCAL_PEERPID
		}
	}); cerr != nil {
		return peerCred{}, cerr
	}
	if err != nil {
		return peerCred{}, err
	}
	return peerCred{uid: int(cred.Uid), pid: pid, checked: true}, nil
}
