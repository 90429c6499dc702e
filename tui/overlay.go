package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// overlay is anything drawn over the screen that takes the keys while it is
// on top: a form, a yes/no question, an info box, the help screen. They live
// on one stack (App.overlays) so the rules are the same for all of them:
// the top one gets every key, closing it pops it, and the one below comes
// back as it was — help opened over a form returns to the form with its
// typing, an info box opened from a form returns to the form.
type overlay interface {
	// keyPress handles a key; done reports the overlay has finished, and
	// the root takes it off the stack.
	keyPress(a *App, msg tea.KeyPressMsg) (cmd tea.Cmd, done bool)
	// message gets what is not a key (a paste, a cursor's blink); see
	// App.tellOverlays for which overlays are told.
	message(a *App, msg tea.Msg) tea.Cmd
	// view draws the overlay over what is below it, a w×h block. below is
	// a function so an overlay that covers everything (help) costs the
	// screen under it nothing.
	view(a *App, below func() string, w, h int) string
	// hints are the footer's key hints while the overlay is on top, from
	// the key map (hintsOf), as every footer's are.
	hints(a *App) string
}

// push opens o over everything else; a form offered back as a draft
// opens with its typing (draft.go).
func (a *App) push(o overlay) {
	if f, ok := o.(*form); ok {
		a.refill(f)
	}
	a.overlays = append(a.overlays, o)
}

// top is the overlay that gets the keys, or nil when the screen has them.
func (a *App) top() overlay {
	if len(a.overlays) == 0 {
		return nil
	}
	return a.overlays[len(a.overlays)-1]
}

// pop closes the top overlay.
func (a *App) pop() {
	if n := len(a.overlays); n > 0 {
		a.overlays = slices.Delete(a.overlays, n-1, n)
	}
}

// close takes o off the stack wherever it is: a form closes when its save
// commits, which may be after something else was opened over it, and a
// question's yes may open a form before the question itself is closed.
// Closing what is not open does nothing.
func (a *App) close(o overlay) {
	for i := len(a.overlays) - 1; i >= 0; i-- {
		if a.overlays[i] == o {
			a.overlays = slices.Delete(a.overlays, i, i+1)
			return
		}
	}
}

// overlayKey gives a key to the top overlay; false when there is none and
// the key is the screen's.
func (a *App) overlayKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	o := a.top()
	if o == nil {
		return nil, false
	}
	cmd, done := o.keyPress(a, msg)
	if done {
		a.close(o) // by identity: o may have opened another over itself
	}
	return cmd, true
}

// tellOverlays passes on a message that is not a key. A paste is typing:
// like a key it goes to the top overlay only. Anything else (a cursor's
// blink) goes to every overlay, so a form under the help screen keeps its
// cursor alive for when it comes back.
func (a *App) tellOverlays(msg tea.Msg) tea.Cmd {
	if _, typing := msg.(tea.PasteMsg); typing {
		if o := a.top(); o != nil {
			return o.message(a, msg)
		}
		return nil
	}
	var cmds []tea.Cmd
	for _, o := range a.overlays {
		if cmd := o.message(a, msg); cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	return tea.Batch(cmds...)
}

// body is the screen with the overlays drawn over it, bottom to top.
func (a *App) body(w, h int) string {
	draw := func() string {
		if p, ok := parts[a.screen]; ok {
			return p.view(a, w, h)
		}
		return a.styles.Muted.Render(" loading…")
	}
	for _, o := range a.overlays {
		below, o := draw, o
		draw = func() string { return o.view(a, below, w, h) }
	}
	return draw()
}

// overlayHints are the footer hints of the top overlay, or the screen's.
func (a *App) overlayHints() string {
	if o := a.top(); o != nil {
		return o.hints(a)
	}
	return a.screenHints()
}

// hintsBelow are the hints of whatever is under o: an overlay with no keys
// worth a footer of its own (an info box) leaves the footer as it was.
func (a *App) hintsBelow(o overlay) string {
	for i := len(a.overlays) - 1; i > 0; i-- {
		if a.overlays[i] == o {
			return a.overlays[i-1].hints(a)
		}
	}
	return a.screenHints()
}

// drawOver draws box over base at column x, row y.
func drawOver(base, box string, x, y, h int) string {
	bl := strings.Split(base, "\n")
	for len(bl) < h {
		bl = append(bl, "")
	}
	ol := strings.Split(box, "\n")
	if y+len(ol) > h {
		y = max(h-len(ol), 0)
	}
	for i, line := range ol {
		r := y + i
		if r >= len(bl) {
			break
		}
		// The rows a box covers are blanked either side of it: half a pane
		// border or a stray letter beside a dialog reads as garbage.
		bl[r] = strings.Repeat(" ", x) + line
	}
	return strings.Join(bl, "\n")
}
