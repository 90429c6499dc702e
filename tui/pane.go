package tui

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
	sel   int                               // selected list row, -1 for none
	under func(i int) []string              // extra lines under the selected row, may be nil
	tail  []string
}

// paneLines is the pane's total height in lines and the line of the
// selection (-1 when nothing is selected).
func (p itemPane) layout() (total, selLine, extra int) {
	if p.sel >= 0 && p.sel < p.rows && p.under != nil {
		extra = len(p.under(p.sel))
	}
	total = len(p.head) + p.rows + extra + len(p.tail)
	selLine = -1
	if p.sel >= 0 && p.sel < p.rows {
		selLine = len(p.head) + p.sel
	}
	return total, selLine, extra
}

// window renders lines [off, off+n) of the pane.
func (p itemPane) window(off, n int) []string {
	total, _, extra := p.layout()
	var under []string
	if extra > 0 {
		under = p.under(p.sel)
	}
	out := make([]string, 0, n)
	for ln := off; ln < total && ln < off+n; ln++ {
		i := ln - len(p.head)
		switch {
		case ln < len(p.head):
			out = append(out, p.head[ln])
		case p.sel >= 0 && i > p.sel && i <= p.sel+extra:
			out = append(out, under[i-p.sel-1])
		case i < p.rows+extra:
			r := i
			if p.sel >= 0 && i > p.sel+extra {
				r = i - extra
			}
			out = append(out, p.row(r, r == p.sel))
		default:
			out = append(out, p.tail[i-p.rows-extra])
		}
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
	off = window(selLine+extra, off, total, height)
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
