package server

import (
	"context"
	"errors"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"github.com/ccsp/tasking/store"
	gossh "golang.org/x/crypto/ssh"
)

// Server serves one record over SSH.
type Server struct {
	cfg  Config
	rec  store.Record
	log  *log.Logger
	run  CommandRunner
	host hostKey
	ssh  *ssh.Server // over the network; nil for NewLocal
	// local answers the local socket (local.go), once ServeLocal is called.
	local *ssh.Server
	// identify says who a local process's app is (SetIdentify).
	identify Identify
	// holder is what holds the file, for the people whose sessions end
	// when it stops ("the server").
	holder string
	hub    *hub
	keys   *keyring
	fails  *failures
	drafts *draftKeeper

	// describer says what of a command line the log may hold.
	describer Describer
	// swapModel is nil but in tests, which put a model that panics in
	// place of the app.
	swapModel func(tea.Model) tea.Model

	stopFeed func()
	stopping chan struct{}
	stopOnce sync.Once

	mu        sync.Mutex
	listeners []net.Listener
	// conns are the live connections' contexts by remote address (arrive).
	conns sync.Map
}

// New prepares a server on rec: it reads (or makes) the host key and checks
// the settings, but does not listen yet. run runs a command line; describe
// says what of one may be logged (without it every command is logged as
// Unknown).
func New(rec store.Record, cfg Config, logger *log.Logger, run CommandRunner, describe Describer) (*Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.HostKeyPath == "" {
		return nil, errors.New("--host-key: no path for the host key")
	}
	host, err := loadHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	return newServer(rec, cfg, logger, run, describe, host, true)
}

// newServer is New and NewLocal: network says whether it answers SSH over
// the network as well as the local socket (ServeLocal).
func newServer(rec store.Record, cfg Config, logger *log.Logger, run CommandRunner, describe Describer, host hostKey, network bool) (*Server, error) {
	cfg = cfg.withDefaults()
	quietBubbleTea()
	drafts, err := openDrafts(cfg.DraftsDir, cfg.DraftKeep, logger, network)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, rec: rec, log: logger, run: run, describer: describe, host: host, hub: newHub(cfg.MaxSessions, cfg.SessionsPerMember),
		keys: newKeyring(rec), fails: newFailures(cfg.FailuresPerMinute), drafts: drafts, stopping: make(chan struct{}), holder: "the server"}
	if network {
		s.ssh, err = wish.NewServer(
			wish.WithAddress(cfg.Listen),
			func(srv *ssh.Server) error {
				srv.HostSigners = []ssh.Signer{host.signer}
				return nil
			},
			wish.WithPublicKeyAuth(s.publicKey),
			wish.WithKeyboardInteractiveAuth(s.refuseUnknown),
			func(srv *ssh.Server) error {
				srv.Handler = s.handle
				srv.HandshakeTimeout = cfg.HandshakeTimeout
				srv.ConnCallback = s.arrive
				srv.ConnectionFailedCallback = s.failed
				srv.ConnectionCloseCallback = s.leave
				srv.Version = "tasking"
				return nil
			},
		)
		if err != nil {
			return nil, err
		}
	}
	s.watchChanges()
	return s, nil
}

// quietBubbleTea keeps the server's log its only log. Bubble Tea reads
// these from the process's environment when each program starts:
// TEA_TRACE writes every byte drawn (every title and note on every screen)
// to a file, and TEA_DEBUG writes a panic's value to one.
func quietBubbleTea() {
	for _, v := range []string{"TEA_TRACE", "TEA_DEBUG"} {
		_ = os.Unsetenv(v)
	}
}

// Fingerprint is the host key's SHA256 fingerprint, for people to check the
// first time their ssh client asks.
func (s *Server) Fingerprint() string { return s.host.fingerprint }

// HostKeyCreated: the host key was made on this start.
func (s *Server) HostKeyCreated() bool { return s.host.created }

// SSHCommand is what a person types to reach the server.
func (s *Server) SSHCommand() string { return s.cfg.sshCommand() }

// Listen opens the configured address.
func (s *Server) Listen() (net.Listener, error) { return net.Listen("tcp", s.cfg.Listen) }

// Serve answers connections on l until Shutdown.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	select {
	case <-s.stopping: // Shutdown came first
		s.mu.Unlock()
		return l.Close()
	default:
	}
	if s.ssh == nil {
		s.mu.Unlock()
		l.Close()
		return errors.New("this server answers only the local socket")
	}
	s.listeners = append(s.listeners, l)
	s.mu.Unlock()
	err := s.ssh.Serve(l)
	select {
	case <-s.stopping:
		return nil // the listener was closed by Shutdown
	default:
	}
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops listening, tells every app and wall the server is
// stopping, and waits for sessions to end (a command finishes its write)
// until ctx is done; then it drops whatever is left. The caller closes the
// record afterwards.
func (s *Server) Shutdown(ctx context.Context) error {
	s.hub.close() // no new sessions
	s.mu.Lock()
	s.stopOnce.Do(func() { close(s.stopping) })
	for _, l := range s.listeners {
		_ = l.Close() // no new connections
	}
	s.mu.Unlock()
	// Apps and walls quit when told; a command runs to its end. A client
	// may keep its connection open after its session ends, so the wait is
	// for sessions, and the connections are closed after.
	var err error
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for s.hub.count() > 0 && err == nil {
		select {
		case <-ctx.Done():
			err = ctx.Err()
		case <-tick.C:
		}
	}
	s.mu.Lock()
	servers := []*ssh.Server{s.ssh, s.local}
	s.mu.Unlock()
	for _, srv := range servers {
		if srv != nil {
			_ = srv.Close()
		}
	}
	// Closing the connections ends what was left; give those handlers a
	// moment to finish (an app's queued saves) before the caller closes
	// the record.
	for end := time.Now().Add(3 * time.Second); s.hub.count() > 0 && time.Now().Before(end); {
		time.Sleep(10 * time.Millisecond)
	}
	if s.stopFeed != nil {
		s.stopFeed()
	}
	return err
}

// arrive notes each connection's context under its remote address (one
// live connection each), so that if it fails the log can name the keys it
// offered: the failure callback is given the connection, not its context.
// leave forgets it (the library calls it after any failure, as the
// connection closes).
func (s *Server) arrive(ctx ssh.Context, conn net.Conn) net.Conn {
	s.conns.Store(conn.RemoteAddr().String(), ctx)
	return conn
}

func (s *Server) leave(conn net.Conn) { s.conns.Delete(conn.RemoteAddr().String()) }

// failed counts a connection that tried keys and was refused, and logs it
// once, with the fingerprints of the keys it offered (not their comments,
// which can be names). One from an address past its failures is logged as
// turned away. One that never got as far as authenticating (a port probe,
// a health check, a dropped network) is logged but not held against its
// address.
func (s *Server) failed(conn net.Conn, err error) {
	addr := conn.RemoteAddr().String()
	var keys []string
	var limited bool
	if v, ok := s.conns.Load(addr); ok {
		ctx := v.(ssh.Context)
		keys, _ = ctx.Value(loggedKey{}).([]string)
		limited, _ = ctx.Value(limitedKey{}).(bool)
	}
	fields := []any{"addr", addr}
	if len(keys) > 0 {
		fields = append(fields, "keys", strings.Join(keys, ","))
	}
	var auth *gossh.ServerAuthError
	switch {
	case errors.As(err, &auth) && len(auth.Errors) > 0 && limited:
		s.fails.failed(conn.RemoteAddr())
		s.log.Warn("connection turned away: too many failed attempts", fields...)
	case errors.As(err, &auth) && len(auth.Errors) > 0:
		s.fails.failed(conn.RemoteAddr())
		s.log.Info("connection refused: no known key", fields...)
	default:
		s.log.Info("connection failed", join(fields, ErrorFields(err))...)
	}
}

// watchChanges keeps the key ring current and ends the sessions of anyone
// whose key stops working (retired, or the key removed).
func (s *Server) watchChanges() {
	feed, stop := s.rec.Subscribe()
	s.stopFeed = stop
	go func() {
		for c := range feed {
			s.keys.changed(c)
			if c.Entity != "member" && c.Entity != "agency" && !c.Missed {
				continue
			}
			if err := s.keys.refresh(); err != nil {
				// Not readable just now: nobody is dropped on a guess.
				s.log.Warn("members could not be read to check open sessions", ErrorFields(err)...)
				continue
			}
			gone := s.hub.drop(func(st *seat) bool {
				if st.local {
					return true
				}
				m, ok := s.keys.byFingerprint(st.key)
				return ok && m.ID == st.member.ID
			}, reasonWithdrawn)
			for _, m := range gone {
				s.log.Info("session closed: key no longer on the list", "member", m.Name)
			}
			// A session acts and reads as the member was when it opened: a
			// new role, agency, name or read right needs a new session.
			changed := s.hub.drop(func(st *seat) bool {
				if st.local {
					return true
				}
				m, ok := s.keys.byFingerprint(st.key)
				return !ok || (m.Role == st.member.Role && m.AgencyID == st.member.AgencyID && m.Name == st.member.Name &&
					m.ReadRight() == st.member.ReadRight())
			}, reasonChanged)
			for _, m := range changed {
				s.log.Info("session closed: membership changed", "member", m.Name)
			}
		}
	}()
}
