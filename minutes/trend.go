package minutes

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
)

// TrendLine is a hotspot item's incidents over the 12 months to the
// meeting, as the meeting saw them (frozen with a closed meeting's record):
// each month's count, the trend (the last month against the mean of the
// three before) and where the counts came from. The public version names
// the areas counted (LSOAs), never a street, and has none for a hotspot
// taken in private (whose item shows nothing at all).
type TrendLine struct {
	From   string       `json:"from"`            // "police.uk" or "entered"
	Source string       `json:"source"`          // "police.uk, anti-social behaviour", in words
	Areas  string       `json:"areas,omitempty"` // where they were counted (police.uk only)
	Months []MonthCount `json:"months"`          // oldest first
	Trend  string       `json:"trend,omitempty"` // "+20%", "−5%", "0%", "new"
	Text   string       `json:"text"`            // "Oct 26: 21, −17% on the three months before"
}

// MonthCount is one month's count; Count is null where none was counted.
type MonthCount struct {
	Month string `json:"month"` // 2026-10
	Count *int   `json:"count"`
}

// trend is hotspot h's line, when the record has a series for it.
func (b *builder) trend(h model.Hotspot) *TrendLine {
	s, ok := b.rec.Trends[h.ID]
	if !ok || s.IsZero() {
		return nil
	}
	t := &TrendLine{From: string(s.Source), Source: s.SourceLabel(), Trend: s.Trend().String(), Text: line(s.Summary())}
	if s.Source == model.FromPolice {
		areas := h.Areas
		if b.public {
			areas = model.PublicAreas(areas)
		}
		t.Areas = line(model.AreasLine(areas, b.public))
	}
	for i, m := range s.Months() {
		mc := MonthCount{Month: m.String()}
		if c := s.Counts[i]; c != model.NoCount {
			mc.Count = &c
		}
		t.Months = append(t.Months, mc)
	}
	return t
}

// trendSentence is the line every format writes under a hotspot's facts:
// "Incidents (police.uk, anti-social behaviour: Chesterfield 010A), Nov
// 2025 to Oct 2026: Nov 25 20 · … · Oct 26 21. Oct 26: 21, −17% on the
// three months before."
func trendSentence(t TrendLine) string {
	src := t.Source
	if t.Areas != "" {
		src += ": " + t.Areas
	}
	var counts []string
	for _, mc := range t.Months {
		c := "–"
		if mc.Count != nil {
			c = strconv.Itoa(*mc.Count)
		}
		counts = append(counts, monthShort(mc.Month)+" "+c)
	}
	span := ""
	if n := len(t.Months); n > 0 {
		span = ", " + monthLong(t.Months[0].Month) + " to " + monthLong(t.Months[n-1].Month)
	}
	return fmt.Sprintf("Incidents (%s)%s: %s. %s.", src, span, strings.Join(counts, " · "), t.Text)
}

func monthShort(s string) string {
	m, err := model.ParseMonth(s)
	if err != nil {
		return s
	}
	return m.Short()
}

func monthLong(s string) string {
	m, err := model.ParseMonth(s)
	if err != nil {
		return s
	}
	return m.Long()
}

// Sparkline sizes: a bar a month, in a box the height of a line of text.
const (
	sparkBar    = 5 // px wide
	sparkGap    = 2
	sparkHeight = 16
)

// trendSVG is the 12 months as a small inline SVG bar chart: drawn in the
// text's colour, scaled to the largest month, a month with none counted
// left empty; its label says the counts in words (screen readers, and
// Word, which shows the text beside it). Nothing in it is fetched or run.
func trendSVG(t TrendLine) string {
	top := 0
	for _, mc := range t.Months {
		if mc.Count != nil {
			top = max(top, *mc.Count)
		}
	}
	w := len(t.Months)*(sparkBar+sparkGap) - sparkGap
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spark" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s" fill="currentColor">`,
		w, sparkHeight, w, sparkHeight, esc("Incidents by month: "+t.Text))
	for i, mc := range t.Months {
		if mc.Count == nil || *mc.Count == 0 || top == 0 {
			continue
		}
		h := max(1, *mc.Count*sparkHeight/top)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d"></rect>`, i*(sparkBar+sparkGap), sparkHeight-h, sparkBar, h)
	}
	b.WriteString("</svg>")
	return b.String()
}
