package main

import (
	"fmt"
	"image/color"
	"io"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/ccsp/tasking/model"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// Widest a free-text column gets in a table on a terminal, where a row
// should fit a line; to a pipe or a file, and in CSV and JSON, every cell
// is whole.
const (
	maxTitle = 44
	maxText  = 56
	maxName  = 28
)

// writeTable writes an aligned table: a header, a rule, the rows. Styling
// (a bold header, coloured RAG) is used only on a terminal without NO_COLOR;
// anything else gets plain text with no escape sequences at all. Only on a
// terminal are cells cut to fit (layoutTable); written to a pipe or a file
// — and over SSH, which is never a terminal here — every cell is whole,
// since what reads it there is a script, a pager or a file that scrolls.
func writeTable(w io.Writer, t peopleTable) error {
	styled := isStyledTerminal(w)
	out := layoutTable(t, terminalWidth(w), styled)
	if jt, ok := w.(terminalOut); ok && styled {
		// A joined process's terminal: its colours, not this process's.
		_, err := fmt.Fprintln(&colorprofile.Writer{Forward: jt.Writer, Profile: jt.profile()}, out)
		return err
	}
	if styled {
		_, err := lipgloss.Fprintln(w, out)
		return err
	}
	_, err := fmt.Fprintln(w, out)
	return err
}

// layoutTable renders t for a terminal width columns wide, or (width 0)
// for anything else. On a terminal each column is cut to its widest
// (t.widths) with "…", then the flex column further so rows do not wrap;
// otherwise nothing is cut.
func layoutTable(t peopleTable, width int, styled bool) string {
	headers, cells, flex := t.headers, t.rows, t.flex
	if width <= 0 {
		return renderTable(headers, cells, styled)
	}
	for col, most := range t.widths {
		if most <= 0 {
			continue
		}
		for _, row := range cells {
			row[col] = cut(row[col], most)
		}
	}
	out := renderTable(headers, cells, styled)
	if flex < 0 {
		return out
	}
	if over := lipgloss.Width(out) - width; over > 0 {
		widest := ansi.StringWidth(headers[flex])
		for _, row := range cells {
			widest = max(widest, ansi.StringWidth(row[flex]))
		}
		limit := max(widest-over, minFlex)
		for _, row := range cells {
			row[flex] = cut(row[flex], limit)
		}
		out = renderTable(headers, cells, styled)
	}
	return out
}

// cut shortens s to at most max columns, ending it with "…".
func cut(s string, max int) string {
	if ansi.StringWidth(s) <= max {
		return s
	}
	return ansi.Truncate(s, max, "…")
}

// minFlex is the narrowest a flexible column is cut to; below that the row
// may as well wrap.
const minFlex = 16

func renderTable(headers []string, cells [][]string, styled bool) string {
	ragCol := -1
	for i, h := range headers {
		if h == "RAG" {
			ragCol = i
		}
	}
	pad := lipgloss.NewStyle().PaddingRight(2)
	last := lipgloss.NewStyle()
	header, ruleStyle := pad, lipgloss.NewStyle()
	rag := map[string]lipgloss.Style{}
	if styled {
		header = header.Bold(true)
		ruleStyle = ruleStyle.Faint(true)
		for name, c := range map[model.RAG]color.Color{
			model.RAGRed: lipgloss.Color("1"), model.RAGAmber: lipgloss.Color("3"), model.RAGGreen: lipgloss.Color("2"),
		} {
			rag[string(name)] = pad.Foreground(c)
		}
	}
	t := table.New().
		Border(lipgloss.NormalBorder()).BorderStyle(ruleStyle).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderRow(false).BorderHeader(true).
		Wrap(false).
		Headers(headers...).
		Rows(cells...).
		StyleFunc(func(row, col int) lipgloss.Style {
			switch {
			case row == table.HeaderRow && col == len(headers)-1:
				return header.UnsetPaddingRight()
			case row == table.HeaderRow:
				return header
			case col == ragCol && row >= 0 && row < len(cells):
				if s, ok := rag[cells[row][col]]; ok {
					return s
				}
			}
			if col == len(headers)-1 {
				return last
			}
			return pad
		})
	lines := strings.Split(t.Render(), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}

// terminalWidth is w's width in columns, or 0 when w is not a terminal.
func terminalWidth(w io.Writer) int {
	if jt, ok := w.(terminalOut); ok {
		return jt.width
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return width
}

// isStyledTerminal: w is a terminal and the person has not asked for no
// colour.
func isStyledTerminal(w io.Writer) bool {
	if jt, ok := w.(terminalOut); ok {
		return jt.color != "" // as the joined process found its own
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	return os.Getenv("TERM") != "dumb"
}

// cell is database text made safe and compact for one table cell: control
// sequences stripped, line breaks folded. writeTable cuts it on a terminal.
func cell(s string) string { return model.CleanLine(s) }
