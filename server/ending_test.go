package server

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	gossh "golang.org/x/crypto/ssh"
)

// exit is the status the session ended with, once the server has ended it.
func (a *appSession) exit() int {
	a.t.Helper()
	return exitOf(a.t, a.sess)
}

func exitOf(t testing.TB, s *gossh.Session) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case err := <-done:
		var exit *gossh.ExitError
		switch {
		case errors.As(err, &exit):
			return exit.ExitStatus()
		case err != nil:
			t.Fatalf("the session ended without a status: %v", err)
		}
		return 0
	case <-time.After(10 * time.Second):
		t.Fatal("the session did not end")
	}
	return -1
}

// Every reason the server ends or refuses a session has its own exit
// status, each said in words too.
func TestSessionsTheServerEndsExitWithTheirReason(t *testing.T) {
	t.Run("stopping", func(t *testing.T) {
		ts := startServer(t, Config{}, echoRunner(nil))
		app := ts.openApp("Gary Fletcher", 120, 30)
		app.see("Hotspots by risk")
		ts.restart()
		app.see("the server is stopping")
		if got := app.exit(); got != ExitStopping {
			t.Errorf("exit %d, want %d", got, ExitStopping)
		}
	})
	t.Run("idle app", func(t *testing.T) {
		ts := startServer(t, Config{IdleTimeout: 400 * time.Millisecond}, echoRunner(nil))
		app := ts.openApp("Gary Fletcher", 120, 30)
		app.see("closed after 400ms without a key press")
		if got := app.exit(); got != ExitIdle {
			t.Errorf("exit %d, want %d", got, ExitIdle)
		}
	})
	t.Run("idle command", func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		ts := startServer(t, Config{IdleTimeout: 400 * time.Millisecond}, echoRunner(release))
		c, err := ts.dial(ts.keys["Gary Fletcher"], nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		s, _ := c.NewSession()
		_, _ = s.StdinPipe() // open, and nothing sent
		if err := s.Start("wait"); err != nil {
			t.Fatal(err)
		}
		if got := exitOf(t, s); got != ExitIdle {
			t.Errorf("exit %d, want %d", got, ExitIdle)
		}
	})
	t.Run("terminal stopped reading", func(t *testing.T) {
		ts := startDescribed(t, Config{StallTimeout: 300 * time.Millisecond}, echoRunner(nil), echoDescriber,
			func(s *Server) { s.swapModel = func(tea.Model) tea.Model { return noisy{} } })
		c, err := ts.dial(ts.keys["Gary Fletcher"], nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		s, _ := c.NewSession()
		if err := s.RequestPty("xterm-256color", 200, 500, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		_, _ = s.StdinPipe()
		_, _ = s.StdoutPipe() // and never read
		if err := s.Shell(); err != nil {
			t.Fatal(err)
		}
		if got := exitOf(t, s); got != ExitStalled {
			t.Errorf("exit %d, want %d", got, ExitStalled)
		}
		waitFor(t, func() bool { return ts.srv.hub.count() == 0 })
	})
	t.Run("access withdrawn", func(t *testing.T) {
		ts := startServer(t, Config{}, echoRunner(nil))
		app := ts.openApp("Gary Fletcher", 120, 30)
		app.see("Hotspots by risk")
		gary, chair := ts.names["Gary Fletcher"], actorOf(ts.names["Helen Marsh"])
		fp := model.KeyFingerprints(gary)[0]
		if _, err := ts.st.RemoveMemberKey(chair, gary.ID, fp); err != nil {
			t.Fatal(err)
		}
		app.see("your access was withdrawn")
		if got := app.exit(); got != ExitWithdrawn {
			t.Errorf("exit %d, want %d", got, ExitWithdrawn)
		}
	})
	t.Run("membership changed", func(t *testing.T) {
		ts := startServer(t, Config{}, echoRunner(nil))
		app := ts.openApp("Gary Fletcher", 120, 30)
		app.see("Hotspots by risk")
		m, chair := ts.names["Gary Fletcher"], actorOf(ts.names["Helen Marsh"])
		if _, err := ts.st.EditMember(chair, m.ID, m.Version, model.NewMember{Name: m.Name, AgencyID: m.AgencyID, Role: model.RoleViewer, Title: m.Title}); err != nil {
			t.Fatal(err)
		}
		app.see("your membership changed")
		if got := app.exit(); got != ExitChanged {
			t.Errorf("exit %d, want %d", got, ExitChanged)
		}
	})
	// Full: TestTheSessionLimitIsSaid; a member's own limit:
	// TestEachMemberHoldsAtMostNSessions.
	codes := map[int]bool{0: true, 1: true, 2: true}
	for _, c := range []int{ExitFull, ExitMemberFull, ExitStopping, ExitIdle, ExitStalled, ExitWithdrawn, ExitChanged} {
		if codes[c] {
			t.Errorf("exit status %d is used twice, or by the commands themselves", c)
		}
		codes[c] = true
	}
}

// noisy is an app that writes a quarter of a megabyte to its terminal
// every 10 ms: a terminal that stops reading it is soon behind.
type noisy struct{}

type noise struct{}

var quarterMB = strings.Repeat("tasking ", 32<<10)

func (noisy) Init() tea.Cmd {
	return tea.Tick(10*time.Millisecond, func(time.Time) tea.Msg { return noise{} })
}

func (n noisy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(noise); ok {
		return n, tea.Batch(tea.Raw(quarterMB), n.Init())
	}
	return n, nil
}

func (noisy) View() tea.View { return tea.NewView("") }

// The (N+1)th session of one member is refused in a sentence, with its
// own status; another member (the chair) still gets a seat.
func TestEachMemberHoldsAtMostNSessions(t *testing.T) {
	if n := (Config{}).withDefaults().SessionsPerMember; n != 5 {
		t.Errorf("a member may hold %d sessions by default, want 5", n)
	}
	release := make(chan struct{})
	ts := startServer(t, Config{SessionsPerMember: 3, MaxSessions: 10}, echoRunner(release))
	c, err := ts.dial(ts.keys["Gary Fletcher"], nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var held []*gossh.Session
	for range 3 {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start("wait"); err != nil {
			t.Fatal(err)
		}
		held = append(held, s)
	}
	waitFor(t, func() bool { return ts.srv.hub.count() == 3 })
	_, errOut, code := ts.exec("Gary Fletcher", "actions", "")
	if code != ExitMemberFull || !strings.Contains(errOut, "you already have 3 sessions open, as many as one member may") {
		t.Errorf("Gary's 4th session: exit %d, %q", code, errOut)
	}
	if out, _, code := ts.exec("Helen Marsh", "actions", ""); code != 0 || !strings.Contains(out, "Helen Marsh ran actions") {
		t.Errorf("the chair's first session while Gary holds 3: exit %d, %q", code, out)
	}
	close(release)
	for _, s := range held {
		_ = s.Wait()
	}
	waitFor(t, func() bool { return ts.srv.hub.count() == 0 })
	if _, _, code := ts.exec("Gary Fletcher", "actions", ""); code != 0 {
		t.Errorf("once his sessions ended Gary was still refused: exit %d", code)
	}
	if !strings.Contains(ts.logs.String(), "session refused: the member's sessions are full") {
		t.Errorf("the refusal is not logged:\n%s", ts.logs.String())
	}
}
