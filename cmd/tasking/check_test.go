package main

import (
	"bytes"
	"compress/gzip"
	endian "encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// check finds what is wrong, one line each, exit 1; a sound file passes;
// check itself changes nothing.
func TestCheck(t *testing.T) {
	t.Parallel()
	clean := demoDB(t)
	out := ok(t, "--db", clean, "check")
	if !strings.Contains(out, "no problems (39 actions") {
		t.Fatalf("check on a sound file said %q", out)
	}

	spoil := func(fn func(tx *bolt.Tx) error) string {
		t.Helper()
		path := demoDB(t)
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(fn); err != nil {
			t.Fatal(err)
		}
		db.Close()
		return path
	}
	// An index entry deleted: the record is named as not indexed.
	lost := spoil(func(tx *bolt.Tx) error {
		c := tx.Bucket([]byte("idx_actions_open")).Cursor()
		k, _ := c.First()
		return c.Bucket().Delete(k)
	})
	r := run(t, nil, "--db", lost, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "idx_actions_open: actions #") || !strings.Contains(r.stdout, "is not indexed") ||
		!strings.Contains(r.stdout, "1 problem found") || !strings.Contains(r.stdout, "no backup was found beside it") || !strings.HasPrefix(r.stderr, "tasking: check took ") || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("a deleted index entry: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Repaired by rebuilding the indexes (a copy kept first).
	if out := ok(t, "--db", lost, "upgrade", "--reindex"); !strings.Contains(out, "every index rebuilt") {
		t.Fatalf("reindex said %q", out)
	}
	ok(t, "--db", lost, "check")

	// A garbage record: named, with why.
	garbage := spoil(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("actions"))
		k, _ := b.Cursor().First()
		return b.Put(k, []byte("{not json"))
	})
	// Its findings name the newest good backup, as every damage message
	// does: here an automatic one in the folder beside it.
	backups := garbage + "-backups"
	if err := os.Mkdir(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(backups, filepath.Base(garbage)+".backup-20261124-113000-meeting-M-7")
	ok(t, "--db", clean, "backup", backup)
	r = run(t, nil, "--db", garbage, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "actions #1: does not decode") || !strings.Contains(r.stdout, "latest backup: "+backup) {
		t.Fatalf("a garbage record: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A record under another's key.
	swapped := spoil(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("hotspots"))
		c := b.Cursor()
		k1, v1 := c.First()
		k2, _ := c.Next()
		_ = k1
		return b.Put(k2, append([]byte(nil), v1...))
	})
	r = run(t, nil, "--db", swapped, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "hotspots #2: holds record #1") {
		t.Fatalf("a record under another key: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	failsWith(t, run(t, nil, "--db", clean, "check", "extra"), 2, "")
}

// upgrade on a file an older release wrote says so, and where the file as
// it was is kept; run again, that it is up to date.
func TestUpgradeSaysWhatItDid(t *testing.T) {
	t.Parallel()
	gz, err := os.Open("../../store/bolt/testdata/schema6/schema6.db.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	old, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "tasking.db")
	if err := os.WriteFile(db, old, 0o600); err != nil {
		t.Fatal(err)
	}
	out := ok(t, "--db", db, "upgrade")
	if !strings.HasPrefix(out, db+" upgraded from schema 6 to ") || !strings.Contains(out, "the file as it was is kept as "+db+"-backups/tasking.db.backup-") {
		t.Errorf("upgrading a schema-6 file said %q", out)
	}
	if out := ok(t, "--db", db, "upgrade"); !strings.HasPrefix(out, db+" is up to date (schema ") {
		t.Errorf("upgrading it again said %q", out)
	}
}

// restore checks the backup's records, not only its pages: a backup with a
// record that fails its checksum, or one rewritten behind the trail's back,
// is refused, naming the first problem, and the record stays as it was.
func TestRestoreRefusesABackupThatDoesNotCheckOut(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	before := readFile(t, db)
	for name, spoil := range map[string]func(v []byte) []byte{
		"a byte changed": func(v []byte) []byte { v[len(v)/2] ^= 0x20; return v },
		"a fresh checksum": func(v []byte) []byte {
			v = bytes.Replace(v, []byte("Town centre"), []byte("Gown centre"), 1) // well-formed, same length
			endian.LittleEndian.PutUint32(v[1:5], crc32.Checksum(v[5:], crc32.MakeTable(crc32.Castagnoli)))
			return v
		},
	} {
		backup := filepath.Join(t.TempDir(), "copy.db")
		ok(t, "--db", db, "backup", backup)
		bdb, err := bolt.Open(backup, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = bdb.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("hotspots"))
			k, v := b.Cursor().First()
			return b.Put(bytes.Clone(k), spoil(bytes.Clone(v)))
		})
		bdb.Close()
		if err != nil {
			t.Fatal(err)
		}
		// Held to its manifest, the change is found whatever it is
		// (where the pages still read).
		r := run(t, nil, "--db", db, "restore", backup, "--yes")
		if r.code != 1 || (name == "a fresh checksum") != strings.Contains(r.stderr, "it was changed after it was written: its bytes are not those its manifest "+backup+".manifest") {
			t.Errorf("%s: restoring it beside its manifest: exit %d\n%s%s", name, r.code, r.stdout, r.stderr)
		}
		// Without its manifest, by its own checks: a seal that fails is
		// found as the backup's pages are read; a fresh one over changed
		// words, by the chain.
		if err := os.Remove(backup + ".manifest"); err != nil {
			t.Fatal(err)
		}
		r = run(t, nil, "--db", db, "restore", backup, "--yes")
		refused := "the backup " + backup + " cannot be restored: "
		if name == "a fresh checksum" {
			refused = backup + " does not check out ("
		}
		if r.code != 1 || !strings.Contains(r.stderr, refused) || !strings.Contains(r.stderr, "hotspots #1") ||
			(name == "a fresh checksum") != strings.Contains(r.stderr, "changed behind the trail's back") {
			t.Errorf("%s: restoring it: exit %d\n%s%s", name, r.code, r.stdout, r.stderr)
		}
		if !bytes.Equal(readFile(t, db), before) {
			t.Errorf("%s: the record was changed", name)
		}
		if kept, _ := filepath.Glob(db + ".before-restore-*"); len(kept) != 0 {
			t.Errorf("%s: a refused restore kept %v", name, kept)
		}
	}
}
