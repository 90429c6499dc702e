package tui

// helpView lists every key, generated from the key map. Two columns of
// sections when the terminal is wide enough, one otherwise; j/k scroll.
func (a *App) helpView(w, h int) string {
	s := a.styles
	var blocks [][]string
	for _, sec := range a.keys.sections() {
		lines := []string{s.Section.Render(sec.title)}
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
	a.helpOffset = max(min(a.helpOffset, len(lines)-rows), 0)
	lines = lines[a.helpOffset:]
	title := "Keys — every one of them (esc closes)"
	if len(lines) > rows {
		title += " · j/k scroll"
	}
	return box(s.FocusStyle, title, lines, w, h)
}
