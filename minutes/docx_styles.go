package minutes

import "encoding/xml"

// The Word styles of the minutes (word/styles.xml) and the one bullet list
// (word/numbering.xml). Paragraphs name a style rather than carry their
// own formatting, so that a democratic-services officer who edits the
// minutes in Word finds the council's familiar names in the styles gallery
// (Title, Heading 1, List Bullet) and can restyle the whole document, or
// paste it into the council's template, by style.

// Style IDs, as paragraphs and runs name them.
const (
	styleNormal         = "Normal"
	styleTitle          = "Title"
	styleHeading1       = "Heading1"
	styleHeading2       = "Heading2"
	styleMinute         = "MinuteHeading"
	styleClassification = "Classification"
	styleLeadIn         = "LeadIn"
	styleStatement      = "Statement"
	styleSignature      = "Signature"
	styleListBullet     = "ListBullet"
	styleTableText      = "TableText"
	styleTableHeading   = "TableHeading"
	styleHeader         = "Header"
	styleFooter         = "Footer"
	styleMark           = "PrivateMark" // a character style
	styleNote           = "RecordNote"  // a character style: "(amended …)", "[N-5]"
)

const (
	docxFont = "Arial" // what the HTML asks for; LibreOffice substitutes a metric-compatible font
	// restrictedRed is the colour the restricted classification, marks and
	// Part 2 labels are printed in, as in the HTML.
	restrictedRed = "8B0000"
	// bulletNumID is the w:num the List Bullet style points at.
	bulletNumID = "1"
)

type wStyles struct {
	XMLName  xml.Name     `xml:"w:styles"`
	W        string       `xml:"xmlns:w,attr"`
	Defaults wDocDefaults `xml:"w:docDefaults"`
	Styles   []wStyle
}

type wDocDefaults struct {
	RPr wRPr `xml:"w:rPrDefault>w:rPr"`
	PPr wPPr `xml:"w:pPrDefault>w:pPr"`
}

// wStyle is one style, its children in the schema's order (CT_Style).
type wStyle struct {
	XMLName xml.Name `xml:"w:style"`
	Type    string   `xml:"w:type,attr"` // paragraph, character
	ID      string   `xml:"w:styleId,attr"`
	Default string   `xml:"w:default,attr,omitempty"`
	Custom  string   `xml:"w:customStyle,attr,omitempty"`
	Name    wVal     `xml:"w:name"`
	BasedOn *wVal    `xml:"w:basedOn"`
	Next    *wVal    `xml:"w:next"`
	QFormat *wOn     `xml:"w:qFormat"`
	PPr     *wPPr    `xml:"w:pPr"`
	RPr     *wRPr    `xml:"w:rPr"`
}

// docxStyles is the style sheet. Built-in styles keep Word's IDs and names
// ("heading 1" is the name Word gives Heading 1 in every language, and the
// one its navigation pane and tables of contents look for); the minutes'
// own are marked custom.
func docxStyles() wStyles {
	para := func(id, name, basedOn string, ppr *wPPr, rpr *wRPr) wStyle {
		s := wStyle{Type: "paragraph", ID: id, Name: wVal{name}, QFormat: on, PPr: ppr, RPr: rpr}
		if basedOn != "" {
			s.BasedOn, s.Next = val(basedOn), val(styleNormal)
		}
		return s
	}
	custom := func(s wStyle) wStyle { s.Custom = "1"; return s }
	size := func(pt float64) *wVal { return val(itoa(int(pt * 2))) }
	heading := func(level int, before, after int, pt float64) (*wPPr, *wRPr) {
		// A heading stays with what follows it and is never split: no
		// heading is left alone at the foot of a page.
		return &wPPr{KeepNext: on, KeepLines: on, Spacing: &wSpacing{Before: before, After: after},
				OutlineLvl: val(itoa(level))},
			&wRPr{Bold: on, Size: size(pt)}
	}
	h1p, h1r := heading(0, 280, 100, 13)
	h1p.Borders = &wPBdr{Bottom: &wBorder{Val: "single", Sz: 4, Space: 1, Color: "999999"}}
	h2p, h2r := heading(1, 200, 60, 11)
	normal := para(styleNormal, "Normal", "", &wPPr{Spacing: &wSpacing{After: 120, Line: 264, LineRule: "auto"}}, nil)
	normal.Default = "1"
	box := &wBorder{Val: "single", Sz: 12, Space: 4, Color: "auto"}
	return wStyles{
		W: xmlnsW,
		Defaults: wDocDefaults{
			RPr: wRPr{Fonts: &wFonts{docxFont, docxFont, docxFont, docxFont}, Size: size(11), Lang: val("en-GB")},
			PPr: wPPr{Spacing: &wSpacing{}},
		},
		Styles: []wStyle{
			normal,
			para(styleTitle, "Title", styleNormal, &wPPr{KeepNext: on, Spacing: &wSpacing{Before: 120, After: 60}}, &wRPr{Bold: on, Size: size(18)}),
			para(styleHeading1, "heading 1", styleNormal, h1p, h1r),
			// Heading 2 is not written by the minutes: it is here so that a
			// sub-heading an officer adds under a minute matches Heading 1,
			// not Word's default blue.
			para(styleHeading2, "heading 2", styleNormal, h2p, h2r),
			// A numbered minute: "97. HS-1 Town centre". The number is text,
			// not Word's list numbering (see docxItem).
			custom(para(styleMinute, "Minute Heading", styleHeading1, nil, nil)),
			custom(para(styleClassification, "Classification", styleNormal,
				&wPPr{Borders: &wPBdr{Top: box, Left: box, Bottom: box, Right: box}, Spacing: &wSpacing{Before: 120, After: 240}, Jc: val("center")},
				&wRPr{Bold: on})),
			// What introduces a table or a quotation stays on its page.
			custom(para(styleLeadIn, "Lead-in", styleNormal, &wPPr{KeepNext: on}, nil)),
			custom(para(styleStatement, "Statement", styleNormal, &wPPr{Ind: &wInd{Left: 567}}, &wRPr{Italic: on})),
			// The Chair's signature block, clear of the action log above it.
			custom(para(styleSignature, "Signature Block", styleNormal, &wPPr{Spacing: &wSpacing{Before: 480, After: 240}}, nil)),
			para(styleListBullet, "List Bullet", styleNormal, &wPPr{NumPr: &wNumPr{Ilvl: val("0"), NumID: val(bulletNumID)},
				Spacing: &wSpacing{After: 60, Line: 264, LineRule: "auto"}, Ind: &wInd{Left: 360, Hanging: 360}}, nil),
			custom(para(styleTableText, "Table Text", styleNormal, &wPPr{Spacing: &wSpacing{}}, &wRPr{Size: size(9)})),
			custom(para(styleTableHeading, "Table Heading", styleTableText, &wPPr{KeepNext: on}, &wRPr{Bold: on})),
			para(styleHeader, "header", styleNormal, &wPPr{Spacing: &wSpacing{}, Jc: val("center")}, &wRPr{Size: size(8)}),
			// One tab stop, at the right edge: the page number goes there
			// however short the classification before it is.
			para(styleFooter, "footer", styleNormal, &wPPr{Tabs: &wTabs{Tabs: []wTab{{"right", docxTextWidth}}}, Spacing: &wSpacing{}},
				&wRPr{Size: size(8)}),
			{Type: "character", ID: styleMark, Custom: "1", Name: wVal{"Private Mark"}, QFormat: on,
				RPr: &wRPr{Bold: on, Color: val(restrictedRed)}},
			{Type: "character", ID: styleNote, Custom: "1", Name: wVal{"Record Note"},
				RPr: &wRPr{Color: val("555555"), Size: size(9)}},
		},
	}
}

type wNumbering struct {
	XMLName  xml.Name `xml:"w:numbering"`
	W        string   `xml:"xmlns:w,attr"`
	Abstract []wAbstractNum
	Nums     []wNum
}

type wAbstractNum struct {
	XMLName xml.Name `xml:"w:abstractNum"`
	ID      string   `xml:"w:abstractNumId,attr"`
	Type    *wVal    `xml:"w:multiLevelType"`
	Levels  []wLvl
}

// wLvl is one level of a list (CT_Lvl order).
type wLvl struct {
	XMLName xml.Name `xml:"w:lvl"`
	Ilvl    string   `xml:"w:ilvl,attr"`
	Start   *wVal    `xml:"w:start"`
	NumFmt  *wVal    `xml:"w:numFmt"`
	Text    *wVal    `xml:"w:lvlText"`
	Jc      *wVal    `xml:"w:lvlJc"`
	PPr     *wPPr    `xml:"w:pPr"`
}

type wNum struct {
	XMLName  xml.Name `xml:"w:num"`
	ID       string   `xml:"w:numId,attr"`
	Abstract wVal     `xml:"w:abstractNumId"`
}

// docxNumbering is the bullet of the List Bullet style: a plain "•" in
// the text font, which every reader has (Word's own default bullet is a
// Symbol-font character that other programs draw as a box).
func docxNumbering() wNumbering {
	return wNumbering{
		W: xmlnsW,
		Abstract: []wAbstractNum{{ID: "0", Type: val("singleLevel"), Levels: []wLvl{{
			Ilvl: "0", Start: val("1"), NumFmt: val("bullet"), Text: val("•"), Jc: val("left"),
			PPr: &wPPr{Ind: &wInd{Left: 360, Hanging: 360}},
		}}}},
		Nums: []wNum{{ID: bulletNumID, Abstract: wVal{"0"}}},
	}
}
