package minutes

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/internal/longtest"
)

// The HTML opens in LibreOffice as a document: converted to PDF and to
// DOCX (what a democratic-services officer does to file or edit them), the
// tables keep their borders and sensible column widths, and no ref or date
// breaks across lines. Skipped where LibreOffice (soffice) is not installed.
func TestHTMLInLibreOffice(t *testing.T) {
	soffice := sofficeOrSkip(t)
	s := openDemo(t)
	doc := BuildWith(lastClosed(t, s), Options{})
	dir := t.TempDir()
	in := filepath.Join(dir, "minutes.html")
	if err := os.WriteFile(in, []byte(doc.HTML()), 0o600); err != nil {
		t.Fatal(err)
	}
	convert := func(to string) string {
		t.Helper()
		sofficeConvert(t, soffice, dir, to, in)
		ext, _, _ := strings.Cut(to, ":")
		return filepath.Join(dir, "minutes."+ext)
	}

	// DOCX: every table has borders; no column is a sliver, and the ref
	// column is narrower than the action's words.
	docx := convert("docx:MS Word 2007 XML")
	xml := readZipped(t, docx, "word/document.xml")
	tables := strings.Count(xml, "<w:tbl>")
	if tables == 0 {
		t.Fatal("the DOCX has no tables")
	}
	bordered := regexp.MustCompile(`<w:(top|bottom|start|end|left|right|insideH|insideV) w:val="single"`)
	for i, tbl := range strings.Split(xml, "<w:tbl>")[1:] {
		tbl, _, _ = strings.Cut(tbl, "</w:tbl>")
		if !bordered.MatchString(tbl) {
			t.Errorf("table %d has no borders in the DOCX", i+1)
		}
		var widths []int
		for _, m := range regexp.MustCompile(`<w:gridCol w:w="(\d+)"`).FindAllStringSubmatch(tbl, -1) {
			w, _ := strconv.Atoi(m[1])
			widths = append(widths, w)
		}
		if len(widths) < 4 {
			t.Errorf("table %d has %d columns in the DOCX", i+1, len(widths))
			continue
		}
		for j, w := range widths {
			if w < 400 { // twips: under 0.7 cm
				t.Errorf("table %d column %d is %d twips wide: a sliver", i+1, j+1, w)
			}
		}
		if widths[0] >= widths[len(widths)-1]*4 || widths[0] >= maxOf(widths) {
			t.Errorf("table %d: the ref column (%d) is as wide as the widest (%d)", i+1, widths[0], maxOf(widths))
		}
	}

	// PDF: every ref and every date in the tables is whole on one line.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext: the PDF's lines are not checked")
	}
	pdf := convert("pdf")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(out), "\u00a0", " ")
	for _, r := range allRows(doc) {
		if !strings.Contains(text, r.Ref) {
			t.Errorf("ref %s is not whole on one line of the PDF", r.Ref)
		}
		if d := due(r.Due); !regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(d), " ", `\s`)).MatchString(text) {
			t.Errorf("date %q breaks across lines in the PDF", d)
		}
	}
	t.Logf("%d tables", tables)
}

// sofficeOrSkip is LibreOffice's soffice, or skips the test where it is
// not installed (or under -short: it takes seconds to start).
func sofficeOrSkip(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			longtest.Skip(t, "LibreOffice takes seconds to start and tens of seconds to convert")
			return p
		}
	}
	t.Skip("no soffice on PATH: install LibreOffice (Debian's libreoffice-writer) to run this test")
	return ""
}

// sofficeConvert converts the files in one start of LibreOffice, into dir,
// with a profile of its own there (so it neither needs nor touches one in
// HOME, and runs beside another LibreOffice).
func sofficeConvert(t *testing.T, soffice, dir, to string, in ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", to, "--outdir", dir}, in...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
	}
}

func maxOf(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// readZipped is one file of a zip archive (a DOCX) as text.
func readZipped(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s has no %s", path, name)
	return ""
}
