package server

import "io/fs"

// ownedByMe: Windows keeps a folder's owner in its ACL, which a folder
// made under the user's own temporary folder already limits to them.
func ownedByMe(fs.FileInfo) bool { return true }

// isSocket: an AF_UNIX socket on Windows is a reparse point Go may report
// as a socket or as irregular.
func isSocket(st fs.FileInfo) bool { return st.Mode()&(fs.ModeSocket|fs.ModeIrregular) != 0 }
