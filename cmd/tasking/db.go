package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/ccsp/tasking/store/pg"
	"github.com/spf13/cobra"
)

// lockTimeout is how long a command waits for another tasking to let go of
// the file before saying who holds it.
const lockTimeout = time.Second

// defaultDBName is the database under the XDG data directory.
const defaultDBName = "tasking/tasking.db"

// app holds the global flags; every command reads them through it.
type app struct {
	db string // --db
	as string // --as

	path string // the resolved database path, once known (for messages)

	now func() time.Time // the clock, once read (clock.go)

	// remote is set when the tree runs in an SSH session on the server
	// (remote.go): the server's record and the key's member.
	remote *remote
	// joined is set when the tree runs in the process holding the file,
	// for another tasking process of this user that joined it through the
	// local socket (joined.go): local use, on the holder's record.
	joined *joined
	// argv is the command line as typed, for joining the holder of the
	// file with it (join.go); nil where the tree is not the process's own.
	argv []string
	// line is the command line a session's tree will run (over SSH, or
	// for a joined process), known before the tree is built.
	line []string
}

// dbPath resolves the database: --db, then $TASKING_DB, then
// $XDG_DATA_HOME/tasking/tasking.db. Its folder is made (0700) only when a
// database is made there (store.Open), and taken away again if that fails.
func (a *app) dbPath() (string, error) {
	if a.joined != nil {
		a.path = a.joined.path()
		return a.path, nil
	}
	p := a.db
	if p == "" {
		p = os.Getenv("TASKING_DB")
	}
	if onPostgres(p) {
		a.path = pg.Describe(p) // messages name it without its password
		return p, nil
	}
	if p == "" {
		p = filepath.Join(xdg.DataHome, filepath.FromSlash(defaultDBName))
		// One made earlier by hand may be wider than 0700, and it holds
		// personal data.
		dir := filepath.Dir(p)
		if st, err := os.Stat(dir); err == nil && st.Mode().Perm() != 0o700 {
			if err := os.Chmod(dir, 0o700); err != nil {
				return "", fmt.Errorf("cannot make %s private (%v): choose a file with --db", dir, err)
			}
		}
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	a.path = p
	return p, nil
}

// mode names this process in the owner sidecar, so a second process is told
// "in use by tasking cli actions (pid …)".
func mode(cmd *cobra.Command) string {
	if !cmd.HasParent() {
		return "tui"
	}
	return "cli " + strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}

// open opens (creating if needed) the database for cmd.
func (a *app) open(cmd *cobra.Command) (store.Record, error) {
	if a.remote != nil {
		return sharedRecord{a.remote.rec}, nil
	}
	if a.joined != nil {
		a.path = a.joined.path()
		return sharedRecord{a.joined.rec}, nil
	}
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	now, err := a.clock()
	if err != nil {
		return nil, err
	}
	// The app shows a file it may not write read-only, and says so;
	// demo and setup, which must write, are refused such a file.
	s, err := openStore(cmd, path, bolt.Options{Mode: mode(cmd), LockTimeout: lockTimeout, Now: now, ReadOnlyIfDenied: !cmd.HasParent()})
	if err != nil {
		return nil, err
	}
	tell(cmd, s)
	return s, nil
}

// discardOnFailure closes s, and when the command failed and its opening
// made the file, removes the file and the folders made for it (only while
// it holds no partnership): a failed demo or setup leaves nothing behind
// to block the next try.
func discardOnFailure(s store.Record, err *error) {
	if d, ok := s.(interface{ Discard() error }); ok && *err != nil {
		_ = d.Discard()
		return
	}
	s.Close()
}

// discardUnused closes s, removing the file its opening made if it still
// holds no partnership (Discard removes nothing else).
func discardUnused(s store.Record) {
	if d, ok := s.(interface{ Discard() error }); ok {
		_ = d.Discard()
		return
	}
	s.Close()
}

// tell passes on what opening the file did (a file made private).
func tell(cmd *cobra.Command, s store.Record) {
	for _, n := range s.Notices() {
		fmt.Fprintln(cmd.ErrOrStderr(), "tasking: "+n)
	}
}

// recordPath is the record's file, here or on the server ("" when the
// record is not a file).
func (a *app) recordPath() string {
	if a.remote != nil {
		if f, ok := a.remote.rec.(interface{ Path() string }); ok {
			return f.Path()
		}
		return ""
	}
	if a.joined != nil {
		return a.joined.path()
	}
	return a.path
}

// openData opens a database that must already hold a partnership, for a
// command that only reads: read-only, beside any other reader, changing no
// byte of the file. A missing file is reported without creating one.
func (a *app) openData(cmd *cobra.Command) (store.Record, error) { return a.openExisting(cmd, true) }

// openExisting opens a database that must already hold a partnership,
// read-only or for writing: the record, whatever keeps it, as the person
// at the keyboard may read it (store.ReadAs: a viewer or circulation-only
// member reads the public record only, on every command).
func (a *app) openExisting(cmd *cobra.Command, readOnly bool) (store.Record, error) {
	if a.remote != nil {
		return store.ReadAs(sharedRecord{a.remote.rec}, a.remote.actor), nil
	}
	var s store.Record
	if a.joined != nil {
		// The holder's record, checked as openFile checks a file.
		a.path = a.joined.path()
		s = sharedRecord{a.joined.rec}
		empty, err := s.IsEmpty()
		if err == nil && empty {
			err = noPartnership(a.path)
		}
		if err == nil && cmd.Flags().Changed("as") {
			_, _, err = a.actor(s, true)
		}
		if err != nil {
			return nil, err
		}
	} else {
		f, err := a.openFile(cmd, readOnly)
		if err != nil {
			return nil, err
		}
		s = f
	}
	reader, err := a.reader(cmd, s)
	if err != nil {
		s.Close()
		return nil, err
	}
	return store.ReadAs(s, reader), nil
}

// version is which version of the minutes or an export the person reading
// gets when they ask for the restricted one (public false) or the public
// one (model.VersionFor), saying so in one line when it is not what they
// asked for.
func (a *app) version(cmd *cobra.Command, s store.Record, public bool) (bool, error) {
	reader, err := a.reader(cmd, s)
	if err != nil {
		return public, err
	}
	public, note := model.VersionFor(reader, public)
	if note != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "tasking: "+note)
	}
	return public, nil
}

// reader is who reads: the person named or remembered, else the file's
// owner (model.FileOwner): on this computer the file's own protection is
// the boundary, and whoever may open it reads all of it.
func (a *app) reader(cmd *cobra.Command, s store.Record) (model.Actor, error) {
	actor, known, err := a.actor(s, cmd.Flags().Changed("as"))
	if err != nil || known {
		return actor, err
	}
	return model.FileOwner(), nil
}

// openFile is openExisting for the commands about the file itself (check,
// upgrade): the bbolt store, with what only a file has.
func (a *app) openFile(cmd *cobra.Command, readOnly bool) (held, error) {
	if a.remote != nil {
		return nil, fmt.Errorf("`%s` reads the file itself, so it runs on the server's machine, not over SSH", cmd.Name())
	}
	if a.joined != nil {
		return nil, fmt.Errorf("`%s` reads the file itself, so it runs only in a process that holds the file: close the tasking that holds %s first", cmd.Name(), a.joined.path())
	}
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && !onPostgres(path) {
		// A mistyped --db is missing, not empty, and nothing is made there.
		return nil, &bolt.MissingError{Path: path}
	}
	now, err := a.clock()
	if err != nil {
		return nil, err
	}
	s, err := openStore(cmd, path, bolt.Options{Mode: mode(cmd), LockTimeout: lockTimeout, Now: now, ReadOnly: readOnly})
	if err != nil {
		return nil, err
	}
	tell(cmd, s)
	empty, err := s.IsEmpty()
	if err == nil && empty {
		err = noPartnership(s.Path())
	}
	// --as names someone on every command, reading ones included: a typo
	// should be said, not silently ignored.
	if err == nil && cmd.Flags().Changed("as") {
		_, _, err = a.actor(s, true)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func noPartnership(path string) error {
	return fmt.Errorf("%s has no partnership yet: run `tasking demo` or open `tasking` to set one up", path)
}

// explain rewrites errors that read better with the database's name.
func (a *app) explain(cmd *cobra.Command, err error) error {
	err = a.shownErr(err)
	if errors.Is(err, store.ErrNoPartnership) && a.path != "" {
		return noPartnership(a.path)
	}
	var served *bolt.ServedError
	if errors.As(err, &served) {
		return servedElsewhere(cmd, served)
	}
	return err
}

// servedElsewhere says, in one line, which server holds the file, since
// when, and what to do instead: the ssh command that does the same thing,
// or, for what only runs beside the file, to stop the server first.
func servedElsewhere(cmd *cobra.Command, e *bolt.ServedError) error {
	host, port := e.Owner.SSHAddress()
	head := fmt.Sprintf("%s is served by tasking serve on %s since %s (pid %d)",
		e.Path, e.Owner.Listen, e.Owner.Started.Local().Format("15:04 on 2 Jan"), e.Owner.PID)
	if top := topCommand(cmd); localOnly[top] != "" {
		return fmt.Errorf("%s: `tasking %s` %s, so stop the server first (ctrl+c where it runs, or kill %d)", head, top, localOnly[top], e.Owner.PID)
	}
	return fmt.Errorf("%s: use `%s`", head, sshSuggestion(cmd, host, port))
}

// run wraps a command's work so its errors are explained the same way.
func (a *app) run(fn func(cmd *cobra.Command, args []string) error) func(cmd *cobra.Command, args []string) error {
	return func(cmd *cobra.Command, args []string) error {
		return a.explain(cmd, fn(cmd, args))
	}
}

// actor is who is at the keyboard: the member named by --as, else the one
// remembered for this database on this computer (identity.json). known is
// false when neither says: the app then asks, and commands that change
// anything refuse. An empty database has no members: the app sets the
// partnership up and makes its chair.
func (a *app) actor(s store.Record, named bool) (actor model.Actor, known bool, err error) {
	if a.remote != nil {
		return a.remote.actor, true, nil
	}
	empty, err := s.IsEmpty()
	if err != nil {
		return model.Actor{}, false, err
	}
	if empty {
		if named {
			return model.Actor{}, false, fmt.Errorf("%s has no partnership yet, so it has no member %q: open `tasking` without --as to set one up", s.Path(), model.CleanText(a.as))
		}
		return model.Actor{}, false, nil
	}
	name := ""
	if !named {
		if name = a.rememberedFor(s.Path()); name == "" {
			// Nobody named or remembered: the members are not read
			// (most of a short command's reading).
			return model.Actor{}, false, nil
		}
	}
	members, err := s.Members()
	if err != nil {
		return model.Actor{}, false, err
	}
	if named {
		m, err := model.FindActiveMember(members, a.as)
		if err != nil {
			return model.Actor{}, false, flagErr("as", err)
		}
		return model.ActorFor(m), true, nil
	}
	for _, m := range members {
		if m.Name == name && !m.Retired { // a retired member is asked again
			return model.ActorFor(m), true, nil
		}
	}
	return model.Actor{}, false, nil
}

// writer is the actor for a command that changes the record: someone must
// be named, because every change carries its author.
func (a *app) writer(cmd *cobra.Command, s store.Record) (model.Actor, error) {
	actor, known, err := a.actor(s, cmd.Flags().Changed("as"))
	if err != nil {
		return actor, err
	}
	if !known {
		if m, ok := a.rememberedRetired(s); ok {
			return actor, fmt.Errorf("%s, remembered as you on this computer, retired from the group on %s: add --as NAME (or choose yourself again in the app: `tasking`)", m.Name, m.RetiredOn)
		}
		return actor, errors.New("who is making this change? add --as NAME (or choose yourself once in the app: `tasking`)")
	}
	return actor, nil
}

// rememberedRetired is the member remembered for this database, if they
// have since retired (so the refusal can say so rather than ask who).
func (a *app) rememberedRetired(s store.Record) (model.Member, bool) {
	name := a.rememberedFor(s.Path())
	if name == "" {
		return model.Member{}, false
	}
	members, err := s.Members()
	if err != nil {
		return model.Member{}, false
	}
	for _, m := range members {
		if m.Name == name && m.Retired {
			return m, true
		}
	}
	return model.Member{}, false
}

// openWriter opens a database that holds a partnership, for a command that
// changes it, with the person making the change. The caller closes it.
func (a *app) openWriter(cmd *cobra.Command) (store.Record, model.Actor, error) {
	s, err := a.openExisting(cmd, false)
	if err != nil {
		return nil, model.Actor{}, err
	}
	actor, err := a.writer(cmd, s)
	if err != nil {
		s.Close()
		return nil, model.Actor{}, err
	}
	return s, actor, nil
}
