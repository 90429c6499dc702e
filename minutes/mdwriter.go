package minutes

import (
	"strconv"
	"strings"
)

// mdWriter writes Markdown blocks, each followed by a blank line: a table or
// list that touched the paragraph after it would swallow it as a row or a
// lazy continuation line. Its methods take text that is already escaped,
// except table cells, which it escapes itself because all of them are data.
type mdWriter struct{ b strings.Builder }

func (w *mdWriter) block(s string) {
	w.b.WriteString(s)
	w.b.WriteString("\n\n")
}

func (w *mdWriter) heading(level int, escaped string) {
	w.block(strings.Repeat("#", level) + " " + escaped)
}

func (w *mdWriter) para(escaped string) {
	if escaped != "" {
		w.block(escaped)
	}
}

// list writes a bullet list; continuation lines in items must already be
// indented (escapeText's indent).
func (w *mdWriter) list(escaped []string) {
	if len(escaped) == 0 {
		return
	}
	w.block("- " + strings.Join(escaped, "\n- "))
}

// table writes a GFM table. Every cell is escaped here: escapeInline folds
// newlines and escapes "|", so no cell can end its row or add a column.
func (w *mdWriter) table(header []string, rows [][]string) {
	// Written straight into the document, a piece at a time: a decade's
	// action log is thousands of rows.
	b := &w.b
	writeRow := func(cells []string) {
		b.WriteString("|")
		for i := range header {
			b.WriteString(" ")
			if i < len(cells) {
				b.WriteString(escapeInline(cells[i]))
			}
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	writeRow(header)
	b.WriteString("|")
	for range header {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows {
		writeRow(r)
	}
	b.WriteString("\n") // the blank line that ends every block
}

// String is the document with exactly one trailing newline.
func (w *mdWriter) String() string { return oneNewline(w.b.String()) }

// oneNewline is s ending in exactly one newline: cut from s where s ends
// in newlines already (every block does), not a copy of a document that
// may run to hundreds of kilobytes.
func oneNewline(s string) string {
	t := strings.TrimRight(s, "\n")
	if len(t) < len(s) {
		return s[:len(t)+1]
	}
	return s + "\n"
}

func itoa(n int) string { return strconv.Itoa(n) }
