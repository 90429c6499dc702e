package minutes

import (
	"strings"

	"github.com/ccsp/tasking/model"
)

// TextWidth is the most display columns any line of the plain-text minutes
// takes: they are meant for an email body.
const TextWidth = 72

// Text writes the Doc as plain text for an email body: every line at most
// TextWidth display columns (wide characters count two, an emoji sequence
// counts as what a terminal shows), headings underlined with = and -,
// tables as blocks under each ref. Nothing is escaped, because nothing is
// markup; the text is cleaned of control sequences all the same.
func (d Doc) Text() string {
	var w textWriter
	w.para(d.Classification)
	w.heading(d.Partnership, '=')
	w.para(d.MeetingTitle + " (" + d.Kind + ")")
	w.para(heldOn(d))
	if d.Status == StatusDraft {
		w.para(draftNotice + " " + statusSentence(d))
	} else {
		w.para(statusSentence(d))
	}
	if d.PrivateNotice != "" {
		w.para(d.PrivateNotice)
	}
	if d.RecordNote != "" {
		w.para(d.RecordNote)
	}
	if d.ConfidentialityRead {
		w.para("The Chair read the confidentiality statement:")
		w.block(d.ConfidentialityStatement, "    ", "    ")
	} else {
		w.para("The confidentiality statement was not recorded as read.")
	}

	w.heading("Present", '-')
	if len(d.Present) == 0 {
		w.para("No attendance has been recorded.")
	}
	for _, g := range d.Present {
		w.lines(g.Agency+": "+groupLine(g), "- ", "  ")
	}
	w.end()
	if len(d.Guests) > 0 {
		w.para("In attendance:")
		for _, g := range d.Guests {
			w.lines(withAgency(g), "- ", "  ")
		}
		w.end()
	}

	for _, it := range d.Items {
		textItem(&w, it)
	}

	w.heading(actionLogTitle, '-')
	w.para(actionLogIntro(d))
	if len(d.ActionLog) == 0 {
		w.para("There are no open actions.")
	}
	ind := refIndent(d.ActionLog)
	for _, a := range d.ActionLog {
		w.row(a.Ref, ind, actionText(a), a.Hotspot+" · Owner: "+a.Owner+" · Due: "+due(a.Due)+" · "+a.Status)
	}
	// The signature is laid out by its spaces and fits a line: written as
	// it is, never wrapped (TestTextNeverSplitsSignatureOrRefs).
	w.verbatim(signatureLine)
	w.para(d.Classification)
	return w.String()
}

func textItem(w *textWriter, it Item) {
	w.heading(itemHeading(it), '-')
	if it.Part2 {
		w.para(part2ItemNotice)
	}
	if h := it.Hotspot; h != nil {
		w.para(hotspotFacts(*h))
	}
	if t := it.Trend; t != nil {
		w.para(trendSentence(*t))
	}
	if len(it.Powers) > 0 {
		w.para(powersLead)
		for _, p := range it.Powers {
			w.lines(marked(p.Mark, p.Text), "- ", "  ")
		}
		w.end()
	}
	if len(it.CaseReviews) > 0 {
		for _, c := range it.CaseReviews {
			w.lines(marked(c.Mark, c.Text), "- ", "  ")
		}
		w.end()
	}
	if it.Statement != "" {
		w.para(it.Statement)
	}
	for _, d := range it.Declarations {
		who, what := declarationLine(d)
		if who != "" {
			what = who + ": " + what
		}
		w.lines(marked(d.Mark, what), "- ", "  ")
	}
	w.end()
	for _, n := range it.Notes {
		s := n.Text + textTail(n.Amended, n.Ref)
		if n.Agency != "" {
			s = n.Agency + ": " + s
		}
		w.para(marked(n.Mark, s))
	}
	for _, r := range it.Resolutions {
		w.para(marked(r.Mark, resolvedLabel+" "+r.Text+textTail(r.Amended, r.Ref)))
	}
	ind := refIndent(mattersRows(it.Matters))
	for _, m := range it.Matters {
		details := "Owner: " + m.Owner + " · Due: " + due(m.Due) + " · " + m.Status
		if m.Update != "" {
			details += "\n" + model.Labelled("Update", marked(m.UpdateMark, m.Update))
		}
		w.row(m.Ref, ind, actionText(m.ActionRow), details)
	}
	for _, h := range it.Referrals {
		w.lines(referralLine(h), "- ", "  ")
	}
	w.end()
	if len(it.Actions) > 0 {
		w.para("Actions agreed:")
		ind := refIndent(it.Actions)
		for _, a := range it.Actions {
			w.row(a.Ref, ind, actionText(a), "Owner: "+a.Owner+" · Due: "+due(a.Due))
		}
	}
}

func textTail(a *Amended, ref string) string {
	s := ""
	if a != nil {
		s += " " + amendedNote(a)
	}
	if ref != "" {
		s += " [" + ref + "]"
	}
	return s
}

func mattersRows(ms []MatterRow) []ActionRow {
	out := make([]ActionRow, len(ms))
	for i, m := range ms {
		out[i] = m.ActionRow
	}
	return out
}

// refIndent is how far a block of rows is indented under its refs: the
// widest ref and two spaces, at least six columns ("A-12  "), at most 12.
func refIndent(rows []ActionRow) int {
	n := 6
	for _, r := range rows {
		n = max(n, textWidth(line(r.Ref))+2)
	}
	return min(n, 12)
}

// textWriter writes blocks of wrapped lines, each block followed by one
// blank line.
type textWriter struct {
	b    strings.Builder
	open bool // lines written since the last blank line
}

// para is a paragraph: its line breaks kept, each line wrapped.
func (w *textWriter) para(s string) { w.block(s, "", "") }

// block is a paragraph with a prefix on its first line and another on the
// rest (the same width, normally).
func (w *textWriter) block(s, first, rest string) {
	if w.lines(s, first, rest) {
		w.end()
	}
}

// lines writes s wrapped, with no blank line after; it reports whether it
// wrote anything.
func (w *textWriter) lines(s, first, rest string) bool {
	width := TextWidth - max(textWidth(first), textWidth(rest))
	ls := wrapText(s, width)
	for i, l := range ls {
		p := rest
		if i == 0 {
			p = first
		}
		w.b.WriteString(strings.TrimRight(p+l, " ") + "\n")
		w.open = true
	}
	return len(ls) > 0
}

// verbatim writes one line of the minutes' own as it is, spaces and all,
// as a block: only for fixed lines no wider than TextWidth.
func (w *textWriter) verbatim(s string) {
	w.end()
	w.b.WriteString(s + "\n")
	w.open = true
	w.end()
}

// end closes the block being written with a blank line.
func (w *textWriter) end() {
	if w.open {
		w.b.WriteString("\n")
		w.open = false
	}
}

// heading is a heading underlined as wide as its widest line.
func (w *textWriter) heading(s string, underline byte) {
	w.end()
	ls := wrapText(s, TextWidth)
	if len(ls) == 0 {
		ls = []string{"—"}
	}
	widest := 0
	for _, l := range ls {
		w.b.WriteString(l + "\n")
		widest = max(widest, textWidth(l))
	}
	w.b.WriteString(strings.Repeat(string(underline), max(widest, 1)) + "\n\n")
}

// row is one row of a table as a block: the ref, then the first line of
// text beside it, the details indented under the text.
func (w *textWriter) row(ref string, indent int, text, details string) {
	pad := strings.Repeat(" ", indent)
	ref = line(ref)
	first := ref + strings.Repeat(" ", max(indent-textWidth(ref), 1))
	if textWidth(first) > indent {
		w.lines(ref, "", "")
		first = pad
	}
	w.lines(text, first, pad)
	w.lines(details, pad, pad)
	w.end()
}

func (w *textWriter) String() string { return oneNewline(w.b.String()) }
