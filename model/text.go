package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTextLen is the most characters any one piece of user text may hold. A
// minute, a note or an action is a paragraph, not a document; anything longer
// is almost certainly a paste gone wrong.
const MaxTextLen = 2000

// FieldError is bad input in one named field, so a form can show the message
// next to where it was typed.
type FieldError struct {
	Field   string // "text", "agency", "due", …
	Problem string // a whole sentence for a person
}

func (e *FieldError) Error() string { return e.Problem }

// Invalid makes a FieldError.
func Invalid(field, format string, args ...any) error {
	return &FieldError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// CleanText removes terminal escape and control sequences (CSI, OSC, DCS and
// friends, and bare C0/C1 controls) so text typed or pasted into the tool can
// never move a cursor, retitle a window or hide itself on anyone's screen.
// Invisible format characters (Unicode Cf: bidi controls, zero-width spaces
// and joiners, BOMs inside text, tag characters) are dropped too. Newlines are kept,
// tabs become spaces, \r\n becomes \n, invalid UTF-8 is
// dropped, and the result is trimmed.
func CleanText(s string) string {
	if plainASCII(s) {
		return strings.TrimSpace(s) // nothing to take out: most text
	}
	if cleanAlready(s) {
		return s // text with accents or dashes, already clean: nothing to build
	}
	return cleanRunes(s)
}

// cleanAlready: cleanRunes would give s back unchanged — valid UTF-8
// holding nothing it takes out or turns into something else (controls
// but the newline, format characters, the joiner, line and paragraph
// separators), and no space at either end. Text read back from the
// record was cleaned when it was typed, and the minutes clean every
// piece again, so this is most of what reaches here.
func cleanAlready(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20 || r == utf8.RuneError: // controls; invalid UTF-8 (or a real U+FFFD, the long way)
			return false
		case r < 0x7f:
		case unicode.IsControl(r), r == '\u2028', r == '\u2029', r == '\u200d', unicode.Is(unicode.Cf, r):
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(first) && !unicode.IsSpace(last)
}

// cleanRunes is CleanText the long way, rune by rune.
func cleanRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			i++
			continue
		}
		switch {
		case r == 0x1b: // ESC: skip the whole sequence
			i = skipEscape(s, i+size)
			continue
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
			continue
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r':
			// \r\n → \n; a lone \r is a line break too.
			if i+1 < len(s) && s[i+1] == '\n' {
				break
			}
			b.WriteByte('\n')
		case unicode.IsControl(r):
			// other C0/C1 controls: dropped
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\u200d' && joinsEmoji(b.String(), s[i+size:]):
			// A zero-width joiner between two emoji draws one picture
			// (👨‍👩‍👧): kept. Anywhere else it is invisible and dropped.
			b.WriteRune(r)
		case unicode.Is(unicode.Cf, r):
			// Invisible format characters: bidi embeddings, overrides and
			// isolates (which make text display in a different order from
			// what is stored, "Trojan Source"), zero-width spaces and
			// joiners, word joiners, soft hyphens, a BOM inside text and the
			// invisible "tag" letters. They hide words from a search and
			// from a reviewer's eye, so they are dropped. Right-to-left
			// letters themselves are kept.
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return strings.TrimSpace(b.String())
}

// joinsEmoji: the text before ends with an emoji (perhaps with a skin tone
// or presentation selector) and the text after starts with one.
func joinsEmoji(before, after string) bool {
	prev, _ := utf8.DecodeLastRuneInString(before)
	if prev == '\ufe0f' || (prev >= 0x1f3fb && prev <= 0x1f3ff) {
		p2, _ := utf8.DecodeLastRuneInString(before[:len(before)-utf8.RuneLen(prev)])
		prev = p2
	}
	next, _ := utf8.DecodeRuneInString(after)
	return isEmoji(prev) && isEmoji(next)
}

func isEmoji(r rune) bool {
	// utf8.RuneError is what nothing (the start or end of the text) and a
	// byte that is not UTF-8 decode as, and it is a symbol (So) itself:
	// never a picture to join (a fuzzed "\u200d\x9f" kept a bare joiner).
	return r != utf8.RuneError && (unicode.Is(unicode.So, r) || (r >= 0x1f000 && r <= 0x1faff))
}

// skipEscape returns the index after the escape sequence whose ESC is just
// before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two- or three-byte escapes (ESC c, ESC ( B, ESC 7 …): intermediates
	// 0x20–0x2f then one final byte.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes up to and including the
// final byte (0x40–0x7e).
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			break
		}
		if c < 0x20 || c > 0x7e { // malformed: stop at the junk
			break
		}
	}
	return i
}

// skipString skips an OSC/DCS/SOS/PM/APC body up to BEL or ST (ESC \ or 0x9c).
func skipString(s string, i int) int {
	for i < len(s) {
		if s[i] == 0x07 {
			return i + 1
		}
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
			return i + 2
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == 0x9c {
			return i + size
		}
		i += size
	}
	return i
}

// CheckText cleans s and checks it is present (when required) and at most
// MaxTextLen characters. label names the field in the message ("action text").
func CheckText(field, label, s string, required bool) (string, error) {
	clean := CleanText(s)
	if required && clean == "" {
		return "", Invalid(field, "%s is empty: type something before saving", label)
	}
	if n := utf8.RuneCountInString(clean); n > MaxTextLen {
		return "", Invalid(field, "%s is %d characters; the most is %d", label, n, MaxTextLen)
	}
	return clean, nil
}

// CleanLine is CleanText for one-line places (names, titles, table cells,
// error messages): newlines and runs of spaces fold to single spaces.
func CleanLine(s string) string { return FoldSpaces(CleanText(s)) }

// FoldSpaces is strings.Join(strings.Fields(s), " "): s's words with one
// space between them. Most text is so already, and is given back as it is
// rather than split and joined again (nothing allocated).
func FoldSpaces(s string) string {
	space := true // a space at the start is one too many
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf { // the long way from here: spaces beyond ASCII
			for _, r := range s[i:] {
				if !unicode.IsSpace(r) {
					space = false
				} else if r != ' ' || space {
					return strings.Join(strings.Fields(s), " ")
				} else {
					space = true
				}
			}
			break
		}
		if asciiSpace(c) {
			if c != ' ' || space {
				return strings.Join(strings.Fields(s), " ")
			}
			space = true
		} else {
			space = false
		}
	}
	if space && s != "" { // a space at the end
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// asciiSpace is unicode.IsSpace for a byte below utf8.RuneSelf.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// CheckLine is CheckText for one-line fields (names, titles, places):
// newlines become spaces.
func CheckLine(field, label, s string, required bool, max int) (string, error) {
	clean := CleanLine(s)
	if required && clean == "" {
		return "", Invalid(field, "%s is empty", label)
	}
	if n := utf8.RuneCountInString(clean); n > max {
		return "", Invalid(field, "%s is %d characters; the most is %d", label, n, max)
	}
	return clean, nil
}

// plainASCII: s is printable ASCII and line breaks, which CleanText keeps
// as they are.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 || c > 0x7e) && c != '\n' {
			return false
		}
	}
	return true
}
