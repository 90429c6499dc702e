//go:build linux

package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// A full disk is simulated portably, without a tiny filesystem (which needs
// privileges): the child process is given a file size limit
// (RLIMIT_FSIZE), so every write past it fails with EFBIG, as a write to a
// full disk fails with ENOSPC. Go ignores the SIGXFSZ that comes with it.
const (
	limitedEnv  = "TASKING_STORE_LIMITED_CHILD" // what the child does
	limitedPath = "TASKING_STORE_LIMITED_PATH"
	limitedSize = "TASKING_STORE_LIMITED_FSIZE"
)

// TestLimitedChild is the child: it lowers its file size limit, then does
// what it was asked and prints the outcome on one line.
func TestLimitedChild(t *testing.T) {
	what := os.Getenv(limitedEnv)
	if what == "" {
		t.Skip("helper for the tests of a full disk")
	}
	size, err := strconv.ParseUint(os.Getenv(limitedSize), 10, 64)
	if err != nil {
		fmt.Println("BAD SIZE")
		os.Exit(4)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: size, Max: size}); err != nil {
		fmt.Println("SETRLIMIT:", err)
		os.Exit(4)
	}
	path := os.Getenv(limitedPath)
	s, err := Open(path, Options{})
	if err == nil && what == "autobackup" {
		_, err = s.AutoBackup("meeting-M-1")
	}
	if err != nil {
		fmt.Println("ERROR:", err)
		os.Exit(3)
	}
	s.Close()
	fmt.Println("DONE")
	os.Exit(0)
}

// underLimit runs the child with a file size limit and returns its output
// and exit code.
func underLimit(t *testing.T, what, path string, size uint64) (string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLimitedChild$")
	cmd.Env = append(os.Environ(), limitedEnv+"="+what, limitedPath+"="+path, limitedSize+"="+strconv.FormatUint(size, 10))
	out, _ := cmd.CombinedOutput()
	if strings.Contains(string(out), "panic") || strings.Contains(string(out), "SIGSEGV") {
		t.Fatalf("the child crashed:\n%s", out)
	}
	return string(out), cmd.ProcessState.ExitCode()
}

// leftIn lists everything under dir.
func leftIn(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if p != dir {
			found = append(found, strings.TrimPrefix(p, dir+"/"))
		}
		return nil
	})
	return found
}

// A new database that cannot be made — the disk full from the first byte,
// part way through bbolt's first pages, or at its first commit — is refused in one
// line and leaves nothing: no 0-byte or half-written file to be called
// damaged next time, no folder made for it. Room again, it is made.
func TestANewDatabaseOnAFullDiskLeavesNothing(t *testing.T) {
	for _, size := range []uint64{0, 6 << 10, 20 << 10} {
		t.Run(fmt.Sprintf("room for %d bytes", size), func(t *testing.T) {
			root := t.TempDir()
			path := filepath.Join(root, "new", "folder", "tasking.db")
			out, code := underLimit(t, "open", path, size)
			if code != 3 || !strings.Contains(out, "cannot create "+path) || !strings.Contains(out, "nothing was left there") ||
				strings.Count(strings.TrimSpace(out), "\n") > 2 {
				t.Fatalf("a new file on a full disk: exit %d:\n%s", code, out)
			}
			if left := leftIn(t, root); len(left) != 0 {
				t.Fatalf("a failed creation left %v", left)
			}
			s, err := Open(path, Options{})
			mustNoErr(t, err)
			mustNoErr(t, s.Close())
		})
	}
}

// An automatic backup that runs out of room leaves neither a part of the
// copy nor the folder it made for it.
func TestAFailedAutomaticBackupLeavesNoFolder(t *testing.T) {
	s, _, path := openTiny(t)
	mustNoErr(t, s.Close())
	s.db = nil
	out, code := underLimit(t, "autobackup", path, 4<<10)
	if code != 3 || !strings.Contains(out, "cannot write the automatic backup") {
		t.Fatalf("a backup on a full disk: exit %d:\n%s", code, out)
	}
	if _, err := os.Stat(path + "-backups"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a failed automatic backup left its folder: %v %v", err, leftIn(t, path+"-backups"))
	}
	// With room, the same backup is made.
	out, code = underLimit(t, "autobackup", path, 1<<30)
	if code != 0 {
		t.Fatalf("a backup with room: exit %d:\n%s", code, out)
	}
	if left := leftIn(t, path+"-backups"); len(left) != 1 {
		t.Fatalf("backups after one: %v", left)
	}
}

// A failed demo or setup calls Discard: a file its Open made, still
// without a partnership, goes with the folders made for it; a file that
// was there before, or that holds a partnership, stays.
func TestDiscardTakesAwayOnlyWhatOpenMade(t *testing.T) {
	root := t.TempDir()
	path := filepath.Join(root, "a", "b", "tasking.db")
	s, err := Open(path, Options{})
	mustNoErr(t, err)
	mustNoErr(t, s.Discard())
	if left := leftIn(t, root); len(left) != 0 {
		t.Fatalf("Discard left %v", left)
	}

	// Made, then set up: kept.
	clock := &fixedClock{t: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)}
	s, err = Open(path, Options{Now: clock.now})
	mustNoErr(t, err)
	mustNoErr(t, s.Seed(model.SystemActor("test"), tinyDataset(clock.t)))
	mustNoErr(t, s.Discard())
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("Discard removed a file holding a partnership: %v", err)
	}

	// There before, empty: kept.
	other := filepath.Join(root, "empty.db")
	s, err = Open(other, Options{})
	mustNoErr(t, err)
	mustNoErr(t, s.Close())
	s, err = Open(other, Options{})
	mustNoErr(t, err)
	mustNoErr(t, s.Discard())
	if _, err := os.Stat(other); err != nil {
		t.Fatalf("Discard removed a file it did not make: %v", err)
	}
}

// A process killed while making a new database leaves its part
// (tasking.db.new-PID) beside the name, never under it; the next Open
// clears it away.
func TestAKilledCreationIsClearedAway(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tasking.db")
	gone := exec.Command("true")
	mustNoErr(t, gone.Run())
	part := newAsideName(path, gone.Process.Pid)
	mustNoErr(t, os.WriteFile(part, []byte("half"), 0o600))
	s, err := Open(path, Options{})
	mustNoErr(t, err)
	mustNoErr(t, s.Close())
	if left := leftIn(t, dir); len(left) != 1 || left[0] != "tasking.db" {
		t.Fatalf("after making a new database: %v", left)
	}
}

// A file others may read, on a filesystem that will not let it be made
// private (a share, a read-only mount, another owner's file), is still
// opened — to read and to write — with a warning saying why it matters.
func TestAFileThatCannotBeMadePrivateStillOpens(t *testing.T) {
	tiny, _, path := openTiny(t)
	mustNoErr(t, tiny.Close())
	tiny.db = nil
	mustNoErr(t, os.Chmod(path, 0o644))
	defer func(was func(string, fs.FileMode) error) { makePrivate = was }(makePrivate)
	makePrivate = func(name string, _ fs.FileMode) error {
		return &fs.PathError{Op: "chmod", Path: name, Err: syscall.EROFS}
	}
	for _, ro := range []bool{true, false} {
		s, err := Open(path, Options{ReadOnly: ro})
		if err != nil {
			t.Fatalf("read-only %v: a file that cannot be made private was refused: %v", ro, err)
		}
		n := s.Notices()
		if len(n) != 1 || !strings.Contains(n[0], "can be read by others (0644) and could not be made private (read-only file system)") ||
			!strings.HasPrefix(n[0], "warning: ") {
			t.Errorf("read-only %v: notices %q", ro, n)
		}
		if _, err := s.Partnership(); err != nil {
			t.Errorf("read-only %v: the record cannot be read: %v", ro, err)
		}
		mustNoErr(t, s.Close())
	}
}

// A file this process may not write is refused to a writer in one line
// saying so; the app (ReadOnlyIfDenied) opens it read-only, says so, and
// every change is refused with the same reason, the file unchanged and no
// owner file written.
func TestAFileThatCannotBeWrittenOpensReadOnlyForTheApp(t *testing.T) {
	tiny, _, path := openTiny(t)
	mustNoErr(t, tiny.Close())
	tiny.db = nil
	before, err := os.ReadFile(path)
	mustNoErr(t, err)
	defer func(was func(string) error) { probeWritable = was }(probeWritable)
	probeWritable = func(name string) error {
		return &fs.PathError{Op: "open", Path: name, Err: syscall.EROFS}
	}

	_, err = Open(path, Options{})
	var unwritable *UnwritableError
	if !errors.As(err, &unwritable) || !strings.Contains(err.Error(), path+" cannot be written here (read-only file system): nothing was changed") {
		t.Fatalf("a writer on an unwritable file: %v", err)
	}

	s, err := Open(path, Options{ReadOnlyIfDenied: true})
	mustNoErr(t, err)
	defer s.Close()
	if n := s.Notices(); len(n) != 1 || !strings.Contains(n[0], "cannot be written here (read-only file system): opened read-only") {
		t.Errorf("notices %q", n)
	}
	if _, err := s.Home(); err != nil {
		t.Errorf("home cannot be read: %v", err)
	}
	_, err = s.StartMeeting(chair, s.Today())
	var ro *ReadOnlyError
	if !errors.As(err, &ro) || err.Error() != path+" is open read-only (this computer may not write it: read-only file system): nothing was saved" {
		t.Errorf("a change to a read-only file: %v", err)
	}
	if _, err := os.Stat(ownerPath(path)); err == nil {
		t.Error("a read-only open wrote an owner file")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the file was changed")
	}
}

// The owner file is written whole or not at all: a disk that fills part way,
// or a rename refused, leaves no owner.tmp behind.
func TestTheOwnerFileLeavesNoTemporaryPart(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tasking.db")
	defer func(was func(string, []byte) error) { writeOwnerFile = was }(writeOwnerFile)
	writeOwnerFile = func(name string, b []byte) error {
		_ = os.WriteFile(name, b[:len(b)/2], 0o600)
		return &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
	}
	if err := writeOwner(db, "tui", ""); err == nil {
		t.Fatal("a failed owner write was not reported")
	}
	if left := leftIn(t, dir); len(left) != 0 {
		t.Fatalf("a failed owner write left %v", left)
	}
	writeOwnerFile = func(name string, b []byte) error { return os.WriteFile(name, b, 0o600) }
	// The name taken by a folder with something in it: the rename fails.
	mustNoErr(t, os.MkdirAll(filepath.Join(ownerPath(db), "x"), 0o700))
	if err := writeOwner(db, "tui", ""); err == nil {
		t.Fatal("a refused rename was not reported")
	}
	if _, err := os.Stat(ownerPath(db) + ".tmp"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a refused rename left the temporary owner file: %v", err)
	}
}

// check's page check, in a child of its own, names the process holding the
// file — as every other command does — instead of bbolt's bare "timeout".
func TestThePageCheckNamesTheHolder(t *testing.T) {
	_, _, path := openTiny(t)
	mustNoErr(t, writeOwner(path, "test holder", ""))
	_, err := CheckPagesOf(path)
	var locked *LockedError
	want := fmt.Sprintf("is in use by tasking test holder (pid %d, since", os.Getpid())
	if !errors.As(err, &locked) || !strings.Contains(err.Error(), want) {
		t.Fatalf("the page check of a held file: %v, want %q", err, want)
	}
}
