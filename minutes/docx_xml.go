package minutes

import "encoding/xml"

// WordprocessingML elements (ECMA-376 part 1), as encoding/xml writes them.
//
// Names are literal ("w:p"), not namespace URLs: encoding/xml would write
// xmlns="…" on every element and invent its own prefixes (golang/go#9519),
// which Word reads but nobody can diff. The namespaces are declared once,
// on each part's root (xmlnsW, xmlnsR). The schema fixes the order of an
// element's children, so a struct's fields are declared in that order:
// encoding/xml writes them as declared. Nil pointers and empty slices are
// left out, which is how an optional element is said.

const (
	xmlnsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	xmlnsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// wVal is any element whose one attribute is w:val (w:pStyle, w:sz, …).
type wVal struct {
	Val string `xml:"w:val,attr"`
}

// wOn is a toggle that is on by being there (<w:b/>, <w:keepNext/>).
type wOn struct{}

func val(s string) *wVal { return &wVal{Val: s} }

var on = &wOn{}

// wP is a paragraph. Items are runs (wR) and simple fields (wFldSimple),
// in reading order: a field is the run's sibling, never inside it.
type wP struct {
	XMLName xml.Name `xml:"w:p"`
	PPr     *wPPr    `xml:"w:pPr"`
	Items   []any
}

// wPPr is paragraph properties, in the schema's order (CT_PPrBase).
type wPPr struct {
	Style      *wVal     `xml:"w:pStyle"`
	KeepNext   *wOn      `xml:"w:keepNext"`
	KeepLines  *wOn      `xml:"w:keepLines"`
	NumPr      *wNumPr   `xml:"w:numPr"`
	Borders    *wPBdr    `xml:"w:pBdr"`
	Tabs       *wTabs    `xml:"w:tabs"`
	Spacing    *wSpacing `xml:"w:spacing"`
	Ind        *wInd     `xml:"w:ind"`
	Jc         *wVal     `xml:"w:jc"`
	OutlineLvl *wVal     `xml:"w:outlineLvl"`
	RPr        *wRPr     `xml:"w:rPr"`
}

type wNumPr struct {
	Ilvl  *wVal `xml:"w:ilvl"`
	NumID *wVal `xml:"w:numId"`
}

// wPBdr is a paragraph's borders (top, left, bottom, right in that order).
type wPBdr struct {
	Top    *wBorder `xml:"w:top"`
	Left   *wBorder `xml:"w:left"`
	Bottom *wBorder `xml:"w:bottom"`
	Right  *wBorder `xml:"w:right"`
}

type wTabs struct {
	Tabs []wTab `xml:"w:tab"`
}

type wTab struct {
	Val string `xml:"w:val,attr"` // left, center, right
	Pos int    `xml:"w:pos,attr"` // twips from the left margin
}

// wSpacing is space around a paragraph in twips (1/20 pt); Line is the
// line height in 240ths of a line when LineRule is auto.
type wSpacing struct {
	Before   int    `xml:"w:before,attr"`
	After    int    `xml:"w:after,attr"`
	Line     int    `xml:"w:line,attr,omitempty"`
	LineRule string `xml:"w:lineRule,attr,omitempty"`
}

type wInd struct {
	Left    int `xml:"w:left,attr"`
	Hanging int `xml:"w:hanging,attr,omitempty"`
}

// wR is a run: text of one formatting. Items are wT, wBr and wTabChar.
type wR struct {
	XMLName xml.Name `xml:"w:r"`
	RPr     *wRPr    `xml:"w:rPr"`
	Items   []any
}

// wRPr is run properties, in the schema's order (CT_RPr).
type wRPr struct {
	Style  *wVal   `xml:"w:rStyle"`
	Fonts  *wFonts `xml:"w:rFonts"`
	Bold   *wOn    `xml:"w:b"`
	Italic *wOn    `xml:"w:i"`
	Color  *wVal   `xml:"w:color"`
	Size   *wVal   `xml:"w:sz"` // half-points
	Lang   *wVal   `xml:"w:lang"`
}

type wFonts struct {
	ASCII    string `xml:"w:ascii,attr"`
	HAnsi    string `xml:"w:hAnsi,attr"`
	EastAsia string `xml:"w:eastAsia,attr"`
	CS       string `xml:"w:cs,attr"`
}

// wT is text. xml:space="preserve" keeps the spaces at its edges, which
// join it to the runs around it.
type wT struct {
	XMLName xml.Name `xml:"w:t"`
	Space   string   `xml:"xml:space,attr"`
	Text    string   `xml:",chardata"`
}

type wBr struct {
	XMLName xml.Name `xml:"w:br"`
}

type wTabChar struct {
	XMLName xml.Name `xml:"w:tab"`
}

// wFldSimple is a field Word and LibreOffice work out when they lay the
// page out (PAGE, NUMPAGES); R is what is shown until they do.
type wFldSimple struct {
	XMLName xml.Name `xml:"w:fldSimple"`
	Instr   string   `xml:"w:instr,attr"`
	R       []wR
}

// wTbl is a table: properties, the grid of column widths, the rows.
type wTbl struct {
	XMLName xml.Name    `xml:"w:tbl"`
	TblPr   wTblPr      `xml:"w:tblPr"`
	Grid    []wWidthCol `xml:"w:tblGrid>w:gridCol"`
	Rows    []wTr
}

// wTblPr is table properties, in the schema's order (CT_TblPr).
type wTblPr struct {
	W       wWidth    `xml:"w:tblW"`
	Borders *wBorders `xml:"w:tblBorders"`
	Layout  *wType    `xml:"w:tblLayout"`
	CellMar *wCellMar `xml:"w:tblCellMar"`
}

// wWidth is a width: Type "dxa" (twips) or "pct" (fiftieths of a percent).
type wWidth struct {
	W    int    `xml:"w:w,attr"`
	Type string `xml:"w:type,attr"`
}

type wWidthCol struct {
	W int `xml:"w:w,attr"`
}

type wType struct {
	Type string `xml:"w:type,attr"`
}

// wBorders is a table's borders, in the schema's order.
type wBorders struct {
	Top     *wBorder `xml:"w:top"`
	Left    *wBorder `xml:"w:left"`
	Bottom  *wBorder `xml:"w:bottom"`
	Right   *wBorder `xml:"w:right"`
	InsideH *wBorder `xml:"w:insideH"`
	InsideV *wBorder `xml:"w:insideV"`
}

// wBorder is one line: Sz in eighths of a point.
type wBorder struct {
	Val   string `xml:"w:val,attr"`
	Sz    int    `xml:"w:sz,attr"`
	Space int    `xml:"w:space,attr"`
	Color string `xml:"w:color,attr"`
}

type wCellMar struct {
	Top    *wWidth `xml:"w:top"`
	Left   *wWidth `xml:"w:left"`
	Bottom *wWidth `xml:"w:bottom"`
	Right  *wWidth `xml:"w:right"`
}

type wTr struct {
	XMLName xml.Name `xml:"w:tr"`
	TrPr    *wTrPr   `xml:"w:trPr"`
	Cells   []wTc
}

// wTrPr: a row is never split across pages; header rows repeat at the top
// of every page the table runs on to.
type wTrPr struct {
	CantSplit *wOn `xml:"w:cantSplit"`
	TblHeader *wOn `xml:"w:tblHeader"`
}

// wTc is a cell: it must hold at least one paragraph.
type wTc struct {
	XMLName xml.Name `xml:"w:tc"`
	TcPr    wTcPr    `xml:"w:tcPr"`
	Paras   []wP
}

type wTcPr struct {
	W   wWidth `xml:"w:tcW"`
	Shd *wShd  `xml:"w:shd"`
}

type wShd struct {
	Val   string `xml:"w:val,attr"`
	Color string `xml:"w:color,attr"`
	Fill  string `xml:"w:fill,attr"`
}

// wSectPr is the page: header and footer, A4, margins. It is the last
// child of the body.
type wSectPr struct {
	XMLName xml.Name   `xml:"w:sectPr"`
	Header  wHdrFtrRef `xml:"w:headerReference"`
	Footer  wHdrFtrRef `xml:"w:footerReference"`
	PgSz    wPgSz      `xml:"w:pgSz"`
	PgMar   wPgMar     `xml:"w:pgMar"`
}

type wHdrFtrRef struct {
	Type string `xml:"w:type,attr"`
	ID   string `xml:"r:id,attr"`
}

type wPgSz struct {
	W int `xml:"w:w,attr"`
	H int `xml:"w:h,attr"`
}

type wPgMar struct {
	Top    int `xml:"w:top,attr"`
	Right  int `xml:"w:right,attr"`
	Bottom int `xml:"w:bottom,attr"`
	Left   int `xml:"w:left,attr"`
	Header int `xml:"w:header,attr"`
	Footer int `xml:"w:footer,attr"`
	Gutter int `xml:"w:gutter,attr"`
}

// wDocument is word/document.xml: the body, then the page.
type wDocument struct {
	XMLName xml.Name `xml:"w:document"`
	W       string   `xml:"xmlns:w,attr"`
	R       string   `xml:"xmlns:r,attr"`
	Body    wBody    `xml:"w:body"`
}

// wBody is paragraphs and tables, then the section: w:sectPr is the last
// child of the body, so it is the last field.
type wBody struct {
	Blocks []any
	SectPr wSectPr
}

// wHdrFtr is a header (w:hdr) or a footer (w:ftr), named by XMLName.
type wHdrFtr struct {
	XMLName xml.Name
	W       string `xml:"xmlns:w,attr"`
	R       string `xml:"xmlns:r,attr"`
	Paras   []wP
}
