package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"charm.land/fang/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/server"
	"github.com/ccsp/tasking/store"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
)

// The holder's side of a local process joining it (server/local.go): the
// command tree run on the holder's open record for a tasking process of
// this machine's user, as that process would have run it alone — the same
// identity rules (--as, else the member remembered for the file, else the
// file's owner reading), its files named from its own folder, its
// terminal's width and colours — so the bytes are the same. join.go is the
// other side.

// joined is set when the tree runs in the holder for a process that
// joined it.
type joined struct {
	rec  store.Record
	peer server.Peer
	// made maps the absolute paths at() made from the process's relative
	// file names back to the names it gave, for what is said about them.
	made map[string]string
}

// runJoined runs one command line for a local process: the tree as it
// runs on its own, on the holder's record.
func runJoined(ctx context.Context, rec store.Record, x server.Exec) int {
	p := *x.Local
	a := &app{joined: &joined{rec: rec, peer: p, made: map[string]string{}}, line: x.Args}
	root := buildRoot(a)
	args := x.Args
	if p.Named {
		// As it was given: the tree reads --as itself, and says of an
		// unknown name what it says running alone.
		args = append([]string{"--as=" + p.Name}, args...)
	}
	root.SetArgs(args)
	var in io.Reader = x.Stdin
	if p.StdinTerminal {
		in = terminalIn{x.Stdin}
	}
	var out io.Writer = x.Stdout
	if p.StdoutWidth > 0 {
		out = terminalOut{Writer: x.Stdout, width: p.StdoutWidth, color: p.StdoutColor}
	}
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(x.Stderr)
	root.PersistentPreRunE = a.joinedAllowed
	// Not through fang: the joining process has parsed the line, said any
	// help and version itself and sends only what runs, and fang would ask
	// the holder's own terminal for its background colour to style an
	// error (reading the keys the chair is typing into her app).
	root.SilenceErrors, root.SilenceUsage = true, true
	err := root.ExecuteContext(ctx)
	if err != nil {
		printError(x.Stderr, fang.Styles{}, err)
	}
	return exitCode(err)
}

// joinedAllowed refuses what only the file's own process may do: the
// joining process sends none of these (it keeps them, and is told who
// holds the file), so this is a second guard.
func (a *app) joinedAllowed(cmd *cobra.Command, _ []string) error {
	if top := topCommand(cmd); localOnly[top] != "" {
		return fmt.Errorf("`tasking %s` %s, so it runs only in a process that holds the file itself: close the tasking that holds %s first", top, localOnly[top], a.joined.path())
	}
	if cmd.Flags().Changed("db") {
		return usagef("--db: the file is the one the holding process has open")
	}
	return nil
}

// identifyJoined is who a local process's app is, as the app running on
// its own would decide (runTUI): --as NAME, else the member remembered
// for the file, else nobody (the app asks, and remembers the answer in
// the process's own file of identities).
func identifyJoined(rec store.Record, p server.Peer) (server.Identity, error) {
	a := &app{joined: &joined{rec: rec, peer: p}}
	if p.Named {
		a.as = p.Name
	}
	s := sharedRecord{rec}
	actor, known, err := a.actor(s, p.Named)
	if err != nil || !known {
		return server.Identity{Remember: a.remember}, err
	}
	members, err := s.Members()
	if err != nil {
		return server.Identity{}, err
	}
	for _, m := range members {
		if m.ID == actor.MemberID {
			return server.Identity{Member: m, Known: true, Remember: a.remember}, nil
		}
	}
	return server.Identity{Remember: a.remember}, nil
}

// remember records m as the one who uses the file, in the process's own
// file of identities when it joined (else this process's).
func (a *app) remember(m model.Member) error {
	path := a.recordPath()
	if a.joined != nil && a.joined.peer.Identities != "" {
		return rememberIn(a.joined.peer.Identities, path, m.Name)
	}
	return remember(path, m.Name)
}

// rememberedFor is who is remembered as using the file at path: for a
// joined process, whom it said it remembered.
func (a *app) rememberedFor(path string) string {
	if a.joined != nil {
		if a.joined.peer.Named {
			return ""
		}
		return a.joined.peer.Name
	}
	return rememberedName(path)
}

// path is the holder's file.
func (j *joined) path() string {
	if f, ok := j.rec.(interface{ Path() string }); ok {
		return f.Path()
	}
	return ""
}

// at is the path to open for a file name the person gave: for a joined
// process, a relative name is in its folder, not the holder's. What is
// said of it names it as the person gave it (shown).
func (a *app) at(name string) string {
	p := a.atAbs(name)
	if p != name && a.joined.made != nil {
		a.joined.made[p] = name
	}
	return p
}

// atAbs is at for a file whose messages name it in full (the minutes say
// where they were saved as an absolute path).
func (a *app) atAbs(name string) string {
	if a.joined == nil || name == "" || name == "-" || filepath.IsAbs(name) || a.joined.peer.Dir == "" {
		return name
	}
	return filepath.Join(a.joined.peer.Dir, name)
}

// shown is s with the paths at() made given back as the person wrote
// them, for messages: the same words as running alone.
func (a *app) shown(s string) string {
	if a.joined == nil {
		return s
	}
	for abs, name := range a.joined.made {
		s = strings.ReplaceAll(s, abs, name)
	}
	return s
}

// shownError is an error whose words are given back as the person wrote
// its paths (shown), of the same kind.
type shownError struct {
	err error
	msg string
}

func (e *shownError) Error() string { return e.msg }
func (e *shownError) Unwrap() error { return e.err }

func (a *app) shownErr(err error) error {
	if err == nil || a.joined == nil || len(a.joined.made) == 0 {
		return err
	}
	var many *multiLineError
	if errors.As(err, &many) {
		return &multiLineError{msg: a.shown(many.msg)}
	}
	if msg := a.shown(err.Error()); msg != err.Error() {
		return &shownError{err: err, msg: msg}
	}
	return err
}

// terminalIn is a joined process's standard input when it is a terminal:
// a question can be asked on it.
type terminalIn struct{ io.Reader }

// terminalOut is a joined process's standard output when it is a
// terminal: its width, and its colours ("" when it shows none).
type terminalOut struct {
	io.Writer
	width int
	color string
}

// profile is the colours a joined process's terminal shows.
func (t terminalOut) profile() colorprofile.Profile {
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.Ascii} {
		if p.String() == t.color {
			return p
		}
	}
	return colorprofile.NoTTY
}
