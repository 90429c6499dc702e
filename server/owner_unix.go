//go:build unix

package server

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByMe: the file belongs to this process's user.
func ownedByMe(st fs.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return ok && int(sys.Uid) == os.Getuid()
}

// isSocket: st is a Unix socket.
func isSocket(st fs.FileInfo) bool { return st.Mode()&fs.ModeSocket != 0 }
