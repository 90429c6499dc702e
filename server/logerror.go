package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"syscall"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// ErrorFields are what a log line says of an error: a fixed word for its
// kind and the Go type of its cause, never its text. An error's text can
// quote what was typed, a title or a line of a file; the kind and the type
// are enough to know where to look.
func ErrorFields(err error) []any {
	return []any{"error", errorKind(err), "error_type", causeType(err)}
}

// errorKind sorts an error into one of a few fixed words.
func errorKind(err error) string {
	var netErr net.Error
	var auth *gossh.ServerAuthError
	switch {
	case err == nil:
		return "none"
	case errors.Is(err, tea.ErrProgramPanic):
		return "program panicked"
	case errors.Is(err, tea.ErrProgramKilled):
		return "program killed"
	case errors.Is(err, tea.ErrInterrupted):
		return "interrupted"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded),
		errors.As(err, &netErr) && netErr.Timeout():
		return "timeout"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return "connection closed"
	case errors.As(err, &auth):
		return "authentication"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "not found"
	case errors.Is(err, fs.ErrExist):
		return "already exists"
	}
	return "other"
}

// causeType is the Go type of the innermost error in a chain of single
// wraps ("syscall.Errno", "*errors.errorString"): a wrapper's type says
// nothing.
func causeType(err error) string {
	if err == nil {
		return "none"
	}
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			return fmt.Sprintf("%T", err)
		}
		err = inner
	}
}
