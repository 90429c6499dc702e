package minutes

import (
	"strings"

	"github.com/ccsp/tasking/model"
)

// Markdown escaping.
//
// Everything people typed (notes, actions, names, places) must read in the
// minutes exactly as typed and never become markup: no heading, list, quote,
// code, table break, raw HTML, or link (a "javascript:" one least of all).
// We escape the characters that can open markup anywhere in a line, and the
// few that only do so at the start of one. We do not escape every punctuation
// mark: the .md file is read as it is too, and "Fri/Sat 20:00–02:00" should
// stay legible.
//
// Two readers matter: CommonMark ones (goldmark, GitHub, pandoc), which
// resolve a backslash before any ASCII punctuation, and glamour (Charm's terminal
// renderer: glow, a terminal reader), which resolves entities and then only a fixed list of backslash
// escapes. So a character on glamour's list gets a backslash, and one off
// it (~ & = :) becomes a character reference, which both read as plain text
// and which never counts as markup.

// backslashed can open markup anywhere in a line: \ escapes, ` code, * _
// emphasis, [ ] links and images (so "![" and "[x](javascript:…)" are plain
// text), < > raw HTML, autolinks and quotes, # headings (and closing "##"
// sequences), | table cells, { attribute lists.
const backslashed = "\\`*_[]<>#|{"

// escapeInline makes s safe for a one-line place: a heading, a table cell,
// a list item, a phrase inside a sentence. Control sequences are removed and
// newlines and runs of spaces fold into one space, so a cell cannot break
// its table.
func escapeInline(s string) string {
	return escapeLine(line(s))
}

// escapeText makes s safe as the body of a paragraph or list item, keeping
// its line breaks as Markdown hard breaks. Blank lines are dropped so the
// text stays one block wherever it is put; indent starts each continuation
// line (a list item's continuation must be indented to stay in the item).
func escapeText(s, indent string) string {
	var b strings.Builder
	prev := ""
	for _, l := range strings.Split(model.CleanText(s), "\n") {
		// Leading spaces would make indented code or a nested block.
		if l = strings.Trim(l, " "); l == "" {
			continue
		}
		if prev != "" {
			b.WriteString(hardBreak(prev) + indent)
		}
		prev = escapeLine(l)
		b.WriteString(prev)
	}
	return b.String()
}

// hardBreak is the Markdown line break to put after an escaped line: a
// backslash, which (unlike two trailing spaces) an editor will not strip.
// After a line ending in an escaped backslash ("\\"), goldmark (and so
// glamour) does not take one more backslash as a break, so there it is two
// spaces.
func hardBreak(escapedLine string) string {
	if strings.HasSuffix(escapedLine, `\\`) {
		return "  \n"
	}
	return "\\\n"
}

// escapeLine escapes one line of clean text (no newlines, no leading space).
func escapeLine(l string) string {
	if !needsEscape(l) {
		return l // most names, refs and dates: nothing to build
	}
	return escapeLineAll(l)
}

// escapeLineAll is escapeLine the long way, building the escaped line.
func escapeLineAll(l string) string {
	var b strings.Builder
	b.Grow(len(l) + len(l)/8 + 8)
	i := 0
	// Block starts that are harmless mid-line.
	switch n := leadingDigits(l); {
	case n > 0 && n < len(l) && (l[n] == '.' || l[n] == ')'):
		// "1." and "1)" open an ordered list.
		b.WriteString(l[:n] + `\` + l[n:n+1])
		i = n + 1
	case l != "" && (l[0] == '-' || l[0] == '+'):
		// bullets, thematic breaks ("---") and setext underlines
		b.WriteString(`\` + l[:1])
		i = 1
	case l != "" && l[0] == '=':
		b.WriteString("&#61;") // a setext underline ("===")
		i = 1
	case l != "" && l[0] == ':':
		b.WriteString("&#58;") // a definition (glamour enables definition lists)
		i = 1
	}
	// Byte by byte is safe: every special is ASCII, and no byte of a
	// multi-byte UTF-8 sequence is below 0x80.
	for ; i < len(l); i++ {
		switch c := l[i]; {
		case strings.IndexByte(backslashed, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '~':
			b.WriteString("&#126;") // strikethrough, and "~~~" fences
		case c == '&' && i+1 < len(l) && entityStart(l[i+1]):
			b.WriteString("&amp;") // so "&lt;" (or glamour's "&copy") stays as typed
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// needsEscape: escapeLine would change l (it is kept in step with the
// cases there).
func needsEscape(l string) bool {
	if l == "" {
		return false
	}
	if n := leadingDigits(l); n > 0 && n < len(l) && (l[n] == '.' || l[n] == ')') {
		return true
	}
	switch l[0] {
	case '-', '+', '=', ':':
		return true
	}
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case strings.IndexByte(backslashed, c) >= 0, c == '~':
			return true
		case c == '&' && i+1 < len(l) && entityStart(l[i+1]):
			return true
		}
	}
	return false
}

// entityStart: "&" followed by this could be an entity ("&lt;", "&#60;")
// that a renderer would decode; "Fire & Rescue" is left alone.
func entityStart(c byte) bool {
	return c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
