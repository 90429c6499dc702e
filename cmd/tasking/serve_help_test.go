package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/server"
	"github.com/spf13/cobra"
)

// helpOverSSH is what `ssh HOST ARGS` prints, run as the server runs it.
func helpOverSSH(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runRemote(context.Background(), nil, server.Exec{Args: args, Stdin: strings.NewReader(""), Stdout: &out,
		Stderr: &errb, Member: model.Member{Name: "Helen Marsh"}, SSH: "ssh -p 23234 tasking.example.org"})
	return out.String() + errb.String(), code
}

// localOnlyListed finds a command that runs only on the server's machine
// listed as a command in help.
var localOnlyListed = regexp.MustCompile(`(?m)^\s+(demo|setup|check|check-pages|upgrade|serve|completion|copy)\b`)

// TestHelpOverSSHShowsWhatWorksThere: help over SSH, for the whole tree
// and every command in it, names no --db, --as or $TASKING_DB (refused
// there) and lists none of the commands that run only on the server's
// machine; asked for by name, such a command's help says where it runs.
// Local help still has them all.
func TestHelpOverSSHShowsWhatWorksThere(t *testing.T) {
	t.Parallel()
	refused := []string{"--db", "--as", "TASKING_DB"}
	for _, args := range [][]string{{"help"}, {"--help"}, {"help", "action"}} {
		out, code := helpOverSSH(t, args...)
		if code != 0 {
			t.Fatalf("%v over SSH: exit %d\n%s", args, code, out)
		}
		if m := localOnlyListed.FindString(out); m != "" {
			t.Errorf("%v over SSH lists %q, which runs only on the server's machine:\n%s", args, strings.TrimSpace(m), out)
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := strings.Fields(c.CommandPath())[1:]
		out, code := helpOverSSH(t, append(path, "--help")...)
		if code != 0 {
			t.Errorf("%v --help over SSH: exit %d", path, code)
		}
		for _, w := range refused {
			if strings.Contains(out, w) {
				t.Errorf("%v --help over SSH mentions %s, which is refused there:\n%s", path, w, out)
			}
		}
		if len(path) == 1 && localOnly[path[0]] != "" && !strings.Contains(out, "runs on the server's machine") {
			t.Errorf("%s --help over SSH should say it runs on the server's machine:\n%s", path[0], out)
		}
		for _, sub := range c.Commands() {
			if sub.Name() != "help" {
				walk(sub)
			}
		}
	}
	walk(newRoot())

	// An example is the ssh command line that does it.
	out, _ := helpOverSSH(t, "action", "update", "--help")
	if want := `ssh -p 23234 tasking.example.org "action update --note 'Patrols started Friday' --status in-progress A-37"`; !strings.Contains(out, want) {
		t.Errorf("action update's examples over SSH should read %s:\n%s", want, out)
	}
	// A backup's example is the one that works over SSH: down the connection.
	out, _ = helpOverSSH(t, "backup", "--help")
	if want := "ssh -p 23234 tasking.example.org backup > tasking-2026-12-07.db"; !strings.Contains(out, want) || strings.Contains(out, `"backup '`) {
		t.Errorf("backup's examples over SSH should read %s, and name no file on the server:\n%s", want, out)
	}

	// Locally, all of it is there.
	local := ok(t, "help")
	for _, want := range append(refused, "demo", "setup", "upgrade", "serve") {
		if !strings.Contains(local, want) {
			t.Errorf("local help should still mention %s:\n%s", want, local)
		}
	}
	if local := ok(t, "action", "update", "--help"); !strings.Contains(local, "--as") || !strings.Contains(local, "--db") {
		t.Errorf("local action update --help should still describe --as and --db:\n%s", local)
	}
}
