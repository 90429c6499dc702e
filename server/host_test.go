package server

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/tui"
	"github.com/charmbracelet/x/vt"
)

// hostApp runs the app that holds the file, in this process, as
// cmd/tasking does (its seat from Host; Hosting, Connected, Started and
// Became from it), on a virtual terminal.
func (ts *testServer) hostApp(name string, w, h int) *appSession {
	ts.t.Helper()
	m := ts.names[name]
	host := ts.srv.Host(m)
	emu := vt.NewSafeEmulator(w, h)
	in, out := io.Pipe()
	go io.Copy(out, emu) // the terminal's answers and the keys typed
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = tui.Run(ctx, tui.Config{Store: ts.st, Actor: model.ActorFor(m), Now: ts.st.Now,
			Hosting: true, Connected: host.Present, Started: host.Attach, Became: host.Become,
			Options: []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(emu), tea.WithWindowSize(w, h),
				tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithoutSignalHandler()}})
	}()
	ts.t.Cleanup(func() {
		cancel()
		<-done
		host.Leave()
		in.Close()
	})
	return &appSession{t: ts.t, name: name, emu: emu}
}

// notSee fails if the screen shows s.
func (a *appSession) notSee(s string) {
	a.t.Helper()
	if scr := a.screen(); strings.Contains(scr, s) {
		a.t.Fatalf("%s's screen shows %q:\n%s", a.name, s, scr)
	}
}

// TestAJoinedAppIsHereAsOverSSH: the chair's app holds the file. On its
// own it looks as it always has (nobody "here"). A housing officer's app
// joins it through the socket: each sees the other here, in the header,
// as two apps over SSH do, and the chair may take attendance from it. An
// app that names nobody is present once its person chooses themselves,
// and whoever leaves is gone from the others' headers.
func TestAJoinedAppIsHereAsOverSSH(t *testing.T) {
	ts := startServer(t, Config{}, echoRunner(nil))
	path := ts.serveLocal()
	chair := ts.hostApp("Helen Marsh", 140, 40)
	chair.see("Hotspots by risk", "you: Helen Marsh · ")
	chair.notSee("here")

	gary := openLocalApp(t, path, Peer{Name: "Gary Fletcher"}, 140, 40)
	gary.see("you: Gary Fletcher", "● 2 here: Helen Marsh")
	chair.see("● 2 here: Gary Fletcher")

	// A second app naming nobody is nobody until its person chooses.
	sgt := openLocalApp(t, path, Peer{}, 140, 40)
	sgt.see("Who is at the keyboard?")
	chair.see("● 2 here: Gary Fletcher")
	sgt.press("/")
	sgt.press(strings.Split("Sgt Jas", "")...)
	sgt.see("/ Sgt Jas", "Sgt Jas Patel")
	sgt.press("\r")
	sgt.press("\r")
	sgt.see("you: Sgt Jas Patel", "● 3 here: ")
	chair.see("● 3 here: Gary Fletcher, Sgt Jas Patel")
	gary.see("● 3 here: Helen Marsh, Sgt Jas Patel")

	// Gary quits: he is gone from the others'.
	gary.press("q")
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(chair.screen(), "Gary Fletcher") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	chair.see("● 2 here: Sgt Jas Patel")
	sgt.see("● 2 here: Helen Marsh")
}
