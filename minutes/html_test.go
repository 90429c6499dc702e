package minutes

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/internal/longtest"
	"github.com/ccsp/tasking/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The elements and attributes the minutes' HTML may have: a document, text
// and tables. No script, style sheet link, image, form, frame, or anything
// that fetches or runs something; no event handler or URL attribute.
var (
	htmlElements = map[atom.Atom]bool{
		atom.Html: true, atom.Head: true, atom.Meta: true, atom.Title: true, atom.Style: true, atom.Body: true,
		atom.H1: true, atom.H2: true, atom.P: true, atom.Strong: true, atom.Em: true, atom.Span: true, atom.Br: true,
		atom.Ul: true, atom.Li: true, atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tr: true, atom.Th: true, atom.Td: true,
		atom.Colgroup: true, atom.Col: true,
	}
	// Presentation attributes (border, widths, nowrap) are there for Word and
	// LibreOffice, which ignore much of the style sheet.
	htmlAttributes = map[string]bool{"lang": true, "charset": true, "name": true, "content": true, "class": true, "id": true, "scope": true,
		"border": true, "cellspacing": true, "cellpadding": true, "width": true, "nowrap": true}
)

// checkHTML parses the minutes' HTML as a browser would and checks that it
// is one self-contained document: the doctype and UTF-8 first, one inline
// style sheet with the print rules, only the allowed elements and
// attributes, every table with a header row and body rows as wide as it,
// and the classification as the first and the last thing in the body. It
// returns the document's visible text.
func checkHTML(t *testing.T, doc Doc, src string) string {
	t.Helper()
	if !strings.HasPrefix(src, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">") {
		t.Errorf("the HTML does not start with its doctype and charset: %.80q", src)
	}
	if strings.ContainsAny(src, "\x1b\x07\u009b") {
		t.Error("control characters reached the HTML")
	}
	lower := strings.ToLower(src)
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "<embed", "url(", "@import", "href=", "src=", " on"} {
		if bad == " on" {
			if regexp.MustCompile(`<[^>]*\son[a-z]+\s*=`).MatchString(lower) {
				t.Error("the HTML has an event handler attribute")
			}
			continue
		}
		if strings.Contains(lower, bad) {
			t.Errorf("the HTML contains %q", bad)
		}
	}
	for _, rule := range []string{
		"size: A4;", `@top-center { content: "` + doc.Classification + `"`, `@bottom-left { content: "` + doc.Classification + `"`,
		`@bottom-right { content: "Page " counter(page) " of " counter(pages)`, "thead { display: table-header-group; }",
		"tr, td, th { break-inside: avoid; page-break-inside: avoid; }", "break-after: avoid", "overflow-wrap: anywhere",
	} {
		if !strings.Contains(src, rule) {
			t.Errorf("the style sheet lacks %q", rule)
		}
	}

	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	styles := 0
	var body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if n.Namespace == "svg" {
				checkSVG(t, n)
				return // its text is its label, not the minutes'
			}
			if !htmlElements[n.DataAtom] {
				t.Errorf("the HTML has a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				if !htmlAttributes[a.Key] {
					t.Errorf("<%s> has a %s attribute", n.Data, a.Key)
				}
				if strings.Contains(strings.ToLower(a.Val), "javascript:") || strings.ContainsAny(a.Val, "<>\"") {
					t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
				}
			}
			switch n.DataAtom {
			case atom.Style:
				styles++
			case atom.Body:
				body = n
			case atom.Table:
				checkHTMLTable(t, n)
			case atom.Br, atom.P, atom.Li, atom.Tr, atom.H1, atom.H2:
				text.WriteString("\n")
			case atom.Td, atom.Th:
				text.WriteString(" | ")
			}
		case html.TextNode:
			if n.Parent != nil && (n.Parent.DataAtom == atom.Style || n.Parent.DataAtom == atom.Title) {
				return
			}
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if styles != 1 {
		t.Errorf("%d style elements, want 1", styles)
	}
	if body == nil {
		t.Fatal("no body")
	}
	var blocks []*html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			blocks = append(blocks, c)
		}
	}
	for _, b := range []*html.Node{blocks[0], blocks[len(blocks)-1]} {
		if got := textOf(b); got != doc.Classification {
			t.Errorf("the body starts or ends with %q, want the classification %q", got, doc.Classification)
		}
	}
	return text.String()
}

// A sparkline is an <svg> of <rect>s and nothing else: numbers for its
// geometry, the text's colour, a label in words; no link, image, script,
// style or anything that names another resource.
var (
	svgAttributes  = map[string]bool{"class": true, "width": true, "height": true, "viewBox": true, "role": true, "aria-label": true, "fill": true}
	rectAttributes = map[string]bool{"x": true, "y": true, "width": true, "height": true}
	svgNumber      = regexp.MustCompile(`^[0-9]+( [0-9]+)*$`)
)

func checkSVG(t *testing.T, n *html.Node) {
	t.Helper()
	if n.Data != "svg" || n.Parent == nil || n.Parent.Namespace == "svg" {
		t.Errorf("an svg element <%s> outside a sparkline", n.Data)
		return
	}
	attrs := map[string]string{}
	for _, a := range n.Attr {
		attrs[a.Key] = a.Val
		if !svgAttributes[a.Key] || a.Namespace != "" {
			t.Errorf("<svg> has a %s attribute", a.Key)
		}
	}
	if attrs["role"] != "img" || attrs["fill"] != "currentColor" || !strings.HasPrefix(attrs["aria-label"], "Incidents by month: ") ||
		!svgNumber.MatchString(attrs["viewBox"]) || !svgNumber.MatchString(attrs["width"]) || !svgNumber.MatchString(attrs["height"]) {
		t.Errorf("<svg %v>", attrs)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data != "rect" || c.FirstChild != nil {
			t.Errorf("a sparkline holds %q (type %d)", c.Data, c.Type)
			continue
		}
		for _, a := range c.Attr {
			if !rectAttributes[a.Key] || !svgNumber.MatchString(a.Val) {
				t.Errorf("<rect %s=%q>", a.Key, a.Val)
			}
		}
	}
}

func checkHTMLTable(t *testing.T, table *html.Node) {
	t.Helper()
	var head, body *html.Node
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Thead:
			head = c
		case atom.Tbody:
			body = c
		}
	}
	if head == nil || body == nil {
		t.Error("a table without thead and tbody")
		return
	}
	width := -1
	for _, part := range []*html.Node{head, body} {
		for tr := part.FirstChild; tr != nil; tr = tr.NextSibling {
			if tr.DataAtom != atom.Tr {
				continue
			}
			n := 0
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
					n++
				}
			}
			if width < 0 {
				width = n
			} else if n != width {
				t.Errorf("a table row has %d cells, its header %d: %q", n, width, textOf(tr))
			}
		}
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// squash folds runs of white space to one space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestHTMLDocument(t *testing.T) {
	s := openDemo(t)
	demoRec := lastClosed(t, s)
	for name, rec := range map[string]model.MeetingRecord{"fixture": fixtureRecord(), "rich": richRecord(), "demo": demoRec} {
		for _, public := range []bool{false, true} {
			t.Run(name+"/"+strconv.FormatBool(public), func(t *testing.T) {
				doc := BuildWith(rec, Options{Public: public})
				text := squash(checkHTML(t, doc, doc.HTML()))
				// What the minutes say is in the page, in order.
				want := []string{doc.Classification, doc.Partnership, squash(heldOn(doc)), squash(statusSentence(doc))}
				if public {
					want = append(want, doc.PrivateNotice)
				}
				want = append(want, "Present")
				for _, it := range doc.Items {
					want = append(want, squash(itemHeading(it)))
					for _, r := range it.Resolutions {
						want = append(want, "RESOLVED – "+squash(r.Text))
					}
				}
				want = append(want, actionLogTitle, doc.Classification)
				at := 0
				for _, w := range want {
					i := strings.Index(text[at:], w)
					if i < 0 {
						t.Fatalf("the page does not say %q (after position %d):\n%s", w, at, text)
					}
					at += i + len(w)
				}
			})
		}
	}
}

// The HTML prints to PDF in headless Chromium (Debian's chromium; .ci/run
// installs it): a sane number of A4 pages with the text on them. Skipped
// where there is no Chromium.
func TestHTMLPrintsToPDF(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no chromium on PATH: install Debian's chromium to run this test")
	}
	longtest.Skip(t, "a browser printing every case takes tens of seconds")
	s := openDemo(t)
	demoRec := lastClosed(t, s)
	cases := []struct {
		name     string
		rec      model.MeetingRecord
		opt      Options
		maxPages int
		want     func(Doc) []string
	}{
		{"demo restricted", demoRec, Options{}, 30, demoWants},
		{"demo public", demoRec, Options{Public: true}, 30, demoWants},
		// Hostile text prints as text (the script is words on the page) and a
		// 500-letter word wraps inside its table cell instead of widening it.
		{"hostile", hostileRecord(evil), Options{}, 60, func(d Doc) []string {
			return []string{d.Classification, "<script>alert(1)</script>", "[x](javascript:alert(1))"}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "minutes.html"), filepath.Join(dir, "minutes.pdf")
			b, err := Render(c.rec, HTML, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(in, b, 0o600); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer",
				"--print-to-pdf="+out, "file://"+in)
			cmd.Env = append(os.Environ(), "HOME="+dir)
			if log, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", browser, err, log)
			}
			pdf, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("no PDF: %v", err)
			}
			pages := pdfPages(t, out, pdf)
			if pages < 1 || pages > c.maxPages {
				t.Errorf("%d pages, want 1 to %d", pages, c.maxPages)
			}
			if _, err := exec.LookPath("pdfinfo"); err == nil {
				info, err := exec.Command("pdfinfo", out).Output()
				if err != nil {
					t.Fatal(err)
				}
				// A4 is 595 × 842 points.
				m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(info)
				if m == nil {
					t.Fatalf("no page size:\n%s", info)
				}
				w, _ := strconv.ParseFloat(string(m[1]), 64)
				h, _ := strconv.ParseFloat(string(m[2]), 64)
				if math.Abs(w-595) > 2 || math.Abs(h-842) > 2 {
					t.Errorf("pages are %s × %s points, not A4", m[1], m[2])
				}
			}
			if _, err := exec.LookPath("pdftotext"); err != nil {
				t.Log("no pdftotext: the PDF's text is not checked")
				return
			}
			txt, err := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := squash(string(txt))
			// Every page carries the classification at its top and its
			// bottom, and "Page X of Y".
			doc := BuildWith(c.rec, c.opt)
			for i := 1; i <= pages; i++ {
				page, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), out, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				var lines []string
				for _, l := range strings.Split(string(page), "\n") {
					if l = strings.TrimSpace(strings.ReplaceAll(l, "\f", "")); l != "" {
						lines = append(lines, squash(l))
					}
				}
				if len(lines) < 2 {
					t.Fatalf("page %d is empty", i)
				}
				top, bottom := lines[0], lines[len(lines)-1]
				if top != doc.Classification {
					t.Errorf("page %d of %d starts %q, want the classification", i, pages, top)
				}
				if !strings.Contains(bottom, doc.Classification) || !strings.HasSuffix(bottom, fmt.Sprintf("Page %d of %d", i, pages)) {
					t.Errorf("page %d of %d ends %q, want the classification and \"Page %d of %d\"", i, pages, bottom, i, pages)
				}
			}
			for _, w := range c.want(doc) {
				if !strings.Contains(text, squash(w)) {
					t.Errorf("the PDF does not say %q:\n%.2000s", w, text)
				}
			}
			// Every word is on the page, and every column of the tables is
			// there: a table blown wider than the page by a long word is
			// clipped, and its last columns' words are missing.
			bbox, err := exec.Command("pdftotext", "-bbox", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			pageWidth := 0.0
			if m := regexp.MustCompile(`<page width="([\d.]+)"`).FindSubmatch(bbox); m != nil {
				pageWidth, _ = strconv.ParseFloat(string(m[1]), 64)
			}
			words := map[string]bool{}
			for _, m := range regexp.MustCompile(`<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`).FindAllSubmatch(bbox, -1) {
				x, _ := strconv.ParseFloat(string(m[1]), 64)
				if x > pageWidth {
					t.Errorf("%q ends at %.0f points, beyond the page (%.0f)", m[2], x, pageWidth)
				}
				words[string(m[2])] = true
			}
			for _, h := range append(mattersHeader, actionLogHeader...) {
				if !words[h] {
					t.Errorf("no table column %q on any page", h)
				}
			}
			t.Logf("%d pages, %d bytes", pages, len(pdf))
		})
	}
}

// demoWants is what the demo minutes' PDF must say: the partnership, the
// classification, and the start of a resolution.
func demoWants(d Doc) []string {
	want := []string{d.Partnership, d.Classification}
	for _, it := range d.Items {
		for _, r := range it.Resolutions {
			if w := strings.Fields(r.Text); len(w) >= 6 {
				return append(want, "RESOLVED – "+strings.Join(w[:6], " "))
			}
		}
	}
	return append(want, "no resolution in the demo meeting")
}

// pdfPages counts the PDF's pages with pdfinfo, or else by its page objects.
func pdfPages(t *testing.T, path string, pdf []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		out, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			return n
		}
	}
	// "/Type /Page" objects, not "/Type /Pages" (the page tree).
	return len(regexp.MustCompile(`/Type\s*/Page([^s]|$)`).FindAll(pdf, -1))
}
