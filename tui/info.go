package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// infoBox is a read-only overlay (an action's history): j/k scroll, any of
// esc, q or enter closes it.
type infoBox struct {
	title string
	lines []string
	off   int
}

func (ib *infoBox) keyPress(a *App, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	g := a.keys.Global
	switch {
	case key.Matches(msg, g.Back, g.Enter):
		return nil, true
	case key.Matches(msg, g.Down):
		ib.off++
	case key.Matches(msg, g.Up):
		ib.off = max(ib.off-1, 0)
	}
	return nil, false
}

func (ib *infoBox) message(*App, tea.Msg) tea.Cmd { return nil }

func (ib *infoBox) view(a *App, below func() string, w, h int) string {
	fw := min(w-4, 110)
	return drawOver(below(), ib.render(a, fw, h-2), (w-fw)/2, 1, h)
}

// hints: the box says its own keys on its last line, so the footer goes on
// showing what is under it.
func (ib *infoBox) hints(a *App) string { return a.hintsBelow(ib) }

func (ib *infoBox) render(a *App, w, maxH int) string {
	var lines []string
	for _, l := range ib.lines {
		for _, wl := range wrap(l, w-4) {
			lines = append(lines, " "+wl)
		}
	}
	rows := min(len(lines), maxH-3)
	ib.off = max(min(ib.off, len(lines)-rows), 0)
	lines = append(lines[ib.off:ib.off+rows], " "+a.styles.Muted.Render("esc closes · j/k scroll"))
	return box(a.styles.FocusStyle, ib.title, lines, w, len(lines)+2)
}
