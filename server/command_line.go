package server

import "github.com/google/shlex"

// SplitCommand splits the one line ssh hands the server into words as a
// POSIX shell would: single quotes, double quotes and backslashes; a quote
// left open is an error, never guessed at. The ssh suggestions the command
// line prints are quoted for it (cmd/tasking shellQuote; FuzzSSHQuoting).
func SplitCommand(line string) ([]string, error) { return shlex.Split(line) }
