package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
	gossh "golang.org/x/crypto/ssh"
)

// today pins the clock: no test here depends on the calendar.
var today = model.NewDate(2026, 11, 24)

// people are the demo members given keys, by the names the tests use.
var people = []string{"Helen Marsh", "Sgt Jas Patel", "Gary Fletcher"}

// testServer is a server on 127.0.0.1 with the small demo partnership,
// each of people holding a fresh ed25519 key.
type testServer struct {
	t     testing.TB
	srv   *Server
	st    *bolt.File
	addr  string
	keys  map[string]gossh.Signer
	logs  *syncBuffer
	names map[string]model.Member
	// what serve starts a server with
	cfg      Config
	run      CommandRunner
	describe Describer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorized(s gossh.Signer) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey())))
}

func startServer(t testing.TB, cfg Config, run CommandRunner) *testServer {
	t.Helper()
	return startDescribed(t, cfg, run, echoDescriber)
}

// startDescribed is startServer with describe saying what of a command
// line is logged, and each of before applied to the server before it
// serves.
func startDescribed(t testing.TB, cfg Config, run CommandRunner, describe Describer, before ...func(*Server)) *testServer {
	t.Helper()
	d, err := demo.Build(today, demo.Small, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{t: t, keys: map[string]gossh.Signer{}, logs: &syncBuffer{}, names: map[string]model.Member{}}
	for i := range d.Members {
		for _, name := range people {
			if d.Members[i].Name == name {
				s := newSigner(t)
				ts.keys[name] = s
				d.Members[i].SSHKeys = []string{authorized(s)}
			}
		}
	}
	for _, name := range people {
		if ts.keys[name] == nil {
			t.Fatalf("the demo has no %s", name)
		}
	}
	dir := t.TempDir()
	clock := func() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }
	st, err := bolt.Open(filepath.Join(dir, "t.db"), bolt.Options{Now: clock, Mode: "serve"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Seed(model.SystemActor("demo"), d); err != nil {
		t.Fatal(err)
	}
	members, _ := st.Members()
	for _, m := range members {
		ts.names[m.Name] = m
	}
	cfg.Listen = "127.0.0.1:0"
	cfg.HostKeyPath = filepath.Join(dir, "host-key")
	ts.st, ts.cfg, ts.run, ts.describe = st, cfg, run, describe
	t.Cleanup(func() { st.Close() }) // after every server's Shutdown
	ts.serve(before...)
	return ts
}

// serve starts a server on the fixture's record, as configured.
func (ts *testServer) serve(before ...func(*Server)) {
	t := ts.t
	t.Helper()
	srv, err := New(ts.st, ts.cfg, log.New(ts.logs), ts.run, ts.describe)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.srv, ts.addr = srv, l.Addr().String()
	for _, f := range before {
		f(srv)
	}
	go srv.Serve(l)
	t.Cleanup(func() { _ = srv.Shutdown(contextWithTimeout(t, 5*time.Second)) })
}

// restart stops the server as SIGTERM does and starts another on the same
// record, host key and settings.
func (ts *testServer) restart() {
	ts.t.Helper()
	if err := ts.srv.Shutdown(contextWithTimeout(ts.t, 5*time.Second)); err != nil {
		ts.t.Fatal(err)
	}
	ts.serve()
}

// dial connects as the holder of signer, answering a keyboard-interactive
// step by keeping what the server said in told.
func (ts *testServer) dial(signer gossh.Signer, told *string) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{
		User:            "anyone",
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
		Auth: []gossh.AuthMethod{
			gossh.PublicKeys(signer),
			gossh.KeyboardInteractive(func(name, instruction string, questions []string, echos []bool) ([]string, error) {
				if told != nil {
					*told += instruction
				}
				return nil, nil
			}),
		},
	}
	return gossh.Dial("tcp", ts.addr, cfg)
}

// exec runs one command line as name and returns its output and exit code.
func (ts *testServer) exec(name, line string, stdin string) (stdout, stderr string, code int) {
	ts.t.Helper()
	c, err := ts.dial(ts.keys[name], nil)
	if err != nil {
		ts.t.Fatalf("%s cannot connect: %v", name, err)
	}
	defer c.Close()
	return execOn(ts.t, c, line, stdin)
}

func execOn(t testing.TB, c *gossh.Client, line, stdin string) (string, string, int) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out, errb bytes.Buffer
	s.Stdout, s.Stderr = &out, &errb
	s.Stdin = strings.NewReader(stdin)
	err = s.Run(line)
	code := 0
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitStatus()
	case err != nil && !errors.Is(err, io.EOF):
		t.Fatalf("%q: %v", line, err)
	}
	return out.String(), errb.String(), code
}

func contextWithTimeout(t testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func actionsOf(agency model.ID) model.ActionFilter {
	return model.ActionFilter{AgencyID: agency, OpenOnly: true}
}

func actorOf(m model.Member) model.Actor { return model.ActorFor(m) }
