package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/ccsp/tasking/store/pg"
	"github.com/spf13/cobra"
)

// errProblemsFound is check's answer when it found something: exit 1, the
// problems already printed.
var errProblemsFound = errors.New("")

func newCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check the database file: its pages, every record and every index",
		Long: "check reads the whole file, changing nothing: bbolt's own check of every page (in a separate " +
			"process, so a damaged page cannot take this one down), then the record — every record decodes " +
			"and holds its own ID, every index entry points at a record and every record is indexed, no new " +
			"record would overwrite an old one, every closed meeting has its frozen record, the audit trail is " +
			"in order. One line per problem; exit 1 if there is any. The README says what to do about each kind.",
		Example: "  tasking check --db /srv/tasking/tasking.db",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) (err error) {
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			if onPostgres(path) {
				return a.checkDatabase(cmd)
			}
			if err := bolt.ServedBy(path); err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			watch, finish := a.longWork(cmd, "check")
			defer func() { err = finish(err) }()
			// The child's findings come back whole: they are said once the
			// bar is cleared.
			var pages bytes.Buffer
			n, err := checkPagesInChild(watch, path, &pages)
			if err != nil {
				return err
			}
			if n < 0 {
				// The pages cannot be read: the records cannot be either.
				finish(nil)
				if _, err := io.Copy(out, &pages); err != nil {
					return err
				}
				fmt.Fprintln(out, path+": "+backupToRestore(path))
				return errProblemsFound
			}
			s, err := a.openFile(cmd, true)
			if err != nil {
				return err
			}
			defer s.Close()
			f, err := fileOf(s)
			if err != nil {
				return err
			}
			problems, err := f.CheckRecordsWatched(watch)
			if err = finish(err); err != nil {
				return err
			}
			if _, err := io.Copy(out, &pages); err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(out, p.String())
			}
			if total := n + len(problems); total > 0 {
				fmt.Fprintf(out, "%s: %s found (see the README: \"When check finds a problem\"); %s\n", path, count(total, "problem"), backupToRestore(path))
				return errProblemsFound
			}
			counts, err := f.Counts()
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(out, "%s: no problems (%d actions, %d updates, %d meetings, %d audit events checked)\n",
				path, counts["actions"], counts["updates"], counts["meetings"], counts["audit"])
			return err
		}),
	}
}

// olderSchema is the schema of a file an older release wrote, read
// without changing it (0 for a current file, or one that cannot be read
// so: opening it for writing then says why), so that upgrade can say what
// it did.
func (a *app) olderSchema(cmd *cobra.Command) int {
	path, err := a.dbPath()
	if err != nil || onPostgres(path) {
		return 0
	}
	s, err := bolt.Open(path, bolt.Options{Mode: mode(cmd), LockTimeout: lockTimeout, ReadOnly: true})
	var old *bolt.TooOldError
	if errors.As(err, &old) {
		return old.File
	}
	if err == nil {
		s.Close()
	}
	return 0
}

// backupToRestore names the newest backup whose header checks out, as
// every other damage message does, so whoever reads check's findings knows
// what tasking restore would put back.
func backupToRestore(path string) string {
	if b := bolt.LatestBackup(path); b != "" {
		return "latest backup: " + b
	}
	return "no backup was found beside it"
}

// newCheckPagesCmd is the child check runs for bbolt's page check: hidden,
// since only check calls it.
func newCheckPagesCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:    "check-pages",
		Hidden: true,
		Args:   usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			problems, err := bolt.CheckPagesOf(path)
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(cmd.OutOrStdout(), "page: "+p)
			}
			if len(problems) > 0 {
				return errProblemsFound
			}
			return nil
		}),
	}
}

// checkPagesInChild runs bbolt's check of every page in a child process
// and prints its findings: the number of problems, or -1 when the child
// could not finish (the file is too damaged to read).
//
// ctrl+c reaches the child only through watch (it runs in a process group
// of its own, so the terminal's interrupt is the parent's to act on): a
// stopped check is not taken for a damaged file.
func checkPagesInChild(watch store.Watch, path string, out io.Writer) (int, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, err
	}
	watch.Report(store.Step{What: "checking every page of the file"})
	ctx, cancel := context.WithTimeout(watch.Context(), 10*time.Minute)
	defer cancel()
	child := exec.CommandContext(ctx, self, "check-pages", "--db", path)
	ownProcessGroup(child)
	var stdout, stderr bytes.Buffer
	child.Stdout, child.Stderr = &stdout, &stderr
	err = child.Run()
	if stopped := watch.Stopped(); stopped != nil {
		return 0, stopped
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if l != "" {
			fmt.Fprintln(out, l)
			n++
		}
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		return n, nil
	case errors.As(err, &exit) && exit.ExitCode() == exitError && n > 0:
		return n, nil
	case errors.As(err, &exit) && exit.ExitCode() == exitError:
		// The child said why in one line (damaged, locked, not ours).
		return 0, errors.New(strings.TrimPrefix(strings.TrimSpace(stderr.String()), "tasking: "))
	}
	fmt.Fprintf(out, "page: the check of %s's pages did not finish (%v): the file is damaged\n", path, err)
	return -1, nil
}

func newUpgradeCmd(a *app) *cobra.Command {
	var reindex bool
	cmd := &cobra.Command{
		Use:   "upgrade [--reindex]",
		Short: "Bring a database an older release wrote up to date (backed up first)",
		Long: "upgrade opens the database for writing, which upgrades a file an older release wrote to this " +
			"release's schema, keeping a copy of the file as it was beside it first. --reindex also rebuilds " +
			"every index from the records (what to do when `tasking check` reports an index problem), after " +
			"a copy of the file is kept.",
		Example: "  tasking upgrade --db /srv/tasking/tasking.db\n  tasking upgrade --reindex",
		Args:    usageArgs(cobra.NoArgs),
		RunE: a.run(func(cmd *cobra.Command, _ []string) error {
			from := a.olderSchema(cmd)
			s, err := a.openFile(cmd, false)
			if err != nil {
				return err
			}
			defer s.Close()
			if a.onPostgres() {
				// Opening it ran the migrations it lacked.
				if reindex {
					return fmt.Errorf("`upgrade --reindex` rebuilds a tasking file's indexes; %s is a PostgreSQL database: `tasking check` says whether its indexes are whole, and `tasking copy` into a new database rebuilds every one", s.Path())
				}
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s is up to date (schema %d: a command that may write, this one too, brings a database up to date as it opens it)\n", s.Path(), pg.SchemaVersion())
				return err
			}
			f, err := fileOf(s)
			if err != nil {
				return err
			}
			v, err := f.Schema()
			if err != nil {
				return err
			}
			if reindex {
				watch, finish := a.longWork(cmd, "upgrade --reindex")
				backup, err := f.ReindexWatched(watch)
				if err = finish(err); err != nil {
					return err
				}
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: every index rebuilt from the records (the file as it was: %s)\n", s.Path(), backup)
				return err
			}
			if from > 0 && from < v {
				// Opening it upgraded it, backing it up first.
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s upgraded from schema %d to %d; the file as it was is kept as %s\n", s.Path(), from, v, bolt.LatestBackup(s.Path()))
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s is up to date (schema %d)\n", s.Path(), v)
			return err
		}),
	}
	cmd.Flags().BoolVar(&reindex, "reindex", false, "rebuild every index from the records (a copy of the file is kept first)")
	return cmd
}

// checkDatabase is check on a PostgreSQL database, which keeps its own
// pages: the record itself, every index entry against the records
// (CheckIndexes) and the audit chain against every record (VerifyChain).
// One line per problem; exit 1 if there is any.
func (a *app) checkDatabase(cmd *cobra.Command) error {
	s, err := a.openFile(cmd, true)
	if err != nil {
		return err
	}
	defer s.Close()
	out := cmd.OutOrStdout()
	problems, err := s.CheckIndexes()
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(out, p.String())
	}
	r, err := s.VerifyChain()
	if err != nil {
		return err
	}
	for _, p := range r.Problems {
		fmt.Fprintln(out, "audit chain: "+p)
	}
	if total := len(problems) + len(r.Problems); total > 0 {
		fmt.Fprintf(out, "%s: %s found (see the README: \"When check finds a problem\")\n", s.Path(), count(total, "problem"))
		return errProblemsFound
	}
	_, err = fmt.Fprintf(out, "%s: no problems (every index entry, %d audit events and %d records checked against the chain)\n",
		s.Path(), r.Events, r.Records)
	return err
}
