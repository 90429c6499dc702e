package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ccsp/tasking/model"
)

// A data.police.uk street-level file: one row per crime or ASB incident.
// The header, in this order (police.uk has not changed it since 2013):
var policeHeader = []string{"Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
	"Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"}

// The columns an import reads; the rest are ignored.
const (
	pcMonth    = "Month"
	pcReported = "Reported by"
	pcForce    = "Falls within"
	pcLocation = "Location"
	pcLSOA     = "LSOA code"
	pcLSOAName = "LSOA name"
	pcType     = "Crime type"
)

var policeNeeds = []string{pcMonth, pcForce, pcLocation, pcLSOA, pcLSOAName, pcType}

// noLocation is police.uk's location for an incident it cannot place.
const noLocation = "No Location"

// PoliceOptions are what an import keeps (its flags).
type PoliceOptions struct {
	// Categories are the crime types kept: nil keeps every one.
	Categories []string
	// Area keeps rows whose LSOA name starts with it ("" keeps all).
	Area string
}

// PoliceFile is one file read: every count it makes and what it skipped.
type PoliceFile struct {
	Name string
	// Rows is the data rows read; Kept those counted. Skipped are the
	// rest, by reason: OtherTypes (a crime type not asked for),
	// OutsideArea (an LSOA not in --area) and Unlocated with --area (no
	// LSOA to tell). Unlocated is every "No Location" row, kept or not.
	Rows, Kept              int
	OtherTypes, OutsideArea int
	UnlocatedSkipped        int
	Unlocated               int
	Batches                 []model.IncidentBatch
	Counts                  []model.IncidentRow
}

// Skipped is every row not counted.
func (f PoliceFile) Skipped() int { return f.OtherTypes + f.OutsideArea + f.UnlocatedSkipped }

// FormatError is a file that is not what an import reads, or a row it
// cannot read: the line and column say where. Column is a spreadsheet's
// column (the field's number, 1 for the first), named by the header when
// it has one; a CSV that does not parse is placed by Char instead, the
// character on the line where it goes wrong.
type FormatError struct {
	Line, Column int
	Name         string // the column's header
	Char         int
	Reason       string
}

func (e *FormatError) Error() string {
	where := ""
	switch {
	case e.Line > 0 && e.Column > 0 && e.Name != "":
		where = fmt.Sprintf("line %d, column %d (%s)", e.Line, e.Column, e.Name)
	case e.Line > 0 && e.Column > 0:
		where = fmt.Sprintf("line %d, column %d", e.Line, e.Column)
	case e.Line > 0 && e.Char > 0:
		where = fmt.Sprintf("line %d, character %d", e.Line, e.Char)
	case e.Line > 0:
		where = fmt.Sprintf("line %d", e.Line)
	default:
		return e.Reason
	}
	return where + ": " + e.Reason
}

// notPolice is the sentence every "wrong kind of file" error ends with.
const notPolice = "this is not a data.police.uk street-level crime file (download \"street\" files from data.police.uk/data)"

// ReadPolice reads a data.police.uk street-level CSV and counts it: per
// force, month, crime type and place (the LSOA and the street within it),
// keeping only what opt asks for. It takes what real files hold — a
// byte-order mark, CRLF line ends, quoted fields with commas, "On or near "
// with no street, "No Location" rows with empty coordinates and LSOA, a
// month with none of the types asked for — and refuses anything else with
// the line and column (FormatError). It reads all of r or returns an
// error: the caller imports a file whole or not at all.
func ReadPolice(r io.Reader, name string, opt PoliceOptions) (PoliceFile, error) {
	out := PoliceFile{Name: name}
	lim := &io.LimitedReader{R: r, N: model.MaxPoliceFileBytes + 1}
	br := bufio.NewReaderSize(lim, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	if b, err := br.Peek(4); err == nil && (bytes.Equal(b, []byte("PK\x03\x04")) || bytes.Equal(b, []byte{0xD0, 0xCF, 0x11, 0xE0})) {
		return out, &FormatError{Line: 1, Column: 1, Reason: "this is a spreadsheet (Excel or another zip file), not a CSV: " + notPolice}
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return out, &FormatError{Reason: "the file is empty: " + notPolice}
	}
	if err != nil {
		return out, csvError(err, lim)
	}
	header = slices.Clone(header) // ReuseRecord: the next read overwrites it
	col, err := policeColumns(header)
	if err != nil {
		return out, err
	}
	keep := func(string) bool { return true }
	if opt.Categories != nil {
		keep = func(c string) bool { return slices.Contains(opt.Categories, c) }
	}
	type countKey struct {
		force, cat string
		month      model.Month
		place      model.Place
	}
	counts := map[countKey]int{}
	names := map[string]string{} // LSOA code → name
	type batchKey struct {
		force string
		month model.Month
	}
	var seen []batchKey
	seenCats := map[batchKey]map[string]bool{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return out, csvError(err, lim)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line (csv skips most; a lone space is one field)
		}
		if len(rec) > model.MaxPoliceFields {
			return out, &FormatError{Line: line, Column: model.MaxPoliceFields + 1, Reason: fmt.Sprintf("a row of %d fields: a police.uk row has %d", len(rec), len(policeHeader))}
		}
		nameOf := func(i int) string {
			if i < len(header) {
				return model.CleanLine(header[i])
			}
			return ""
		}
		for i, f := range rec {
			if len(f) > model.MaxPoliceFieldBytes {
				return out, &FormatError{Line: line, Column: i + 1, Name: nameOf(i), Reason: fmt.Sprintf("a field of %d bytes: no police.uk field is longer than %d", len(f), model.MaxPoliceFieldBytes)}
			}
			if !utf8.ValidString(f) {
				return out, &FormatError{Line: line, Column: i + 1, Name: nameOf(i), Reason: "text that is not UTF-8: police.uk files are UTF-8; " + notPolice}
			}
		}
		field := func(name string) (string, int) {
			i := col[name]
			if i < 0 || i >= len(rec) {
				return "", i
			}
			return strings.TrimSpace(rec[i]), i
		}
		need := 0
		for _, n := range policeNeeds {
			need = max(need, col[n]+1)
		}
		if len(rec) < need {
			return out, &FormatError{Line: line, Column: len(rec) + 1, Reason: fmt.Sprintf("the row ends after %d fields: a police.uk row has %d (%s)", len(rec), len(header), strings.Join(policeHeader, ","))}
		}
		out.Rows++
		ms, mi := field(pcMonth)
		month, err := model.ParseMonth(ms)
		if err != nil {
			return out, &FormatError{Line: line, Column: mi + 1, Name: pcMonth, Reason: fmt.Sprintf("Month %q is not a month (YYYY-MM): %s", model.CleanLine(ms), notPolice)}
		}
		force, _ := field(pcForce)
		if force == "" {
			force, _ = field(pcReported)
		}
		force = model.CleanLine(force)
		if force == "" {
			_, fi := field(pcForce)
			return out, &FormatError{Line: line, Column: fi + 1, Name: pcForce, Reason: "no force: \"Falls within\" (and \"Reported by\") is empty"}
		}
		cat, ci := field(pcType)
		cat = model.CleanLine(cat)
		if cat == "" {
			return out, &FormatError{Line: line, Column: ci + 1, Name: pcType, Reason: "no crime type: \"Crime type\" is empty"}
		}
		bk := batchKey{force, month}
		if seenCats[bk] == nil {
			seenCats[bk] = map[string]bool{}
			seen = append(seen, bk)
		}
		lsoa, _ := field(pcLSOA)
		lsoa = model.CleanLine(lsoa)
		loc, _ := field(pcLocation)
		lsoaName, _ := field(pcLSOAName)
		lsoaName = model.CleanLine(lsoaName)
		unlocated := lsoa == "" || strings.EqualFold(loc, noLocation)
		if !keep(cat) {
			out.OtherTypes++
			if unlocated {
				out.Unlocated++
			}
			continue
		}
		if unlocated {
			out.Unlocated++
			if opt.Area != "" {
				out.UnlocatedSkipped++
				seenCats[bk][cat] = true
				continue
			}
		} else if !model.InArea(lsoaName, opt.Area) {
			out.OutsideArea++
			continue
		}
		seenCats[bk][cat] = true
		var place model.Place
		if !unlocated {
			place = model.Place{LSOA: lsoa, Location: model.StreetOf(loc), Street: true}
			if lsoaName != "" {
				names[lsoa] = lsoaName
			}
		}
		counts[countKey{force, cat, month, place}]++
		out.Kept++
	}
	if lim.N <= 0 {
		return out, &FormatError{Reason: fmt.Sprintf("the file is larger than %d MB: no month of one force is (split it by month)", model.MaxPoliceFileBytes>>20)}
	}
	if len(seen) == 0 {
		return out, &FormatError{Line: 2, Reason: "the file has a header but no rows"}
	}
	// One batch per force and month the file covers, for every crime type
	// asked for (or, with every type, each police.uk type and any other the
	// file has): a type with no rows that month is stored as none, not as
	// unknown, so the month counts as 0 in a trend.
	batches := map[string]*model.IncidentBatch{}
	for _, bk := range seen {
		cats := opt.Categories
		if cats == nil {
			cats = slices.Clone(model.PoliceCategories)
			for c := range seenCats[bk] {
				if !slices.Contains(cats, c) {
					cats = append(cats, c)
				}
			}
			slices.Sort(cats)
		}
		for _, c := range cats {
			b := model.IncidentBatch{Force: bk.force, Month: bk.month, Category: c, Area: strings.TrimSpace(opt.Area), File: name}
			batches[b.Key()] = &b
			out.Batches = append(out.Batches, b)
		}
	}
	for k, n := range counts {
		p := k.place
		if p.LSOA != "" {
			p.LSOAName = names[p.LSOA]
		}
		out.Counts = append(out.Counts, model.IncidentRow{Month: k.month, Force: k.force, Category: k.cat, Place: p, Count: n})
		b := batches[model.IncidentBatch{Force: k.force, Month: k.month, Category: k.cat}.Key()]
		b.Incidents += n
		b.Places++
		if p.LSOA == "" {
			b.Unlocated += n
		}
	}
	for i := range out.Batches {
		out.Batches[i] = *batches[out.Batches[i].Key()]
	}
	model.SortIncidentRows(out.Counts)
	return out, nil
}

// policeColumns finds the columns an import reads, by name (case and
// spaces aside). A header without them is the wrong kind of file: the
// error names the first column that differs from a street-level file's,
// and says what the file looks like when it is another police.uk file.
func policeColumns(header []string) (map[string]int, error) {
	col := map[string]int{}
	for _, n := range append(policeNeeds, pcReported) {
		col[n] = -1
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		for n := range col {
			if strings.EqualFold(h, n) && col[n] < 0 {
				col[n] = i
			}
		}
	}
	missing := ""
	for _, n := range policeNeeds {
		if col[n] < 0 {
			missing = n
			break
		}
	}
	if missing == "" {
		return col, nil
	}
	what := notPolice
	switch {
	case slices.ContainsFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), "Outcome type") }):
		what = "this is a police.uk outcomes file: import the street file of the same month"
	case slices.ContainsFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), "Object of search") }):
		what = "this is a police.uk stop and search file: import the street file of the same month"
	}
	for i, want := range policeHeader {
		if i >= len(header) {
			return nil, &FormatError{Line: 1, Column: i + 1, Reason: fmt.Sprintf("the header ends where a street-level file has %q: %s", want, what)}
		}
		if !strings.EqualFold(strings.TrimSpace(header[i]), want) {
			return nil, &FormatError{Line: 1, Column: i + 1, Name: want, Reason: fmt.Sprintf("the header has %q where a street-level file has %q: %s", model.CleanLine(header[i]), want, what)}
		}
	}
	return nil, &FormatError{Line: 1, Reason: fmt.Sprintf("no %q column: %s", missing, what)}
}

// csvError is a CSV the reader could not parse, with its line and column.
func csvError(err error, lim *io.LimitedReader) error {
	if lim.N <= 0 {
		return &FormatError{Reason: fmt.Sprintf("the file is larger than %d MB: no month of one force is (split it by month)", model.MaxPoliceFileBytes>>20)}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		reason := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			reason = "a quoted field is not closed properly"
		case errors.Is(pe.Err, csv.ErrBareQuote):
			reason = "a stray quote in a field that is not quoted"
		}
		if errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line {
			reason = fmt.Sprintf("a quote opened on line %d is never closed", pe.StartLine)
		}
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return &FormatError{Line: pe.Line, Reason: reason + ": " + notPolice}
		}
		return &FormatError{Line: pe.Line, Char: pe.Column, Reason: reason + ": " + notPolice}
	}
	return err
}
