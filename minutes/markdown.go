package minutes

import (
	"strings"

	"github.com/ccsp/tasking/model"
)

// Markdown renders the minutes of rec.Meeting as council-style Markdown
// (CommonMark with GFM tables).
func Markdown(rec model.MeetingRecord) string {
	return Build(rec).Markdown()
}

// Table headers: part of what the minutes promise their readers; tests spell
// them out again so a change here is a deliberate one.
var (
	mattersHeader   = []string{"Ref", "Action", "Owner", "Due", "Status", "Update"}
	actionsHeader   = []string{"Ref", "Action", "Owner", "Due"}
	actionLogHeader = []string{"Ref", "Hotspot", "Action", "Owner", "Due", "Status"}
)

// Fixed wording the renderers share.
const (
	draftNotice     = "DRAFT — these minutes are not final."
	resolvedLabel   = "RESOLVED –"
	part2Label      = "(Part 2 – confidential)"
	confidentialTag = "(confidential)"
	actionLogTitle  = "Appendix: Action log"
)

// Markdown writes the Doc. Every piece of Doc text goes through escapeInline
// or escapeText; only the fixed wording here is written as markup.
func (d Doc) Markdown() string {
	var w mdWriter
	w.heading(1, escapeInline(d.Partnership))
	w.para("**" + escapeInline(d.MeetingTitle+" ("+d.Kind+")") + "**")
	w.para(escapeInline(heldOn(d)))
	if d.Draft {
		w.para("**" + draftNotice + "** " + draftReason(d.State))
	}
	if d.ConfidentialityRead {
		w.para("The Chair read the confidentiality statement:")
		// An italic paragraph, not a blockquote: glamour (the TUI preview)
		// mis-wraps long blockquotes, leaving words outside the quote bar.
		w.para("*" + escapeText(d.ConfidentialityStatement, "") + "*")
	} else {
		w.para("The confidentiality statement was not recorded as read.")
	}
	d.mdAttendance(&w)
	for _, it := range d.Items {
		mdItem(&w, it)
	}
	w.heading(2, actionLogTitle)
	w.para(escapeInline("Open actions, and actions assigned or reviewed at this meeting, overdue first; status as at " + asAt(d) + "."))
	if len(d.ActionLog) == 0 {
		w.para("There are no open actions.")
	} else {
		rows := make([][]string, len(d.ActionLog))
		for i, a := range d.ActionLog {
			rows[i] = []string{a.Ref, a.Hotspot, a.Text, a.Owner, due(a.Due), a.Status}
		}
		w.table(actionLogHeader, rows)
	}
	return w.String()
}

// heldOn is the line under the title: "Minutes of the meeting held on
// Tuesday 24 November 2026 at 10:00 in Committee Room 1, Town Hall."
func heldOn(d Doc) string {
	s := "Minutes of the meeting"
	if !d.Date.IsZero() {
		s += " held on " + d.Date.Long()
	}
	if d.Time != "" {
		s += " at " + d.Time
	}
	if p := strings.TrimRight(d.Place, "."); p != "" {
		s += " in " + p
	}
	return s + "."
}

func draftReason(s model.MeetingState) string {
	if s == model.MeetingPlanned {
		return "The meeting has not started yet."
	}
	return "The meeting is still open; they will be final when the Chair closes it."
}

func asAt(d Doc) string {
	if d.AsAt.IsZero() {
		return "the time of printing"
	}
	return d.AsAt.Long()
}

func (d Doc) mdAttendance(w *mdWriter) {
	w.heading(2, "Present")
	if len(d.Present) == 0 {
		w.para("No attendance has been recorded.")
	}
	var groups []string
	for _, g := range d.Present {
		names := make([]string, len(g.People))
		for i, p := range g.People {
			names[i] = personLine(p)
		}
		groups = append(groups, "**"+escapeInline(g.Agency)+":** "+escapeInline(strings.Join(names, "; ")))
	}
	w.list(groups)
	if len(d.Guests) > 0 {
		w.para("In attendance:")
		guests := make([]string, len(d.Guests))
		for i, g := range d.Guests {
			guests[i] = escapeInline(withAgency(g))
		}
		w.list(guests)
	}
	w.heading(2, "Apologies")
	if len(d.Apologies) == 0 {
		w.para("No apologies for absence were received.")
		return
	}
	names := make([]string, len(d.Apologies))
	for i, p := range d.Apologies {
		names[i] = withAgency(p)
	}
	w.para(escapeInline("Apologies for absence were received from " + joinAnd(names) + "."))
}

// personLine is a name in the Present list: "Helen Marsh, Community Safety
// Manager (Chair)".
func personLine(p Person) string {
	s := p.Name
	if p.Title != "" {
		s += ", " + p.Title
	}
	if p.Chair {
		s += " (Chair)"
	}
	return s
}

func withAgency(p Person) string {
	if p.Agency == "" {
		return p.Name
	}
	return p.Name + " (" + p.Agency + ")"
}

func joinAnd(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func mdItem(w *mdWriter, it Item) {
	// The number is ours, not escaped: "## 5. HS-3 …" is a heading whose text
	// starts "5.", which is not a list inside a heading.
	w.heading(2, itoa(it.Number)+". "+escapeInline(it.Title))
	if h := it.Hotspot; h != nil {
		w.para(escapeInline(hotspotFacts(*h)))
	}
	if it.Statement != "" {
		w.para(escapeInline(it.Statement))
	}
	if len(it.Declarations) > 0 {
		decl := make([]string, len(it.Declarations))
		for i, d := range it.Declarations {
			decl[i] = "**" + escapeInline(d.Name) + ":** " + escapeText(d.Text, "  ")
		}
		w.list(decl)
	}
	for _, n := range it.Notes {
		s := escapeText(n.Text, "")
		if n.Confidential {
			s = "*" + confidentialTag + "* " + s
		}
		w.para(s)
	}
	for _, r := range it.Resolutions {
		s := "**" + resolvedLabel + "** " + escapeText(r.Text, "")
		if r.Part2 {
			s = "*" + part2Label + "* " + s
		}
		w.para(s)
	}
	if len(it.Matters) > 0 {
		rows := make([][]string, len(it.Matters))
		for i, m := range it.Matters {
			rows[i] = []string{m.Ref, m.Text, m.Owner, due(m.Due), m.Status, orDash(m.Update)}
		}
		w.table(mattersHeader, rows)
	}
	if len(it.Referrals) > 0 {
		refs := make([]string, len(it.Referrals))
		for i, h := range it.Referrals {
			refs[i] = escapeInline(h.Ref + " " + h.Title + " — " + hotspotFacts(h))
		}
		w.list(refs)
	}
	if len(it.Actions) > 0 {
		w.para("Actions agreed:")
		rows := make([][]string, len(it.Actions))
		for i, a := range it.Actions {
			rows[i] = []string{a.Ref, a.Text, a.Owner, due(a.Due)}
		}
		w.table(actionsHeader, rows)
	}
}

// hotspotFacts is the line under a hotspot item.
func hotspotFacts(h Hotspot) string {
	var parts []string
	if h.Ward != "" {
		parts = append(parts, "Ward: "+h.Ward)
	}
	parts = append(parts, "Risk: "+h.Risk, "Status: "+h.Status, "Lead agency: "+h.LeadAgency)
	return strings.Join(parts, " · ")
}

// due is a date in a table, with its year: the minutes are a record read
// long after the meeting ("27 Nov 2026").
func due(d model.Date) string { return orDash(d.Format("2 Jan 2006")) }

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
