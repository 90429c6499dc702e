// Package policedata finds the real data.police.uk files the tests read
// (../shared/data/police-uk beside the repository: see its README.md),
// and skips a test cleanly where they are absent. They are never copied
// into the repository.
package policedata

import (
	"os"
	"path/filepath"
	"testing"
)

// Env names another folder holding the files.
const Env = "TASKING_POLICE_DATA"

// Months are the real files' months, in order.
var Months = []string{"2024-01", "2024-02", "2024-03", "2024-11"}

// Dir is the folder of real files, or the test is skipped. It is looked
// for as shared/data/police-uk beside the repository or any folder above
// it (../shared/data/police-uk from a checkout at /work/main, ../../… from
// a worktree under /work/wt).
func Dir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv(Env); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		tb.Skip("no working directory:", err)
	}
	root := wd
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(root)
		if up == root {
			tb.Skip("not inside the repository")
		}
		root = up
	}
	for d := filepath.Dir(root); ; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "data", "police-uk")
		if _, err := os.Stat(filepath.Join(p, "2024-01-derbyshire-street.csv")); err == nil {
			return p
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	tb.Skip("the real police.uk files (../shared/data/police-uk) are not here")
	return ""
}

// File is the path of the real street file of month (one of Months).
func File(tb testing.TB, month string) string {
	return filepath.Join(Dir(tb), month+"-derbyshire-street.csv")
}
