package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/server"
	"github.com/ccsp/tasking/store"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// remote is set when the command tree runs inside an SSH session on the
// server: the server's open record, the member whose key opened the
// session, and how that person reaches the server (for messages). The
// tree is built afresh per session, so nothing is shared between sessions
// but the record.
type remote struct {
	rec   store.Record
	actor model.Actor
	ssh   string // "ssh -p 23234 tasking.example.org"
	// maxInput is the most a command reads of a file on standard input
	// (the server's setting).
	maxInput int
	// terminal: the session has a terminal (ssh -t), where a binary file
	// would be drawn, not saved.
	terminal bool
}

// runRemote runs one command line for a member over SSH: the same tree,
// the same permissions, the same output bytes and exit code as the local
// command, on the server's open record.
func runRemote(ctx context.Context, rec store.Record, x server.Exec) int {
	if x.Local != nil {
		return runJoined(ctx, rec, x)
	}
	a := &app{remote: &remote{rec: rec, actor: model.ActorFor(x.Member), ssh: x.SSH, maxInput: x.MaxInput, terminal: x.Terminal}, line: x.Args}
	root := buildRoot(a)
	helpForSSH(root, x.SSH)
	root.SetArgs(x.Args)
	root.SetIn(x.Stdin)
	root.SetOut(x.Stdout)
	root.SetErr(x.Stderr)
	root.PersistentPreRunE = a.remoteAllowed
	err := fang.Execute(ctx, root,
		fang.WithErrorHandler(func(w io.Writer, st fang.Styles, err error) {
			printError(w, st, err)
			if extraWords(err) {
				fmt.Fprintf(w, "tasking: over SSH, ssh joins the words and the server splits them again: put the whole command in double quotes and text in single quotes, e.g. %s \"action update A-12 --note 'Letters sent'\"\n", a.remote.ssh)
			}
		}),
		fang.WithVersion(buildVersion()),
		// fang's man page goes to the process's stdout: the server's.
		fang.WithoutManpage(),
	)
	return exitCode(err)
}

// sharedRecord is the server's record lent to one command: the command's
// Close must not close it for everyone else.
type sharedRecord struct{ store.Record }

func (sharedRecord) Close() error { return nil }

// localOnly are the commands that only make sense on the server's own
// machine: they make or repair the file itself, or serve it.
var localOnly = map[string]string{
	"demo":         "fills an empty database",
	"setup":        "sets up an empty database",
	"check":        "reads the file itself",
	"check-pages":  "reads the file itself",
	"upgrade":      "rewrites the file itself",
	"restore":      "replaces the file itself",
	"salvage":      "reads a damaged file and makes a new one",
	"copy":         "copies a whole record between files and databases",
	"salvage-read": "reads the file itself",
	"serve":        "starts a server",
	"completion":   "installs shell completion on your own computer",
}

// remoteAllowed refuses, before anything is read, what a command cannot do
// over SSH: name another database or another person, or read and write
// files on the server's disk (output comes to the person's terminal and
// input from their standard input instead).
func (a *app) remoteAllowed(cmd *cobra.Command, _ []string) error {
	if top := topCommand(cmd); localOnly[top] != "" {
		return fmt.Errorf("`%s` %s, so it runs on the server's machine, not over SSH", top, localOnly[top])
	}
	flags := cmd.Flags()
	if flags.Changed("db") {
		return usagef("--db: over SSH the server chooses the database")
	}
	if flags.Changed("as") {
		return usagef("--as: over SSH you act as %s, the member your key belongs to", a.remote.actor.Name)
	}
	if flags.Changed("by-agency") {
		return usagef("--by-agency writes a folder of files, which over SSH would be on the server: run it on the server's machine, or export every action here: %s export actions --format csv > actions.csv", a.remote.ssh)
	}
	if f := flags.Lookup("output"); f != nil && f.Changed && f.Value.String() != "-" {
		return usagef("-o: over SSH the output comes to your terminal, not a file on the server: %s", sshLine(cmd, a.remote.ssh))
	}
	for _, name := range []string{"statement-file", "agencies"} {
		if f := flags.Lookup(name); f != nil && f.Changed && f.Value.String() != "-" {
			return usagef("--%s: over SSH tasking cannot read files on the server: send it on standard input: %s", name, sshLine(cmd, a.remote.ssh))
		}
	}
	return nil
}

// topCommand is the first word of the command ("member" for member key
// add); "" for the root.
func topCommand(cmd *cobra.Command) string {
	top := cmd
	for top.HasParent() && top.Parent().HasParent() {
		top = top.Parent()
	}
	if !top.HasParent() {
		return ""
	}
	return top.Name()
}

// sshSuggestion is the ssh command line that does over SSH what cmd was
// asked to do here: files named on the command line come on standard
// input and output goes to a redirect (the server reads and writes none of
// this machine's files), and the command is quoted for both shells (this
// one, and the server's splitting into words).
func sshSuggestion(cmd *cobra.Command, host, port string) string {
	if !cmd.HasParent() {
		return "ssh -t -p " + port + " " + host
	}
	return sshLine(cmd, "ssh -p "+port+" "+host)
}

// sshLine is cmd as a command line after ssh (the "ssh -p PORT HOST" in
// front): see sshSuggestion.
func sshLine(cmd *cobra.Command, ssh string) string {
	words := strings.Fields(cmd.CommandPath())[1:]
	var in, out string
	cmd.Flags().Visit(func(f *pflag.Flag) {
		v := f.Value.String()
		switch f.Name {
		case "db", "as":
			return
		case "output":
			// A workbook or a Word document is written to stdout only
			// when asked for with -o -.
			if kind := cmd.Flags().Lookup("format").Value.String(); v == "-" || kind == "xlsx" || kind == "docx" {
				words = append(words, "-o", "-")
			}
			if v != "-" {
				out = v
			}
			return
		case "statement-file", "agencies":
			if v != "-" {
				words, in = append(words, "--"+f.Name, "-"), v
				return
			}
		}
		if f.Value.Type() == "bool" {
			words = append(words, "--"+f.Name)
			return
		}
		words = append(words, "--"+f.Name, v)
	})
	args := cmd.Flags().Args()
	// The file arguments: member import FILE, member key add NAME FILE.
	switch cmd.CommandPath() {
	case "tasking member import":
		if len(args) == 1 && args[0] != "-" {
			args, in = []string{"-"}, args[0]
		}
	case "tasking member key add":
		if len(args) == 2 && args[1] != "-" {
			args, in = []string{args[0], "-"}, args[1]
		}
	case "tasking import police-uk":
		if len(args) == 1 && args[0] != "-" {
			args, in = []string{"-"}, args[0]
		}
	case "tasking backup":
		// Over SSH the backup comes down the connection: backup > FILE.
		if len(args) == 1 && args[0] != "-" {
			args, out = nil, args[0]
		}
	}
	words = append(words, args...)
	remote := make([]string, len(words))
	for i, w := range words {
		remote[i] = shellQuote(w)
	}
	line := ssh + " " + forThisShell(strings.Join(remote, " "))
	if in != "" {
		line += " < " + shellQuote(in)
	}
	if out != "" {
		line += " > " + shellQuote(out)
	}
	return line
}

// forThisShell wraps the remote command in double quotes when it holds
// quotes of its own, so this machine's shell hands them to ssh intact.
func forThisShell(remote string) string {
	if !strings.ContainsAny(remote, `'"\$`+"`") {
		return remote
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, "`", "\\`")
	return `"` + r.Replace(remote) + `"`
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// readInput reads a file named on the command line, or standard input for
// "-", up to the limit (server.DefaultMaxInput; over SSH the server's
// setting): past it the file is refused, having been read no further.
// Over SSH only "-" is allowed: the files are on the person's computer,
// not the server's.
func (a *app) readInput(cmd *cobra.Command, what, path string) ([]byte, error) {
	limit := server.DefaultMaxInput
	if a.remote != nil && a.remote.maxInput > 0 {
		limit = a.remote.maxInput
	}
	if path == "-" {
		return readUpTo(cmd.InOrStdin(), limit, what+": standard input")
	}
	if a.remote != nil {
		return nil, usagef("over SSH tasking cannot read files on the server: give - for %s and send the file on standard input (… < %s)", what, path)
	}
	return readFileUpTo(a.at(path), limit)
}

// readLocalFile reads a file named for a flag (--agencies) up to the
// limit, as readInput does.
func readLocalFile(path string) ([]byte, error) { return readFileUpTo(path, server.DefaultMaxInput) }

// readFileUpTo reads a file up to limit bytes: one bigger is refused by its
// size before a byte is read, and one whose size says nothing (a pipe, a
// device) once it passes the limit.
func readFileUpTo(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileErr(path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > int64(limit) {
		return nil, tooLarge(path, limit)
	}
	return readUpTo(f, limit, path)
}

// readUpTo reads r up to limit bytes, refusing it (as name) past that.
func readUpTo(r io.Reader, limit int, name string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err == nil && len(b) > limit {
		return nil, tooLarge(name, limit)
	}
	if err != nil {
		return nil, fileErr(name, err)
	}
	return b, nil
}

func tooLarge(name string, limit int) error {
	size := fmt.Sprintf("%d bytes", limit)
	switch {
	case limit >= 1<<20 && limit%(1<<20) == 0:
		size = fmt.Sprintf("%d MB", limit>>20)
	case limit >= 1<<10 && limit%(1<<10) == 0:
		size = fmt.Sprintf("%d KB", limit>>10)
	}
	return fmt.Errorf("%s is larger than %s, which no member list or statement is", name, size)
}

// extraWords: the command line had more words than the command takes, which
// over SSH is nearly always text quoted once (ssh drops the quotes).
func extraWords(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "arg(s), received")
}
