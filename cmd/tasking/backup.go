package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/spf13/cobra"
)

// backup and restore: a consistent copy of the whole record, and putting
// one back.

func newBackupCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE|-",
		Short: "Write a consistent copy of the whole record to FILE, or - for standard output",
		Long: "backup writes a copy of the whole record, consistent as of one moment, while it stays open for everyone " +
			"else. FILE is written whole or not at all (synced, 0600), then opened and its pages checked before it is " +
			"called done; an existing FILE is never replaced. Beside FILE goes FILE.manifest: the audit chain's head as the backup was taken, and the backup's SHA-256 and size, which restore holds it to. - writes to standard output, which is how a backup is " +
			"taken over SSH, where it is the default: ssh … backup > copy.db.\n\nA backup holds every private word, so only the chair or an admin may take one (or, on " +
			"this computer, whoever owns the file). An automatic backup is also made when a meeting closes and before " +
			"every upgrade, the newest 12 kept in the folder beside the record (see partnership set --backup-keep, " +
			"--backup-dir). Put one back with tasking restore.",
		Example: "  tasking backup tasking-2026-12-07.db\n" +
			"  ssh -p 23234 tasking.example.org backup > tasking-2026-12-07.db",
		Args: usageArgs(backupArgs(a)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			dest := "-" // over SSH, with no FILE (backupArgs)
			if len(args) == 1 {
				dest = args[0]
			}
			if a.remote != nil && dest != "-" {
				return usagef("over SSH the backup comes to your terminal, not a file on the server: %s backup > %s", a.remote.ssh, shellQuote(dest))
			}
			if err := a.refuseOnPostgres(cmd); err != nil {
				return err
			}
			if dest == "-" && a.remote != nil && a.remote.terminal {
				return usagef("a backup is a binary file, and this session has a terminal (ssh -t), where it would be drawn, not saved: %s backup > copy.db", a.remote.ssh)
			}
			if dest == "-" && isTerminal(cmd.OutOrStdout()) {
				return usagef("a backup is a binary file: send it to a file (tasking backup - > copy.db) or name one (tasking backup copy.db)")
			}
			s, err := a.openData(cmd)
			if err != nil {
				return err
			}
			defer s.Close()
			actor, err := a.reader(cmd, s)
			if err != nil {
				return err
			}
			start := time.Now()
			if dest == "-" {
				head, err := s.Backup(actor, cmd.OutOrStdout())
				if err == nil {
					_, err = fmt.Fprintf(cmd.ErrOrStderr(), "tasking: backup written; audit chain head %s\n", headWords(head))
				}
				return err
			}
			watch, finish := a.longWork(cmd, "backup")
			info, head, err := bolt.WriteBackupFileWatched(watch, s, actor, a.at(dest))
			if err = finish(err); err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.ErrOrStderr(), a.shown(fmt.Sprintf("Backup written and checked in %s: %s\nAudit chain head: %s (keep it apart from the file: tasking audit verify --head checks the record against it)\n",
				time.Since(start).Round(time.Millisecond), info, headWords(head))))
			return err
		}),
	}
}

// drawnOnScreen: what the command writes goes to a screen — its own
// terminal, or over SSH a session with one (ssh -t) — where a binary file
// would be drawn, not saved.
func (a *app) drawnOnScreen(cmd *cobra.Command) bool {
	return isTerminal(cmd.OutOrStdout()) || (a.remote != nil && a.remote.terminal)
}

// backupArgs: FILE or -, and over SSH nothing at all, since there the
// backup can only come down the connection (ssh … backup > copy.db, as the
// README and the help's example have it).
func backupArgs(a *app) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if a.remote != nil {
			return cobra.RangeArgs(0, 1)(cmd, args)
		}
		return cobra.ExactArgs(1)(cmd, args)
	}
}

func newRestoreCmd(a *app) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "restore FILE [--yes]",
		Short: "Put a backup back in place of the record, keeping the record it replaces",
		Long: "restore checks the backup (its pages, that it is a tasking record this version reads), shows what it " +
			"holds — its partnership, newest change and latest meeting — and what would be lost, and asks. The file " +
			"it replaces is kept beside it as …before-restore-DATE, so a restore can itself be undone. Nothing may " +
			"have the record open: close the app and stop the server first. A damaged record can be restored; an " +
			"older backup is upgraded when it is next opened.",
		Example: "  tasking restore ~/tasking.db-backups/tasking.db.backup-20261124-113000-meeting-M-7",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: a.run(func(cmd *cobra.Command, args []string) error {
			if err := a.refuseOnPostgres(cmd); err != nil {
				return err
			}
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			now, err := a.clock()
			if err != nil {
				return err
			}
			plan, err := bolt.PlanRestore(path, args[0], now())
			if err != nil {
				return err
			}
			// Its pages read; now its records: each against its checksum,
			// the history against its chain.
			if plan.Backup.Problems, err = a.backupProblems(cmd, args[0]); err != nil {
				return err
			}
			if err := model.CheckRestore(plan.Backup, bolt.SchemaVersion); err != nil {
				return err
			}
			if ok, err := confirm(cmd, plan.Question(), yes); err != nil || !ok {
				return err
			}
			watch, finish := a.longWork(cmd, "restore")
			if err := finish(bolt.RestoreWatched(watch, plan)); err != nil {
				return err
			}
			said := fmt.Sprintf("Restored %s from %s", path, args[0])
			if plan.KeptAs != "" {
				said += "; the file it replaced is kept as " + plan.KeptAs
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), said)
			return err
		}),
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "restore without asking")
	return cmd
}

// backupProblems is what the backup's own check finds in its records (as
// tasking check does, after the pages PlanRestore read): nothing for a
// backup an older release wrote, which is upgraded, and checked, when the
// restored record is next opened.
func (a *app) backupProblems(cmd *cobra.Command, backup string) ([]string, error) {
	var said []string
	if p, err := bolt.ManifestProblem(backup); err != nil {
		return nil, fmt.Errorf("the backup %s cannot be held to its manifest: %w", backup, err)
	} else if p != "" {
		said = append(said, p) // first: it says why the rest may differ
	}
	b, err := bolt.Open(backup, bolt.Options{Mode: mode(cmd), LockTimeout: lockTimeout, ReadOnly: true})
	var old *bolt.TooOldError
	if errors.As(err, &old) {
		return said, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the backup %s cannot be restored: %w", backup, err)
	}
	defer b.Close()
	watch, finish := a.longWork(cmd, "the backup's check")
	problems, err := b.CheckRecordsWatched(watch)
	if err = finish(err); err != nil {
		return nil, err
	}
	for _, p := range problems {
		said = append(said, p.String())
	}
	return said, nil
}

// backupSaid is the line said after a change that takes an automatic
// backup (a meeting closing): where it went, or that it failed and the
// change stands.
func backupSaid(rec store.Record) string {
	path, err := rec.LastAutoBackup()
	switch {
	case errors.Is(err, bolt.ErrRecordDamaged):
		return "the automatic backup was not taken: " + err.Error()
	case err != nil:
		return "the automatic backup could not be taken (" + err.Error() + "); take one now with tasking backup FILE"
	case path != "":
		return "backup kept: " + path
	}
	return ""
}

// headWords is a chain head as tasking audit verify --head takes it.
func headWords(h store.ChainHead) string {
	if h.Event == 0 {
		return "none (no audit events yet)"
	}
	return fmt.Sprintf("%d:%x", h.Event, h.Chain)
}
