package minutes

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// Reading the DOCX back, for tests: its parts, its XML as a tree, and its
// text as a reader sees it.

// docxParts is every part of a DOCX by name.
func docxParts(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = data
	}
	return parts
}

// xnode is an XML element: its name as written ("w:p"), attributes,
// children and, for a leaf, its text.
type xnode struct {
	name     string
	attrs    map[string]string
	children []*xnode
	text     string
}

// parseXML reads a part into a tree with Go's decoder, which refuses what
// is not well-formed XML (tags that do not match, characters XML cannot
// hold).
func parseXML(t testing.TB, name string, data []byte) *xnode {
	t.Helper()
	strict := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := strict.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
	// Read again without resolving prefixes, to see names as written.
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*xnode
	var root *xnode
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: qname(tok.Name), attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[qname(a.Name)] = a.Value
			}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, n)
			} else if root != nil {
				t.Fatalf("%s has two root elements", name)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			}
		}
	}
	if root == nil {
		t.Fatalf("%s has no root element", name)
	}
	return root
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// all is every element under n (n included) named name, in document order.
func (n *xnode) all(name string) []*xnode {
	var out []*xnode
	if n.name == name {
		out = append(out, n)
	}
	for _, c := range n.children {
		out = append(out, c.all(name)...)
	}
	return out
}

// child is n's first child named name, or nil.
func (n *xnode) child(name string) *xnode {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// plain is the text of a paragraph (or anything holding runs): w:t as
// written, a tab as a space, a line break as a newline.
func (n *xnode) plain() string {
	var b strings.Builder
	var walk func(*xnode)
	walk = func(n *xnode) {
		switch n.name {
		case "w:t":
			b.WriteString(n.text)
		case "w:tab":
			if len(n.attrs) == 0 { // a tab character, not a tab stop
				b.WriteString(" ")
			}
		case "w:br":
			b.WriteString("\n")
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// style is a paragraph's style ID ("Normal" when it names none).
func (n *xnode) style() string {
	if ppr := n.child("w:pPr"); ppr != nil {
		if s := ppr.child("w:pStyle"); s != nil {
			return s.attrs["w:val"]
		}
	}
	return styleNormal
}

// docxText is what a reader of the DOCX reads: the header, every paragraph
// of the body (a table's cells one per line), then the footer, a line
// each.
func docxText(t testing.TB, b []byte) string {
	t.Helper()
	parts := docxParts(t, b)
	var lines []string
	for _, name := range []string{"word/header1.xml", "word/document.xml", "word/footer1.xml"} {
		data, ok := parts[name]
		if !ok {
			t.Fatalf("the DOCX has no %s", name)
		}
		for _, p := range parseXML(t, name, data).all("w:p") {
			lines = append(lines, p.plain())
		}
	}
	return strings.Join(lines, "\n")
}

// readable is the minutes in format f as text to search: the bytes of a
// text format, the words of a DOCX.
func readable(t testing.TB, f Format, b []byte) string {
	t.Helper()
	if f == DOCX {
		return docxText(t, b)
	}
	return string(b)
}

// docxOutline is the body as a reviewer reads it in a golden file: one
// line per paragraph, its style first; a table as rows of cells between
// bars, its header rows marked.
func docxOutline(t testing.TB, b []byte) string {
	t.Helper()
	body := parseXML(t, "word/document.xml", docxParts(t, b)["word/document.xml"]).child("w:body")
	if body == nil {
		t.Fatal("the document has no body")
	}
	var out strings.Builder
	for _, block := range body.children {
		switch block.name {
		case "w:p":
			out.WriteString("[" + block.style() + "] " + block.plain() + "\n")
		case "w:tbl":
			for _, tr := range block.all("w:tr") {
				var cells []string
				for _, tc := range tr.all("w:tc") {
					cells = append(cells, tc.plain())
				}
				prefix := "|"
				if trpr := tr.child("w:trPr"); trpr != nil && trpr.child("w:tblHeader") != nil {
					prefix = "[header] |"
				}
				out.WriteString(prefix + " " + strings.Join(cells, " | ") + " |\n")
			}
		}
	}
	return out.String()
}
