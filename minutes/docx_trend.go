package minutes

import (
	"strconv"
	"strings"
)

// A hotspot's 12 months in the Word minutes. Word shows no inline SVG (the
// HTML's sparkline), so the DOCX gives the months as a small table under
// the trend's sentence: a column a month, its count, and a bar drawn with
// the Unicode block elements, scaled to the largest month as the HTML's
// and the screens' sparklines are. It holds counts only: where they were
// counted is the sentence's to say (by LSOA in the public version).

// trendLabelTwips is the width of the table's first column, the rows'
// names.
const trendLabelTwips = 1300

// Row names of the trend table.
const (
	trendMonthLabel = "Month"
	trendCountLabel = "Incidents"
	trendBarLabel   = "Chart"
)

// sparkBlocks are the eight heights of a bar, lowest first.
var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// docxTrend writes t's months as a table: the months across (Nov, Dec,
// …), their counts ("–" where none was counted) and their bars.
func docxTrend(w *docxWriter, t TrendLine) {
	if len(t.Months) == 0 {
		return
	}
	header := []string{trendMonthLabel}
	counts := []string{trendCountLabel}
	bars := []string{trendBarLabel}
	for i, mc := range t.Months {
		// Twelve columns beside the rows' names leave a month room for its
		// name alone: the sentence above says which months of which years.
		name := monthShort(mc.Month)
		if f := strings.Fields(name); len(f) > 0 {
			name = f[0]
		}
		header = append(header, name)
		c := "–"
		if mc.Count != nil {
			c = strconv.Itoa(*mc.Count)
		}
		counts = append(counts, c)
		bars = append(bars, trendBar(t, i))
	}
	widths := make([]int, len(header))
	widths[0] = trendLabelTwips
	each := (docxTextWidth - trendLabelTwips) / len(t.Months)
	for i := 1; i < len(widths); i++ {
		widths[i] = each
	}
	widths[len(widths)-1] += docxTextWidth - trendLabelTwips - each*len(t.Months)
	w.tableOf(header, [][]string{counts, bars}, widths, nil)
}

// trendBar is month i's bar: its count against the largest month's, in
// eighths, at least the lowest block for any incident; none for a month
// with none, or none counted.
func trendBar(t TrendLine, i int) string {
	top := 0
	for _, mc := range t.Months {
		if mc.Count != nil {
			top = max(top, *mc.Count)
		}
	}
	c := t.Months[i].Count
	if c == nil || *c == 0 || top == 0 {
		return ""
	}
	h := max(1, (*c*len(sparkBlocks)+top-1)/top)
	return string(sparkBlocks[h-1])
}
