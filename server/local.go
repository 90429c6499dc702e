package server

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	gossh "golang.org/x/crypto/ssh"
)

// Local processes join the holder. The process that holds the file (the
// app, or `tasking serve`) also answers a Unix socket beside it, and every
// other tasking of the same user on this machine — a command, a second app
// — runs through it instead of being refused for the file being busy. The
// socket speaks SSH, and its sessions are the server's own (session.go):
// the same hub, change feed, guards, exit statuses and drafts; only who the
// person is comes from elsewhere. Over the network a key says who someone
// is; here the kernel says which user is at the other end (peer.go), and
// that user's process says which member it acts as, exactly as it would
// running alone (--as NAME, or the member remembered for the file): on
// this computer the file's own protection is the boundary.

// SocketPath is where the holder of the database at db answers the other
// tasking processes of its user: db + ".sock" beside the file, or, when
// that path is too long for a socket's address (about 100 bytes), a name
// made from it in a folder of the user's own (0700) in the temporary
// folder.
func SocketPath(db string) string {
	if abs, err := filepath.Abs(db); err == nil {
		db = abs
	}
	// The same file by another name (a link to it, a linked folder on
	// the way) is answered at the same socket.
	if real, err := filepath.EvalSymlinks(db); err == nil {
		db = real
	}
	p := db + ".sock"
	if len(p) <= maxSocketPath {
		return p
	}
	sum := sha256.Sum256([]byte(db))
	return filepath.Join(socketFolder(), hex.EncodeToString(sum[:16])+".sock")
}

// maxSocketPath is the longest socket path used as it is: the address
// holds 104 bytes on macOS and the BSDs and 108 on Linux and Windows,
// each with its terminating zero.
const maxSocketPath = 100

// socketFolder is the private folder for sockets whose own path is too
// long: /tmp/tasking-UID (not $TMPDIR, which differs between a person's
// shells and would leave the two processes looking in different places).
func socketFolder() string {
	if runtime.GOOS == "windows" {
		return filepath.Join(os.TempDir(), "tasking-sockets")
	}
	return "/tmp/tasking-" + strconv.Itoa(os.Getuid())
}

// Peer is what a local process says about itself when it joins: who it
// acts as and where it runs, for the command or app it runs here to behave
// as it would have on its own. It comes as the SSH user (the name) and
// environment requests (the rest: PeerEnv).
type Peer struct {
	// Name is who it acts as: given with --as (Named), or the member
	// remembered for this file on this computer; "" when neither.
	Name  string
	Named bool
	// Dir is its working directory: file names it gives are its.
	Dir string
	// Identities is its file of remembered identities (the app remembers
	// whoever chooses themselves there).
	Identities string
	// StdinTerminal: its standard input is a terminal (a question can be
	// asked there).
	StdinTerminal bool
	// StdoutWidth is the width of its terminal when its standard output is
	// one (0 when it is a pipe or a file), and StdoutColor the colours it
	// shows there ("" for none): a table is laid out for that terminal.
	StdoutWidth int
	StdoutColor string
	// PID is its process, as the kernel says where it can (0 otherwise).
	PID int
}

// The environment requests that carry a Peer.
const (
	envNamed         = "TASKING_JOIN_NAMED"
	envDir           = "TASKING_JOIN_DIR"
	envIdentities    = "TASKING_JOIN_IDENTITIES"
	envStdinTerminal = "TASKING_JOIN_STDIN_TERMINAL"
	envStdoutWidth   = "TASKING_JOIN_STDOUT_WIDTH"
	envStdoutColor   = "TASKING_JOIN_STDOUT_COLOR"
)

// Env is the environment requests that say p (its Name goes as the SSH
// user).
func (p Peer) Env() map[string]string {
	env := map[string]string{envDir: p.Dir, envIdentities: p.Identities}
	if p.Named {
		env[envNamed] = "1"
	}
	if p.StdinTerminal {
		env[envStdinTerminal] = "1"
	}
	if p.StdoutWidth > 0 {
		env[envStdoutWidth] = strconv.Itoa(p.StdoutWidth)
		env[envStdoutColor] = p.StdoutColor
	}
	return env
}

// peerOf is the Peer of a session through the local socket; ok is false
// for a session over the network.
func peerOf(sess ssh.Session) (p Peer, ok bool) {
	cred, ok := sess.Context().Value(localKey{}).(peerCred)
	if !ok {
		return Peer{}, false
	}
	p.Name, p.PID = sess.User(), cred.pid
	for _, kv := range sess.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case envNamed:
			p.Named = v == "1"
		case envDir:
			p.Dir = v
		case envIdentities:
			p.Identities = v
		case envStdinTerminal:
			p.StdinTerminal = v == "1"
		case envStdoutWidth:
			p.StdoutWidth, _ = strconv.Atoi(v)
		case envStdoutColor:
			p.StdoutColor = v
		}
	}
	return p, true
}

// localKey marks a connection through the local socket, holding its
// peer's credentials.
type localKey struct{}

// isLocal: the session came through the local socket.
func isLocal(sess ssh.Session) bool {
	_, ok := sess.Context().Value(localKey{}).(peerCred)
	return ok
}

// Identity is who a local process's app acts as: Known is false when it
// named nobody and nobody is remembered (the app then asks), and Remember
// records whoever chooses themselves.
type Identity struct {
	Member   model.Member
	Known    bool
	Remember func(model.Member) error
}

// Identify says who a local process's app acts as, as the app running on
// its own would decide (cmd/tasking: --as, else the remembered member); an
// error (a name that is no member) is said to the person as it is.
type Identify func(rec store.Record, p Peer) (Identity, error)

// SetIdentify is how the server learns who a local process's app is.
// Without it a local app is refused.
func (s *Server) SetIdentify(f Identify) { s.identify = f }

// NewLocal prepares a server that answers only the local socket: the app
// holds the file while it is open, and the other tasking processes of its
// user join it. Its host key is made afresh (the socket, not the key, is
// what a joining process trusts), nothing is logged unless logger says
// where, and a draft folder is made beside the file only when a draft is
// kept.
func NewLocal(rec store.Record, cfg Config, logger *log.Logger, run CommandRunner, describe Describer) (*Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, err
	}
	return newServer(rec, cfg, logger, run, describe, hostKey{signer: signer}, false)
}

// Holder says, for the people whose sessions end when it stops, what holds
// the file: "the server" (the default), or "the app holding the file".
func (s *Server) SetHolder(what string) { s.holder = what }

// ListenLocal listens on the socket at path for the processes of this
// user: a socket left there by a holder that has gone (killed, or its
// machine restarted) is removed first; the socket is made 0600; a
// connection from another user is closed unheard (peer.go). The caller
// holds the database, so nothing else should answer there: a socket that
// does is left alone and refused, as is anything at path that is not a
// socket.
func ListenLocal(path string) (net.Listener, error) {
	if dir := filepath.Dir(path); dir == socketFolder() {
		if err := privateFolder(dir); err != nil {
			return nil, err
		}
	}
	if err := removeStale(path); err != nil {
		return nil, err
	}
	l, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil && runtime.GOOS != "windows" {
		l.Close()
		return nil, fmt.Errorf("cannot make %s private: %w", path, err)
	}
	return &peerListener{Listener: l}, nil
}

// removeStale removes a socket at path that nothing answers.
func removeStale(path string) error {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !isSocket(st):
		return fmt.Errorf("%s is in the way: it is not a socket, so it was left alone (move it away)", path)
	}
	if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
		c.Close()
		return fmt.Errorf("another process already answers at %s", path)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot remove the socket %s left by a process that has gone: %w", path, err)
	}
	return nil
}

// privateFolder makes dir (0700) if need be, and refuses one that is not a
// folder of this user's that only they may enter.
func privateFolder(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	st, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() || !ownedByMe(st) || (runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0) {
		return fmt.Errorf("%s is not a folder only you may enter: move it away", dir)
	}
	return nil
}

// ServeLocal answers the local processes of this user on l (ListenLocal)
// until Shutdown: the server's own sessions, with who they are from the
// process rather than a key.
func (s *Server) ServeLocal(l net.Listener) error {
	s.mu.Lock()
	select {
	case <-s.stopping:
		s.mu.Unlock()
		return l.Close()
	default:
	}
	if s.local == nil {
		s.local = &ssh.Server{
			Handler:          s.handle,
			HostSigners:      []ssh.Signer{s.host.signer},
			HandshakeTimeout: s.cfg.HandshakeTimeout,
			Version:          "tasking",
			// No authentication in SSH: the kernel has said who is at the
			// other end before the first byte (peerListener).
			ConnCallback: func(ctx ssh.Context, conn net.Conn) net.Conn {
				pc, ok := conn.(*peerConn)
				if !ok {
					return nil
				}
				ctx.SetValue(localKey{}, pc.cred)
				return conn
			},
		}
	}
	srv := s.local
	if pl, ok := l.(*peerListener); ok {
		pl.refused = func(cred peerCred, err error) {
			s.log.Warn("local connection refused: not this user's process", join([]any{"uid", cred.uid, "pid", cred.pid}, ErrorFields(err))...)
		}
	}
	s.listeners = append(s.listeners, l)
	s.mu.Unlock()
	err := srv.Serve(l)
	select {
	case <-s.stopping:
		return nil
	default:
	}
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// ErrNoHolder: nothing answers at the socket (no process holds the file,
// or the one that did has gone and left its socket behind).
var ErrNoHolder = errors.New("no tasking process answers there")

// DialLocal joins the holder answering at the socket path, as name (""
// when the process names nobody): ErrNoHolder when nothing answers, so the
// caller opens the file itself. The socket must be answered by a process
// of this same user.
func DialLocal(ctx context.Context, path, name string) (*gossh.Client, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		// Nothing listens (ECONNREFUSED; on Windows WSAECONNREFUSED), the
		// socket has just gone, or it is not ours to open: whatever the
		// file's own opening then says is the truth of it.
		return nil, ErrNoHolder
	}
	if _, err := checkPeer(conn); err != nil {
		conn.Close()
		return nil, fmt.Errorf("%s: %w: not joining it", path, err)
	}
	// A holder that has stopped answering (suspended, or stuck) does not
	// hold the joining process for ever.
	_ = conn.SetDeadline(time.Now().Add(joinTimeout))
	c, chans, reqs, err := gossh.NewClientConn(conn, path, &gossh.ClientConfig{
		User: name,
		// The socket is this user's, answered by this user's process: the
		// host key it shows (made when it started) proves nothing more.
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		conn.Close()
		var netErr net.Error
		if errors.As(err, &netErr) && netErr.Timeout() {
			return nil, fmt.Errorf("the tasking holding the file (at %s) did not answer within %s: is it stopped? (ctrl+z, or a debugger)", path, joinTimeout)
		}
		return nil, ErrNoHolder // it was closing as we arrived
	}
	_ = conn.SetDeadline(time.Time{})
	return gossh.NewClient(c, chans, reqs), nil
}

// joinTimeout bounds the handshake with the holder: on one machine it
// takes a millisecond or two.
var joinTimeout = 10 * time.Second
