package tui

import (
	"slices"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/sahilm/fuzzy"
)

// finder is matching over a list that does not change while a query is
// typed (a screen's rows): the candidates are folded once (model.FoldText:
// accents and case aside, so "sian" finds Siân and "cafe" Café), and each
// query remembers its answer, so a letter typed searches only the rows the
// query before it matched (a row that contains "patr" contains "pat"; one
// whose letters run "dfrs" in order runs "dfr" too) and a letter rubbed out
// is answered from memory. Built when the rows are read; a keypress costs
// what the matches do, not what the list does.
type finder struct {
	orig  []string
	lower []string
	memo  map[string]found
}

// found is one query's answer, and whether it came from the fuzzy fallback.
type found struct {
	idx   []int
	fuzzy bool
}

func newFinder(candidates []string) *finder {
	f := &finder{orig: candidates, lower: make([]string, len(candidates)), memo: map[string]found{}}
	for i, c := range candidates {
		f.lower[i] = model.FoldText(c)
	}
	return f
}

// find is matching(query, candidates): the indexes matched, in order; a
// word found as typed, else the letters in order; empty: all.
func (f *finder) find(query string) []int {
	q := model.FoldText(query)
	if q == "" {
		all := make([]int, len(f.orig))
		for i := range all {
			all[i] = i
		}
		return all
	}
	if r, ok := f.memo[q]; ok {
		return r.idx
	}
	// The longest query already answered that this one extends.
	var within []int
	base, known := found{}, false
	for n := len(q) - 1; n > 0 && !known; n-- {
		base, known = f.memo[q[:n]]
	}
	if known {
		within = base.idx
	} else {
		within = make([]int, len(f.orig))
		for i := range within {
			within[i] = i
		}
	}
	var r found
	if !known || !base.fuzzy {
		for _, i := range within {
			if strings.Contains(f.lower[i], q) {
				r.idx = append(r.idx, i)
			}
		}
	}
	if len(r.idx) == 0 {
		// No row contains it (nor, then, did any contain a longer query):
		// the letters in order, among the rows the shorter query matched
		// that way (or all, the first time).
		if known && !base.fuzzy {
			within = allIndexes(len(f.orig))
		}
		sub := make([]string, len(within))
		for k, i := range within {
			sub[k] = f.lower[i]
		}
		r.fuzzy = true
		for _, m := range fuzzy.Find(q, sub) {
			r.idx = append(r.idx, within[m.Index])
		}
		slices.Sort(r.idx)
	}
	f.memo[q] = r
	return r.idx
}

// replace takes candidate i out and puts text in at j (counted without
// i): a row changed in place, perhaps moved. What was remembered of
// earlier queries is forgotten; it may no longer be true.
func (f *finder) replace(i, j int, text string) {
	f.orig = slices.Insert(slices.Delete(f.orig, i, i+1), j, text)
	f.lower = slices.Insert(slices.Delete(f.lower, i, i+1), j, model.FoldText(text))
	clear(f.memo)
}

func allIndexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
