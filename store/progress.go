package store

import (
	"context"
	"errors"
)

// Long work — the decade's load, a check, a backup, a restore, an
// upgrade, a large import — says how far it has got through a Reporter, and
// is stopped part way through its Watch's context (ctrl+c). The store does
// no printing: it counts, and cmd/tasking draws the counts (a bar on a
// terminal, one line otherwise). Work that is stopped leaves nothing
// half-made: what is written aside is removed, what is written in one
// transaction rolls back.

// Step is where a piece of work stands: what is being done and how much of
// it. Done and Total count Unit ("records", "bytes", "meetings"); Total is
// 0 when it is not known (bbolt's page check says nothing until it ends).
type Step struct {
	What        string
	Done, Total int64
	Unit        string
}

// Fraction is how much of the step is done, 0 to 1 (0 when the total is
// not known).
func (s Step) Fraction() float64 {
	if s.Total <= 0 {
		return 0
	}
	return min(1, max(0, float64(s.Done)/float64(s.Total)))
}

// Reporter hears the steps of a piece of work, from the goroutine doing it:
// it must be quick (it is called for every batch, or every few MB).
type Reporter interface {
	Report(Step)
}

// ReportFunc is a function as a Reporter.
type ReportFunc func(Step)

func (f ReportFunc) Report(s Step) { f(s) }

// ErrInterrupted is what work stopped through its Watch returns (wrapped):
// the context's cause says why.
var ErrInterrupted = errors.New("interrupted")

// Watch is how one piece of work is watched: its context stops it, its
// reporter hears how far it got. The zero Watch runs to the end unheard.
type Watch struct {
	ctx context.Context
	r   Reporter
}

// NewWatch watches work with ctx (nil: never stopped) and r (nil: unheard).
func NewWatch(ctx context.Context, r Reporter) Watch { return Watch{ctx: ctx, r: r} }

// Context is the context that stops the work (never nil).
func (w Watch) Context() context.Context {
	if w.ctx == nil {
		return context.Background()
	}
	return w.ctx
}

// Unstopped is w with no way to stop: for work that, once begun, is let
// finish whole (still reported).
func (w Watch) Unstopped() Watch { return Watch{r: w.r} }

// Report tells the reporter, if there is one.
func (w Watch) Report(s Step) {
	if w.r != nil {
		w.r.Report(s)
	}
}

// Stopped is ErrInterrupted (wrapped) once the context is done, else nil.
func (w Watch) Stopped() error {
	if w.ctx == nil || w.ctx.Err() == nil {
		return nil
	}
	return interrupted{cause: context.Cause(w.ctx)}
}

// Step reports s and says whether to stop: the check made between one
// batch and the next.
func (w Watch) Step(s Step) error {
	w.Report(s)
	return w.Stopped()
}

type interrupted struct{ cause error }

func (e interrupted) Error() string   { return "interrupted" }
func (e interrupted) Is(t error) bool { return t == ErrInterrupted }
func (e interrupted) Unwrap() error   { return e.cause }
