package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/charmbracelet/x/term"
	"golang.org/x/text/unicode/norm"
)

// The action log: `tasking export actions`, what a coordinator sends the
// partners for Excel. One row per action, the action's own fields first
// (the documented action record, unchanged, so scripts written for it keep
// working) and then what a tracker needs, worked out from the action's
// history by the rules in model (actionlog.go there).

// Classifications printed on every page of a workbook (its header and
// footer), the same words the minutes use.
const (
	restrictedActionLog = "OFFICIAL-SENSITIVE — not for circulation beyond the partnership"
	publicActionLog     = "PUBLIC — Part 1 action log"
)

// utf8BOM starts every action-log CSV: without it Excel reads the file as
// the local code page and turns "Thu–Sat" and "Môn" into mojibake.
const utf8BOM = "\uFEFF"

// actionLogFileMode: restricted logs name officers and carry their words.
const actionLogFileMode = 0o600

// actionLogRow: ref, hotspot, text, agency, officer, due, status, rag,
// created_meeting, updated_at, last_update, private (the action record), then
// created_on, hotspot_title, ward, original_due, times_carried_forward,
// days_overdue, completed_on, last_update_by, last_update_on, outcome,
// last_change, last_change_by, last_change_on, version. Add
// fields at the end; never rename.
type actionLogRow struct {
	Ref            string `json:"ref"`
	Hotspot        string `json:"hotspot"` // HS-3, or "" for a general action
	Text           string `json:"text"`
	Agency         string `json:"agency"`          // the owning agency's full name
	Officer        string `json:"officer"`         // named officer, or ""
	Due            string `json:"due"`             // the current due date, 2026-11-27
	Status         string `json:"status"`          // open, in-progress, done, blocked, cancelled
	RAG            string `json:"rag"`             // red, amber, green, or "" when done/cancelled
	CreatedMeeting string `json:"created_meeting"` // the meeting that raised it, M-5, or ""
	UpdatedAt      string `json:"updated_at"`      // RFC 3339
	LastUpdate     string `json:"last_update"`     // the owning agency's latest update, in words
	Private        string `json:"private"`         // "yes" for private business (only the restricted version has any)

	CreatedOn           string `json:"created_on"`            // raised: its meeting's date, else the day it was added
	HotspotTitle        string `json:"hotspot_title"`         // "" for a general action
	Ward                string `json:"ward"`                  // the hotspot's ward
	OriginalDue         string `json:"original_due"`          // the due date it was assigned with
	TimesCarriedForward string `json:"times_carried_forward"` // how often the due date was moved later: "0", "1", …
	DaysOverdue         string `json:"days_overdue"`          // days past due for overdue open work, else ""
	CompletedOn         string `json:"completed_on"`          // the day it was marked done, else ""
	LastUpdateBy        string `json:"last_update_by"`        // who wrote last_update
	LastUpdateOn        string `json:"last_update_on"`        // the day of last_update
	Outcome             string `json:"outcome"`               // the completion note
	// LastChange is the agency's latest change between meetings (a status,
	// a date moved with its reason, another officer), beside the words of
	// last_update, which it never replaces; with who and the day.
	LastChange   string `json:"last_change"`
	LastChangeBy string `json:"last_change_by"`
	LastChangeOn string `json:"last_change_on"`
	// Version says which version the export is, on every row: restricted
	// (private business included and marked by private) or public.
	Version string `json:"version"`
}

// exportVersion is what an export's version field says.
func exportVersion(public bool) string {
	if public {
		return "public"
	}
	return "restricted"
}

// actionLogEntry is a row and the agency it belongs to, for --by-agency.
type actionLogEntry struct {
	agencyID model.ID
	row      actionLogRow
}

// readActionLog is every action, overdue first then by due date, as log
// rows; public asks the disclosure rule about each action and each field.
func readActionLog(s store.Record, public bool) ([]actionLogEntry, error) {
	today := s.Today()
	actions, err := s.Actions(model.ActionFilter{Today: today})
	if err != nil {
		return nil, err
	}
	agencies, err := s.Agencies()
	if err != nil {
		return nil, err
	}
	hotspots, err := s.Hotspots()
	if err != nil {
		return nil, err
	}
	meetings, err := s.Meetings()
	if err != nil {
		return nil, err
	}
	meetingDates := make(map[model.ID]model.Date, len(meetings))
	for _, m := range meetings {
		meetingDates[m.ID] = m.Date
	}
	byID := hotspotIndex(hotspots)
	rules := model.PublicRules(model.Meeting{}, byID)
	idx := model.IndexAgencies(agencies)
	out := []actionLogEntry{}
	for _, act := range actions {
		if public && !rules.Action(act) {
			continue
		}
		hist, err := s.ActionHistory(act.ID)
		if err != nil {
			return nil, err
		}
		row := actionLogRowOf(act, hist, idx, byID, meetingDates, today)
		row.Version = exportVersion(public)
		row.Private = yes(!rules.Action(act))
		if public {
			if !rules.Officer() {
				row.Officer = ""
			}
			if !rules.UpdateWords() {
				row.LastUpdate, row.Outcome, row.LastChange = "", "", ""
			}
			if !rules.NamesPeople() {
				row.LastUpdateBy, row.LastChangeBy = "", ""
			}
			if h, ok := byID[act.HotspotID]; ok && !rules.Hotspot(h) {
				row.HotspotTitle, row.Ward = "", ""
			}
		}
		out = append(out, actionLogEntry{agencyID: act.AgencyID, row: row})
	}
	return out, nil
}

func actionLogRowOf(a model.Action, hist []model.ActionUpdate, agencies model.AgencyIndex, hotspots map[model.ID]model.Hotspot,
	meetingDates map[model.ID]model.Date, today model.Date) actionLogRow {
	base := actionRowOf(a, agencies, today)
	local := a
	local.CreatedAt = a.CreatedAt.Local()
	row := actionLogRow{
		Ref: base.Ref, Hotspot: base.Hotspot, Text: base.Text, Agency: base.Agency, Officer: base.Officer,
		Due: base.Due, Status: base.Status, RAG: base.RAG, CreatedMeeting: base.CreatedMeeting,
		UpdatedAt: base.UpdatedAt, LastUpdate: base.LastUpdate,

		CreatedOn:           model.RaisedOn(local, meetingDates[a.CreatedMeetingID]).String(),
		OriginalDue:         model.OriginalDue(a, hist).String(),
		TimesCarriedForward: strconv.Itoa(model.TimesCarriedForward(hist)),
		CompletedOn:         a.CompletedOn.String(),
		LastUpdateBy:        model.CleanLine(a.LastUpdateBy),
		Outcome:             model.CleanText(a.CompletionNote),
	}
	if h, ok := hotspots[a.HotspotID]; ok && a.HotspotID != 0 {
		row.HotspotTitle = model.CleanLine(h.Title)
		row.Ward = model.CleanLine(h.Ward)
	}
	if n := a.DaysOverdue(today); n > 0 {
		row.DaysOverdue = strconv.Itoa(n)
	}
	if !a.LastUpdateAt.IsZero() {
		row.LastUpdateOn = model.DateOf(a.LastUpdateAt.Local()).String()
	}
	row.LastChange = markedWords(a.LastChangePrivacy, model.CleanText(a.LastChange))
	row.LastChangeBy = model.CleanLine(a.LastChangeBy)
	if !a.LastChangeAt.IsZero() {
		row.LastChangeOn = model.DateOf(a.LastChangeAt.Local()).String()
	}
	return row
}

// renderActionLog is the whole file in format f.
func renderActionLog(f format, rows []actionLogRow, classification string) ([]byte, error) {
	var b bytes.Buffer
	switch f {
	case formatCSV:
		b.WriteString(utf8BOM)
		if err := writeCSV(&b, rows); err != nil {
			return nil, err
		}
	case formatJSON:
		if err := writeJSON(&b, rows); err != nil {
			return nil, err
		}
	case formatXLSX:
		return actionLogWorkbook(rows, classification)
	default:
		return nil, fmt.Errorf("cannot write the action log as %s", f)
	}
	return b.Bytes(), nil
}

// actionLogTarget is one file --by-agency writes: an agency's own actions.
type actionLogTarget struct {
	path string
	rows []actionLogRow
}

// byAgencyTargets splits the log into one file per agency that owns any of
// its actions, named after the agency, in dir.
func byAgencyTargets(entries []actionLogEntry, agencies model.AgencyIndex, dir string, f format, public bool) []actionLogTarget {
	groups := map[model.ID][]actionLogRow{}
	var order []model.ID
	for _, e := range entries {
		if _, seen := groups[e.agencyID]; !seen {
			order = append(order, e.agencyID)
		}
		groups[e.agencyID] = append(groups[e.agencyID], e.row)
	}
	slices.SortFunc(order, func(a, b model.ID) int {
		return strings.Compare(agencyFileStem(agencies, a), agencyFileStem(agencies, b))
	})
	used := map[string]bool{}
	var out []actionLogTarget
	for _, id := range order {
		stem := agencyFileStem(agencies, id)
		if used[stem] { // two agencies whose names differ only in punctuation or case
			stem += "-" + strconv.FormatInt(int64(id), 10)
		}
		used[stem] = true
		out = append(out, actionLogTarget{path: filepath.Join(dir, actionLogFileName(stem, f, public)), rows: groups[id]})
	}
	return out
}

// agencyFileStem is the agency's name as a safe file name: lower-case ASCII
// letters and digits joined by hyphens ("Derbyshire Fire & Rescue Service"
// → "derbyshire-fire-rescue-service").
func agencyFileStem(agencies model.AgencyIndex, id model.ID) string {
	stem := safeFileStem(agencies[id].Name)
	if stem == "" {
		stem = "agency-" + strconv.FormatInt(int64(id), 10)
	}
	return stem
}

func safeFileStem(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(model.CleanLine(name)) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
			continue // accents and apostrophes: "Môn" → "mon", "Children's" → "childrens"
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// actionLogFileName is "STEM-actions[-public].EXT".
func actionLogFileName(stem string, f format, public bool) string {
	name := stem + "-actions"
	if public {
		name += "-public"
	}
	return name + "." + string(f)
}

// checkFree refuses to overwrite a file unless force says so; a folder is
// never overwritten.
func checkFree(path string, force bool) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.IsDir():
		return fmt.Errorf("%s is a folder, not a file", path)
	case !force:
		return fmt.Errorf("%s already exists: add --force to overwrite it", path)
	}
	return nil
}

// saveActionLog writes data to path, created 0600. Without force an
// existing file is never touched (the file is created exclusively); with
// force the new file replaces the old one whole (written beside it, then
// renamed), so a reader never sees half of either.
func saveActionLog(path string, data []byte, force bool) (err error) {
	if !force {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, actionLogFileMode)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists: add --force to overwrite it", path)
		}
		if err != nil {
			return saveErr(path, err)
		}
		if _, err = f.Write(data); err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return saveErr(path, err)
		}
		return nil
	}
	if err := checkFree(path, true); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return saveErr(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return saveErr(path, err)
	}
	if err = tmp.Chmod(actionLogFileMode); err != nil {
		return saveErr(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return saveErr(path, err)
	}
	if err = tmp.Close(); err != nil {
		return saveErr(path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return saveErr(path, err)
	}
	return nil
}

// saveErr names the file the person asked for, not a temporary one.
func saveErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

// isTerminal: w is a terminal (where a binary workbook must not go).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// actionsSaved is the line said on stderr for each file written.
func actionsSaved(n int, path string) string {
	if n == 1 {
		return "saved 1 action to " + path
	}
	return fmt.Sprintf("saved %d actions to %s", n, path)
}
