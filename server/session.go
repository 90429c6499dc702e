package server

import (
	"context"
	"fmt"
	"io"
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
	// MaxInput is the most a command may read of a file sent on standard
	// input (Config.MaxInput).
	MaxInput int
	// Terminal: the session asked for a terminal (ssh -t), so what the
	// command writes is drawn on a screen, not saved to a file.
	Terminal bool
	// Local is set when the command comes from a process of this machine's
	// user through the local socket (local.go): it runs as it would have
	// on its own, as whoever that process says it is; Member is then empty.
	Local *Peer
}

// CommandRunner runs one command line on the server's record and returns
// its exit code. cmd/tasking builds the same command tree as the local
// CLI, per session, so the output and exit codes are the same.
type CommandRunner func(ctx context.Context, rec store.Record, x Exec) int

// handle is every session: who it is (from the key the session was opened
// with), a seat if there is one, then the app, the wall or a command. Its
// log lines say who, from where, which command (as describe allows: never
// the words typed) and how it ended. A session the server ends or refuses
// exits with a status of its own (ending.go).
func (s *Server) handle(sess ssh.Session) {
	start := time.Now()
	addr := sess.RemoteAddr().String()
	peer, local := peerOf(sess)
	var m model.Member
	var fingerprint string
	if local {
		// Who a local process is, is for the command or the app to decide
		// as it would on its own (the runner; Identify): the log has the
		// name it gave.
		m.Name = peer.Name
	} else {
		key := sess.PublicKey()
		var ok bool
		if m, ok = s.keys.member(key); !ok {
			s.log.Info("session refused: key no longer on the list", "addr", addr, "exit", ExitWithdrawn)
			fmt.Fprintln(sess.Stderr(), "tasking: your key is no longer on the partnership's list: ask the chair")
			_ = sess.Exit(ExitWithdrawn)
			return
		}
		fingerprint = gossh.FingerprintSHA256(key)
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
	case len(args) == 1 && args[0] == "wall" && !local:
		kind = kindWall
	}
	// what is the session as the log may hold it: its kind, and for a
	// command its path, refs and flag names.
	what := []any{"kind", kind}
	if kind == kindCommand {
		what = join(what, s.describe(args).fields())
	}
	// A local app is its person as the app on its own would have them
	// (--as, or who is remembered), said before it takes a seat.
	var id Identity
	if local && kind == kindApp {
		if s.identify == nil {
			fmt.Fprintln(sess.Stderr(), "tasking: this tasking does not take a second app")
			_ = sess.Exit(1)
			return
		}
		if id, err = s.identify(s.rec, peer); err != nil {
			s.log.Info("session refused: no such member", join(who, what, []any{"exit", 1})...)
			fmt.Fprintln(sess.Stderr(), "tasking: "+model.CleanLine(err.Error()))
			_ = sess.Exit(1)
			return
		}
		if id.Known {
			m = id.Member
			who = []any{"member", m.Name, "addr", addr}
		}
	}
	st := &seat{member: m, key: fingerprint, local: local, kind: kind, addr: addr, since: start}
	if local && !id.Known {
		st.member = model.Member{} // nobody yet: not anyone's seat, and present as nobody
	}
	seatID, refused := s.hub.join(st)
	if refused != "" {
		s.refuse(sess, refused, join(who, what))
		return
	}
	defer s.hub.leave(seatID)
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
		cfg := tui.Config{Store: s.rec, Actor: model.ActorFor(m), Now: s.rec.Now,
			Remote: s.cfg.sshCommand(), Connected: s.hub.present}
		if local {
			// The app as it runs on its own: exports written where the
			// person asks, whoever chooses themselves remembered.
			cfg.Remote, cfg.Remember, cfg.Dir = "", id.Remember, peer.Dir
			if !id.Known {
				cfg.Actor = model.Actor{}
			}
			// Whoever then chooses themselves is present as them, to the
			// others as to the holder.
			cfg.Became = func(m model.Member) { s.hub.become(seatID, m) }
		}
		known := !local || id.Known
		if known {
			s.drafts.offer(&cfg, m, join(who, what))
		}
		app := tui.New(cfg)
		defer app.Close() // finishes the session's queued writes
		code, why = s.runProgram(sess, seatID, app, kind, join(who, what), func(why string) string {
			if !known {
				return ""
			}
			return s.drafts.keep(m, app, why, join(who, what))
		})
	case kindWall:
		wall := tui.NewWall(s.rec, s.rec.Now)
		defer wall.Close() // its change feed, however the session ends
		code, why = s.runProgram(sess, seatID, wall, kind, join(who, what), nil)
	default:
		var p *Peer
		if local {
			p = &peer
		}
		code, why = s.runCommand(sess, seatID, args, m, p)
	}
}

// refuse turns a session away without a seat, saying why in a sentence
// and with the reason's exit status.
func (s *Server) refuse(sess ssh.Session, reason string, session []any) {
	status, _ := exitStatus(reason)
	switch reason {
	case reasonMemberFull:
		s.log.Warn("session refused: the member's sessions are full", join(session, []any{"max", s.cfg.SessionsPerMember, "exit", status})...)
		fmt.Fprintf(sess.Stderr(), "tasking: you already have %d sessions open, as many as one member may: close one (quit the app, or let a command finish) and connect again\n", s.cfg.SessionsPerMember)
	case reasonStopping:
		s.log.Info("session refused: the server is stopping", join(session, []any{"exit", status})...)
		if !isLocal(sess) {
			// A local process says nothing of it: it opens the file itself
			// once the holder has let go (cmd/tasking).
			fmt.Fprintln(sess.Stderr(), "tasking: the server is stopping: connect again in a minute")
		}
	default:
		s.log.Warn("session refused: full", join(session, []any{"max", s.cfg.MaxSessions, "exit", status})...)
		fmt.Fprintf(sess.Stderr(), "tasking: the server is full (%d sessions open, as many as it takes): try again in a few minutes\n", s.cfg.MaxSessions)
	}
	_ = sess.Exit(status)
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

// runProgram runs a Bubble Tea program on the session's terminal until it
// ends, the person stops typing for the idle timeout, the terminal stops
// reading, the program panics, or the server stops. session is the
// session's fields for the log; ended, if set, is told why the program
// ended before the person is, and may add a sentence for them (a kept
// draft).
func (s *Server) runProgram(sess ssh.Session, id int, m tea.Model, kind string, session []any, ended func(why string) string) (code int, why string) {
	pty, windows, ok := sess.Pty()
	if !ok {
		fmt.Fprintf(sess.Stderr(), "tasking: this needs a terminal: %s\n", s.again(sess, kind))
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
	// The screen is as big as the terminal says, up to the cap: memory per
	// session is bounded whatever the client claims.
	width, height := s.cfg.window(pty.Window.Width, pty.Window.Height)
	if width != pty.Window.Width || height != pty.Window.Height {
		s.log.Info("window capped", join(session, []any{"claimed", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height),
			"cap", fmt.Sprintf("%dx%d", width, height)})...)
	}
	g := guardModel(m, nil) // what it does when caught is set once end exists
	p := tea.NewProgram(pace(g, time.Second/sessionDraws),
		tea.WithContext(ctx),
		// The process's signals are the server's: a SIGTERM stops the
		// server, which tells each session itself (guard), rather than
		// every program quitting on its own with nothing said.
		tea.WithoutSignalHandler(),
		// A screen over the network is drawn at most sessionDraws times a
		// second (paced.go), and what is drawn sent at most sessionFPS
		// times (limits.go).
		tea.WithFPS(sessionFPS),
		tea.WithInput(w), tea.WithOutput(w),
		tea.WithEnvironment(env), tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithWindowSize(width, height),
		// ctrl+z would suspend the server's process, not the person's.
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok {
				return nil
			}
			return msg
		}))
	reasons := make(chan string, 1)
	// end never blocks its caller (the change feed, the guard, the
	// model's own loop): a program stuck writing to a terminal that
	// stopped reading would never take the Quit; the guard kills that one.
	end := func(reason string) {
		select {
		case reasons <- reason:
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
				w, h := s.cfg.window(win.Width, win.Height)
				p.Send(tea.WindowSizeMsg{Width: w, Height: h})
			}
		}
	}()
	go s.guard(ctx, sess, w, p, end, kind)
	_, err := p.Run()
	p.Kill()
	cancel()
	select {
	case why = <-reasons:
	default:
		why = "ended"
	}
	var note string
	if ended != nil {
		note = ended(why)
	}
	switch why {
	case reasonIdle:
		fmt.Fprintf(sess, "\r\ntasking: closed after %s without a key press; %s\r\n",
			s.cfg.IdleTimeout, s.again(sess, kind))
	case reasonStopping:
		if isLocal(sess) {
			fmt.Fprintf(sess, "\r\ntasking: %s has closed; your saved work is safe: %s\r\n", s.holder, s.again(sess, kind))
			break
		}
		fmt.Fprint(sess, "\r\ntasking: the server is stopping; your saved work is safe\r\n")
	case reasonChanged:
		fmt.Fprintf(sess, "\r\ntasking: your membership changed (role, agency, name or what you may read): %s\r\n", s.again(sess, kind))
	case reasonWithdrawn:
		fmt.Fprint(sess, "\r\ntasking: your access was withdrawn (you have retired from the group, or your key was taken away); ask the chair\r\n")
	case reasonPanicked:
		fmt.Fprint(sess, panicNotice+"\r\n")
	}
	if note != "" {
		fmt.Fprint(sess, "tasking: "+note+"\r\n")
	}
	if status, ok := exitStatus(why); ok {
		return status, why
	}
	if err != nil && ctx.Err() == nil {
		s.log.Warn("program ended with an error", join(session, ErrorFields(err))...)
		return 1, "error"
	}
	return 0, why
}
