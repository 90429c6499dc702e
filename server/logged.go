package server

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// LoggedCommand is all of a command line the server's log may hold: the
// command's path in the tree ("action update"), the refs it names (A-12,
// HS-3, latest) and the names of the flags given (--note), never their
// values or any other word typed. The log goes to journald and to whoever
// reads the machine's logs; the words of the business (titles, notes,
// reasons, the names of people in cases) stay in the record, where the
// permissions and Part 2 apply.
type LoggedCommand struct {
	Path  string   // "action update"; Unknown when the tree has no such command
	Refs  []string // in the order given, each once
	Flags []string // "--note", "--status"
}

// Unknown is the Path of a command line the tree does not know: its words
// could be anything, so none of them is logged.
const Unknown = "unknown"

// Describer says what of a command line may be logged. cmd/tasking gives
// one built from the same command tree the runner runs, so the path is the
// one that runs and free text is never mistaken for a subcommand.
type Describer func(args []string) LoggedCommand

// fields are the command's key-value pairs for the log.
func (c LoggedCommand) fields() []any {
	f := []any{"command", c.Path}
	if len(c.Refs) > 0 {
		f = append(f, "refs", strings.Join(c.Refs, ","))
	}
	if len(c.Flags) > 0 {
		f = append(f, "flags", strings.Join(c.Flags, ","))
	}
	return f
}

// describe is the describer's answer, or Unknown when there is no
// describer or it fails: a bug in describing a line must not end the
// session, nor log the line instead.
func (s *Server) describe(args []string) (c LoggedCommand) {
	if s.describer == nil {
		return LoggedCommand{Path: Unknown}
	}
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("a command line could not be described for the log", panicFields(r)...)
			c = LoggedCommand{Path: Unknown}
		}
	}()
	return s.describer(args)
}

// panicFields are what the log says of a panic: the Go type of its value
// and the stack, never the value itself, which can be text (a panic made
// with fmt.Sprintf quotes whatever it was given). The stack shows
// functions, files and lines, and arguments only as machine words.
func panicFields(r any) []any {
	return []any{"panic", panicType(r), "stack", string(debug.Stack())}
}

// panicType is the Go type of a panic's value ("string",
// "runtime.boundsError").
func panicType(r any) string { return fmt.Sprintf("%T", r) }
