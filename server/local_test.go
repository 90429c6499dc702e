package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccsp/tasking/store"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// The socket is beside the file, or, where that path would be too long
// for a socket's address, in the user's own folder under a name made from
// the file's path: the same for every process that asks.
func TestSocketPathIsBesideTheFileOrShort(t *testing.T) {
	if got := SocketPath("/srv/tasking/tasking.db"); got != "/srv/tasking/tasking.db.sock" {
		t.Errorf("SocketPath = %q; want it beside the file", got)
	}
	long := "/home/someone/" + strings.Repeat("Community Safety Partnership/", 4) + "tasking.db"
	got := SocketPath(long)
	if len(got) > maxSocketPath || filepath.Dir(got) != socketFolder() || !strings.HasSuffix(got, ".sock") {
		t.Errorf("SocketPath(%d bytes) = %q; want a short path in %s", len(long), got, socketFolder())
	}
	if SocketPath(long) != got || SocketPath(long+"x") == got {
		t.Error("SocketPath should be the same for the same file, and differ for another")
	}
	// The same file by another name (a link) is answered at one socket.
	dir := t.TempDir()
	real := filepath.Join(dir, "tasking.db")
	if err := os.WriteFile(real, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here")
	}
	if SocketPath(link) != SocketPath(real) {
		t.Errorf("a link to the file has socket %s; the file %s", SocketPath(link), SocketPath(real))
	}
}

// socketIn is a socket path short enough for any system, in a folder of
// the test's own.
func socketIn(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sock")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "t.db.sock")
}

// deadHolder leaves a socket at path as a holder that was killed does:
// nothing answers it, and nobody removed it.
func deadHolder(t *testing.T, path string) {
	t.Helper()
	l, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	l.(*net.UnixListener).SetUnlinkOnClose(false)
	l.Close()
	if _, err := os.Lstat(path); err != nil {
		t.Fatalf("the dead holder's socket should be left behind: %v", err)
	}
}

// A holder that was killed leaves its socket: nothing answers it, a
// joining process is told there is no holder (and opens the file itself),
// and the next holder removes it and listens there, 0600.
func TestAStaleSocketIsRemoved(t *testing.T) {
	path := socketIn(t)
	deadHolder(t, path)
	if _, err := DialLocal(context.Background(), path, "Gary Fletcher"); !errors.Is(err, ErrNoHolder) {
		t.Fatalf("joining at a dead holder's socket: %v; want ErrNoHolder", err)
	}
	if _, err := DialLocal(context.Background(), path+".none", "Gary Fletcher"); !errors.Is(err, ErrNoHolder) {
		t.Fatalf("joining where there is no socket: %v; want ErrNoHolder", err)
	}
	l, err := ListenLocal(path)
	if err != nil {
		t.Fatalf("the next holder could not listen: %v", err)
	}
	defer l.Close()
	st, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("the socket is %04o; want 0600", st.Mode().Perm())
	}
	go func() {
		if c, err := l.Accept(); err == nil {
			c.Close()
		}
	}()
	c, err := net.Dial("unix", path)
	if err != nil {
		t.Fatalf("the new socket does not answer: %v", err)
	}
	c.Close()
	l.Close()
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("closing the listener should take its socket away: %v", err)
	}
}

// A socket something still answers, and anything that is not a socket, is
// left alone.
func TestALiveSocketOrAFileIsLeftAlone(t *testing.T) {
	path := socketIn(t)
	live, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	go func() {
		for {
			c, err := live.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	if _, err := ListenLocal(path); err == nil || !strings.Contains(err.Error(), "already answers") {
		t.Errorf("listening over a live socket: %v; want a refusal", err)
	}
	file := socketIn(t)
	if err := os.WriteFile(file, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ListenLocal(file); err == nil || !strings.Contains(err.Error(), "not a socket") {
		t.Errorf("listening over a file: %v; want a refusal", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "mine" {
		t.Error("the file in the way was changed")
	}
}

// Only this user's processes are answered: the kernel says who connected,
// and anyone else's connection is closed unheard (and logged); a joining
// process, likewise, refuses a socket another user's process answers.
func TestOnlyThisUsersProcessesAreAnswered(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "freebsd" {
		t.Skip("this system does not say who is at the other end of a socket: the socket's ACL is the guard")
	}
	path := socketIn(t)
	l, err := ListenLocal(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var refusals []string
	var mu sync.Mutex
	l.(*peerListener).refused = func(c peerCred, err error) {
		mu.Lock()
		defer mu.Unlock()
		refusals = append(refusals, fmt.Sprintf("uid %d pid %d: %v", c.uid, c.pid, err))
	}
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := l.Accept()
		if err == nil {
			accepted <- c
		}
	}()

	// Ourselves: accepted, and named by our own pid.
	c, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got := <-accepted
	pc := got.(*peerConn)
	if pc.cred.uid != os.Getuid() || !pc.cred.checked {
		t.Errorf("the peer is %+v; want uid %d, checked", pc.cred, os.Getuid())
	}
	if runtime.GOOS == "linux" && got.RemoteAddr().String() != fmt.Sprintf("local pid %d", os.Getpid()) {
		t.Errorf("the connection is from %q; want this process", got.RemoteAddr())
	}
	got.Close()

	// Another user (stood in for by changing whom we are).
	me := os.Getuid()
	standInUser.Store(int64(me + 1 + 1))
	defer standInUser.Store(0)
	go func() {
		c, err := l.Accept()
		if err == nil {
			accepted <- c
		}
	}()
	other, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetReadDeadline(time.Now().Add(5 * time.Second))
	if n, err := other.Read(make([]byte, 1)); n != 0 || err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("another user's connection should be closed unheard: read %d, %v", n, err)
	}
	mu.Lock()
	if len(refusals) != 1 || !strings.Contains(refusals[0], fmt.Sprintf("uid %d", me)) || !strings.Contains(refusals[0], "another user's process") {
		t.Errorf("the refusal should be told once, with the uid: %q", refusals)
	}
	mu.Unlock()
	select {
	case c := <-accepted:
		t.Errorf("another user's connection was accepted: %v", c.RemoteAddr())
	default:
	}
	// And the joining side refuses a socket answered by someone else.
	if _, err := DialLocal(context.Background(), path, "x"); err == nil || !strings.Contains(err.Error(), "another user's process") {
		t.Errorf("joining another user's socket: %v; want a refusal", err)
	}
}

// localServer is the fixture's server answering a local socket too, with
// local apps identified by name as cmd/tasking does.
func (ts *testServer) serveLocal() string {
	ts.t.Helper()
	path := filepath.Join(filepath.Dir(ts.st.Path()), "t.db.sock")
	if len(path) > maxSocketPath {
		path = socketIn(ts.t.(*testing.T))
	}
	l, err := ListenLocal(path)
	if err != nil {
		ts.t.Fatal(err)
	}
	ts.srv.SetIdentify(func(rec store.Record, p Peer) (Identity, error) {
		if p.Name == "" {
			return Identity{}, nil
		}
		m, ok := ts.names[p.Name]
		if !ok {
			if p.Named {
				return Identity{}, fmt.Errorf("--as: no member is called %q", p.Name)
			}
			return Identity{}, nil
		}
		return Identity{Member: m, Known: true}, nil
	})
	go ts.srv.ServeLocal(l)
	return path
}

// joinLocal runs line through the local socket as a process that says it
// is name, and returns what the runner saw.
func joinLocal(t *testing.T, path string, p Peer, line string) (stdout, stderr string, code int) {
	t.Helper()
	c, err := DialLocal(context.Background(), path, p.Name)
	if err != nil {
		t.Fatalf("joining: %v", err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for k, v := range p.Env() {
		if err := s.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	s.Stdout, s.Stderr = &out, &errb
	err = s.Run(line)
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitStatus()
	case err != nil && !errors.Is(err, io.EOF):
		t.Fatalf("%q: %v", line, err)
	}
	return out.String(), errb.String(), code
}

// A local process's command runs as it says it is, with no key, given to
// the runner as a local one: its name, whether --as gave it, its folder
// and its terminal. Its sessions count against no member's limit.
func TestALocalCommandRunsAsThePeerSays(t *testing.T) {
	release := make(chan struct{})
	var mu sync.Mutex
	var seen []Exec
	runner := func(ctx context.Context, rec store.Record, x Exec) int {
		mu.Lock()
		seen = append(seen, x)
		mu.Unlock()
		if x.Args[0] == "wait" {
			<-release
		}
		if x.Local == nil {
			fmt.Fprintln(x.Stdout, "not local")
			return 1
		}
		fmt.Fprintf(x.Stdout, "%s (named %v) in %s ran %s\n", x.Local.Name, x.Local.Named, x.Local.Dir, strings.Join(x.Args, " "))
		return 0
	}
	ts := startServer(t, Config{SessionsPerMember: 2}, runner)
	path := ts.serveLocal()

	p := Peer{Name: "Gary Fletcher", Named: true, Dir: "/home/gary/work", Identities: "/home/gary/.config/tasking/identity.json",
		StdinTerminal: true, StdoutWidth: 132, StdoutColor: "TrueColor"}
	out, errOut, code := joinLocal(t, path, p, "action update A-1 --note 'Letters sent'")
	if code != 0 || out != "Gary Fletcher (named true) in /home/gary/work ran action update A-1 --note Letters sent\n" {
		t.Fatalf("a local command: exit %d, %q %q", code, out, errOut)
	}
	mu.Lock()
	x := seen[0]
	mu.Unlock()
	if got := *x.Local; got.Identities != p.Identities || !got.StdinTerminal || got.StdoutWidth != 132 || got.StdoutColor != "TrueColor" ||
		(runtime.GOOS == "linux" && got.PID != os.Getpid()) {
		t.Errorf("the runner was told %+v; want %+v (pid %d)", got, p, os.Getpid())
	}
	if x.Member.ID != 0 {
		t.Errorf("a local command's Member should be empty (the process says who it is): %+v", x.Member)
	}

	// Past a member's session limit, the machine's own user still gets in.
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, errOut, code := joinLocal(t, path, p, "wait"); code != 0 {
				t.Errorf("a local command past the member's limit: exit %d, %q", code, errOut)
			}
		}()
	}
	for deadline := time.Now().Add(10 * time.Second); ts.srv.hub.count() < 4; {
		if time.Now().After(deadline) {
			t.Fatalf("%d local sessions open; want 4", ts.srv.hub.count())
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(release)
	wg.Wait()
	if logs := ts.logs.String(); !strings.Contains(logs, `member="Gary Fletcher"`) || !strings.Contains(logs, "addr=\"local") {
		t.Errorf("the log should name the local process and who it said it was:\n%s", logs)
	}
}

// A second app through the socket is who its process says it is, sees the
// change another process makes, and a name that is no member is refused
// in one line.
func TestALocalAppIsWhoItSays(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	path := ts.serveLocal()
	app := openLocalApp(t, path, Peer{Name: "Gary Fletcher"}, 140, 40)
	app.see("you: Gary Fletcher")

	// A change made elsewhere reaches it, as over SSH.
	gary := ts.names["Gary Fletcher"]
	acts, err := ts.st.Actions(actionsOf(gary.AgencyID))
	if err != nil || len(acts) == 0 {
		t.Fatalf("no open action for Gary's agency: %v", err)
	}
	if _, err := ts.st.AddActionNote(actorOf(ts.names["Helen Marsh"]), acts[0].ID, 0, "Residents told at the surgery", 0); err != nil {
		t.Fatal(err)
	}
	app.see("Helen Marsh: " + acts[0].Ref())

	_, errOut, code := joinLocalApp(t, path, Peer{Name: "Nobody At All", Named: true})
	if code != 1 || errOut != "tasking: --as: no member is called \"Nobody At All\"\n" {
		t.Errorf("an unknown --as: exit %d, %q; want one line and exit 1", code, errOut)
	}

	// When the holder closes, the app is told so, and how to go on; its
	// socket goes with it.
	ts.srv.SetHolder("the app holding the file")
	if err := ts.srv.Shutdown(contextWithTimeout(t, 5*time.Second)); err != nil {
		t.Fatal(err)
	}
	app.see("the app holding the file has closed; your saved work is safe: run tasking again")
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the socket should be gone once the holder has stopped: %v", err)
	}
}

func openLocalApp(t *testing.T, path string, p Peer, w, h int) *appSession {
	t.Helper()
	c, err := DialLocal(context.Background(), path, p.Name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range p.Env() {
		if err := s.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	return startApp(t, p.Name, c, s, w, h)
}

// joinLocalApp asks for the app without a terminal, to read a refusal.
func joinLocalApp(t *testing.T, path string, p Peer) (string, string, int) {
	t.Helper()
	c, err := DialLocal(context.Background(), path, p.Name)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range p.Env() {
		s.Setenv(k, v)
	}
	var out, errb bytes.Buffer
	s.Stdout, s.Stderr = &out, &errb
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	err = s.Wait()
	code := 0
	var exit *gossh.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitStatus()
	}
	return out.String(), errb.String(), code
}

// startApp shows the app of session s (a terminal asked for) in a
// virtual terminal.
func startApp(t *testing.T, name string, c *gossh.Client, s *gossh.Session, w, h int) *appSession {
	t.Helper()
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	emu := vt.NewSafeEmulator(w, h)
	go io.Copy(emu, out)
	go io.Copy(in, emu)
	t.Cleanup(func() { s.Close(); c.Close() })
	return &appSession{t: t, name: name, emu: emu, sess: s}
}

// A holder that accepts but never answers (stopped with ctrl+z, say) does
// not hold a joining process for ever: it is told, in words.
func TestAHolderThatNeverAnswersIsNotWaitedForEver(t *testing.T) {
	path := socketIn(t)
	l, err := ListenLocal(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never a word
		}
	}()
	was := joinTimeout
	joinTimeout = 200 * time.Millisecond
	defer func() { joinTimeout = was }()
	_, err = DialLocal(context.Background(), path, "Gary Fletcher")
	if err == nil || errors.Is(err, ErrNoHolder) || !strings.Contains(err.Error(), "did not answer within 200ms") {
		t.Errorf("joining a silent holder: %v; want it said that it did not answer", err)
	}
}
