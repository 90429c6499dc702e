// Package cellwidth measures text as a terminal lays it out, fast: nearly
// everything the app draws and the minutes print is ASCII, Latin letters,
// dashes, quotes, arrows, box drawing and simple shapes, each one cell
// wide, and those are counted directly (escape sequences skipped).
// Anything else (emoji, CJK, combining marks) goes to ansi.StringWidth,
// which segments graphemes properly but costs ten times as much: measuring
// every line that way was most of a keypress's cost, and half the time of
// the plain-text minutes.
package cellwidth

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Of is the display width of a (possibly styled) string: always what
// ansi.StringWidth says (TestOfIsStringWidth), sooner.
func Of(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b { // ESC: CSI … final byte, or OSC … BEL/ST
			j := i + 1
			if j < len(s) && s[j] == '[' {
				for j++; j < len(s) && (s[j] < 0x40 || s[j] > 0x7e); j++ {
				}
				i = j + 1
				continue
			}
			return ansi.StringWidth(s)
		}
		if c < 0x80 {
			if c >= 0x20 && c != 0x7f {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !Narrow(r) {
			return ansi.StringWidth(s)
		}
		n++
		i += size
	}
	return n
}

// Narrow: runes that are one cell wide and never combine with neighbours.
func Narrow(r rune) bool {
	switch {
	case r == 0xad || r == 0x25fd || r == 0x25fe: // soft hyphen (0 cells); two emoji squares (2 cells)
		return false
	case r >= 0xa0 && r <= 0x2ff: // Latin-1 supplement, Latin extended, IPA, spacing modifiers
		return true
	case r >= 0x2010 && r <= 0x2027: // dashes, quotes, bullet, ellipsis
		return true
	case r >= 0x2190 && r <= 0x21ff: // arrows
		return true
	case r >= 0x2200 && r <= 0x22ff: // mathematical operators: the minus sign of a falling trend (−24%)
		return true
	case r >= 0x2500 && r <= 0x25ff: // box drawing, blocks, geometric shapes
		return true
	case r == 0x2605 || r == 0x2691 || r == 0x2713 || r == 0x2717: // ★ ⚑ ✓ ✗
		return true
	}
	return false
}
