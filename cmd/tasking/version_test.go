package main

import (
	"bytes"
	"context"
	"testing"

	"charm.land/fang/v2"
)

// TestVersionIsFangs: `tasking --version` is answered before the command
// tree is built (main), with the very line the tree, run by fang, prints —
// for --version and -v — and anything more on the line goes to the tree.
func TestVersionIsFangs(t *testing.T) {
	for _, flag := range []string{"--version", "-v"} {
		root := buildRoot(&app{argv: []string{flag}})
		var out bytes.Buffer
		root.SetOut(&out)
		root.SetArgs([]string{flag})
		if err := fang.Execute(context.Background(), root, fang.WithVersion(buildVersion())); err != nil {
			t.Fatal(err)
		}
		if !versionAsked([]string{flag}) || out.String() != versionLine() {
			t.Errorf("%s: the tree prints %q; main prints %q (asked: %v)", flag, out.String(), versionLine(), versionAsked([]string{flag}))
		}
	}
	for _, args := range [][]string{nil, {"--version", "--db", "x"}, {"actions", "--version"}, {"--verbose"}} {
		if versionAsked(args) {
			t.Errorf("%q is not only --version, but main would answer it", args)
		}
	}
	if r := run(t, nil, "--version"); r.code != 0 || r.stdout != versionLine() || r.stderr != "" {
		t.Errorf("tasking --version: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}
