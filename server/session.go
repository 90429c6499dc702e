package server

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/tui"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"
)

// Exec is one command line run over SSH, for the member whose key opened
// the session.
type Exec struct {
	Args    []string
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Environ []string
	Member  model.Member
	// SSH is how this person reaches the server ("ssh -p 23234 host"),
	// for messages that suggest a command line.
	SSH string
}

// CommandRunner runs one command line on the server's record and returns
// its exit code. cmd/tasking builds the same command tree as the local
// CLI, per session, so the output and exit codes are the same.
type CommandRunner func(ctx context.Context, rec store.Record, x Exec) int

// handle is every session: who it is (from the key the session was opened
// with), a seat if there is one, then the app, the wall or a command. Its
// log lines say who, from where, which command (as describe allows: never
// the words typed) and how it ended.
func (s *Server) handle(sess ssh.Session) {
	start := time.Now()
	key := sess.PublicKey()
	addr := sess.RemoteAddr().String()
	m, ok := s.keys.member(key)
	if !ok {
		s.log.Info("session refused: key no longer on the list", "addr", addr)
		fmt.Fprintln(sess.Stderr(), "tasking: your key is no longer on the partnership's list: ask the chair")
		_ = sess.Exit(1)
		return
	}
	who := []any{"member", m.Name, "addr", addr}
	// The command line as sent, split into words strictly: a quote left
	// open is refused rather than guessed at (ssh hands over one string).
	args, err := SplitCommand(sess.RawCommand())
	if err != nil {
		s.log.Info("command refused: a quote is not closed", join(who, []any{"exit", 2})...)
		fmt.Fprintf(sess.Stderr(), "tasking: a quote in the command is not closed (%v). ssh drops one level of quotes: put the whole command in double quotes and text in single quotes, e.g. %s \"action update A-12 --note 'Letters sent'\"\n", err, s.cfg.sshCommand())
		_ = sess.Exit(2)
		return
	}
	kind := kindCommand
	switch {
	case len(args) == 0:
		kind = kindApp
	case len(args) == 1 && args[0] == "wall":
		kind = kindWall
	}
	// what is the session as the log may hold it: its kind, and for a
	// command its path, refs and flag names.
	what := []any{"kind", kind}
	if kind == kindCommand {
		what = join(what, s.describe(args).fields())
	}
	st := &seat{member: m, key: gossh.FingerprintSHA256(key), kind: kind, addr: addr, since: start}
	id, ok := s.hub.join(st)
	if !ok {
		s.log.Warn("session refused: full", join(who, what, []any{"max", s.cfg.MaxSessions})...)
		fmt.Fprintf(sess.Stderr(), "tasking: the server is full (%d sessions open, as many as it takes): try again in a few minutes\n", s.cfg.MaxSessions)
		_ = sess.Exit(1)
		return
	}
	defer s.hub.leave(id)
	s.log.Info("session start", join(who, []any{"role", m.Role}, what)...)

	code, why := 0, "ended"
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("session panicked", join(who, what, panicFields(r))...)
			fmt.Fprintln(sess.Stderr(), panicNotice)
			code, why = 1, reasonPanicked
		}
		s.log.Info("session end", join(who, what, []any{"exit", code, "how", why,
			"duration", time.Since(start).Round(time.Millisecond)})...)
		_ = sess.Exit(code)
	}()

	switch kind {
	case kindApp:
		app := tui.New(tui.Config{Store: s.rec, Actor: model.ActorFor(m), Now: s.rec.Now,
			Remote: s.cfg.sshCommand(), Connected: s.hub.present})
		defer app.Close() // finishes the session's queued writes
		code, why = s.runProgram(sess, id, app, kind, join(who, what))
	case kindWall:
		wall := tui.NewWall(s.rec, s.rec.Now)
		defer wall.Close() // its change feed, however the session ends
		code, why = s.runProgram(sess, id, wall, kind, join(who, what))
	default:
		code, why = s.runCommand(sess, id, args, m)
	}
}

// panicNotice is what the person is told when their session panicked.
const panicNotice = "\r\ntasking: something went wrong on the server (it has been logged); your saved work is safe"

// join makes one list of log fields from several, never writing into any
// of them.
func join(parts ...[]any) []any {
	var all []any
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

// sessionFPS is how often a session's screen may be drawn.
const sessionFPS = 20

// runProgram runs a Bubble Tea program on the session's terminal until it
// ends, the person stops typing for the idle timeout, the terminal stops
// reading, the program panics, or the server stops. session is the
// session's fields for the log.
func (s *Server) runProgram(sess ssh.Session, id int, m tea.Model, kind string, session []any) (code int, why string) {
	pty, windows, ok := sess.Pty()
	if !ok {
		fmt.Fprintf(sess.Stderr(), "tasking: this needs a terminal: connect with %s\n", s.again(kind))
		return 1, "no terminal"
	}
	w := newWatch(sess, sess, time.Now())
	// Colours, background and NO_COLOR come from this person's terminal,
	// never from the server's environment.
	env := append(sess.Environ(), "TERM="+pty.Term)
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	// The session's context is the connection's: a client that closes the
	// session but keeps the connection (ssh's ControlMaster) ends only its
	// input. That ends the program.
	w.onEOF = cancel
	if s.swapModel != nil {
		m = s.swapModel(m)
	}
	g := guardModel(m, nil) // what it does when caught is set once end exists
	p := tea.NewProgram(g,
		tea.WithContext(ctx),
		// The process's signals are the server's: a SIGTERM stops the
		// server, which tells each session itself (guard), rather than
		// every program quitting on its own with nothing said.
		tea.WithoutSignalHandler(),
		// A screen over the network is drawn at most 20 times a second:
		// with many people saving at once, 50 ms between frames is not
		// seen, and each frame is a diff of the whole screen.
		tea.WithFPS(sessionFPS),
		tea.WithInput(w), tea.WithOutput(w),
		tea.WithEnvironment(env), tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithWindowSize(pty.Window.Width, pty.Window.Height),
		// ctrl+z would suspend the server's process, not the person's.
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok {
				return nil
			}
			return msg
		}))
	ended := make(chan string, 1)
	// end never blocks its caller (the change feed, the guard, the
	// model's own loop): a program stuck writing to a terminal that
	// stopped reading would never take the Quit; the guard kills that one.
	end := func(reason string) {
		select {
		case ended <- reason:
		default: // already ending
		}
		go p.Quit()
	}
	g.trip.caught = func(r any) {
		s.log.Error("session panicked", join(session, panicFields(r))...)
		end(reasonPanicked)
	}
	s.hub.attach(id, p, end)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case win := <-windows:
				p.Send(tea.WindowSizeMsg{Width: win.Width, Height: win.Height})
			}
		}
	}()
	go s.guard(ctx, sess, w, p, end, kind)
	_, err := p.Run()
	p.Kill()
	cancel()
	select {
	case why = <-ended:
	default:
		why = "ended"
	}
	switch why {
	case reasonIdle:
		fmt.Fprintf(sess, "\r\ntasking: closed after %s without a key press; connect again with %s\r\n",
			s.cfg.IdleTimeout, s.again(kind))
	case reasonStopping:
		fmt.Fprint(sess, "\r\ntasking: the server is stopping; your saved work is safe\r\n")
	case reasonChanged:
		fmt.Fprintf(sess, "\r\ntasking: your membership changed (role, agency, name or what you may read): connect again with %s\r\n", s.again(kind))
	case reasonWithdrawn:
		fmt.Fprint(sess, "\r\ntasking: your access was withdrawn (you have retired from the group, or your key was taken away); ask the chair\r\n")
	case reasonPanicked:
		fmt.Fprint(sess, panicNotice+"\r\n")
		return 1, why
	}
	if err != nil && why == "ended" && ctx.Err() == nil {
		s.log.Warn("program ended with an error", join(session, ErrorFields(err))...)
		return 1, "error"
	}
	return 0, why
}

// Why a program ended, when the server ended it.
const (
	reasonIdle      = "idle"
	reasonStopping  = "server stopping"
	reasonStalled   = "terminal stopped reading"
	reasonWithdrawn = "access withdrawn"
	reasonChanged   = "membership changed"
	reasonPanicked  = "panicked"
)

// again is the command that opens this kind of session again.
func (s *Server) again(kind string) string {
	line := strings.Replace(s.cfg.sshCommand(), "ssh ", "ssh -t ", 1)
	if kind == kindWall {
		line += " wall"
	}
	return line
}

// guard ends a program whose person has gone quiet for the idle timeout
// (not the wall: nobody types on a projector), or whose terminal has
// stopped reading for the stall timeout, or when the server stops.
func (s *Server) guard(ctx context.Context, sess ssh.Session, w *watch, p *tea.Program, end func(string), kind string) {
	idleAfter := s.cfg.IdleTimeout
	if kind == kindWall {
		idleAfter = 1<<63 - 1
	}
	every := min(time.Second, s.cfg.IdleTimeout/4, s.cfg.StallTimeout/4)
	t := time.NewTicker(every)
	defer t.Stop()
	stopping := s.stopping
	for {
		select {
		case <-ctx.Done():
			return
		case <-stopping:
			if kind == kindCommand {
				stopping = nil // a command finishes its write; Shutdown waits for it
				continue
			}
			end(reasonStopping)
			return
		case now := <-t.C:
			switch w.verdict(now, idleAfter, s.cfg.StallTimeout) {
			case stalled:
				s.log.Warn("session dropped: its terminal stopped reading", "addr", sess.RemoteAddr().String(), "for", w.stalledFor(now).Round(time.Second))
				_ = sess.Close() // unblocks the stuck write
				end(reasonStalled)
				if p != nil {
					p.Kill()
				}
				return
			case idle:
				end(reasonIdle)
				return
			}
		}
	}
}

// runCommand runs one command line, guarded as an app is: a command left
// reading standard input nobody sends, or writing to a terminal that stopped
// reading, does not hold its seat for ever.
func (s *Server) runCommand(sess ssh.Session, id int, args []string, m model.Member) (code int, why string) {
	w := newWatch(sess, sess, time.Now())
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	ended := make(chan string, 1)
	end := func(reason string) {
		select {
		case ended <- reason:
		default:
		}
		cancel()
		_ = sess.Close()
	}
	go s.guard(ctx, sess, w, nil, end, kindCommand)
	code = s.run(ctx, s.rec, Exec{Args: args, Stdin: w, Stdout: w, Stderr: sess.Stderr(),
		Environ: sess.Environ(), Member: m, SSH: s.cfg.sshCommand()})
	select {
	case why = <-ended:
		s.log.Warn("command ended by the server", "member", m.Name, "why", why)
	default:
		why = "ended"
	}
	return code, why
}
