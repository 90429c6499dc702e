package tui

import "strings"

// itemPane is an agenda item's content: some lines above a list, the list,
// and some lines below. List rows are rendered on demand, so a keypress
// draws only the rows on screen however long the list is (matters arising
// grows with the open actions in the database; the pane's work does not).
type itemPane struct {
	// title names the pane ("" for the item's number and title).
	title string
	head  []string
	rows  int                               // list length
	row   func(i int, selected bool) string // renders list row i
	// rowLines is how many lines row i takes (its row holds them, one
	// "\n" between each); nil: one each. It is asked of every row above
	// the window, so it must be cheap: only the rows on screen are drawn.
	rowLines func(i int) int
	sel      int                  // selected list row, -1 for none
	under    func(i int) []string // extra lines under the selected row, may be nil
	tail     []string
}

// height is how many lines row i takes.
func (p itemPane) height(i int) int {
	if p.rowLines == nil {
		return 1
	}
	return max(p.rowLines(i), 1)
}

// layout is the pane's total height in lines, the line of the selection
// (-1 when nothing is selected) and how many lines are under it.
func (p itemPane) layout() (total, selLine, extra int) {
	if p.sel >= 0 && p.sel < p.rows && p.under != nil {
		extra = len(p.under(p.sel))
	}
	listH := p.rows
	selLine = -1
	if p.rowLines != nil {
		listH = 0
		for i := range p.rows {
			if i == p.sel {
				selLine = len(p.head) + listH
			}
			listH += p.height(i)
		}
	} else if p.sel >= 0 && p.sel < p.rows {
		selLine = len(p.head) + p.sel
	}
	total = len(p.head) + listH + extra + len(p.tail)
	return total, selLine, extra
}

// window renders lines [off, off+n) of the pane.
func (p itemPane) window(off, n int) []string {
	_, _, extra := p.layout()
	var under []string
	if extra > 0 {
		under = p.under(p.sel)
	}
	out := make([]string, 0, n)
	ln, end := 0, off+n // ln: the line the next one taken is
	take := func(l string) {
		if ln >= off && ln < end {
			out = append(out, l)
		}
		ln++
	}
	for _, l := range p.head {
		take(l)
	}
	r := 0
	if p.rowLines == nil && off > ln {
		// A line a row: straight to the first row on screen, the lines
		// under the selection counted in.
		skip := off - ln
		switch {
		case p.sel < 0 || p.sel >= p.rows || skip <= p.sel:
			r = skip
		case skip-extra > p.sel:
			r = skip - extra
		default:
			r = p.sel // the window starts in the lines under it
		}
		r = min(r, p.rows)
		ln += r
		if p.sel >= 0 && p.sel < p.rows && r > p.sel {
			ln += extra
		}
	}
	for ; r < p.rows && ln < end; r++ {
		if h := p.height(r); ln+h <= off {
			ln += h
		} else {
			lines := strings.SplitN(p.row(r, r == p.sel), "\n", h)
			for i := range h {
				l := ""
				if i < len(lines) {
					l = lines[i]
				}
				take(l)
			}
		}
		if r == p.sel {
			for _, l := range under {
				take(l)
			}
		}
	}
	for _, l := range p.tail {
		if ln >= end {
			break
		}
		take(l)
	}
	return out
}

// scroll keeps the selection (and what is under it) on screen, with a line
// of context above when there is room, and returns the first line to show.
func (p itemPane) scroll(off, height int) int {
	total, selLine, extra := p.layout()
	if selLine < 0 {
		return max(min(off, total-height), 0)
	}
	selH := 1
	if p.sel >= 0 && p.sel < p.rows {
		selH = p.height(p.sel)
	}
	off = window(selLine+selH-1+extra, off, total, height)
	off = window(selLine, off, total, height)
	if selLine > 0 && selLine == off {
		off--
	}
	return max(off, 0)
}

// lines is the whole pane (for tests and short panes).
func (p itemPane) lines() []string {
	total, _, _ := p.layout()
	return p.window(0, total)
}
