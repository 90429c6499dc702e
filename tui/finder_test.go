package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/sahilm/fuzzy"
)

// naive is matching as it was first written, every query from scratch.
func naive(query string, candidates []string) []int {
	var out []int
	q := model.FoldText(query)
	if q == "" {
		for i := range candidates {
			out = append(out, i)
		}
		return out
	}
	for i, c := range candidates {
		if strings.Contains(model.FoldText(c), q) {
			out = append(out, i)
		}
	}
	if len(out) > 0 {
		return out
	}
	lower := make([]string, len(candidates))
	for i, c := range candidates {
		lower[i] = model.FoldText(c)
	}
	for _, m := range fuzzy.Find(q, lower) {
		out = append(out, m.Index)
	}
	slices.Sort(out)
	return out
}

// Typed letter by letter, rubbed out and typed again, the finder answers
// each query as a search from scratch would.
func TestFinderAnswersAsFromScratch(t *testing.T) {
	rows := []string{
		"A-1 Joint patrols Fri/Sat at the bus station Police PCSO Nadia Khan",
		"A-2 Early Help assessment Children's Services Faye Turner",
		"A-3 Clear fly-tipping behind the shops Env Protection",
		"A-4 Redeploy CCTV camera 14 Enforcement/CCTV Amy Walsh",
		"A-5 Arson reduction visit Derbyshire Fire & Rescue Service",
		"A-6 Patrol the rec ground Police PC Lee Barker",
		"A-7 Visit the Café on Núñez Street Housing Siân Pritchard",
	}
	f := newFinder(rows)
	for _, typed := range []string{"patrol", "dfrs", "cctv", "xyz", "PATROLS", "a-", "fire", "sian", "CAFE", "nunez"} {
		for n := 0; n <= len(typed); n++ { // typing
			q := typed[:n]
			if got, want := f.find(q), naive(q, rows); !slices.Equal(got, want) {
				t.Errorf("%q typed: %v, want %v", q, got, want)
			}
		}
		for n := len(typed); n >= 0; n-- { // rubbing out
			q := typed[:n]
			if got, want := f.find(q), naive(q, rows); !slices.Equal(got, want) {
				t.Errorf("%q rubbed back: %v, want %v", q, got, want)
			}
		}
	}
	// Accents and case aside: Siân by "sian", and "siân" too.
	for _, q := range []string{"sian", "SIÂN", "núnez st"} {
		if got := f.find(q); !slices.Equal(got, []int{6}) {
			t.Errorf("%q found %v, want Siân's row", q, got)
		}
	}
	// The fire service by its initials: no row contains "dfrs".
	if got := f.find("dfrs"); !slices.Contains(got, 4) {
		t.Errorf("dfrs found %v, want the fire service's row", got)
	}
}
