package minutes

import (
	"strings"

	"github.com/ccsp/tasking/model"
)

// DOCX writes the Doc as a Word document (WordprocessingML, ECMA-376),
// written here with encoding/xml and archive/zip because no maintained Go
// library writes one: A4; the classification in the header and the footer
// of every page with "Page X of Y" as fields; Word's own styles (Title,
// Heading 1, List Bullet) and the minutes' (Minute Heading, Lead-in, Table
// Text…); tables at the full width of the text with borders, a header row
// repeated on every page and rows never split across pages. It says what
// the other formats say, in the same order, and marks private things with
// the same words. Every piece of Doc text is cleaned here; the XML writer
// (docx_encode.go, encoding/xml's bytes) escapes it, and replaces what XML
// cannot hold.
func (d Doc) DOCX() ([]byte, error) {
	return docxPackage(d.docxBody(), d.Classification, !d.Public)
}

// docxBody is the document's paragraphs and tables, in order.
func (d Doc) docxBody() []any {
	var w docxWriter
	w.para(styleClassification, classificationRun(d.Classification, !d.Public))
	w.para(styleTitle, textRun(line(d.Partnership), nil))
	w.para(styleNormal, textRun(line(d.MeetingTitle+" ("+d.Kind+")"), &wRPr{Bold: on}))
	w.para(styleNormal, textRun(line(heldOn(d)), nil))
	if d.Status == StatusDraft {
		w.para(styleNormal, textRun(draftNotice, &wRPr{Bold: on}), textRun(" "+line(statusSentence(d)), nil))
	} else {
		w.para(styleNormal, textRun(line(statusSentence(d)), &wRPr{Italic: on}))
	}
	if d.PrivateNotice != "" {
		w.para(styleNormal, textRun(line(d.PrivateNotice), &wRPr{Italic: on}))
	}
	if d.RecordNote != "" {
		w.para(styleNormal, textRun(line(d.RecordNote), &wRPr{Italic: on}))
	}
	if d.ConfidentialityRead {
		w.para(styleLeadIn, textRun("The Chair read the confidentiality statement:", nil))
		w.para(styleStatement, linesRuns(d.ConfidentialityStatement, nil)...)
	} else {
		w.para(styleNormal, textRun("The confidentiality statement was not recorded as read.", nil))
	}

	w.para(styleHeading1, textRun("Present", nil))
	if len(d.Present) == 0 {
		w.para(styleNormal, textRun("No attendance has been recorded.", nil))
	}
	for _, g := range d.Present {
		w.para(styleListBullet, textRun(line(g.Agency)+":", &wRPr{Bold: on}), textRun(" "+line(groupLine(g)), nil))
	}
	if len(d.Guests) > 0 {
		w.para(styleLeadIn, textRun("In attendance:", nil))
		for _, g := range d.Guests {
			w.para(styleListBullet, textRun(line(withAgency(g)), nil))
		}
	}

	for _, it := range d.Items {
		docxItem(&w, it)
	}

	w.para(styleHeading1, textRun(actionLogTitle, nil))
	w.para(styleLeadIn, textRun(line(actionLogIntro(d)), nil))
	if len(d.ActionLog) == 0 {
		w.para(styleNormal, textRun("There are no open actions.", nil))
	} else {
		rows := make([][]string, len(d.ActionLog))
		overdue := make([]bool, len(d.ActionLog))
		for i, a := range d.ActionLog {
			rows[i], overdue[i] = logCells(a), a.Overdue
		}
		w.table(actionLogHeader, rows, overdue)
	}
	w.para(styleSignature, textRun(signatureLine, nil))
	w.para(styleClassification, classificationRun(d.Classification, !d.Public))
	return w.blocks
}

// docxItem is one numbered minute. Its number is text in the heading
// ("97. HS-1 …"), not Word's automatic list numbering: minute numbers run
// on through the municipal year and are cited elsewhere (declarations name
// "minute 97", the next meeting refers back to it), and the public version
// keeps an exempt item's number with a neutral heading. Word's numbering
// would renumber every later minute the moment an officer added or removed
// a paragraph in that style, and a number Word makes up is not in the text
// that is copied, searched or converted. The style (Minute Heading) still
// lets Word list and restyle the minutes together.
func docxItem(w *docxWriter, it Item) {
	h := []wR{textRun(itoa(it.Number)+". "+line(it.Title), nil)}
	if it.Part2 && !it.Exempt { // an exempt heading already says so
		h = append(h, textRun(" ", nil), textRun(part2ItemLabel(it), &wRPr{Color: val(restrictedRed)}))
	}
	w.para(styleMinute, h...)
	if it.Part2 {
		w.para(styleNormal, textRun(part2ItemNotice, &wRPr{Color: val(restrictedRed)}))
	}
	if h := it.Hotspot; h != nil {
		w.para(styleNormal, textRun(line(hotspotFacts(*h)), nil))
	}
	if t := it.Trend; t != nil {
		w.para(styleNormal, textRun(line(trendSentence(*t)), nil))
		docxTrend(w, *t)
	}
	if len(it.Powers) > 0 {
		w.para(styleNormal, textRun(powersLead, nil))
		for _, p := range it.Powers {
			w.para(styleListBullet, append(markRuns(p.Mark), textRun(line(p.Text), nil))...)
		}
	}
	for _, c := range it.CaseReviews {
		w.para(styleListBullet, append(markRuns(c.Mark), textRun(line(c.Text), nil))...)
	}
	if it.Statement != "" {
		w.para(styleNormal, textRun(line(it.Statement), nil))
	}
	for _, d := range it.Declarations {
		who, what := declarationLine(d)
		runs := markRuns(d.Mark)
		if who != "" {
			runs = append(runs, textRun(line(who)+":", &wRPr{Bold: on}), textRun(" ", nil))
		}
		w.para(styleListBullet, append(runs, linesRuns(what, nil)...)...)
	}
	for _, n := range it.Notes {
		runs := markRuns(n.Mark)
		if n.Agency != "" {
			runs = append(runs, textRun(line(n.Agency)+":", &wRPr{Bold: on}), textRun(" ", nil))
		}
		runs = append(runs, linesRuns(n.Text, nil)...)
		w.para(styleNormal, append(runs, tailRuns(n.Amended, n.Ref)...)...)
	}
	for _, r := range it.Resolutions {
		runs := append(markRuns(r.Mark), textRun(resolvedLabel, &wRPr{Bold: on}), textRun(" ", nil))
		runs = append(runs, linesRuns(r.Text, nil)...)
		w.para(styleNormal, append(runs, tailRuns(r.Amended, r.Ref)...)...)
	}
	if len(it.Matters) > 0 {
		rows := make([][]string, len(it.Matters))
		overdue := make([]bool, len(it.Matters))
		for i, m := range it.Matters {
			rows[i], overdue[i] = mattersCells(m), m.Overdue
		}
		w.table(mattersHeader, rows, overdue)
	}
	for _, h := range it.Referrals {
		w.para(styleListBullet, textRun(line(referralLine(h)), nil))
	}
	if len(it.Actions) > 0 {
		w.para(styleLeadIn, textRun("Actions agreed:", nil))
		rows := make([][]string, len(it.Actions))
		for i, a := range it.Actions {
			rows[i] = actionCells(a)
		}
		w.table(actionsHeader, rows, nil)
	}
}

// markRuns is a private thing's mark, in the Private Mark style, and the
// space after it (nothing when it has none). Table cells carry the same
// words unstyled (marked).
func markRuns(mark string) []wR {
	if mark == "" {
		return nil
	}
	return []wR{textRun(line(mark), &wRPr{Style: val(styleMark)}), textRun(" ", nil)}
}

// tailRuns is what follows a note's or resolution's text: the amendment
// and, in the restricted version, the ref an amendment names.
func tailRuns(a *Amended, ref string) []wR {
	var out []wR
	note := &wRPr{Style: val(styleNote)}
	if a != nil {
		out = append(out, textRun(" ", nil), textRun(line(amendedNote(a)), note))
	}
	if ref != "" {
		out = append(out, textRun(" ", nil), textRun("["+line(ref)+"]", note))
	}
	return out
}

// textRun is one run of text. The text must be clean already (line, or
// fixed wording); encoding/xml escapes it.
func textRun(s string, rpr *wRPr) wR {
	return wR{RPr: rpr, Items: []any{wT{Space: "preserve", Text: s}}}
}

// linesRuns is text that may run to several lines: each line cleaned, the
// lines joined with line breaks inside the one paragraph (as the HTML's
// <br>), blank lines dropped.
func linesRuns(s string, rpr *wRPr) []wR {
	var out []wR
	for _, l := range strings.Split(model.CleanText(s), "\n") {
		if l = line(l); l == "" {
			continue
		}
		if len(out) > 0 {
			out = append(out, wR{RPr: rpr, Items: []any{wBr{}}})
		}
		out = append(out, textRun(l, rpr))
	}
	return out
}

// docxWriter collects the body's blocks: paragraphs and tables.
type docxWriter struct{ blocks []any }

// para writes a paragraph of the style; one with no text is left out, as
// the other formats leave out an empty paragraph.
func (w *docxWriter) para(style string, runs ...wR) {
	if len(runs) == 0 {
		return
	}
	items := make([]any, len(runs))
	for i, r := range runs {
		items[i] = r
	}
	w.blocks = append(w.blocks, docxPara(style, items...))
}

func docxPara(style string, items ...any) wP {
	p := wP{Items: items}
	if style != styleNormal {
		p.PPr = &wPPr{Style: val(style)}
	}
	return p
}
