package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/ccsp/tasking/store"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// Long work (the decade's demo, check, backup, restore, upgrade, a large
// member import) shows how far it has got: on a terminal, a bar on
// standard error saying what is being done and about how long is left,
// redrawn in place and cleared at the end; piped, or over SSH, one summary
// line at the end. ctrl+c (or SIGTERM) stops it at the next step, and the
// command leaves nothing half-made (the store's Watch).

// longWork watches one long command: title names it in the summary line
// ("check", "demo --scale decade"). The returned finish must be called
// with the command's error; it clears the bar or prints the summary, and
// turns a stop into the error said to the person.
func (a *app) longWork(cmd *cobra.Command, title string) (store.Watch, func(err error) error) {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	stopSignals := func() {}
	if a.remote == nil {
		// Over SSH the session's context ends the work when the member
		// goes; here ctrl+c and SIGTERM do. A second ctrl+c, once the
		// first has been taken, ends the process as usual.
		ctx, stopSignals = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		context.AfterFunc(ctx, stopSignals)
	}
	p := newProgressView(cmd.ErrOrStderr(), title)
	return store.NewWatch(ctx, p), func(err error) error {
		stopSignals()
		p.finish(err)
		if errors.Is(err, store.ErrInterrupted) {
			return &interruptedError{what: title}
		}
		return err
	}
}

// interruptedError is a long command stopped by ctrl+c: exit 130, as a
// shell reports a command ended by SIGINT.
type interruptedError struct{ what string }

func (e *interruptedError) Error() string {
	return e.what + " was interrupted: nothing was left half-made"
}

// progressView draws the steps a store.Watch reports. Report only notes
// the step (it is called by the working goroutine); a ticker draws.
type progressView struct {
	out   io.Writer
	title string
	tty   bool
	bar   progress.Model

	mu      sync.Mutex
	started time.Time
	step    store.Step
	// base is where the rate is measured from: the first report of the
	// current unit (the decade's meetings, then its records).
	baseAt   time.Time
	baseDone int64
	drawn    bool // a line is on the screen to clear
	// counted is the last step that counted what it did: the summary's
	// amount, when the work ends with a step of no count (packing the
	// file after loading its records).
	counted store.Step

	stop chan struct{}
	done chan struct{}
}

// progressDelay is how long work runs before a bar appears: quick work
// shows none.
const progressDelay = 300 * time.Millisecond

func newProgressView(out io.Writer, title string) *progressView {
	p := &progressView{out: out, title: title, tty: isTerminal(out), started: time.Now(),
		bar:  progress.New(progress.WithDefaultBlend(), progress.WithFillCharacters(progress.DefaultFullCharFullBlock, progress.DefaultEmptyCharBlock)),
		stop: make(chan struct{}), done: make(chan struct{})}
	if !p.tty {
		close(p.done)
		return p
	}
	go p.run()
	return p
}

// Report notes s; the bar is drawn from it at the next tick.
func (p *progressView) Report(s store.Step) {
	p.mu.Lock()
	defer p.mu.Unlock()
	// The rate is measured from the first report of a unit, or from the
	// last before any was done (counting what is to do takes a while).
	if s.Unit != p.step.Unit || p.baseAt.IsZero() || s.Done <= p.baseDone {
		p.baseAt, p.baseDone = time.Now(), s.Done
	}
	p.step = s
	if s.Done > 0 {
		p.counted = s
	}
}

func (p *progressView) run() {
	defer close(p.done)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case now := <-tick.C:
			if now.Sub(p.started) >= progressDelay {
				p.draw(now)
			}
		}
	}
}

func (p *progressView) draw(now time.Time) {
	width := 80
	if f, ok := p.out.(*os.File); ok {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			width = w
		}
	}
	p.mu.Lock()
	line := p.line(now, width)
	p.drawn = true
	p.mu.Unlock()
	lipgloss.Fprint(p.out, "\r"+line+"\x1b[K")
}

// line is the bar for a terminal width wide: the bar and its percentage
// (a width that does not jump as the words change), the time left, how
// much of how much, and what is being done, cut to fit.
func (p *progressView) line(now time.Time, width int) string {
	s := p.step
	what := s.What
	if what == "" {
		what = p.title
	}
	if s.Total <= 0 {
		return ansi.Truncate(fmt.Sprintf("%s… %s", what, roundDuration(now.Sub(p.started))), width-3, "…")
	}
	// The time left and the count matter most: when the line is too
	// long, what is being done is cut, never how far it has got.
	count := amountOf(s.Done, s.Total, s.Unit)
	if left, ok := p.timeLeft(now); ok {
		count = "about " + roundDuration(left) + " left · " + count
	}
	barWidth := min(36, (width-3)/3)
	if barWidth < 12 { // too narrow for a bar: the words alone
		return ansi.Truncate(count+" · "+what, width-3, "…")
	}
	p.bar.SetWidth(barWidth)
	head := p.bar.ViewAs(s.Fraction()) + "  " + count
	if room := width - 3 - ansi.StringWidth(head) - len(" · "); room >= 8 {
		head += " · " + ansi.Truncate(what, room, "…")
	}
	return ansi.Truncate(head, width-3, "…")
}

// timeLeft is the time the rest should take at the rate since the current
// unit's first report, once there is a second and a hundredth of the work
// to go by.
func (p *progressView) timeLeft(now time.Time) (time.Duration, bool) {
	s := p.step
	took, did := now.Sub(p.baseAt), s.Done-p.baseDone
	// A second and a hundredth of the work before guessing: the first
	// reports of a walk come before it is under way ("910h left").
	if took < time.Second || did <= 0 || did*100 < s.Total || s.Total <= s.Done {
		return 0, false
	}
	return time.Duration(float64(took) * float64(s.Total-s.Done) / float64(did)), true
}

// finish stops the bar: on a terminal the line is cleared; elsewhere,
// when the work succeeded, one line says what it did and how long it
// took (an error says itself).
func (p *progressView) finish(err error) {
	select {
	case <-p.stop:
		return // finished already
	default:
	}
	close(p.stop)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty {
		if p.drawn {
			fmt.Fprint(p.out, "\r\x1b[K")
		}
		return
	}
	if err == nil {
		fmt.Fprintln(p.out, p.summary(time.Now()))
	}
}

// summary is the line said when no bar was drawn: "tasking: check took
// 39.1s (1,312,222 records)".
func (p *progressView) summary(now time.Time) string {
	line := fmt.Sprintf("tasking: %s took %s", p.title, roundDuration(now.Sub(p.started)))
	if s := p.counted; s.Done > 0 {
		line += " (" + amount(s.Done, s.Unit) + ")"
	}
	return line
}

// amountOf is "27,000 of 60,000 records", "120 of 440 MB".
func amountOf(done, total int64, unit string) string {
	if unit == "bytes" {
		return fmt.Sprintf("%s of %s", strings.TrimSuffix(megabytes(done), " MB"), megabytes(total))
	}
	return fmt.Sprintf("%s of %s %s", thousands(int(done)), thousands(int(total)), unit)
}

// amount is "1,312,222 records", "1 change", "440 MB".
func amount(n int64, unit string) string {
	if unit == "bytes" {
		return megabytes(n)
	}
	if n == 1 {
		unit = strings.TrimSuffix(unit, "s")
	}
	return thousands(int(n)) + " " + unit
}

func megabytes(n int64) string {
	if n < 10<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d MB", n>>20)
}

// roundDuration is a duration as a person reads it: "0.4s", "12s",
// "4m31s", "1h05m".
func roundDuration(d time.Duration) string {
	switch {
	case d < 10*time.Second:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Round(time.Second).Seconds()))
	case d < time.Hour:
		d = d.Round(time.Second)
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	d = d.Round(time.Minute)
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}
