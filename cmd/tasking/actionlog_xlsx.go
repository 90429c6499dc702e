package main

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/ccsp/tasking/model"
)

// The action log as an Excel workbook: one sheet, the same columns as the
// CSV with the same names in the header row, which is frozen and filtered;
// dates are real Excel dates, counts real numbers, RAG a traffic-light fill
// with its word kept in the cell; the classification is in the print header
// and footer, so every printed page carries it.
//
// It is written here, row by row, straight into the zip as the rows are
// read: a workbook is a handful of fixed XML parts (actionlog_xlsx_parts.go)
// and one sheet, and the sheet's rows are all that grows. A library that
// builds the workbook in memory held 900 MB for a decade's log; excelize's
// own initialisation alone (6–13 ms and 21,000 allocations) ran before every
// command, which is why none is linked. The tests read every promised
// property back with excelize.

const formatXLSX format = "xlsx"

// actionLogSheet is the workbook's one sheet.
const actionLogSheet = "Action log"

// Excel's limit on the characters in a cell.
const xlsxCellChars = 32767

// cellKind is how a column's values are written.
type cellKind int

const (
	cellText     cellKind = iota // a short string
	cellWrap                     // long text, wrapped
	cellDate                     // ISO date → Excel date
	cellDateTime                 // RFC 3339 → Excel date and time, local
	cellInt                      // a whole number
	cellRAG                      // red/amber/green with its fill
)

// actionLogColumns is each column's kind and width (in characters), by its
// field name. Every field of actionLogRow has one (a test checks).
var actionLogColumns = map[string]struct {
	kind  cellKind
	width float64
}{
	"ref":                   {cellText, 8},
	"hotspot":               {cellText, 9},
	"text":                  {cellWrap, 50},
	"agency":                {cellText, 28},
	"officer":               {cellText, 20},
	"due":                   {cellDate, 12},
	"status":                {cellText, 12},
	"rag":                   {cellRAG, 8},
	"created_meeting":       {cellText, 10},
	"updated_at":            {cellDateTime, 17},
	"last_update":           {cellWrap, 45},
	"created_on":            {cellDate, 12},
	"hotspot_title":         {cellWrap, 35},
	"ward":                  {cellText, 16},
	"original_due":          {cellDate, 12},
	"times_carried_forward": {cellInt, 10},
	"days_overdue":          {cellInt, 10},
	"completed_on":          {cellDate, 12},
	"last_update_by":        {cellText, 20},
	"last_update_on":        {cellDate, 12},
	"outcome":               {cellWrap, 40},
	"last_change":           {cellWrap, 40},
	"last_change_by":        {cellText, 20},
	"last_change_on":        {cellDate, 12},
	"private":               {cellText, 8},
	"version":               {cellText, 10},
}

// xlsxWriter writes the workbook: the fixed parts when made, the sheet's
// rows one by one, and at close the parts that need the row count.
type xlsxWriter struct {
	zw             *zip.Writer
	sheet          *bufio.Writer // the sheet's entry in the zip
	classification string
	names          []string
	kinds          []cellKind
	cols           []string // column letters
	rows           int      // rows written, the header included
	num            []byte   // scratch for numbers
}

func newXLSXWriter(w io.Writer, classification string) (*xlsxWriter, error) {
	x := &xlsxWriter{zw: zip.NewWriter(w), classification: classification, names: fieldNames[actionLogRow]()}
	for i, name := range x.names {
		spec, ok := actionLogColumns[name]
		if !ok {
			return nil, fmt.Errorf("writing the workbook: column %s has no layout", name)
		}
		x.kinds = append(x.kinds, spec.kind)
		x.cols = append(x.cols, columnName(i+1))
	}
	for _, p := range xlsxFixedParts(classification) {
		if err := x.part(p.name, p.body); err != nil {
			return nil, err
		}
	}
	sw, err := x.zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, xlsxErr(err)
	}
	x.sheet = bufio.NewWriterSize(sw, 64<<10)
	x.sheet.WriteString(xlsxSheetStart)
	x.sheet.WriteString("<cols>")
	for i, name := range x.names {
		// Wide enough for the header and its filter button, unless wrapped.
		width := actionLogColumns[name].width
		if x.kinds[i] != cellWrap {
			width = max(width, float64(len(name))+4)
		}
		fmt.Fprintf(x.sheet, `<col min="%d" max="%d" width="%g" customWidth="1"/>`, i+1, i+1, width)
	}
	x.sheet.WriteString("</cols><sheetData>")
	x.startRow()
	for i, name := range x.names {
		x.str(i, xlsxHeader, name)
	}
	x.sheet.WriteString("</row>")
	return x, xlsxErr(x.err())
}

// write writes one action as a row of the sheet.
func (x *xlsxWriter) write(r actionLogRow) error {
	values := fieldValues(r)
	x.startRow()
	for i, v := range values {
		if err := x.cell(i, v); err != nil {
			return xlsxErr(fmt.Errorf("%s %s: %w", r.Ref, x.names[i], err))
		}
	}
	x.sheet.WriteString("</row>")
	return xlsxErr(x.err())
}

// close finishes the sheet (its filter and print settings), writes the
// workbook part, which names the filtered range, and the zip's directory.
func (x *xlsxWriter) close() error {
	last := x.cols[len(x.cols)-1]
	table := "$A$1:$" + last + "$" + strconv.Itoa(max(1, x.rows))
	class := headerFooterText(x.classification)
	x.sheet.WriteString(`</sheetData><autoFilter ref="` + table + `"/>`)
	x.sheet.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	x.sheet.WriteString(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	x.sheet.WriteString("<headerFooter><oddHeader>" + xmlText("&C&B"+class+"&B&RAction log") + "</oddHeader>")
	x.sheet.WriteString("<oddFooter>" + xmlText("&L"+class+"&RPage &P of &N") + "</oddFooter></headerFooter></worksheet>")
	if err := x.sheet.Flush(); err != nil {
		return xlsxErr(err)
	}
	if err := x.part("xl/workbook.xml", xlsxWorkbook(table)); err != nil {
		return err
	}
	return xlsxErr(x.zw.Close())
}

func (x *xlsxWriter) part(name, body string) error {
	w, err := x.zw.Create(name)
	if err == nil {
		_, err = io.WriteString(w, body)
	}
	return xlsxErr(err)
}

// err is the first error writing the sheet, which bufio keeps and returns
// from every write after it.
func (x *xlsxWriter) err() error {
	_, err := x.sheet.Write(nil)
	return err
}

func (x *xlsxWriter) startRow() {
	x.rows++
	x.sheet.WriteString(`<row r="` + strconv.Itoa(x.rows) + `">`)
}

// cell writes column i's value as its kind. An empty value leaves the cell
// empty, still styled (a date typed in later is a date).
func (x *xlsxWriter) cell(i int, v string) error {
	switch kind := x.kinds[i]; kind {
	case cellWrap:
		x.str(i, xlsxWrap, v)
	case cellDate:
		if v == "" {
			x.empty(i, xlsxDate)
			return nil
		}
		d, err := model.ParseDate(v)
		if err != nil {
			return err
		}
		x.number(i, xlsxDate, strconv.AppendInt(x.num[:0], excelDay(d.Year(), d.Month(), d.Day()), 10))
	case cellDateTime:
		if v == "" {
			x.empty(i, xlsxDateTime)
			return nil
		}
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return err
		}
		// Excel has no zones: the wall clock where the partnership is.
		t = t.Local()
		secs := t.Hour()*3600 + t.Minute()*60 + t.Second()
		serial := float64(excelDay(t.Year(), t.Month(), t.Day())) + float64(secs)/86400
		x.number(i, xlsxDateTime, strconv.AppendFloat(x.num[:0], serial, 'f', -1, 64))
	case cellInt:
		if v == "" {
			x.empty(i, xlsxNumber)
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return err
		}
		x.number(i, xlsxNumber, strconv.AppendInt(x.num[:0], int64(n), 10))
	case cellRAG:
		style, ok := xlsxRAG[v]
		if !ok {
			style = xlsxText
		}
		x.str(i, style, v)
	default:
		x.str(i, xlsxText, v)
	}
	return nil
}

func (x *xlsxWriter) ref(i int, style int) {
	x.sheet.WriteString(`<c r="` + x.cols[i] + strconv.Itoa(x.rows) + `" s="` + strconv.Itoa(style) + `"`)
}

func (x *xlsxWriter) empty(i, style int) {
	x.ref(i, style)
	x.sheet.WriteString("/>")
}

func (x *xlsxWriter) number(i, style int, v []byte) {
	x.num = v
	x.ref(i, style)
	x.sheet.WriteString("><v>")
	x.sheet.Write(v)
	x.sheet.WriteString("</v></c>")
}

// str writes text as text: an inline string, never a formula or a number.
func (x *xlsxWriter) str(i, style int, v string) {
	if v == "" {
		x.empty(i, style)
		return
	}
	if utf8.RuneCountInString(v) > xlsxCellChars {
		v = string([]rune(v)[:xlsxCellChars])
	}
	x.ref(i, style)
	x.sheet.WriteString(` t="inlineStr"><is><t xml:space="preserve">`)
	x.sheet.WriteString(xmlText(v))
	x.sheet.WriteString("</t></is></c>")
}

// excelDay is the date's Excel serial number: days since 30 December 1899
// (Excel's day 1 is 1 January 1900, counting the 29 February 1900 that never
// was; every date the log holds is after it).
func excelDay(y int, m time.Month, d int) int64 {
	return (time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() - excelEpoch) / 86400
}

var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).Unix()

// columnName is a column's letters: 1 → A, 26 → Z, 27 → AA.
func columnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

func xlsxErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("writing the workbook: %w", err)
}
