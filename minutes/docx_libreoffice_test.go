package minutes

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// The DOCX as a reader's program lays it out: LibreOffice converts it to
// PDF (what Word would print), and poppler's pdftotext reads every page.
// Each page is A4 and carries the classification at its top and, with
// "Page N of M", at its foot; a page that goes on with a table starts with
// the table's header row, and the row under it starts with its ref (a row
// split across the page would start with words and no ref: rows are never
// split unless one is taller than a page, as the hostile record's are);
// every ref and date is whole on one line; nothing runs off the page, a
// 500-letter word included. Skipped where LibreOffice or pdftotext is not
// installed.
func TestDOCXInLibreOffice(t *testing.T) {
	soffice := sofficeOrSkip(t)
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: install poppler-utils to run this test", tool)
		}
	}
	s := openDemo(t)
	demo := lastClosed(t, s)
	cases := []struct {
		name     string
		rec      model.MeetingRecord
		opt      Options
		minPages int
		// rowsFit: every row is shorter than a page, so none may split.
		rowsFit bool
	}{
		// The demo runs to several pages, so the per-page checks check
		// something.
		{"demo-restricted", demo, Options{}, 4, true},
		{"demo-public", demo, Options{Public: true}, 3, true},
		// Hostile text in every cell makes rows taller than a page.
		{"hostile", hostileRecord(evil), Options{}, 2, false},
	}
	dir := t.TempDir()
	var in []string
	for _, c := range cases {
		b, err := Render(c.rec, DOCX, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, c.name+".docx")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		in = append(in, path)
	}
	// One start of LibreOffice for them all: it is the slow part.
	sofficeConvert(t, soffice, dir, "pdf", in...)

	refRow := regexp.MustCompile(`^A-\d+\s`)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := BuildWith(c.rec, c.opt)
			pdf := filepath.Join(dir, c.name+".pdf")
			data, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatalf("no PDF: %v", err)
			}
			pages := pdfPages(t, pdf, data)
			if pages < c.minPages {
				t.Errorf("%d pages, want at least %d", pages, c.minPages)
			}
			info, err := exec.Command("pdfinfo", pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(info)
			if m == nil {
				t.Fatalf("no page size:\n%s", info)
			}
			w, _ := strconv.ParseFloat(string(m[1]), 64)
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			if math.Abs(w-595.3) > 1 || math.Abs(h-841.9) > 1 {
				t.Errorf("pages are %s × %s points, not A4", m[1], m[2])
			}

			continued := 0
			for i := 1; i <= pages; i++ {
				out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), pdf, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				var lines []string // as laid out: indentation kept
				for _, l := range strings.Split(string(out), "\n") {
					if l = strings.TrimRight(strings.ReplaceAll(l, "\f", ""), " "); strings.TrimSpace(l) != "" {
						lines = append(lines, l)
					}
				}
				if len(lines) < 3 {
					t.Fatalf("page %d is empty: %q", i, lines)
				}
				top, bottom := squash(lines[0]), squash(lines[len(lines)-1])
				if top != doc.Classification {
					t.Errorf("page %d of %d starts %q, want the classification", i, pages, top)
				}
				if page := "Page " + strconv.Itoa(i) + " of " + strconv.Itoa(pages); !strings.HasPrefix(bottom, doc.Classification) || !strings.HasSuffix(bottom, page) {
					t.Errorf("page %d of %d ends %q, want the classification and %q", i, pages, bottom, page)
				}
				first := lines[1] // the first line of the page's body
				if refRow.MatchString(strings.TrimSpace(first)) {
					t.Errorf("page %d goes on with a table without its header row: %q", i, first)
				}
				if strings.HasPrefix(squash(first), "Ref ") && i > 1 && len(lines) > 3 && c.rowsFit {
					continued++
					next := lines[2]
					indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
					if !refRow.MatchString(strings.TrimSpace(next)) || indent(next) != indent(first) {
						t.Errorf("page %d: the row under the repeated header does not start with its ref (split across pages?): %q", i, next)
					}
				}
			}
			if c.rowsFit && continued == 0 {
				t.Error("no page went on with a table: the header repeat is not checked")
			}

			// Refs and dates whole on a line.
			all, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := strings.ReplaceAll(string(all), "\u00a0", " ")
			for _, r := range allRows(doc) {
				if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(r.Ref) + `\s`).MatchString(text) {
					t.Errorf("ref %s does not start a line whole", r.Ref)
				}
				if d := due(r.Due); !strings.Contains(text, d) {
					t.Errorf("date %q breaks across lines", d)
				}
			}

			// Nothing beyond the page's right edge, and every column of
			// every table is there.
			bbox, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			words := map[string]bool{}
			pageWidth := 0.0
			for _, m := range regexp.MustCompile(`<page width="([\d.]+)"|<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>`).FindAllSubmatch(bbox, -1) {
				if m[1] != nil {
					pageWidth, _ = strconv.ParseFloat(string(m[1]), 64)
					continue
				}
				x, _ := strconv.ParseFloat(string(m[2]), 64)
				// The right margin is 72 points. (LibreOffice without an
				// emoji font lets a ZWJ family it cannot draw stick out
				// into it by a few points: that is not a table too wide.)
				if x > pageWidth-36 {
					t.Errorf("%q ends at %.0f points, off the text of a page %.0f wide", m[3], x, pageWidth)
				}
				words[string(m[3])] = true
			}
			for _, h := range append(mattersHeader, actionLogHeader...) {
				if !words[h] {
					t.Errorf("no table column %q on any page", h)
				}
			}
			t.Logf("%d pages; %d went on with a table", pages, continued)
		})
	}
}
