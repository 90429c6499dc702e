package server

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// appSession is the app over SSH in a virtual terminal: what a member
// sees, cell for cell, and their keys. The emulator answers the app's
// terminal queries as a real terminal would.
type appSession struct {
	t    *testing.T
	name string
	emu  *vt.SafeEmulator
	sess *gossh.Session
}

func (ts *testServer) openApp(name string, w, h int) *appSession {
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
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	if err := s.Shell(); err != nil {
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
	deadline := time.Now().Add(10 * time.Second)
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
	if _, err := ts.st.AddActionNote(actorOf(hs), acts[0].ID, "Letters sent to the tenants", 0); err != nil {
		t.Fatal(err)
	}
	chair.see("Gary Fletcher: " + acts[0].Ref())

	// Attendance from who is connected: one key.
	chair.press("[", "[")
	chair.see("Attendance")
	chair.press("H")
	chair.see("2 connected marked present")
}
