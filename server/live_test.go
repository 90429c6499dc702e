package server

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// appSession is the app over SSH in a virtual terminal: what a member
// sees, cell for cell, and their keys. The emulator answers the app's
// terminal queries as a real terminal would.
type appSession struct {
	t    testing.TB
	name string
	emu  *vt.SafeEmulator
	sess *gossh.Session
}

func (ts *testServer) openApp(name string, w, h int) *appSession {
	ts.t.Helper()
	return ts.openSession(name, "", w, h, nil)
}

// openAppWith is openApp with environment variables sent by the client.
func (ts *testServer) openAppWith(name string, w, h int, env map[string]string) *appSession {
	ts.t.Helper()
	return ts.openSession(name, "", w, h, env)
}

// openCommand runs a command with a terminal (ssh -t HOST wall).
func (ts *testServer) openCommand(name, command string, w, h int) *appSession {
	ts.t.Helper()
	return ts.openSession(name, command, w, h, nil)
}

func (ts *testServer) openSession(name, command string, w, h int, env map[string]string) *appSession {
	ts.t.Helper()
	c, err := ts.dial(ts.keys[name], nil)
	if err != nil {
		ts.t.Fatalf("%s cannot connect: %v", name, err)
	}
	s, err := c.NewSession()
	if err != nil {
		ts.t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		ts.t.Fatal(err)
	}
	for k, v := range env {
		if err := s.Setenv(k, v); err != nil {
			ts.t.Fatal(err)
		}
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	start := s.Shell
	if command != "" {
		start = func() error { return s.Start(command) }
	}
	if err := start(); err != nil {
		ts.t.Fatal(err)
	}
	emu := vt.NewSafeEmulator(w, h)
	go io.Copy(emu, out)
	go io.Copy(in, emu)
	ts.t.Cleanup(func() { s.Close(); c.Close() })
	return &appSession{t: ts.t, name: name, emu: emu, sess: s}
}

func (a *appSession) screen() string { return ansi.Strip(a.emu.Render()) }

// press types keys as the member would.
func (a *appSession) press(keys ...string) {
	for _, k := range keys {
		a.emu.SendText(k)
		time.Sleep(30 * time.Millisecond) // one key at a time, as fingers do
	}
}

// see waits until the screen shows every one of want.
func (a *appSession) see(want ...string) string {
	a.t.Helper()
	return a.seeWithin(10*time.Second, want...)
}

// seeWithin is see, waiting up to d.
func (a *appSession) seeWithin(d time.Duration, want ...string) string {
	a.t.Helper()
	deadline := time.Now().Add(d)
	var scr string
	for time.Now().Before(deadline) {
		scr = a.screen()
		all := true
		for _, w := range want {
			all = all && strings.Contains(scr, w)
		}
		if all {
			return scr
		}
		time.Sleep(20 * time.Millisecond)
	}
	a.t.Fatalf("%s's screen never showed %q:\n%s", a.name, want, scr)
	return ""
}

// TestTwoMembersSeeEachOthersChanges: the chair and a housing officer each
// have the app open over SSH. Each sees the other is connected; the
// officer follows the chair's meeting item by item, looks around and comes
// back; a change the officer saves reaches the chair's screen, named.
func TestTwoMembersSeeEachOthersChanges(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	chair := ts.openApp("Helen Marsh", 140, 40)
	chair.see("Hotspots by risk", "only you here")
	gary := ts.openApp("Gary Fletcher", 140, 40)
	gary.see("Hotspots by risk", "2 here: Helen Marsh")
	chair.see("2 here: Gary Fletcher")

	chair.press("m")
	chair.see("Start")
	chair.press("y")
	chair.see("Confidentiality statement")
	gary.see("under way", "follow the meeting")
	gary.press("m")
	gary.see("following the chair", "Attendance")
	chair.press("]")
	chair.see("Declarations of interest")
	gary.see("Declarations of interest")

	// Looking around: the chair's moves no longer move him; F goes back.
	gary.press("]")
	gary.see("looking around")
	chair.press("]")
	chair.see("Minutes of the previous meeting")
	if scr := gary.screen(); strings.Contains(scr, "Minutes of the previous meeting") && !strings.Contains(scr, "Declarations") {
		t.Errorf("a member looking around was moved by the chair:\n%s", scr)
	}
	gary.press("F")
	gary.see("following the chair", "Minutes of the previous meeting")

	// A change the officer saves reaches the chair, named.
	hs := ts.names["Gary Fletcher"]
	acts, err := ts.st.Actions(actionsOf(hs.AgencyID))
	if err != nil || len(acts) == 0 {
		t.Fatalf("no housing actions: %v", err)
	}
	if _, err := ts.st.AddActionNote(actorOf(hs), acts[0].ID, 0, "Letters sent to the tenants", 0); err != nil {
		t.Fatal(err)
	}
	chair.see("Gary Fletcher: " + acts[0].Ref())

	// Attendance from who is connected: one key.
	chair.press("[", "[")
	chair.see("Attendance")
	chair.press("H")
	chair.see("2 connected marked present")
}

// TestSessionsAreToldTheServerIsStopping: an app open when the server
// stops is ended with a sentence, and Shutdown returns.
func TestSessionsAreToldTheServerIsStopping(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	app := ts.openApp("Gary Fletcher", 120, 30)
	app.see("Hotspots by risk")
	if err := ts.srv.Shutdown(contextWithTimeout(t, 5*time.Second)); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	app.see("the server is stopping; your saved work is safe")
}

// TestAForgottenSessionIsClosed: the idle timeout is of the person — live
// updates arriving keep the connection busy, but without a key press the
// session ends, saying why and how to come back.
func TestAForgottenSessionIsClosed(t *testing.T) {
	ts := startServer(t, Config{IdleTimeout: 600 * time.Millisecond}, echoRunner(nil))
	app := ts.openApp("Gary Fletcher", 120, 30)
	app.see("Hotspots by risk")
	// Someone else's saves keep arriving; Gary types nothing.
	chair := actorOf(ts.names["Helen Marsh"])
	// They go on arriving, one every 150ms, until the session is closed
	// (the loop polls the screen between them).
	acts, _ := ts.st.Actions(actionsOf(ts.names["Gary Fletcher"].AgencyID))
	closed := "closed after 600ms without a key press"
	deadline := time.Now().Add(15 * time.Second)
	saves := 0
	for ; !strings.Contains(app.screen(), closed); saves++ {
		if time.Now().After(deadline) {
			t.Fatalf("after %d saves in 15s the session is still open:\n%s", saves, app.screen())
		}
		if _, err := ts.st.AddActionNote(chair, acts[0].ID, 0, "still going", 0); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
	}
	if saves < 2 {
		t.Errorf("closed after %d saves: the saves did not go on arriving through the 600ms", saves)
	}
	app.see(closed, "ssh -t -p")
}

// TestEachSessionHasItsOwnColours: NO_COLOR sent by one person's ssh
// client turns colour off for them alone.
func TestEachSessionHasItsOwnColours(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	plain := ts.openAppWith("Gary Fletcher", 120, 30, map[string]string{"NO_COLOR": "1"})
	coloured := ts.openApp("Sgt Jas Patel", 120, 30)
	plain.see("Hotspots by risk")
	coloured.see("Hotspots by risk")
	colour := regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|9[0-7]|38);?`)
	if colour.MatchString(plain.emu.Render()) {
		t.Error("the session that sent NO_COLOR is drawn in colour")
	}
	if !colour.MatchString(coloured.emu.Render()) {
		t.Error("a 256-colour terminal's session has no colour")
	}
}

// TestTheWallFollowsTheChairAndKeepsPart2Private: the projector view shows
// the chair's item in large type, and of a Part 2 item only that it is one.
func TestTheWallFollowsTheChairAndKeepsPart2Private(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	wall := ts.openCommand("Helen Marsh", "wall", 120, 36)
	wall.see("The next meeting is on", "q leaves")
	chair := actorOf(ts.names["Helen Marsh"])
	m, err := ts.st.StartMeeting(chair, today)
	if err != nil {
		t.Fatal(err)
	}
	hotspots, _ := ts.st.HotspotsOf(nil)
	_ = hotspots
	public, private := -1, -1
	for i, it := range m.Agenda {
		switch {
		case it.Kind == model.ItemHotspot && it.Part2 && private < 0:
			private = i
		case it.Kind == model.ItemHotspot && !it.Part2 && public < 0:
			public = i
		}
	}
	if public < 0 || private < 0 {
		t.Fatalf("the demo agenda should have a public and a Part 2 hotspot item: %+v", m.Agenda)
	}
	h, _ := ts.st.Hotspot(m.Agenda[public].HotspotID)
	if _, err := ts.st.GoToItem(chair, m.ID, public); err != nil {
		t.Fatal(err)
	}
	wall.see(h.Title, "Actions", fmt.Sprintf("Item %d of %d", public+1, len(m.Agenda)))
	p2, _ := ts.st.Hotspot(m.Agenda[private].HotspotID)
	if _, err := ts.st.GoToItem(chair, m.ID, private); err != nil {
		t.Fatal(err)
	}
	scr := wall.see("Part 2 — taken in private", "nothing of it is shown")
	if strings.Contains(scr, p2.Title) || strings.Contains(scr, p2.Location) {
		t.Errorf("the wall shows a Part 2 hotspot:\n%s", scr)
	}
}

// TestExportInASessionOffersTheCommand: the minutes are not written to the
// server's disk; the export key gives the ssh command that fetches them.
func TestExportInASessionOffersTheCommand(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	app := ts.openApp("Helen Marsh", 140, 40)
	app.see("Hotspots by risk")
	app.press("M")
	app.see("OFFICIAL")
	app.press("w")
	app.see("minutes M-", "--format html >", "on your own computer")
}

// Over SSH the key is who you are: the app's "who is at the keyboard?"
// is refused, so nobody can become the chair by choosing her.
func TestOverSSHYouCannotChooseSomeoneElse(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	gary := ts.openApp("Gary Fletcher", 120, 30)
	gary.see("Hotspots by risk", "you: Gary Fletcher")
	gary.press("i")
	gary.see("over SSH you are Gary Fletcher, the member your key belongs to")
	if strings.Contains(gary.screen(), "Who is at the keyboard") {
		t.Error("the chooser opened over SSH")
	}
}

// A session acts as the member was when it opened: a new role ends it,
// saying so, and the next session has the new role.
func TestARoleChangeEndsOpenSessions(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	gary := ts.openApp("Gary Fletcher", 120, 30)
	gary.see("Hotspots by risk")
	m := ts.names["Gary Fletcher"]
	chair := actorOf(ts.names["Helen Marsh"])
	if _, err := ts.st.EditMember(chair, m.ID, m.Version, model.NewMember{Name: m.Name, AgencyID: m.AgencyID, Role: model.RoleViewer, Title: m.Title}); err != nil {
		t.Fatal(err)
	}
	gary.see("your membership changed")
}

// A client that closes its session but keeps the connection (ssh's
// ControlMaster) frees the seat: the program ends with its input.
func TestAClosedSessionOnAKeptConnectionEnds(t *testing.T) {
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
	if err := s.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := s.StdinPipe()
	if err := s.Start("wall"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return ts.srv.hub.count() == 1 })
	in.Close() // the session's input ends; the connection stays
	waitFor(t, func() bool { return ts.srv.hub.count() == 0 })
}
