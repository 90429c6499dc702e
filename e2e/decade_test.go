package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/internal/longtest"

	bolt "go.etcd.io/bbolt"
)

// A decade of record, made and checked as a partnership's administrator
// would: `tasking demo --scale decade`, then `tasking check` on it sound, with
// an index entry lost and with a garbage record — each found, named, exit 1
// — and repaired by `tasking upgrade --reindex`.
func TestCheckADecade(t *testing.T) {
	t.Parallel()
	longtest.Skip(t, "the decade takes a minute to build and check on an idle machine, over ten on a loaded one")
	home := t.TempDir()
	env := baseEnv(home)
	db := filepath.Join(home, "decade.db")
	out, errOut, code := run(t, env, "--db", db, "demo", "--scale", "decade", "--seed", "1")
	if code != 0 || !strings.Contains(out, "59999 actions") {
		t.Fatalf("demo --scale decade: exit %d: %s%s", code, out, errOut)
	}
	// Piped, the work is one line at the end, not a bar.
	if !regexp.MustCompile(`^tasking: demo --scale decade took \S+ \([\d,]+ records\)\n$`).MatchString(errOut) {
		t.Errorf("demo --scale decade piped said on stderr %q, want one summary line", errOut)
	}
	// On a terminal, check shows how far it has got, then its answer,
	// the bar gone.
	tm := fromShell(t, home, "--db", db, "check")
	tm.waitLong(5*time.Minute, "█", "%", " of ", " records · reading every")
	scr := tm.waitLong(10*time.Minute, "no problems (59999 actions", "exit status 0")
	if strings.Contains(scr, "█") {
		t.Errorf("the bar was left on the screen:\n%s", scr)
	}
	check := func(wantCode int, want string) {
		t.Helper()
		out, errOut, code := run(t, env, "--db", db, "check")
		if code != wantCode || !strings.Contains(out, want) {
			t.Fatalf("check: exit %d, want %d saying %q:\n%s%s", code, wantCode, want, out, errOut)
		}
	}
	check(0, "no problems (59999 actions")

	spoil := func(fn func(tx *bolt.Tx) error) {
		t.Helper()
		b, err := bolt.Open(db, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if err := b.Update(fn); err != nil {
			t.Fatal(err)
		}
	}
	spoil(func(tx *bolt.Tx) error {
		c := tx.Bucket([]byte("idx_updates_meeting")).Cursor()
		k, _ := c.Last()
		return c.Bucket().Delete(k)
	})
	check(1, "idx_updates_meeting: updates #")
	if out, errOut, code := run(t, env, "--db", db, "upgrade", "--reindex"); code != 0 {
		t.Fatalf("reindex: exit %d: %s%s", code, out, errOut)
	}
	check(0, "no problems")

	spoil(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("meetings"))
		k, _ := b.Cursor().Last()
		return b.Put(k, []byte(`{"id": "not a number"`))
	})
	check(1, "meetings #521: does not decode")
}
