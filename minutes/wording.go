package minutes

import (
	"strconv"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
)

// Fixed wording every format shares: part of what the minutes promise their
// readers, so tests spell much of it out again.
const (
	// restrictedClassification marks the group's own minutes, top and bottom.
	restrictedClassification = "OFFICIAL-SENSITIVE — not for circulation beyond the partnership"
	// publicClassification marks the Part 1 version, top and bottom.
	publicClassification = "PUBLIC — Part 1 minutes"

	draftNotice    = "DRAFT — these minutes are not final."
	awaitingNotice = "These minutes are subject to approval at the next meeting."
	resolvedLabel  = "RESOLVED –"
	// consideredInPrivate is what the public matters arising say of an
	// update made on private business (model.Disclosure.Update).
	consideredInPrivate = "considered in private"
	part2ItemNotice     = "This item was considered in private, the public having been excluded. It is not included in the public minutes."
	// signatureLine ends the minutes: the Chair signs them once approved.
	// It is one line in every format, the plain text's 72 columns included.
	signatureLine  = "Chair .....................................   Date ....................."
	actionLogTitle = "Appendix: Action log"
	// withheldStatement stands under an item all of whose business the
	// public version leaves out, so that it does not say nothing happened.
	withheldStatement = "The business recorded under this item is not included in this version."
	// publicActionsNote follows the action log's introduction in public.
	publicActionsNote = "Actions on business taken in private, and on cases about individuals, are not listed."
)

// Classification is the marking the minutes carry at the top and the bottom:
// "OFFICIAL-SENSITIVE — not for circulation beyond the partnership", or for
// the public version "PUBLIC — Part 1 minutes".
func Classification(public bool) string {
	if public {
		return publicClassification
	}
	return restrictedClassification
}

// statusSentence is what the minutes say about how final they are, under the
// line that says when the meeting was held. For a draft it is the reason
// after the DRAFT notice (which the renderers write in bold).
func statusSentence(d Doc) string {
	switch d.Status {
	case StatusDraft:
		if d.State == model.MeetingPlanned {
			return "The meeting has not started yet."
		}
		return "The meeting is still open; they will be final when the Chair closes it."
	case StatusFinal:
		a := d.Approval
		s := "Approved as a correct record"
		if a != nil && !a.Date.IsZero() {
			s += " at the meeting on " + a.Date.Long()
		} else {
			s += " at a later meeting"
		}
		if a != nil && a.Decision != "" {
			s += " (" + a.Decision + ")"
		}
		return s + "."
	}
	return awaitingNotice
}

// amendedNote is "(amended on 3 December 2026 by Helen Marsh: reason)".
func amendedNote(a *Amended) string {
	if a == nil {
		return ""
	}
	s := "(amended"
	if !a.On.IsZero() {
		s += " on " + a.On.Format("2 January 2006")
	}
	if a.By != "" {
		s += " by " + a.By
	}
	if a.Reason != "" {
		s += ": " + a.Reason
	}
	return s + ")"
}

// heldOn is the line under the title: "Minutes of the meeting held on
// Tuesday 24 November 2026 at 10:00 in Committee Room 1, Town Hall."
func heldOn(d Doc) string {
	s := "Minutes of the meeting"
	if !d.Date.IsZero() {
		s += " held on " + d.Date.Long()
	}
	switch {
	case d.Started != "" && d.Ended != "":
		s += " from " + d.Started + " to " + d.Ended
	case d.Started != "":
		s += " from " + d.Started
	case d.Time != "":
		s += " at " + councilTime(d.Time)
	}
	if p := strings.TrimRight(d.Place, "."); p != "" {
		s += " in " + p
	}
	return s + "."
}

func asAt(d Doc) string {
	if d.AsAt.IsZero() {
		return "the time of printing"
	}
	return d.AsAt.Long()
}

// actionLogIntro is the sentence under the action log's heading.
func actionLogIntro(d Doc) string {
	s := "Open actions, and actions assigned or reviewed at this meeting, overdue first; status as at " + asAt(d) + "."
	if d.Public {
		s += " " + publicActionsNote
	}
	return s
}

// itemHeading is "5. HS-3 Town centre: …", with the Part 2 label.
func itemHeading(it Item) string {
	s := strconv.Itoa(it.Number) + ". " + it.Title
	if it.Part2 && !it.Exempt { // an exempt heading already says so
		s += " " + part2ItemLabel(it)
	}
	return s
}

// part2ItemLabel marks an item taken in private: "(Part 2 – exempt
// information, paragraph 1)".
func part2ItemLabel(it Item) string {
	if it.Paragraph == 0 {
		return "(Part 2 – exempt information)"
	}
	return "(Part 2 – exempt information, paragraph " + strconv.Itoa(it.Paragraph) + ")"
}

// personName is a person in a sentence: "Gary Fletcher (CBC Housing)", or
// in public "a representative of CBC Housing".
func personName(p Person) string {
	if p.Name == "" {
		return model.Representatives(1, p.Agency)
	}
	return withAgency(p)
}

// peopleNames is a list of people in a sentence: each by name, or in
// public those of one agency together where the first of them comes ("3
// representatives of CBC Community Safety", not the same words three times).
func peopleNames(ps []Person) []string {
	unnamed := map[string]int{} // agency → how many left unnamed
	for _, p := range ps {
		if p.Name == "" {
			unnamed[p.Agency]++
		}
	}
	var out []string
	for _, p := range ps {
		switch n, ok := unnamed[p.Agency]; {
		case p.Name != "":
			out = append(out, personName(p))
		case ok:
			out = append(out, model.Representatives(n, p.Agency))
			delete(unnamed, p.Agency) // the rest of them are counted here
		}
	}
	return out
}

// declarationLine is one declaration: "Louise Birch (minute 99, HS-4 …): a
// personal interest …"; in public for a private item, only the fixed line.
func declarationLine(d Declaration) (who, what string) {
	who = d.Name
	if d.On != "" {
		who += " (" + d.On + ")"
	}
	return who, d.Text
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
	switch {
	case p.Name == "":
		return personName(p)
	case p.Agency == "":
		return p.Name
	}
	return p.Name + " (" + p.Agency + ")"
}

// groupLine is one agency's people in the Present list (without the agency).
func groupLine(g AgencyGroup) string {
	if len(g.People) == 0 {
		// The public version: how many, not who.
		s := model.Plural(g.Count, "representative")
		if g.Chair {
			s += ", including the Chair"
		}
		return s
	}
	names := make([]string, len(g.People))
	for i, p := range g.People {
		names[i] = personLine(p)
	}
	return strings.Join(names, "; ")
}

// hotspotFacts is the line under a hotspot item.
func hotspotFacts(h Hotspot) string {
	var parts []string
	if h.Ward != "" {
		parts = append(parts, "Ward: "+h.Ward)
	}
	if h.Category != "" {
		parts = append(parts, "Category: "+h.Category)
	}
	parts = append(parts, "Risk: "+h.Risk)
	if h.Status != "" {
		parts = append(parts, "Status: "+h.Status)
	}
	parts = append(parts, "Lead agency: "+h.LeadAgency)
	return strings.Join(parts, " · ")
}

// referralLine is one new referral in the list.
func referralLine(h Hotspot) string {
	return marked(h.Mark, h.Ref+" "+h.Title+" — "+hotspotFacts(h))
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

// Table headers: part of what the minutes promise their readers; tests spell
// them out again so a change here is a deliberate one.
var (
	mattersHeader   = []string{"Ref", "Action", "Owner", "Due", "Status", "Update"}
	actionsHeader   = []string{"Ref", "Action", "Owner", "Due"}
	actionLogHeader = []string{"Ref", "Hotspot", "Action", "Owner", "Due", "Status"}
)

func mattersCells(m MatterRow) []string {
	return []string{m.Ref, actionText(m.ActionRow), m.Owner, due(m.Due), m.Status, orDash(marked(m.UpdateMark, m.Update))}
}

func actionCells(a ActionRow) []string { return []string{a.Ref, actionText(a), a.Owner, due(a.Due)} }

func logCells(a ActionRow) []string {
	return []string{a.Ref, a.Hotspot, actionText(a), a.Owner, due(a.Due), a.Status}
}

// actionText is an action's words in a table, marked when it is private
// business or was released (only the restricted version marks anything).
func actionText(a ActionRow) string { return marked(a.Mark, a.Text) }

// councilTime writes a 24-hour "14:30" as council minutes do, "2.30 pm";
// anything else is left as it is.
func councilTime(hhmm string) string {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return hhmm
	}
	return strings.ToLower(t.Format("3.04 PM"))
}

// powersLead opens the list of powers in force under a hotspot's facts.
const powersLead = "Powers in force:"
