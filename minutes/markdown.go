package minutes

import (
	"github.com/ccsp/tasking/model"
)

// Markdown renders the restricted minutes of rec.Meeting as council-style
// Markdown (CommonMark with GFM tables).
func Markdown(rec model.MeetingRecord) string {
	return Build(rec).Markdown()
}

// Markdown writes the Doc. Every piece of Doc text goes through escapeInline
// or escapeText; only the fixed wording is written as markup.
func (d Doc) Markdown() string {
	var w mdWriter
	classification := "**" + escapeInline(d.Classification) + "**"
	w.para(classification)
	w.heading(1, escapeInline(d.Partnership))
	w.para("**" + escapeInline(d.MeetingTitle+" ("+d.Kind+")") + "**")
	w.para(escapeInline(heldOn(d)))
	if d.Status == StatusDraft {
		w.para("**" + draftNotice + "** " + escapeInline(statusSentence(d)))
	} else {
		w.para(escapeInline(statusSentence(d)))
	}
	if d.PrivateNotice != "" {
		w.para(escapeInline(d.PrivateNotice))
	}
	if d.RecordNote != "" {
		w.para("*" + escapeInline(d.RecordNote) + "*")
	}
	if d.ConfidentialityRead {
		w.para("The Chair read the confidentiality statement:")
		// An italic paragraph, not a blockquote: glamour (terminal readers)
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
	w.para(escapeInline(actionLogIntro(d)))
	if len(d.ActionLog) == 0 {
		w.para("There are no open actions.")
	} else {
		rows := make([][]string, len(d.ActionLog))
		for i, a := range d.ActionLog {
			rows[i] = logCells(a)
		}
		w.table(actionLogHeader, rows)
	}
	w.para(escapeInline(signatureLine))
	w.para(classification)
	return w.String()
}

func (d Doc) mdAttendance(w *mdWriter) {
	w.heading(2, "Present")
	if len(d.Present) == 0 {
		w.para("No attendance has been recorded.")
	}
	var groups []string
	for _, g := range d.Present {
		groups = append(groups, "**"+escapeInline(g.Agency)+":** "+escapeInline(groupLine(g)))
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
}

// mdTail is what follows a note's or resolution's text: the amendment and,
// in the restricted version, the ref ("[N-5]") that an amendment names.
func mdTail(a *Amended, ref string) string {
	s := ""
	if a != nil {
		s += " " + escapeInline(amendedNote(a))
	}
	if ref != "" {
		s += " " + escapeInline("["+ref+"]")
	}
	return s
}

// mdMark is a private thing's mark in italics, before it (empty when it
// has none). Table cells carry the same words unstyled (marked).
func mdMark(mark string) string {
	if mark == "" {
		return ""
	}
	return "*" + escapeInline(mark) + "* "
}

func mdItem(w *mdWriter, it Item) {
	// The number is ours: "## 5. HS-3 …" is a heading whose text starts
	// "5.", which is not a list inside a heading. The title is escaped.
	h := itoa(it.Number) + ". " + escapeInline(it.Title)
	if it.Part2 && !it.Exempt { // an exempt heading already says so
		h += " " + escapeInline(part2ItemLabel(it))
	}
	w.heading(2, h)
	if it.Part2 {
		w.para(escapeInline(part2ItemNotice))
	}
	if h := it.Hotspot; h != nil {
		w.para(escapeInline(hotspotFacts(*h)))
	}
	if t := it.Trend; t != nil {
		w.para(escapeInline(trendSentence(*t)))
	}
	if len(it.Powers) > 0 {
		w.para(escapeInline(powersLead))
		ps := make([]string, len(it.Powers))
		for i, p := range it.Powers {
			ps[i] = mdMark(p.Mark) + escapeInline(p.Text)
		}
		w.list(ps)
	}
	if len(it.CaseReviews) > 0 {
		cs := make([]string, len(it.CaseReviews))
		for i, c := range it.CaseReviews {
			cs[i] = mdMark(c.Mark) + escapeInline(c.Text)
		}
		w.list(cs)
	}
	if it.Statement != "" {
		w.para(escapeInline(it.Statement))
	}
	if len(it.Declarations) > 0 {
		decl := make([]string, len(it.Declarations))
		for i, d := range it.Declarations {
			who, what := declarationLine(d)
			if who == "" {
				decl[i] = mdMark(d.Mark) + escapeText(what, "  ")
				continue
			}
			decl[i] = mdMark(d.Mark) + "**" + escapeInline(who) + ":** " + escapeText(what, "  ")
		}
		w.list(decl)
	}
	for _, n := range it.Notes {
		s := escapeText(n.Text, "") + mdTail(n.Amended, n.Ref)
		if n.Agency != "" {
			s = "**" + escapeInline(n.Agency) + ":** " + s
		}
		w.para(mdMark(n.Mark) + s)
	}
	for _, r := range it.Resolutions {
		w.para(mdMark(r.Mark) + "**" + resolvedLabel + "** " + escapeText(r.Text, "") + mdTail(r.Amended, r.Ref))
	}
	if len(it.Matters) > 0 {
		rows := make([][]string, len(it.Matters))
		for i, m := range it.Matters {
			rows[i] = mattersCells(m)
		}
		w.table(mattersHeader, rows)
	}
	if len(it.Referrals) > 0 {
		refs := make([]string, len(it.Referrals))
		for i, h := range it.Referrals {
			refs[i] = escapeInline(referralLine(h))
		}
		w.list(refs)
	}
	if len(it.Actions) > 0 {
		w.para("Actions agreed:")
		rows := make([][]string, len(it.Actions))
		for i, a := range it.Actions {
			rows[i] = actionCells(a)
		}
		w.table(actionsHeader, rows)
	}
}
