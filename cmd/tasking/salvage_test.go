package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// damageRecords edits the file with bbolt's own API: a byte flipped inside
// each named record's value (its seal's checksum then fails), and the
// named audit events deleted.
func damageRecords(t *testing.T, path string, flips map[string][]uint64, deleteEvents []uint64) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	key := func(id uint64) []byte {
		k := make([]byte, 8)
		for i := 7; i >= 0; i-- {
			k[i] = byte(id)
			id >>= 8
		}
		return k
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for bucket, ids := range flips {
			b := tx.Bucket([]byte(bucket))
			for _, id := range ids {
				v := bytes.Clone(b.Get(key(id)))
				if v == nil {
					t.Fatalf("%s #%d is not in the file", bucket, id)
				}
				v[len(v)/2] ^= 0x20
				if err := b.Put(key(id), v); err != nil {
					return err
				}
			}
		}
		for _, id := range deleteEvents {
			if err := tx.Bucket([]byte("audit")).Delete(key(id)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSalvageSavesWhatProvesItself(t *testing.T) {
	t.Parallel()
	db := plainDemoDB(t)
	for i := range 6 {
		ok(t, "--db", db, "--as", "Helen Marsh", "action", "update", "A-3", "--note", "visit "+string(rune('a'+i)))
	}
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(damaged, readFile(t, db), 0o600); err != nil {
		t.Fatal(err)
	}
	damageRecords(t, damaged, map[string][]uint64{"actions": {12, 30}, "hotspots": {2}}, []uint64{3, 4, 5})
	before := readFile(t, damaged)
	// check finds the damage; salvage copies the rest.
	if c := run(t, nil, "--db", damaged, "check"); c.code != 1 || !strings.Contains(c.stdout, "fails its checksum") {
		t.Errorf("check on the damaged file: exit %d\n%s", c.code, c.stdout)
	}

	newDB := filepath.Join(t.TempDir(), "salvaged.db")
	r := run(t, nil, "salvage", damaged, newDB)
	if r.code != 0 {
		t.Fatalf("salvage: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"Salvaged " + damaged + " into " + newDB,
		"Could not save (6):",
		"  hotspots: HS-2 (1)",
		"  actions: A-12, A-30 (2)",
		"  audit events: #3–#5 (3)",
		"The audit chain in " + newDB + " breaks where events",
		"audit chain: audit #6 does not follow the event before it",
		newDB + ": check found no problems apart from the audit chain's breaks",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("salvage should say %q:\n%s", want, r.stdout)
		}
	}
	if !bytes.Equal(readFile(t, damaged), before) {
		t.Error("salvage changed the damaged file")
	}
	// The new file opens, reads, and is checked clean but for the chain.
	if out := ok(t, "--db", newDB, "action", "show", "A-3"); !strings.Contains(out, "visit f") {
		t.Errorf("the salvaged A-3 lost its newest update:\n%s", out)
	}
	failsWith(t, run(t, nil, "--db", newDB, "action", "show", "A-12"), 1, "A-12")
	c := run(t, nil, "--db", newDB, "check")
	for _, l := range strings.Split(strings.TrimSpace(c.stdout), "\n") {
		if !strings.HasPrefix(l, "audit chain: ") && !strings.Contains(l, " found (see the README") {
			t.Errorf("check on the salvaged file found more than the chain's breaks: %s", l)
		}
	}
	// A new action takes a number past the lost ones.
	if out := ok(t, "--db", newDB, "--as", "Helen Marsh", "action", "add", "--hotspot", "HS-1", "--agency", "police", "--due", "2027-01-10", "Patrol"); !strings.Contains(out, "A-40") {
		t.Errorf("a new action after the salvage: %s", out)
	}

	// Never over a file that is there, nor over the damaged one.
	failsWith(t, run(t, nil, "salvage", damaged, newDB), 1, "already exists")
	failsWith(t, run(t, nil, "salvage", damaged, damaged), 1, "never writes over it")
	failsWith(t, run(t, nil, "salvage", filepath.Join(t.TempDir(), "none.db"), filepath.Join(t.TempDir(), "x.db")), 1, "does not exist")
	if !bytes.Equal(readFile(t, damaged), before) {
		t.Error("a refused salvage changed the damaged file")
	}
}

// A file cut short (a disk that filled, a copy that stopped) and a run of
// pages overwritten with noise: the salvage neither crashes nor touches
// it, and the new file opens. (Cut at two thirds, the demo file loses its
// root: nothing is reachable, and salvage says so bucket by bucket.)
func TestSalvageTruncatedAndGarbledFiles(t *testing.T) {
	t.Parallel()
	db := plainDemoDB(t)
	size := func(path string) int64 {
		b, err := bolt.Open(path, 0o400, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		var n int64
		_ = b.View(func(tx *bolt.Tx) error { n = tx.Size(); return nil })
		return n
	}
	high := size(db)
	for _, c := range []struct {
		name   string
		damage func(f *os.File) error
	}{
		{"cut short", func(f *os.File) error { return f.Truncate(high * 2 / 3) }},
		{"noise over pages", func(f *os.File) error {
			noise := bytes.Repeat([]byte{0xA5, 0x11, 0xFF, 0x00}, 4096*12/4)
			_, err := f.WriteAt(noise, high/3)
			return err
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			damaged := filepath.Join(t.TempDir(), "damaged.db")
			if err := os.WriteFile(damaged, readFile(t, db), 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(damaged, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.damage(f); err != nil {
				t.Fatal(err)
			}
			f.Close()
			before := readFile(t, damaged)
			newDB := filepath.Join(t.TempDir(), "salvaged.db")
			r := run(t, nil, "salvage", damaged, newDB)
			if !strings.Contains(r.stdout, "Salvaged ") || r.code > 1 {
				t.Fatalf("salvage: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, "Could not save") {
				t.Errorf("nothing listed as lost:\n%s", r.stdout)
			}
			if !bytes.Equal(readFile(t, damaged), before) {
				t.Error("salvage changed the damaged file")
			}
			if c := run(t, nil, "--db", newDB, "check"); c.code > 1 || strings.Contains(c.stdout+c.stderr, "damaged") {
				t.Errorf("check on the salvaged file: exit %d %s", c.code, c.stderr)
			}
			t.Logf("%s:\n%s", c.name, r.stdout)
		})
	}
}

// A bucket whose root page is lost: no read can walk it, but its leaf
// pages are whole. Salvage finds each record in them by the sum the audit
// trail holds for it — its last version, not an older one left on a page
// bbolt freed — and loses none; the actions list as they did. With an
// event of the trail lost, no copy can be told from an older one, and
// nothing is taken so.
func TestSalvageFindsRecordsUnderALostRoot(t *testing.T) {
	t.Parallel()
	db := plainDemoDB(t)
	// Older versions of A-3, on pages bbolt has since freed.
	for _, status := range []string{"in_progress", "blocked", "in_progress"} {
		ok(t, "--db", db, "--as", "Helen Marsh", "action", "update", "A-3", "--status", status, "--note", "now "+status)
	}
	list := func(path string) string { return ok(t, "--db", path, "actions", "--format", "csv") }
	want, wantA3 := list(db), ok(t, "--db", db, "action", "show", "A-3")
	// The actions bucket's root page: a branch over its leaves.
	b, err := bolt.Open(db, 0o400, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var root int64
	var stats bolt.BucketStats
	_ = b.View(func(tx *bolt.Tx) error {
		root, stats = int64(tx.Bucket([]byte("actions")).Root()), tx.Bucket([]byte("actions")).Stats()
		return nil
	})
	pageSize := int64(b.Info().PageSize)
	b.Close()
	if stats.BranchPageN == 0 || stats.LeafPageN < 2 {
		t.Fatalf("the demo's actions fill %d leaf pages under %d branch pages: no root over leaves to lose", stats.LeafPageN, stats.BranchPageN)
	}
	damage := func(t *testing.T, events []uint64) string {
		damaged := filepath.Join(t.TempDir(), "damaged.db")
		if err := os.WriteFile(damaged, readFile(t, db), 0o600); err != nil {
			t.Fatal(err)
		}
		damageRecords(t, damaged, nil, events)
		f, err := os.OpenFile(damaged, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt(make([]byte, pageSize), root*pageSize); err != nil {
			t.Fatal(err)
		}
		f.Close()
		if c := run(t, nil, "--db", damaged, "actions", "--format", "csv"); c.code == 0 {
			t.Fatalf("the actions still read with their root page gone:\n%s", c.stdout)
		}
		return damaged
	}

	t.Run("the trail whole", func(t *testing.T) {
		newDB := filepath.Join(t.TempDir(), "salvaged.db")
		r := run(t, nil, "salvage", damage(t, nil), newDB)
		if r.code != 0 {
			t.Fatalf("salvage: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
		}
		for _, s := range []string{"Nothing was lost.", "were found in the file's other pages, each the version the audit trail says was last written"} {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("salvage should say %q:\n%s", s, r.stdout)
			}
		}
		if got := list(newDB); got != want {
			t.Errorf("the salvaged actions differ from those before the damage:\n%s\nwant\n%s", got, want)
		}
		if got := ok(t, "--db", newDB, "action", "show", "A-3"); got != wantA3 {
			t.Errorf("the salvaged A-3 is not its last version:\n%s\nwant\n%s", got, wantA3)
		}
		if c := run(t, nil, "--db", newDB, "check"); c.code != 0 {
			t.Errorf("check on the salvaged file: exit %d\n%s%s", c.code, c.stdout, c.stderr)
		}
	})
	t.Run("an event lost", func(t *testing.T) {
		newDB := filepath.Join(t.TempDir(), "salvaged.db")
		r := run(t, nil, "salvage", damage(t, []uint64{2}), newDB)
		for _, s := range []string{"were not searched", "  actions: A-1", "  audit events: #2 (1)"} {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("salvage should say %q:\n%s", s, r.stdout)
			}
		}
		if c := run(t, nil, "--db", newDB, "action", "show", "A-3"); c.code == 0 {
			t.Errorf("A-3 was taken from a page no trail vouched for:\n%s", c.stdout)
		}
	})
}

// A record whose value fails its checksum where its bucket's tree holds it,
// with the trail whole: an intact copy of its last version left on a page
// bbolt freed is taken (the trail vouches for it by its sum), and then it
// is not also listed as lost.
func TestSalvageTakesAVouchedCopyOfAFailedRecordAndListsItNotLost(t *testing.T) {
	t.Parallel()
	db := plainDemoDB(t)
	wantA12 := ok(t, "--db", db, "action", "show", "A-12")
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(damaged, readFile(t, db), 0o600); err != nil {
		t.Fatal(err)
	}
	// The flip is written as a new page: the page it leaves, freed,
	// still holds A-12 as last written.
	damageRecords(t, damaged, map[string][]uint64{"actions": {12}}, nil)
	newDB := filepath.Join(t.TempDir(), "salvaged.db")
	r := run(t, nil, "salvage", damaged, newDB)
	if r.code != 0 {
		t.Fatalf("salvage: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	got := run(t, nil, "--db", newDB, "action", "show", "A-12")
	if got.code != 0 || got.stdout != wantA12 {
		t.Fatalf("A-12 was not taken from the freed page (exit %d):\n%s\nsalvage said:\n%s", got.code, got.stdout, r.stdout)
	}
	if strings.Contains(r.stdout, "A-12") || !strings.Contains(r.stdout, "Nothing was lost.") {
		t.Errorf("A-12 is in the salvaged file, yet listed as lost:\n%s", r.stdout)
	}
}
