package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/xuri/excelize/v2"
)

// The action log as an Excel workbook: one sheet, the same columns as the
// CSV with the same names in the header row, which is frozen and filtered;
// dates are real Excel dates, counts real numbers, RAG a traffic-light fill
// with its word kept in the cell; the classification is in the print header
// and footer, so every printed page carries it.

const formatXLSX format = "xlsx"

// actionLogSheet is the workbook's one sheet.
const actionLogSheet = "Action log"

// Excel number formats: UK day-first dates.
const (
	xlsxDateFormat     = "dd/mm/yyyy"
	xlsxDateTimeFormat = "dd/mm/yyyy hh:mm"
)

// RAG fills: the traffic-light colours and a text colour readable on each.
var ragFills = map[string]struct{ fill, font string }{
	string(model.RAGRed):   {"C00000", "FFFFFF"},
	string(model.RAGAmber): {"FFC000", "000000"},
	string(model.RAGGreen): {"00B050", "000000"},
}

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

// actionLogWorkbook is the .xlsx file of rows.
func actionLogWorkbook(rows []actionLogRow, classification string) (data []byte, err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	wrap := func(err error) error {
		if err == nil {
			return nil
		}
		return fmt.Errorf("writing the workbook: %w", err)
	}
	if err := f.SetSheetName(f.GetSheetName(0), actionLogSheet); err != nil {
		return nil, wrap(err)
	}
	st, err := newActionLogStyles(f)
	if err != nil {
		return nil, wrap(err)
	}
	names := fieldNames[actionLogRow]()
	lastCol, err := excelize.ColumnNumberToName(len(names))
	if err != nil {
		return nil, wrap(err)
	}

	for c, name := range names {
		col, _ := excelize.ColumnNumberToName(c + 1)
		spec, ok := actionLogColumns[name]
		if !ok {
			return nil, fmt.Errorf("writing the workbook: column %s has no layout", name)
		}
		// Wide enough for the header and its filter button, unless wrapped.
		width := spec.width
		if spec.kind != cellWrap {
			width = max(width, float64(len(name))+4)
		}
		if err := f.SetColWidth(actionLogSheet, col, col, width); err != nil {
			return nil, wrap(err)
		}
		if err := f.SetCellStr(actionLogSheet, col+"1", name); err != nil {
			return nil, wrap(err)
		}
	}
	if err := f.SetCellStyle(actionLogSheet, "A1", lastCol+"1", st.header); err != nil {
		return nil, wrap(err)
	}

	for r, row := range rows {
		values := fieldValues(row)
		for c, name := range names {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			style, err := setActionLogCell(f, cell, actionLogColumns[name].kind, values[c], st)
			if err != nil {
				return nil, wrap(fmt.Errorf("%s %s: %w", row.Ref, name, err))
			}
			if err := f.SetCellStyle(actionLogSheet, cell, cell, style); err != nil {
				return nil, wrap(err)
			}
		}
	}

	last := strconv.Itoa(max(1, len(rows)+1))
	if err := f.SetPanes(actionLogSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, wrap(err)
	}
	if err := f.AutoFilter(actionLogSheet, "A1:"+lastCol+last, nil); err != nil {
		return nil, wrap(err)
	}
	if err := setActionLogPrint(f, classification); err != nil {
		return nil, wrap(err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Action log", Subject: classification,
		Keywords: classification, Creator: "tasking", Description: "The partnership's action log. " + classification}); err != nil {
		return nil, wrap(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, wrap(err)
	}
	return buf.Bytes(), nil
}

// setActionLogCell writes one value as its kind and says which style the
// cell takes. An empty value leaves the cell empty (still styled).
func setActionLogCell(f *excelize.File, cell string, kind cellKind, v string, st actionLogStyles) (int, error) {
	switch kind {
	case cellWrap:
		return st.wrap, setStr(f, cell, v)
	case cellDate:
		if v == "" {
			return st.date, nil
		}
		d, err := model.ParseDate(v)
		if err != nil {
			return 0, err
		}
		return st.date, f.SetCellValue(actionLogSheet, cell, time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC))
	case cellDateTime:
		if v == "" {
			return st.dateTime, nil
		}
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return 0, err
		}
		// Excel has no zones: the wall clock where the partnership is.
		t = t.Local()
		wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
		return st.dateTime, f.SetCellValue(actionLogSheet, cell, wall)
	case cellInt:
		if v == "" {
			return st.number, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, err
		}
		return st.number, f.SetCellInt(actionLogSheet, cell, int64(n))
	case cellRAG:
		style, ok := st.rag[v]
		if !ok {
			style = st.text
		}
		return style, setStr(f, cell, v)
	}
	return st.text, setStr(f, cell, v)
}

// setStr writes text as text: never a formula, never a number.
func setStr(f *excelize.File, cell, v string) error {
	if v == "" {
		return nil
	}
	return f.SetCellStr(actionLogSheet, cell, v)
}

type actionLogStyles struct {
	header, text, wrap, date, dateTime, number int
	rag                                        map[string]int
}

func newActionLogStyles(f *excelize.File) (st actionLogStyles, err error) {
	top := &excelize.Alignment{Vertical: "top"}
	style := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	dateFmt, dateTimeFmt := xlsxDateFormat, xlsxDateTimeFormat
	st.header = style(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
	})
	st.text = style(&excelize.Style{Alignment: top})
	st.wrap = style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	st.date = style(&excelize.Style{Alignment: top, CustomNumFmt: &dateFmt})
	st.dateTime = style(&excelize.Style{Alignment: top, CustomNumFmt: &dateTimeFmt})
	st.number = style(&excelize.Style{Alignment: top, NumFmt: 1})
	st.rag = map[string]int{}
	for rag, c := range ragFills {
		st.rag[rag] = style(&excelize.Style{
			Font:      &excelize.Font{Bold: true, Color: c.font},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.fill}},
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"},
		})
	}
	return st, err
}

// setActionLogPrint: A4 landscape, one page wide, the header row on every
// page, and the classification at the top and bottom of every page.
func setActionLogPrint(f *excelize.File, classification string) error {
	class := headerFooterText(classification)
	if err := f.SetHeaderFooter(actionLogSheet, &excelize.HeaderFooterOptions{
		OddHeader: "&C&B" + class + "&B&RAction log",
		OddFooter: "&L" + class + "&RPage &P of &N",
	}); err != nil {
		return err
	}
	a4, landscape, wide, tall, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(actionLogSheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape,
		FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(actionLogSheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + actionLogSheet + "'!$1:$1", Scope: actionLogSheet})
}

// headerFooterText is literal text for a print header or footer, where "&"
// starts a code.
func headerFooterText(s string) string { return strings.ReplaceAll(s, "&", "&&") }
