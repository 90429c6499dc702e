package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBackupAndRestore is custody as an IT officer tries it: the chair
// takes a backup over SSH while the server runs (a member may not), the
// copy checks clean beside the server, closing a meeting keeps an
// automatic backup and says where, and restore puts a backup back after
// asking, keeping the file it replaced.
func TestBackupAndRestore(t *testing.T) {
	t.Parallel()
	needSSH(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := withClock(baseEnv(home), pinnedNow())
	if _, errOut, code := run(t, env, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	byName := giveKeys(t, env, db, home, "Helen Marsh", "Gary Fletcher")
	keys := map[string]string{"helen": byName["Helen Marsh"], "gary": byName["Gary Fletcher"]}

	srv := startServe(t, env, db)
	out, errOut, code := srv.ssh(t, keys["helen"], "backup", "-")
	if code != 0 || len(out) < 4096 {
		t.Fatalf("the chair's backup over SSH: exit %d, %d bytes: %s", code, len(out), errOut)
	}
	copyPath := filepath.Join(home, "copy.db")
	if err := os.WriteFile(copyPath, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = srv.ssh(t, keys["gary"], "backup", "-")
	if code == 0 || out != "" || !strings.Contains(errOut, "only the chair or an admin") {
		t.Fatalf("a member's backup over SSH: exit %d, %d bytes: %s", code, len(out), errOut)
	}
	if _, errOut, code = srv.ssh(t, keys["helen"], "backup", "copy.db"); code != 2 || !strings.Contains(errOut, "backup > copy.db") {
		t.Fatalf("a backup to a file on the server: exit %d: %s", code, errOut)
	}
	// The copy is a whole record, readable while the server still runs.
	if out, errOut, code = run(t, env, "--db", copyPath, "check"); code != 0 || !strings.Contains(out+errOut, "no problems") {
		t.Fatalf("check on the backup taken over SSH: exit %d: %s%s", code, out, errOut)
	}
	srv.stop(t)

	// What follows is later than the backup: an hour on, so the restore's
	// question has something to say goes, however the processes' clocks
	// (each starting at the pinned moment) happen to run.
	after := withClock(env, pinned.Add(time.Hour))
	// Closing a meeting keeps an automatic backup and says where.
	if _, errOut, code = run(t, after, "--db", db, "--as", "Helen Marsh", "meeting", "start"); code != 0 {
		t.Fatalf("meeting start: %s", errOut)
	}
	if _, errOut, code = run(t, after, "--db", db, "--as", "Helen Marsh", "action", "add", "--hotspot", "HS-1", "--agency", "police", "--due", "+2w", "After the backup"); code != 0 {
		t.Fatalf("action add: %s", errOut)
	}
	_, errOut, code = run(t, after, "--db", db, "--as", "Helen Marsh", "meeting", "close", "--next", "+1w")
	auto, _ := filepath.Glob(filepath.Join(db+"-backups", "tasking.db.backup-*-meeting-M-*"))
	if code != 0 || len(auto) != 1 || !strings.Contains(errOut, "backup kept: "+auto[0]) {
		t.Fatalf("meeting close: exit %d: %s; backups %v", code, errOut, auto)
	}

	// Restore asks first (no terminal, no --yes: nothing changes) …
	before, _ := os.ReadFile(db)
	out, errOut, code = run(t, after, "--db", db, "restore", copyPath)
	now, _ := os.ReadFile(db)
	if code != 2 || string(before) != string(now) || !strings.Contains(errOut, "goes from the record") || !strings.Contains(errOut, "add --yes") {
		t.Fatalf("restore without an answer: exit %d: %s%s", code, out, errOut)
	}
	// … and with --yes puts the backup back, keeping what it replaced.
	out, errOut, code = run(t, after, "--db", db, "restore", copyPath, "--yes")
	kept, _ := filepath.Glob(db + ".before-restore-*")
	if code != 0 || len(kept) != 1 || !strings.Contains(out, kept[0]) {
		t.Fatalf("restore --yes: exit %d: %s%s; kept %v", code, out, errOut, kept)
	}
	out, _, _ = run(t, after, "--db", db, "actions", "--all", "--format", "csv")
	if strings.Contains(out, "After the backup") {
		t.Error("the action made after the backup survived the restore")
	}
	out, _, _ = run(t, after, "--db", kept[0], "actions", "--all", "--format", "csv")
	if !strings.Contains(out, "After the backup") {
		t.Error("the file the restore replaced lost the action made after the backup")
	}
}
