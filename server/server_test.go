package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	gossh "golang.org/x/crypto/ssh"
)

// echoRunner stands in for the command tree: it says who ran what, panics
// on "boom" and holds the session open on "wait" until release is closed.
func echoRunner(release <-chan struct{}) CommandRunner {
	return func(_ context.Context, _ store.Record, x Exec) int {
		switch x.Args[0] {
		case "boom":
			panic("a bug in a command")
		case "wait":
			<-release
		case "fail":
			fmt.Fprintln(x.Stderr, "tasking: no such thing")
			return 2
		}
		fmt.Fprintf(x.Stdout, "%s ran %s\n", x.Member.Name, strings.Join(x.Args, " "))
		return 0
	}
}

// echoDescriber stands in for cmd/tasking's describer: the first word is
// the command, the words shaped like refs are refs, and the flags are the
// words that start with --, up to any =.
func echoDescriber(args []string) LoggedCommand {
	c := LoggedCommand{Path: args[0]}
	for _, a := range args[1:] {
		switch {
		case refShape.MatchString(a):
			c.Refs = append(c.Refs, a)
		case strings.HasPrefix(a, "--"):
			name, _, _ := strings.Cut(a, "=")
			c.Flags = append(c.Flags, name)
		}
	}
	return c
}

var refShape = regexp.MustCompile(`^[A-Z]+-[0-9]+$`)

func TestACommandRunsAsTheKeysMember(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	for _, name := range people {
		out, _, code := ts.exec(name, "actions --mine", "")
		if code != 0 || out != name+" ran actions --mine\n" {
			t.Errorf("%s: got %q (exit %d)", name, out, code)
		}
	}
	if _, errOut, code := ts.exec("Gary Fletcher", "fail", ""); code != 2 || !strings.Contains(errOut, "no such thing") {
		t.Errorf("a failing command: exit %d, stderr %q; want its own exit code and message", code, errOut)
	}
	logs := ts.logs.String()
	for _, want := range []string{"session start", "member=\"Sgt Jas Patel\"", "command=actions flags=--mine", "session end"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log does not say %s:\n%s", want, logs)
		}
	}
}

func TestAnUnknownKeyIsToldItsFingerprint(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	stranger := newSigner(t)
	var told string
	_, err := ts.dial(stranger, &told)
	if err == nil {
		t.Fatal("a key nobody holds was let in")
	}
	fp := gossh.FingerprintSHA256(stranger.PublicKey())
	if !strings.Contains(told, fp) || !strings.Contains(told, "Ask the chair") {
		t.Errorf("the refusal should show the key's fingerprint %s and whom to ask; said %q", fp, told)
	}
	// The log names the refused key too, once for the connection.
	waitFor(t, func() bool { return strings.Contains(ts.logs.String(), "connection refused: no known key") })
	if lines := logLinesWith(ts.logs.String(), fp); len(lines) != 1 || !strings.Contains(lines[0], "connection refused: no known key") {
		t.Errorf("the refused key's fingerprint should be logged once, with the refusal:\n%s", ts.logs.String())
	}
}

// logLinesWith are the log's lines that hold s.
func logLinesWith(logs, s string) []string {
	var out []string
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, s) {
			out = append(out, l)
		}
	}
	return out
}

func TestARetiredMembersKeyStopsWorking(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	gary := ts.names["Gary Fletcher"]
	chair := model.ActorFor(ts.names["Helen Marsh"])
	if _, _, code := ts.exec("Gary Fletcher", "actions", ""); code != 0 {
		t.Fatal("Gary could not run a command before retiring")
	}
	open := ts.openApp("Gary Fletcher", 100, 30)
	open.see("Hotspots by risk")
	if _, err := ts.st.RetireMember(chair, gary.ID); err != nil {
		t.Fatal(err)
	}
	// His open app ends, saying why, and his terminal is given back.
	open.see("your access was withdrawn")
	var told string
	if c, err := ts.dial(ts.keys["Gary Fletcher"], &told); err == nil {
		c.Close()
		t.Fatal("a retired member's key still opens a session")
	}
	if !strings.Contains(told, "the key of a member who has retired from the group") || strings.Contains(told, "Gary") {
		t.Errorf("a retired member's key should be refused saying its holder retired, without naming them: %q", told)
	}
}

func TestAPanicEndsOnlyThatSession(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	_, errOut, code := ts.exec("Sgt Jas Patel", "boom", "")
	if code != 1 || !strings.Contains(errOut, "something went wrong on the server") {
		t.Errorf("a panicking session: exit %d, stderr %q", code, errOut)
	}
	if out, _, code := ts.exec("Gary Fletcher", "actions", ""); code != 0 || !strings.Contains(out, "Gary Fletcher ran actions") {
		t.Errorf("after a panic the server should go on serving: exit %d, %q", code, out)
	}
	if !strings.Contains(ts.logs.String(), "session panicked") {
		t.Errorf("the panic was not logged:\n%s", ts.logs.String())
	}
}

func TestTheSessionLimitIsSaid(t *testing.T) {
	release := make(chan struct{})
	ts := startServer(t, Config{MaxSessions: 1}, echoRunner(release))
	held, err := ts.dial(ts.keys["Helen Marsh"], nil)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	first, err := held.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start("wait"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return ts.srv.hub.count() == 1 })
	_, errOut, code := ts.exec("Gary Fletcher", "actions", "")
	if code != ExitFull || !strings.Contains(errOut, "the server is full (1 sessions open") {
		t.Errorf("past the limit: exit %d, %q", code, errOut)
	}
	close(release)
	_ = first.Wait()
	waitFor(t, func() bool { return ts.srv.hub.count() == 0 })
	if _, _, code := ts.exec("Gary Fletcher", "actions", ""); code != 0 {
		t.Error("once a seat is free the next session should get it")
	}
}

// Refused keys are counted per address: past the limit, a stranger's key
// from that address is refused unheard (no fingerprint, no explanation),
// and the log says so, naming the keys — but a member's key from the same
// address still gets in: strangers' failures lock no member out.
func TestFailedAttemptsAreLimitedButNotForMembers(t *testing.T) {
	ts := startServer(t, Config{FailuresPerMinute: 2}, echoRunner(nil))
	for i := 0; i < 5; i++ {
		var told string
		if _, err := ts.dial(newSigner(t), &told); err == nil {
			t.Fatalf("attempt %d: a stranger's key was let in", i+1)
		}
	}
	// The server counts a failure when it sees the connection end, a
	// moment after the client has given up.
	local := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}
	waitFor(t, func() bool { return !ts.srv.fails.allowed(local) })
	stranger := newSigner(t)
	var told string
	if c, err := ts.dial(stranger, &told); err == nil {
		c.Close()
		t.Fatal("past the limit a stranger's key was let in")
	}
	if told != "" {
		t.Errorf("a stranger turned away should hear nothing, heard %q", told)
	}
	waitFor(t, func() bool {
		return strings.Contains(ts.logs.String(), "too many failed attempts") &&
			strings.Contains(ts.logs.String(), gossh.FingerprintSHA256(stranger.PublicKey()))
	})
	for _, name := range []string{"Helen Marsh", "Gary Fletcher"} {
		if out, _, code := ts.exec(name, "actions", ""); code != 0 || !strings.Contains(out, name+" ran actions") {
			t.Errorf("after strangers' failures from the same address, %s's key was refused: exit %d %q", name, code, out)
		}
	}
}

func TestTheAppNeedsATerminal(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	c, err := ts.dial(ts.keys["Gary Fletcher"], nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out, _ := s.CombinedOutput("")
	if !strings.Contains(string(out), "ssh -t") {
		t.Errorf("the app without a terminal should say to use ssh -t, said %q", out)
	}
}

func waitFor(t testing.TB, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A connection that never tries a key (a port probe, a health check) is
// not held against its address.
func TestProbesAreNotFailures(t *testing.T) {
	ts := startServer(t, Config{FailuresPerMinute: 2}, echoRunner(nil))
	for i := 0; i < 5; i++ {
		c, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
	}
	time.Sleep(100 * time.Millisecond) // let the server see them go
	if out, _, code := ts.exec("Helen Marsh", "actions", ""); code != 0 || out == "" {
		t.Errorf("after port probes a member's key was refused: exit %d", code)
	}
}

// The command line is split as a shell would, strictly: an apostrophe
// quoted for both shells arrives intact, and a quote left open is refused
// rather than guessed at.
func TestTheCommandLineIsSplitStrictly(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	out, _, code := ts.exec("Gary Fletcher", `update --note 'It'\''s booked' A-10`, "")
	if code != 0 || out != "Gary Fletcher ran update --note It's booked A-10\n" {
		t.Errorf("an apostrophe quoted for the server: exit %d, %q", code, out)
	}
	_, errOut, code := ts.exec("Gary Fletcher", `update --note It's booked A-10`, "")
	if code != 2 || !strings.Contains(errOut, "a quote in the command is not closed") {
		t.Errorf("an unclosed quote: exit %d, %q", code, errOut)
	}
}

// A connection that never finishes the handshake is closed after the
// handshake timeout, not left holding a socket.
func TestAHandshakeTimesOut(t *testing.T) {
	ts := startServer(t, Config{HandshakeTimeout: 300 * time.Millisecond}, echoRunner(nil))
	c, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, 256)
	for {
		if _, err := c.Read(buf); err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatal("the server kept a silent connection open past its handshake timeout")
			}
			return // closed by the server
		}
	}
}
