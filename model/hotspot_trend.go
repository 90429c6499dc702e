package model

import (
	"fmt"
	"slices"
	"strings"
)

// A hotspot's trend: the TrendMonths months of anti-social behaviour at
// the places it is linked to in the imported police.uk data, or, for a
// hotspot with none imported there, the counts the chair entered.

// HotspotSeries is the rule that picks a hotspot's series as at a day:
// imported is the police.uk counts at its CountedAreas (zero when it has
// none, or nothing was imported); a hotspot linked to imported data with
// any month counted takes it, every other takes the counts the chair
// entered. Only months over by today count (MonthsBy): a month under way
// is not yet a month's count.
func HotspotSeries(h Hotspot, imported Series, today Date) Series {
	if len(h.Areas) > 0 && !imported.IsZero() && imported.Known() > 0 {
		return imported
	}
	by := MonthsBy(today)
	var entered []IncidentCount
	for _, c := range h.Incidents {
		if m, err := ParseMonth(c.Period); err == nil && !m.After(by) {
			entered = append(entered, c)
		}
	}
	return EnteredSeries(entered)
}

// MonthsBy is the last month over by today: the latest a series read as
// at today may end with.
func MonthsBy(today Date) Month { return MonthOf(today).Add(-1) }

// EnterCount records the chair's count of incidents at h in month m (a
// month over by today: MonthsBy), replacing one entered before, and
// returns the minute. The count it has already is no change.
func (h *Hotspot) EnterCount(m Month, n int, today Date) (string, error) {
	switch {
	case m.IsZero():
		return "", Invalid("month", "which month? write it as YYYY-MM")
	case m.After(MonthsBy(today)):
		return "", Invalid("month", "%s is not over yet: counts are entered for months gone by", m.Long())
	case n < 0:
		return "", Invalid("count", "a count is a number of incidents, 0 or more")
	case n > MaxEnteredCount:
		return "", Invalid("count", "%d incidents in a month is more than %d, the most that may be entered", n, MaxEnteredCount)
	}
	minute := fmt.Sprintf("Incidents in %s entered: %d.", m.Long(), n)
	i := h.countIndex(m)
	if i >= 0 {
		if h.Incidents[i].Count == n {
			return "", Invalid("count", "%s already has %d for %s", h.Ref(), n, m.Long())
		}
		minute = fmt.Sprintf("Incidents in %s entered: %d (was %d).", m.Long(), n, h.Incidents[i].Count)
		h.Incidents = slices.Clone(h.Incidents)
		h.Incidents[i] = IncidentCount{Period: m.String(), Count: n}
		return minute, nil
	}
	h.Incidents = append(slices.Clone(h.Incidents), IncidentCount{Period: m.String(), Count: n})
	slices.SortStableFunc(h.Incidents, func(a, b IncidentCount) int { return strings.Compare(a.Period, b.Period) })
	return minute, nil
}

// ClearCount takes back the count entered for month m: the month has no
// count again (not none).
func (h *Hotspot) ClearCount(m Month) (string, error) {
	i := h.countIndex(m)
	if i < 0 {
		return "", Invalid("month", "%s has no count entered for %s", h.Ref(), m.Long())
	}
	was := h.Incidents[i].Count
	h.Incidents = slices.Delete(slices.Clone(h.Incidents), i, i+1)
	return fmt.Sprintf("The count entered for %s (%d) was taken back.", m.Long(), was), nil
}

func (h Hotspot) countIndex(m Month) int {
	return slices.IndexFunc(h.Incidents, func(c IncidentCount) bool { return c.Period == m.String() })
}

// Months are the series' months, oldest first.
func (s Series) Months() []Month {
	out := make([]Month, len(s.Counts))
	for i := range out {
		out[i] = s.End.Add(i - len(s.Counts) + 1)
	}
	return out
}

// SourceLabel says where the counts came from, as the screens and minutes
// say it.
func (s Series) SourceLabel() string {
	if s.Source == FromEntered {
		return "counts entered by the chair"
	}
	return "police.uk, anti-social behaviour"
}

// Summary is the last month and its trend in words: "Oct 2026: 12, +20%
// on the three months before", "Oct 2026: 5, none in the three months
// before", "no count for Oct 2026"; "" for no series.
func (s Series) Summary() string {
	if s.IsZero() {
		return ""
	}
	last, ok := s.Last()
	if !ok {
		return "no count for " + s.End.Short()
	}
	out := fmt.Sprintf("%s: %d", s.End.Short(), last)
	switch t := s.Trend(); {
	case !t.OK:
	case t.New:
		out += ", none in the three months before"
	default:
		out += ", " + t.String() + " on the three months before"
	}
	return out
}

// CountsLine is every month's count in words, oldest first: "Nov 25 4 ·
// Dec 25 – · … · Oct 26 12" (– where a month has none counted).
func (s Series) CountsLine() string {
	parts := make([]string, len(s.Counts))
	for i, m := range s.Months() {
		c := "–"
		if s.Counts[i] != NoCount {
			c = fmt.Sprint(s.Counts[i])
		}
		parts[i] = m.Short() + " " + c
	}
	return strings.Join(parts, " · ")
}

// Max is the largest count (0 when none is known).
func (s Series) Max() int {
	top := 0
	for _, c := range s.Counts {
		top = max(top, c)
	}
	return top
}

// AreasLine names the areas a series was counted at: every link in the
// restricted record; the areas alone (LSOAs, never streets) in public.
func AreasLine(areas []HotspotArea, public bool) string {
	var names []string
	for _, a := range areas {
		n := a.Label()
		if public {
			n = a.AreaLabel()
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// TrendsOf keeps the series of the hotspots given (by ID), for a record
// that holds only them.
func TrendsOf(all map[ID]Series, hotspots []Hotspot) map[ID]Series {
	if len(all) == 0 {
		return nil
	}
	out := make(map[ID]Series, len(hotspots))
	for _, h := range hotspots {
		if s, ok := all[h.ID]; ok {
			out[h.ID] = s
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
