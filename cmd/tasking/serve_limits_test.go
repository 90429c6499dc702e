package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/log/v2"
	"github.com/ccsp/tasking/server"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
)

// endless is an input of n bytes that is made as it is read, counting
// what was taken: a huge file without the memory or the disk.
type endless struct {
	n, read atomic.Int64
}

func newEndless(n int64) *endless {
	e := &endless{}
	e.n.Store(n)
	return e
}

func (e *endless) Read(p []byte) (int, error) {
	left := e.n.Load() - e.read.Load()
	if left <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), left)]
	for i := range p {
		p[i] = 'x'
	}
	e.read.Add(int64(len(p)))
	return len(p), nil
}

// allocated is how much the process has allocated in all, so far.
func allocated() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// A file read for a flag, or sent on standard input, is read up to the
// limit and no further: a 1 GB one is refused having cost no more than
// the limit, whether its size gives it away (a file: refused before a
// byte is read) or not (standard input, a pipe).
func TestAFileIsReadOnlyUpToItsLimit(t *testing.T) {
	limit := server.DefaultMaxInput
	a := &app{}
	cmd := &cobra.Command{}

	big := filepath.Join(t.TempDir(), "statement.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	before := allocated()
	_, err = a.readInput(cmd, "--statement-file", big)
	if err == nil || !strings.Contains(err.Error(), "is larger than 16 MB") {
		t.Errorf("a 1 GB --statement-file: %v", err)
	}
	if got := allocated() - before; got > 1<<20 {
		t.Errorf("refusing a 1 GB file by its size allocated %d MB", got>>20)
	}

	in := newEndless(1 << 30)
	cmd.SetIn(in)
	before = allocated()
	_, err = a.readInput(cmd, "FILE", "-")
	if err == nil || !strings.Contains(err.Error(), "standard input is larger than 16 MB") {
		t.Errorf("1 GB on standard input: %v", err)
	}
	if read := in.read.Load(); read > int64(limit)+64<<10 {
		t.Errorf("%d MB of a 1 GB standard input was read, the limit being 16 MB", read>>20)
	}
	if got := allocated() - before; got > 8*uint64(limit) { // io.ReadAll grows its buffer: a few times the limit, not the input
		t.Errorf("reading standard input up to the limit allocated %d MB", got>>20)
	}

	// Under the limit, all of it.
	small := filepath.Join(t.TempDir(), "ok.txt")
	if err := os.WriteFile(small, []byte("Confidential."), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := a.readInput(cmd, "--statement-file", small); err != nil || string(b) != "Confidential." {
		t.Errorf("a small file: %q, %v", b, err)
	}
}

// Over SSH the server's own setting bounds what a command reads from the
// person's standard input: past it the command is refused and reads no
// more, so the client cannot send the rest.
func TestOverSSHStandardInputIsReadUpToTheServersLimit(t *testing.T) {
	t.Parallel()
	p := newServedPair(t)
	dir := t.TempDir()
	st, err := bolt.Open(copyDB(t, p.local, "limited.db"), bolt.Options{Mode: "serve"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(st, server.Config{Listen: "127.0.0.1:0", HostKeyPath: filepath.Join(dir, "host-key"), MaxInput: 64 << 10},
		log.New(io.Discard), runRemote, describeForLog)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	defer srv.Shutdown(context.Background())

	cfg := &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(p.keys["Helen Marsh"])},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	c, err := gossh.Dial("tcp", l.Addr().String(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	in := newEndless(64 << 20)
	var errb bytes.Buffer
	s.Stdin, s.Stderr = in, &errb
	err = s.Run("partnership set --statement-file -")
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 || !strings.Contains(errb.String(), "standard input is larger than 64 KB") {
		t.Errorf("64 MB on standard input: %v, %q", err, errb.String())
	}
	// What was sent beyond the limit is what ssh's window let through
	// before the command was refused (2 MB), not the rest.
	if sent := in.read.Load(); sent > 8<<20 {
		t.Errorf("the client sent %d MB of its 64 MB", sent>>20)
	}
}

// --check-config finds a host-key folder serve could not write (today it
// would pass, and serve then fail): a path under a regular file, which no
// one may write, root included, and a 0500 folder.
func TestCheckConfigFindsAHostKeyFolderItCannotWrite(t *testing.T) {
	db := demoDB(t)
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	failsWith(t, run(t, nil, "--db", db, "serve", "--check-config", "--listen", "127.0.0.1:0",
		"--host-key", filepath.Join(file, "host-key")), 1, "is not a folder")
	failsWith(t, run(t, nil, "--db", db, "serve", "--check-config", "--listen", "127.0.0.1:0",
		"--host-key", filepath.Join(t.TempDir(), "missing", "host-key")), 1, "--host-key: the folder")
	if os.Geteuid() == 0 {
		t.Log("running as root, for whom a 0500 folder is writable: only the path under a file is tried")
		return
	}
	locked := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(locked, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o700) })
	failsWith(t, run(t, nil, "--db", db, "serve", "--check-config", "--listen", "127.0.0.1:0",
		"--host-key", filepath.Join(locked, "host-key")), 1, "nothing can be written in")
}
