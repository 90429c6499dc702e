package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var binary string

// e2eNowEnv chooses the moment the whole suite runs at. .ci/run runs the
// suite at several (the day before a planned meeting, 31 March as the
// municipal year turns, 31 December); the default is a meeting day.
const e2eNowEnv = "TASKING_E2E_NOW"

// pinned is that moment. Every process the suite starts gets it as
// TASKING_NOW, and every date the tests expect is worked out from it, so the
// suite passes on any day of the real calendar.
var pinned = pinnedNow()

func pinnedNow() time.Time {
	v := os.Getenv(e2eNowEnv)
	if v == "" {
		v = "2026-11-24T10:00" // a Tuesday: the demo's meeting day
	}
	t, err := time.ParseInLocation("2006-01-02T15:04", v, time.Local)
	if err != nil {
		panic(fmt.Sprintf("%s=%q: want YYYY-MM-DDTHH:MM", e2eNowEnv, v))
	}
	return t
}

// clockAt is the TASKING_NOW setting for t.
func clockAt(t time.Time) string { return "TASKING_NOW=" + t.Format("2006-01-02T15:04") }

// baseEnv is a private home for one test, a plain terminal and the pinned
// clock: the screen depends on neither the machine nor the day.
func baseEnv(home string) []string {
	return []string{"HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"), "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"TERM=xterm-256color", "NO_COLOR=1", clockAt(pinned)}
}

// withClock is env with its clock moved to t.
func withClock(env []string, t time.Time) []string {
	out := make([]string, 0, len(env))
	for _, e := range env {
		if !strings.HasPrefix(e, "TASKING_NOW=") {
			out = append(out, e)
		}
	}
	return append(out, clockAt(t))
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tasking-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "tasking")
	build := exec.Command("go", "build", "-o", binary, "../cmd/tasking")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building tasking:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// term is one program running in a private tmux server.
type term struct {
	t    *testing.T
	sock string
}

// consultSources reads every source file of the module from inside a test.
// The binary is built by a subprocess, which Go's test cache cannot see;
// files a test reads (once m.Run has started) are part of its cache key, so
// `go test ./...` never replays a pass for code that has since changed.
func consultSources() {
	_ = filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "go.mod") || strings.HasSuffix(path, "go.sum")) {
			_, _ = os.ReadFile(path)
		}
		return nil
	})
}

func needTmux(t *testing.T) {
	consultSources()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
}

// startTerm runs tasking with args in a w×h terminal. The environment is
// pinned so the screen does not depend on the machine.
func startTerm(t *testing.T, w, h int, env []string, args ...string) *term {
	t.Helper()
	return startProgram(t, w, h, env, binary, args...)
}

// startProgram runs prog with args in a w×h terminal of its own private
// tmux server, with env added to the environment: tasking itself
// (startTerm), or a client that reaches it, such as ssh.
func startProgram(t *testing.T, w, h int, env []string, prog string, args ...string) *term {
	t.Helper()
	needTmux(t)
	tm := &term{t: t, sock: fmt.Sprintf("tasking-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	var cmd strings.Builder
	cmd.WriteString("exec env")
	for _, e := range env {
		cmd.WriteString(" " + strconv.Quote(e))
	}
	cmd.WriteString(" " + strconv.Quote(prog))
	for _, a := range args {
		cmd.WriteString(" " + strconv.Quote(a))
	}
	// remain-on-exit is set in the server's configuration, read before the
	// program starts: set after it, a program that ends at once (a
	// command) could take the server with it first.
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g remain-on-exit on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("tmux", "-L", tm.sock, "-f", conf, "new-session", "-d", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "-s", "main", cmd.String()).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	tm.tmux("set-option", "-t", "main", "remain-on-exit", "on")
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.sock, "kill-server").Run() })
	return tm
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.sock}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *term) screen() string { return tm.tmux("capture-pane", "-p", "-t", "main") }

// keys sends tmux key names (Enter, Tab, Escape, ], m …).
func (tm *term) keys(keys ...string) {
	for _, k := range keys {
		tm.tmux("send-keys", "-t", "main", k)
	}
}

// text types literal text.
func (tm *term) text(s string) { tm.tmux("send-keys", "-t", "main", "-l", s) }

func (tm *term) waitFor(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second) // ends as soon as the screen matches
	var scr string
	for time.Now().Before(deadline) {
		scr = tm.screen()
		all := true
		for _, w := range want {
			if !strings.Contains(scr, w) {
				all = false
			}
		}
		if all {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, scr)
	return ""
}

// waitForAny waits until the screen shows one of want and returns it.
func (tm *term) waitForAny(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = tm.screen()
		for _, w := range want {
			if strings.Contains(scr, w) {
				return w
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed any of %q; it shows:\n%s", want, scr)
	return ""
}

// startMeeting answers home's question: the planned meeting is started
// today whether or not today is its planned day.
func (tm *term) startMeeting() {
	tm.t.Helper()
	tm.keys("m")
	tm.waitForAny("Start the meeting planned for", "Hold it today", "Start this week's meeting today")
	tm.keys("y")
}

// pid is the process in the pane (the command was exec'd, so it is the
// program itself: tasking for startTerm).
func (tm *term) pid() int {
	n, err := strconv.Atoi(strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "main", "#{pane_pid}")))
	if err != nil {
		tm.t.Fatal(err)
	}
	return n
}

// exited waits for the program to end and returns its exit status (128+N
// if signal N ended it).
//
// tmux 3.3 now and then marks a pane dead but never collects its process
// (it stays a zombie and pane_dead_status stays empty); the status is then
// read from the kernel, so an empty status is never taken for 0.
func (tm *term) exited() int {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		out := strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "main", "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}|#{pane_pid}"))
		f := strings.Split(out, "|")
		if len(f) == 4 && f[0] == "1" {
			if n, err := strconv.Atoi(f[1]); err == nil {
				return n
			}
			if n, err := strconv.Atoi(f[2]); err == nil {
				return 128 + n
			}
			if pid, err := strconv.Atoi(f[3]); err == nil {
				if n, ok := zombieStatus(pid); ok {
					return n
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the program did not exit (or its exit status could not be read); screen:\n%s", tm.screen())
	return -1
}

// zombieStatus is the exit status of process pid if it has ended and is
// waiting to be collected: /proc/PID/stat's exit_code (field 52, Linux
// 3.5 and later), in the form waitpid reports.
func zombieStatus(pid int) (int, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	i := strings.LastIndexByte(string(b), ')') // the command name may hold spaces
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(b[i+1:])) // f[0] is field 3, the state
	if len(f) < 50 || f[0] != "Z" {
		return 0, false
	}
	ws, err := strconv.Atoi(f[49])
	if err != nil {
		return 0, false
	}
	if sig := ws & 0x7f; sig != 0 {
		return 128 + sig, true
	}
	return (ws >> 8) & 0xff, true
}

// run runs the binary to completion and returns stdout, stderr, exit code.
func run(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}
