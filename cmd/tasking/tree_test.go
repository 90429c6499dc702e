package main

import (
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
