package server

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// peerCredOf asks the kernel who connected (SO_PEERCRED): the user and
// process at the other end when the connection was made.
func peerCredOf(raw syscall.RawConn) (peerCred, error) {
	var cred *unix.Ucred
	var err error
	if cerr := raw.Control(func(fd uintptr) {
		cred, err = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	}); cerr != nil {
		return peerCred{}, cerr
	}
	if err != nil {
		return peerCred{}, err
	}
	return peerCred{uid: int(cred.Uid), pid: int(cred.Pid), checked: true}, nil
}
