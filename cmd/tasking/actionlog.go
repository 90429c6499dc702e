package main

import (
	"fmt"
	"io"
	"os"
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

// eachLogRow calls emit with every row of the action log, overdue first
// then by due date, each as soon as its action is read (store.EachAction:
// one read, the histories from one pass over their index); public asks the
// disclosure rule about each action and each field. agency is the action's
// owner, for --by-agency.
func eachLogRow(s store.Record, public bool, emit func(agency model.ID, row actionLogRow) error) error {
	today := s.Today()
	agencies, err := s.Agencies()
	if err != nil {
		return err
	}
	hotspots, err := s.Hotspots()
	if err != nil {
		return err
	}
	meetings, err := s.Meetings()
	if err != nil {
		return err
	}
	meetingDates := make(map[model.ID]model.Date, len(meetings))
	for _, m := range meetings {
		meetingDates[m.ID] = m.Date
	}
	byID := hotspotIndex(hotspots)
	rules := model.PublicRules(model.Meeting{}, byID)
	idx := model.IndexAgencies(agencies)
	return s.EachAction(model.ActionFilter{Today: today}, true, func(act model.Action, hist []model.ActionUpdate) error {
		if public && !rules.Action(act) {
			return nil
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
		return emit(act.AgencyID, row)
	})
}

func actionLogRowOf(a model.Action, hist []model.ActionUpdate, agencies model.AgencyIndex, hotspots map[model.ID]model.Hotspot,
	meetingDates map[model.ID]model.Date, today model.Date) actionLogRow {
	base := actionRowOf(a, model.PublicRules(model.Meeting{}, hotspots).ActionPrivacy(a), agencies, today)
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

// newLogWriter writes the action log into w in format f, a row at a time.
func newLogWriter(w io.Writer, f format, classification string) (rowWriter[actionLogRow], error) {
	switch f {
	case formatCSV:
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return nil, err
		}
		return newCSVRows[actionLogRow](w), nil
	case formatJSON:
		return newJSONRows[actionLogRow](w), nil
	case formatXLSX:
		return newXLSXWriter(w, classification)
	}
	return nil, fmt.Errorf("cannot write the action log as %s", f)
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

// isTerminal: w is a terminal (where a binary workbook must not go): this
// process's, or that of a process that joined the holder (terminalOut).
func isTerminal(w io.Writer) bool {
	if _, ok := w.(terminalOut); ok {
		return true
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// isTerminalIn: r is a terminal a question can be asked on.
func isTerminalIn(r io.Reader) bool {
	if _, ok := r.(terminalIn); ok {
		return true
	}
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// actionsSaved is the line said on stderr for each file written.
func actionsSaved(n int, path string) string {
	if n == 1 {
		return "saved 1 action to " + path
	}
	return fmt.Sprintf("saved %d actions to %s", n, path)
}
