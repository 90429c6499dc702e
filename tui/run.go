package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// Config is what the TUI needs from the command line.
type Config struct {
	Store Store
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
}

// Run runs the TUI until the person quits.
func Run(ctx context.Context, cfg Config) error {
	app := New(cfg)
	defer app.Close()
	opts := append([]tea.ProgramOption{tea.WithContext(ctx)}, cfg.Options...)
	_, err := tea.NewProgram(app, opts...).Run()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		return nil
	}
	return err
}
