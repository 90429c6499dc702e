package main

import (
	"compress/gzip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccsp/tasking/store/bolt"
)

// masterCSV is the partnership's members as `member list --format csv`
// gives them (the same columns as an import takes), edited by edit, plus
// extra lines.
func masterCSV(t *testing.T, db string, edit func(rec []string) []string, extra ...string) string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(ok(t, "--db", db, "member", "list", "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	for i, rec := range rows {
		if i > 0 && edit != nil {
			if rec = edit(rec); rec == nil {
				continue
			}
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	for _, l := range extra {
		b.WriteString(l + "\n")
	}
	return b.String()
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A partnership kept in step with a master list: imported once, imported
// again unchanged (not refused line by line), then an edited list shown
// with --dry-run (nothing on disk changes) and applied with --update
// --retire-missing.
func TestMemberImportKeepsInStep(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	dir := t.TempDir()
	chair := []string{"--db", db, "--as", "Helen Marsh", "member", "import"}
	v1 := writeFile(t, dir, "v1.csv", masterCSV(t, db, nil,
		"Siân Pritchard,CBC Housing,member,Tenancy Officer,sian.pritchard@example.org,,,",
		"Karen Whitworth,Derbyshire Constabulary,viewer,Analyst,karen.whitworth@example.org,,,"))
	if out := ok(t, append(chair, v1)...); !strings.Contains(out, v1+": 2 added, 0 updated, 0 retired, 28 unchanged") {
		t.Fatalf("first import: %q", out)
	}
	if out := ok(t, append(chair, v1)...); out != v1+": nothing to change (30 unchanged)\n" {
		t.Fatalf("the same list again: %q", out)
	}

	// The list a month on: Siân has a new address (matched by name), Karen
	// has married (matched by email), Gary Fletcher (line 5) has left,
	// Łukasz is new.
	v2 := writeFile(t, dir, "v2.csv", masterCSV(t, db, func(rec []string) []string {
		switch rec[0] {
		case "Siân Pritchard":
			rec[4] = "s.pritchard@example.org"
		case "Karen Whitworth":
			rec[0] = "Karen Whitworth-Lee"
		case "Gary Fletcher":
			return nil
		}
		return rec
	}, "Łukasz Nowak,Derbyshire Constabulary,member,PCSO,lukasz.nowak@example.org,,,"))
	before := sum(t, db)
	out := ok(t, append(chair, v2, "--update", "--retire-missing", "--dry-run")...)
	for _, want := range []string{
		"add     line 31    Łukasz Nowak (Police, member)\n",
		"update  line 29    Siân Pritchard: email sian.pritchard@example.org → s.pritchard@example.org\n",
		"update  line 30    Karen Whitworth: name Karen Whitworth → Karen Whitworth-Lee\n",
		"retire             Gary Fletcher (Housing, member): not on the list\n",
		v2 + ": 1 to add, 2 to update, 1 to retire, 27 unchanged (dry run: nothing saved)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the dry run does not say %q:\n%s", want, out)
		}
	}
	if sum(t, db) != before {
		t.Fatal("the dry run changed the file")
	}
	// Without --update the changes are refused, each saying what and how.
	r := run(t, nil, append(chair, v2)...)
	if r.code != 1 || !strings.Contains(r.stderr, "line 29: Siân Pritchard is already a member, and this line changes their email: add --update") ||
		!strings.Contains(r.stderr, "line 30: the email karen.whitworth@example.org is Karen Whitworth's, and this line changes their name: add --update") {
		t.Fatalf("without --update: exit %d\n%s", r.code, r.stderr)
	}
	if sum(t, db) != before {
		t.Fatal("a refused import changed the file")
	}

	out = ok(t, append(chair, v2, "--update", "--retire-missing")...)
	if !strings.Contains(out, v2+": 1 added, 2 updated, 1 retired, 27 unchanged") {
		t.Fatalf("import: %q", out)
	}
	members := map[string]map[string]string{}
	for _, m := range decodeJSON(t, ok(t, "--db", db, "member", "list", "--all", "--format", "json")) {
		members[m["name"]] = m
	}
	if members["Siân Pritchard"]["email"] != "s.pritchard@example.org" || members["Karen Whitworth-Lee"]["email"] != "karen.whitworth@example.org" ||
		members["Łukasz Nowak"]["agency"] != "Derbyshire Constabulary" || members["Gary Fletcher"]["retired"] != "2026-11-24" || members["Karen Whitworth"] != nil {
		t.Errorf("after the import: %v %v %v %v", members["Siân Pritchard"], members["Karen Whitworth-Lee"], members["Łukasz Nowak"], members["Gary Fletcher"])
	}
	if out := ok(t, append(chair, v2, "--update", "--retire-missing")...); out != v2+": nothing to change (30 unchanged)\n" {
		t.Fatalf("the same list again: %q", out)
	}
	// Retired, not deleted: his name stays on the list of everyone.
	if out := ok(t, "--db", db, "member", "list", "--all", "--format", "csv"); !strings.Contains(out, "Gary Fletcher,CBC Housing,member") {
		t.Errorf("Gary is not kept after retiring: %s", out)
	}
}

// A master list's own mistakes: a duplicate email names both lines, an
// address that is another member's is refused, and "Surname, Forename"
// offers the name turned round.
func TestMemberImportRefusals(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	list := writeFile(t, dir, "list.csv", "name,agency,role,email\n"+
		"Ann Lee,police,member,ann@example.org\n"+
		"\"Whitworth, Karen\",housing,member,karen@example.org\n"+
		"Bob Roe,police,member,ANN@example.org\n"+
		"Priya Shah,housing,member,gary.fletcher@example.org\n")
	before := sum(t, db)
	r := run(t, nil, "--db", db, "--as", "Helen Marsh", "member", "import", list, "--update")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "tasking: "+list+": nothing imported: 3 problems\n") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		`  line 3: "Whitworth, Karen" is written surname first: write it "Karen Whitworth" (or import with --surname-first`,
		"  line 4: the email ANN@example.org is on line 2 and line 4: each person has their own\n",
		"  line 5: the email gary.fletcher@example.org is Gary Fletcher's, but Priya Shah is another member",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, r.stderr)
		}
	}
	if sum(t, db) != before {
		t.Fatal("a refused import changed the file")
	}
	// --retire-missing never retires the one importing, nor the only chair.
	r = run(t, nil, "--db", db, "--as", "Tom Okafor", "member", "import", writeFile(t, dir, "short.csv", "name,agency,role\nTom Okafor,community,admin\n"), "--retire-missing", "--dry-run")
	if r.code != 1 || !strings.Contains(r.stderr, "  Helen Marsh is the partnership's only chair") || !strings.Contains(r.stdout, "retire             Gary Fletcher") {
		t.Fatalf("--retire-missing of the chair: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// Checking a list holds no lock on the database: with another tasking
// reading it the whole time (which a write would wait for, then give up
// on), a dry run and a refused import both answer, and a dry run works on
// a file nobody may write.
func TestMemberImportChecksWithoutTheWriteLock(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	good := writeFile(t, dir, "good.csv", "name,agency,role\nAnn Lee,police,member\n")
	bad := writeFile(t, dir, "bad.csv", "name,agency,role\nAnn Lee,nowhere,member\n")
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Dir(db), 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Dir(db), 0o700) })
	before := sum(t, db)
	other, err := bolt.Open(db, bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	chair := []string{"--db", db, "--as", "Helen Marsh", "member", "import"}
	if out := ok(t, append(chair, good, "--dry-run")...); !strings.Contains(out, "1 to add") {
		t.Errorf("dry run: %q", out)
	}
	if r := run(t, nil, append(chair, bad)...); r.code != 1 || r.stderr != "tasking: "+bad+": nothing imported: 1 problem\n  line 2: no agency matches \"nowhere\"\n" {
		t.Errorf("a bad list beside a reader: exit %d, %q", r.code, r.stderr)
	}
	if sum(t, db) != before {
		t.Fatal("checking changed the file")
	}
	if entries, _ := os.ReadDir(filepath.Dir(db)); len(entries) != 1 {
		t.Errorf("checking left files beside the database: %v", entries)
	}
}

// An import that saves writes, so like every writer it upgrades a file an
// older release wrote (checking it first read-only); a dry run only reads,
// and says to upgrade, as readers do.
func TestMemberImportUpgradesAnOlderFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "schema3.db")
	gz, err := os.Open("../../store/bolt/testdata/schema3/schema3.db.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.OpenFile(db, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	list := writeFile(t, t.TempDir(), "list.csv", "name,agency,role\nBea Moss,police,member\n")
	chair := []string{"--db", db, "--as", "Ann Chair", "member", "import", list}
	failsWith(t, run(t, nil, append(chair, "--dry-run")...), 1, "was written by an older tasking (schema 3")
	if out := ok(t, chair...); !strings.Contains(out, list+": 1 added") {
		t.Fatalf("import into an older file: %q", out)
	}
	if out := ok(t, "--db", db, "member", "list"); !strings.Contains(out, "Bea Moss") {
		t.Errorf("Bea Moss is not listed: %s", out)
	}
}
