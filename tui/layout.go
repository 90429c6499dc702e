package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/ccsp/tasking/internal/cellwidth"
	"github.com/charmbracelet/x/ansi"
)

// The smallest terminal tasking draws in. Below it, it says so instead of
// drawing garbage.
const (
	minWidth  = 80
	minHeight = 24
	// wideWidth is where the meeting shows the agenda beside the item.
	wideWidth = 120
)

// dueWidth is the due column of every table of actions: Date.ShortAt keeps
// the year of a date outside this one ("01 Jan 2027"), so a date next January
// never reads as last January.
const dueWidth = 11

// cells is the display width of a (possibly styled) string
// (internal/cellwidth: counted directly for the text a screen holds).
func cells(s string) int { return cellwidth.Of(s) }

// fit truncates or pads a (possibly styled) line to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := cells(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-sw)
}

// clip truncates without padding.
func clip(s string, w int) string {
	if cells(s) > w {
		return ansi.Truncate(s, max(w, 0), "…")
	}
	return s
}

// box draws a bordered pane w×h with the title set into the top border:
// ┌ Title ────┐. Content lines are fitted to the inner width and the pane is
// padded or cut to the inner height. Drawn by hand because the title sits in
// the border, which lipgloss borders do not do.
func box(st lipgloss.Style, title string, lines []string, w, h int) string {
	if w < 4 || h < 2 {
		return ""
	}
	inner := w - 2
	var b strings.Builder
	top := "┌"
	if title != "" {
		t := " " + clip(title, inner-3) + " "
		top += t + strings.Repeat("─", max(inner-cells(t), 0))
	} else {
		top += strings.Repeat("─", inner)
	}
	// The border's colour put either side (a painter), not rendered by
	// lipgloss line by line: it measured each by grapheme on every frame.
	p := newPainter(st)
	b.WriteString(p.paint(top + "┐"))
	side := p.paint("│")
	for i := 0; i < h-2; i++ {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		b.WriteByte('\n')
		b.WriteString(side)
		b.WriteString(fit(line, inner))
		b.WriteString(side)
	}
	b.WriteByte('\n')
	b.WriteString(p.paint("└" + strings.Repeat("─", inner) + "┘"))
	return b.String()
}

// sideBySide joins two boxes horizontally. Boxes are exactly their width on
// every line, so the lines are simply concatenated: measuring them again (as
// lipgloss.JoinHorizontal does) was a third of a keypress's cost.
func sideBySide(left, right string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	lw := 0
	if len(l) > 0 {
		lw = cells(l[0])
	}
	var b strings.Builder
	b.Grow(len(left) + len(right))
	for i := 0; i < max(len(l), len(r)); i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(l) {
			b.WriteString(l[i])
		} else {
			b.WriteString(strings.Repeat(" ", lw))
		}
		if i < len(r) {
			b.WriteString(r[i])
		}
	}
	return b.String()
}

// columns lays out cells at fixed widths with one space between; the last
// column takes what is left of w.
func columns(w int, widths []int, cells ...string) string {
	var b strings.Builder
	used := 0
	for i, c := range cells {
		cw := 0
		if i < len(widths) {
			cw = widths[i]
		}
		if i == len(cells)-1 {
			cw = max(w-used, 0)
		}
		b.WriteString(fit(c, cw))
		used += cw
		if i < len(cells)-1 {
			b.WriteByte(' ')
			used++
		}
	}
	return b.String()
}

// column sizes one column of a table by what its rows hold: want is the
// widest value in it, least the narrowest it may be made, most its cap.
type column struct{ want, least, most int }

// fixedColumn is a column always n cells wide.
func fixedColumn(n int) column { return column{n, n, n} }

// sizeColumns gives the columns of a table w wide (one space between them)
// their widths, by what they hold: each as wide as its widest value, up to
// its cap, and the flex column (an action's words) takes the rest. Room the
// words do not need goes back to the columns their cap cut, in order, up to
// what they hold — so on a wide screen nothing is cut that fits; on a
// narrow one, when the words would get less than their least, the other
// column with the most to spare above its own least gives back first.
func sizeColumns(w, flex int, cols []column) []int {
	out := make([]int, len(cols))
	rest := w - (len(cols) - 1)
	for i, c := range cols {
		if i != flex {
			out[i] = max(min(c.want, c.most), c.least)
			rest -= out[i]
		}
	}
	words := cols[flex]
	for i, c := range cols {
		spare := rest - max(words.want, words.least)
		if spare <= 0 {
			break
		}
		if i != flex && c.want > out[i] {
			give := min(spare, c.want-out[i])
			out[i] += give
			rest -= give
		}
	}
	for rest < words.least {
		j := -1
		for i, c := range cols {
			if i != flex && out[i] > c.least && (j < 0 || out[i]-c.least > out[j]-cols[j].least) {
				j = i
			}
		}
		if j < 0 {
			break
		}
		out[j]--
		rest++
	}
	out[flex] = max(rest, 0)
	return out
}

// widest is the width of the widest of values (styled or not): a column as
// wide as what it holds, at least least and at most most cells.
func widest(least, most int, values ...string) int {
	n := least
	for _, v := range values {
		n = max(n, cells(v))
	}
	return min(n, most)
}

// wrap breaks text to width w, keeping words whole where it can.
// errorLines is a pane's error wrapped to the pane (w wide, its border
// included), so that it is read whole: a damage message ends with the backup
// to restore, which one clipped line would cut off.
func errorLines(s Styles, msg string, w int) []string {
	var out []string
	for _, l := range wrap("✗ "+msg, w-4) {
		out = append(out, " "+s.Error.Render(l))
	}
	return out
}

func wrap(text string, w int) []string {
	if w < 10 {
		w = 10
	}
	return strings.Split(ansi.Wrap(text, w, ""), "\n")
}

// window keeps the selected line visible in a list of n lines shown h at a
// time, returning the first line to show.
func window(selected, offset, n, h int) int {
	if h <= 0 {
		return 0
	}
	if selected < offset {
		offset = selected
	}
	if selected >= offset+h {
		offset = selected - h + 1
	}
	return max(min(offset, n-h), 0)
}

// tooSmall is shown instead of the app when the terminal is under 80×24.
func tooSmall(w, h int) string {
	msg := []string{
		"tasking needs a terminal of at least 80×24.",
		"This one is " + strconv.Itoa(w) + "×" + strconv.Itoa(h) + ".",
		"Enlarge the window or zoom out; nothing is lost.",
		"ctrl+c quits.",
	}
	var out []string
	for _, m := range msg {
		out = append(out, clip(m, w))
	}
	top := max((h-len(out))/2, 0)
	return strings.Repeat("\n", top) + strings.Join(out, "\n")
}

// width is a string's width in cells, escapes ignored.
func width(s string) int { return cells(s) }

// plain strips styling (to restyle a whole selected line).
func plain(s string) string { return ansi.Strip(s) }
