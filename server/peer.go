package server

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"sync/atomic"
	"syscall"
)

// Who is at the other end of the local socket: the kernel says which user
// (and, where it can, which process) connected, and only this user's own
// processes are answered. Linux says it with SO_PEERCRED, macOS and
// FreeBSD with LOCAL_PEERCRED (peer_linux.go, peer_bsd.go). Windows says
// nothing of the kind for AF_UNIX: there the socket file's ACL, which the
// folder of the database gives it, keeps others out, as the file's mode
// (0600) does everywhere (peer_other.go).

// peerCred is the user and process at the other end of a socket.
type peerCred struct {
	uid, pid int
	// checked: the kernel said who it is (false where it cannot).
	checked bool
}

// errNoPeerCheck: this system cannot say who is at the other end of a
// Unix socket.
var errNoPeerCheck = errors.New("this system does not say who is at the other end of a socket")

// checkPeer says who is at the other end of c, and refuses anyone but
// this process's own user. Where the system cannot say, the socket file's
// permissions are the guard and the peer is taken as it comes.
func checkPeer(c net.Conn) (peerCred, error) {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return peerCred{}, errors.New("not a socket")
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return peerCred{}, err
	}
	cred, err := peerCredOf(raw)
	switch {
	case errors.Is(err, errNoPeerCheck):
		return peerCred{}, nil
	case err != nil:
		return peerCred{}, fmt.Errorf("cannot tell who is at the other end of the socket: %w", err)
	case cred.uid != thisUser():
		return cred, fmt.Errorf("the other end is another user's process (uid %d, this is uid %d)", cred.uid, thisUser())
	}
	return cred, nil
}

// thisUser is the user whose processes are answered.
func thisUser() int {
	if v := standInUser.Load(); v != 0 {
		return int(v - 1)
	}
	return os.Getuid()
}

// standInUser, when not 0, is one more than the uid a test stands in for
// this user. Atomic: listeners left accepting by earlier tests read it
// while a later test sets it.
var standInUser atomic.Int64

// peerListener accepts only this user's processes: any other connection is
// closed before a byte is read from it.
type peerListener struct {
	net.Listener
	// refused is told of each connection turned away (nil: nobody).
	refused func(peerCred, error)
}

func (l *peerListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		cred, err := checkPeer(c)
		if err != nil {
			if l.refused != nil {
				l.refused(cred, err)
			}
			c.Close()
			continue
		}
		return &peerConn{Conn: c, cred: cred}, nil
	}
}

// peerConn is an accepted connection and who made it.
type peerConn struct {
	net.Conn
	cred peerCred
}

// RemoteAddr names the process at the other end, for the log ("local pid
// 4242"): a Unix socket's own peer address is empty.
func (c *peerConn) RemoteAddr() net.Addr { return localAddr(c.cred) }

type localAddr peerCred

func (a localAddr) Network() string { return "unix" }
func (a localAddr) String() string {
	if a.pid > 0 {
		return "local pid " + strconv.Itoa(a.pid)
	}
	return "local"
}
