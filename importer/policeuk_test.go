package importer

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/ccsp/tasking/internal/longtest"
	"github.com/ccsp/tasking/internal/policedata"
	"github.com/ccsp/tasking/model"
)

// rawCount is the real file counted without the importer: split on commas
// (the real files quote nothing; a test asserts it), the twelfth field the
// crime type, the ninth the LSOA name.
type rawCount struct {
	rows, asb, area, areaASB int
	// places is the area's ASB by LSOA code and location text.
	places map[[2]string]int
}

func countRaw(t *testing.T, path, area string) rawCount {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsRune(b, '"') {
		t.Fatalf("%s quotes a field: count it another way", path)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	c := rawCount{places: map[[2]string]int{}}
	for i, line := range lines {
		if i == 0 {
			continue
		}
		f := strings.Split(strings.TrimRight(line, "\r"), ",")
		if len(f) != 12 {
			t.Fatalf("%s line %d: %d fields", path, i+1, len(f))
		}
		c.rows++
		asb := f[9] == "Anti-social behaviour"
		in := strings.HasPrefix(f[8], area)
		if asb {
			c.asb++
		}
		if in {
			c.area++
		}
		if asb && in {
			c.areaASB++
			c.places[[2]string{f[7], strings.TrimPrefix(f[6], "On or near ")}]++
		}
	}
	return c
}

// The real files, read as an import reads them, give the counts the files
// themselves hold: every row read, the ASB rows of Chesterfield kept place
// by place, and the rest skipped for the right reason.
func TestRealFiles(t *testing.T) {
	for _, month := range policedata.Months {
		t.Run(month, func(t *testing.T) {
			path := policedata.File(t, month)
			want := countRaw(t, path, "Chesterfield")
			fh, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			got, err := ReadPolice(fh, path, PoliceOptions{Categories: []string{model.CategoryASB}, Area: "Chesterfield"})
			if err != nil {
				t.Fatal(err)
			}
			if got.Rows != want.rows || got.Kept != want.areaASB || got.OtherTypes != want.rows-want.asb ||
				got.OutsideArea != want.asb-want.areaASB || got.Unlocated != 0 {
				t.Errorf("read %d kept %d other %d outside %d unlocated %d; the file has %d rows, %d ASB, %d ASB in Chesterfield",
					got.Rows, got.Kept, got.OtherTypes, got.OutsideArea, got.Unlocated, want.rows, want.asb, want.areaASB)
			}
			places := map[[2]string]int{}
			for _, r := range got.Counts {
				if r.Month.String() != month || r.Force != "Derbyshire Constabulary" || r.Category != model.CategoryASB || !strings.HasPrefix(r.LSOAName, "Chesterfield ") {
					t.Errorf("a count of %+v", r)
				}
				places[[2]string{r.LSOA, r.Location}] += r.Count
			}
			if len(places) != len(want.places) {
				t.Errorf("%d places counted, the file has %d", len(places), len(want.places))
			}
			for k, n := range want.places {
				if places[k] != n {
					t.Errorf("%v: %d counted, the file has %d", k, places[k], n)
				}
			}
			if len(got.Batches) != 1 || got.Batches[0].Incidents != want.areaASB || got.Batches[0].Month.String() != month {
				t.Errorf("batches %+v", got.Batches)
			}
		})
	}
}

// Every type, no area: every row is kept, and the counts add up to them.
func TestRealFileEveryType(t *testing.T) {
	path := policedata.File(t, "2024-11")
	want := countRaw(t, path, "")
	fh, _ := os.Open(path)
	defer fh.Close()
	got, err := ReadPolice(fh, path, PoliceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, r := range got.Counts {
		sum += r.Count
	}
	if got.Rows != want.rows || got.Kept != want.rows || sum != want.rows || got.Skipped() != 0 {
		t.Errorf("read %d kept %d summing %d, skipped %d; the file has %d rows", got.Rows, got.Kept, sum, got.Skipped(), want.rows)
	}
	// A batch for each police.uk type, ASB among them with none (the
	// month had none): a trend shows 0, not a gap.
	asb := false
	for _, b := range got.Batches {
		if b.Category == model.CategoryASB {
			asb = b.Incidents == 0
		}
	}
	if !asb || len(got.Batches) < len(model.PoliceCategories) {
		t.Errorf("%d batches, ASB with none: %v", len(got.Batches), asb)
	}
}

const header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"

func asbRow(month, loc, lsoa, name string) string {
	return "," + month + ",Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2," + loc + "," + lsoa + "," + name + ",Anti-social behaviour,,"
}

func readPol(t *testing.T, s string, opt PoliceOptions) PoliceFile {
	t.Helper()
	got, err := ReadPolice(strings.NewReader(s), "test.csv", opt)
	if err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	return got
}

func asb() PoliceOptions { return PoliceOptions{Categories: []string{model.CategoryASB}} }

// Every quirk of real files, one fixture each.
func TestQuirks(t *testing.T) {
	plain := header + "\n" + asbRow("2024-01", "On or near Market Place", "E01019535", "Chesterfield 005D") + "\n"
	t.Run("byte-order mark", func(t *testing.T) {
		got := readPol(t, "\xEF\xBB\xBF"+plain, asb())
		if got.Kept != 1 || got.Counts[0].Location != "Market Place" {
			t.Errorf("%+v", got)
		}
	})
	t.Run("CRLF", func(t *testing.T) {
		got := readPol(t, strings.ReplaceAll(plain+asbRow("2024-01", "On or near Market Place", "E01019535", "Chesterfield 005D")+"\n", "\n", "\r\n"), asb())
		if got.Kept != 2 || len(got.Counts) != 1 || got.Counts[0].Count != 2 || got.Counts[0].LSOAName != "Chesterfield 005D" {
			t.Errorf("%+v", got.Counts)
		}
	})
	t.Run("quoted commas", func(t *testing.T) {
		got := readPol(t, header+"\n"+asbRow("2024-01", `"On or near Smith, Jones & Co"`, "E01019535", `"Chesterfield, 005D"`)+"\n", asb())
		if got.Kept != 1 || got.Counts[0].Location != "Smith, Jones & Co" || got.Counts[0].LSOAName != "Chesterfield, 005D" {
			t.Errorf("%+v", got.Counts)
		}
	})
	t.Run("On or near with no street", func(t *testing.T) {
		got := readPol(t, header+"\n"+asbRow("2024-01", "On or near ", "E01019535", "Chesterfield 005D")+"\n"+
			asbRow("2024-01", "On or near", "E01019535", "Chesterfield 005D")+"\n", asb())
		if got.Kept != 2 || len(got.Counts) != 1 || got.Counts[0].Location != model.NoStreet || !got.Counts[0].Street {
			t.Errorf("%+v", got.Counts)
		}
	})
	t.Run("No Location", func(t *testing.T) {
		s := header + "\n" + ",2024-01,Derbyshire Constabulary,Derbyshire Constabulary,,,No Location,,,Anti-social behaviour,,\n" + plain[len(header)+1:]
		got := readPol(t, s, asb())
		if got.Kept != 2 || got.Unlocated != 1 || got.UnlocatedSkipped != 0 {
			t.Errorf("kept %d unlocated %d", got.Kept, got.Unlocated)
		}
		if got.Batches[0].Unlocated != 1 || got.Counts[0].LSOA != "" {
			t.Errorf("%+v %+v", got.Batches, got.Counts)
		}
		// With --area there is no LSOA to tell: skipped, and said.
		got = readPol(t, s, PoliceOptions{Categories: []string{model.CategoryASB}, Area: "Chesterfield"})
		if got.Kept != 1 || got.Unlocated != 1 || got.UnlocatedSkipped != 1 {
			t.Errorf("with --area: kept %d unlocated %d skipped %d", got.Kept, got.Unlocated, got.UnlocatedSkipped)
		}
	})
	t.Run("a month with no ASB", func(t *testing.T) {
		got := readPol(t, header+"\nabc,2024-11,Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2,On or near X,E01019535,Chesterfield 005D,Drugs,Under investigation,\n", asb())
		if got.Kept != 0 || got.OtherTypes != 1 || len(got.Batches) != 1 || got.Batches[0].Incidents != 0 || got.Batches[0].Month.String() != "2024-11" {
			t.Errorf("%+v", got)
		}
	})
	t.Run("area and types", func(t *testing.T) {
		s := header + "\n" + asbRow("2024-01", "On or near A", "E1", "Chesterfield 001A") + "\n" +
			asbRow("2024-01", "On or near B", "E2", "Bolsover 001A") + "\n" +
			"x,2024-01,Derbyshire Constabulary,Derbyshire Constabulary,0,0,On or near C,E1,Chesterfield 001A,Public order,,\n"
		got := readPol(t, s, PoliceOptions{Categories: []string{model.CategoryASB, "Public order"}, Area: "chesterfield"})
		if got.Kept != 2 || got.OutsideArea != 1 || got.OtherTypes != 0 || len(got.Batches) != 2 {
			t.Errorf("%+v", got)
		}
	})
	t.Run("two months and a blank line", func(t *testing.T) {
		got := readPol(t, header+"\n"+asbRow("2024-01", "On or near A", "E1", "X 1")+"\n\n"+asbRow("2024-02", "On or near A", "E1", "X 1")+"\n", asb())
		if got.Rows != 2 || len(got.Batches) != 2 {
			t.Errorf("%+v", got)
		}
	})
	t.Run("text with escapes is cleaned", func(t *testing.T) {
		got := readPol(t, header+"\n"+asbRow("2024-01", "On or near Evil\x1b[2JStreet", "E1", "X 1")+"\n", asb())
		if strings.ContainsRune(got.Counts[0].Location, 0x1b) {
			t.Errorf("%q", got.Counts[0].Location)
		}
	})
}

// The wrong kind of file is refused, naming the line and column.
func TestWrongFiles(t *testing.T) {
	outcomes := "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\nabc,2024-01,D,D,0,0,On or near X,E1,X 1,Offender given a caution\n"
	tests := []struct {
		name, in     string
		line, column int // column 0: a character on the line instead
		says         string
	}{
		{"a member list", "name,agency,role\nAnn,police,member\n", 1, 1, `the header has "name" where a street-level file has "Crime ID"`},
		{"an outcomes file", outcomes, 1, 10, "outcomes file"},
		{"a short header", "Crime ID,Month,Reported by\n", 1, 4, "the header ends"},
		{"a short row", header + "\n,2024-01,D,D\n", 2, 5, "the row ends after 4 fields"},
		{"a bad month", header + "\n" + asbRow("Jan 2024", "On or near A", "E1", "X 1") + "\n", 2, 2, `column 2 (Month): Month "Jan 2024" is not a month`},
		{"a stray quote", header + "\n" + `,2024-01,D,D,0,0,On or "near" A,E1,X 1,Drugs,,` + "\n", 2, 0, "line 2, character 24: a stray quote"},
		{"a quote never closed", header + "\n" + `,2024-01,D,D,0,0,"On or near A,E1,X 1,Drugs,,` + "\n", 2, 0, "not closed"},
		{"no force", header + "\n,2024-01,,,0,0,On or near A,E1,X 1,Drugs,,\n", 2, 4, "column 4 (Falls within): no force"},
		{"no crime type", header + "\n,2024-01,D,D,0,0,On or near A,E1,X 1,,,\n", 2, 10, "column 10 (Crime type): no crime type"},
		{"a workbook", "PK\x03\x04 rest of a zip", 1, 1, "spreadsheet"},
		{"empty", "", 0, 0, "empty"},
		{"a header only", header + "\n", 2, 0, "no rows"},
		{"not UTF-8", header + "\n,2024-01,D,D,0,0,On or near Caf\xe9,E1,X 1,Drugs,,\n", 2, 7, "column 7 (Location): text that is not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPolice(strings.NewReader(tt.in), "f.csv", asb())
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("err %v, want a FormatError", err)
			}
			if (tt.line != 0 && fe.Line != tt.line) || (tt.column != 0 && fe.Column != tt.column) || !strings.Contains(fe.Error(), tt.says) {
				t.Errorf("%q: line %d column %d; want line %d column %d saying %q", fe.Error(), fe.Line, fe.Column, tt.line, tt.column, tt.says)
			}
		})
	}
}

// rowsReader is a police.uk file of n bytes at least: a header then the
// same row again and again.
type rowsReader struct {
	left int
	buf  []byte
}

func newRowsReader(n int) *rowsReader {
	return &rowsReader{left: n, buf: []byte(header + "\n")}
}

func (r *rowsReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	if len(r.buf) == 0 {
		r.buf = []byte(asbRow("2024-01", "On or near Market Place", "E01019535", "Chesterfield 005D") + "\n")
	}
	n := copy(p, r.buf)
	n = min(n, r.left)
	r.buf, r.left = r.buf[n:], r.left-n
	return n, nil
}

// The file's size limit, crossed.
func TestFileSizeLimit(t *testing.T) {
	row := len(asbRow("2024-01", "On or near Market Place", "E01019535", "Chesterfield 005D")) + 1
	longtest.Skip(t, "reads 128 MB")
	under := model.MaxPoliceFileBytes - (model.MaxPoliceFileBytes-len(header)-1)%row
	if got, err := ReadPolice(newRowsReader(under), "big.csv", asb()); err != nil || got.Kept != (under-len(header)-1)/row {
		t.Errorf("a file of %d bytes: %v, kept %d", under, err, got.Kept)
	}
	_, err := ReadPolice(newRowsReader(model.MaxPoliceFileBytes+1), "big.csv", asb())
	if err == nil || !strings.Contains(err.Error(), "larger than 64 MB") {
		t.Errorf("a file of one byte over: %v", err)
	}
}

// The limits of a row, crossed: its fields, a field's length.
func TestRowLimits(t *testing.T) {
	fields := strings.Repeat(",x", model.MaxPoliceFields-12)
	if _, err := ReadPolice(strings.NewReader(header+"\n"+asbRow("2024-01", "A", "E1", "X")+fields+"\n"), "f", asb()); err != nil {
		t.Errorf("%d fields: %v", model.MaxPoliceFields, err)
	}
	if _, err := ReadPolice(strings.NewReader(header+"\n"+asbRow("2024-01", "A", "E1", "X")+fields+",x\n"), "f", asb()); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("%d fields: %v", model.MaxPoliceFields+1, err)
	}

	long := strings.Repeat("a", model.MaxPoliceFieldBytes)
	if _, err := ReadPolice(strings.NewReader(header+"\n"+asbRow("2024-01", long, "E1", "X")+"\n"), "f", asb()); err != nil {
		t.Errorf("a field of %d bytes: %v", model.MaxPoliceFieldBytes, err)
	}
	if _, err := ReadPolice(strings.NewReader(header+"\n"+asbRow("2024-01", long+"a", "E1", "X")+"\n"), "f", asb()); err == nil || !strings.Contains(err.Error(), "line 2, column 7 (Location)") {
		t.Errorf("a field of %d bytes: %v", model.MaxPoliceFieldBytes+1, err)
	}
}

// FuzzPoliceUK: whatever the bytes, ReadPolice never panics, and what it
// accepts adds up: every row read is kept or skipped for one reason, and
// the counts sum to what was kept.
func FuzzPoliceUK(f *testing.F) {
	f.Add([]byte(header + "\n" + asbRow("2024-01", "On or near Market Place", "E01019535", "Chesterfield 005D") + "\n"))
	f.Add([]byte("\xEF\xBB\xBF" + header + "\r\n,2024-01,D,D,,,No Location,,,Anti-social behaviour,,\r\n"))
	f.Add([]byte(header + "\n" + `,2024-02,D,D,0,0,"On or near A, B",E1,"X, 1",Drugs,,` + "\n"))
	f.Add([]byte("name,agency\nx,y\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, opt := range []PoliceOptions{asb(), {}, {Area: "X"}} {
			got, err := ReadPolice(bytes.NewReader(b), "fuzz.csv", opt)
			if err != nil {
				continue
			}
			sum := 0
			for _, r := range got.Counts {
				sum += r.Count
				if r.Count <= 0 || r.Month.IsZero() || r.Force == "" || r.Category == "" {
					t.Fatalf("a count of %+v", r)
				}
			}
			if sum != got.Kept || got.Kept+got.Skipped() != got.Rows {
				t.Fatalf("rows %d kept %d skipped %d counts %d", got.Rows, got.Kept, got.Skipped(), sum)
			}
		}
	})
}
