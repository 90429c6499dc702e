package model

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// People type names as they can: "sian" for Siân, "nunez" for Núñez,
// "OBRIEN" for O'Brien, "Whitworth, Karen" for Karen Whitworth. The rules
// here are the one place a typed name is compared with a recorded one, so
// that a name finds its person however it is typed, and two names that
// would find the same person cannot both be recorded.

// folder is case folding (ß→ss): stateless, so one is shared.
var folder = cases.Fold()

// lettersOwnRight are letters that are not a base letter with a mark on
// it, so dropping marks leaves them as they are: each becomes the plain
// letters an English keyboard types for it.
var lettersOwnRight = strings.NewReplacer("æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ð", "d", "þ", "th")

// FoldText is s as it is compared: accents and case aside (Siân, SIAN and
// sian fold alike; Øyvind to oyvind, Łukasz to lukasz, ĳ to ij). Only the
// letters change; spacing and punctuation are left as they are.
//
// The rule is foldFully's. Names are nearly all in Latin letters, and a
// list of 100,000 folds each one, so those letters' folds are worked out
// by that rule once (latinFolds) and looked up; any other script takes
// the rule in full.
func FoldText(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // NFKD and folding change no ASCII but its case
	}
	if f, ok := foldLatin(s); ok {
		return f
	}
	return foldFully(s)
}

// foldFully: decomposed (NFKD, not NFD, so ligatures and full-width
// letters come apart as well as accents), marks dropped, composed again,
// case folded (ß→ss), then the letters of their own mapped by hand.
func foldFully(s string) string {
	t := marksOff.Get().(transform.Transformer)
	defer marksOff.Put(t)
	plain, _, err := transform.String(t, s) // String resets t first
	if err != nil {
		plain = s
	}
	return lettersOwnRight.Replace(folder.String(plain))
}

// marksOff takes the accents off letters. A Chain keeps state and holds
// 8 KB of buffers, so they are pooled rather than shared or made per call.
var marksOff = sync.Pool{New: func() any {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Latin letters beyond ASCII: Latin-1, Extended-A and -B (U+0080–U+024F)
// and Extended Additional (U+1E00–U+1EFF: Welsh ẁ ẃ ẅ ỳ, Vietnamese).
const (
	latinEnd            = 0x0250
	latinAdditional     = 0x1E00
	latinAdditionalSize = 0x100
)

// latinFolds is foldFully of each of those letters alone, made on first use.
var latinFolds = sync.OnceValue(func() []string {
	folds := make([]string, latinEnd+latinAdditionalSize)
	for r := rune(0x80); r < latinEnd; r++ {
		folds[r] = foldFully(string(r))
	}
	for r := rune(0); r < latinAdditionalSize; r++ {
		folds[latinEnd+r] = foldFully(string(latinAdditional + r))
	}
	return folds
})

// foldLatin folds s letter by letter when every letter is Latin (marks
// typed after a letter, as some keyboards send them, are dropped as
// foldFully drops them). Letter by letter is the whole rule here: no Latin
// letter composes with its neighbour once the marks are off. ok is false
// for anything else.
func foldLatin(s string) (string, bool) {
	folds := latinFolds()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(byte(unicode.ToLower(r)))
		case r < latinEnd:
			b.WriteString(folds[r])
		case r >= latinAdditional && r < latinAdditional+latinAdditionalSize:
			b.WriteString(folds[latinEnd+r-latinAdditional])
		case unicode.Is(unicode.Mn, r):
		default:
			return "", false
		}
	}
	return b.String(), true
}

// NameKey is a name as it is matched and kept unique: folded (FoldText),
// apostrophes dropped (O'Brien, O’Brien and OBrien are one name), and any
// other run of spaces or punctuation one space (Anne-Marie and Anne Marie
// are one name; "Sgt. Jas" is "Sgt Jas").
func NameKey(s string) string {
	f := FoldText(s)
	var b strings.Builder
	b.Grow(len(f))
	gap := false
	for _, r := range f {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(r)
		case isApostrophe(r):
			// inside a word: O'Brien
		default:
			gap = true
		}
	}
	return b.String()
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`', '´':
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// SameName: two names a person would take for the same (NameKey): names
// are unique, so a typed name finds one person.
func SameName(a, b string) bool { return NameKey(a) == NameKey(b) }

// SurnameFirst says whether name is written "Surname, Forename" (as Outlook
// and many council lists give it) and gives it turned round:
// "Whitworth, Karen" is Karen Whitworth. Only one comma, with words either
// side, is read so.
func SurnameFirst(name string) (turned string, ok bool) {
	surname, forenames, found := strings.Cut(name, ",")
	if !found || strings.Contains(forenames, ",") {
		return name, false
	}
	surname, forenames = CleanLine(surname), CleanLine(forenames)
	if NameKey(surname) == "" || NameKey(forenames) == "" {
		return name, false
	}
	return forenames + " " + surname, true
}

// Match is how well a typed query matches a name; a better match is a
// bigger one, so lists sort by it.
type Match int

const (
	NoMatch         Match = iota
	FuzzyMatch            // the query's letters are in the name in order ("hlnm": Helen Marsh)
	WordPrefixMatch       // a word of the name starts with it ("marsh", "jas pat": Sgt Jas Patel)
	PrefixMatch           // the name starts with it ("hel")
	ExactMatch            // it is the name, accents, case and punctuation aside
)

func (m Match) String() string {
	return [...]string{"none", "fuzzy", "word prefix", "prefix", "exact"}[m]
}

// Rank is how well query matches name (NameKey on both). A query written
// "Surname, Forename" is matched turned round too. An empty query matches
// nothing: a list shows everyone before anything is typed.
func Rank(query, name string) Match {
	return rankKey(queryKeys(query), NameKey(name))
}

// queryKeys are the keys a typed query is matched by: itself, and turned
// round when it is written surname first.
func queryKeys(query string) []string {
	keys := []string{NameKey(query)}
	if turned, ok := SurnameFirst(query); ok {
		keys = append(keys, NameKey(turned))
	}
	return keys
}

func rankKey(queries []string, key string) Match {
	best := NoMatch
	for _, q := range queries {
		best = max(best, rankWords(q, key))
	}
	if best == NoMatch && inOrder(queries[0], key) {
		return FuzzyMatch
	}
	return best
}

// rankWords is how well q matches key short of letters in order.
func rankWords(q, key string) Match {
	switch {
	case q == "":
		return NoMatch
	case q == key:
		return ExactMatch
	case strings.HasPrefix(key, q):
		return PrefixMatch
	case strings.Contains(key, " "+q):
		return WordPrefixMatch
	}
	return NoMatch
}

// inOrder: the letters of q are in key in order (sahilm/fuzzy's test, as
// the app's other finders use it). Spaces typed are not letters to find:
// "o brien" has O'Brien's letters.
func inOrder(q, key string) bool {
	letters := strings.ReplaceAll(q, " ", "")
	return letters != "" && len(fuzzy.Find(letters, []string{key})) > 0
}

// Candidate is someone to choose from a list that is searched as a query
// is typed: their name and what else they are known by (agency, job
// title), folded once.
type Candidate struct {
	name string
	also []string
}

func NewCandidate(name string, also ...string) Candidate {
	c := Candidate{name: NameKey(name), also: make([]string, 0, len(also))}
	for _, a := range also {
		if k := NameKey(a); k != "" {
			c.also = append(c.also, k)
		}
	}
	return c
}

// rank is how well the candidate's name matches, and how well the best of
// the rest does.
func (c Candidate) rank(queries []string) (name, also Match) {
	name = rankKey(queries, c.name)
	for _, a := range c.also {
		also = max(also, rankKey(queries, a))
	}
	return name, also
}

// RankCandidates is the order a chooser shows for query: those that match,
// best first (exact, prefix, word prefix, fuzzy), a match on the name
// before the same match on anything else, ties in the order given. An
// empty query keeps everyone in order. "sian" puts Siân first, not the
// chair whose agency and title happen to hold s, i, a and n in order.
func RankCandidates(query string, cs []Candidate) []int {
	queries := queryKeys(query)
	if queries[0] == "" {
		out := make([]int, len(cs))
		for i := range out {
			out[i] = i
		}
		return out
	}
	type ranked struct {
		i          int
		best, name Match
	}
	var hits []ranked
	for i, c := range cs {
		name, also := c.rank(queries)
		if best := max(name, also); best != NoMatch {
			hits = append(hits, ranked{i, best, name})
		}
	}
	slices.SortStableFunc(hits, func(a, b ranked) int {
		if a.best != b.best {
			return cmp.Compare(b.best, a.best)
		}
		return cmp.Compare(b.name, a.name)
	})
	out := make([]int, len(hits))
	for k, h := range hits {
		out[k] = h.i
	}
	return out
}

// FindName is which of names a typed query means (FindMember's rule, for
// anyone named as typed: a member, a meeting's guest): the name itself,
// accents, case and punctuation aside; else the one that starts so; else
// the one with a word that does; else the one that holds it. Several at the
// best of these is a question, not a guess: i is -1 and could names them,
// sorted. Neither when nothing matches.
func FindName(names []string, query string) (i int, could []string) {
	queries := queryKeys(query)
	if queries[0] == "" {
		return -1, nil
	}
	var tiers [5][]int // by Match; FuzzyMatch holds those whose name contains the query
	for i, name := range names {
		key := NameKey(name)
		r := NoMatch
		for _, q := range queries {
			r = max(r, rankWords(q, key))
		}
		if r == NoMatch && (strings.Contains(key, queries[0]) || strings.Contains(squeezed(key), squeezed(queries[0]))) {
			// Held in the name, spaces aside: "Sean O Neill" is Seán
			// O'Neill, whose apostrophe the key drops.
			r = FuzzyMatch
		}
		if r != NoMatch {
			tiers[r] = append(tiers[r], i)
		}
	}
	for r := ExactMatch; r > NoMatch; r-- {
		switch hits := tiers[r]; {
		case len(hits) == 1:
			return hits[0], nil
		case len(hits) > 1:
			for _, h := range hits {
				could = append(could, names[h])
			}
			slices.Sort(could)
			return -1, could
		}
	}
	return -1, nil
}

// squeezed is a name key without its spaces.
func squeezed(key string) string { return strings.ReplaceAll(key, " ", "") }
