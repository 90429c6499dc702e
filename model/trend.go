package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// NoCount marks a month a series has no count for (nothing imported or
// entered), as against a month counted and found to have none.
const NoCount = -1

// SeriesSource says where a series' counts came from.
type SeriesSource string

const (
	FromPolice  SeriesSource = "police.uk" // imported, at the places the hotspot is linked to
	FromEntered SeriesSource = "entered"   // counts the chair entered (hotspot count)
)

// Series is TrendMonths months of counts ending with End, oldest first:
// NoCount where there is none.
type Series struct {
	End    Month        `json:"end"`
	Counts []int        `json:"counts"`
	Source SeriesSource `json:"source,omitempty"`
}

// NewSeries is the TrendMonths months ending with end, from counts; a
// month is known when known says so (a month imported with nothing at the
// place is 0, not NoCount).
func NewSeries(end Month, counts map[Month]int, known func(Month) bool) Series {
	s := Series{End: end, Counts: make([]int, TrendMonths)}
	for i := range s.Counts {
		m := end.Add(i - TrendMonths + 1)
		switch {
		case known != nil && known(m):
			s.Counts[i] = counts[m]
		case known == nil:
			if n, ok := counts[m]; ok {
				s.Counts[i] = n
			} else {
				s.Counts[i] = NoCount
			}
		default:
			s.Counts[i] = NoCount
		}
	}
	return s
}

// EnteredSeries is the series of the counts the chair entered for a
// hotspot, ending with the latest month entered (zero when none were).
func EnteredSeries(counts []IncidentCount) Series {
	byMonth := map[Month]int{}
	var end Month
	for _, c := range counts {
		m, err := ParseMonth(c.Period)
		if err != nil {
			continue
		}
		byMonth[m] = c.Count
		if m.After(end) {
			end = m
		}
	}
	if end.IsZero() {
		return Series{}
	}
	s := NewSeries(end, byMonth, nil)
	s.Source = FromEntered
	return s
}

// IsZero: there are no counts at all.
func (s Series) IsZero() bool { return s.End.IsZero() }

// Known is how many months have a count.
func (s Series) Known() int {
	n := 0
	for _, c := range s.Counts {
		if c != NoCount {
			n++
		}
	}
	return n
}

// Last is the last month's count.
func (s Series) Last() (int, bool) {
	if len(s.Counts) == 0 || s.Counts[len(s.Counts)-1] == NoCount {
		return 0, false
	}
	return s.Counts[len(s.Counts)-1], true
}

// Total is the sum of the known months.
func (s Series) Total() int {
	t := 0
	for _, c := range s.Counts {
		if c != NoCount {
			t += c
		}
	}
	return t
}

// Trend is the last month against the mean of the TrendBaseMonths before.
type Trend struct {
	Percent int  // rounded; meaningful when OK and not New
	OK      bool // the last month and the months before it are all known
	New     bool // none in the months before, some in the last
}

// Trend is the rule: (last − mean) ÷ mean, as a whole percentage, where
// mean is the mean of the TrendBaseMonths months before the last. It needs
// all of them known. A last month with incidents after months with none is
// New (no percentage can say it); none after none is 0 %.
func (s Series) Trend() Trend {
	n := len(s.Counts)
	if n < TrendBaseMonths+1 {
		return Trend{}
	}
	last := s.Counts[n-1]
	sum := 0
	for _, c := range s.Counts[n-1-TrendBaseMonths : n-1] {
		if c == NoCount {
			return Trend{}
		}
		sum += c
	}
	if last == NoCount {
		return Trend{}
	}
	if sum == 0 {
		return Trend{OK: true, New: last > 0}
	}
	mean := float64(sum) / TrendBaseMonths
	return Trend{OK: true, Percent: int(math.Round((float64(last) - mean) / mean * 100))}
}

// String is the trend as the screens and minutes show it: "+12%", "−30%",
// "0%", "new", or "" when there is none.
func (t Trend) String() string {
	switch {
	case !t.OK:
		return ""
	case t.New:
		return "new"
	case t.Percent > 0:
		return fmt.Sprintf("+%d%%", t.Percent)
	case t.Percent < 0:
		return fmt.Sprintf("−%d%%", -t.Percent)
	}
	return "0%"
}

// TrendClass is how a hotspot's incidents have gone over the year.
type TrendClass string

const (
	ClassNone       TrendClass = ""
	ClassEmerging   TrendClass = "emerging"
	ClassPersistent TrendClass = "persistent"
	ClassCooling    TrendClass = "cooling"
)

// Class is the rule that classes a series, over its known months (at
// least ClassMinMonths, else ClassNone):
//
//   - recent is the mean of the last ClassRecentMonths known months,
//     before the mean of the known months before them;
//   - emerging: recent is more than EmergingRisePercent above before, and
//     at least one incident a month more;
//   - cooling: recent is more than CoolingDropPercent below before;
//   - persistent: neither, with incidents in at least PersistentShare
//     twelfths of the known months;
//   - otherwise ClassNone: occasional, or quiet.
func (s Series) Class() TrendClass {
	var known []int
	for _, c := range s.Counts {
		if c != NoCount {
			known = append(known, c)
		}
	}
	if len(known) < ClassMinMonths {
		return ClassNone
	}
	split := len(known) - ClassRecentMonths
	recent, before := mean(known[split:]), mean(known[:split])
	switch {
	case recent > before*(1+EmergingRisePercent/100.0) && recent >= before+1:
		return ClassEmerging
	case before > 0 && recent < before*(1-CoolingDropPercent/100.0):
		return ClassCooling
	}
	with := 0
	for _, c := range known {
		if c > 0 {
			with++
		}
	}
	if with*12 >= PersistentShare*len(known) {
		return ClassPersistent
	}
	return ClassNone
}

func mean(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	t := 0
	for _, x := range xs {
		t += x
	}
	return float64(t) / float64(len(xs))
}

// PlaceSeries is one place's series of one crime type.
type PlaceSeries struct {
	Place
	Category string
	Series   Series
}

// Suggestion is a place offered as an emerging hotspot, with its evidence.
type Suggestion struct {
	Place
	Category string `json:"category"`
	Month    Month  `json:"month"`
	Count    int    `json:"count"`
	// BaseMean is the mean of the TrendBaseMonths before Month (NoCount
	// when any is unknown); Rise the percentage Count is above it.
	BaseMean  float64 `json:"base_mean"`
	Rise      Trend   `json:"-"`
	TopDecile bool    `json:"top_decile"`
	// Threshold is the count the top decile starts at that month, among
	// places of the same kind (LSOAs, or streets).
	Threshold int    `json:"threshold"`
	Series    Series `json:"series"`
}

// Rising: the count is more than EmergingRisePercent above its base.
func (s Suggestion) Rising() bool {
	return s.Rise.OK && (s.Rise.New || s.Rise.Percent > EmergingRisePercent)
}

// Evidence is why it is offered, in words: what accepting it records on
// the new hotspot.
func (s Suggestion) Evidence() string {
	var why []string
	if s.TopDecile {
		why = append(why, fmt.Sprintf("in the top tenth of %s (%d or more)", kindOf(s.Place), s.Threshold))
	}
	if s.Rising() {
		if s.Rise.New {
			why = append(why, "none in the three months before")
		} else {
			why = append(why, fmt.Sprintf("up %d%% on its three-month mean of %.1f", s.Rise.Percent, s.BaseMean))
		}
	}
	return fmt.Sprintf("police.uk: %d %s incidents at %s in %s; %s", s.Count, strings.ToLower(s.Category),
		s.Place.Label(), s.Month.First().Format("January 2006"), strings.Join(why, ", "))
}

func kindOf(p Place) string {
	if p.Street {
		return "streets"
	}
	return "LSOAs"
}

// Title is a new hotspot's title from a suggestion.
func (s Suggestion) Title() string {
	if s.Street {
		return s.Location + ": " + strings.ToLower(s.Category)
	}
	return cmp.Or(s.LSOAName, s.LSOA) + ": " + strings.ToLower(s.Category)
}

// Link is the link a hotspot accepted from s gets.
func (s Suggestion) Link() HotspotArea { return AreaOf(s.Place) }

// EmergingPlaces is the rule that picks emerging places from every place's
// series ending with month: a place with at least EmergingMinCount
// incidents that month is offered when its count is in the top decile of
// places of its kind (LSOAs against LSOAs, streets against streets, among
// those with any that month: the count the top EmergingDecile share
// starts at, ties included) or more than EmergingRisePercent above the
// mean of the TrendBaseMonths before (or up from none). Unlocated counts
// are never offered. The largest counts come first.
func EmergingPlaces(places []PlaceSeries) []Suggestion {
	thresholds := map[bool]int{}
	for _, street := range []bool{false, true} {
		var counts []int
		for _, p := range places {
			if n, ok := p.Series.Last(); ok && n > 0 && p.Street == street && p.LSOA != "" {
				counts = append(counts, n)
			}
		}
		thresholds[street] = decileThreshold(counts)
	}
	var out []Suggestion
	for _, p := range places {
		n, ok := p.Series.Last()
		if !ok || n < EmergingMinCount || p.LSOA == "" {
			continue
		}
		s := Suggestion{Place: p.Place, Category: p.Category, Month: p.Series.End, Count: n, Series: p.Series,
			Threshold: thresholds[p.Street], Rise: p.Series.Trend(), BaseMean: NoCount}
		if s.Rise.OK {
			k := len(p.Series.Counts)
			s.BaseMean = mean(p.Series.Counts[k-1-TrendBaseMonths : k-1])
		}
		s.TopDecile = s.Threshold > 0 && n >= s.Threshold
		if s.TopDecile || s.Rising() {
			out = append(out, s)
		}
	}
	SortSuggestions(out)
	return out
}

// SortSuggestions puts the largest counts first, then by place and crime
// type: the order every list of suggestions has.
func SortSuggestions(out []Suggestion) {
	slices.SortFunc(out, func(a, b Suggestion) int {
		return cmp.Or(cmpInt(b.Count, a.Count), strings.Compare(a.Key(), b.Key()), strings.Compare(a.Category, b.Category))
	})
}

// decileThreshold is the count the top decile of counts starts at: the
// smallest of the largest ceil(n × (1 − EmergingDecile)) counts.
func decileThreshold(counts []int) int {
	if len(counts) == 0 {
		return 0
	}
	slices.SortFunc(counts, func(a, b int) int { return cmpInt(b, a) })
	k := max(1, int(math.Ceil(float64(len(counts))*(1-EmergingDecile)-1e-9)))
	return counts[k-1]
}

// Dismissal is a suggestion the chair dismissed: not offered again until
// DismissMonths have passed.
type Dismissal struct {
	Place
	Category string `json:"category"`
	On       Date   `json:"on"`
	By       string `json:"by,omitempty"`
}

// Key identifies what was dismissed: the place and the crime type.
func (d Dismissal) Key() string { return d.Category + "|" + d.Place.Key() }

// SuggestionKey is the key of the dismissal that would hide s.
func SuggestionKey(category string, p Place) string { return category + "|" + p.Key() }

// Until is the first day it may be offered again.
func (d Dismissal) Until() Date { return d.On.AddMonths(DismissMonths) }

// Offer is the suggestions worth offering today: those no open hotspot's
// link covers (the same crime type, the place itself or the LSOA it is in)
// and not dismissed in the last DismissMonths.
func Offer(cands []Suggestion, hotspots []Hotspot, dismissed map[string]Dismissal, today Date) []Suggestion {
	var out []Suggestion
	for _, c := range cands {
		if d, ok := dismissed[SuggestionKey(c.Category, c.Place)]; ok && today.Before(d.Until()) {
			continue
		}
		if Covered(hotspots, c.Category, c.Place) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// Covered: an open hotspot is linked to p (or the LSOA it is in). A
// hotspot's areas are counted for anti-social behaviour (its trend), so
// they cover that crime type only.
func Covered(hotspots []Hotspot, category string, p Place) bool {
	if category != CategoryASB {
		return false
	}
	for _, h := range hotspots {
		if !h.IsOpen() {
			continue
		}
		for _, a := range h.Areas {
			if a.Place().Covers(p) {
				return true
			}
		}
	}
	return false
}
