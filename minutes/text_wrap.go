package minutes

import (
	"regexp"
	"strings"
	"sync"

	"github.com/ccsp/tasking/internal/cellwidth"
	"github.com/ccsp/tasking/model"
	"github.com/charmbracelet/x/ansi"
)

// wrapText cleans s and wraps each of its lines at width display columns,
// breaking at spaces and hyphens where it can — never inside a ref (A-12,
// HS-3, [D-4]), which a reader copies or searches for whole — and inside a
// word that is longer than a line. Blank lines are dropped.
func wrapText(s string, width int) []string {
	width = max(width, 8)
	var out []string
	for _, para := range strings.Split(model.CleanText(s), "\n") {
		para = model.FoldSpaces(para)
		if para == "" {
			continue
		}
		if textWidth(para) <= width {
			out = append(out, para) // fits: most fields are one line
			continue
		}
		glue, glued := gluedRefs(para)
		for _, l := range strings.Split(ansi.Wrap(glued, width, ""), "\n") {
			if glue != "" {
				l = strings.ReplaceAll(l, glue, "-")
			}
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			if textWidth(l) <= width {
				out = append(out, l)
				continue
			}
			// Belt and braces: a cluster the word wrapper measured
			// differently is cut hard.
			for _, h := range strings.Split(ansi.Hardwrap(l, width, false), "\n") {
				if h = strings.TrimSpace(h); h != "" {
					out = append(out, h)
				}
			}
		}
	}
	return out
}

// mayHoldRef says whether s could hold a ref (refPattern): a hyphen with
// the last letter of a ref's prefix before it and a digit after. Most
// long lines hold none, and are not given to the regular expression.
func mayHoldRef(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] != '-' || s[i+1] < '0' || s[i+1] > '9' {
			continue
		}
		if strings.IndexByte(refEnds, s[i-1]) >= 0 {
			return true
		}
	}
	return false
}

// refEnds are the last letters of the refs' prefixes.
var refEnds = string([]byte{last(model.HotspotPrefix), last(model.ActionPrefix), last(model.DecisionPrefix),
	last(model.NotePrefix), last(model.MeetingPrefix)})

func last(s string) byte { return s[len(s)-1] }

// textWidth is the display width of s (internal/cellwidth: counted
// directly for Latin text and its punctuation, most of the minutes).
func textWidth(s string) int { return cellwidth.Of(s) }

// refPattern is a ref as the minutes print one: A-12, HS-3, D-4, N-5, M-7.
var refPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(?:` + model.HotspotPrefix + `|` + model.ActionPrefix + `|` + model.DecisionPrefix + `|` +
		model.NotePrefix + `|` + model.MeetingPrefix + `)-[0-9]+\b`)
})

// refGlues stand in for a ref's hyphen while a line is wrapped: the word
// wrapper breaks after every "-", and after none of these, which are one
// column wide like the hyphen.
var refGlues = []string{"\u2011", "\u2012", "\u2010"}

// gluedRefs is para with each ref's hyphen swapped for a glue para does not
// hold already (so putting the hyphens back changes nothing else), and
// that glue; "" when para has no ref, or holds every glue.
func gluedRefs(para string) (glue, glued string) {
	if !mayHoldRef(para) || !refPattern().MatchString(para) {
		return "", para
	}
	for _, g := range refGlues {
		if !strings.Contains(para, g) {
			return g, refPattern().ReplaceAllStringFunc(para, func(ref string) string { return strings.Replace(ref, "-", g, 1) })
		}
	}
	return "", para
}
