package main

// The action log (`tasking export actions`): the CSV Excel opens, the same
// fields in JSON, the workbook, one file per agency, and the public version.
// Every expectation is read back from the real binary on the demo data: the
// history through `action show --format json`, the owners through the JSON
// export, the names and words through the restricted export.

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// actionLogFields is the documented header of `export actions`, in order
// (README, "Machine output"): the action record's fields, then the tracker's.
var actionLogFields = []string{
	"ref", "hotspot", "text", "agency", "officer", "due", "status", "rag", "created_meeting", "updated_at", "last_update", "private",
	"created_on", "hotspot_title", "ward", "original_due", "times_carried_forward", "days_overdue", "completed_on",
	"last_update_by", "last_update_on", "outcome", "last_change", "last_change_by", "last_change_on", "version",
}

const (
	restrictedMark = "OFFICIAL-SENSITIVE — not for circulation beyond the partnership"
	publicMark     = "PUBLIC — Part 1 action log"
)

// readLogCSV checks the BOM and the header and returns the records as
// objects keyed by the header.
func readLogCSV(t *testing.T, out string) []map[string]string {
	t.Helper()
	body, found := strings.CutPrefix(out, "\uFEFF")
	if !found {
		t.Fatalf("the CSV does not start with a UTF-8 BOM: %q", out[:min(len(out), 20)])
	}
	if strings.HasPrefix(body, "\uFEFF") {
		t.Fatal("the CSV has two BOMs")
	}
	records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if len(records) == 0 || !slices.Equal(records[0], actionLogFields) {
		t.Fatalf("header %v,\nwant %v", records[0], actionLogFields)
	}
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, name := range records[0] {
			row[name] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

func refsOf(rows []map[string]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r["ref"])
	}
	return out
}

func TestExportActionLogCSVOpensInExcel(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	out := ok(t, "--db", db, "export", "actions", "--format", "csv")
	rows := readLogCSV(t, out)
	if len(rows) == 0 {
		t.Fatal("the demo's action log is empty")
	}
	// Accents and dashes are written as UTF-8, not replaced.
	if !strings.Contains(out, "Thu–Sat") {
		t.Error("the en dash in A-16's text did not survive the CSV")
	}

	// JSON: the same fields, the same rows, the same values.
	js := decodeJSON(t, ok(t, "--db", db, "export", "actions", "--format", "json"))
	checkFields(t, js, actionLogFields)
	if len(js) != len(rows) {
		t.Fatalf("JSON has %d actions, CSV %d", len(js), len(rows))
	}
	for i := range rows {
		for _, f := range actionLogFields {
			if rows[i][f] != js[i][f] && rows[i][f] != "'"+js[i][f] { // CSV defuses formulas
				t.Errorf("%s %s: CSV %q, JSON %q", rows[i]["ref"], f, rows[i][f], js[i][f])
			}
		}
	}

	// The action record's fields mean what they mean in `actions`.
	plain := decodeJSON(t, ok(t, "--db", db, "actions", "--status", "open", "--format", "json"))
	byRef := map[string]map[string]string{}
	for _, r := range js {
		byRef[r["ref"]] = r
	}
	for _, p := range plain {
		for _, f := range actionFields {
			if byRef[p["ref"]][f] != p[f] {
				t.Errorf("%s %s: export says %q, actions says %q", p["ref"], f, byRef[p["ref"]][f], p[f])
			}
		}
	}

	// Unknown formats are usage errors.
	failsWith(t, run(t, nil, "--db", db, "export", "actions", "--format", "xls"), 2, "xlsx")
}

// TestExportActionLogAgreesWithHistory: original due, times carried forward
// and days overdue say what each action's own history says, and follow it
// when the history grows.
func TestExportActionLogAgreesWithHistory(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	before := decodeJSON(t, ok(t, "--db", db, "export", "actions", "--format", "json"))
	row := func(rows []map[string]string, ref string) map[string]string {
		for _, r := range rows {
			if r["ref"] == ref {
				return r
			}
		}
		t.Fatalf("%s is not in the action log", ref)
		return nil
	}
	// Carry one forward (later), bring one forward (earlier): only the first
	// counts as carried forward; neither changes the original due date.
	later, earlier := "A-16", "A-1"
	laterDue := addDaysISO(t, row(before, later)["due"], 14)
	earlierDue := addDaysISO(t, row(before, earlier)["due"], -3)
	ok(t, "--db", db, "--as", "Helen Marsh", "action", "update", later, "--due", laterDue, "--reason", "Landlord still not responding")
	ok(t, "--db", db, "--as", "Helen Marsh", "action", "update", earlier, "--due", earlierDue, "--reason", "Patrol rota changed")

	after := decodeJSON(t, ok(t, "--db", db, "export", "actions", "--format", "json"))
	count := func(r map[string]string) int {
		n, err := strconv.Atoi(r["times_carried_forward"])
		if err != nil {
			t.Fatalf("%s times_carried_forward %q is not a number", r["ref"], r["times_carried_forward"])
		}
		return n
	}
	if got, was := count(row(after, later)), count(row(before, later)); got != was+1 {
		t.Errorf("%s carried forward: times_carried_forward %d, was %d", later, got, was)
	}
	if got, was := count(row(after, earlier)), count(row(before, earlier)); got != was {
		t.Errorf("%s brought forward: times_carried_forward %d, was %d", earlier, got, was)
	}
	for _, ref := range []string{later, earlier} {
		if row(after, ref)["original_due"] != row(before, ref)["original_due"] {
			t.Errorf("%s: original_due moved with the due date", ref)
		}
	}
	if row(after, later)["due"] != laterDue || row(after, earlier)["due"] != earlierDue {
		t.Errorf("due dates not updated: %s %s", row(after, later)["due"], row(after, earlier)["due"])
	}

	// Every row against its history as `action show` reads it back.
	today := cliNow.Format("2006-01-02")
	var carried, overdue int
	for _, r := range after {
		var show struct {
			Action  map[string]string   `json:"action"`
			History []map[string]string `json:"history"`
		}
		if err := json.Unmarshal([]byte(ok(t, "--db", db, "action", "show", r["ref"], "--format", "json")), &show); err != nil {
			t.Fatal(err)
		}
		original, moves := "", 0
		for _, h := range show.History {
			if h["kind"] == "created" && original == "" {
				original = h["to_due"]
			}
			if h["kind"] == "due" && h["from_due"] != "" && h["to_due"] > h["from_due"] {
				moves++
			}
		}
		if r["original_due"] != original {
			t.Errorf("%s original_due %q, its created update says %q", r["ref"], r["original_due"], original)
		}
		if count(r) != moves {
			t.Errorf("%s times_carried_forward %d, its history moved it later %d times", r["ref"], count(r), moves)
		}
		if r["due"] != show.Action["due"] || r["status"] != show.Action["status"] {
			t.Errorf("%s due/status %s/%s, action show says %s/%s", r["ref"], r["due"], r["status"], show.Action["due"], show.Action["status"])
		}
		wantOverdue := ""
		if st := r["status"]; st != "done" && st != "cancelled" && r["due"] < today {
			wantOverdue = strconv.Itoa(daysBetween(t, r["due"], today))
			overdue++
		}
		if r["days_overdue"] != wantOverdue {
			t.Errorf("%s (due %s, %s) days_overdue %q, want %q", r["ref"], r["due"], r["status"], r["days_overdue"], wantOverdue)
		}
		if wantOverdue != "" && r["rag"] != "red" {
			t.Errorf("%s is overdue but its RAG is %q", r["ref"], r["rag"])
		}
		if moves > 0 {
			carried++
		}
	}
	if carried < 2 || overdue == 0 {
		t.Errorf("the check proved little: %d carried forward, %d overdue", carried, overdue)
	}
}

func addDaysISO(t *testing.T, iso string, n int) string {
	t.Helper()
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		t.Fatal(err)
	}
	return d.AddDate(0, 0, n).Format("2006-01-02")
}

func daysBetween(t *testing.T, from, to string) int {
	t.Helper()
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		t.Fatalf("dates %q %q", from, to)
	}
	return int(b.Sub(a).Hours() / 24)
}

func TestExportActionLogXLSX(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	// The demo has red and amber actions on the pinned day; a new one due in
	// three weeks is green.
	ok(t, "--db", db, "--as", "Helen Marsh", "action", "add", "--agency", "fire", "--due", "+3w", "Home fire safety visits in Rother")
	rows := decodeJSON(t, ok(t, "--db", db, "export", "actions", "--format", "json"))
	path := filepath.Join(t.TempDir(), "log.xlsx")
	r := run(t, nil, "--db", db, "export", "actions", "--format", "xlsx", "-o", path)
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, path) {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	checkPrivateFile(t, path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if len(f.GetSheetList()) != 1 {
		t.Errorf("sheets %v, want one", f.GetSheetList())
	}
	cells, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cells[0], actionLogFields) {
		t.Fatalf("header row %v,\nwant %v", cells[0], actionLogFields)
	}
	if len(cells)-1 != len(rows) {
		t.Fatalf("%d rows in the workbook, %d in the JSON", len(cells)-1, len(rows))
	}
	col := func(name string) int { return slices.Index(actionLogFields, name) + 1 }
	cellOf := func(name string, row int) string {
		c, _ := excelize.CoordinatesToCellName(col(name), row)
		return c
	}

	// Header row frozen; filter over the whole table.
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
		t.Errorf("panes %+v (%v): want the header row frozen", panes, err)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(actionLogFields))
	wantFilter := "A1:" + lastCol + strconv.Itoa(len(rows)+1)
	filtered := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && strings.Contains(strings.ReplaceAll(dn.RefersTo, "$", ""), wantFilter) {
			filtered = true
		}
	}
	sheetXML := readZipEntry(t, path, "xl/worksheets/sheet1.xml")
	if !filtered || !strings.Contains(strings.ReplaceAll(sheetXML, "$", ""), `<autoFilter ref="`+wantFilter+`"`) {
		t.Errorf("no autofilter over %s", wantFilter)
	}

	// Classification on every printed page.
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil || hf == nil {
		t.Fatalf("no print header/footer: %v", err)
	}
	if !strings.Contains(hf.OddHeader, restrictedMark) || !strings.Contains(hf.OddFooter, restrictedMark) {
		t.Errorf("header %q / footer %q do not carry %q", hf.OddHeader, hf.OddFooter, restrictedMark)
	}

	// Printed A4 landscape, one page wide, the header row on every page; the
	// file's own properties say what it is and how it is classified.
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v (%v): want A4 landscape, one page wide", layout, err)
	}
	if props, err := f.GetSheetProps(sheet); err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("sheet properties %+v (%v): want fit to page", props, err)
	}
	titled := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && strings.HasSuffix(dn.RefersTo, "!$1:$1") {
			titled = true
		}
	}
	if !titled {
		t.Errorf("defined names %+v: the header row is not printed on every page", f.GetDefinedName())
	}
	if doc, err := f.GetDocProps(); err != nil || doc.Title != "Action log" || doc.Subject != restrictedMark || doc.Keywords != restrictedMark {
		t.Errorf("document properties %+v (%v): want the title and the classification", doc, err)
	}

	// Column widths are set, and the action's words get more room than its ref.
	wRef, _ := f.GetColWidth(sheet, "A")
	textCol, _ := excelize.ColumnNumberToName(col("text"))
	wText, _ := f.GetColWidth(sheet, textCol)
	if !regexp.MustCompile(`customWidth="(1|true)"`).MatchString(sheetXML) || wText < 2*wRef {
		t.Errorf("column widths not set: ref %.1f, text %.1f", wRef, wText)
	}

	// Row by row: dates are dates, counts are numbers, RAG has its fill.
	fills := map[string]string{}
	var dates, numbers int
	for i, want := range rows {
		n := i + 2
		if got, _ := f.GetCellValue(sheet, cellOf("ref", n)); got != want["ref"] {
			t.Fatalf("row %d is %s, want %s (same order as the JSON)", n, got, want["ref"])
		}
		for _, name := range []string{"due", "original_due", "created_on", "completed_on", "last_update_on"} {
			if want[name] == "" {
				continue
			}
			cell := cellOf(name, n)
			if got := excelDate(t, f, sheet, cell); got != want[name] {
				t.Errorf("%s %s: the workbook's date is %s, want %s", want["ref"], name, got, want[name])
			}
			dates++
		}
		for _, name := range []string{"times_carried_forward", "days_overdue"} {
			if want[name] == "" {
				continue
			}
			cell := cellOf(name, n)
			if typ, _ := f.GetCellType(sheet, cell); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Errorf("%s %s is text in the workbook, not a number", want["ref"], name)
			}
			if got, _ := f.GetCellValue(sheet, cell); got != want[name] {
				t.Errorf("%s %s = %q, want %q", want["ref"], name, got, want[name])
			}
			numbers++
		}
		cell := cellOf("rag", n)
		if got, _ := f.GetCellValue(sheet, cell); got != want["rag"] {
			t.Errorf("%s RAG cell %q, want %q (the word stays in the cell)", want["ref"], got, want["rag"])
		}
		fill := cellFill(t, f, sheet, cell)
		if want["rag"] == "" {
			if fill != "" {
				t.Errorf("%s has no RAG but a fill %s", want["ref"], fill)
			}
			continue
		}
		if fill == "" {
			t.Errorf("%s RAG %s has no fill", want["ref"], want["rag"])
		}
		if prev, seen := fills[want["rag"]]; seen && prev != fill {
			t.Errorf("RAG %s filled %s and %s", want["rag"], prev, fill)
		}
		fills[want["rag"]] = fill
	}
	if len(fills) != 3 || fills["red"] == fills["amber"] || fills["amber"] == fills["green"] || fills["red"] == fills["green"] {
		t.Errorf("RAG fills %v: want three different colours for red, amber and green", fills)
	}
	if dates == 0 || numbers == 0 {
		t.Errorf("checked %d dates and %d numbers", dates, numbers)
	}

	// -o - sends the workbook down a pipe; no -o is a usage error.
	piped := ok(t, "--db", db, "export", "actions", "--format", "xlsx", "-o", "-")
	if !strings.HasPrefix(piped, "PK\x03\x04") {
		t.Errorf("-o - did not write a workbook to stdout: %q", piped[:min(len(piped), 8)])
	}
	failsWith(t, run(t, nil, "--db", db, "export", "actions", "--format", "xlsx"), 2, "-o FILE")
	refusesWorkbookOnTerminal(t, db)

	// An existing file is kept unless --force.
	failsWith(t, run(t, nil, "--db", db, "export", "actions", "--format", "xlsx", "-o", path), 1, path+" already exists")
	ok(t, "--db", db, "export", "actions", "--format", "xlsx", "-o", path, "--force")
	checkPrivateFile(t, path)
}

// excelDate is the ISO date a cell holds, checking it is a number shown
// with a date format (a real date, not text that looks like one).
func excelDate(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Errorf("%s holds %q: not an Excel date serial", cell, raw)
		return ""
	}
	id, _ := f.GetCellStyle(sheet, cell)
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	isDateFmt := st.NumFmt >= 14 && st.NumFmt <= 22 ||
		st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "yy") && strings.Contains(*st.CustomNumFmt, "d")
	if !isDateFmt {
		t.Errorf("%s is not formatted as a date (numFmt %d, custom %v)", cell, st.NumFmt, st.CustomNumFmt)
	}
	d, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		t.Fatal(err)
	}
	return d.Format("2006-01-02")
}

// cellFill is the cell's solid fill colour, or "".
func cellFill(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.Fill.Type != "pattern" || st.Fill.Pattern != 1 || len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.ToUpper(st.Fill.Color[0])
}

func readZipEntry(t *testing.T, path, name string) string {
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

// allXML is every XML part of a workbook, for checking what it holds at all.
func allXML(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

func checkPrivateFile(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("%s is %v, want -rw-------", path, st.Mode().Perm())
	}
}

func TestExportActionLogByAgency(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	all := decodeJSON(t, ok(t, "--db", db, "export", "actions", "--format", "json"))
	want := map[string][]string{} // agency → refs
	for _, r := range all {
		want[r["agency"]] = append(want[r["agency"]], r["ref"])
	}
	if len(want) < 2 {
		t.Fatalf("the demo has actions for %d agencies", len(want))
	}

	dir := filepath.Join(t.TempDir(), "logs")
	ok(t, "--db", db, "export", "actions", "--format", "csv", "--by-agency", "-o", dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		t.Errorf("%d files for %d agencies", len(entries), len(want))
	}
	got := map[string][]string{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, "-actions.csv") || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789-.") != "" {
			t.Errorf("%q is not a safe agency file name", name)
		}
		path := filepath.Join(dir, name)
		checkPrivateFile(t, path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rows := readLogCSV(t, string(data))
		if len(rows) == 0 {
			t.Errorf("%s is empty", name)
			continue
		}
		agency := rows[0]["agency"]
		for _, r := range rows {
			if r["agency"] != agency {
				t.Errorf("%s mixes %s's action %s into %s's file", name, r["agency"], r["ref"], agency)
			}
		}
		if _, dup := got[agency]; dup {
			t.Errorf("two files for %s", agency)
		}
		got[agency] = refsOf(rows)
	}
	for agency, refs := range want {
		if !slices.Equal(got[agency], refs) {
			t.Errorf("%s: file has %v, want %v", agency, got[agency], refs)
		}
	}
	// Named after the agency.
	for _, name := range []string{"derbyshire-constabulary-actions.csv", "derbyshire-fire-rescue-service-actions.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("no %s: %v", name, err)
		}
	}

	// Nothing is overwritten without --force, and the refusal names the file.
	police := filepath.Join(dir, "derbyshire-constabulary-actions.csv")
	if err := os.WriteFile(police, []byte("edited by hand"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, nil, "--db", db, "export", "actions", "--format", "csv", "--by-agency", "-o", dir)
	failsWith(t, r, 1, "already exists")
	failsWith(t, r, 1, "--force")
	if !strings.Contains(r.stderr, "-actions.csv") {
		t.Errorf("the refusal does not name the file: %q", r.stderr)
	}
	if data, _ := os.ReadFile(police); string(data) != "edited by hand" {
		t.Error("a file was overwritten without --force")
	}
	if after, _ := os.ReadDir(dir); len(after) != len(entries) {
		t.Errorf("the refusal left %d files in the folder, where there were %d", len(after), len(entries))
	}
	ok(t, "--db", db, "export", "actions", "--format", "csv", "--by-agency", "-o", dir, "--force")
	if data, _ := os.ReadFile(police); !strings.HasPrefix(string(data), "\uFEFFref,") {
		t.Error("--force did not overwrite the agency's file")
	}
	checkPrivateFile(t, police)

	// Workbooks too, one per agency, each with only its agency's refs.
	xdir := filepath.Join(t.TempDir(), "xlsx")
	ok(t, "--db", db, "export", "actions", "--format", "xlsx", "--by-agency", "-o", xdir)
	f, err := excelize.OpenFile(filepath.Join(xdir, "derbyshire-constabulary-actions.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells, _ := f.GetRows(f.GetSheetName(0))
	var refs []string
	for _, row := range cells[1:] {
		refs = append(refs, row[0])
	}
	if !slices.Equal(refs, want["Derbyshire Constabulary"]) {
		t.Errorf("police workbook has %v, want %v", refs, want["Derbyshire Constabulary"])
	}

	// --by-agency needs a folder.
	failsWith(t, run(t, nil, "--db", db, "export", "actions", "--format", "csv", "--by-agency"), 2, "-o DIR")
	failsWith(t, run(t, nil, "--db", db, "export", "actions", "--format", "csv", "--by-agency", "-o", police), 2, "folder")
}

func TestExportActionLogPublic(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	ok(t, "--db", db, "--as", "Helen Marsh", "meeting", "start")
	ok(t, "--db", db, "--as", "Helen Marsh", "action", "add", "--confidential", "--agency", "police", "--due", "+1w", "Secret", "ZZPRIVATE")

	restricted := decodeJSON(t, ok(t, "--db", db, "export", "actions", "--format", "json"))
	publicCSV := ok(t, "--db", db, "export", "actions", "--format", "csv", "--public")
	publicRows := readLogCSV(t, publicCSV)
	publicJSON := ok(t, "--db", db, "export", "actions", "--format", "json", "--public")
	checkFields(t, decodeJSON(t, publicJSON), actionLogFields)
	xlsxPath := filepath.Join(t.TempDir(), "public.xlsx")
	ok(t, "--db", db, "export", "actions", "--format", "xlsx", "--public", "-o", xlsxPath)
	publicXLSX := allXML(t, xlsxPath)
	byAgency := filepath.Join(t.TempDir(), "public-by-agency")
	ok(t, "--db", db, "export", "actions", "--format", "csv", "--public", "--by-agency", "-o", byAgency)
	var publicFiles strings.Builder
	entries, _ := os.ReadDir(byAgency)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "-actions-public.csv") {
			t.Errorf("public file %s is not named as public", e.Name())
		}
		data, _ := os.ReadFile(filepath.Join(byAgency, e.Name()))
		publicFiles.Write(data)
	}
	publics := map[string]string{"csv": publicCSV, "json": publicJSON, "xlsx": publicXLSX, "by-agency": publicFiles.String()}

	restrictedCSV := ok(t, "--db", db, "export", "actions", "--format", "csv")
	if !strings.Contains(restrictedCSV, "ZZPRIVATE") {
		t.Fatal("the restricted log leaves out the confidential action")
	}

	// What the restricted log says that no public one may: officers, the
	// words of updates and outcomes, who wrote them, the confidential action,
	// and actions on hotspots about people (personal ASB).
	hotspots := decodeJSON(t, ok(t, "--db", db, "export", "hotspots", "--format", "json"))
	personal := map[string]bool{}
	for _, h := range hotspots {
		if h["category"] == "personal" {
			personal[h["ref"]] = true
		}
	}
	secrets := map[string]string{"ZZPRIVATE": "the confidential action"}
	var privateRefs []string
	for _, r := range restricted {
		for _, f := range []string{"officer", "last_update", "outcome", "last_update_by"} {
			if len(r[f]) > 3 {
				secrets[r[f]] = r["ref"] + " " + f
			}
		}
		if personal[r["hotspot"]] || strings.Contains(r["text"], "ZZPRIVATE") {
			privateRefs = append(privateRefs, r["ref"])
			secrets[r["text"]] = r["ref"] + " (private) text"
		}
	}
	kinds := map[string]bool{}
	for _, what := range secrets {
		kinds[what[strings.LastIndex(what, " ")+1:]] = true
	}
	for _, k := range []string{"officer", "last_update", "last_update_by", "text"} {
		if !kinds[k] {
			t.Errorf("the demo gave no %s to look for: the check proves little", k)
		}
	}
	if len(privateRefs) < 2 {
		t.Errorf("only %d private actions to look for", len(privateRefs))
	}
	for format, out := range publics {
		if strings.Contains(out, restrictedMark) {
			t.Errorf("public %s is marked OFFICIAL-SENSITIVE", format)
		}
		for secret, what := range secrets {
			if strings.Contains(out, secret) || strings.Contains(out, xmlEscape(secret)) {
				t.Errorf("public %s contains %s: %q", format, what, secret)
			}
		}
	}
	for _, r := range publicRows {
		if slices.Contains(privateRefs, r["ref"]) {
			t.Errorf("public log lists private action %s", r["ref"])
		}
		for _, f := range []string{"officer", "last_update", "outcome", "last_update_by"} {
			if r[f] != "" {
				t.Errorf("public %s %s = %q", r["ref"], f, r[f])
			}
		}
	}
	// Nothing public is left out: every action on a hotspot the public
	// hotspot export lists is in the public log.
	publicHotspots := map[string]bool{}
	for _, h := range decodeJSON(t, ok(t, "--db", db, "export", "hotspots", "--format", "json", "--public")) {
		publicHotspots[h["ref"]] = true
	}
	listed := refsOf(publicRows)
	var onPublic int
	for _, r := range restricted {
		if publicHotspots[r["hotspot"]] {
			onPublic++
			if !slices.Contains(listed, r["ref"]) {
				t.Errorf("public log leaves out %s on public hotspot %s", r["ref"], r["hotspot"])
			}
		}
	}
	if onPublic == 0 || len(publicRows) >= len(restricted) {
		t.Errorf("public log has %d actions, restricted %d, %d on public hotspots", len(publicRows), len(restricted), onPublic)
	}

	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hf, err := f.GetHeaderFooter(f.GetSheetName(0))
	if err != nil || hf == nil || !strings.Contains(hf.OddHeader, publicMark) || !strings.Contains(hf.OddFooter, publicMark) {
		t.Errorf("public workbook's header/footer %+v do not say %q", hf, publicMark)
	}
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&apos;", `"`, "&quot;").Replace(s)
}

// refusesWorkbookOnTerminal: `-o -` with a terminal on stdout is a usage
// error, not a screenful of binary.
func refusesWorkbookOnTerminal(t *testing.T, db string) {
	t.Helper()
	refusesBinaryOnTerminal(t, "--db", db, "export", "actions", "--format", "xlsx", "-o", "-")
}

// refusesBinaryOnTerminal: the command, which would write a binary file
// (a zip) to stdout, refuses with a usage error when stdout is a terminal.
// Runs under script(1) for a terminal; skipped where there is none.
func refusesBinaryOnTerminal(t *testing.T, args ...string) {
	t.Helper()
	script, err := exec.LookPath("script")
	if err != nil {
		t.Log("no script(1): not checking the refusal to write a binary file to a terminal")
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	line := strings.Join(append([]string{binary}, args...), " ")
	cmd := exec.CommandContext(ctx, script, "-qec", line, "/dev/null")
	cmd.Env = isolatedEnv(t.TempDir())
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Errorf("%s to a terminal: %v, want exit 2; output %q", line, err, out)
	}
	if !strings.Contains(string(out), "terminal") || strings.Contains(string(out), "PK\x03\x04") {
		t.Errorf("%s to a terminal said %q", line, out)
	}
}
