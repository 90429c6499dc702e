package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A file a person names that cannot be read or written is named once, in
// their words: not "x.csv: open x.csv: no such file or directory", not a
// temporary file nobody asked for, and a missing backup is not taken for a
// missing database.
func TestAFileIsNamedOnceInARefusal(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "list.csv")
	as := []string{"--db", db, "--as", "Helen Marsh"}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"member", "import", missing}, missing + ": no such file or directory"},
		{[]string{"member", "import", dir}, dir + ": is a directory"},
		{[]string{"partnership", "set", "--statement-file", missing}, "--statement-file: " + missing + ": no such file or directory"},
		{[]string{"import", "police-uk", missing}, missing + ": nothing imported: no such file or directory"},
		{[]string{"restore", missing}, "the backup " + missing + " does not exist"},
		{[]string{"backup", filepath.Join(dir, "no", "such", "x.db")}, "cannot create a file in " + filepath.Join(dir, "no", "such") + ": no such file or directory"},
	} {
		r := run(t, nil, append(as, tt.args...)...)
		failsWith(t, r, 1, tt.want)
		if strings.Contains(r.stderr, "open ") || strings.Contains(r.stderr, ".part-") || strings.Contains(r.stderr, "--db") {
			t.Errorf("%v: %q", tt.args, r.stderr)
		}
	}
}
