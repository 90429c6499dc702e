package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/ccsp/tasking/store/pg"
	"github.com/spf13/cobra"
)

// Where the record is kept: a bbolt file (the default, needing no server),
// or a PostgreSQL database (--db postgres://…, or $TASKING_DB), for a
// county running several servers on one database. openStore chooses by
// the scheme; every command, the app and serve then use the record the
// same way (store.Record), whatever keeps it.

// onPostgres: where names a PostgreSQL database rather than a file.
func onPostgres(where string) bool { return pg.IsDSN(where) }

// openStore opens the record where names: a PostgreSQL database (opts'
// clock only: locks, owner files and read-only opening are a file's), or
// the file.
func openStore(cmd *cobra.Command, where string, opts bolt.Options) (held, error) {
	if onPostgres(where) {
		ctx := cmd.Context()
		if ctx == nil {
			ctx = context.Background()
		}
		if opts.ReadOnly {
			return pg.OpenReadOnly(ctx, where, opts.Now)
		}
		return pg.Open(ctx, where, opts.Now)
	}
	f, err := bolt.Open(where, opts)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// held is a record as openStore opens it: a file (*bolt.File, with what
// only a file has: fileOf) or a database (*record.Store).
type held interface {
	store.Record
	CheckIndexes() ([]store.Problem, error)
	HoldsNothing() error
	CopyTo(w store.Watch, dst *record.Store) (record.CopyReport, error)
}

// announceServing records addr in the file's owner sidecar (a file only).
func announceServing(s held, addr string) error {
	f, err := fileOf(s)
	if err != nil {
		return err
	}
	return f.AnnounceServing(addr)
}

// recordOf is the record s holds, over whichever engine.
func recordOf(s held) (*record.Store, error) {
	switch r := s.(type) {
	case *bolt.File:
		return r.Store, nil
	case *record.Store:
		return r, nil
	}
	return nil, fmt.Errorf("internal error: a record held as %T", s)
}

// fileOf is the file holding s, for what only a file has; a database is
// refused as the store refuses it.
func fileOf(s held) (*bolt.File, error) {
	if f, ok := s.(*bolt.File); ok {
		return f, nil
	}
	return nil, store.ErrNotAFile
}

// onPostgresInstead is what a command only a file has says on PostgreSQL:
// what to use there instead.
var onPostgresInstead = map[string]string{
	"backup": "the database's own backups keep it: pg_dump for a copy of one moment, pg_basebackup with WAL archiving " +
		"for point-in-time recovery (README: \"For a county: PostgreSQL\"); `tasking copy DSN FILE` makes a tasking file of it",
	"restore": "put a backup back with the database's own tools (pg_restore, or recovery from pg_basebackup and the WAL); " +
		"`tasking copy FILE DSN` loads a tasking file into an empty database",
}

// onPostgres: this process opens the record itself, and it is in a
// PostgreSQL database (--db, else $TASKING_DB).
func (a *app) onPostgres() bool {
	if a.remote != nil || a.joined != nil {
		return false
	}
	where := a.db
	if where == "" {
		where = os.Getenv("TASKING_DB")
	}
	return onPostgres(where)
}

// refuseOnPostgres refuses cmd when the record is in PostgreSQL and the
// command is about a file (nil otherwise).
func (a *app) refuseOnPostgres(cmd *cobra.Command) error {
	if !a.onPostgres() {
		return nil
	}
	where := a.db
	if where == "" {
		where = os.Getenv("TASKING_DB")
	}
	top := topCommand(cmd)
	instead, ok := onPostgresInstead[top]
	if !ok {
		instead = "it is about a tasking file"
	}
	return fmt.Errorf("`tasking %s` is for a tasking file, and %s is a PostgreSQL database: %s", top, pg.Describe(where), instead)
}

// serveFiles are where serve keeps its host key and the half-typed forms
// it keeps when it stops: beside the file, or for a database in this
// machine's data folder for tasking (made, private, when missing).
func serveFiles(where string) (hostKey, drafts string, err error) {
	base := where
	if onPostgres(where) {
		dir := filepath.Join(xdg.DataHome, "tasking")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", "", fmt.Errorf("cannot make %s for the server's host key: %w", dir, err)
		}
		base = filepath.Join(dir, "serve")
	}
	return base + ".host-key", base + ".drafts", nil
}
