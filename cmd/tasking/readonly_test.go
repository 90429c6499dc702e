package main

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

// readCommands are every command that only reads, with arguments that
// make it do its whole job. Each must leave the file byte for byte as it
// was, work on a file nobody may write, and run beside another reader.
var readCommands = [][]string{
	{"actions"},
	{"actions", "--agency", "police", "--status", "open", "--format", "csv"},
	{"action", "show", "A-1"},
	{"agency", "list"},
	{"member", "list", "--all"},
	{"member", "key", "list", "--all"},
	{"member", "key", "list", "Sgt Jas Patel", "--format", "json"},
	{"partnership", "show"},
	{"hotspot", "list"},
	{"hotspot", "show", "HS-1"},
	{"incidents", "--by", "lsoa"},
	{"incidents", "--by", "month", "--format", "json"},
	{"meeting", "agenda"}, // no meeting open: says so, exit 1, still reads only
	{"powers", "--expiring", "28d"},
	{"powers", "--all", "--format", "json"},
	{"case-review", "list"},
	{"hotspot", "suggest", "--format", "json"},
	{"case-review", "show", "CR-1"}, // the demo's answered one: still reads only
	{"case-review", "list", "--all", "--format", "json"},
	{"minutes", "latest", "--format", "html"},
	{"minutes", "latest", "--public", "--format", "json"},
	{"export", "actions", "--format", "csv", "-o", "-"},
	{"export", "hotspots", "--format", "json", "--public"},
	{"check"},
	{"audit"},
	{"audit", "--hotspot", "HS-1", "--since", "2026-01-01", "--format", "csv"},
	{"audit", "verify"},
	// Listing only (--apply writes: retention_test checks it asks first).
	{"retention", "--as", "Helen Marsh"},
	{"retention", "--as", "Helen Marsh", "--format", "json"},
	{"backup", "-"}, // the copy goes to stdout; the record is read, not written
	{"serve", "--check-config", "--listen", "127.0.0.1:0"},
	// Shell completion at TAB reads refs and names (complete.go).
	{"__complete", "action", "update", ""},
	{"__complete", "--as", ""},
	{"__complete", "minutes", ""},
}

// writeCommands change the record (or make a new one): not in the table.
var writeCommands = []string{
	"action add", "action update", "agency add", "agency rename", "agency retire", "demo", "hotspot add", "hotspot update", "hotspot assess", "hotspot link", "hotspot counts",
	"hotspot close", "meeting start", "meeting close", "meeting attend", "meeting guest", "meeting statement",
	"meeting declare", "meeting approve-minutes", "meeting review", "meeting move", "meeting drop", "meeting add",
	"meeting part2", "meeting budget", "meeting undo", "meeting next", "decision add", "note add", "amend",
	"member add", "member edit", "member retire", "member import", "member key add", "member key remove",
	"partnership set", "setup", "upgrade", "release", "import police-uk", "power add", "power extend", "power review", "power end",
	"case-review add", "case-review decide", "case-review answer", "hotspot accept", "hotspot dismiss",
	"restore",     // replaces the file (keeping the one it replaces)
	"serve",       // owns the file while it runs; --check-config only reads (above)
	"check-pages", // check's child: covered by check
	"copy",        // makes TO and only reads FROM: TestCopyLeavesItsSourceAsItWas
	// salvage makes NEW and only reads DAMAGED (opened read-only, in a
	// child): salvage_test checks DAMAGED is byte for byte as it was.
	"salvage", "salvage-read",
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestReadCommandsChangeNothing(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	dir := filepath.Dir(db)
	// A member with a key, so `member key list` has one to read.
	key, _, _ := pubFile(t, t.TempDir(), "jas", 1, "jas@laptop")
	ok(t, "--db", db, "--as", "Helen Marsh", "member", "key", "add", "Sgt Jas Patel", key)
	// Nobody may write the file or its folder (no sidecar can be made).
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	before := sum(t, db)
	// Another reader holds the file the whole time.
	other, err := bolt.Open(db, bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, args := range readCommands {
		r := run(t, nil, append([]string{"--db", db}, args...)...)
		name := strings.Join(args, " ")
		if r.code != 0 && !(args[0] == "meeting" && strings.Contains(r.stderr, "no meeting is open")) && !(args[0] == "case-review" && strings.Contains(r.stderr, "there is no CR-1")) {
			t.Errorf("tasking %s on a read-only file: exit %d: %s", name, r.code, r.stderr)
		}
		if sum(t, db) != before {
			t.Fatalf("tasking %s changed the file", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("reading left files beside the database: %v", entries)
	}
}

// Every command is either a reader (tested above) or a writer: a new
// command must say which.
func TestEveryCommandIsAReaderOrAWriter(t *testing.T) {
	var readers []string
	for _, args := range readCommands {
		var words []string
		for _, a := range args {
			if strings.HasPrefix(a, "-") || strings.ContainsAny(a, "-0123456789") && len(words) > 0 && a != "check-pages" {
				break
			}
			words = append(words, a)
		}
		readers = append(readers, strings.Join(words, " "))
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			walk(sub)
		}
		if c.HasSubCommands() || !c.HasParent() {
			return
		}
		name := strings.TrimPrefix(c.CommandPath(), "tasking ")
		if !slices.Contains(writeCommands, name) && !slices.ContainsFunc(readers, func(r string) bool { return strings.HasPrefix(r, name) }) {
			t.Errorf("%s is neither in readCommands nor writeCommands", name)
		}
	}
	walk(newRoot())
}
