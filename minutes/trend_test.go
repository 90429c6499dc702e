package minutes

import (
	"fmt"
	"regexp"

	"github.com/ccsp/tasking/model"
	"strings"
	"testing"
)

// Each hotspot item's 12 months: in every format a sentence with each
// month's count and the trend; in the HTML, beside it, a small inline SVG
// (checkHTML holds it to rects and numbers, nothing fetched). The public
// version names the areas counted, never a street, and has nothing of a
// hotspot taken in private.
func TestTrendInTheMinutes(t *testing.T) {
	rec := richRecord()
	restricted := BuildWith(rec, Options{})
	public := BuildWith(rec, Options{Public: true})
	sentence := "Incidents (police.uk, anti-social behaviour: Chesterfield 010A (E01019432), Low Pavement (E01019433)), " +
		"November 2025 to October 2026: Nov 25 12 · Dec 25 9 · Jan 26 – · Feb 26 14 · Mar 26 15 · Apr 26 11 · May 26 18 · " +
		"Jun 26 20 · Jul 26 17 · Aug 26 15 · Sep 26 16 · Oct 26 24. Oct 26: 24, +50% on the three months before."
	for _, f := range []Format{MD, TXT, JSON, DOCX} {
		out := render(t, rec, f, Options{})
		if !strings.Contains(unwrap(out), sentence) && f != JSON {
			t.Errorf("%s: the trend sentence is missing:\n%s", f, out)
		}
		if f == JSON && (!strings.Contains(out, `"trend": "+50%"`) || !strings.Contains(out, `"count": null`)) {
			t.Errorf("json: the trend is missing")
		}
	}
	html := render(t, rec, HTML, Options{})
	checkHTML(t, restricted, html)
	svgs := regexp.MustCompile(`<svg class="spark"[^>]*>(.*?)</svg>`).FindAllStringSubmatch(html, -1)
	if len(svgs) != 2 {
		t.Fatalf("%d sparklines in the restricted HTML, want HS-1's and HS-2's", len(svgs))
	}
	// HS-1: a bar for each month counted (11 of 12), the largest full height.
	if bars := strings.Count(svgs[0][1], "<rect "); bars != 11 || !strings.Contains(svgs[0][1], `height="16"`) {
		t.Errorf("HS-1's sparkline: %d bars: %s", bars, svgs[0][0])
	}
	if !strings.Contains(html, esc(sentence)) {
		t.Error("the HTML lacks the trend sentence beside its sparkline")
	}

	pub := render(t, rec, HTML, Options{Public: true})
	checkHTML(t, public, pub)
	if n := strings.Count(pub, `<svg class="spark"`); n != 1 {
		t.Errorf("%d sparklines in the public HTML, want HS-1's alone", n)
	}
	for _, f := range []Format{MD, HTML, TXT, JSON, DOCX} {
		out := render(t, rec, f, Options{Public: true})
		for _, leak := range []string{"Low Pavement", "Middlecroft Road", "counts entered by the chair", "Oct 26: 7"} {
			if strings.Contains(out, leak) {
				t.Errorf("public %s: %q reached it", f, leak)
			}
		}
		named := "anti-social behaviour: Chesterfield 010A, E01019433)"
		if f == JSON {
			named = `"areas": "Chesterfield 010A, E01019433"`
		}
		if !strings.Contains(unwrap(out), named) {
			t.Errorf("public %s: HS-1's areas are not named by LSOA", f)
		}
	}
}

// unwrap joins text wrapped at 72 columns back into one line.
func unwrap(s string) string { return strings.Join(strings.Fields(s), " ") }

// render is the minutes of rec in f as text (a Word document as what a
// reader reads of it).
func render(t *testing.T, rec model.MeetingRecord, f Format, opt Options) string {
	t.Helper()
	b, err := Render(rec, f, opt)
	if err != nil {
		t.Fatal(err)
	}
	if f == DOCX {
		return docxOutline(t, b)
	}
	return string(b)
}

// The Word minutes, which show no SVG, give each hotspot's 12 months as a
// small table under the sentence: the months, their counts and a bar
// each. The public version has HS-1's alone (HS-2 is taken in private),
// and the table holds counts, never a place.
func TestTrendInTheWordMinutes(t *testing.T) {
	rec := richRecord()
	tables := func(opt Options) [][][]string {
		b, err := Render(rec, DOCX, opt)
		if err != nil {
			t.Fatal(err)
		}
		var out [][][]string
		for _, tbl := range docxTree(t, b)["word/document.xml"].all("w:tbl") {
			var rows [][]string
			for _, tr := range tbl.all("w:tr") {
				var cells []string
				for _, tc := range tr.all("w:tc") {
					cells = append(cells, tc.plain())
				}
				rows = append(rows, cells)
			}
			if rows[0][0] == trendMonthLabel {
				out = append(out, rows)
			}
		}
		return out
	}
	hs1 := [][]string{
		{"Month", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"},
		{"Incidents", "12", "9", "–", "14", "15", "11", "18", "20", "17", "15", "16", "24"},
		{"Chart", "▄", "▃", "", "▅", "▅", "▄", "▆", "▇", "▆", "▅", "▆", "█"},
	}
	restricted := tables(Options{})
	if len(restricted) != 2 || fmt.Sprint(restricted[0]) != fmt.Sprint(hs1) {
		t.Fatalf("restricted: %d trend tables, the first %q; want HS-1's %q and HS-2's", len(restricted), restricted, hs1)
	}
	public := tables(Options{Public: true})
	if len(public) != 1 || fmt.Sprint(public[0]) != fmt.Sprint(hs1) {
		t.Errorf("public: %q, want HS-1's alone", public)
	}
}
