package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Every command a person can run says what it does and shows an example in
// its --help; `tasking --help` lists them by job.
func TestEveryCommandHasHelpAndAnExample(t *testing.T) {
	root := newRoot()
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "help" || sub.Name() == "completion" || strings.HasPrefix(sub.CommandPath(), "tasking completion") {
				continue
			}
			walk(sub)
		}
		if c == root {
			return
		}
		if !strings.Contains(c.Example, "tasking ") {
			t.Errorf("%s --help has no example", c.CommandPath())
		}
		if !c.Runnable() || c.HasSubCommands() {
			return // a group of commands: its example is theirs
		}
		n++
		if c.Short == "" || c.Long == "" {
			t.Errorf("%s has no description", c.CommandPath())
		}
	}
	walk(root)
	if n < 30 {
		t.Errorf("only %d commands: the tree is not what it was", n)
	}
	for _, c := range root.Commands() {
		if c.Name() != "help" && c.Name() != "completion" && !c.Hidden && c.GroupID == "" {
			t.Errorf("%s is in no group of `tasking --help`", c.Name())
		}
	}
}

// TestRootCommandNames: the table a command line is looked up in before
// the tree is built names each command as the command itself does, and
// holds every one of the root's commands.
func TestRootCommandNames(t *testing.T) {
	seen := map[string]bool{}
	for _, rc := range rootCommands() {
		c := rc.make(&app{})
		if c.Name() != rc.name || len(c.Aliases) > 0 {
			t.Errorf("the table says %q, the command is %q (aliases %q)", rc.name, c.Name(), c.Aliases)
		}
		if (rc.group == "") != c.Hidden {
			t.Errorf("%s: group %q, hidden %v", rc.name, rc.group, c.Hidden)
		}
		seen[rc.name] = true
	}
	for _, c := range newRoot().Commands() {
		if !seen[c.Name()] {
			t.Errorf("%s is in the tree but not in rootCommands", c.Name())
		}
	}
}

// TestNamedCommand: a line builds one command only when cobra would run
// that command; anything it cannot be sure of builds the whole tree.
func TestNamedCommand(t *testing.T) {
	for line, want := range map[string]string{
		"actions --agency police":              "actions",
		"--db x.db actions":                    "actions",
		"--db=x.db --as Ann action update A-1": "action",
		"--as=Ann minutes latest":              "minutes",
		"":                                     "",
		"--db x.db":                            "",
		"--db actions":                         "",
		"help actions":                         "",
		"completion bash":                      "",
		"man":                                  "",
		"actoins":                              "",
		"-v actions":                           "",
		"--help actions":                       "",
		"-- actions":                           "",
		"__complete actions --agency ":         "",
		"actions __complete":                   "",
	} {
		if got := namedCommand(strings.Fields(line)); got != want {
			t.Errorf("%q: %q, want %q", line, got, want)
		}
	}
}

// TestHelpWithOneCommandBuilt: a command's help, said by a process that
// built only that command, is the help the whole tree says of it
// (`tasking help X` builds the whole tree).
func TestHelpWithOneCommandBuilt(t *testing.T) {
	t.Parallel()
	var lines [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		for _, sub := range c.Commands() {
			if sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			p := append(slices.Clone(path), sub.Name())
			lines = append(lines, p)
			walk(sub, p)
		}
	}
	walk(newRoot(), nil)
	for _, p := range lines {
		one := run(t, nil, append(slices.Clone(p), "--help")...)
		whole := run(t, nil, append([]string{"help"}, p...)...)
		if one.code != 0 || one.stdout == "" || one.stdout != whole.stdout || one.stderr != whole.stderr {
			line := strings.Join(p, " ")
			t.Errorf("tasking %s --help (exit %d) is not tasking help %s (exit %d):\n%s\n---\n%s",
				line, one.code, line, whole.code, one.stdout+one.stderr, whole.stdout+whole.stderr)
		}
	}
}
