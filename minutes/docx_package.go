package minutes

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"

	"github.com/klauspost/compress/flate"
)

// The DOCX package (ECMA-376 part 2, Open Packaging Conventions): a zip of
// XML parts, found through [Content_Types].xml and the relationship parts.
// The parts are written in one fixed order with no timestamps, so the same
// minutes are the same bytes every time (a closed meeting's minutes never
// drift: drift_test.go).

// The page: A4 in twips (1/20 pt), 2.54 cm margins, the header and footer
// 1.25 cm from the edge.
const (
	docxPageWidth  = 11906
	docxPageHeight = 16838
	docxMargin     = 1440
	docxHdrFtr     = 708
	// docxTextWidth is the width between the margins: what a full-width
	// table's columns add up to.
	docxTextWidth = docxPageWidth - 2*docxMargin
)

const (
	relBase       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	contentTypeWP = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// docxPart is one part: its name in the zip, its content type, and (for
// the document's own parts) the relationship that finds it.
type docxPart struct {
	name, contentType, relType, relID string
	body                              any
}

type ctTypes struct {
	XMLName   xml.Name     `xml:"Types"`
	NS        string       `xml:"xmlns,attr"`
	Defaults  []ctDefault  `xml:"Default"`
	Overrides []ctOverride `xml:"Override"`
}

type ctDefault struct {
	Extension   string `xml:"Extension,attr"`
	ContentType string `xml:"ContentType,attr"`
}

type ctOverride struct {
	PartName    string `xml:"PartName,attr"`
	ContentType string `xml:"ContentType,attr"`
}

type relationships struct {
	XMLName xml.Name       `xml:"Relationships"`
	NS      string         `xml:"xmlns,attr"`
	Rels    []relationship `xml:"Relationship"`
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

type wSettings struct {
	XMLName        xml.Name         `xml:"w:settings"`
	W              string           `xml:"xmlns:w,attr"`
	DefaultTabStop wVal             `xml:"w:defaultTabStop"`
	Compat         []wCompatSetting `xml:"w:compat>w:compatSetting"`
}

type wCompatSetting struct {
	Name string `xml:"w:name,attr"`
	URI  string `xml:"w:uri,attr"`
	Val  string `xml:"w:val,attr"`
}

// docxPackage zips the document with its styles, list, settings, header
// and footer. The header and the footer carry the classification on every
// page, the footer "Page X of Y" as fields the reader's program fills in.
func docxPackage(blocks []any, classification string, restricted bool) ([]byte, error) {
	parts := []docxPart{
		{"word/document.xml", contentTypeWP + "document.main+xml", "", "", docxDocument(blocks)},
		{"word/styles.xml", contentTypeWP + "styles+xml", "/styles", "rIdStyles", docxStyles()},
		{"word/numbering.xml", contentTypeWP + "numbering+xml", "/numbering", "rIdNumbering", docxNumbering()},
		{"word/settings.xml", contentTypeWP + "settings+xml", "/settings", "rIdSettings", wSettings{
			W: xmlnsW, DefaultTabStop: wVal{"720"},
			// Word 2013 and later layout, so Word does not open the minutes
			// in compatibility mode.
			Compat: []wCompatSetting{{"compatibilityMode", "http://schemas.microsoft.com/office/word", "15"}},
		}},
		{"word/header1.xml", contentTypeWP + "header+xml", "/header", "rIdHeader", docxHeader(classification, restricted)},
		{"word/footer1.xml", contentTypeWP + "footer+xml", "/footer", "rIdFooter", docxFooter(classification, restricted)},
	}

	types := ctTypes{NS: "http://schemas.openxmlformats.org/package/2006/content-types", Defaults: []ctDefault{
		{"rels", "application/vnd.openxmlformats-package.relationships+xml"},
		{"xml", "application/xml"},
	}}
	docRels := relationships{NS: "http://schemas.openxmlformats.org/package/2006/relationships"}
	for _, p := range parts {
		types.Overrides = append(types.Overrides, ctOverride{"/" + p.name, p.contentType})
		if p.relID != "" {
			docRels.Rels = append(docRels.Rels, relationship{p.relID, relBase + p.relType, p.name[len("word/"):]})
		}
	}
	rootRels := relationships{NS: docRels.NS, Rels: []relationship{{"rIdDocument", relBase + "/officeDocument", "word/document.xml"}}}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, (&deflater{}).compressor)
	write := func(name string, v any) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := w.Write([]byte(xmlDecl)); err != nil {
			return err
		}
		if ok, err := writePart(w, v); ok {
			return err
		}
		return xml.NewEncoder(w).Encode(v)
	}
	// [Content_Types].xml first, as Word writes it: some readers look for
	// it there.
	if err := write("[Content_Types].xml", types); err != nil {
		return nil, err
	}
	if err := write("_rels/.rels", rootRels); err != nil {
		return nil, err
	}
	if err := write("word/_rels/document.xml.rels", docRels); err != nil {
		return nil, err
	}
	for _, p := range parts {
		if err := write(p.name, p.body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// deflater compresses the parts with klauspost's deflate at its fastest
// level: a decade meeting's document.xml is a couple of megabytes of very
// repetitive XML, which the standard library's default level took 15–20 ms
// to squeeze (most of a Word document's time) and this does in about 2 ms,
// the file a third larger (about 100 KB). Still plain deflate, which every
// reader of .docx takes, and the same bytes for the same minutes. One
// compressor serves every part in turn (the zip closes each part before
// the next is made): each new one would be a megabyte of tables.
type deflater struct{ w *flate.Writer }

func (d *deflater) compressor(w io.Writer) (io.WriteCloser, error) {
	if d.w == nil {
		var err error
		d.w, err = flate.NewWriter(w, flate.BestSpeed)
		return d.w, err
	}
	d.w.Reset(w)
	return d.w, nil
}

// docxDocument is word/document.xml: the blocks on A4 pages with the
// header and the footer.
func docxDocument(blocks []any) wDocument {
	return wDocument{W: xmlnsW, R: xmlnsR, Body: wBody{Blocks: blocks, SectPr: wSectPr{
		Header: wHdrFtrRef{Type: "default", ID: "rIdHeader"},
		Footer: wHdrFtrRef{Type: "default", ID: "rIdFooter"},
		PgSz:   wPgSz{W: docxPageWidth, H: docxPageHeight},
		PgMar: wPgMar{Top: docxMargin, Right: docxMargin, Bottom: docxMargin, Left: docxMargin,
			Header: docxHdrFtr, Footer: docxHdrFtr},
	}}}
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// docxHeader is the classification, centred at the top of every page.
func docxHeader(classification string, restricted bool) wHdrFtr {
	return wHdrFtr{XMLName: xml.Name{Local: "w:hdr"}, W: xmlnsW, R: xmlnsR, Paras: []wP{
		{PPr: &wPPr{Style: val(styleHeader)}, Items: []any{classificationRun(classification, restricted)}},
	}}
}

// docxFooter is the classification at the left of every page's foot and
// "Page X of Y" at the right: PAGE and NUMPAGES are fields, worked out by
// Word or LibreOffice as they lay the pages out ("1" is shown until then).
func docxFooter(classification string, restricted bool) wHdrFtr {
	field := func(instr string) wFldSimple {
		return wFldSimple{Instr: instr, R: []wR{textRun("1", nil)}}
	}
	return wHdrFtr{XMLName: xml.Name{Local: "w:ftr"}, W: xmlnsW, R: xmlnsR, Paras: []wP{
		{PPr: &wPPr{Style: val(styleFooter)}, Items: []any{
			classificationRun(classification, restricted),
			wR{Items: []any{wTabChar{}}},
			textRun("Page ", nil), field("PAGE"), textRun(" of ", nil), field("NUMPAGES"),
		}},
	}}
}

// classificationRun is the marking in bold, dark red when restricted.
func classificationRun(classification string, restricted bool) wR {
	rpr := &wRPr{Bold: on}
	if restricted {
		rpr.Color = val(restrictedRed)
	}
	return textRun(line(classification), rpr)
}
