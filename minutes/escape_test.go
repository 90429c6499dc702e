package minutes

import (
	"charm.land/glamour/v2"
	"github.com/ccsp/tasking/model"
	"strings"
	"testing"
)

func TestEscapeInline(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text is left legible", "Joint patrols Fri/Sat 20:00–02:00 (weekends)!", "Joint patrols Fri/Sat 20:00–02:00 (weekends)!"},
		{"empty", "", ""},
		{"pipe cannot split a table cell", "a | b", `a \| b`},
		{"raw HTML stays text", "<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"no link, javascript or otherwise", "[x](javascript:alert(1))", `\[x\](javascript:alert(1))`},
		{"no image", "![x](a.png)", `!\[x\](a.png)`},
		{"no autolink", "<http://example.org>", `\<http://example.org\>`},
		{"no heading", "# Heading", `\# Heading`},
		{"no closing heading sequence", "Town centre ##", `Town centre \#\#`},
		{"no bullet", "- item", `\- item`},
		{"no plus bullet", "+ item", `\+ item`},
		{"no ordered list", "1. item", `1\. item`},
		{"no ordered list with paren", "12) item", `12\) item`},
		{"a number alone is fine", "2026 figures", "2026 figures"},
		{"no setext underline", "===", "&#61;=="},
		{"no thematic break", "---", `\---`},
		{"no quote", "> quoted", `\> quoted`},
		{"no definition", ": term", "&#58; term"},
		{"no emphasis", "**bold** _em_ *it*", `\*\*bold\*\* \_em\_ \*it\*`},
		{"no code", "`code` ```fence", "\\`code\\` \\`\\`\\`fence"},
		{"no strikethrough", "~~gone~~ ~20 ~~~", "&#126;&#126;gone&#126;&#126; &#126;20 &#126;&#126;&#126;"},
		{"no attribute list", "Title {#id onclick=x}", `Title \{\#id onclick=x}`},
		{"backslash is literal", `C:\temp\`, `C:\\temp\\`},
		{"ampersand in prose is left alone", "Fire & Rescue", "Fire & Rescue"},
		{"entities stay literal", "&lt;b&gt; &#60; &amp &copy", `&amp;lt;b&amp;gt; &amp;\#60; &amp;amp &amp;copy`},
		{"mid-line dash and colon are fine", "A-104: due 27 Nov - done", "A-104: due 27 Nov - done"},
		{"newlines fold so a cell stays one row", "line one\nline two\r\nthree", "line one line two three"},
		{"runs of space fold", "  spaced \t  out  ", "spaced out"},
		{"terminal escapes are removed", "\x1b[31mred\x1b[0m \x1b]0;title\x07ok", "red ok"},
		{"bare controls are removed", "a\x00b\x07c\u0085d", "abcd"},
		{"unicode is untouched", "Café – “quoted” ✓", "Café – “quoted” ✓"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := escapeInline(tt.in)
			if got != tt.want {
				t.Errorf("escapeInline(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			// And a Markdown reader shows exactly the (cleaned) text, with no
			// markup: in HTML, and in the terminal preview.
			if want := line(tt.in); want != "" {
				if html, exp := toHTML(t, got), "<p>"+htmlText(want)+"</p>\n"; html != exp {
					t.Errorf("rendered %q\n got %q\nwant %q", got, html, exp)
				}
				if term := inTerminal(t, got); term != want {
					t.Errorf("glamour shows %q as\n %q\nwant %q", got, term, want)
				}
			}
		})
	}
}

func TestEscapeText(t *testing.T) {
	tests := []struct {
		name, in, indent, want string
	}{
		{"one line", "Groups of 15–20 at the bus station.", "", "Groups of 15–20 at the bus station."},
		{"lines become hard breaks", "one\ntwo", "", "one\\\ntwo"},
		{"blank lines do not end the block", "one\n\n\ntwo", "", "one\\\ntwo"},
		{"block starts on later lines are escaped", "one\n# two\n- three\n1. four\n> five\n---\n| a | b |", "",
			"one\\\n\\# two\\\n\\- three\\\n1\\. four\\\n\\> five\\\n\\---\\\n\\| a \\| b \\|"},
		{"indentation cannot make code", "intro\n    code()", "", "intro\\\ncode()"},
		{"continuation lines are indented for list items", "a\nb", "  ", "a\\\n  b"},
		{"trailing backslash stays literal before a break", "a\\\nb", "", "a\\\\  \nb"},
		{"escapes inside lines", "<b>x</b>\n[y](javascript:z)", "", "\\<b\\>x\\</b\\>\\\n\\[y\\](javascript:z)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := escapeText(tt.in, tt.indent)
			if got != tt.want {
				t.Errorf("escapeText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if tt.indent != "" {
				return
			}
			var lines []string
			for _, l := range strings.Split(tt.in, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					lines = append(lines, htmlText(l))
				}
			}
			if html, exp := toHTML(t, got), "<p>"+strings.Join(lines, "<br>\n")+"</p>\n"; html != exp {
				t.Errorf("rendered %q\n got %q\nwant %q", got, html, exp)
			}
			if term, want := inTerminal(t, got), strings.Join(strings.Fields(model.CleanText(tt.in)), " "); term != want {
				t.Errorf("glamour shows %q as\n %q\nwant %q", got, term, want)
			}
		})
	}
}

// FuzzEscapeInline: whatever is typed, a Markdown reader (goldmark's HTML,
// glamour in the terminal) shows exactly that text in one paragraph and
// nothing else. (`go test -fuzz FuzzEscapeInline ./minutes/`)
func FuzzEscapeInline(f *testing.F) {
	for _, s := range []string{"a | b", "<script>x</script>", "[x](javascript:y)", "1. x", "- x", "===", "*_`~#>{", "&amp;", `\`, "![a](b)", "x\n---"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := line(s)
		if want == "" || strings.Contains(want, "www.") || strings.Contains(want, "://") || strings.Contains(want, "@") {
			return // nothing to show, or a URL or address that GFM's autolinker links (safely) on purpose
		}
		got := escapeInline(s)
		if html, exp := toHTML(t, got), "<p>"+htmlText(want)+"</p>\n"; html != exp {
			t.Errorf("escapeInline(%q) = %q renders\n %q\nwant %q", s, got, html, exp)
		}
		if term := inTerminal(t, got); term != want {
			t.Errorf("escapeInline(%q) = %q shows in the terminal as\n %q\nwant %q", s, got, term, want)
		}
	})
}

// FuzzNeedsEscape: a line escapeLine leaves alone is one its long way
// would not have changed (`go test -fuzz FuzzNeedsEscape ./minutes/`).
func FuzzNeedsEscape(f *testing.F) {
	for _, s := range []string{"Town centre", "12. x", "12 x", "-x", "x-y", "a & b", "a &b", "~", "£5 – 10", "=", ":x", "x:", "1)", "123"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := strings.Trim(line(s), " ")
		if all := escapeLineAll(l); needsEscape(l) == (all == l) {
			t.Errorf("needsEscape(%q) = %v, but the long way gives %q", l, needsEscape(l), all)
		}
	})
}

// htmlText is text as goldmark's HTML renderer escapes it.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// FuzzEscapeText: multi-line text reads back line for line, each a hard
// break, in one paragraph. (`go test -fuzz FuzzEscapeText`)
func FuzzEscapeText(f *testing.F) {
	for _, s := range []string{"a\nb", "a\\\nb", "x\n\n# y", "1. a\n2) b", "- a\n  - b", "a  \nb", "```\ncode\n```", "<div>\nx\n</div>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var lines []string
		for _, l := range strings.Split(model.CleanText(s), "\n") {
			if l = strings.Trim(l, " "); l != "" {
				lines = append(lines, htmlText(l))
			}
		}
		joined := strings.Join(lines, "\n")
		if len(lines) == 0 || strings.Contains(joined, "www.") || strings.Contains(joined, "://") || strings.Contains(joined, "@") {
			return
		}
		got := escapeText(s, "")
		if html, exp := toHTML(t, got), "<p>"+strings.Join(lines, "<br>\n")+"</p>\n"; html != exp {
			t.Errorf("escapeText(%q) = %q renders\n %q\nwant %q", s, got, html, exp)
		}
	})
}

// inTerminal is what the TUI's preview (glamour, without colour) shows for
// md, with its margins and line wrapping folded away.
func inTerminal(t *testing.T, md string) string {
	t.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(0))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(out), " ")
}
