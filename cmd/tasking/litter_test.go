//go:build linux

package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ccsp/tasking/store/bolt"
)

// A full disk, simulated without privileges: the shell's `ulimit -f` gives
// tasking a file size limit (RLIMIT_FSIZE), and every write past it fails
// (EFBIG) as a write to a full disk does (ENOSPC). blocks is in the shell's
// units (512 or 1024 bytes): 0 is a disk full from the first byte.
func runOnFullDisk(t *testing.T, env []string, blocks int, args ...string) result {
	t.Helper()
	if env == nil {
		env = isolatedEnv(t.TempDir())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", append([]string{"-c", `ulimit -f "$1" && shift && exec "$@"`, "sh", strconv.Itoa(blocks), binary}, args...)...)
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running tasking with a file size limit: %v", err)
	}
	return r
}

// everything lists what is under dir, for a message.
func everything(dir string) []string {
	var found []string
	_ = filepath.WalkDir(dir, func(p string, _ fs.DirEntry, _ error) error {
		if p != dir {
			found = append(found, strings.TrimPrefix(p, dir+"/"))
		}
		return nil
	})
	return found
}

// demo and setup on a full disk fail in one line and leave nothing — no
// 0-byte file that would then block them as "damaged", no folder made for
// it — whether the disk is full from the first byte or fills as the
// partnership is written; with room again, they work.
func TestDemoAndSetupOnAFullDiskLeaveNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"demo", []string{"demo"}},
		{"setup", []string{"setup", "--name", "Bolsover CSP", "--chair", "Ann Lee"}},
	} {
		// 0: nothing can be written; 100 blocks: the new, empty file is
		// made, and the partnership does not fit.
		for _, blocks := range []int{0, 100} {
			t.Run(tc.name+" "+strconv.Itoa(blocks), func(t *testing.T) {
				t.Parallel()
				root := t.TempDir()
				db := filepath.Join(root, "new", "folder", "tasking.db")
				env := isolatedEnv(t.TempDir())
				args := append([]string{"--db", db}, tc.args...)
				r := runOnFullDisk(t, env, blocks, args...)
				failsWith(t, r, 1, "")
				if left := everything(root); len(left) != 0 {
					t.Fatalf("a failed %s left %v (stderr %q)", tc.name, left, r.stderr)
				}
				if r := run(t, env, args...); r.code != 0 {
					t.Fatalf("%s with room again: exit %d: %s", tc.name, r.code, r.stderr)
				}
			})
		}
	}
}

// An export by agency that runs out of room takes away the files it wrote
// and the folder it made; a backup leaves neither its file nor its part.
func TestAFailedExportOrBackupLeavesNothing(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	root := t.TempDir()
	out := filepath.Join(root, "logs", "by-agency")
	// Room for a few of the files, not all of them.
	r := runOnFullDisk(t, nil, 4, "--db", db, "export", "actions", "--format", "csv", "--by-agency", "-o", out)
	failsWith(t, r, 1, "")
	if left := everything(root); len(left) != 0 {
		t.Fatalf("a failed export --by-agency left %v (stderr %q)", left, r.stderr)
	}
	r = runOnFullDisk(t, nil, 4, "--db", db, "backup", filepath.Join(root, "copy.db"))
	failsWith(t, r, 1, "nothing was left there")
	if left := everything(root); len(left) != 0 {
		t.Fatalf("a failed backup left %v (stderr %q)", left, r.stderr)
	}
	// With room, both are made.
	ok(t, "--db", db, "export", "actions", "--format", "csv", "--by-agency", "-o", out)
	if len(everything(out)) < 2 {
		t.Fatalf("the export with room wrote %v", everything(out))
	}
}

// An export by agency with nothing to export makes no folder.
func TestAnExportOfNothingMakesNoFolder(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "new.db")
	ok(t, "--db", db, "setup", "--name", "Bolsover CSP", "--chair", "Ann Lee")
	out := filepath.Join(t.TempDir(), "by-agency")
	r := run(t, nil, "--db", db, "export", "actions", "--format", "csv", "--by-agency", "-o", out)
	if r.code != 0 || !strings.Contains(r.stderr, "nothing written") {
		t.Fatalf("export of no actions: exit %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("an export that wrote nothing made its folder")
	}
}

// A --db that does not exist is called missing — for commands that read
// and those that write — and nothing is made there.
func TestAMissingDatabaseIsCalledMissing(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "typo", "tasking.db")
	for _, args := range [][]string{
		{"actions"}, {"hotspot", "list"}, {"minutes"}, {"check"}, {"backup", filepath.Join(t.TempDir(), "b.db")},
		{"--as", "Helen Marsh", "action", "update", "A-1", "--note", "x"},
	} {
		r := run(t, nil, append(args, "--db", missing)...)
		failsWith(t, r, 1, "database "+missing+" is missing (no such file): check --db or $TASKING_DB")
		if strings.Contains(r.stderr, "no partnership") {
			t.Errorf("%v: a missing file was called empty: %s", args, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("a command made the folder of a missing database")
	}
}

// The app opened on a --db that does not exist makes the file for its
// welcome screen; closed with no partnership set up, it takes it away
// again, so the path is still called missing and no folder made for it is
// left (here the app finds no terminal and closes at once).
func TestTheAppLeavesNoEmptyDatabase(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "typo", "tasking.db")
	run(t, nil, "--db", missing)
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Errorf("the app closed with no partnership and left %v", everything(filepath.Dir(filepath.Dir(missing))))
	}
	failsWith(t, run(t, nil, "--db", missing, "actions"), 1, "database "+missing+" is missing (no such file)")
}

// check names the process holding the file, as every other command does.
func TestCheckNamesTheHolder(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	s, err := bolt.Open(db, bolt.Options{Mode: "test holder", LockTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := run(t, nil, "--db", db, "check")
	failsWith(t, r, 1, "is in use by tasking test holder (pid "+strconv.Itoa(os.Getpid())+", since")
	if strings.Contains(r.stderr, "timeout") {
		t.Errorf("check said %q", r.stderr)
	}
}

// A file tasking may not write: a reader reads it; a command that changes
// the record is refused in one line; the app opens it read-only and says
// so. Run as root, the test runs tasking as nobody on root's 0644 file,
// which nobody can neither write nor make private (as on a share): the
// file still reads, with a warning. Otherwise the file is made 0444.
func TestAFileThatCannotBeWritten(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	asRoot := os.Geteuid() == 0
	bin := binary
	if asRoot {
		// nobody must reach the binary and the file.
		for d := dir; d != filepath.Dir(os.TempDir()) && d != "/"; d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
			if d == filepath.Clean(os.TempDir()) {
				break
			}
		}
		bin = filepath.Join(dir, "tasking")
		b, err := os.ReadFile(binary)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, b, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "tasking.db")
	b, err := os.ReadFile(masterDB)
	if err != nil {
		t.Fatal(err)
	}
	mode := os.FileMode(0o444)
	if asRoot {
		mode = 0o644
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(db, mode); err != nil {
		t.Fatal(err)
	}
	runAs := func(args ...string) result {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = isolatedEnv(dir)
		if asRoot {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		r := result{stdout: stdout.String(), stderr: stderr.String()}
		if ee, ok := err.(*exec.ExitError); ok {
			r.code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return r
	}
	notPrivate := "warning: " + db + " can be read by others (0644) and could not be made private (operation not permitted)"

	r := runAs("--db", db, "actions", "--format", "csv")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "ref,hotspot") {
		t.Fatalf("reading a file that cannot be written: exit %d: %s", r.code, r.stderr)
	}
	if asRoot && !strings.Contains(r.stderr, notPrivate) {
		t.Errorf("no warning that the file could not be made private: %q", r.stderr)
	}

	r = runAs("--db", db, "--as", "Helen Marsh", "action", "update", "A-1", "--note", "Letters sent")
	if r.code != 1 || !strings.Contains(r.stderr, "tasking: "+db+" cannot be written here (permission denied): nothing was changed") {
		t.Errorf("a change to a file that cannot be written: exit %d: %q", r.code, r.stderr)
	}

	// The app: told before it starts (here it then finds no terminal).
	r = runAs("--db", db, "--as", "Helen Marsh")
	if !strings.Contains(r.stderr, "tasking: "+db+" cannot be written here (permission denied): opened read-only") {
		t.Errorf("the app did not say it opened the file read-only: exit %d: %q", r.code, r.stderr)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(after, b) {
		t.Error("the file was changed")
	}
	if _, err := os.Stat(db + ".owner"); err == nil {
		t.Error("an owner file was written beside a file opened read-only")
	}
}
