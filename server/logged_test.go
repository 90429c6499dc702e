package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// logMark is in every word typed in these tests; the log must never hold
// it.
var logMark = regexp.MustCompile(`LOGMARK\d*`)

func noMarks(t *testing.T, logs string) {
	t.Helper()
	if m := logMark.FindString(logs); m != "" {
		t.Errorf("the log holds typed words (%s):\n%s", m, logs)
	}
}

// The server logs what its describer allows of a command line and nothing
// else: not the text after a flag, not a panic's message, not a line it
// refused to split.
func TestTheLogHoldsNoWordsOfACommandLine(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	if _, _, code := ts.exec("Gary Fletcher", "update A-10 --note 'LOGMARK01 victim at 12 Rose St' --status=LOGMARK02", ""); code != 0 {
		t.Fatalf("the command failed: exit %d", code)
	}
	if _, _, code := ts.exec("Sgt Jas Patel", "boom 'LOGMARK03 Jo Smith'", ""); code != 1 {
		t.Fatalf("the panicking command: exit %d", code)
	}
	if _, _, code := ts.exec("Helen Marsh", "update --note LOGMARK04's A-10", ""); code != 2 {
		t.Fatalf("the unclosed quote: exit %d", code)
	}
	logs := ts.logs.String()
	noMarks(t, logs)
	if strings.Contains(logs, "a bug in a command") {
		t.Errorf("the panic's value is in the log:\n%s", logs)
	}
	for _, want := range []string{
		`session start member="Gary Fletcher"`, "command=update refs=A-10 flags=--note,--status",
		"exit=0 how=ended duration=",
		`session panicked member="Sgt Jas Patel"`, "command=boom panic=string", "stack=", "echoRunner", "exit=1 how=panicked",
		`command refused: a quote is not closed member="Helen Marsh" addr=127.0.0.1:`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log does not say %s:\n%s", want, logs)
		}
	}
}

// A describer that fails, or none, logs the command as unknown, without
// its words, and the command still runs.
func TestAnUndescribedCommandIsUnknown(t *testing.T) {
	for name, describe := range map[string]Describer{
		"panics": func(args []string) LoggedCommand { panic("cannot describe " + strings.Join(args, " ")) },
		"none":   nil,
	} {
		t.Run(name, func(t *testing.T) {
			ts := startDescribed(t, Config{}, echoRunner(nil), describe)
			if out, _, code := ts.exec("Gary Fletcher", "note add 'LOGMARK05 Rose St'", ""); code != 0 || out == "" {
				t.Errorf("the command did not run: exit %d", code)
			}
			logs := ts.logs.String()
			noMarks(t, logs)
			if !strings.Contains(logs, "command=unknown exit=0") {
				t.Errorf("the command is not logged as unknown:\n%s", logs)
			}
			if describe != nil && !strings.Contains(logs, "could not be described for the log") {
				t.Errorf("the describer's failure is not logged:\n%s", logs)
			}
		})
	}
}

// An error is logged by kind and type, never by its text.
func TestErrorFieldsHoldNoText(t *testing.T) {
	typed := errors.New("LOGMARK06 the title was Rose St")
	tests := []struct {
		err       error
		kind, typ string
	}{
		{fmt.Errorf("saving %q: %w", "LOGMARK07", typed), "other", "*errors.errorString"},
		{&fs.PathError{Op: "open", Path: "/LOGMARK08", Err: syscall.EACCES}, "permission denied", "syscall.Errno"},
		{&fs.PathError{Op: "open", Path: "/LOGMARK09", Err: syscall.ENOENT}, "not found", "syscall.Errno"},
		{fmt.Errorf("LOGMARK10: %w", io.EOF), "connection closed", "*errors.errorString"},
		{&net.OpError{Op: "read", Err: os.ErrDeadlineExceeded}, "timeout", "*poll.DeadlineExceededError"},
		{fmt.Errorf("LOGMARK11: %w", tea.ErrProgramPanic), "program panicked", "*errors.errorString"},
		{nil, "none", "none"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		log.New(&b).Warn("it failed", ErrorFields(tt.err)...)
		noMarks(t, b.String())
		want := "error=" + quoteIfSpaced(tt.kind) + " error_type=" + tt.typ
		if !strings.Contains(b.String(), want) {
			t.Errorf("%v: logged %q, want %s", tt.err, b.String(), want)
		}
	}
}

func quoteIfSpaced(s string) string {
	if strings.Contains(s, " ") {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// The SSH library's own lines (it logs through slog) keep their message,
// addresses and stack, give a panic's type and an error's kind, and leave
// out every other value.
func TestTheLibrarysLogHoldsNoText(t *testing.T) {
	var b bytes.Buffer
	l := slog.New(LibraryLog(log.New(&b))).With("user", "LOGMARK12")
	l.Error("ssh: panic in session handler", "remote", "10.0.0.7:5100", "panic", "LOGMARK13 Rose St", "stack", "goroutine 7 [running]")
	l.Warn("ssh: failed to accept session channel", "err", errors.New("LOGMARK14"))
	l.Warn("ssh: reverse port forward listen failed", "addr", "127.0.0.1:80", "err", "LOGMARK15")
	l.Debug("ssh: unknown session request", "type", "LOGMARK16")
	got := b.String()
	noMarks(t, got)
	for _, want := range []string{
		`ssh: panic in session handler remote=10.0.0.7:5100 panic=string stack="goroutine 7 [running]"`,
		"ssh: failed to accept session channel error=other error_type=*errors.errorString",
		"addr=127.0.0.1:80 error=other error_type=string",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the library's log does not say %s:\n%s", want, got)
		}
	}
}

// A panic anywhere in an app — Init, Update, View, a command, a command
// inside a batch or a sequence — is caught by the guard, never by Bubble
// Tea (whose recovery prints the panic's value to the server's standard
// error), and ends the program.
func TestAPanicInAProgramIsCaughtByTheGuard(t *testing.T) {
	boom := func() tea.Msg { panic("LOGMARK17 from a command") }
	tests := map[string]panicky{
		"init":     {init: func() tea.Cmd { panic("LOGMARK18") }},
		"update":   {update: func() tea.Cmd { panic("LOGMARK19") }},
		"view":     {view: true},
		"command":  {update: func() tea.Cmd { return boom }},
		"batch":    {update: func() tea.Cmd { return tea.Batch(func() tea.Msg { return nil }, boom) }},
		"sequence": {update: func() tea.Cmd { return tea.Sequence(func() tea.Msg { return nil }, boom) }},
		"nested":   {update: func() tea.Cmd { return tea.Sequence(tea.Batch(boom, boom)) }},
	}
	for name, m := range tests {
		t.Run(name, func(t *testing.T) {
			caught := make(chan any, 1)
			g := guardModel(m, func(r any) { caught <- r })
			p := tea.NewProgram(g, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignalHandler(),
				tea.WithWindowSize(80, 24))
			done := make(chan error, 1)
			go func() { _, err := p.Run(); done <- err }()
			p.Send(poke{})
			select {
			case r := <-caught:
				if s, _ := r.(string); !strings.Contains(s, "LOGMARK") {
					t.Errorf("caught %v, not the model's panic", r)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the panic was never caught by the guard")
			}
			// View cannot quit the program itself: the session does, as here.
			go p.Quit()
			select {
			case err := <-done:
				if errors.Is(err, tea.ErrProgramPanic) {
					t.Errorf("Bubble Tea caught the panic itself: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the program did not end")
			}
		})
	}
}

// poke starts the panicky model's update, as a key does.
type poke struct{}

// panicky is a model that panics where it is told to.
type panicky struct {
	init   func() tea.Cmd
	update func() tea.Cmd
	view   bool
}

func (m panicky) Init() tea.Cmd {
	if m.init != nil {
		return m.init()
	}
	return nil
}

func (m panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case poke, tea.KeyPressMsg:
		if m.update != nil {
			return m, m.update()
		}
	}
	return m, nil
}

func (m panicky) View() tea.View {
	if m.view {
		panic("LOGMARK20 in the view")
	}
	return tea.NewView("")
}

// An app that panics over SSH ends that session only, saying so; the log
// has the panic's type and stack, not its value, and the session's end.
func TestAPanickingAppEndsItsSessionOnly(t *testing.T) {
	ts := startDescribed(t, Config{}, echoRunner(nil), echoDescriber, func(s *Server) {
		s.swapModel = func(tea.Model) tea.Model {
			return panicky{update: func() tea.Cmd { panic("LOGMARK40 Jo Smith of 12 Rose St") }}
		}
	})
	// Read as bytes, not through a terminal emulator: the session ends
	// while the emulator may still be answering the app's queries.
	c, err := ts.dial(ts.keys["Gary Fletcher"], nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	sess.Stdout = &out
	in, err := sess.StdinPipe() // left open: the end of input ends an app
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if _, err := in.Write([]byte("x")); err != nil { // the model panics on the key
		t.Fatal(err)
	}
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	select {
	case err := <-ended:
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
			t.Errorf("the panicked app's session ended with %v, want exit 1", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the panicked app's session did not end")
	}
	if !strings.Contains(out.String(), "something went wrong on the server") {
		t.Errorf("the person is not told: %q", out.String())
	}
	if out, _, code := ts.exec("Helen Marsh", "actions", ""); code != 0 || out == "" {
		t.Errorf("after an app panicked the server should go on serving: exit %d", code)
	}
	logs := ts.logs.String()
	noMarks(t, logs)
	for _, want := range []string{`session panicked member="Gary Fletcher"`, "kind=app panic=string", "stack=",
		"kind=app exit=1 how=panicked"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log does not say %s:\n%s", want, logs)
		}
	}
}

// Bubble Tea's trace file would hold every screen drawn: a server never
// writes one, whatever its environment says.
func TestTheServerWritesNoBubbleTeaTrace(t *testing.T) {
	trace := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TEA_TRACE", trace)
	ts := startServer(t, Config{}, echoRunner(nil))
	ts.openApp("Gary Fletcher", 100, 30).see("Hotspots by risk")
	if _, err := os.Stat(trace); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a trace of the screens was written (%v)", err)
	}
}
