package minutes

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// evil is text nobody should type but someone will paste: HTML, a
// javascript: link and image, a table pipe, terminal escapes, Markdown of
// every kind, an entity, right-to-left text, emoji with a skin tone and a
// ZWJ family, a combining mark, a very long word, and line breaks that try
// to start blocks of their own.
var evil = "<script>alert(1)</script> [x](javascript:alert(1)) ![i](javascript:alert(2)) a | b " +
	"\x1b[31mred\x1b[0m\x1b]0;title\x07 **bold** _em_ `code` ~~del~~ <b>b</b> &lt;ent&gt; {#id} \\ " +
	rtl + " " + thumbs + " " + family + " " + combining + " " +
	strings.Repeat("W", 500) +
	"\n# heading\n- item\n1. item\n> quote\n---\n| c | d |\n    indented\n```\nfence\n<div>block</div>"

// Text that is wider, or narrower, than it looks in bytes.
const (
	rtl       = "שלום עולם"              // right-to-left
	thumbs    = "👍🏽"                     // emoji with a skin tone: one cluster, two columns
	family    = "👨\u200d👩\u200d👧\u200d👦" // a ZWJ family: one cluster, two columns
	combining = "Cafe\u0301 e\u0301"     // combining acute accents
)

// hostileRecord is the fixture with evil text in every field a person types.
func hostileRecord(evil string) model.MeetingRecord {
	rec := fixtureRecord()
	bad := func(field string) string { return field + " " + evil }
	rec.Partnership.Name = bad("partnership")
	rec.Partnership.MeetingTitle = bad("title")
	rec.Partnership.ConfidentialityStatement = bad("statement")
	rec.Meeting.Place = bad("place")
	rec.Meeting.NextPlace = bad("next place")
	rec.Meeting.Guests = []model.Guest{{Name: bad("guest"), Agency: bad("guest org")}}
	rec.Meeting.Declarations[0].Name = bad("declarer")
	rec.Meeting.Declarations[0].Text = bad("declaration")
	for i := range rec.Agencies {
		rec.Agencies[i].Name = bad("agency")
		rec.Agencies[i].ShortName = bad("short")
	}
	for i := range rec.Members {
		rec.Members[i].Name = bad("member")
		rec.Members[i].Title = bad("job")
	}
	for i := range rec.Hotspots {
		rec.Hotspots[i].Title = bad("hotspot")
		rec.Hotspots[i].Ward = bad("ward")
	}
	for i := range rec.Actions {
		rec.Actions[i].Text = bad("action")
		rec.Actions[i].Officer = bad("officer")
	}
	for i := range rec.Updates {
		rec.Updates[i].Text = bad("update")
	}
	for i := range rec.Decisions {
		rec.Decisions[i].Text = bad("decision")
	}
	for i := range rec.Notes {
		rec.Notes[i].Text = bad("note")
	}
	return rec
}

func TestHostileTextStaysText(t *testing.T) {
	rec := hostileRecord(evil)
	md := Markdown(rec)
	if strings.ContainsAny(md, "\x1b\x07") {
		t.Error("terminal control characters reached the minutes")
	}

	// The structure survives: same headings, tables as wide and as long as
	// the record says (checkStructure counts the raw table rows' pipes too).
	p := checkStructure(t, rec, md)

	// Nothing typed became markup: the only nodes are the ones the minutes
	// write themselves.
	doc := Build(rec)
	allowedEmphasis := map[string]bool{
		line(doc.MeetingTitle + " (" + doc.Kind + ")"): true,
		resolvedLabel: true, restrictedClassification: true, publicClassification: true, draftNotice: true,
	}
	for _, g := range doc.Present {
		allowedEmphasis[g.Agency+":"] = true
	}
	// Marks are the model's words, in italics before what they mark.
	for _, it := range doc.Items {
		for _, d := range it.Declarations {
			allowedEmphasis[d.Name+":"] = true
			allowedEmphasis[d.Mark] = d.Mark != ""
		}
		for _, n := range it.Notes {
			allowedEmphasis[n.Mark] = n.Mark != ""
		}
		for _, r := range it.Resolutions {
			allowedEmphasis[r.Mark] = r.Mark != ""
		}
	}
	// The confidentiality statement is the one italic paragraph we write
	// around typed text; what is inside it is still checked.
	statementStart := []rune(line(doc.ConfidentialityStatement))[:20]
	quotes, statements := 0, 0
	_ = ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.Image, *ast.AutoLink, *ast.RawHTML, *ast.HTMLBlock, *ast.CodeSpan, *ast.CodeBlock,
			*ast.FencedCodeBlock, *ast.ThematicBreak, *extast.Strikethrough, *extast.TaskCheckBox:
			t.Errorf("typed text became a %s: %q", n.Kind(), plain(n, p.src))
		case *ast.Emphasis:
			if s := plain(n, p.src); statements == 0 && strings.HasPrefix(s, string(statementStart)) {
				statements++
				return ast.WalkContinue, nil
			}
			if s := plain(n, p.src); !allowedEmphasis[s] {
				t.Errorf("typed text became emphasis: %q", s)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Blockquote:
			quotes++
		case *ast.List:
			if n.IsOrdered() {
				t.Error("typed text became an ordered list")
			}
		}
		return ast.WalkContinue, nil
	})
	if quotes != 0 || statements != 1 {
		t.Errorf("%d block quotes and %d italic statements, want 0 and 1 (the confidentiality statement)", quotes, statements)
	}

	// A reader's HTML has no script, no javascript: link, no raw HTML at all.
	html := toHTML(t, md)
	for _, bad := range []string{"<script", "<b>", "<div", "<img", "<code", "<del", "<hr", "<ol", "raw HTML omitted"} {
		if strings.Contains(html, bad) {
			t.Errorf("the HTML contains %q", bad)
		}
	}
	if regexp.MustCompile(`(?i)(href|src)\s*=\s*"?\s*javascript:`).MatchString(html) {
		t.Error("the HTML has a javascript: link")
	}

	// And the text reads back as typed (cleaned, one line in a cell).
	clean := line(evil)
	item := p.sectionNamed(t, ". HS-1 ")
	if r := item.row(t, "A-4"); r[1] != "action "+clean || r[2] != "short "+clean+" (officer "+clean+")" {
		t.Errorf("action row reads back as %q", r)
	}
	if !strings.Contains(item.text, "RESOLVED – decision "+clean) {
		t.Errorf("the resolution does not read back as typed:\n%s", item.text)
	}
	matters := p.sectionNamed(t, "Matters arising")
	if r := matters.row(t, "A-2"); r[5] != "due 17 Nov → 01 Dec: update "+clean {
		t.Errorf("matters arising update reads back as %q", r[5])
	}
}
