package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsp/tasking/store/pg/pgtest"
)

// TestTwoServersOnOnePostgresDatabase: a county runs two `tasking serve`
// processes on one PostgreSQL database. The chair's app is on the first;
// the housing rep updates an action through the second; the chair's
// screen names the change as it lands (LISTEN/NOTIFY between the
// servers), and the first server reads the note in his name. Skipped in
// one line without TASKING_TEST_POSTGRES.
func TestTwoServersOnOnePostgresDatabase(t *testing.T) {
	t.Parallel()
	needSSH(t)
	dsn := pgtest.DSN(t)
	home := t.TempDir()
	keyDir := filepath.Join(home, "keys")
	if err := os.Mkdir(keyDir, 0o700); err != nil {
		t.Fatal(err)
	}
	env := baseEnv(home)
	if _, errOut, code := run(t, env, "--db", dsn, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	keys := giveKeys(t, env, dsn, keyDir, "Helen Marsh", "Gary Fletcher")
	helen, gary := keys["Helen Marsh"], keys["Gary Fletcher"]
	one := startServe(t, env, dsn)
	two := startServe(t, env, dsn)

	chair := startProgram(t, 120, 36, env, "ssh", one.sshArgs(helen, "-t")...)
	chair.waitFor("Hotspots by risk", "you: Helen Marsh")

	out, errOut, code := two.ssh(t, gary, "actions", "--agency", "housing", "--format", "json")
	var rows []map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
		t.Fatalf("ssh (second server) … actions --agency housing: exit %d: %s%s", code, out, errOut)
	}
	ref := rows[0]["ref"]
	out, errOut, code = two.ssh(t, gary, "action", "update", ref, "--note", "'Letters sent'")
	if code != 0 || strings.TrimSpace(out) != ref+": progress note added" {
		t.Fatalf("ssh (second server) … action update %s: exit %d: %q %q", ref, code, out, errOut)
	}
	// The chair, on the other server, sees it land without pressing anything.
	chair.waitFor("Gary Fletcher: " + ref + " updated")
	out, errOut, code = one.ssh(t, helen, "action", "show", ref, "--format", "json")
	if code != 0 || !strings.Contains(out, `"text": "Letters sent"`) || !strings.Contains(out, `"by": "Gary Fletcher`) {
		t.Fatalf("ssh (first server) … action show %s: exit %d: %s%s", ref, code, out, errOut)
	}
	chair.keys("q")
	if status := chair.exited(); status != 0 {
		t.Fatalf("the chair's ssh exited %d", status)
	}
	one.stop(t)
	two.stop(t)
}
