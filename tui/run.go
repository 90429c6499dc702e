package tui

import (
	"context"
	"errors"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Config is what the TUI needs from the command line.
type Config struct {
	Store *store.Store
	// Actor is who is at the keyboard. Zero when the database is empty (the
	// setup screen makes the chair) or when nobody was named and there is no
	// chair yet.
	Actor model.Actor
	// Now is the clock; nil means time.Now. Tests fix it.
	Now func() time.Time
}

// Run runs the TUI until the person quits.
func Run(ctx context.Context, cfg Config) error {
	return errors.New("the TUI is not built yet")
}
