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

func (a *App) infoKey(msg tea.KeyPressMsg) {
	g := a.keys.Global
	switch {
	case key.Matches(msg, g.Back, g.Enter):
		a.info = nil
	case key.Matches(msg, g.Down):
		a.info.off++
	case key.Matches(msg, g.Up):
		a.info.off = max(a.info.off-1, 0)
	}
}

func (a *App) infoView(w, maxH int) string {
	ib := a.info
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

// questionView is a yes/no question in full, wrapped in a box.
func (a *App) questionView(w int) string {
	s := a.styles
	var lines []string
	for _, l := range wrap(a.ask.text, w-4) {
		lines = append(lines, " "+s.Warning.Render(l))
	}
	lines = append(lines, "", " "+s.Key.Render("y")+s.KeyDesc.Render(" yes · ")+s.Key.Render("n")+s.KeyDesc.Render(" no"))
	return box(s.FocusStyle, "Question", lines, w, len(lines)+2)
}
