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
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// Widest a free-text column gets in a table for people; CSV and JSON carry
// the whole text.
const (
	maxTitle = 44
	maxText  = 56
	maxName  = 28
)

// writeTable writes an aligned table: a header, a rule, the rows. Styling
// (a bold header, coloured RAG) is used only on a terminal without NO_COLOR;
// anything else gets plain text with no escape sequences at all. On a
// terminal the flex column (-1: none) is cut further so rows do not wrap.
func writeTable(w io.Writer, headers []string, cells [][]string, flex int) error {
	styled := isStyledTerminal(w)
	out := renderTable(headers, cells, styled)
	if width := terminalWidth(w); width > 0 && flex >= 0 {
		if over := lipgloss.Width(out) - width; over > 0 {
			widest := ansi.StringWidth(headers[flex])
			for _, row := range cells {
				widest = max(widest, ansi.StringWidth(row[flex]))
			}
			limit := max(widest-over, minFlex)
			for _, row := range cells {
				row[flex] = ansi.Truncate(row[flex], limit, "…")
			}
			out = renderTable(headers, cells, styled)
		}
	}
	if styled {
		_, err := lipgloss.Fprintln(w, out)
		return err
	}
	_, err := fmt.Fprintln(w, out)
	return err
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
// sequences stripped, line breaks folded, cut to max columns (0: no limit).
func cell(s string, max int) string {
	s = model.CleanLine(s)
	if max > 0 && ansi.StringWidth(s) > max {
		s = ansi.Truncate(s, max, "…")
	}
	return s
}
