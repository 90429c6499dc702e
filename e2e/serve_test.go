package e2e

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ccsp/tasking/store/pg"
)

// TestServeMeetingOverSSH is the meeting run through `tasking serve` with
// the real OpenSSH client: the chair runs the meeting in the app over SSH,
// a housing rep connects and follows the chair's item, updates one of his
// actions from the command line over SSH while the meeting goes on, and
// the chair's screen names the change as it lands. A key nobody added is
// refused with its fingerprint and whom to ask; a local tasking on the
// served file joins the server with no ssh, and what only runs beside the
// file is refused at once, naming the server.
func TestServeMeetingOverSSH(t *testing.T) {
	t.Parallel()
	needSSH(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	keyDir := filepath.Join(home, "keys")
	if err := os.Mkdir(keyDir, 0o700); err != nil {
		t.Fatal(err)
	}
	env := baseEnv(home)
	if _, errOut, code := run(t, env, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}

	// Throwaway keys: three members are given theirs, the stranger is not.
	keys := giveKeys(t, env, db, keyDir, "Helen Marsh", "Gary Fletcher", "Sgt Jas Patel")
	helen, gary, jas, stranger := keys["Helen Marsh"], keys["Gary Fletcher"], keys["Sgt Jas Patel"], newKey(t, keyDir, "stranger")

	srv := startServe(t, env, db)

	// The chair opens the app over SSH and runs the meeting to a hotspot.
	chair := startProgram(t, 120, 36, env, "ssh", srv.sshArgs(helen, "-t")...)
	chair.waitFor("Hotspots by risk", "you: Helen Marsh", "● only you here")
	chair.startMeeting()
	chair.waitFor("Confidentiality statement")
	var item string // the title of the item on the chair's screen
	for n := 2; ; n++ {
		if n > 12 {
			t.Fatalf("no hotspot among the first items of the agenda; the chair's screen:\n%s", chair.screen())
		}
		chair.keys("]")
		scr := chair.waitFor("item " + strconv.Itoa(n) + "/")
		if item = itemTitle(scr); strings.HasPrefix(item, "HS-") {
			break
		}
	}

	// The housing rep connects: he is told who is here, opens the meeting
	// and is on the chair's item, following her.
	rep := startProgram(t, 120, 36, env, "ssh", srv.sshArgs(gary, "-t")...)
	rep.waitFor("you: Gary Fletcher", "● 2 here: Helen Marsh", "under way")
	chair.waitFor("● 2 here: Gary Fletcher")
	rep.keys("m")
	scr := rep.waitFor("following the chair", "┌ "+item)
	if got := itemTitle(scr); got != item {
		t.Fatalf("the rep is on %q, the chair on %q", got, item)
	}

	// The chair moves on; the rep's screen follows.
	chair.keys("]")
	scr = chair.waitForChange(item)
	next := itemTitle(scr)
	if next == "" || next == item {
		t.Fatalf("the chair's ] did not move on from %q; her screen:\n%s", item, scr)
	}
	rep.waitFor("following the chair", "┌ "+next)

	// Meanwhile the rep updates one of his agency's actions from the
	// command line over SSH.
	out, errOut, code := srv.ssh(t, gary, "actions", "--agency", "housing", "--format", "json")
	var rows []map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
		t.Fatalf("ssh … actions --agency housing: exit %d: %s%s", code, out, errOut)
	}
	ref := rows[0]["ref"]
	if rows[0]["agency"] != "CBC Housing" {
		t.Fatalf("actions --agency housing gave %s of %q", ref, rows[0]["agency"])
	}
	// ssh joins its arguments into one line and the server splits it as a
	// shell would: words with spaces are quoted for the far side, as a
	// person at a shell types --note "'Letters sent'".
	out, errOut, code = srv.ssh(t, gary, "action", "update", ref, "--note", "'Letters sent'")
	if code != 0 || strings.TrimSpace(out) != ref+": progress note added" || errOut != "" {
		t.Fatalf("ssh … action update %s: exit %d: stdout %q stderr %q", ref, code, out, errOut)
	}
	// The chair sees it land, named, without pressing anything.
	chair.waitFor("Gary Fletcher: " + ref + " updated")
	// And the note is stored in his name.
	out, errOut, code = srv.ssh(t, jas, "action", "show", ref, "--format", "json")
	if code != 0 || !strings.Contains(out, `"text": "Letters sent"`) || !strings.Contains(out, `"by": "Gary Fletcher`) {
		t.Fatalf("ssh … action show %s: exit %d: %s%s", ref, code, out, errOut)
	}

	// A key nobody added is refused, saying which key and whom to ask.
	// (The refusal is a keyboard-interactive banner, which ssh prints at its
	// default log level: LogLevel=ERROR would hide it.)
	out, errOut, code = sshRun(t, append(srv.baseArgs(stranger),
		"-o", "BatchMode=no", "-o", "PreferredAuthentications=publickey,keyboard-interactive",
		"127.0.0.1", "actions")...)
	if code != 255 || out != "" || !strings.Contains(errOut, fingerprint(t, stranger)) || !strings.Contains(errOut, "Ask the chair") {
		t.Fatalf("the stranger's ssh: exit %d; stdout %q; stderr:\n%s", code, out, errOut)
	}

	// tasking on the same machine, as the same user, joins the server
	// through the socket beside the file: no ssh, no key, the same answer.
	housingRows, _, _ := srv.ssh(t, gary, "actions", "--agency", "housing", "--format", "json")
	out, errOut, code = run(t, env, "--db", db, "--as", "Gary Fletcher", "actions", "--agency", "housing", "--format", "json")
	if code != 0 || out != housingRows || errOut != "" {
		t.Fatalf("local actions while served: exit %d: stdout %q stderr %q; want what ssh gave: %q", code, out, errOut, housingRows)
	}
	// What only runs beside the file is refused, naming the server (from
	// the owner file beside it: never a wait for the lock, then "timeout").
	_, errOut, code = run(t, env, "--db", db, "check")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "tasking serve on 127.0.0.1:"+srv.port) ||
		!strings.Contains(errOut, "(pid "+strconv.Itoa(srv.cmd.Process.Pid)+")") || !strings.Contains(errOut, "stop the server first") {
		t.Fatalf("local check while served: exit %d: stderr %q (want one line naming the server)", code, errOut)
	}

	// Everyone leaves: out of the meeting, then out of the app; each ssh
	// ends cleanly. Then the server stops.
	rep.keys("q")
	rep.waitFor("Hotspots by risk")
	rep.keys("q")
	if status := rep.exited(); status != 0 {
		t.Fatalf("the rep's ssh exited %d", status)
	}
	chair.waitFor("● only you here")
	chair.keys("q")
	chair.waitFor("Hotspots by risk", "resume the meeting")
	chair.keys("q")
	if status := chair.exited(); status != 0 {
		t.Fatalf("the chair's ssh exited %d", status)
	}
	srv.stop(t)
}

// needSSH skips a test that needs the OpenSSH client (and tmux).
// newKey makes a throwaway ed25519 key in dir, named name; its path.
func newKey(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
	out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "e2e", "-f", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ssh-keygen %s: %v\n%s", name, err, out)
	}
	return path
}

// giveKeys makes each named member a throwaway key in dir and has the
// chair add it (`member key add`), checking she is told whose and which;
// the keys' paths by member.
func giveKeys(t *testing.T, env []string, db, dir string, names ...string) map[string]string {
	t.Helper()
	keys := map[string]string{}
	for _, name := range names {
		path := newKey(t, dir, name)
		out, errOut, code := run(t, env, "--db", db, "--as", "Helen Marsh", "member", "key", "add", name, path+".pub")
		if code != 0 || !strings.Contains(out, "for "+name) || !strings.Contains(out, fingerprint(t, path)) {
			t.Fatalf("member key add %s: exit %d: %s%s", name, code, out, errOut)
		}
		keys[name] = path
	}
	return keys
}

func needSSH(t *testing.T) {
	t.Helper()
	needTmux(t)
	for _, prog := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(prog); err != nil {
			t.Skipf("%s is not installed: the OpenSSH client is needed (.ci/run installs openssh-client)", prog)
		}
	}
}

// fingerprint is the SHA256 fingerprint of the key at path (or path.pub),
// as ssh-keygen -l gives it.
func fingerprint(t *testing.T, path string) string {
	t.Helper()
	if !strings.HasSuffix(path, ".pub") {
		path += ".pub"
	}
	out, err := exec.Command("ssh-keygen", "-lf", path).Output()
	f := strings.Fields(string(out))
	if err != nil || len(f) < 2 || !strings.HasPrefix(f[1], "SHA256:") {
		t.Fatalf("ssh-keygen -lf %s: %v: %q", path, err, out)
	}
	return f[1]
}

// itemTitle is the title of the meeting's item pane, right of the agenda
// ("HS-2 Staveley rec ground: … · Staveley North"), or "".
func itemTitle(scr string) string {
	for _, line := range strings.Split(scr, "\n") {
		if !strings.Contains(line, "┌ Agenda ") {
			continue
		}
		_, rest, ok := strings.Cut(line, "┐┌ ")
		if !ok {
			return ""
		}
		title, _, _ := strings.Cut(rest, " ─")
		return strings.TrimSpace(title)
	}
	return ""
}

// waitForChange waits until the item pane shows a title other than was.
func (tm *term) waitForChange(was string) string {
	tm.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = tm.screen()
		if title := itemTitle(scr); title != "" && title != was {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the item never changed from %q; the screen shows:\n%s", was, scr)
	return ""
}

// server is `tasking serve` running in the background for one test.
type server struct {
	cmd      *exec.Cmd
	port     string
	out, err *syncBuffer
	done     chan error // Wait's result
	stopOnce sync.Once
}

// startServe starts tasking serve on a free local port and waits until it
// says it is serving. It is stopped with
// SIGTERM when the test ends, if the test has not stopped it.
func startServe(t *testing.T, env []string, db string) *server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()

	s := &server{port: port, out: &syncBuffer{}, err: &syncBuffer{}, done: make(chan error, 1)}
	s.cmd = exec.Command(binary, "serve", "--db", db, "--listen", "127.0.0.1:"+port)
	s.cmd.Env = append(os.Environ(), env...)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.err
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.done <- s.cmd.Wait() }()
	t.Cleanup(func() { s.stop(t) })

	deadline := time.Now().Add(10 * time.Second)
	said := "tasking serve: " + db + " on 127.0.0.1:" + port + "\n"
	if pg.IsDSN(db) {
		said = "tasking serve: " + pg.Describe(db) + " on 127.0.0.1:" + port + "\n"
	}
	for !strings.Contains(s.out.String(), said) {
		select {
		case err := <-s.done:
			s.done <- err
			t.Fatalf("tasking serve ended before serving: %v\n%s%s", err, s.out, s.err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("tasking serve never said it was serving:\n%s%s", s.out, s.err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The line comes once the port is open (a probe connection would count
	// as a failed attempt from this address, so none is made).
	return s
}

// stop sends SIGTERM and checks that the server stops cleanly: exit 0,
// saying so. Only the first call does anything.
func (s *server) stop(t *testing.T) {
	t.Helper()
	s.stopOnce.Do(func() {
		if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Errorf("SIGTERM to tasking serve: %v", err)
		}
		select {
		case err := <-s.done:
			if err != nil || !strings.Contains(s.err.String(), "stopped; database closed") {
				t.Errorf("tasking serve after SIGTERM: %v\nstdout:\n%s\nstderr:\n%s", err, s.out, s.err)
			}
		case <-time.After(20 * time.Second):
			_ = s.cmd.Process.Kill()
			t.Errorf("tasking serve did not stop within 20s of SIGTERM\nstderr:\n%s", s.err)
		}
	})
}

// baseArgs are the ssh options every connection in the test uses: no
// configuration, agent or known-hosts file of the machine's, and only the
// key given.
func (s *server) baseArgs(key string) []string {
	return []string{"-F", "/dev/null", "-p", s.port, "-i", key,
		"-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null"}
}

// sshArgs connects as the member holding key, quietly, never prompting;
// extra options (such as -t) go before the host, remote words after it.
func (s *server) sshArgs(key string, extra ...string) []string {
	args := append(s.baseArgs(key), "-o", "BatchMode=yes", "-o", "LogLevel=ERROR")
	return append(append(args, extra...), "127.0.0.1")
}

// ssh runs one tasking command over SSH as the member holding key and
// returns stdout, stderr and the exit code.
func (s *server) ssh(t *testing.T, key string, remote ...string) (string, string, int) {
	t.Helper()
	return sshRun(t, append(s.sshArgs(key), remote...)...)
}

// sshRun runs ssh with args to completion: in a session of its own, so it
// has no terminal to ask anything on, and for at most 30 seconds.
func sshRun(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "ssh", args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ctx.Err() != nil {
		t.Fatalf("ssh %s: no answer in 30s\n%s%s", strings.Join(args, " "), out.String(), errb.String())
	} else if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// syncBuffer is a strings.Builder safe to read while a process writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
