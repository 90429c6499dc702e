package minutes

import (
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Hostile text in every field a person types, through every format and both
// versions: it stays text, the structure holds, and it reads back as typed
// (cleaned of control sequences).
func TestHostileEveryFormat(t *testing.T) {
	rec := hostileRecord(evil)
	clean := line(evil)
	for _, public := range []bool{false, true} {
		t.Run("public="+strconv.FormatBool(public), func(t *testing.T) {
			doc := BuildWith(rec, Options{Public: public})

			t.Run("html", func(t *testing.T) {
				src := doc.HTML()
				checkHTML(t, doc, src) // no script, no URL attributes, only text and tables
				if strings.Contains(strings.ToLower(src), "<script") {
					t.Error("the HTML has a script element")
				}
				if regexp.MustCompile(`(?i)(href|src)\s*=`).MatchString(src) {
					t.Error("the HTML has a link or a source")
				}
				for _, want := range []string{
					"&lt;script&gt;alert(1)&lt;/script&gt;", "[x](javascript:alert(1))", "a | b", "&lt;b&gt;b&lt;/b&gt;",
					"&amp;lt;ent&amp;gt;", rtl, thumbs, family, combining, strings.Repeat("W", 500),
				} {
					if !strings.Contains(src, want) {
						t.Errorf("the HTML does not hold %q as text", want)
					}
				}
				// Every cell reads back as the cleaned text.
				if want := html.EscapeString("action " + clean); !strings.Contains(src, "<td>"+want+"</td>") {
					t.Errorf("no cell holds the action text as typed")
				}
			})

			t.Run("markdown", func(t *testing.T) {
				md := doc.Markdown()
				if strings.ContainsAny(md, "\x1b\x07") {
					t.Error("control characters reached the Markdown")
				}
				checkRawTables(t, md)
				p := parse(t, md)
				tables := 0
				_ = ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
					if !entering {
						return ast.WalkContinue, nil
					}
					switch n := n.(type) {
					case *ast.Link, *ast.Image, *ast.AutoLink, *ast.RawHTML, *ast.HTMLBlock, *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock:
						t.Errorf("typed text became a %s", n.Kind())
					case *extast.Table:
						tables++
						tb := readTable(n, p.src)
						for _, r := range tb.rows {
							if len(r) != len(tb.header) {
								t.Errorf("a row of %d cells under a header of %d: %q", len(r), len(tb.header), r)
							}
						}
					}
					return ast.WalkContinue, nil
				})
				if tables == 0 {
					t.Error("no tables: the test proves nothing")
				}
				if h := toHTML(t, md); strings.Contains(h, "<script") || strings.Contains(h, "<a ") || strings.Contains(h, "javascript:alert(1)\"") {
					t.Error("the Markdown renders to a script or a link")
				}
				log := p.sectionNamed(t, "Action log")
				if r := log.row(t, "A-1"); r[2] != "action "+clean {
					t.Errorf("the action log's text cell reads back as %q", r[2])
				}
			})

			t.Run("text", func(t *testing.T) {
				txt := doc.Text()
				checkText(t, doc, txt) // ≤ 72 columns, no control characters
				flat := strings.ReplaceAll(strings.ReplaceAll(txt, "\n", ""), " ", "")
				for _, want := range []string{"<script>alert(1)</script>", rtl, thumbs, family, combining, strings.Repeat("W", 500)} {
					if !strings.Contains(flat, strings.ReplaceAll(want, " ", "")) {
						t.Errorf("the text lost %q", want)
					}
				}
			})

			t.Run("docx", func(t *testing.T) {
				b, err := doc.DOCX()
				if err != nil {
					t.Fatal(err)
				}
				trees := docxTree(t, b) // every part well-formed, in schema order
				for name, data := range docxParts(t, b) {
					if strings.ContainsAny(string(data), "\x1b\x07") || strings.Contains(string(data), "<script") {
						t.Errorf("%s holds control characters or a raw <script", name)
					}
				}
				text := docxText(t, b)
				for _, want := range []string{"<script>alert(1)</script>", "[x](javascript:alert(1))", "a | b", "<b>b</b>",
					"&lt;ent&gt;", rtl, thumbs, family, combining, strings.Repeat("W", 500)} {
					if !strings.Contains(text, want) {
						t.Errorf("the DOCX does not hold %q as text", want)
					}
				}
				// Every cell reads back as the cleaned text, in a table
				// whose rows are as wide as its header.
				cells := map[string]bool{}
				for _, tbl := range trees["word/document.xml"].all("w:tbl") {
					rows := tbl.all("w:tr")
					for _, tr := range rows {
						if n := len(tr.all("w:tc")); n != len(rows[0].all("w:tc")) {
							t.Errorf("a row of %d cells under a header of %d", n, len(rows[0].all("w:tc")))
						}
						for _, tc := range tr.all("w:tc") {
							cells[tc.plain()] = true
						}
					}
				}
				if !cells["action "+clean] {
					t.Error("no cell holds the action text as typed")
				}
				if !strings.Contains(text, "partnership "+clean) {
					t.Error("the partnership's name does not read back as typed")
				}
			})

			t.Run("json", func(t *testing.T) {
				b, err := doc.JSON()
				if err != nil {
					t.Fatal(err)
				}
				validate(t, compileSchema(t), b)
				var back Doc
				if err := json.Unmarshal(b, &back); err != nil {
					t.Fatal(err)
				}
				if back.Partnership != "partnership "+clean {
					t.Errorf("partnership reads back as %q", back.Partnership)
				}
				if got := back.ActionLog[0].Text; !strings.HasPrefix(got, "action ") || got != text("action "+evil) {
					t.Errorf("an action's text reads back as %q", got)
				}
				if strings.ContainsAny(string(b), "\x1b\x07") || strings.Contains(string(b), "<script") {
					t.Error("the JSON holds control characters or a raw <script")
				}
			})
		})
	}
}
