package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// tasking audit lists who changed what, filtered by record, person and
// day, for restricted readers only.
func TestAuditLists(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	helen := []string{"--db", db, "--as", "Helen Marsh"}
	gary := []string{"--db", db, "--as", "Gary Fletcher"}
	ok(t, append(gary, "action", "update", "A-10", "--note", "Letters sent to the tenants")...)
	ok(t, append(helen, "hotspot", "update", "HS-1", "--risk", "medium", "--reason", "Quieter since the patrols")...)
	ok(t, append(helen, "action", "update", "A-1", "--due", "2026-12-18", "--reason", "Waiting for the CCTV")...)

	all := ok(t, append(helen, "audit")...)
	for _, want := range []string{"WHEN", "Gary Fletcher", "A-10: a new update: Letters sent to the tenants", "HS-1:", "A-1:"} {
		if !strings.Contains(all, want) {
			t.Errorf("audit lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "record.seal") {
		t.Errorf("the file's own seal events are listed:\n%s", all)
	}
	if one := ok(t, append(helen, "audit", "--action", "A-10")...); !strings.Contains(one, "Letters sent") || strings.Contains(one, "HS-1:") {
		t.Errorf("--action A-10:\n%s", one)
	}
	if mine := ok(t, append(helen, "audit", "--member", "gary fletcher")...); !strings.Contains(mine, "A-10") || strings.Contains(mine, "Helen Marsh") {
		t.Errorf("--member gary fletcher:\n%s", mine)
	}
	// A hotspot's history takes in the actions on it (A-1 is on HS-1).
	if hs := ok(t, append(helen, "audit", "--hotspot", "HS-1")...); !strings.Contains(hs, "HS-1:") || !strings.Contains(hs, "A-1:") || strings.Contains(hs, "A-10") {
		t.Errorf("--hotspot HS-1:\n%s", hs)
	}
	if later := ok(t, append(helen, "audit", "--since", "2026-12-25")...); !strings.Contains(later, "No changes match") {
		t.Errorf("--since after every change:\n%s", later)
	}
	var rows []auditRow
	if err := json.Unmarshal([]byte(ok(t, append(helen, "audit", "--action", "A-10", "--format", "json")...)), &rows); err != nil || len(rows) != 1 ||
		rows[0].By != "Gary Fletcher" || rows[0].Op != "action.update" || rows[0].Ref != "A-10" {
		t.Errorf("json: %+v, %v", rows, err)
	}
	if csv := ok(t, append(helen, "audit", "--format", "csv")...); !strings.HasPrefix(csv, "event,at,by,op,ref,change\n") {
		t.Errorf("csv header: %q", csv[:min(len(csv), 60)])
	}

	// The trail holds private business: a viewer is refused, over every
	// filter and verify too.
	for _, args := range [][]string{{"audit"}, {"audit", "--action", "A-10"}, {"audit", "verify"}} {
		failsWith(t, run(t, nil, append([]string{"--db", db, "--as", "Cllr Pat Dyson"}, args...)...), 1, "reads the public record only")
	}
	// Bad input is named.
	failsWith(t, run(t, nil, append(helen, "audit", "--action", "HS-1")...), 2, "--action")
	failsWith(t, run(t, nil, append(helen, "audit", "--since", "someday")...), 2, "--since")
	failsWith(t, run(t, nil, append(helen, "audit", "--member", "Nobody At All")...), 1, "--member")
	failsWith(t, run(t, nil, append(helen, "audit", "verify", "--head", "12")...), 2, "EVENT:CHAIN")
}

var headLine = regexp.MustCompile(`head ([0-9]+:[0-9a-f]{64})`)

// audit verify says the history holds, checks a head given from outside,
// and names the first broken link of a file changed behind its back —
// found by check too.
func TestAuditVerify(t *testing.T) {
	db := demoDB(t)
	helen := []string{"--db", db, "--as", "Helen Marsh"}
	ok(t, append(helen, "action", "update", "A-10", "--note", "Safeguarding visit made")...)
	out := ok(t, append(helen, "audit", "verify")...)
	m := headLine.FindStringSubmatch(out)
	if !strings.HasPrefix(out, "The history holds") || m == nil {
		t.Fatalf("verify on a sound file: %q", out)
	}
	// The head backup printed is the head verify checks.
	r := run(t, nil, append(helen, "backup", t.TempDir()+"/copy.db")...)
	if r.code != 0 || !strings.Contains(r.stderr, "Audit chain head: "+m[1]) {
		t.Errorf("backup printed %q; want the head %s", r.stderr, m[1])
	}
	if out := ok(t, append(helen, "audit", "verify", "--head", m[1])...); !strings.Contains(out, "1 head given checked") {
		t.Errorf("verify --head: %q", out)
	}

	// A hotspot's words edited in place, same length: well-formed JSON,
	// and found.
	db2 := demoDB(t)
	bdb, err := bolt.Open(db2, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	edited := false
	err = bdb.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("hotspots"))
		return b.ForEach(func(k, v []byte) error {
			if i := bytes.Index(v, []byte("Town centre")); i >= 0 && !edited {
				nv := append([]byte(nil), v...)
				copy(nv[i:], "Town cantre")
				edited = true
				return b.Put(k, nv)
			}
			return nil
		})
	})
	bdb.Close()
	if err != nil || !edited {
		t.Fatalf("editing the file: %v (edited %v)", err, edited)
	}
	r = run(t, nil, "--db", db2, "--as", "Helen Marsh", "audit", "verify")
	if r.code != 1 || !strings.Contains(r.stdout, "The first broken link: hotspots #1") || !strings.Contains(r.stdout, "fails its checksum") ||
		!strings.Contains(r.stdout, "no backup was found beside it") {
		t.Errorf("verify on an edited record: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// With a backup beside it, the findings name it, as every damage
	// message names the newest good backup.
	backups := db2 + "-backups"
	if err := os.Mkdir(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(backups, filepath.Base(db2)+".backup-20261124-113000-meeting-M-7")
	ok(t, "--db", db, "backup", backup)
	if r = run(t, nil, "--db", db2, "--as", "Helen Marsh", "audit", "verify"); r.code != 1 || !strings.Contains(r.stdout, "latest backup: "+backup) {
		t.Errorf("verify on an edited record with a backup beside it: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, nil, "--db", db2, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "fails its checksum") {
		t.Errorf("check on an edited record: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Reading it says damage, naming the record, not the changed words.
	r = run(t, nil, "--db", db2, "--as", "Helen Marsh", "hotspot", "show", "HS-1")
	if r.code == 0 || strings.Contains(r.stdout, "cantre") || !strings.Contains(r.stderr, "checksum") {
		t.Errorf("showing the edited action: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// Over SSH too, once the server has found damage in the file, every
// session's changes are refused with what was found, and the file is left
// as it was.
func TestDamageFoundOverSSHRefusesEveryWrite(t *testing.T) {
	p := newServedPairWith(t, func(served string) {
		db, err := bolt.Open(served, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		err = db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("actions"))
			k, v := b.Cursor().First()
			nv := append([]byte(nil), v...)
			nv[len(nv)-4] ^= 0x20
			return b.Put(k, nv)
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	// A write before anyone reads the damaged record goes through: the
	// damage is not known yet.
	if r := p.overSSH(t, "Gary Fletcher", []string{"action", "update", "A-10", "--note", "Before the damage was seen"}, ""); r.code != 0 {
		t.Fatalf("a write before the damage was found: exit %d %s", r.code, r.stderr)
	}
	r := p.overSSH(t, "Helen Marsh", []string{"action", "show", "A-1"}, "")
	if r.code != 1 || !strings.Contains(r.stderr, "fails its checksum") {
		t.Fatalf("reading the damaged action over SSH: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	before := readFile(t, p.served)
	for _, who := range []string{"Gary Fletcher", "Helen Marsh"} {
		r := p.overSSH(t, who, []string{"action", "update", "A-10", "--note", "After the damage was seen"}, "")
		if r.code != 1 || !strings.Contains(r.stderr, "this change was not saved, and no change will be until the file is restored") {
			t.Errorf("%s writing after the damage was found: exit %d %q", who, r.code, r.stderr)
		}
	}
	if !bytes.Equal(before, readFile(t, p.served)) {
		t.Error("the damaged file was written to after the damage was found")
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
