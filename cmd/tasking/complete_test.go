package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// completions runs `tasking __complete ARGS…` as a shell does at TAB and
// returns the values offered (descriptions dropped) and the directive line.
func completions(t *testing.T, env []string, args ...string) (values []string, directive string) {
	t.Helper()
	r := run(t, env, append([]string{"__complete"}, args...)...)
	if r.code != 0 {
		t.Fatalf("__complete %q: exit %d: %s", args, r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	for _, l := range lines[:len(lines)-1] {
		v, _, _ := strings.Cut(l, "\t")
		values = append(values, v)
	}
	return values, lines[len(lines)-1]
}

// TAB offers refs and names from the database: open action refs for
// `action update`, agency names (and a short name typed) for --agency,
// members for --as and the member commands, hotspot refs for `hotspot
// show`, meeting refs for `minutes`; never files where a ref or a name
// goes.
func TestCompletionOffersRefsAndNames(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	has := func(args []string, want ...string) {
		t.Helper()
		got, directive := completions(t, nil, append([]string{"--db", db}, args...)...)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%q offers %q, not %q", args, got, w)
			}
		}
		if directive != ":4" { // ShellCompDirectiveNoFileComp
			t.Errorf("%q: directive %s, want :4 (no files)", args, directive)
		}
	}
	has([]string{"action", "update", ""}, "A-1", "A-13")
	has([]string{"action", "update", "A-1"}, "A-1", "A-10", "A-13")
	has([]string{"meeting", "review", ""}, "A-1")
	has([]string{"actions", "--agency", ""}, "Derbyshire Constabulary", "CBC Housing")
	has([]string{"action", "add", "--agency", "pol"}, "Police")
	has([]string{"action", "add", "--hotspot", "HS-1"}, "HS-1", "HS-10")
	has([]string{"--as", ""}, "Helen Marsh", "Sgt Jas Patel")
	has([]string{"member", "edit", "S"}, "Sgt Jas Patel", "Sophie Grant")
	has([]string{"meeting", "attend", "Helen Marsh", ""}, "Gary Fletcher")
	has([]string{"hotspot", "show", ""}, "HS-1", "HS-14")
	has([]string{"hotspot", "assess", "HS-1"}, "HS-1", "HS-10")
	has([]string{"minutes", ""}, "latest", "M-1", "M-6")
	has([]string{"agency", "retire", "CBC H"}, "CBC Housing")
	has([]string{"action", "update", "A-1", "--officer", "PCSO"}, "PCSO Nadia Khan")
	has([]string{"action", "add", "--officer", "Sgt"}, "Sgt Jas Patel")
	has([]string{"action", "update", "A-1", "--status", ""}, "in-progress", "done")
	has([]string{"meeting", "review", "A-1", "--status", "bl"}, "blocked")

	// Only what fits what was typed, and each name once.
	got, _ := completions(t, nil, "--db", db, "action", "update", "A-1")
	for _, v := range got {
		if !strings.HasPrefix(v, "A-1") {
			t.Errorf("A-1<TAB> offers %s", v)
		}
	}
	if got, _ := completions(t, nil, "--db", db, "meeting", "attend", "Helen Marsh", ""); slices.Contains(got, "Helen Marsh") {
		t.Error("attend offers a name already given")
	}
	// Done work is not offered for update, but is for show.
	if got, _ := completions(t, nil, "--db", db, "action", "show", ""); len(got) <= len(must(completions(t, nil, "--db", db, "action", "update", ""))) {
		t.Errorf("action show offers no more than action update: %v", got)
	}
	// A key file after the member's name: files again.
	if _, directive := completions(t, nil, "--db", db, "member", "key", "add", "Tom Okafor", ""); directive != ":0" {
		t.Errorf("member key add NAME <TAB>: directive %s, want :0 (files)", directive)
	}
}

func must(values []string, _ string) []string { return values }

// A completion never fails loudly and never makes anything: with no
// database, an unknown --as, or the file refused, it offers nothing and
// exits 0 with nothing on stdout but the directive.
func TestCompletionIsQuiet(t *testing.T) {
	dir := t.TempDir()
	env := isolatedEnv(dir)
	missing := filepath.Join(dir, "none.db")
	if got, directive := completions(t, env, "--db", missing, "action", "update", ""); len(got) != 0 || directive != ":4" {
		t.Errorf("no database: %q %s", got, directive)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("completing made a database")
	}
	if got, _ := completions(t, env, "action", "update", ""); len(got) != 0 {
		t.Errorf("no database at the default place: %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "tasking")); err == nil {
		t.Error("completing made the default database's folder")
	}
	db := demoDB(t)
	if got, _ := completions(t, nil, "--db", db, "--as", "Nobody At All", "action", "update", ""); len(got) != 0 {
		t.Errorf("an unknown --as: %q", got)
	}
}
