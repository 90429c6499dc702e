package minutes

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// The document, its header and its footer are written here by hand, not
// by encoding/xml: its reflection over every run and cell was most of a
// Word document's time (three times the Markdown's). The bytes are
// encoding/xml's own — every element opened and closed (<w:b></w:b>),
// attributes in the fields' order, text escaped as it escapes it — and
// TestDocxEncodingIsEncodingXMLs holds them to that, so the structs in
// docx_xml.go (and their tags) stay the one description of each element.

// xmlOut is a part being written: to w, a piece at a time (a decade's
// action log is a few megabytes of XML), or, with no w, kept in b.
type xmlOut struct {
	b   []byte
	w   io.Writer
	err error
}

// flushAt is how much is gathered before it is handed on.
const flushAt = 32 << 10

// flush hands on what is gathered, once there is enough (or, at the end,
// all of it).
func (x *xmlOut) flush(all bool) {
	if x.w == nil || x.err != nil || (!all && len(x.b) < flushAt) {
		return
	}
	_, x.err = x.w.Write(x.b)
	x.b = x.b[:0]
}

func (x *xmlOut) open(name string) {
	x.b = append(x.b, '<')
	x.b = append(x.b, name...)
}

func (x *xmlOut) attr(name, v string) {
	x.b = append(x.b, ' ')
	x.b = append(x.b, name...)
	x.b = append(x.b, '=', '"')
	x.text(v)
	x.b = append(x.b, '"')
}

func (x *xmlOut) attrInt(name string, v int) {
	x.b = append(x.b, ' ')
	x.b = append(x.b, name...)
	x.b = append(x.b, '=', '"')
	x.b = strconv.AppendInt(x.b, int64(v), 10)
	x.b = append(x.b, '"')
}

func (x *xmlOut) end() { x.b = append(x.b, '>') }

func (x *xmlOut) close(name string) {
	x.b = append(x.b, '<', '/')
	x.b = append(x.b, name...)
	x.b = append(x.b, '>')
}

// empty is an element with nothing in it, as encoding/xml writes one.
func (x *xmlOut) empty(name string) {
	x.open(name)
	x.end()
	x.close(name)
}

// text escapes s as encoding/xml does (EscapeString): the five markup
// characters, tab, newline and carriage return as references, and
// anything XML may not hold (a control character, a byte that is not
// UTF-8) as U+FFFD.
func (x *xmlOut) text(s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				if c >= 0x20 {
					i++
					continue
				}
				esc = "\uFFFD"
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if xmlChar(r) && !(r == utf8.RuneError && width == 1) {
				i += width
				continue
			}
			esc = "\uFFFD"
		}
		x.b = append(x.b, s[last:i]...)
		x.b = append(x.b, esc...)
		i += width
		last = i
	}
	x.b = append(x.b, s[last:]...)
}

// xmlChar: r may stand in an XML document (the Char production).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func (x *xmlOut) val(name string, v *wVal) {
	if v == nil {
		return
	}
	x.open(name)
	x.attr("w:val", v.Val)
	x.end()
	x.close(name)
}

func (x *xmlOut) on(name string, v *wOn) {
	if v != nil {
		x.empty(name)
	}
}

func (x *xmlOut) border(name string, b *wBorder) {
	if b == nil {
		return
	}
	x.open(name)
	x.attr("w:val", b.Val)
	x.attrInt("w:sz", b.Sz)
	x.attrInt("w:space", b.Space)
	x.attr("w:color", b.Color)
	x.end()
	x.close(name)
}

func (x *xmlOut) width(name string, w wWidth) {
	x.open(name)
	x.attrInt("w:w", w.W)
	x.attr("w:type", w.Type)
	x.end()
	x.close(name)
}

func (x *xmlOut) document(d wDocument) error {
	x.open("w:document")
	x.attr("xmlns:w", d.W)
	x.attr("xmlns:r", d.R)
	x.end()
	x.open("w:body")
	x.end()
	for _, b := range d.Body.Blocks {
		switch b := b.(type) {
		case wP:
			if err := x.para(b); err != nil {
				return err
			}
		case wTbl:
			if err := x.table(b); err != nil {
				return err
			}
		default:
			return fmt.Errorf("minutes: a %T in a Word document's body", b)
		}
	}
	x.sectPr(d.Body.SectPr)
	x.close("w:body")
	x.close("w:document")
	return nil
}

// hdrFtr is a header or a footer (its XMLName says which).
func (x *xmlOut) hdrFtr(h wHdrFtr) error {
	x.open(h.XMLName.Local)
	x.attr("xmlns:w", h.W)
	x.attr("xmlns:r", h.R)
	x.end()
	for _, p := range h.Paras {
		if err := x.para(p); err != nil {
			return err
		}
	}
	x.close(h.XMLName.Local)
	return nil
}

func (x *xmlOut) para(p wP) error {
	x.open("w:p")
	x.end()
	if p.PPr != nil {
		x.pPr(p.PPr)
	}
	for _, it := range p.Items {
		switch it := it.(type) {
		case wR:
			if err := x.run(it); err != nil {
				return err
			}
		case wFldSimple:
			x.open("w:fldSimple")
			x.attr("w:instr", it.Instr)
			x.end()
			for _, r := range it.R {
				if err := x.run(r); err != nil {
					return err
				}
			}
			x.close("w:fldSimple")
		default:
			return fmt.Errorf("minutes: a %T in a Word paragraph", it)
		}
	}
	x.close("w:p")
	x.flush(false)
	return nil
}

func (x *xmlOut) pPr(p *wPPr) {
	x.open("w:pPr")
	x.end()
	x.val("w:pStyle", p.Style)
	x.on("w:keepNext", p.KeepNext)
	x.on("w:keepLines", p.KeepLines)
	if n := p.NumPr; n != nil {
		x.open("w:numPr")
		x.end()
		x.val("w:ilvl", n.Ilvl)
		x.val("w:numId", n.NumID)
		x.close("w:numPr")
	}
	if b := p.Borders; b != nil {
		x.open("w:pBdr")
		x.end()
		x.border("w:top", b.Top)
		x.border("w:left", b.Left)
		x.border("w:bottom", b.Bottom)
		x.border("w:right", b.Right)
		x.close("w:pBdr")
	}
	if t := p.Tabs; t != nil {
		x.open("w:tabs")
		x.end()
		for _, tab := range t.Tabs {
			x.open("w:tab")
			x.attr("w:val", tab.Val)
			x.attrInt("w:pos", tab.Pos)
			x.end()
			x.close("w:tab")
		}
		x.close("w:tabs")
	}
	if s := p.Spacing; s != nil {
		x.open("w:spacing")
		x.attrInt("w:before", s.Before)
		x.attrInt("w:after", s.After)
		if s.Line != 0 {
			x.attrInt("w:line", s.Line)
		}
		if s.LineRule != "" {
			x.attr("w:lineRule", s.LineRule)
		}
		x.end()
		x.close("w:spacing")
	}
	if in := p.Ind; in != nil {
		x.open("w:ind")
		x.attrInt("w:left", in.Left)
		if in.Hanging != 0 {
			x.attrInt("w:hanging", in.Hanging)
		}
		x.end()
		x.close("w:ind")
	}
	x.val("w:jc", p.Jc)
	x.val("w:outlineLvl", p.OutlineLvl)
	if p.RPr != nil {
		x.rPr(p.RPr)
	}
	x.close("w:pPr")
}

func (x *xmlOut) rPr(r *wRPr) {
	x.open("w:rPr")
	x.end()
	x.val("w:rStyle", r.Style)
	if f := r.Fonts; f != nil {
		x.open("w:rFonts")
		x.attr("w:ascii", f.ASCII)
		x.attr("w:hAnsi", f.HAnsi)
		x.attr("w:eastAsia", f.EastAsia)
		x.attr("w:cs", f.CS)
		x.end()
		x.close("w:rFonts")
	}
	x.on("w:b", r.Bold)
	x.on("w:i", r.Italic)
	x.val("w:color", r.Color)
	x.val("w:sz", r.Size)
	x.val("w:lang", r.Lang)
	x.close("w:rPr")
}

func (x *xmlOut) run(r wR) error {
	x.open("w:r")
	x.end()
	if r.RPr != nil {
		x.rPr(r.RPr)
	}
	for _, it := range r.Items {
		switch it := it.(type) {
		case wT:
			x.open("w:t")
			x.attr("xml:space", it.Space)
			x.end()
			x.text(it.Text)
			x.close("w:t")
		case wBr:
			x.empty("w:br")
		case wTabChar:
			x.empty("w:tab")
		default:
			return fmt.Errorf("minutes: a %T in a Word run", it)
		}
	}
	x.close("w:r")
	return nil
}

func (x *xmlOut) table(t wTbl) error {
	x.open("w:tbl")
	x.end()
	x.open("w:tblPr")
	x.end()
	x.width("w:tblW", t.TblPr.W)
	if b := t.TblPr.Borders; b != nil {
		x.open("w:tblBorders")
		x.end()
		x.border("w:top", b.Top)
		x.border("w:left", b.Left)
		x.border("w:bottom", b.Bottom)
		x.border("w:right", b.Right)
		x.border("w:insideH", b.InsideH)
		x.border("w:insideV", b.InsideV)
		x.close("w:tblBorders")
	}
	if l := t.TblPr.Layout; l != nil {
		x.open("w:tblLayout")
		x.attr("w:type", l.Type)
		x.end()
		x.close("w:tblLayout")
	}
	if m := t.TblPr.CellMar; m != nil {
		x.open("w:tblCellMar")
		x.end()
		for _, side := range []struct {
			name string
			w    *wWidth
		}{{"w:top", m.Top}, {"w:left", m.Left}, {"w:bottom", m.Bottom}, {"w:right", m.Right}} {
			if side.w != nil {
				x.width(side.name, *side.w)
			}
		}
		x.close("w:tblCellMar")
	}
	x.close("w:tblPr")
	x.open("w:tblGrid") // written even empty, as encoding/xml writes a>b
	x.end()
	for _, c := range t.Grid {
		x.open("w:gridCol")
		x.attrInt("w:w", c.W)
		x.end()
		x.close("w:gridCol")
	}
	x.close("w:tblGrid")
	for _, row := range t.Rows {
		x.open("w:tr")
		x.end()
		if p := row.TrPr; p != nil {
			x.open("w:trPr")
			x.end()
			x.on("w:cantSplit", p.CantSplit)
			x.on("w:tblHeader", p.TblHeader)
			x.close("w:trPr")
		}
		for _, c := range row.Cells {
			x.open("w:tc")
			x.end()
			x.open("w:tcPr")
			x.end()
			x.width("w:tcW", c.TcPr.W)
			if s := c.TcPr.Shd; s != nil {
				x.open("w:shd")
				x.attr("w:val", s.Val)
				x.attr("w:color", s.Color)
				x.attr("w:fill", s.Fill)
				x.end()
				x.close("w:shd")
			}
			x.close("w:tcPr")
			for _, p := range c.Paras {
				if err := x.para(p); err != nil {
					return err
				}
			}
			x.close("w:tc")
		}
		x.close("w:tr")
	}
	x.close("w:tbl")
	return nil
}

func (x *xmlOut) sectPr(s wSectPr) {
	x.open("w:sectPr")
	x.end()
	for _, ref := range []struct {
		name string
		r    wHdrFtrRef
	}{{"w:headerReference", s.Header}, {"w:footerReference", s.Footer}} {
		x.open(ref.name)
		x.attr("w:type", ref.r.Type)
		x.attr("r:id", ref.r.ID)
		x.end()
		x.close(ref.name)
	}
	x.open("w:pgSz")
	x.attrInt("w:w", s.PgSz.W)
	x.attrInt("w:h", s.PgSz.H)
	x.end()
	x.close("w:pgSz")
	m := s.PgMar
	x.open("w:pgMar")
	x.attrInt("w:top", m.Top)
	x.attrInt("w:right", m.Right)
	x.attrInt("w:bottom", m.Bottom)
	x.attrInt("w:left", m.Left)
	x.attrInt("w:header", m.Header)
	x.attrInt("w:footer", m.Footer)
	x.attrInt("w:gutter", m.Gutter)
	x.end()
	x.close("w:pgMar")
	x.close("w:sectPr")
}

// writePart writes v as its part's XML to w: by hand for the document,
// its header and its footer; ok is false for anything else (the small
// fixed parts, left to encoding/xml).
func writePart(w io.Writer, v any) (ok bool, err error) {
	x := xmlOut{w: w, b: make([]byte, 0, flushAt+flushAt/2)}
	switch v := v.(type) {
	case wDocument:
		err = x.document(v)
	case wHdrFtr:
		err = x.hdrFtr(v)
	default:
		return false, nil
	}
	if err != nil {
		return true, err
	}
	x.flush(true)
	return true, x.err
}
