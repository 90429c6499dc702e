package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// Every screen test runs on the same morning: the demo partnership as of
// Tuesday 24 November 2026, 10:00 UTC, with the clock stopped, so goldens are
// byte-for-byte stable wherever they run.
var testNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Setenv("NO_COLOR", "")
	os.Exit(m.Run())
}

func fixedClock() time.Time { return testNow }

// demoStore is a store on a temp file holding the demo partnership.
func demoStore(tb testing.TB) *bolt.File {
	tb.Helper()
	return demoStoreAt(tb, demo.Small)
}

func demoStoreAt(tb testing.TB, scale demo.Scale) *bolt.File {
	tb.Helper()
	s, err := bolt.Open(filepath.Join(tb.TempDir(), "tasking.db"), bolt.Options{Now: fixedClock, Mode: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	d, err := demo.Build(model.DateOf(testNow), scale, time.UTC)
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Seed(model.SystemActor("test"), d); err != nil {
		tb.Fatal(err)
	}
	return s
}

func chairOf(tb testing.TB, s *bolt.File) model.Actor {
	tb.Helper()
	p, err := s.Partnership()
	if err != nil {
		tb.Fatal(err)
	}
	for _, m := range mustMembers(tb, s) {
		if m.ID == p.ChairID {
			return model.ActorFor(m)
		}
	}
	tb.Fatal("no chair")
	return model.Actor{}
}

func mustMembers(tb testing.TB, s *bolt.File) []model.Member {
	ms, err := s.Members()
	if err != nil {
		tb.Fatal(err)
	}
	return ms
}

// session drives the real program (teatest) and watches the frames the app
// publishes, rather than the byte stream (which only carries changed cells).
type session struct {
	t   *testing.T
	app *App
	tm  *teatest.TestModel
}

func startSession(t *testing.T, s *bolt.File, actor model.Actor, w, h int) *session {
	t.Helper()
	app := New(Config{Store: s, Actor: actor, Now: fixedClock})
	t.Cleanup(app.Close)
	return startSessionWith(t, app, w, h)
}

// startSessionWith drives app, made by the test.
func startSessionWith(t *testing.T, app *App, w, h int) *session {
	t.Helper()
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	return &session{t: t, app: app, tm: tm}
}

// screen is the last frame drawn, without styling.
func (s *session) screen() string {
	if f := s.app.frame.Load(); f != nil {
		return ansi.Strip(*f)
	}
	return ""
}

// waitFor waits until the screen shows every one of want.
func (s *session) waitFor(want ...string) {
	s.t.Helper()
	// Generous: under the race detector on a loaded two-core machine a
	// step can take seconds; the wait ends as soon as the screen matches.
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		scr := s.screen()
		ok := true
		for _, w := range want {
			if !strings.Contains(scr, w) {
				ok = false
				break
			}
		}
		if ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s.screen())
}

// keys sends key presses: names like "enter", "tab", "esc", "space", or a
// single character.
func (s *session) keys(names ...string) {
	for _, n := range names {
		s.tm.Send(keyPress(n))
	}
}

func (s *session) typeText(text string) { s.tm.Type(text) }

func keyPress(n string) tea.KeyPressMsg {
	switch n {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(n)[0]
	return tea.KeyPressMsg{Code: r, Text: n}
}

// finish quits and returns the final view, ANSI stripped, for a golden.
func (s *session) finish() string {
	s.t.Helper()
	if err := s.tm.Quit(); err != nil {
		s.t.Fatal(err)
	}
	fm := s.tm.FinalModel(s.t, teatest.WithFinalTimeout(15*time.Second))
	return ansi.Strip(fm.(*App).render())
}

func keyPressCtrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// waitUntil polls ok until it holds, failing the test (naming what) if it
// never does: generous, as waitFor, and over as soon as ok holds.
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 15s for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// itemOf is the footer's "item i/N" for the meeting under way, N the length
// of its agenda as the store holds it: what the review cadence put on, not
// a number a test assumes.
func itemOf(tb testing.TB, s *bolt.File, i int) string {
	tb.Helper()
	m, open, err := s.OpenMeeting()
	if err != nil || !open {
		tb.Fatalf("no meeting under way: %v", err)
	}
	return fmt.Sprintf("item %d/%d", i, len(m.Agenda))
}
