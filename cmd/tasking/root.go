package main

import (
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/tui"
	"github.com/spf13/cobra"
	"slices"
	"strings"
)

// commandGroups are the headings of `tasking --help`, in order.
var commandGroups = []struct{ id, title string }{
	{"meeting", "Run the meeting:"},
	{"work", "Actions and hotspots:"},
	{"data", "Incident data:"},
	{"record", "Minutes and exports:"},
	{"people", "The partnership and its people:"},
	{"file", "The database file:"},
}

// rootCommand is one of the root's commands: its name (which its Use
// begins with: TestRootCommandNames holds them the same), its group (""
// for the hidden ones), and how it is built.
type rootCommand struct {
	name, group string
	make        func(*app) *cobra.Command
}

// rootCommands are the root's commands, in the order --help lists them
// within their groups. (A function, not a table: serve's command reaches
// back to the tree to describe lines for its log.)
func rootCommands() []rootCommand {
	return []rootCommand{
		{"meeting", "meeting", newMeetingCmd},
		{"decision", "meeting", newDecisionCmd},
		{"note", "meeting", newNoteCmd},
		{"amend", "meeting", newAmendCmd},
		{"release", "meeting", newReleaseCmd},
		{"actions", "work", newActionsCmd},
		{"action", "work", newActionCmd},
		{"hotspot", "work", newHotspotCmd},
		{"powers", "work", newPowersCmd},
		{"power", "work", newPowerCmd},
		{"case-review", "work", newCaseReviewCmd},
		{"import", "data", newImportCmd},
		{"incidents", "data", newIncidentsCmd},
		{"minutes", "record", newMinutesCmd},
		{"export", "record", newExportCmd},
		{"setup", "people", newSetupCmd},
		{"partnership", "people", newPartnershipCmd},
		{"member", "people", newMemberCmd},
		{"agency", "people", newAgencyCmd},
		{"demo", "people", newDemoCmd},
		{"serve", "file", newServeCmd},
		{"check", "file", newCheckCmd},
		{"audit", "file", newAuditCmd},
		{"retention", "file", newRetentionCmd},
		{"upgrade", "file", newUpgradeCmd},
		{"backup", "file", newBackupCmd},
		{"restore", "file", newRestoreCmd},
		{"salvage", "file", newSalvageCmd},
		{"copy", "file", newCopyCmd},
		{"check-pages", "", newCheckPagesCmd},
		{"salvage-read", "", newSalvageReadCmd},
	}
}

// namedCommand is the root command argv runs, found as cobra finds it
// (the words before it can only be --db and --as, with their values), or
// "" when the whole tree is needed: no argv (a tree for a session or a
// test), no command named (the app, --help), a word that is not one of
// ours (help, completion, man, a mistyped command and its suggestions), a
// line to complete, or any other flag before the command word, whose
// taking a value or not only the whole tree knows.
func namedCommand(argv []string) string {
	if asksCompletion(argv) {
		return ""
	}
	for i := 0; i < len(argv); i++ {
		switch w := argv[i]; {
		case w == "--db" || w == "--as":
			i++ // its value
		case strings.HasPrefix(w, "--db=") || strings.HasPrefix(w, "--as="):
		case strings.HasPrefix(w, "-"):
			return ""
		default:
			for _, t := range rootCommands() {
				if t.name == w {
					return w
				}
			}
			return ""
		}
	}
	return ""
}

// newRoot builds the whole command tree.
func newRoot() *cobra.Command { return buildRoot(&app{}) }

// buildRoot builds the tree on a: locally, or per SSH session on the
// server's record (remote.go).
func buildRoot(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "tasking",
		Short: "Run the weekly multi-agency ASB tasking meeting",
		Long: "tasking runs the weekly multi-agency anti-social behaviour tasking meeting: the agenda, " +
			"hotspots, actions, decisions and minutes, in one database file.\n\n" +
			"With no command it opens the app. The database is --db, else $TASKING_DB, " +
			"else tasking/tasking.db in the XDG data folder (~/.local/share).",
		Example: "  tasking\n" +
			"  tasking --as 'Gary Fletcher'\n" +
			"  tasking demo --db /tmp/try.db\n" +
			"  tasking actions --agency police --overdue\n" +
			"  tasking minutes latest -o minutes.md",
		Args: noSubcommand,
		RunE: a.run(a.runTUI),
		// Run here, the command joins the process holding the file if
		// one does (join.go); over SSH and in the holder it is replaced.
		PersistentPreRunE: a.joinIfHeld,
	}
	root.PersistentFlags().StringVar(&a.db, "db", "", "the database file (default $TASKING_DB, else tasking/tasking.db in the XDG data folder)")
	root.PersistentFlags().StringVar(&a.as, "as", "", "act as this member, by name (default: the one remembered for this database)")
	root.SetFlagErrorFunc(flagError)

	// `tasking --help` lists the commands by job. A process's own command
	// line that names one of them builds only that one (and its
	// subcommands): the rest of the tree is a third of a millisecond and
	// 1,500 allocations that a query does not use.
	only := namedCommand(a.argv)
	for _, g := range commandGroups {
		root.AddGroup(&cobra.Group{ID: g.id, Title: g.title})
	}
	for _, t := range rootCommands() {
		if only != "" && t.name != only {
			continue
		}
		c := t.make(a)
		c.GroupID = t.group
		root.AddCommand(c)
	}
	root.SetHelpCommandGroupID("people")
	root.SetCompletionCommandGroupID("people")
	exampleGroups(root)
	line := a.argv
	if line == nil {
		line = a.line
	}
	if line == nil || asksCompletion(line) {
		// The completions are wired only where they may be asked for: a
		// process (or a session) run to complete a line, or a tree whose
		// line is not known yet. Every other command starts without them.
		a.addCompletions(root)
	}
	return root
}

// exampleGroups gives each group of commands (meeting, action, member…)
// the first example of each of its commands, so `tasking meeting --help`
// shows what a line looks like, as every command's own --help does.
func exampleGroups(c *cobra.Command) {
	var lines []string
	for _, sub := range c.Commands() {
		if sub.Hidden || sub.Name() == "help" || sub.Name() == "completion" {
			continue
		}
		exampleGroups(sub)
		if first, _, _ := strings.Cut(sub.Example, "\n"); strings.TrimSpace(first) != "" {
			lines = append(lines, first)
		}
	}
	if c.HasParent() && c.HasSubCommands() && c.Example == "" {
		c.Example = strings.Join(lines, "\n")
	}
}

// runTUI opens the database and hands it to the app until the person quits.
func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	if a.remote != nil {
		return usagef("the app opens when you connect with no command: %s", strings.Replace(a.remote.ssh, "ssh ", "ssh -t ", 1))
	}
	if a.joined != nil {
		return usagef("the app opens when tasking is run with no command")
	}
	s, err := a.open(cmd)
	if err != nil {
		return err
	}
	// A file this opening made (a --db path that did not exist) and that
	// is left with no partnership when the app closes is removed: quitting
	// the welcome screen leaves nothing behind, so a mistyped path is
	// called missing next time, not a database with no partnership.
	defer discardUnused(s)
	actor, _, err := a.actor(s, cmd.Flags().Changed("as"))
	if err != nil {
		return err
	}
	path := s.Path()
	// While the app is open it holds the file: the user's other tasking
	// processes join it (a command, a second app) instead of being
	// refused.
	cfg := tui.Config{Store: s, Actor: actor, Now: s.Now, Notice: strings.Join(s.Notices(), " · "),
		// Whoever chooses themselves in the app (or sets the partnership
		// up) is remembered for this database on this computer.
		Remember: func(m model.Member) error { return remember(path, m.Name) }}
	if f, ok := s.(interface{ ReadOnly() bool }); !ok || !f.ReadOnly() {
		// (A file opened read-only is shared with every other reader:
		// there is nothing to join.)
		h := holdForOthers(s, path, actor)
		defer h.stop()
		h.configure(&cfg)
	}
	return tui.Run(cmd.Context(), cfg)
}

// newGroup is a command that only holds subcommands: run bare it shows its
// help; with anything else it is an unknown command (a usage error).
func newGroup(use, short string, subs ...*cobra.Command) *cobra.Command {
	g := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  noSubcommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	g.AddCommand(subs...)
	return g
}

// asksCompletion: the command line asks cobra to complete a line (how a
// shell's completion script runs tasking).
func asksCompletion(argv []string) bool {
	return slices.ContainsFunc(argv, func(w string) bool {
		return w == cobra.ShellCompRequestCmd || w == cobra.ShellCompNoDescRequestCmd
	})
}
