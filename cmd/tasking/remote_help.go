package main

import (
	"strings"

	"github.com/google/shlex"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpForSSH makes the tree's help say only what works over SSH, where it
// is built per session (runRemote): --db and --as are hidden (given
// anyway, they are refused in words: remoteAllowed), so are the commands
// that run only on the server's machine (asked for by name, their help
// says so), and examples are written as the ssh command lines they are
// there. The local tree is left as it was.
func helpForSSH(root *cobra.Command, ssh string) {
	for _, name := range []string{"db", "as"} {
		if f := root.PersistentFlags().Lookup(name); f != nil {
			f.Hidden = true
		}
	}
	// cobra adds `completion` itself, when the tree runs.
	root.CompletionOptions.HiddenDefaultCmd = true
	root.Long = "tasking runs the weekly multi-agency anti-social behaviour tasking meeting: the agenda, " +
		"hotspots, actions, decisions and minutes, on the partnership's server.\n\n" +
		"With no command (" + strings.Replace(ssh, "ssh ", "ssh -t ", 1) + ") it opens the app. Over SSH the " +
		"server chooses the database and you act as the member your key belongs to; files come on standard " +
		"input and output goes to yours."
	root.Example = ""
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if why := localOnly[c.Name()]; why != "" && c.Parent() == root {
			c.Hidden = true
			c.Long = "`" + c.Name() + "` " + why + ", so it runs on the server's machine, not over SSH."
			c.Example = ""
		}
		c.Long = sshWords.Replace(c.Long)
		c.Flags().VisitAll(func(f *pflag.Flag) { f.Usage = sshWords.Replace(f.Usage) })
		if c != root && c.Example != "" {
			// Examples are rewritten when their help is shown: each is
			// parsed by a tree of its own, which takes a millisecond.
			c.SetHelpFunc(func(c *cobra.Command, args []string) {
				c.Example = sshExamples(c.Example, ssh)
				c.Root().HelpFunc()(c, args)
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.Example = "  " + ssh + " actions --mine --overdue\n" +
		"  " + ssh + " \"action update A-12 --note 'Letters sent'\"\n" +
		"  " + ssh + " minutes latest --format docx -o - > minutes.docx"
}

// sshWords are the phrases of flag and command help that name --as or
// --db, in the words that are true over SSH.
var sshWords = strings.NewReplacer(
	"(who I am: --as, or remembered)", "(who I am: the member my key belongs to)",
)

// sshExamples writes each example ("  tasking --as 'Helen Marsh' action
// add …", "ssh-add -L | tasking …") as the ssh command line that does it
// over SSH (sshLine: no --as or --db, files on standard input, output
// redirected, quoted for both shells).
func sshExamples(examples, ssh string) string {
	var out []string
	lines := strings.Split(examples, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		for strings.HasSuffix(line, "\\") && i+1 < len(lines) && !isExample(lines[i+1]) {
			i++ // the same command, continued
			line = strings.TrimSuffix(line, "\\") + strings.TrimSpace(lines[i])
		}
		if strings.HasSuffix(line, "\\") {
			// The first line of a longer example (a group's summary of
			// its commands' examples): its own help has it whole.
			continue
		}
		if at := strings.Index(line, "tasking "); isExample(line) {
			if l, ok := sshExample(line[at+len("tasking "):], ssh); ok {
				line = line[:at] + l
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// isExample: the line runs tasking, on its own or after a pipe.
func isExample(line string) bool {
	at := strings.Index(line, "tasking ")
	return at >= 0 && (strings.TrimSpace(line[:at]) == "" || strings.HasSuffix(line[:at], "| "))
}

// sshExample is one local command line (after "tasking ") over SSH.
func sshExample(line, ssh string) (string, bool) {
	args, err := shlex.Split(line)
	if err != nil {
		return "", false
	}
	c, rest, err := newRoot().Find(args)
	if err != nil || !c.HasParent() || c.ParseFlags(rest) != nil {
		return "", false
	}
	return sshLine(c, ssh), true
}
