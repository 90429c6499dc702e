package tui

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// A painter paints what its style renders — a pane's border (box), a
// sparkline, a private row's title — on dark and light backgrounds, and
// hands anything but one line of printable text to Render.
func TestPaintersAreRender(t *testing.T) {
	lines := []string{"", " ", "│", "┌ Hotspots by risk (12 of 40 open, 3 not on the agenda) ────────┐", "└" + strings.Repeat("─", 150) + "┘",
		"[P] Whittington Moor: drug dealing, county lines", "café ★ −24% 漢字 👍🏽", "a\tb", "two\nlines", "\x1b[1mbold\x1b[m inside"}
	for seed := range 100 {
		s := model.Series{End: model.NewMonth(2026, 10), Counts: make([]int, model.TrendMonths)}
		for i := range s.Counts {
			s.Counts[i] = (seed*7+i*13)%(seed%9+2) - 1 // some months not counted (-1)
		}
		lines = append(lines, Sparkline(s))
	}
	for _, dark := range []bool{true, false} {
		s := NewStyles(dark)
		for name, p := range map[string]painter{"border": newPainter(s.BorderStyle), "focused border": newPainter(s.FocusStyle), "spark": s.spark, "private": s.private} {
			for _, l := range lines {
				if got, want := p.paint(l), p.st.Render(l); got != want {
					t.Errorf("dark %v, %s, %q: painted %q, rendered %q", dark, name, l, got, want)
				}
			}
		}
	}
}
