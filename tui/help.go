package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// helpScreen is `?`: every key, generated from the key map, over the whole
// body; j/k and the page keys scroll it, ? or esc closes it. It opens at
// the keys of where the person is (here: the screen's part says which
// sections, the nearest first), marked, before all the others.
type helpScreen struct {
	offset int
	here   []string
}

func (hs *helpScreen) keyPress(a *App, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	g := a.keys.Global
	switch {
	case key.Matches(msg, g.Help, g.Back):
		return nil, true
	case key.Matches(msg, g.Down):
		hs.offset++
	case key.Matches(msg, g.Up):
		hs.offset = max(hs.offset-1, 0)
	case key.Matches(msg, g.PageDown):
		hs.offset += a.h / 2
	case key.Matches(msg, g.PageUp):
		hs.offset = max(hs.offset-a.h/2, 0)
	}
	return nil, false
}

func (hs *helpScreen) message(*App, tea.Msg) tea.Cmd { return nil }

// view covers the body whole: what is below is not drawn at all.
func (hs *helpScreen) view(a *App, _ func() string, w, h int) string { return hs.render(a, w, h) }

func (hs *helpScreen) hints(a *App) string {
	g := a.keys.Global
	return a.hintsOf(keyHint("scroll", g.Down, g.Up), keyHint("close help", g.Back))
}

// render lists the key map's sections, where the person is first: two
// columns when the terminal is wide enough, one otherwise, from the
// scrolled-to line.
func (hs *helpScreen) render(a *App, w, h int) string {
	s := a.styles
	var blocks [][]string
	for _, sec := range hs.order(a.keys.sections()) {
		title := s.Section.Render(sec.title)
		if slices.Contains(hs.here, sec.title) {
			title += s.Cursor.Render("  ◂ here")
		}
		lines := []string{title}
		for _, b := range sec.bindings {
			hp := b.Help()
			lines = append(lines, "  "+s.Key.Render(fit(hp.Key, 12))+" "+hp.Desc)
		}
		blocks = append(blocks, append(lines, ""))
	}
	colW := w - 4
	cols := 1
	if w >= 120 {
		cols, colW = 2, (w-4)/2
	}
	var col [2][]string
	// Fill the first column with about half the lines, keeping sections whole.
	total := 0
	for _, b := range blocks {
		total += len(b)
	}
	c := 0
	for _, b := range blocks {
		if cols == 2 && c == 0 && len(col[0])+len(b) > (total+1)/2+2 {
			c = 1
		}
		col[c] = append(col[c], b...)
	}
	var lines []string
	n := max(len(col[0]), len(col[1]))
	for i := 0; i < n; i++ {
		var l, r string
		if i < len(col[0]) {
			l = col[0][i]
		}
		if i < len(col[1]) {
			r = col[1][i]
		}
		if cols == 2 {
			lines = append(lines, " "+fit(l, colW)+r)
		} else {
			lines = append(lines, " "+l)
		}
	}
	rows := h - 2
	hs.offset = max(min(hs.offset, len(lines)-rows), 0)
	lines = lines[hs.offset:]
	title := "Keys — every one of them (esc closes)"
	if len(hs.here) > 0 {
		title = "Keys — where you are first, then every other (esc closes)"
	}
	if len(lines) > rows {
		title += " · j/k scroll"
	}
	return box(s.FocusStyle, title, lines, w, h)
}

// order is the sections with those of where the person is first, in the
// order here names them, then the rest as the key map lists them.
func (hs *helpScreen) order(all []helpSection) []helpSection {
	out := make([]helpSection, 0, len(all))
	for _, title := range hs.here {
		if i := slices.IndexFunc(all, func(sec helpSection) bool { return sec.title == title }); i >= 0 {
			out = append(out, all[i])
		}
	}
	for _, sec := range all {
		if !slices.Contains(hs.here, sec.title) {
			out = append(out, sec)
		}
	}
	return out
}
