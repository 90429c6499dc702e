// Package importer reads lists that councils keep in spreadsheets, saved as
// CSV, into the model's "new" records, and plans what importing them would
// do (model.PlanMemberSync). It is pure: no database, no printing. The
// caller imports all of a file or none of it.
package importer

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ccsp/tasking/model"
)

// MaxFileSize is the largest file read. A partnership's list is a few
// hundred rows, but the master list it is kept in step with may be a whole
// council's: 100,000 people with every column is about 10 MB. Anything
// bigger is the wrong file (and standard input takes no more either).
const MaxFileSize = 16 << 20

// saveAs is the advice for any file that is not a CSV in UTF-8.
const saveAs = `in Excel use File > Save As and choose "CSV UTF-8 (Comma delimited) (*.csv)"`

// Options are how a list is read and matched (member import's flags).
type Options struct {
	// SurnameFirst: names written "Surname, Forename" are read so and
	// turned round. Without it such a name is refused, the turned-round
	// name offered: "Whitworth, Karen" is otherwise a new person beside
	// Karen Whitworth.
	SurnameFirst bool
	// Sync is how lines are matched to members; which optional columns
	// the list has is filled in from its header.
	Sync model.SyncOptions
}

// Columns of a member list.
const (
	colName     = "name"
	colAgency   = "agency"
	colRole     = "role"
	colJobTitle = "job_title"
	colEmail    = "email"
	colPhone    = "phone"
)

var requiredColumns = []string{colName, colAgency, colRole}

// columnAliases maps a header, folded by foldHeader, to its column. "Title"
// alone is not a job title: in UK lists it is usually Mr, Ms or Dr.
var columnAliases = map[string]string{
	"name": colName, "fullname": colName, "membername": colName,
	"agency": colAgency, "agencyname": colAgency, "organisation": colAgency, "organization": colAgency,
	"role":     colRole,
	"jobtitle": colJobTitle, "position": colJobTitle,
	"email": colEmail, "emailaddress": colEmail,
	"phone": colPhone, "phonenumber": colPhone, "phoneno": colPhone, "telephone": colPhone,
	"telephonenumber": colPhone, "tel": colPhone,
}

// foldHeader: case, spaces and punctuation aside ("E-mail", "Job title",
// "job_title" are all the same column).
func foldHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(model.CleanLine(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Plan reads a CSV of members (the header row names the columns: name,
// agency and role are required; job_title, email and phone are optional;
// others are ignored) and plans importing it against the partnership's
// agencies and members as read a moment ago (model.PlanMemberSync): who is
// added, whose details change, who retires, and every problem on every
// line, in line order, in Refused. The error is about the whole file.
func Plan(r io.Reader, agencies []model.Agency, members []model.Member, o Options) (model.MemberSync, error) {
	data, err := readText(r)
	if err != nil {
		return model.MemberSync{}, err
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = detectDelimiter(data)
	cr.FieldsPerRecord = -1 // Excel and friends drop trailing empty cells
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true // the slice only: the cells are strings, and stay as they were read

	var problems []model.LineProblem
	var cols map[string]int
	headerLine := 0
	var list []model.ListedMember
	rows := rowReader{agencies: agencies, found: map[string]agencyFound{}, surnameFirst: o.SurnameFirst}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if cols == nil {
				return model.MemberSync{}, fmt.Errorf("line %d: the header row is not readable: %s", pe.StartLine, quoteProblem(pe))
			}
			// The reader carries on at the next line after a quoting error.
			problems = append(problems, model.LineProblem{Line: pe.StartLine, Reason: quoteProblem(pe)})
			continue
		}
		if err != nil {
			return model.MemberSync{}, fmt.Errorf("reading the file: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if blankRecord(rec) {
			continue // rows of empty cells: Excel writes these
		}
		if cols == nil {
			if cols, err = headerColumns(rec); err != nil {
				return model.MemberSync{}, fmt.Errorf("line %d: %w", line, err)
			}
			headerLine = line
			rows.cols = cols
			continue
		}
		n, reasons := rows.member(rec)
		for _, reason := range reasons {
			problems = append(problems, model.LineProblem{Line: line, Reason: reason})
		}
		list = append(list, model.ListedMember{Line: line, Member: n, Refused: len(reasons) > 0})
	}
	if cols == nil {
		return model.MemberSync{}, errors.New("the file is empty: nothing to import")
	}
	if len(list) == 0 && len(problems) == 0 {
		return model.MemberSync{}, fmt.Errorf("the file has a header row (line %d) but no members under it: nothing to import", headerLine)
	}

	sync := o.Sync
	_, sync.HasTitle = cols[colJobTitle]
	_, sync.HasEmail = cols[colEmail]
	_, sync.HasPhone = cols[colPhone]
	plan := model.PlanMemberSync(list, members, sync)
	if len(problems) > 0 {
		// A line's own problems first, then what matching it found.
		plan.Refused = append(problems, plan.Refused...)
		slices.SortStableFunc(plan.Refused, func(a, b model.LineProblem) int { return cmp.Compare(a.Line, b.Line) })
	}
	return plan, nil
}

// readText reads the whole file and checks it is UTF-8 text, dropping a BOM.
// Old Mac line ends (a lone \r) become \n so line numbers count.
func readText(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the file is bigger than %d MB: is it the member list?", MaxFileSize>>20)
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, fmt.Errorf("this is an Excel workbook, not a CSV file: %s", saveAs)
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return nil, fmt.Errorf("the file is saved as UTF-16 (\"Unicode Text\"), not UTF-8: %s", saveAs)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, fmt.Errorf("the file is not UTF-8 text (the first bad character is on line %d; older Excel saves CSV as Windows-1252): %s", line, saveAs)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("the file holds NUL bytes, so it is not a CSV text file: %s", saveAs)
	}
	if !bytes.Contains(data, []byte("\n")) && bytes.Contains(data, []byte("\r")) {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// detectDelimiter: ';' when the first non-blank line has more semicolons
// than commas outside quotes (Excel in many European locales), else ','.
func detectDelimiter(data []byte) rune {
	var line []byte
	for rest := data; len(rest) > 0; {
		var ok bool
		line, rest, ok = bytes.Cut(rest, []byte("\n"))
		if len(bytes.TrimSpace(line)) > 0 || !ok {
			break
		}
	}
	commas, semis, quoted := 0, 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

func quoteProblem(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf(`a " in an unquoted cell (line %d, column %d): put the cell in quotes and double the " inside it`, pe.Line, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf(`a quoted cell is not closed properly (line %d, column %d): check its " marks`, pe.Line, pe.Column)
	}
	return model.CleanLine(pe.Err.Error())
}

func blankRecord(rec []string) bool {
	for _, c := range rec {
		if model.CleanLine(c) != "" {
			return false
		}
	}
	return true
}

// headerColumns maps each known column to its index in the header row.
func headerColumns(rec []string) (map[string]int, error) {
	cols := map[string]int{}
	var found []string
	folded := map[string]bool{}
	for i, h := range rec {
		clean := model.CleanLine(h)
		if clean == "" {
			continue
		}
		found = append(found, fmt.Sprintf("%q", clean))
		f := foldHeader(clean)
		folded[f] = true
		col, ok := columnAliases[f]
		if !ok {
			continue // unknown columns are ignored
		}
		if j, dup := cols[col]; dup {
			return nil, fmt.Errorf("the header row has two %s columns, %q and %q: keep one", col, model.CleanLine(rec[j]), clean)
		}
		cols[col] = i
	}
	var missing []string
	for _, c := range requiredColumns {
		if _, ok := cols[c]; !ok {
			missing = append(missing, fmt.Sprintf("%q", c))
		}
	}
	if len(missing) == 0 {
		return cols, nil
	}
	what := missing[0] + " column"
	if len(missing) > 1 {
		what = strings.Join(missing[:len(missing)-1], ", ") + " or " + missing[len(missing)-1] + " columns"
	}
	msg := fmt.Sprintf("the header row has no %s (it needs name, agency and role; job_title, email and phone are optional)", what)
	if len(found) == 0 {
		msg += "; it has no column names at all"
	} else {
		msg += "; the columns found are " + strings.Join(found, ", ")
	}
	if _, ok := cols[colName]; !ok && (folded["firstname"] || folded["forename"]) && (folded["surname"] || folded["lastname"]) {
		msg += `: put first name and surname together in one "name" column`
	} else if len(found) == 1 && strings.ContainsAny(found[0], " \t") {
		msg += ": separate the columns with commas or semicolons (save as CSV UTF-8)"
	}
	return nil, errors.New(msg)
}

// excelNumber is a cell Excel has turned into a number in scientific
// notation: a phone number typed into a General cell.
var excelNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9](\.[0-9]+)?[eE]\+[0-9]+$`) })

// rowReader reads data rows. Agencies are looked up once per spelling:
// a long list names the same few agencies over and over.
type rowReader struct {
	cols         map[string]int
	agencies     []model.Agency
	found        map[string]agencyFound
	surnameFirst bool
}

type agencyFound struct {
	id     model.ID
	reason string
}

// member reads one data row into a member and says everything wrong with
// it except clashes with other lines and members (model.PlanMemberSync).
func (rr *rowReader) member(rec []string) (model.NewMember, []string) {
	cell := func(col string) string {
		i, ok := rr.cols[col]
		if !ok || i >= len(rec) {
			return ""
		}
		return model.CleanLine(rec[i])
	}
	var reasons []string
	n := model.NewMember{
		Name:  cell(colName),
		Title: cell(colJobTitle),
		Email: cell(colEmail),
		Phone: cell(colPhone),
		Role:  model.RoleMember,
	}
	if turned, ok := model.SurnameFirst(n.Name); ok {
		if !rr.surnameFirst {
			reasons = append(reasons, fmt.Sprintf("%q is written surname first: write it %q (or import with --surname-first to turn every such name round)", n.Name, turned))
		}
		// Matched turned round either way, so the person is not also
		// counted missing from the list.
		n.Name = turned
	}
	agency := cell(colAgency)
	a, ok := rr.found[agency]
	if !ok {
		found, err := findActiveAgency(rr.agencies, agency)
		if err != nil {
			a.reason = err.Error()
		} else {
			a.id = found.ID
		}
		rr.found[agency] = a
	}
	if a.reason != "" {
		reasons = append(reasons, a.reason)
	}
	n.AgencyID = a.id
	if s := cell(colRole); s != "" {
		if role, err := model.ParseRole(s); err != nil {
			reasons = append(reasons, err.Error())
		} else {
			n.Role = role
		}
	}
	if excelNumber().MatchString(n.Phone) {
		reasons = append(reasons, fmt.Sprintf("phone %q has been turned into a number by Excel: format the phone column as Text and type the numbers again", n.Phone))
		n.Phone = ""
	}
	clean, more := validate(n)
	return clean, append(reasons, more...)
}

// findActiveAgency is model.FindAgency for a new member: an agency that has
// retired is refused by name; one that merely shares letters with the query
// does not make it ambiguous.
func findActiveAgency(agencies []model.Agency, query string) (model.Agency, error) {
	a, err := model.FindAgency(agencies, query)
	if err == nil {
		if a.Retired {
			return model.Agency{}, model.Invalid("agency", "%s has left the partnership (retired): no new members can join it", a.Name)
		}
		return a, nil
	}
	active := model.ActiveAgencies(agencies)
	if len(active) == len(agencies) {
		return model.Agency{}, err
	}
	a, aerr := model.FindAgency(active, query)
	if aerr == nil {
		return a, nil
	}
	if len(model.MatchAgencies(active, query)) > 0 {
		return model.Agency{}, aerr // ambiguous among those still here
	}
	return model.Agency{}, err
}

// validate runs NewMember.Validate and, so that one pass over the file finds
// every problem, runs it again with each bad field set aside in turn.
// Agency and role have been checked already, so they are filled in here.
func validate(n model.NewMember) (model.NewMember, []string) {
	probe := n
	if probe.AgencyID == 0 {
		probe.AgencyID = ^model.ID(0) // reported already; stand-in so Validate looks at the rest
	}
	var reasons []string
	seen := map[string]bool{}
	for {
		clean, err := probe.Validate()
		if err == nil {
			if len(reasons) == 0 {
				return clean, nil
			}
			return n, reasons
		}
		reasons = append(reasons, model.CleanLine(err.Error()))
		var fe *model.FieldError
		if !errors.As(err, &fe) || seen[fe.Field] {
			return n, reasons
		}
		seen[fe.Field] = true
		switch fe.Field {
		case "name":
			probe.Name = "x"
		case "title":
			probe.Title = ""
		case "email":
			probe.Email = ""
		case "phone":
			probe.Phone = ""
		case "role":
			probe.Role = model.RoleMember
		default:
			return n, reasons
		}
	}
}
