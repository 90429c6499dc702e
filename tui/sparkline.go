package tui

import (
	"github.com/NimbleMarkets/ntcharts/v2/sparkline"
	"github.com/ccsp/tasking/model"
)

// Sparkline draws a series as one line, a column a month, oldest on the
// left (ntcharts' sparkline, scaled to the series' own largest count): a
// month with none, or none counted, is blank. The screens and `hotspot
// list|show` draw it the same.
func Sparkline(s model.Series) string {
	if s.IsZero() {
		return ""
	}
	sl := sparkline.New(len(s.Counts), 1)
	for _, c := range s.Counts {
		sl.Push(float64(max(c, 0)))
	}
	sl.Draw()
	return sl.View()
}

// sparkKey is a series' counts: two series with the same counts draw the
// same line.
type sparkKey [model.TrendMonths]int32

// sparks remembers lines drawn (a sparkline costs ntcharts about 60 µs:
// a list of 2,000 hotspots draws each once, when it first comes into
// view, not on every frame).
type sparks map[sparkKey]string

// maxSparks bounds what a session remembers.
const maxSparks = 4096

func (c *sparks) line(s model.Series) string {
	if s.IsZero() || len(s.Counts) != model.TrendMonths {
		return Sparkline(s)
	}
	var k sparkKey
	for i, n := range s.Counts {
		k[i] = int32(max(n, -1))
	}
	if l, ok := (*c)[k]; ok {
		return l
	}
	if *c == nil || len(*c) >= maxSparks {
		*c = sparks{}
	}
	l := Sparkline(s)
	(*c)[k] = l
	return l
}
