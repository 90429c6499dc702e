package server

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/ccsp/tasking/model"
)

// again says how to open this kind of session again: "connect again with
// ssh -t …", or for a local process "run tasking again" (in a terminal).
func (s *Server) again(sess ssh.Session, kind string) string {
	if isLocal(sess) {
		return "run tasking again in a terminal"
	}
	line := strings.Replace(s.cfg.sshCommand(), "ssh ", "ssh -t ", 1)
	if kind == kindWall {
		line += " wall"
	}
	return "connect again with " + line
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
				end(reasonStalled)
				// The exit status goes as a request, which no window holds
				// up; closing the session after it unblocks the stuck write.
				exitNow(sess, ExitStalled)
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
func (s *Server) runCommand(sess ssh.Session, id int, args []string, m model.Member, local *Peer) (code int, why string) {
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
		// Closing the session unblocks a command stuck reading or writing;
		// its exit status goes first.
		if status, ok := exitStatus(reason); ok && reason != reasonStalled {
			exitNow(sess, status)
		}
	}
	go s.guard(ctx, sess, w, nil, end, kindCommand)
	_, _, onTerminal := sess.Pty()
	x := Exec{Args: args, Stdin: w, Stdout: w, Stderr: sess.Stderr(),
		Environ: sess.Environ(), Member: m, SSH: s.cfg.sshCommand(), MaxInput: s.cfg.MaxInput, Terminal: onTerminal, Local: local}
	if local != nil {
		x.Member = model.Member{} // the process says who it is (x.Local)
	}
	code = s.run(ctx, s.rec, x)
	select {
	case why = <-ended:
		s.log.Warn("command ended by the server", "member", m.Name, "why", why)
		code, _ = exitStatus(why)
	default:
		why = "ended"
	}
	return code, why
}
