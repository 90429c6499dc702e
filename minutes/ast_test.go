package minutes

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	gmtext "github.com/yuin/goldmark/text"
)

// The tests read the minutes back the way a reader's tool would: goldmark
// with the GFM extensions (tables, strikethrough, autolinks, task lists) and
// its default, safe HTML renderer (raw HTML is omitted, not passed through).
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// mdTable is a GFM table as parsed: header cells and body rows, as plain text.
type mdTable struct {
	header []string
	rows   [][]string
}

// section is everything under one heading, up to the next heading.
type section struct {
	level   int
	heading string
	text    string // plain text of the section's blocks, one line per block
	tables  []mdTable
	nodes   []ast.Node
}

// parsed is a Markdown document read back into sections. The blocks before
// the first heading (the classification) are the preamble.
type parsed struct {
	src      []byte
	root     ast.Node
	preamble section
	sections []section
}

func parse(t *testing.T, md string) parsed {
	t.Helper()
	src := []byte(md)
	root := gfm.Parser().Parse(gmtext.NewReader(src))
	p := parsed{src: src, root: root}
	var cur *section
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			p.sections = append(p.sections, section{level: h.Level, heading: plain(h, src)})
			cur = &p.sections[len(p.sections)-1]
			continue
		}
		if cur == nil {
			cur = &p.preamble
		}
		cur.nodes = append(cur.nodes, n)
		if tb, ok := n.(*extast.Table); ok {
			cur.tables = append(cur.tables, readTable(tb, src))
		}
		cur.text += plain(n, src) + "\n"
	}
	return p
}

func readTable(tb *extast.Table, src []byte) mdTable {
	var out mdTable
	for r := tb.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, plain(c, src))
		}
		if _, ok := r.(*extast.TableHeader); ok {
			out.header = cells
		} else {
			out.rows = append(out.rows, cells)
		}
	}
	return out
}

// plain is the text a reader sees in n: text segments with their backslash
// escapes resolved, line breaks as spaces.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(unescape(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML, *ast.HTMLBlock, *ast.CodeSpan, *ast.AutoLink:
			// Not plain text: a test that cares looks for these nodes itself.
			b.WriteString("\uFFFD")
			return ast.WalkSkipChildren, nil
		}
		if c != n && c.Type() == ast.TypeBlock && c.PreviousSibling() != nil {
			b.WriteByte(' ')
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// unescape resolves CommonMark backslash escapes (any ASCII punctuation) and
// entity references, in one pass as a CommonMark reader does.
func unescape(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i++
		case s[i] == '&':
			if m := entity.Find(s[i:]); m != nil {
				out = append(out, html.UnescapeString(string(m))...)
				i += len(m) - 1
				continue
			}
		}
		out = append(out, s[i])
	}
	return out
}

var entity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// toHTML renders Markdown the way a reader's tool would, safely.
func toHTML(t *testing.T, md string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := gfm.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
