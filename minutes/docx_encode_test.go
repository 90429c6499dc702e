package minutes

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/ccsp/tasking/model"
)

// TestDocxEncodingIsEncodingXMLs: the document, its header and its footer,
// written by hand (docx_encode.go), are byte for byte what encoding/xml
// writes from the same structs — for the rich record, the demo's last
// closed meeting, a hostile one (markup, quotes, control characters, bytes
// that are not UTF-8, U+FFFD itself), both versions, and for every
// property any element may carry, set.
func TestDocxEncodingIsEncodingXMLs(t *testing.T) {
	s := openDemo(t)
	hostile := evil + " \"q\" 'a' \t\r\n \x01\x1f\x7f \xff\xfe \uFFFD \U0001F600 \u2028 & <"
	recs := map[string]model.MeetingRecord{"rich": richRecord(), "demo": lastClosed(t, s), "hostile": hostileRecord(hostile)}
	for name, rec := range recs {
		for _, public := range []bool{false, true} {
			d := BuildWith(rec, Options{Public: public})
			same(t, name+" document", docxDocument(d.docxBody()))
			same(t, name+" header", docxHeader(d.Classification, !d.Public))
			same(t, name+" footer", docxFooter(d.Classification, !d.Public))
		}
	}
	// Every optional property, set (the minutes use few of them).
	b := &wBorder{Val: "single", Sz: 4, Space: 1, Color: "88\"88"}
	w := &wWidth{W: 20, Type: "dxa"}
	full := wP{PPr: &wPPr{Style: val("S<"), KeepNext: on, KeepLines: on,
		NumPr:   &wNumPr{Ilvl: val("0"), NumID: val("1")},
		Borders: &wPBdr{Top: b, Left: b, Bottom: b, Right: b},
		Tabs:    &wTabs{Tabs: []wTab{{"right", 9000}, {"center", 4000}}},
		Spacing: &wSpacing{Before: 1, After: 2, Line: 3, LineRule: "auto"},
		Ind:     &wInd{Left: 4, Hanging: 5}, Jc: val("center"), OutlineLvl: val("0"),
		RPr: &wRPr{Style: val("x"), Fonts: &wFonts{"a", "b", "c", "d"}, Bold: on, Italic: on, Color: val("C00000"), Size: val("18"), Lang: val("en-GB")}},
		Items: []any{wR{Items: []any{wT{Space: "preserve", Text: hostile}, wBr{}, wTabChar{}}}, wFldSimple{Instr: "PAGE", R: []wR{textRun("1", nil)}}}}
	bare := wP{PPr: &wPPr{Tabs: &wTabs{}, Spacing: &wSpacing{}, Ind: &wInd{}}}
	tbl := wTbl{TblPr: wTblPr{W: wWidth{5000, "pct"}, Borders: &wBorders{b, b, b, b, b, b}, Layout: &wType{"fixed"},
		CellMar: &wCellMar{Top: w, Right: w}},
		Grid: []wWidthCol{{100}, {200}},
		Rows: []wTr{{TrPr: &wTrPr{CantSplit: on, TblHeader: on}, Cells: []wTc{{TcPr: wTcPr{W: *w, Shd: &wShd{"clear", "auto", "E8E8E8"}}, Paras: []wP{full}}}},
			{Cells: []wTc{{TcPr: wTcPr{W: *w}, Paras: []wP{bare}}}}}}
	same(t, "every property", docxDocument([]any{full, bare, tbl, wTbl{}}))
}

func same(t *testing.T, what string, v any) {
	t.Helper()
	want, err := xml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	ok, err := writePart(&buf, v)
	got := buf.Bytes()
	if !ok || err != nil {
		t.Fatalf("%s: not written by hand (%v)", what, err)
	}
	if string(got) != string(want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s differs from encoding/xml's at byte %d:\nhand: …%.200s\nxml:  …%.200s", what, i, got[max(i-60, 0):], want[max(i-60, 0):])
	}
}
