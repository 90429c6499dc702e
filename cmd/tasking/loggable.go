package main

import (
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/server"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// describeForLog is what the server's log may hold of a command line run
// over SSH (the server's Describer): the command's path, the refs it names
// and the names of the flags given. The path is found in the tree runRemote
// runs, the way cobra finds it when it runs the line, so a word is logged
// as a command word only when it is one: free text is never taken for a
// subcommand. Flag values and other words are left out whatever they say,
// since any of them can be a title, a note, a reason or someone's name.
func describeForLog(args []string) server.LoggedCommand {
	unknown := server.LoggedCommand{Path: server.Unknown}
	path, group, flags, rest, ok := describing.find(args)
	if !ok {
		return unknown
	}
	// A flag the command does not have stops the parse; the flags before
	// it are still named, and the unknown one is not (it was typed).
	_ = flags.Parse(rest)
	if group && flags.NArg() > 0 {
		return unknown // a word that is none of the group's commands
	}
	c := server.LoggedCommand{Path: path}
	for _, a := range flags.Args() {
		c.Refs = addRef(c.Refs, a)
	}
	flags.Visit(func(f *pflag.Flag) {
		c.Flags = append(c.Flags, "--"+f.Name)
		c.Refs = addRef(c.Refs, f.Value.String())
	})
	return c
}

// describing is the tree describeForLog finds commands in. It is built
// once: a tree is some 1,200 allocations, and runRemote builds its own for
// every line it runs. Cobra sorts commands and merges flags lazily, so one
// line at a time looks in it, and a line's flags are parsed into a copy
// (flagsOf): nothing of one line stays in the tree for the next.
var describing = &describeTree{}

type describeTree struct {
	once sync.Once
	mu   sync.Mutex
	root *cobra.Command
}

// find finds the command args name, as cobra does when it runs them: its
// path ("action update", "tasking" for the root), whether it is a group of
// commands, a fresh set of its flags, and the words after the command's
// own.
func (d *describeTree) find(args []string) (path string, group bool, flags *pflag.FlagSet, rest []string, ok bool) {
	d.once.Do(func() {
		root := newRoot() // the tree is the same whoever runs it
		root.SetOut(io.Discard)
		root.SetErr(io.Discard)
		// What cobra and fang add when a line runs: the help and
		// completion commands, --version on the root (and --help on
		// every command, in flagsOf).
		root.Version = buildVersion()
		root.InitDefaultHelpCmd()
		root.InitDefaultCompletionCmd()
		d.root = root
	})
	d.mu.Lock()
	defer d.mu.Unlock()
	cmd, rest, err := d.root.Find(args)
	if err != nil {
		return "", false, nil, nil, false
	}
	path = d.root.Name()
	if cmd != d.root {
		path = strings.TrimPrefix(cmd.CommandPath(), d.root.Name()+" ")
	}
	return path, cmd.HasSubCommands(), flagsOf(cmd), rest, true
}

// flagsOf is a fresh flag set with cmd's flags, its own and those it
// inherits, as cobra gives them when the command runs: the same names,
// shorthands and flags that take no value (which is all that decides how
// the words are read), each holding its value as text.
func flagsOf(cmd *cobra.Command) *pflag.FlagSet {
	cmd.InitDefaultHelpFlag()
	cmd.InitDefaultVersionFlag()
	fs := pflag.NewFlagSet(cmd.Name(), pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	copyFlag := func(f *pflag.Flag) {
		if fs.Lookup(f.Name) == nil {
			fs.AddFlag(&pflag.Flag{Name: f.Name, Shorthand: f.Shorthand, NoOptDefVal: f.NoOptDefVal,
				Value: &textValue{typ: f.Value.Type()}})
		}
	}
	cmd.LocalFlags().VisitAll(copyFlag)
	cmd.InheritedFlags().VisitAll(copyFlag)
	return fs
}

// textValue holds a flag's value as typed.
type textValue struct{ s, typ string }

func (v *textValue) String() string     { return v.s }
func (v *textValue) Set(s string) error { v.s = s; return nil }
func (v *textValue) Type() string       { return v.typ }

// loggedRef is a whole word that is a ref as people type them (model's
// prefixes with a hyphen: HS-3, A-12, M-2, D-4, N-5, CR-2), or "latest". Refs
// run together ("a12") or bare numbers are not: words like those can be
// text (a road called A1, a count), and a ref is only worth logging when it
// cannot be anything else.
var loggedRef = regexp.MustCompile(`(?i)^(` + strings.Join([]string{model.HotspotPrefix, model.ActionPrefix,
	model.MeetingPrefix, model.DecisionPrefix, model.NotePrefix, model.CaseReviewPrefix}, "|") + `)-[0-9]{1,18}$`)

// addRef adds word to refs, in its usual case, if it is a ref not yet
// there.
func addRef(refs []string, word string) []string {
	switch {
	case strings.EqualFold(word, "latest"):
		word = "latest"
	case loggedRef.MatchString(word):
		word = strings.ToUpper(word)
	default:
		return refs
	}
	if slices.Contains(refs, word) {
		return refs
	}
	return append(refs, word)
}

// The describer is a server.Describer.
var _ server.Describer = describeForLog
