package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Config is what the TUI needs from the command line.
type Config struct {
	// Store is the record. The app reads it as the person at the keyboard
	// may (store.ReadAs), whoever that becomes.
	Store store.Record
	// Actor is who is at the keyboard. Zero when the database is empty (the
	// setup screen makes the chair).
	Actor model.Actor
	// Now is the clock; nil means time.Now. Tests fix it.
	Now func() time.Time
	// Remember records who chose themselves (or set the partnership up),
	// so they are not asked again on this computer. May be nil.
	Remember func(model.Member) error
	// Options are extra program options (input/output for tests and SSH).
	Options []tea.ProgramOption
	// Remote is set in an SSH session on the server: how this person
	// reaches it ("ssh -p 23234 host"). Exports are then offered as the ssh
	// command that fetches them, never written to the server's disk.
	Remote string
	// Connected says who has the app open on the server now (nil when the
	// app runs on its own): the status bar, and attendance from who is here.
	Connected func() []Present
	// Hosting: the app holds the file and the other apps of this
	// computer's user join it (server.HostApp). Connected then says who
	// has joined, and the app shows who is here as an app over SSH does,
	// once anyone else is: on its own it looks as it always has.
	Hosting bool
	// Started is given the program before it runs, to be sent who comes
	// and goes (PresenceMsg) as a served session's is. May be nil.
	Started func(*tea.Program)
	// Became is told who the person at the keyboard becomes when they say
	// so in the app (chosen from the list, or the chair setting the
	// partnership up), so a process that seats them shows them present.
	// May be nil.
	Became func(model.Member)
	// Draft, if set, is a half-typed form kept from a session that ended
	// without the person choosing to end it: the app offers it back
	// (draft.go). DraftDone is told when it is used or discarded.
	Draft     *Draft
	DraftDone func()
	// Notice is said in the footer as the app opens: what opening the
	// file did that the person must know (it could only be opened
	// read-only).
	Notice string
	// Dir is the folder a relative file name (an export) is saved in:
	// that of the process the person started, when the app runs for it in
	// the process holding the file (server/local.go); "" for this
	// process's own.
	Dir string
}

// Run runs the TUI until the person quits.
func Run(ctx context.Context, cfg Config) error {
	app := New(cfg)
	defer app.Close()
	opts := append([]tea.ProgramOption{tea.WithContext(ctx)}, cfg.Options...)
	p := tea.NewProgram(app, opts...)
	if cfg.Started != nil {
		cfg.Started(p)
	}
	_, err := p.Run()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return nil
	}
	return err
}
