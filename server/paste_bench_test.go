package server

import (
	"io"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/ccsp/tasking/tui"
	"github.com/charmbracelet/x/ansi"
)

// counted is the app as the server runs it (guarded), counting the keys
// it has been given and keeping the last screen drawn, so a benchmark can
// tell from outside when a paste has been taken in whole.
type counted struct {
	m     tea.Model
	keys  *atomic.Int64
	frame *atomic.Pointer[string]
}

func (c counted) Init() tea.Cmd { return c.m.Init() }

func (c counted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		defer c.keys.Add(1)
	}
	m, cmd := c.m.Update(msg)
	c.m = m
	return c, cmd
}

func (c counted) View() tea.View {
	v := c.m.View()
	c.frame.Store(&v.Content)
	return v
}

// pasteRig is one app, as a served session runs it, on a pipe.
type pasteRig struct {
	in    *io.PipeWriter
	keys  atomic.Int64
	frame atomic.Pointer[string]
	p     *tea.Program
}

func newPasteRig(tb testing.TB, name string) *pasteRig {
	tb.Helper()
	d, err := demo.Build(today, demo.Small, time.UTC)
	if err != nil {
		tb.Fatal(err)
	}
	clock := func() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }
	st, err := bolt.Open(filepath.Join(tb.TempDir(), "t.db"), bolt.Options{Now: clock, Mode: "serve"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if err := st.Seed(model.SystemActor("demo"), d); err != nil {
		tb.Fatal(err)
	}
	members, _ := st.Members()
	var m model.Member
	for _, x := range members {
		if x.Name == name {
			m = x
		}
	}
	app := tui.New(tui.Config{Store: st, Actor: model.ActorFor(m), Now: clock, Remote: "ssh -p 23234 localhost",
		Connected: func() []tui.Present { return nil }})
	tb.Cleanup(app.Close)
	r := &pasteRig{}
	pr, pw := io.Pipe()
	r.in = pw
	g := guardModel(app, func(any) {})
	r.p = tea.NewProgram(counted{m: pace(g, time.Second/sessionDraws), keys: &r.keys, frame: &r.frame},
		tea.WithInput(pr), tea.WithOutput(io.Discard), tea.WithoutSignalHandler(), tea.WithFPS(sessionFPS),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithWindowSize(120, 40))
	done := make(chan struct{})
	go func() { _, _ = r.p.Run(); close(done) }()
	tb.Cleanup(func() { r.p.Kill(); pw.Close(); <-done })
	return r
}

func (r *pasteRig) see(tb testing.TB, want string) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if f := r.frame.Load(); f != nil && strings.Contains(ansi.Strip(*f), want) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	f := r.frame.Load()
	tb.Fatalf("never saw %q:\n%v", want, *f)
}

// typed sends keys and waits until the app has taken n keys in all.
func (r *pasteRig) typed(tb testing.TB, s string, n int64) {
	tb.Helper()
	if _, err := io.WriteString(r.in, s); err != nil {
		tb.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Minute)
	for r.keys.Load() < n {
		if time.Now().After(deadline) {
			tb.Fatalf("the app took %d keys of %d", r.keys.Load(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

// BenchmarkPaste is a 20,000-character paste without bracketed paste
// (20,000 key presses) into a form of the app, as a served session runs it:
// guarded, paced, in a Bubble Tea program with the session's options. It
// reports the wall time and the process's CPU time a character.
//
//	go test ./server -run '^$' -bench Paste
func BenchmarkPaste(b *testing.B) {
	const n = 20000
	paste := strings.Repeat("Letters sent to every house on the estate. ", n/43+1)[:n]
	for _, form := range []struct {
		name string
		keys []string // from home to the field
		see  string
	}{
		{"wrapped", []string{"A", "u"}, "Progress update"},
		{"oneLine", []string{"A", "p", "tab"}, "New due date"},
		{"filter", []string{"/"}, "enter keep"},
	} {
		b.Run(form.name, func(b *testing.B) {
			var cpu time.Duration
			b.StopTimer()
			for range b.N {
				r := newPasteRig(b, "Gary Fletcher")
				r.see(b, "Hotspots by risk")
				for i, k := range form.keys {
					r.typed(b, k, int64(i+1))
					if k == "A" {
						r.see(b, "A-") // the list has loaded
					}
				}
				r.see(b, form.see)
				from := cpuTime()
				b.StartTimer()
				r.typed(b, paste, int64(len(form.keys)+n))
				b.StopTimer()
				cpu += cpuTime() - from
			}
			b.StartTimer()
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/char")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n), "cpu-ns/char")
		})
	}
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPasteOverSSH is the same paste into a one-line field through an
// SSH session of a server in this process, to the last key (esc, which
// asks whether to discard the typing). The CPU is the process's: the
// client's and the terminal emulator's as well as the server's.
//
//	go test ./server -run '^$' -bench PasteOverSSH -benchtime 3x
func BenchmarkPasteOverSSH(b *testing.B) {
	const n = 20000
	paste := strings.Repeat("Letters sent to every house on the estate. ", n/43+1)[:n]
	var cpu time.Duration
	b.StopTimer()
	for range b.N {
		ts := startServer(b, Config{}, echoRunner(nil))
		app := ts.openApp("Gary Fletcher", 120, 40)
		app.see("Hotspots by risk")
		app.press("A")
		app.see("A-")
		app.press("p")
		app.see("New due date")
		app.press("\t")
		from := cpuTime()
		b.StartTimer()
		app.emu.SendText(paste + "\x1b")
		app.seeWithin(time.Minute, "Discard what you typed?")
		b.StopTimer()
		cpu += cpuTime() - from
	}
	b.StartTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/char")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n), "cpu-ns/char")
}
