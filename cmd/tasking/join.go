package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/ccsp/tasking/server"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	gossh "golang.org/x/crypto/ssh"
)

// Joining the process that holds the file. When the app or `tasking
// serve` has the file open, it answers a socket beside it
// (server.SocketPath), and a second app or any command of the same user
// runs through it rather than wait for the file and be refused: the same
// command line, its standard input, output and error, its terminal for
// the app, and its exit status. Who the process acts as is decided as it
// would be alone (--as, else the remembered member), by the holder, on
// the holder's clock. joined.go is the holder's side.

// joinIfHeld runs the command through the holder of the file, if a
// tasking process holds it and answers its socket, and ends the process
// with the holder's exit status. With no holder it does
// nothing and the command opens the file itself. What must run in the
// file's own process (check, upgrade, restore, setup, demo, serve) is
// never sent: it waits for the file, and says who holds it.
func (a *app) joinIfHeld(cmd *cobra.Command, _ []string) error {
	if a.argv == nil || !joinable(cmd) {
		return nil
	}
	flags, named := cmd.Flags(), cmd.Flags().Changed("as")
	if isCompletion(cmd) {
		// cobra leaves a line to complete unparsed: the command being
		// completed says which of its words are flags, and --db and --as
		// are read from it here.
		target, _, err := cmd.Root().Find(a.argv[1:])
		if err != nil {
			return nil
		}
		flags = pflag.NewFlagSet("", pflag.ContinueOnError)
		flags.AddFlagSet(target.Flags())
		flags.AddFlagSet(target.InheritedFlags())
		_, given := withoutFlags(a.argv, flags, "db", "as")
		a.db = given["db"]
		a.as, named = given["as"]
	}
	path, err := a.dbPath()
	if err != nil || onPostgres(path) {
		// A database has no holder to join: every process opens it.
		return nil // (the command says what is wrong with the path)
	}
	sock := server.SocketPath(path)
	if _, err := os.Lstat(sock); err != nil {
		return nil // nobody holds it (the usual case: one stat)
	}
	args, _ := withoutFlags(a.argv, flags, "db", "as")
	peer := a.peer(named, path)
	code, err := join(cmd.Context(), sock, peer, args, !cmd.HasParent())
	switch {
	case errors.Is(err, errNoHolder):
		return nil
	case err != nil:
		return err
	}
	// The holder has said all there is to say: exit with its status now.
	// Handing fang an error to end with would have it ask this terminal
	// for its colours first, and the answer would go down the socket with
	// standard input.
	os.Exit(code)
	return nil
}

// joinable: cmd may run through the holder of the file.
func joinable(cmd *cobra.Command) bool {
	return cmd.Name() != "help" && localOnly[topCommand(cmd)] == ""
}

// isCompletion: cmd is cobra's, answering the shell's TAB.
func isCompletion(cmd *cobra.Command) bool {
	return cmd.Name() == cobra.ShellCompRequestCmd || cmd.Name() == cobra.ShellCompNoDescRequestCmd
}

// peer is what this process says of itself to the holder: named, it acts
// as a.as (--as).
func (a *app) peer(named bool, path string) server.Peer {
	p := server.Peer{Identities: identitiesPath()}
	if named {
		p.Name, p.Named = a.as, true
	} else {
		p.Name = rememberedName(path)
	}
	p.Dir, _ = os.Getwd()
	p.StdinTerminal = isTerminalIn(os.Stdin)
	if term.IsTerminal(os.Stdout.Fd()) {
		p.StdoutWidth = terminalWidth(os.Stdout)
		if isStyledTerminal(os.Stdout) {
			p.StdoutColor = colorprofile.Detect(os.Stdout, os.Environ()).String()
		}
	}
	return p
}

// errNoHolder: nothing answered, or the holder was stopping and took
// nothing on: the command opens the file itself.
var errNoHolder = server.ErrNoHolder

// terminalEnv is what a joined app is told of this terminal, beyond its
// type and size: what Bubble Tea reads for colours and the background.
var terminalEnv = []string{"COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM_PROGRAM", "TERM_PROGRAM_VERSION",
	"WT_SESSION", "TMUX", "LANG", "LC_ALL", "LC_CTYPE", "COLORFGBG"}

// join runs args through the holder answering at sock, with this process's
// standard input, output and error (and, for the app, its terminal), and
// says its exit status. errNoHolder: nothing there took it on.
func join(ctx context.Context, sock string, p server.Peer, args []string, app bool) (int, error) {
	c, err := server.DialLocal(ctx, sock, p.Name)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		return 0, errNoHolder // it closed as we arrived
	}
	defer s.Close()
	for k, v := range p.Env() {
		if err := s.Setenv(k, v); err != nil {
			return 0, errNoHolder
		}
	}
	if app {
		code, err := joinApp(s)
		if code == server.ExitStopping && err == nil && !said(s) {
			return 0, errNoHolder
		}
		return code, err
	}
	quoted := make([]string, len(args))
	for i, w := range args {
		quoted[i] = shellQuote(w)
	}
	out, errOut := &counted{w: os.Stdout}, &counted{w: os.Stderr}
	s.Stdout, s.Stderr = out, errOut
	in, err := s.StdinPipe()
	if err != nil {
		return 0, err
	}
	if err := s.Start(strings.Join(quoted, " ")); err != nil {
		return 0, errNoHolder
	}
	// Standard input goes on its own: a command that reads none ends
	// without waiting for it.
	go func() {
		_, _ = io.Copy(in, os.Stdin)
		in.Close()
	}()
	code, err := exitOf(s.Wait())
	// A holder that was stopping turns a command away before it starts,
	// saying nothing: once it has let go, the file is this process's.
	if code == server.ExitStopping && out.n.Load() == 0 && errOut.n.Load() == 0 {
		return 0, errNoHolder
	}
	return code, err
}

// joinApp runs the app through the holder on this terminal: raw, its size
// sent as it changes.
func joinApp(s *gossh.Session) (int, error) {
	for _, k := range terminalEnv {
		if v, ok := os.LookupEnv(k); ok {
			_ = s.Setenv(k, v)
		}
	}
	in, out := os.Stdin.Fd(), os.Stdout.Fd()
	if term.IsTerminal(in) && term.IsTerminal(out) {
		w, h, err := term.GetSize(out)
		if err != nil {
			w, h = 80, 24
		}
		t := os.Getenv("TERM")
		if t == "" {
			t = "xterm-256color"
		}
		if err := s.RequestPty(t, h, w, gossh.TerminalModes{}); err != nil {
			return 0, errNoHolder
		}
		state, err := term.MakeRaw(in)
		if err != nil {
			return 0, fmt.Errorf("cannot put the terminal in raw mode: %w", err)
		}
		defer term.Restore(in, state)
		stop := onResize(func() {
			if nw, nh, err := term.GetSize(out); err == nil && (nw != w || nh != h) {
				w, h = nw, nh
				_ = s.WindowChange(h, w)
			}
		})
		defer stop()
	}
	s.Stdout, s.Stderr = &counted{w: os.Stdout}, &counted{w: os.Stderr}
	stdin, err := s.StdinPipe()
	if err != nil {
		return 0, err
	}
	if err := s.Shell(); err != nil {
		return 0, errNoHolder
	}
	go func() {
		_, _ = io.Copy(stdin, os.Stdin)
		stdin.Close()
	}()
	return exitOf(s.Wait())
}

// exitOf is the exit status a session ended with.
func exitOf(err error) (int, error) {
	var exit *gossh.ExitError
	var missing *gossh.ExitMissingError
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &exit):
		return exit.ExitStatus(), nil
	case errors.As(err, &missing), errors.Is(err, io.EOF):
		return exitError, errors.New("the tasking holding the file went away before this finished (it may have been stopped): run the command again")
	}
	return exitError, err
}

// said: the holder wrote something to the app's terminal.
func said(s *gossh.Session) bool {
	for _, w := range []io.Writer{s.Stdout, s.Stderr} {
		if c, ok := w.(*counted); ok && c.n.Load() > 0 {
			return true
		}
	}
	return false
}

// counted is a writer that counts what passed.
type counted struct {
	w io.Writer
	n atomic.Int64
}

func (c *counted) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}

// withoutFlags is args without the flags named in drop, read as flags
// knows them (a value that looks like a flag, --note --db, is a value,
// and everything after -- is kept as it is), and the values they were
// given (the last, if one was given twice).
func withoutFlags(args []string, flags *pflag.FlagSet, drop ...string) (kept []string, given map[string]string) {
	dropped := map[string]bool{}
	for _, d := range drop {
		dropped[d] = true
	}
	given = map[string]string{}
	takesValue := func(f *pflag.Flag) bool { return f != nil && f.NoOptDefVal == "" }
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(out, args[i:]...), given
		case strings.HasPrefix(a, "--"):
			name, value, hasValue := strings.Cut(a[2:], "=")
			f := flags.Lookup(name)
			next := !hasValue && takesValue(f) && i+1 < len(args)
			if dropped[name] {
				if next {
					i++
					value = args[i]
				}
				given[name] = value
				continue
			}
			out = append(out, a)
			if next {
				i++
				out = append(out, args[i])
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
			// -o FILE, -oFILE, or several switches run together.
			out = append(out, a)
			for j := 1; j < len(a); j++ {
				f := flags.ShorthandLookup(a[j : j+1])
				if f == nil || !takesValue(f) {
					continue
				}
				if j == len(a)-1 && i+1 < len(args) {
					i++
					out = append(out, args[i])
				}
				break
			}
		default:
			out = append(out, a)
		}
	}
	return out, given
}
