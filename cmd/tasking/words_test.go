package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/ccsp/tasking/server"
)

// An error about a flag names it once, whoever named it first, and keeps
// its kind.
func TestFlagErrNamesTheFlagOnce(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{errors.New("open st.txt: no such file or directory"), "--statement-file: open st.txt: no such file or directory"},
		{errors.New("--statement-file: standard input is larger than 16 MB"), "--statement-file: standard input is larger than 16 MB"},
		{errors.New("--statement: too long"), "--statement-file: --statement: too long"}, // another flag is not this one
	}
	for _, tt := range tests {
		if got := flagErr("statement-file", tt.err).Error(); got != tt.want {
			t.Errorf("flagErr(%q) = %q, want %q", tt.err, got, tt.want)
		}
	}
	var u *usageError
	if err := flagUsage("due", errors.New("x")); !errors.As(err, &u) || exitCode(err) != exitUsage {
		t.Errorf("flagUsage lost its kind: %#v", err)
	}
	if flagErr("due", nil) != nil {
		t.Error("no error became one")
	}
}

// The command line's sentences: a flag's name once, and the right article.
func TestCommandLineWords(t *testing.T) {
	db := demoDB(t)
	big := strings.NewReader(strings.Repeat("a", server.DefaultMaxInput+1))
	r := runIn(t, nil, big, "--db", db, "--as", "Helen Marsh", "partnership", "set", "--statement-file", "-")
	failsWith(t, r, 1, "--statement-file: standard input is larger than 16 MB")
	if strings.Count(r.stderr, "--statement-file") != 1 {
		t.Errorf("the flag is named more than once: %q", r.stderr)
	}
	failsWith(t, run(t, nil, "--db", db, "action", "show", "X-1"), 2, `"X-1" is not an action ref`)
	failsWith(t, run(t, nil, "--db", db, "hotspot", "show", "A-1"), 2, `"A-1" is not a hotspot ref`)
	failsWith(t, run(t, nil, "--db", db, "--as", "Helen Marsh", "member", "edit", "Tom Okafor", "--role", "admin", "--restricted", "no"),
		1, "an admin always reads the restricted record")
}
