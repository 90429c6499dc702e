package tui

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/ccsp/tasking/model"
)

// Styles are named for what they mean, never for their colour, so a screen
// says styles.Overdue and the theme decides what overdue looks like. Built
// once per background (light or dark), never in View loops.
type Styles struct {
	isDark bool
	// Pre-rendered fragments drawn on every row: rendering them per row per
	// keypress was a tenth of the cost.
	risk map[model.Risk]string
	// spark and private paint Spark's and Confidential's colour on one
	// line (SparkLine, PrivateLine).
	spark, private painter
	rag            map[model.RAG]string

	Title, Muted, Faint, Bold  lipgloss.Style
	Header, HeaderRight        lipgloss.Style
	Border, FocusBorder        color.Color
	BorderStyle, FocusStyle    lipgloss.Style
	Selected, Cursor           lipgloss.Style
	Key, KeyDesc               lipgloss.Style
	Saved, Saving, Error       lipgloss.Style
	Warning                    lipgloss.Style
	Red, Amber, Green          lipgloss.Style
	RiskHigh, RiskMed, RiskLow lipgloss.Style
	Done, Closed               lipgloss.Style
	Confidential               lipgloss.Style
	Resolved                   lipgloss.Style
	Section                    lipgloss.Style
	Input, InputFocus          lipgloss.Style
	ErrorText                  lipgloss.Style
	// Spark draws a hotspot's sparkline.
	Spark lipgloss.Style
}

// NewStyles builds the theme for a dark or light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	muted := ld(lipgloss.Color("#6b6b6b"), lipgloss.Color("#8a8a8a"))
	faint := ld(lipgloss.Color("#9a9a9a"), lipgloss.Color("#5c5c5c"))
	accent := ld(lipgloss.Color("#5b3cc4"), lipgloss.Color("#a48bff"))
	red := ld(lipgloss.Color("#c0262d"), lipgloss.Color("#ff5f5f"))
	amber := ld(lipgloss.Color("#b06000"), lipgloss.Color("#ffaf00"))
	green := ld(lipgloss.Color("#1e7b34"), lipgloss.Color("#5fd75f"))
	border := ld(lipgloss.Color("#b8b8b8"), lipgloss.Color("#4e4e4e"))
	s := Styles{
		isDark:       isDark,
		Title:        lipgloss.NewStyle().Bold(true).Foreground(accent),
		Muted:        lipgloss.NewStyle().Foreground(muted),
		Faint:        lipgloss.NewStyle().Foreground(faint),
		Bold:         lipgloss.NewStyle().Bold(true),
		Header:       lipgloss.NewStyle().Bold(true),
		HeaderRight:  lipgloss.NewStyle().Foreground(muted),
		Border:       border,
		FocusBorder:  accent,
		Selected:     lipgloss.NewStyle().Reverse(true),
		Cursor:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		Key:          lipgloss.NewStyle().Foreground(accent).Bold(true),
		KeyDesc:      lipgloss.NewStyle().Foreground(muted),
		Saved:        lipgloss.NewStyle().Foreground(green),
		Saving:       lipgloss.NewStyle().Foreground(amber),
		Error:        lipgloss.NewStyle().Foreground(red).Bold(true),
		Warning:      lipgloss.NewStyle().Foreground(amber).Bold(true),
		Red:          lipgloss.NewStyle().Foreground(red),
		Amber:        lipgloss.NewStyle().Foreground(amber),
		Green:        lipgloss.NewStyle().Foreground(green),
		RiskHigh:     lipgloss.NewStyle().Foreground(red).Bold(true),
		RiskMed:      lipgloss.NewStyle().Foreground(amber),
		RiskLow:      lipgloss.NewStyle().Foreground(green),
		Done:         lipgloss.NewStyle().Foreground(muted),
		Closed:       lipgloss.NewStyle().Foreground(faint),
		Confidential: lipgloss.NewStyle().Foreground(red),
		Resolved:     lipgloss.NewStyle().Bold(true),
		Section:      lipgloss.NewStyle().Bold(true).Underline(true),
		Input:        lipgloss.NewStyle().Foreground(muted),
		InputFocus:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		ErrorText:    lipgloss.NewStyle().Foreground(red),
		Spark:        lipgloss.NewStyle().Foreground(accent),
	}
	s.BorderStyle = lipgloss.NewStyle().Foreground(border)
	s.FocusStyle = lipgloss.NewStyle().Foreground(accent)
	s.spark, s.private = newPainter(s.Spark), newPainter(s.Confidential)
	s.risk = map[model.Risk]string{
		model.RiskHigh: s.RiskHigh.Render("HIGH"), model.RiskMedium: s.RiskMed.Render("MED "), model.RiskLow: s.RiskLow.Render("LOW "),
	}
	s.rag = map[model.RAG]string{
		model.RAGRed: s.Red.Render("●R"), model.RAGAmber: s.Amber.Render("●A"), model.RAGGreen: s.Green.Render("●G"), model.RAGNone: "  ",
	}
	return s
}

// SparkLine is s.Spark.Render(line) (TestPaintersAreRender), without
// lipgloss's work for each: a list draws one a row on every frame.
func (s Styles) SparkLine(line string) string { return s.spark.paint(line) }

// PrivateLine is s.Confidential.Render(line), as SparkLine is Spark's: a
// row taken in private, on every frame.
func (s Styles) PrivateLine(line string) string { return s.private.paint(line) }

// painter paints a style that only colours (no width, padding, border or
// transform) on one line: what its Render puts either side of a line of
// printable text, found by rendering one letter, then put there — Render
// measures the line by grapheme and walks every property of the style,
// once per row per frame. Anything else goes to Render.
type painter struct {
	st        lipgloss.Style
	open, end string
}

func newPainter(st lipgloss.Style) painter {
	p := painter{st: st}
	p.open, p.end, _ = strings.Cut(st.Render("x"), "x")
	return p
}

func (p painter) paint(line string) string {
	for i := 0; i < len(line); i++ {
		if c := line[i]; c < 0x20 || c == 0x7f {
			return p.st.Render(line) // tabs, newlines, escapes
		}
	}
	return p.open + line + p.end
}

// Risk renders a risk level in its colour, padded to 4 cells.
func (s Styles) Risk(r model.Risk) string {
	if v, ok := s.risk[r]; ok {
		return v
	}
	return "?   "
}

// RAG renders the RAG mark: a filled dot in red/amber/green, or nothing for
// finished work. The letter beside it keeps the meaning without colour.
func (s Styles) RAG(r model.RAG) string {
	if v, ok := s.rag[r]; ok {
		return v
	}
	return "  "
}

// Status renders an action status.
func (s Styles) Status(st model.ActionStatus, overdue bool) string {
	label := st.Label()
	switch {
	case overdue:
		return s.Red.Render(label + " (overdue)")
	case st == model.StatusBlocked:
		return s.Red.Render(label)
	case st.IsClosed():
		return s.Done.Render(label)
	}
	return label
}

// section is a heading inside a pane ("Open actions (6)").
func (s Styles) section(title string) string { return " " + s.Section.Render(title) }

// para is text wrapped to a pane w wide, indented under its section, each
// line in style (nil for none).
func (s Styles) para(text string, w int, style func(...string) string) []string {
	var out []string
	for _, l := range wrap(text, w-3) {
		if style != nil {
			l = style(l)
		}
		out = append(out, "  "+l)
	}
	return out
}

// rowMark puts the cursor on the selected row of a list.
func (s Styles) rowMark(selected bool, line string) string {
	if selected {
		return s.Cursor.Render("▸") + line
	}
	return " " + line
}

// pane is the border of a pane: the one with the keys is drawn in the
// accent colour.
func (s Styles) pane(focused bool) lipgloss.Style {
	if focused {
		return s.FocusStyle
	}
	return s.BorderStyle
}
