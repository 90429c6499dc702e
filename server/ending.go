package server

import (
	"context"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Exit statuses of the sessions the server ends or refuses, one per
// reason, so a script can tell them apart (ssh exits with the remote
// status). They sit clear of what a command returns itself (0, 1 for an
// error, 2 for a usage error), of sysexits (64–78) and of the shell's
// own (126 and up). The README's table lists them.
const (
	ExitFull       = 80 // the server holds as many sessions as it takes
	ExitMemberFull = 81 // the member holds as many sessions as one may
	ExitStopping   = 82 // the server is stopping
	ExitIdle       = 83 // nobody typed for the idle timeout
	ExitStalled    = 84 // the terminal stopped reading its output
	ExitWithdrawn  = 85 // the key is no longer on the list (retired, or the key removed)
	ExitChanged    = 86 // the member's role, agency, name or read right changed
)

// Why a session ended, when the server ended it (the log's "how").
const (
	reasonFull       = "full"
	reasonMemberFull = "member's sessions full"
	reasonStopping   = "server stopping"
	reasonIdle       = "idle"
	reasonStalled    = "terminal stopped reading"
	reasonWithdrawn  = "access withdrawn"
	reasonChanged    = "membership changed"
	reasonPanicked   = "panicked"
)

// exitStatus is the status of a session ended for reason; ok is false
// when the server did not end it (the person did, or the command ran to
// its end).
func exitStatus(reason string) (status int, ok bool) {
	status, ok = map[string]int{
		reasonFull:       ExitFull,
		reasonMemberFull: ExitMemberFull,
		reasonStopping:   ExitStopping,
		reasonIdle:       ExitIdle,
		reasonStalled:    ExitStalled,
		reasonWithdrawn:  ExitWithdrawn,
		reasonChanged:    ExitChanged,
		reasonPanicked:   1,
	}[reason]
	return status, ok
}

// exitNow sends a session's exit status and closes it, from outside its
// handler (the guard, ending a stuck session). A client that has stopped
// reading the connection itself can block even that: after exitGrace the
// whole connection is closed instead, which unblocks everything waiting
// on it. The handler's own Exit afterwards fails, harmlessly.
func exitNow(sess ssh.Session, status int) {
	done := make(chan struct{})
	go func() {
		_ = sess.Exit(status)
		close(done)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), exitGrace)
	defer cancel()
	select {
	case <-done:
	case <-ctx.Done():
		if c, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
			_ = c.Close()
		}
		select {
		case <-done:
		case <-time.After(exitGrace):
		}
	}
}
