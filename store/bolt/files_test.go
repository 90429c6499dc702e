//go:build unix

package bolt

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Only a regular tasking file is opened: an empty file is damage (never
// made into a new database), a directory, FIFO or device gets one line,
// and a file others can read is made private, with a notice.
func TestOnlyRegularFilesOpen(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	mustNoErr(t, os.WriteFile(empty, nil, 0o600))
	fifo := filepath.Join(dir, "pipe.db")
	mustNoErr(t, syscall.Mkfifo(fifo, 0o600))
	for _, ro := range []bool{false, true} {
		for path, want := range map[string]string{
			empty:       "it is empty (0 bytes)",
			dir:         "it is a directory",
			fifo:        "named pipe (FIFO)",
			"/dev/null": "it is a device",
		} {
			_, err := Open(path, Options{ReadOnly: ro})
			if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("open %s (read-only %v): %v, want one line saying %q", path, ro, err, want)
			}
		}
		if st, _ := os.Stat(empty); st.Size() != 0 {
			t.Fatal("the empty file was made into a database")
		}
	}
	if _, err := Open(filepath.Join(dir, "missing.db"), Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "is missing") {
		t.Errorf("a reader opened a missing file: %v", err)
	}

	tiny, _, path := openTiny(t)
	mustNoErr(t, tiny.Close())
	tiny.db = nil
	mustNoErr(t, os.Chmod(path, 0o644))
	s, err := Open(path, Options{ReadOnly: true})
	mustNoErr(t, err)
	defer s.Close()
	if n := s.Notices(); len(n) != 1 || !strings.Contains(n[0], "made private (0600)") {
		t.Errorf("notices %v", n)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %04o after opening, want 0600", st.Mode().Perm())
	}
	// Two readers at once.
	s2, err := Open(path, Options{ReadOnly: true})
	mustNoErr(t, err)
	s2.Close()

	// A writer waiting on a reader is told the file is in use; an owner
	// file left by a process that has gone is not blamed.
	gone := exec.Command("true")
	mustNoErr(t, gone.Run())
	b, _ := json.Marshal(Owner{PID: gone.Process.Pid, Mode: "tui", Host: hostname()})
	mustNoErr(t, os.WriteFile(ownerPath(path), b, 0o600))
	_, err = Open(path, Options{LockTimeout: 100 * time.Millisecond})
	var locked *LockedError
	if !errors.As(err, &locked) || locked.Owner != nil || strings.Contains(err.Error(), "pid") {
		t.Errorf("blamed a process that has gone: %v", err)
	}
}

// A file a newer release wrote is refused, reading or writing, with both
// versions named, and left as it is.
func TestNewerSchemaRefused(t *testing.T) {
	tiny, _, path := openTiny(t)
	mustNoErr(t, tiny.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint64(nil, SchemaVersion+1))
	}))
	mustNoErr(t, tiny.Close())
	tiny.db = nil
	before, _ := os.ReadFile(path)
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro})
		var tooNew *TooNewError
		if !errors.As(err, &tooNew) || !strings.Contains(err.Error(), fmt.Sprintf("schema %d; this one understands up to %d", SchemaVersion+1, SchemaVersion)) {
			t.Errorf("read-only %v: %v", ro, err)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the newer file was changed")
	}
}

// A file served by `tasking serve` is refused at once, naming the server:
// the owner file says so, and no lock is waited for (this one is not even
// locked — a wait would have opened it).
func TestAServedFileIsRefusedAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Something answers on the address the owner file names, as a server would.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	host, _ := os.Hostname()
	owner := fmt.Sprintf(`{"pid":%d,"mode":"serve","started":"2026-11-24T09:00:00Z","host":%q,"listen":%q}`, os.Getppid(), host, l.Addr().String())
	if err := os.WriteFile(path+".owner", []byte(owner), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro, LockTimeout: time.Hour})
		var served *ServedError
		if !errors.As(err, &served) || !strings.Contains(err.Error(), "ssh -p "+port(l)+" 127.0.0.1") {
			t.Errorf("read-only %v: %v; want it refused as served, with the ssh command", ro, err)
		}
	}
	// Once nothing answers there (the server died and its pid went to
	// another program), the owner file is not believed.
	l.Close()
	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a dead server's owner file still blocks the file: %v", err)
	}
	s.Close()
}

func port(l net.Listener) string {
	_, p, _ := net.SplitHostPort(l.Addr().String())
	return p
}
