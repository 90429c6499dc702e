package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/server"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/pflag"
)

// joinHolder has the served copy's server answer the socket beside the
// file too, as `tasking serve` does: the local binary on that file then
// runs through it.
func (p *servedPair) joinHolder(t *testing.T) string {
	t.Helper()
	sock := server.SocketPath(p.served)
	l, err := server.ListenLocal(sock)
	if err != nil {
		t.Fatal(err)
	}
	p.srv.SetIdentify(identifyJoined)
	go p.srv.ServeLocal(l)
	return sock
}

// TestEveryCommandIsTheSameThroughTheHolder runs the whole command tree
// twice — with the binary alone on a local copy, and with the binary on
// an identical copy that another process holds open (and answers the
// socket beside), which it joins — and wants the same stdout, stderr and
// exit code each time. Nothing is refused for the file being busy: the
// held copy is never opened by the binary (it would wait a second and be
// refused), so every line that matches ran through the holder.
func TestEveryCommandIsTheSameThroughTheHolder(t *testing.T) {
	t.Parallel()
	p := newServedPair(t)
	p.joinHolder(t)
	covered := p.compareEach(t, everyCommand(), "joined", func(st sshStep, args []string) result {
		return runIn(t, p.env(t), strings.NewReader(st.stdin), append([]string{"--db", p.served, "--as", st.who}, args...)...)
	})
	if n := strings.Count(p.logs.String(), `addr="local pid`); n < 50 {
		t.Errorf("only %d sessions came through the socket:\n%s", n, p.logs.String())
	}
	helen, gary := "Helen Marsh", "Gary Fletcher"

	// Who the process is, as alone: the member remembered for the file on
	// this computer; nobody (the file's owner reads everything, and a
	// change asks who is making it); a name that is no member.
	both := func(env []string, args ...string) (alone, joined result) {
		alone = runIn(t, env, nil, append([]string{"--db", p.local}, args...)...)
		joined = runIn(t, env, nil, append([]string{"--db", p.served}, args...)...)
		for _, f := range []*string{&alone.stdout, &alone.stderr} {
			*f = strings.ReplaceAll(*f, p.local, p.served)
		}
		return alone, joined
	}
	same := func(what string, alone, joined result) {
		t.Helper()
		if alone.code != joined.code || alone.stdout != joined.stdout || alone.stderr != joined.stderr {
			t.Errorf("%s\nalone  exit %d %q %q\njoined exit %d %q %q", what, alone.code, alone.stdout, alone.stderr, joined.code, joined.stdout, joined.stderr)
		}
	}
	p.step(len(everyCommand()) + 1) // the moment of everything below
	home := t.TempDir()
	env := p.env(t)
	for i, kv := range env {
		if strings.HasPrefix(kv, "XDG_CONFIG_HOME=") {
			env[i] = "XDG_CONFIG_HOME=" + home
		}
	}
	ids, _ := json.Marshal(identities{Databases: map[string]string{p.local: gary, p.served: gary}})
	if err := os.MkdirAll(filepath.Join(home, "tasking"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "tasking", "identity.json"), ids, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"actions", "--mine"},
		{"action", "update", "A-10", "--note", "Remembered as Gary"},
	} {
		a, j := both(env, args...)
		same("remembered: "+strings.Join(args, " "), a, j)
	}
	nobody := p.env(t)
	a, j := both(nobody, "member", "list")
	same("nobody named: member list", a, j)
	a, j = both(nobody, "action", "update", "A-10", "--note", "Who am I")
	same("nobody named: a change", a, j)
	if j.code != 1 || !strings.Contains(j.stderr, "who is making this change?") {
		t.Errorf("a change by nobody through the holder: exit %d, %q", j.code, j.stderr)
	}
	a, j = both(nobody, "--as", "Nobody At All", "actions")
	same("an unknown --as", a, j)

	// Files are the process's own: named from its own folder, read and
	// written there (by the holder, which runs as the same user).
	aloneDir, joinedDir := t.TempDir(), t.TempDir()
	for _, d := range []string{aloneDir, joinedDir} {
		if err := os.WriteFile(filepath.Join(d, "members.csv"), []byte("name,agency,role\nBea Stone,police,\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"--as", helen, "minutes", "latest", "-o", "minutes.md"},
		{"--as", helen, "minutes", "latest", "-o", "minutes.md"}, // there already: kept, and said so
		{"--as", helen, "export", "actions", "--format", "csv", "-o", "actions.csv"},
		{"--as", helen, "export", "actions", "--format", "csv", "--by-agency", "-o", "by-agency"},
		{"--as", helen, "member", "import", "members.csv", "--dry-run"},
		{"--as", helen, "member", "import", "missing.csv"},
	} {
		alone := runInDir(t, p.env(t), aloneDir, nil, append([]string{"--db", p.local}, args...)...)
		joined := runInDir(t, p.env(t), joinedDir, nil, append([]string{"--db", p.served}, args...)...)
		alone.stderr = strings.ReplaceAll(strings.ReplaceAll(alone.stderr, p.local, p.served), aloneDir, joinedDir)
		same(strings.Join(args, " "), alone, joined)
	}
	for _, f := range []string{"minutes.md", "actions.csv", "by-agency/derbyshire-constabulary-actions.csv"} {
		want, err := os.ReadFile(filepath.Join(aloneDir, f))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(joinedDir, f))
		if err != nil || !bytes.Equal(got, want) {
			a, b := firstDiff(string(want), string(got))
			t.Errorf("%s written through the holder: %v; want the same bytes as alone:\nalone  %q\njoined %q", f, err, a, b)
		}
	}

	// A backup comes through the holder, to standard output or into a
	// file in the process's own folder.
	if r := runIn(t, p.env(t), nil, "--db", p.served, "--as", helen, "backup", "-"); r.code != 0 || len(r.stdout) < 16384 {
		t.Errorf("a backup to standard output through the holder: exit %d, %d bytes, %q", r.code, len(r.stdout), r.stderr)
	}
	r := runInDir(t, p.env(t), joinedDir, nil, "--db", p.served, "--as", helen, "backup", "copy.db")
	if st, err := os.Stat(filepath.Join(joinedDir, "copy.db")); r.code != 0 || err != nil || st.Size() < 16384 || !strings.Contains(r.stderr, "checked in") || !strings.Contains(r.stderr, ": copy.db: ") {
		t.Errorf("a backup into a file through the holder: exit %d, %q, %v", r.code, r.stderr, err)
	}
	covered["backup"] = true

	// What only the file's own process may do waits for the file, and is
	// refused in one line naming the process that holds it.
	var wg sync.WaitGroup
	for _, args := range [][]string{{"demo"}, {"setup", "--name", "X", "--chair", "Y"}, {"check"}, {"upgrade"}, {"serve", "--listen", "127.0.0.1:0"}, {"check-pages"}, {"restore", "copy.db", "--yes"},
		{"copy", p.served, "whole.db"}} { // copy reads the file it is named, itself
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := runInDir(t, p.env(t), joinedDir, nil, append([]string{"--db", p.served, "--as", helen}, args...)...)
			if r.code == 0 || !strings.Contains(r.stderr, "in use by tasking serve (pid ") || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("%v while held: exit %d, %q; want one line naming the holder", args, r.code, r.stderr)
			}
		}()
		covered[commandOf(args)] = true
	}
	wg.Wait()
	// salvage reads the damaged file it is named, never --db, and makes a
	// new one: it never joins anything (salvage_test.go).
	covered["salvage"], covered["salvage-read"] = true, true
	for _, name := range untried(covered) {
		t.Errorf("%s is not tried through the holder", name)
	}
}

// withoutFlags reads a command line as its flags do: only --db and --as
// go, with their values however given, and a value that looks like a
// flag stays a value.
func TestWithoutFlags(t *testing.T) {
	flags := pflag.NewFlagSet("", pflag.ContinueOnError)
	flags.String("db", "", "")
	flags.String("as", "", "")
	flags.String("note", "", "")
	flags.StringP("output", "o", "", "")
	flags.BoolP("yes", "y", false, "")
	for _, c := range []struct {
		in, want []string
		db, as   string
	}{
		{[]string{"--db", "x.db", "actions"}, []string{"actions"}, "x.db", ""},
		{[]string{"action", "update", "A-1", "--db=x.db", "--as", "Gary", "--note", "--db"}, []string{"action", "update", "A-1", "--note", "--db"}, "x.db", "Gary"},
		{[]string{"--as=Helen Marsh", "minutes", "-o", "--as", "-yo", "m.md"}, []string{"minutes", "-o", "--as", "-yo", "m.md"}, "", "Helen Marsh"},
		{[]string{"note", "add", "--", "--db", "x"}, []string{"note", "add", "--", "--db", "x"}, "", ""},
		{[]string{"actions", "--db"}, []string{"actions"}, "", ""},
	} {
		got, given := withoutFlags(c.in, flags, "db", "as")
		if !slices.Equal(got, c.want) || given["db"] != c.db || given["as"] != c.as {
			t.Errorf("%q: got %q %v; want %q db=%q as=%q", c.in, got, given, c.want, c.db, c.as)
		}
	}
}

// TestLocalUseWhileServing: with `tasking serve` running, this machine's
// own tasking on that file joins it through the socket beside the file —
// no ssh, no key — and gets what it would alone; what only runs in the
// file's own process is refused in one line naming the server. The server
// stops cleanly on SIGTERM, taking its socket away; and a server killed
// outright leaves a socket that trips nobody: the next command opens the
// file itself, and the next server takes the socket's place.
func TestLocalUseWhileServing(t *testing.T) {
	db := demoDB(t)
	env := isolatedEnv(t.TempDir())
	sock := server.SocketPath(db)
	alone := run(t, env, "--db", db, "actions", "--agency", "police")
	if alone.code != 0 {
		t.Fatalf("actions alone: %+v", alone)
	}

	srv, lines, errb := startServe(t, env, db)
	banner := strings.Join(lines, "\n")
	for _, want := range []string{"tasking serve: " + db + " on 127.0.0.1:", "host key " + db + ".host-key (made now): SHA256:",
		"joins through " + sock + ", with no ssh"} {
		if !strings.Contains(banner, want) {
			t.Errorf("the server's first lines should say %q:\n%s", want, banner)
		}
	}
	if st, err := os.Stat(db + ".host-key"); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the host key should be made 0600: %v %v", st, err)
	}
	if st, err := os.Lstat(sock); err != nil || st.Mode()&os.ModeSocket == 0 || st.Mode().Perm() != 0o600 {
		t.Errorf("the socket should be beside the file, 0600: %v %v", st, err)
	}

	r := run(t, env, "--db", db, "actions", "--agency", "police")
	if r.code != 0 || r.stdout != alone.stdout || r.stderr != "" {
		t.Errorf("actions while served: exit %d, %q; want what it says alone", r.code, r.stderr)
	}
	r = run(t, env, "--db", db, "--as", "Gary Fletcher", "action", "update", "A-10", "--note", "Letters sent")
	if r.code != 0 || r.stdout != "A-10: progress note added\n" {
		t.Errorf("a change while served: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	failsWith(t, run(t, env, "--db", db, "check"), 1, "stop the server first")
	if !regexp.MustCompile(`session start.*member="Gary Fletcher" addr="local pid [0-9]+".*command="action update" refs=A-10`).MatchString(errb.String()) {
		t.Errorf("the server's log should name the local process and its command:\n%s", errb.String())
	}

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := srv.Wait(); err != nil {
		t.Fatalf("the server did not stop cleanly on SIGTERM: %v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "stopped; database closed") {
		t.Errorf("the server's log should say it stopped:\n%s", errb.String())
	}
	if _, err := os.Lstat(sock); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the socket should go with the server: %v", err)
	}
	// Once it has gone, the file is everyone's again.
	ok(t, "--db", db, "actions", "--agency", "police")

	// Killed outright, a server leaves its socket behind: it trips
	// nobody.
	srv, _, _ = startServe(t, env, db)
	if err := srv.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	srv.Wait()
	if _, err := os.Lstat(sock); err != nil {
		t.Fatalf("a killed server's socket should be left behind: %v", err)
	}
	r = run(t, env, "--db", db, "--as", "Gary Fletcher", "action", "update", "A-10", "--note", "After the server was killed")
	if r.code != 0 || r.stdout != "A-10: progress note added\n" {
		t.Errorf("a change after the server was killed: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	srv, _, errb = startServe(t, env, db)
	if r := run(t, env, "--db", db, "actions", "--agency", "police"); r.code != 0 || r.stdout != alone.stdout {
		t.Errorf("actions through the next server: exit %d, %q", r.code, r.stderr)
	}
	if !strings.Contains(errb.String(), `addr="local pid`) {
		t.Errorf("the next server should answer the socket the killed one left:\n%s", errb.String())
	}
	srv.Process.Signal(syscall.SIGTERM)
	srv.Wait()
}

// startServe starts `tasking serve` on db and reads its banner.
func startServe(t *testing.T, env []string, db string) (*exec.Cmd, []string, *syncBuffer) {
	t.Helper()
	srv := exec.Command(binary, "--db", db, "serve", "--listen", "127.0.0.1:0")
	srv.Env = env
	out, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errb := &syncBuffer{}
	srv.Stderr = errb
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	lines := bufio.NewScanner(out)
	var said []string
	for lines.Scan() {
		said = append(said, lines.Text())
		if strings.HasPrefix(lines.Text(), "ctrl+c stops") {
			break
		}
	}
	go func() {
		for lines.Scan() {
		}
	}()
	return srv, said, errb
}

// A joined app is who its process says, decided as the app alone decides:
// --as NAME (an unknown one refused with the same words), else the member
// remembered for the file, else nobody (the app asks); whoever chooses
// themselves is remembered in the process's own file of identities.
func TestAJoinedAppIsWhoItsProcessSays(t *testing.T) {
	db := demoDB(t)
	s, err := bolt.Open(db, bolt.Options{Mode: "tui"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := filepath.Join(t.TempDir(), "tasking", "identity.json")
	for _, c := range []struct {
		peer  server.Peer
		known string
		err   string
	}{
		{server.Peer{Name: "Gary Fletcher", Named: true}, "Gary Fletcher", ""},
		{server.Peer{Name: "Gary Fletcher"}, "Gary Fletcher", ""}, // remembered
		{server.Peer{}, "", ""},
		{server.Peer{Name: "Someone Who Left"}, "", ""}, // remembered, but no member: asked again
		{server.Peer{Name: "Nobody At All", Named: true}, "", `--as: no member is called "Nobody At All"`},
	} {
		c.peer.Identities = ids
		id, err := identifyJoined(s, c.peer)
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%+v: %v; want %q", c.peer, err, c.err)
			}
		case err != nil:
			t.Errorf("%+v: %v", c.peer, err)
		case id.Known != (c.known != "") || id.Member.Name != c.known:
			t.Errorf("%+v: known %v as %q; want %q", c.peer, id.Known, id.Member.Name, c.known)
		case id.Remember == nil:
			t.Errorf("%+v: nothing to remember a choice with", c.peer)
		}
	}
	id, _ := identifyJoined(s, server.Peer{Identities: ids})
	if err := id.Remember(model.Member{Name: "Sgt Jas Patel"}); err != nil {
		t.Fatal(err)
	}
	got, err := readIdentitiesAt(ids)
	if err != nil || got.Databases[s.Path()] != "Sgt Jas Patel" {
		t.Errorf("the choice should be remembered in the process's own file: %+v %v", got, err)
	}
}
