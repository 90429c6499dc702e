package tui

import (
	"testing"

	"github.com/ccsp/tasking/model"
)

// SparkLine is what Spark renders, for every shape of line a sparkline
// draws (and an empty one), on dark and light backgrounds.
func TestSparkLineIsRender(t *testing.T) {
	lines := []string{"", " ", "a\tb", "two\nlines"}
	for seed := range 200 {
		s := model.Series{End: model.NewMonth(2026, 10), Counts: make([]int, model.TrendMonths)}
		for i := range s.Counts {
			s.Counts[i] = (seed*7+i*13)%(seed%9+2) - 1 // some months not counted (-1)
		}
		lines = append(lines, Sparkline(s))
	}
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark)
		for _, l := range lines {
			if got, want := st.SparkLine(l), st.Spark.Render(l); got != want {
				t.Errorf("dark %v, %q: SparkLine %q, Render %q", dark, l, got, want)
			}
		}
	}
}
