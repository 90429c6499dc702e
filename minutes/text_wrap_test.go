package minutes

import (
	"regexp"
	"strings"
	"testing"
)

// No line of the plain-text minutes splits a ref or the signature: at
// every offset a ref could fall at the end of a line, it moves to the next
// line whole, and other hyphenated words still break where they must.
func TestTextNeverSplitsSignatureOrRefs(t *testing.T) {
	brokenRef := regexp.MustCompile(`\b(?:A|HS|D|N|M|\[D|\[N)-$`)
	refs := []string{"A-12", "HS-10", "[D-4]", "N-5", "M-7"}
	for _, width := range []int{20, 40, TextWidth} {
		for pad := range width {
			in := strings.Repeat("x", pad) + " see " + strings.Join(refs, " and ") + " and the anti-social-behaviour-tasking group"
			lines := wrapText(in, width)
			for i, l := range lines {
				if brokenRef.MatchString(l) {
					t.Fatalf("width %d, pad %d: line %d splits a ref: %q", width, pad, i+1, lines)
				}
			}
			joined := strings.Join(lines, "\n")
			for _, r := range refs {
				if !strings.Contains(joined, r) {
					t.Fatalf("width %d, pad %d: %s is not whole in %q", width, pad, r, lines)
				}
			}
			if strings.ContainsAny(joined, strings.Join(refGlues, "")) {
				t.Fatalf("a glue was left in %q", lines)
			}
		}
	}
	// A glue the text holds already is left as it was.
	if got := wrapText("x\u2011y A-12", TextWidth); len(got) != 1 || got[0] != "x\u2011y A-12" {
		t.Errorf("text with a non-breaking hyphen: %q", got)
	}
	// Hyphenated words that are not refs still break at their hyphens.
	if got := wrapText(strings.Repeat("x", 14)+" anti-social", 20); len(got) != 2 || got[0] != strings.Repeat("x", 14)+" anti-" {
		t.Errorf("a hyphenated word: %q", got)
	}

	if len(signatureLine) > TextWidth {
		t.Fatalf("the signature is %d columns", len(signatureLine))
	}
	for name, rec := range map[string]func() Doc{
		"fixture": func() Doc { return Build(fixtureRecord()) },
		"rich":    func() Doc { return Build(richRecord()) },
		"public":  func() Doc { return BuildWith(richRecord(), Options{Public: true}) },
	} {
		txt := rec().Text()
		if !strings.Contains(txt, "\n\n"+signatureLine+"\n\n") {
			t.Errorf("%s: the signature is not one line of its own, spaces and all", name)
		}
	}
}

// The wrapper's short cut changes nothing: a line mayHoldRef turns away
// holds no ref.
func TestWrapShortCutsAgreeWithTheLongWay(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u3000b", "café au lait", "x \u2003 y",
		"see A-12 and HS-3", "A-1", "HS-", "-12", "pre-2020 work", "D-4.", "(N-5)", "M-77 then", "LA-1", "a-1", "AB-x", "A-\u0661"} {
		if refPattern().MatchString(s) && !mayHoldRef(s) {
			t.Errorf("mayHoldRef(%q) is false; it holds a ref", s)
		}
	}
	if mayHoldRef("no refs here - none at all, pre-2020") {
		t.Error("mayHoldRef found a ref in a line with none")
	}
}
