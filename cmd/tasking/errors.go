package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"charm.land/fang/v2"
	"github.com/ccsp/tasking/model"
	"github.com/spf13/cobra"
)

// Exit codes: the contract scripts rely on.
const (
	exitOK    = 0
	exitError = 1 // the command could not do its job (bad data, locked file, …)
	exitUsage = 2 // the command line itself is wrong
	// exitInterrupted: long work stopped by ctrl+c (or SIGTERM), leaving
	// nothing half-made: 128+SIGINT, as a shell reports it.
	exitInterrupted = 130
)

// usageError is a mistake in the command line: an unknown command or flag,
// a bad flag value, the wrong number of arguments, an unsupported format.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// usageArgs marks whatever an argument validator rejects as a usage error.
func usageArgs(validate cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := validate(cmd, args); err != nil {
			return &usageError{err}
		}
		return nil
	}
}

// fileErr names the file a person gave once, in their words: "minutes.csv:
// no such file or directory", not Go's "open minutes.csv: no such file or
// directory" after a prefix that names it already.
func fileErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", path, pe.Err)
	}
	return err
}

// flagErr names the flag an error is about ("--due: … is not a date"),
// unless the error names it already, so no message says it twice
// ("--statement-file: --statement-file: …"). What kind of error it is (a
// usage error or not) is kept.
func flagErr(flag string, err error) error {
	if err == nil {
		return nil
	}
	prefix := "--" + flag + ":"
	if strings.HasPrefix(err.Error(), prefix) {
		return err
	}
	return fmt.Errorf("%s %w", prefix, err)
}

// flagUsage is flagErr for a bad flag value: a usage error (exit 2).
func flagUsage(flag string, err error) error { return &usageError{flagErr(flag, err)} }

// flagError turns pflag's parse errors (unknown flag, bad value, missing
// value) into usage errors. Set on the root; subcommands inherit it.
func flagError(_ *cobra.Command, err error) error { return &usageError{err} }

// noSubcommand is the Args of commands that only group subcommands (and of
// the root, which runs the TUI): any positional argument is a command that
// does not exist. Cobra's own message spreads suggestions over several
// lines; this keeps it to one.
func noSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += " (did you mean " + strings.Join(s, " or ") + "?)"
	} else {
		msg += ": see " + cmd.CommandPath() + " --help"
	}
	return &usageError{errors.New(msg)}
}

// cobraUsagePrefixes catch usage errors from commands we did not build
// (fang's man, cobra's completion), whose errors are plain strings.
var cobraUsagePrefixes = []string{
	"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
	"invalid argument", "bad flag syntax", "accepts ", "requires at least", "required flag",
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var u *usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	var stopped *interruptedError
	if errors.As(err, &stopped) {
		return exitInterrupted
	}
	msg := err.Error()
	for _, p := range cobraUsagePrefixes {
		if strings.HasPrefix(msg, p) {
			return exitUsage
		}
	}
	return exitError
}

// printError is fang's error handler: exactly one plain line on stderr,
// whatever the terminal, so scripts and people read the same thing.
func printError(w io.Writer, _ fang.Styles, err error) {
	if errors.Is(err, errProblemsFound) {
		return // check has printed them, one a line
	}
	var many *multiLineError
	if errors.As(err, &many) {
		// A list of problems (an import's bad rows): the first line says
		// what failed, each problem on a line of its own under it.
		for i, l := range strings.Split(many.msg, "\n") {
			if i == 0 {
				_, _ = fmt.Fprintln(w, "tasking: "+oneLine(l))
				continue
			}
			_, _ = fmt.Fprintln(w, "  "+oneLine(l))
		}
		return
	}
	_, _ = fmt.Fprintln(w, "tasking: "+oneLine(err.Error()))
}

// multiLineError is an error that lists several problems, one per line.
type multiLineError struct{ msg string }

func (e *multiLineError) Error() string { return e.msg }

// oneLine strips control sequences (messages can echo what was typed) and
// folds line breaks so an error is always one line.
func oneLine(s string) string {
	return model.CleanLine(s)
}
