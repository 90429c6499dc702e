package minutes

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// childOrder is the order the schema (ECMA-376 part 1) puts the children of
// these elements in, for the children the minutes write and their
// neighbours; "*" stands for any other child (runs, fields) after those
// listed before it. Word refuses a document whose children are out of
// order ("unreadable content"); LibreOffice forgives it, so only this test
// would notice.
var childOrder = map[string][]string{
	"w:document": {"w:background", "w:body"},
	"w:body":     {"*", "w:sectPr"},
	"w:p":        {"w:pPr", "*"},
	"w:r":        {"w:rPr", "*"},
	"w:pPr": {"w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
		"w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
		"w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
		"w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
		"w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
		"w:sectPr", "w:pPrChange"},
	"w:rPr": {"w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
		"w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
		"w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
		"w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
		"w:specVanish", "w:oMath"},
	"w:pBdr":  {"w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"},
	"w:numPr": {"w:ilvl", "w:numId"},
	"w:tbl":   {"w:tblPr", "w:tblGrid", "w:tr"},
	"w:tblPr": {"w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
		"w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
		"w:tblLayout", "w:tblCellMar", "w:tblLook"},
	"w:tblBorders": {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"},
	"w:tblCellMar": {"w:top", "w:left", "w:bottom", "w:right"},
	"w:tblGrid":    {"w:gridCol"},
	"w:tr":         {"w:tblPrEx", "w:trPr", "w:tc"},
	// CT_TrPr is a choice: any order.
	"w:trPr": {"*"},
	"w:tc":   {"w:tcPr", "w:p", "w:tbl"},
	"w:tcPr": {"w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
		"w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"},
	"w:sectPr": {"w:headerReference|w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
		"w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
		"w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings"},
	"w:styles":      {"w:docDefaults", "w:latentStyles", "w:style"},
	"w:docDefaults": {"w:rPrDefault", "w:pPrDefault"},
	"w:style": {"w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
		"w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
		"w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"},
	"w:numbering":   {"w:numPicBullet", "w:abstractNum", "w:num", "w:numIdMacAtCleanup"},
	"w:abstractNum": {"w:nsid", "w:multiLevelType", "w:tmpl", "w:name", "w:styleLink", "w:numStyleLink", "w:lvl"},
	"w:lvl": {"w:start", "w:numFmt", "w:lvlRestart", "w:pStyle", "w:isLgl", "w:suff", "w:lvlText", "w:lvlPicBulletId",
		"w:legacy", "w:lvlJc", "w:pPr", "w:rPr"},
	"w:settings":  {"w:writeProtection", "w:view", "w:zoom", "w:defaultTabStop", "w:characterSpacingControl", "w:compat"},
	"w:fldSimple": {"w:fldData", "*"},
}

// checkOrder: every element's children are ones the schema allows there,
// in its order.
func checkOrder(t *testing.T, part string, n *xnode) {
	t.Helper()
	if order, ok := childOrder[n.name]; ok {
		at := 0
		for _, c := range n.children {
			i := slices.IndexFunc(order, func(o string) bool { return slices.Contains(strings.Split(o, "|"), c.name) })
			if i < 0 {
				i = slices.Index(order, "*")
			}
			switch {
			case i < 0:
				t.Errorf("%s: %s holds %s, which the minutes should not write there", part, n.name, c.name)
			case i < at:
				t.Errorf("%s: in %s, %s comes after %s", part, n.name, c.name, order[at])
			default:
				at = i
			}
		}
	}
	for _, c := range n.children {
		checkOrder(t, part, c)
	}
}

// docxTree is a DOCX's XML parts as trees, each checked well-formed and
// in schema order.
func docxTree(t *testing.T, b []byte) map[string]*xnode {
	t.Helper()
	trees := map[string]*xnode{}
	for name, data := range docxParts(t, b) {
		if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`)) {
			t.Errorf("%s does not start with the XML declaration", name)
		}
		trees[name] = parseXML(t, name, data)
		checkOrder(t, name, trees[name])
	}
	return trees
}

// The package is one Word opens: every part has its content type, every
// relationship finds its part, the WordprocessingML parts declare the w
// and r prefixes on their roots.
func TestDOCXPackage(t *testing.T) {
	b, err := Render(richRecord(), DOCX, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		t.Fatalf("not a zip: %q", b[:min(len(b), 8)])
	}
	trees := docxTree(t, b)
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range trees {
			if !yield(n) {
				return
			}
		}
	})
	want := []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
		"word/footer1.xml", "word/header1.xml", "word/numbering.xml", "word/settings.xml", "word/styles.xml"}
	if !slices.Equal(names, want) {
		t.Fatalf("parts %v, want %v", names, want)
	}

	types := map[string]string{}
	for _, o := range trees["[Content_Types].xml"].all("Override") {
		types[o.attrs["PartName"]] = o.attrs["ContentType"]
	}
	wp := "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for part, ct := range map[string]string{
		"/word/document.xml": wp + "document.main+xml", "/word/styles.xml": wp + "styles+xml",
		"/word/numbering.xml": wp + "numbering+xml", "/word/settings.xml": wp + "settings+xml",
		"/word/header1.xml": wp + "header+xml", "/word/footer1.xml": wp + "footer+xml",
	} {
		if types[part] != ct {
			t.Errorf("%s has content type %q, want %q", part, types[part], ct)
		}
	}
	defaults := map[string]string{}
	for _, d := range trees["[Content_Types].xml"].all("Default") {
		defaults[d.attrs["Extension"]] = d.attrs["ContentType"]
	}
	if defaults["rels"] != "application/vnd.openxmlformats-package.relationships+xml" || defaults["xml"] != "application/xml" {
		t.Errorf("default content types %v", defaults)
	}

	rel := "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	root := trees["_rels/.rels"].all("Relationship")
	if len(root) != 1 || root[0].attrs["Type"] != rel+"officeDocument" || root[0].attrs["Target"] != "word/document.xml" {
		t.Errorf("the package relationships do not find the document: %v", root)
	}
	ids := map[string]string{} // r:id → the part's root element
	kinds := map[string]bool{}
	for _, r := range trees["word/_rels/document.xml.rels"].all("Relationship") {
		target := path.Join("word", r.attrs["Target"])
		part, ok := trees[target]
		if !ok {
			t.Errorf("relationship %s points at %s, which is not in the package", r.attrs["Id"], target)
			continue
		}
		ids[r.attrs["Id"]] = part.name
		kinds[strings.TrimPrefix(r.attrs["Type"], rel)] = true
	}
	for _, k := range []string{"styles", "numbering", "settings", "header", "footer"} {
		if !kinds[k] {
			t.Errorf("the document has no %s relationship", k)
		}
	}

	for _, name := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml"} {
		root := trees[name]
		if root.attrs["xmlns:w"] != "http://schemas.openxmlformats.org/wordprocessingml/2006/main" {
			t.Errorf("%s's root %s does not declare w:", name, root.name)
		}
	}
	for name, rootName := range map[string]string{"word/document.xml": "w:document", "word/header1.xml": "w:hdr", "word/footer1.xml": "w:ftr"} {
		if trees[name].name != rootName || trees[name].attrs["xmlns:r"] != "http://schemas.openxmlformats.org/officeDocument/2006/relationships" {
			t.Errorf("%s's root is %s with r: %q", name, trees[name].name, trees[name].attrs["xmlns:r"])
		}
	}

	// The page: header and footer on every page, A4, sectPr last.
	body := trees["word/document.xml"].child("w:body")
	sect := body.children[len(body.children)-1]
	if sect.name != "w:sectPr" {
		t.Fatalf("the body ends with %s, not w:sectPr", sect.name)
	}
	for _, ref := range []struct{ el, root string }{{"w:headerReference", "w:hdr"}, {"w:footerReference", "w:ftr"}} {
		r := sect.child(ref.el)
		if r == nil || r.attrs["w:type"] != "default" || ids[r.attrs["r:id"]] != ref.root {
			t.Errorf("%s %v does not find the %s part", ref.el, r, ref.root)
		}
	}
	if pg := sect.child("w:pgSz"); pg == nil || pg.attrs["w:w"] != "11906" || pg.attrs["w:h"] != "16838" {
		t.Errorf("the page is not A4: %v", pg)
	}
	if m := sect.child("w:pgMar"); m == nil || m.attrs["w:top"] != "1440" || m.attrs["w:left"] != "1440" || m.attrs["w:header"] != "708" {
		t.Errorf("page margins %v", m)
	}
	if sect.child("w:titlePg") != nil {
		t.Error("a different first-page header would leave page 1 without the classification")
	}
}

// Every page's header and footer carry the classification, and the footer
// says "Page X of Y" with fields, which belong in the paragraph beside the
// runs, never inside one.
func TestDOCXHeaderAndFooter(t *testing.T) {
	for _, public := range []bool{false, true} {
		d := BuildWith(richRecord(), Options{Public: public})
		b, err := d.DOCX()
		if err != nil {
			t.Fatal(err)
		}
		trees := docxTree(t, b)
		header, footer := trees["word/header1.xml"], trees["word/footer1.xml"]
		if got := header.plain(); got != d.Classification {
			t.Errorf("public %v: the header says %q", public, got)
		}
		ps := footer.all("w:p")
		if len(ps) != 1 {
			t.Fatalf("the footer has %d paragraphs", len(ps))
		}
		var shape []string
		for _, c := range ps[0].children {
			switch c.name {
			case "w:r":
				shape = append(shape, strings.TrimSpace(c.plain()))
				if len(c.all("w:fldSimple")) > 0 {
					t.Error("a field inside a run")
				}
			case "w:fldSimple":
				shape = append(shape, "{"+c.attrs["w:instr"]+"}")
			}
		}
		want := []string{d.Classification, "", "Page", "{PAGE}", "of", "{NUMPAGES}"}
		if !slices.Equal(shape, want) {
			t.Errorf("public %v: the footer is %q, want %q", public, shape, want)
		}
		red := len(header.all("w:color")) > 0 && len(footer.all("w:color")) > 0
		if red == public {
			t.Errorf("public %v: the classification is coloured %v", public, red)
		}
		// The page number at the right edge, however short the
		// classification: the footer style's one tab stop.
		for _, s := range trees["word/styles.xml"].all("w:style") {
			if s.attrs["w:styleId"] != styleFooter {
				continue
			}
			tabs := s.all("w:tab")
			if len(tabs) != 1 || tabs[0].attrs["w:val"] != "right" || tabs[0].attrs["w:pos"] != strconv.Itoa(docxTextWidth) {
				t.Errorf("the footer's tab stops are %v, want one at the right edge", tabs)
			}
		}
	}
}

// The styles the document uses are all defined: Word's own (Normal, Title,
// Heading 1 and 2 with their names, keep-with-next and outline levels,
// List Bullet on the defined list) and the minutes'. Each minute is a
// Minute Heading paragraph that starts with the Doc's minute number.
func TestDOCXStyles(t *testing.T) {
	d := BuildWith(richRecord(), Options{})
	b, err := d.DOCX()
	if err != nil {
		t.Fatal(err)
	}
	trees := docxTree(t, b)
	styles := map[string]*xnode{}
	for _, s := range trees["word/styles.xml"].all("w:style") {
		styles[s.attrs["w:styleId"]] = s
	}
	name := func(id string) string {
		if s := styles[id]; s != nil && s.child("w:name") != nil {
			return s.child("w:name").attrs["w:val"]
		}
		return ""
	}
	for id, want := range map[string]string{styleNormal: "Normal", styleTitle: "Title", styleHeading1: "heading 1",
		styleHeading2: "heading 2", styleListBullet: "List Bullet", styleMinute: "Minute Heading", styleHeader: "header", styleFooter: "footer"} {
		if got := name(id); got != want {
			t.Errorf("style %s is named %q, want %q", id, got, want)
		}
	}
	if styles[styleNormal].attrs["w:default"] != "1" {
		t.Error("Normal is not the default paragraph style")
	}
	for id, level := range map[string]string{styleHeading1: "0", styleHeading2: "1"} {
		ppr := styles[id].child("w:pPr")
		if ppr == nil || ppr.child("w:keepNext") == nil || ppr.child("w:keepLines") == nil || ppr.child("w:outlineLvl") == nil ||
			ppr.child("w:outlineLvl").attrs["w:val"] != level {
			t.Errorf("%s does not keep with the next paragraph at outline level %s", id, level)
		}
	}
	if b := styles[styleMinute].child("w:basedOn"); b == nil || b.attrs["w:val"] != styleHeading1 {
		t.Error("Minute Heading is not a Heading 1")
	}
	nums := map[string]bool{}
	for _, n := range trees["word/numbering.xml"].all("w:num") {
		nums[n.attrs["w:numId"]] = true
	}
	if id := styles[styleListBullet].all("w:numId"); len(id) != 1 || !nums[id[0].attrs["w:val"]] {
		t.Error("List Bullet does not point at a defined list")
	}
	if f := trees["word/numbering.xml"].all("w:numFmt"); len(f) != 1 || f[0].attrs["w:val"] != "bullet" {
		t.Error("the list is not a bullet list")
	}

	// Every style used is defined, and is of the right type.
	for _, part := range []string{"word/document.xml", "word/header1.xml", "word/footer1.xml"} {
		for _, use := range []struct{ el, typ string }{{"w:pStyle", "paragraph"}, {"w:rStyle", "character"}} {
			for _, s := range trees[part].all(use.el) {
				id := s.attrs["w:val"]
				if styles[id] == nil || styles[id].attrs["w:type"] != use.typ {
					t.Errorf("%s uses %s style %q, which is not defined", part, use.typ, id)
				}
			}
		}
	}
	for id, s := range styles {
		if based := s.child("w:basedOn"); based != nil && styles[based.attrs["w:val"]] == nil {
			t.Errorf("%s is based on %q, which is not defined", id, based.attrs["w:val"])
		}
	}

	// The numbered minutes, as the Doc numbers them.
	var minutes []string
	for _, p := range trees["word/document.xml"].all("w:p") {
		if p.style() == styleMinute {
			minutes = append(minutes, p.plain())
		}
	}
	if len(minutes) != len(d.Items) {
		t.Fatalf("%d minute headings for %d items", len(minutes), len(d.Items))
	}
	for i, it := range d.Items {
		if minutes[i] != itemHeading(it) || !strings.HasPrefix(minutes[i], strconv.Itoa(it.Number)+". ") {
			t.Errorf("minute %d is headed %q, want %q", i+1, minutes[i], itemHeading(it))
		}
	}
}

// Tables are the text's full width with fixed columns adding up to it,
// bordered all round and inside, rows never split, the header row (and
// only it) repeated on each page, each cell with a paragraph, every row as
// wide as the grid; refs and dates get columns wide enough for them.
func TestDOCXTables(t *testing.T) {
	s := openDemo(t)
	for name, rec := range map[string]model.MeetingRecord{"rich": richRecord(), "demo": lastClosed(t, s), "hostile": hostileRecord(evil)} {
		b, err := Render(rec, DOCX, Options{})
		if err != nil {
			t.Fatal(err)
		}
		doc := docxTree(t, b)["word/document.xml"]
		tables := doc.all("w:tbl")
		if len(tables) < 2 {
			t.Fatalf("%s: %d tables", name, len(tables))
		}
		for i, tbl := range tables {
			where := fmt.Sprintf("%s table %d", name, i+1)
			pr := tbl.child("w:tblPr")
			if w := pr.child("w:tblW"); w == nil || w.attrs["w:type"] != "pct" || w.attrs["w:w"] != "5000" {
				t.Errorf("%s is not the full width: %v", where, w)
			}
			if l := pr.child("w:tblLayout"); l == nil || l.attrs["w:type"] != "fixed" {
				t.Errorf("%s is not laid out fixed", where)
			}
			borders := pr.child("w:tblBorders")
			for _, edge := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
				if borders == nil || borders.child(edge) == nil || borders.child(edge).attrs["w:val"] != "single" {
					t.Errorf("%s has no %s border", where, edge)
				}
			}
			var grid []int
			sum := 0
			for _, g := range tbl.child("w:tblGrid").all("w:gridCol") {
				w, _ := strconv.Atoi(g.attrs["w:w"])
				grid = append(grid, w)
				sum += w
			}
			if sum != docxTextWidth {
				t.Errorf("%s: the columns add up to %d twips, the text is %d", where, sum, docxTextWidth)
			}
			rows := tbl.all("w:tr")
			for j, tr := range rows {
				pr := tr.child("w:trPr")
				if pr == nil || pr.child("w:cantSplit") == nil {
					t.Errorf("%s row %d may split across pages", where, j+1)
				}
				if header := pr != nil && pr.child("w:tblHeader") != nil; header != (j == 0) {
					t.Errorf("%s row %d: repeated as a header %v", where, j+1, header)
				}
				cells := tr.all("w:tc")
				if len(cells) != len(grid) {
					t.Errorf("%s row %d has %d cells for %d columns", where, j+1, len(cells), len(grid))
				}
				for k, tc := range cells {
					if len(tc.all("w:p")) == 0 {
						t.Errorf("%s row %d cell %d has no paragraph", where, j+1, k+1)
					}
					if k < len(grid) && tc.child("w:tcPr").child("w:tcW").attrs["w:w"] != strconv.Itoa(grid[k]) {
						t.Errorf("%s row %d cell %d is not as wide as its column", where, j+1, k+1)
					}
				}
			}
			// A hotspot's months (docx_trend.go): every month's name and
			// count fits its column whole.
			if rows[0].all("w:tc")[0].plain() == trendMonthLabel {
				for j, tr := range rows {
					for k, tc := range tr.all("w:tc") {
						if need := textTwips(tc.plain(), docxTableSize, j == 0) + 2*docxCellPad; need > grid[k] {
							t.Errorf("%s row %d cell %d: %q needs %d twips, has %d", where, j+1, k+1, tc.plain(), need, grid[k])
						}
					}
				}
				continue
			}
			// The ref column fits the widest ref, and is narrower than the
			// action's words.
			widest := 0
			for j, tr := range rows {
				widest = max(widest, textTwips(tr.all("w:tc")[0].plain(), docxTableSize, j == 0))
			}
			if grid[0] < widest+2*docxCellPad || grid[0] >= grid[1] {
				t.Errorf("%s: the ref column is %d twips for refs %d wide; the next is %d", where, grid[0], widest, grid[1])
			}
		}
	}
}

// A decade's refs (A-60000) and every due date fit their columns.
func TestDOCXColumnsFitLongRefs(t *testing.T) {
	for _, header := range [][]string{actionsHeader, mattersHeader, actionLogHeader} {
		row := map[string]string{"Ref": "A-60000", "Hotspot": "HS-1234", "Due": "30 Sep 2029", "Status": "in progress (overdue)",
			"Action": strings.Repeat("word ", 40), "Owner": "Police (PCSO Nadia Khan)", "Update": "reviewed"}
		cells := make([]string, len(header))
		for i, h := range header {
			cells[i] = row[h]
		}
		widths := docxColumns(header, docxCells(header, [][]string{cells}))
		sum := 0
		for i, h := range header {
			sum += widths[i]
			word := row[h]
			if h == "Due" {
				word = strings.ReplaceAll(word, " ", "\u00a0")
			}
			if h == "Ref" || h == "Hotspot" || h == "Due" {
				if need := textTwips(word, docxTableSize, false) + 2*docxCellPad; widths[i] < need {
					t.Errorf("%v: %s is %d twips for %q, which needs %d", header, h, widths[i], word, need)
				}
			}
			if widths[i] < 500 {
				t.Errorf("%v: %s is %d twips: a sliver", header, h, widths[i])
			}
		}
		if sum != docxTextWidth {
			t.Errorf("%v: %d twips in all", header, sum)
		}
	}
}

// The DOCX says what the other formats say, in the same order: the
// classification, the heading, every minute and resolution, the action
// log, the classification again.
func TestDOCXSaysWhatTheMinutesSay(t *testing.T) {
	s := openDemo(t)
	draft := fixtureRecord()
	draft.Meeting.State = model.MeetingOpen
	for name, rec := range map[string]model.MeetingRecord{"fixture": fixtureRecord(), "draft": draft, "rich": richRecord(), "demo": lastClosed(t, s)} {
		for _, public := range []bool{false, true} {
			t.Run(name+"/"+strconv.FormatBool(public), func(t *testing.T) {
				doc := BuildWith(rec, Options{Public: public})
				b, err := doc.DOCX()
				if err != nil {
					t.Fatal(err)
				}
				text := squash(docxText(t, b))
				want := []string{doc.Classification, doc.Classification, doc.Partnership, squash(heldOn(doc)), squash(statusSentence(doc))}
				if doc.Status == StatusDraft {
					want[4] = draftNotice + " " + squash(statusSentence(doc))
				}
				if public {
					want = append(want, doc.PrivateNotice)
				}
				want = append(want, "Present")
				for _, it := range doc.Items {
					want = append(want, squash(itemHeading(it)))
					for _, r := range it.Resolutions {
						want = append(want, "RESOLVED – "+squash(r.Text))
					}
					for _, a := range it.Actions {
						want = append(want, a.Ref+" "+squash(actionText(a)))
					}
				}
				want = append(want, actionLogTitle, squash(actionLogIntro(doc)))
				for _, a := range doc.ActionLog {
					want = append(want, a.Ref+" "+a.Hotspot+" "+squash(actionText(a)))
				}
				want = append(want, squash(signatureLine), doc.Classification, doc.Classification+" Page 1 of 1")
				at := 0
				for _, w := range want {
					i := strings.Index(text[at:], w)
					if i < 0 {
						t.Fatalf("the DOCX does not say %q (after position %d):\n%s", w, at, text)
					}
					at += i + len(w)
				}
			})
		}
	}
}

// The same minutes are the same bytes: nothing in the package depends on
// the clock or on map order.
func TestDOCXSameBytes(t *testing.T) {
	a, err := Render(richRecord(), DOCX, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, _ := Render(richRecord(), DOCX, Options{})
		if !bytes.Equal(a, b) {
			t.Fatal("two renders of the same record differ")
		}
	}
}

// Characters XML cannot hold (U+FFFE, U+FFFF), which the cleaning of text
// leaves for formats that can, do not make the DOCX unreadable: each part
// stays well-formed XML.
func TestDOCXCharactersXMLCannotHold(t *testing.T) {
	rec := hostileRecord(evil + " \ufffe \uffff \U0010FFFD \u0085")
	for _, public := range []bool{false, true} {
		b, err := Render(rec, DOCX, Options{Public: public})
		if err != nil {
			t.Fatal(err)
		}
		docxTree(t, b) // fails on any part Go's decoder refuses
		text := docxText(t, b)
		if strings.ContainsAny(text, "\ufffe\uffff\u001b\u0007\u0085") {
			t.Error("a character XML cannot hold is in the text")
		}
		if !strings.Contains(text, "\U0010FFFD") {
			t.Error("a character XML can hold was lost")
		}
	}
}
