package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMinutesEveryFormatBothVersions(t *testing.T) {
	db := demoDB(t)
	chair := []string{"--db", db, "--as", "Helen Marsh"}
	ok(t, append(chair, "meeting", "start")...)
	ok(t, append(chair, "decision", "add", "--part2", "That", "ZZSECRET", "the", "family", "be", "offered", "a", "move")...)
	ok(t, append(chair, "decision", "add", "--hotspot", "HS-1", "That", "patrols", "continue")...)
	ok(t, append(chair, "meeting", "close", "--next", "+1w")...)
	for _, f := range []string{"md", "html", "txt", "json"} {
		restricted := ok(t, "--db", db, "minutes", "latest", "--format", f)
		public := ok(t, "--db", db, "minutes", "latest", "--format", f, "--public")
		if !strings.Contains(restricted, "OFFICIAL-SENSITIVE") || strings.Contains(public, "OFFICIAL-SENSITIVE") {
			t.Errorf("%s: the restricted version is not marked, or the public one is", f)
		}
		flat := strings.Join(strings.Fields(public), " ") // text wraps at 72 columns
		if !strings.Contains(public, "PUBLIC") || !strings.Contains(flat, "taken in private (Part 2)") || !strings.Contains(flat, "named by their agency only") {
			t.Errorf("%s: the public version lacks its marking or its private-items line", f)
		}
		// A Part 2 decision is in the group's minutes, never in the public ones.
		if !strings.Contains(restricted, "ZZSECRET") || strings.Contains(public, "ZZSECRET") {
			t.Errorf("%s: Part 2 text in the wrong version", f)
		}
		if !strings.Contains(public, "patrols continue") {
			t.Errorf("%s: the public version lost Part 1 business", f)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "minutes", "--format", "json")), &doc); err != nil || doc["version"] != float64(1) {
		t.Fatalf("json: %v, version %v", err, doc["version"])
	}
	if schema := ok(t, "--db", db, "minutes", "--schema"); !strings.Contains(schema, `"$schema"`) {
		t.Fatalf("--schema printed %q", schema[:min(len(schema), 80)])
	}
	dir := t.TempDir()
	r := run(t, nil, "--db", db, "minutes", "latest", "--format", "html", "--public", "-o", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), "-public.html") {
		t.Fatalf("saved %v", entries)
	}
	if st, _ := os.Stat(filepath.Join(dir, entries[0].Name())); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode().Perm())
	}
}
