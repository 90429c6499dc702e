package minutes

import (
	"html"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
)

// HTML writes the Doc as one self-contained HTML file: inline CSS only (no
// scripts, images, fonts or links to anything), semantic headings and
// tables, print CSS for A4 (table headers repeated on every page, no row
// split across pages), the classification at the top and the bottom. It is
// plain HTML and CSS so that Word and LibreOffice open it as a document.
// Every piece of Doc text is cleaned and HTML-escaped here.
func (d Doc) HTML() string {
	var w htmlWriter
	class := "restricted"
	if d.Public {
		class = "public"
	}
	w.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	title := "Minutes"
	if !d.Date.IsZero() {
		title += " of " + d.Date.Format("2 January 2006")
	}
	w.raw("<title>" + esc(d.Partnership+" — "+title) + "</title>\n")
	w.raw("<style>\n" + pageStyle(d.Classification) + htmlStyle + "</style>\n</head>\n")
	w.raw("<body class=\"" + class + "\">\n")
	classification := "<p class=\"classification\">" + esc(d.Classification) + "</p>\n"
	w.raw(classification)

	w.raw("<h1>" + esc(d.Partnership) + "</h1>\n")
	w.raw("<p class=\"meeting\"><strong>" + esc(d.MeetingTitle+" ("+d.Kind+")") + "</strong></p>\n")
	w.p("", esc(heldOn(d)))
	if d.Status == StatusDraft {
		w.p("status draft", "<strong>"+esc(draftNotice)+"</strong> "+esc(statusSentence(d)))
	} else {
		w.p("status", esc(statusSentence(d)))
	}
	if d.PrivateNotice != "" {
		w.p("private-notice", esc(d.PrivateNotice))
	}
	if d.RecordNote != "" {
		w.p("record-note", esc(d.RecordNote))
	}
	if d.ConfidentialityRead {
		w.p("lead-in", "The Chair read the confidentiality statement:")
		w.p("statement", "<em>"+escLines(d.ConfidentialityStatement)+"</em>")
	} else {
		w.p("", "The confidentiality statement was not recorded as read.")
	}

	w.raw("<h2>Present</h2>\n")
	if len(d.Present) == 0 {
		w.p("", "No attendance has been recorded.")
	}
	var groups []string
	for _, g := range d.Present {
		groups = append(groups, "<strong>"+esc(g.Agency)+":</strong> "+esc(groupLine(g)))
	}
	w.list(groups)
	if len(d.Guests) > 0 {
		w.p("lead-in", "In attendance:")
		guests := make([]string, len(d.Guests))
		for i, g := range d.Guests {
			guests[i] = esc(withAgency(g))
		}
		w.list(guests)
	}

	for _, it := range d.Items {
		htmlItem(&w, it)
	}

	w.raw("<h2>" + esc(actionLogTitle) + "</h2>\n")
	w.p("lead-in", esc(actionLogIntro(d)))
	if len(d.ActionLog) == 0 {
		w.p("", "There are no open actions.")
	} else {
		rows := make([][]string, len(d.ActionLog))
		classes := make([]string, len(d.ActionLog))
		for i, a := range d.ActionLog {
			rows[i] = logCells(a)
			if a.Overdue {
				classes[i] = "overdue"
			}
		}
		w.table("log", actionLogHeader, rows, classes)
	}
	w.p("signature", esc(signatureLine))
	w.raw(classification)
	w.raw("</body>\n</html>\n")
	return w.b.String()
}

func htmlItem(w *htmlWriter, it Item) {
	id := "minute-" + strconv.Itoa(it.Number)
	h := "<h2 id=\"" + id + "\">" + strconv.Itoa(it.Number) + ". " + esc(it.Title)
	if it.Part2 && !it.Exempt { // an exempt heading already says so
		h += " <span class=\"part2\">" + esc(part2ItemLabel(it)) + "</span>"
	}
	w.raw(h + "</h2>\n")
	if it.Part2 {
		w.p("part2-notice", esc(part2ItemNotice))
	}
	if h := it.Hotspot; h != nil {
		w.p("facts", esc(hotspotFacts(*h)))
	}
	if t := it.Trend; t != nil {
		w.p("trend", trendSVG(*t)+" "+esc(trendSentence(*t)))
	}
	if len(it.Powers) > 0 {
		w.p("", esc(powersLead))
		ps := make([]string, len(it.Powers))
		for i, p := range it.Powers {
			ps[i] = htmlMark(p.Mark) + esc(p.Text)
		}
		w.list(ps)
	}
	if len(it.CaseReviews) > 0 {
		cs := make([]string, len(it.CaseReviews))
		for i, c := range it.CaseReviews {
			cs[i] = htmlMark(c.Mark) + esc(c.Text)
		}
		w.list(cs)
	}
	if it.Statement != "" {
		w.p("", esc(it.Statement))
	}
	if len(it.Declarations) > 0 {
		decl := make([]string, len(it.Declarations))
		for i, d := range it.Declarations {
			who, what := declarationLine(d)
			if who == "" {
				decl[i] = htmlMark(d.Mark) + escLines(what)
				continue
			}
			decl[i] = htmlMark(d.Mark) + "<strong>" + esc(who) + ":</strong> " + escLines(what)
		}
		w.list(decl)
	}
	for _, n := range it.Notes {
		s := escLines(n.Text) + htmlTail(n.Amended, n.Ref)
		if n.Agency != "" {
			s = "<strong>" + esc(n.Agency) + ":</strong> " + s
		}
		class := "note"
		if n.Private {
			class += " confidential"
		}
		w.p(class, htmlMark(n.Mark)+s)
	}
	for _, r := range it.Resolutions {
		s := "<strong>" + esc(resolvedLabel) + "</strong> " + escLines(r.Text) + htmlTail(r.Amended, r.Ref)
		class := "resolution"
		if r.Private {
			class += " exempt"
		}
		w.p(class, htmlMark(r.Mark)+s)
	}
	if len(it.Matters) > 0 {
		rows := make([][]string, len(it.Matters))
		classes := make([]string, len(it.Matters))
		for i, m := range it.Matters {
			rows[i] = mattersCells(m)
			if m.Overdue {
				classes[i] = "overdue"
			}
		}
		w.table("matters", mattersHeader, rows, classes)
	}
	if len(it.Referrals) > 0 {
		refs := make([]string, len(it.Referrals))
		for i, h := range it.Referrals {
			refs[i] = esc(referralLine(h))
		}
		w.list(refs)
	}
	if len(it.Actions) > 0 {
		w.p("lead-in", "Actions agreed:")
		rows := make([][]string, len(it.Actions))
		for i, a := range it.Actions {
			rows[i] = actionCells(a)
		}
		w.table("actions", actionsHeader, rows, nil)
	}
}

// htmlMark is a private thing's mark, styled, before it (empty when it has
// none). Table cells carry the same words unstyled (marked).
func htmlMark(mark string) string {
	if mark == "" {
		return ""
	}
	return "<em class=\"tag\">" + esc(mark) + "</em> "
}

func htmlTail(a *Amended, ref string) string {
	s := ""
	if a != nil {
		s += " <span class=\"amended\">" + esc(amendedNote(a)) + "</span>"
	}
	if ref != "" {
		s += " <span class=\"ref\">[" + esc(ref) + "]</span>"
	}
	return s
}

// esc is one line of user text, cleaned and escaped (quotes too, so it is
// safe in an attribute as well).
func esc(s string) string { return html.EscapeString(model.CleanLine(s)) }

// escLines is user text that may run to several lines: each line escaped,
// the lines joined with <br>.
func escLines(s string) string {
	var ls []string
	for _, l := range strings.Split(model.CleanText(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ls = append(ls, html.EscapeString(l))
		}
	}
	return strings.Join(ls, "<br>\n")
}

// htmlWriter writes HTML whose pieces are already escaped, except table
// cells, which it escapes itself because all of them are data.
type htmlWriter struct{ b strings.Builder }

func (w *htmlWriter) raw(s string) { w.b.WriteString(s) }

func (w *htmlWriter) p(class, escaped string) {
	if escaped == "" {
		return
	}
	if class != "" {
		w.b.WriteString("<p class=\"" + class + "\">")
	} else {
		w.b.WriteString("<p>")
	}
	w.b.WriteString(escaped + "</p>\n")
}

func (w *htmlWriter) list(escaped []string) {
	if len(escaped) == 0 {
		return
	}
	w.b.WriteString("<ul>\n")
	for _, s := range escaped {
		w.b.WriteString("<li>" + s + "</li>\n")
	}
	w.b.WriteString("</ul>\n")
}

// table writes a table with a header row that repeats on every printed
// page; rowClasses (may be nil) gives a row a class ("overdue").
func (w *htmlWriter) table(class string, header []string, rows [][]string, rowClasses []string) {
	// The border, spacing and column widths are said as attributes as well
	// as in the style sheet: Word and LibreOffice honour these where they
	// ignore CSS, so the tables keep their lines and sensible widths there.
	w.b.WriteString("<table class=\"" + class + "\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">\n<colgroup>")
	for _, h := range header {
		w.b.WriteString("<col width=\"" + strconv.Itoa(columnShare(h, len(header))) + "%\">")
	}
	w.b.WriteString("</colgroup>\n<thead>\n<tr>")
	cols := make([]string, len(header))
	for i, h := range header {
		// Columns of refs, dates and statuses (which the tool writes) do
		// not break inside a word; the columns of typed text break anywhere
		// they must, so a 500-letter word cannot widen the table.
		switch h {
		case "Ref", "Hotspot", "Due":
			cols[i] = " class=\"nowrap\" nowrap"
		case "Status":
			cols[i] = " class=\"short\""
		}
		w.b.WriteString("<th scope=\"col\"" + cols[i] + ">" + esc(h) + "</th>")
	}
	w.b.WriteString("</tr>\n</thead>\n<tbody>\n")
	for i, r := range rows {
		if i < len(rowClasses) && rowClasses[i] != "" {
			w.b.WriteString("<tr class=\"" + rowClasses[i] + "\">")
		} else {
			w.b.WriteString("<tr>")
		}
		for j := range header {
			c := ""
			if j < len(r) {
				c = r[j]
			}
			if header[j] == "Due" {
				// A date never breaks across lines, in any program.
				c = strings.ReplaceAll(c, " ", "\u00a0")
			}
			w.b.WriteString("<td" + cols[j] + ">" + esc(c) + "</td>")
		}
		w.b.WriteString("</tr>\n")
	}
	w.b.WriteString("</tbody>\n</table>\n")
}

// columnShare is a table column's share of the page in per cent, by what
// it holds: narrow for refs and dates, wide for the words. The HTML gives
// it as the column's width; the DOCX starts from it (docxColumns).
func columnShare(header string, columns int) int {
	switch header {
	case "Ref":
		return 7
	case "Hotspot":
		return 8
	case "Due":
		return 12
	case "Status":
		return 13
	case "Owner":
		return 20
	case "Update":
		return 24
	}
	// The action's words take what is left.
	switch columns {
	case 4: // Ref, Action, Owner, Due
		return 61
	case 6: // matters arising: Ref, Action, Owner, Due, Status, Update
		return 24
	}
	return 40 // the action log: Ref, Hotspot, Action, Owner, Due, Status
}

// pageStyle is the printed page: A4, with the classification at the top
// and the bottom of every page and "Page X of Y" beside it (CSS page-margin
// boxes, which Chrome and Edge print). The classification is our own fixed
// text, never user text.
func pageStyle(classification string) string {
	c := strings.ReplaceAll(classification, `"`, `'`)
	return `@page {
  size: A4; margin: 22mm 16mm 22mm;
  @top-center { content: "` + c + `"; font: bold 9pt Arial, sans-serif; color: #8b0000; }
  @bottom-left { content: "` + c + `"; font: bold 9pt Arial, sans-serif; color: #8b0000; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; }
}
`
}

// htmlStyle is the whole of the page's CSS: a readable page on screen, A4
// on paper. Plain CSS 2 for the most part, so Word and LibreOffice render
// it as a document.
const htmlStyle = `html { background: #f3f3f1; }
body {
  font-family: Arial, "Liberation Sans", Helvetica, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #111; background: #fff;
  max-width: 52em; margin: 1.5em auto; padding: 1.5em 2.5em;
  border: 1px solid #ddd;
}
h1 { font-size: 18pt; margin: 0.6em 0 0.2em; }
h2 { font-size: 13pt; margin: 1.4em 0 0.4em; padding-bottom: 2px; border-bottom: 1px solid #999; }
h1, h2, .lead-in { break-after: avoid; page-break-after: avoid; }
p, li, td, th, h1, h2 { word-wrap: break-word; overflow-wrap: anywhere; }
p { margin: 0.4em 0; }
ul { margin: 0.4em 0; padding-left: 1.4em; }
.classification {
  text-align: center; font-weight: bold; letter-spacing: 0.03em;
  border: 2px solid #111; padding: 4px 8px; margin: 0 0 1em;
}
.restricted .classification { color: #8b0000; border-color: #8b0000; }
body > .classification:last-child { margin: 2em 0 0; }
.status, .private-notice { font-style: italic; }
.draft { font-style: normal; border-left: 4px solid #b35c00; padding-left: 8px; }
.statement { margin-left: 1.5em; }
.facts { color: #333; }
.trend { color: #333; }
.spark { vertical-align: middle; margin-right: 0.4em; color: #333; }
h2 .part2, .tag { color: #8b0000; font-style: normal; font-weight: bold; }
.part2-notice { color: #8b0000; }
.amended, .ref { color: #555; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #888; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
td.nowrap, th.nowrap { white-space: nowrap; }
td.nowrap, th.nowrap, td.short, th.short { word-wrap: normal; overflow-wrap: normal; }
thead { display: table-header-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
tr.overdue td:last-child { font-weight: bold; }
@media print {
  html { background: none; }
  body { max-width: none; margin: 0; padding: 0; border: 0; font-size: 10pt; }
  h2 { margin-top: 1.1em; }
}
`
