package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ccsp/tasking/model"
)

// itemPane builds the current agenda item's content w cells wide. Lines
// above and below a list are built whole (they are short and bounded);
// list rows are rendered only when on screen (see itemPane).
func (a *App) itemPaneFor(e agendaEntry, w int) itemPane {
	v, s := a.mt.view, a.styles
	var p itemPane
	switch e.kind {
	case model.ItemAttendance:
		p = a.attendancePane(w)
	case model.ItemDeclarations:
		p = a.declarationPane(w)
	case model.ItemMinutes:
		p = itemPane{head: a.minutesItemLines(w), sel: -1}
	case model.ItemMatters:
		p = a.mattersPane(w)
	case model.ItemHotspot:
		p = a.hotspotItemPane(e.hotspotID, w)
	case model.ItemReferrals:
		p = itemPane{head: a.referralLines(w), sel: -1}
	case model.ItemAOB:
		p = a.aobPane(w)
	case model.ItemNextMeeting:
		p = itemPane{head: a.nextMeetingItemLines(w), sel: -1}
	}
	// Someone declared an interest in this item: the room is told at the
	// top, before anything is discussed.
	var declared []string
	for _, d := range v.rec.Meeting.Declarations {
		if d.Item == e.kind && d.HotspotID == e.hotspotID && (e.kind == model.ItemHotspot || d.Item != "") {
			declared = append(declared, d.Name+" ("+d.Text+")")
		}
	}
	if len(declared) > 0 {
		var lines []string
		for _, l := range wrap("Interest declared: "+strings.Join(declared, "; "), w-3) {
			lines = append(lines, " "+s.Warning.Render(l))
		}
		p.head = append(append(lines, ""), p.head...)
	}
	if v.closed {
		p.head = append([]string{" " + s.Warning.Render("CLOSED — this meeting is read-only. Its minutes: M."), ""}, p.head...)
	}
	return p
}

func (a *App) section(title string) string { return " " + a.styles.Section.Render(title) }

func (a *App) para(text string, w int, style func(...string) string) []string {
	var out []string
	for _, l := range wrap(text, w-3) {
		if style != nil {
			l = style(l)
		}
		out = append(out, "  "+l)
	}
	return out
}

// recorded lists this meeting's decisions and notes under an item.
func (a *App) recorded(c rowCtx, r *itemRecord, w int) []string {
	s := a.styles
	var lines []string
	if r == nil {
		return nil
	}
	// Private business is marked as every restricted output marks it
	// (model.Privacy.Mark, as the disclosure rule sees it here).
	rules := c.rules
	if rules == nil {
		none := model.PublicRules(model.Meeting{}, nil)
		rules = &none
	}
	if len(r.decisions) > 0 {
		lines = append(lines, "", a.section("Resolved this meeting"))
		for _, d := range r.decisions {
			// The ref is what an amendment names (e in a closed meeting).
			text := d.Resolved() + "  (" + d.Ref() + ")"
			style := s.Resolved.Render
			if mark := rules.DecisionPrivacy(d).Mark(); mark != "" {
				text, style = text+"  "+mark, s.Confidential.Render
			}
			lines = append(lines, a.para(text, w, style)...)
		}
	}
	if len(r.notes) > 0 {
		lines = append(lines, "", a.section("Notes"))
		for _, n := range r.notes {
			text := "• " + n.Text + "  (" + n.Ref() + ")"
			if mark := rules.NotePrivacy(n).Mark(); mark != "" {
				lines = append(lines, a.para(text+"  "+mark, w, s.Confidential.Render)...)
			} else {
				lines = append(lines, a.para(text, w, nil)...)
			}
		}
	}
	return lines
}

func (a *App) attendancePane(w int) itemPane {
	v, s, mt := a.mt.view, a.styles, a.mt
	m := v.rec.Meeting
	var head []string
	if m.ConfidentialityRead {
		head = append(head, " "+s.Green.Render("✓ Confidentiality statement read at "+m.ConfidentialityReadAt.Local().Format("15:04")))
	} else {
		say := "Confidentiality statement — read it aloud, then press c:"
		if !a.runsMeeting() {
			say = "Confidentiality statement — the chair reads it aloud:"
		}
		head = append(head, " "+s.Warning.Render(say))
		head = append(head, a.para(v.rec.Partnership.ConfidentialityStatement, w, s.Muted.Render)...)
	}
	head = append(head, "", fmt.Sprintf(" %d present · %d apologies · %d absent · %d not marked · %d guests",
		v.counts[model.Present], v.counts[model.Apologies], v.counts[model.Absent], v.counts[model.Unmarked], len(m.Guests)))
	nameW := min(28, w/3)
	sel := -1
	if mt.sel >= 0 && mt.sel < len(v.selectableRow) {
		sel = v.selectableRow[mt.sel]
	}
	return itemPane{head: head, rows: len(v.attend), sel: sel, row: func(i int, selected bool) string {
		r := v.attend[i]
		switch {
		case r.header != "":
			return " " + s.Bold.Render(r.header)
		case r.guest >= 0:
			g := m.Guests[r.guest]
			return a.rowMark(selected, " "+columns(w-3, []int{nameW, 10}, g.Name, s.Green.Render("present"), s.Muted.Render(g.Agency)))
		}
		mem := v.people[r.member]
		st := v.status[mem.ID]
		label := st.Label()
		switch st {
		case model.Present:
			label = s.Green.Render(label)
		case model.Apologies:
			label = s.Amber.Render(label)
		case model.Absent:
			label = s.Muted.Render(label)
		}
		return a.rowMark(selected, " "+columns(w-3, []int{nameW, 10}, mem.Name, label, s.Muted.Render(mem.Title)))
	}}
}

func (a *App) declarationPane(w int) itemPane {
	v, s, mt := a.mt.view, a.styles, a.mt
	m := v.rec.Meeting
	head := []string{" Ask members to declare any interest in the items on the agenda."}
	switch {
	case len(m.Declarations) > 0:
		head = append(head, "", a.section("Declared"))
		for _, d := range m.Declarations {
			on := "the business generally"
			if d.Item != "" {
				on = model.ItemTitle(model.AgendaItem{Kind: d.Item, HotspotID: d.HotspotID}, v.idx.Hotspots)
			}
			head = append(head, a.para(d.Name+" (on "+on+"): "+d.Text, w, nil)...)
		}
	case m.NoDeclarations:
		head = append(head, "", " "+s.Green.Render("✓ No declarations of interest were received."))
	default:
		head = append(head, "", " "+s.Muted.Render("Nothing recorded yet: d records a declaration by the selected member, 0 records none."))
	}
	head = append(head, "", a.section("Members present"))
	return itemPane{head: head, rows: len(v.present), sel: mt.sel, row: func(i int, selected bool) string {
		mem := v.present[i]
		return a.rowMark(selected, " "+columns(w-3, []int{30}, mem.Name, s.Muted.Render(v.idx.Agencies.Label(mem.AgencyID))))
	}}
}

func (a *App) minutesItemLines(w int) []string {
	v, s := a.mt.view, a.styles
	if v.previous == "" {
		lines := []string{" This is the partnership's first meeting in tasking: there are no previous minutes to approve."}
		return append(lines, a.recorded(a.meetingRowCtx(), v.standing[model.ItemMinutes], w)...)
	}
	lines := []string{" Minutes of the meeting held on " + s.Bold.Render(v.previous), "  " + s.Muted.Render(v.prevSummary), ""}
	if v.approval != nil {
		lines = append(lines, " "+s.Green.Render("✓ Approved"))
		lines = append(lines, a.para(v.approval.Resolved(), w, s.Resolved.Render)...)
	} else {
		lines = append(lines, " Not yet approved. "+s.Key.Render("y")+" approves them as a correct record; "+s.Key.Render("v")+" reads them first.")
	}
	// What that meeting resolved and assigned, so the room can check the
	// record before approving it.
	if len(v.prevDecisions) > 0 {
		lines = append(lines, "", a.section("Resolved at that meeting"))
		for _, d := range v.prevDecisions {
			lines = append(lines, a.para(d.Resolved()+"  ("+d.Ref()+")", w, s.Resolved.Render)...)
		}
	}
	if len(v.prevActions) > 0 {
		lines = append(lines, "", a.section("Actions agreed at that meeting (status now)"))
		for _, act := range v.prevActions {
			lines = append(lines, " "+a.actionRow(act, w))
		}
	}
	rec := *v.standing[model.ItemMinutes]
	var others []model.Decision
	for _, d := range rec.decisions {
		if v.approval == nil || d.ID != v.approval.ID {
			others = append(others, d)
		}
	}
	rec.decisions = others
	return append(lines, a.recorded(a.meetingRowCtx(), &rec, w)...)
}

// rowCtx is what an action row needs to know besides the action.
type rowCtx struct {
	agencies model.AgencyIndex
	today    model.Date
	// rules say which actions are private business here (model.Disclosure
	// of the record shown): the room may hold guests, so those rows are
	// marked. nil marks none.
	rules *model.Disclosure
}

// recordRowCtx is the row context of a record: its agencies, its day, and
// its disclosure rule.
func recordRowCtx(rec *model.MeetingRecord, idx model.RecordIndex) rowCtx {
	rules := model.PublicRules(rec.Meeting, idx.Hotspots)
	return rowCtx{agencies: idx.Agencies, today: rec.Today, rules: &rules}
}

func (a *App) meetingRowCtx() rowCtx {
	return recordRowCtx(&a.mt.view.rec, a.mt.view.idx)
}

// private is the mark act carries here: its privacy's words when it is
// private business (its own, or that of where it sits), else "".
func (c rowCtx) private(act model.Action) string {
	if c.rules == nil || c.rules.Action(act) {
		return ""
	}
	if act.Private {
		return act.Mark()
	}
	p := model.PrivateUnder(0)
	if h, ok := c.rules.HotspotOf(act.HotspotID); ok {
		p = model.PrivateUnder(h.ExemptAs())
	}
	return p.Mark()
}

// lastWords is an action's latest update, marked when it was said on
// private business (the room may hold guests).
func lastWords(act model.Action) string {
	if act.LastUpdatePrivacy.Private {
		return act.LastUpdatePrivacy.Mark() + " " + act.LastUpdate
	}
	return act.LastUpdate
}

// privateRowTag starts the words of a private action's row: short enough
// for 80 columns, readable without colour; its detail line says the rest.
const privateRowTag = "[P] "

// actionDetail is what the selected action shows under its row: its words
// in full when the row had to cut them, and why it is red or amber.
func (a *App) actionDetail(c rowCtx, act model.Action, w int) []string {
	s := a.styles
	var out []string
	if cells(act.Text) > w/3 {
		for _, l := range wrap(act.Text, w-12) {
			out = append(out, "          "+l)
		}
	}
	if why := act.RAGReason(c.today); why != "" {
		style := s.Amber.Render
		if strings.HasPrefix(why, "red") {
			style = s.Red.Render
		}
		out = append(out, "          "+style(model.Sentence(why)))
	}
	if mark := c.private(act); mark != "" {
		out = append(out, "          "+s.Confidential.Render("Private business "+mark+": it stays out of every public output"))
	}
	return out
}

// actionRow is one action in a table: ref, RAG, text, owner, due, status.
func (a *App) actionRow(act model.Action, w int) string {
	return a.actionRowIn(a.meetingRowCtx(), act, w, "", noMarks)
}

// markWidth fits the widest review mark in matters arising: "cancelled:
// confirm", "✓ carried fwd".
const markWidth = 18

// marks is where a table of action rows shows a review mark. A table picks
// one for all its rows, so a row with a mark is laid out exactly like one
// without: the words keep their width and the columns line up.
type marks int

const (
	noMarks       marks = iota // the table has none (a hotspot's actions, AOB)
	marksColumn                // a column of their own after the status
	marksInStatus              // in place of the status, where a column would squeeze the words
)

// minMarkedText is the least room the words keep beside a marks column.
const minMarkedText = 24

// marksFor is how a table w wide shows its review marks: in a column of
// their own when the words keep room beside it, else in the status column.
func marksFor(w int) marks {
	if textW, _, _ := actionRowWidths(w, marksColumn); textW >= minMarkedText {
		return marksColumn
	}
	return marksInStatus
}

// actionRowWidths are the widths of an action table's text, owner and
// status columns. The status is the last column but one with a marks column,
// else the last, which gets one cell more than its width.
func actionRowWidths(w int, m marks) (textW, ownerW, statusW int) {
	ownerW = min(max(w/6, 16), 28)
	statusW = 16 // "in progress +12d"
	if m == marksInStatus {
		statusW = markWidth - 1
	}
	textW = w - 3 - 6 - 2 - ownerW - dueWidth - statusW - 6
	if m == marksColumn {
		textW -= markWidth + 1
	}
	return textW, ownerW, statusW
}

// actionRowIn is an action row in a table laid out for marks m; mark is
// the row's review mark ("" for none).
func (a *App) actionRowIn(c rowCtx, act model.Action, w int, mark string, m marks) string {
	s := a.styles
	owner := c.agencies.Label(act.AgencyID)
	if act.Officer != "" {
		owner += " (" + act.Officer + ")"
	}
	textW, ownerW, statusW := actionRowWidths(w, m)
	overdue := act.IsOverdue(c.today)
	status := s.Status(act.Status, false)
	if overdue {
		// How late, in the row: "in progress +12d".
		status = s.Red.Render(fmt.Sprintf("%s +%dd", act.Status.Label(), act.DaysOverdue(c.today)))
	}
	if m == marksInStatus && mark != "" {
		status = mark
	}
	due := act.Due.ShortAt(c.today)
	if overdue {
		due = s.Red.Render(due)
	}
	words := act.Text
	if c.private(act) != "" {
		words = s.Confidential.Render(privateRowTag + words)
	}
	cells := []string{act.Ref(), s.RAG(act.RAGFor(c.today)), words, owner, due, status}
	widths := []int{6, 2, textW, ownerW, dueWidth, statusW}
	if m == marksColumn {
		cells = append(cells, mark)
		widths = append(widths, markWidth)
	}
	return columns(w-2, widths, cells...)
}

func (a *App) mattersPane(w int) itemPane {
	v, s, mt := a.mt.view, a.styles, a.mt
	head := []string{fmt.Sprintf(" %d actions from earlier meetings · %d overdue · %d reviewed today", len(v.matters), v.overdue, v.reviewedMatters)}
	if len(v.matters) == 0 {
		return itemPane{head: append(head, "", " "+s.Muted.Render("There are no matters arising: no open actions from earlier meetings.")), sel: -1}
	}
	if mt.filter.active() {
		head = append(head, mt.filter.view(s)+s.Muted.Render(fmt.Sprintf("  %d shown", len(v.shownMatters))))
	} else {
		head = append(head, " "+s.Muted.Render("/ filters by agency, officer or text"))
	}
	if mt.accountability {
		head = append(head, "", a.section("Agency accountability since the last meeting"), " "+s.Muted.Render(accountabilityHeader(w-2)))
		loads := v.workload
		return itemPane{head: head, rows: len(loads), sel: -1, tail: []string{"", " " + s.Muted.Render("t shows the actions again")},
			row: func(i int, _ bool) string { return " " + a.accountabilityRow(loads[i], w-2) }}
	}
	shown := v.shownMatters
	// On a very wide screen each row also shows the latest update from the
	// agency, so the chair can read round the table and accept with y; the
	// action's own words keep their room first; a column of review marks
	// comes out of the words' share, never the update's (the update is what
	// the chair reads out).
	wide := w >= 150
	updW := 0
	if wide {
		updW = min(w/3, w-110)
	}
	// Every row is laid out alike, reviewed, finished or neither, so the
	// columns line up down the list.
	markAt := marksFor(w - updW)
	if v.mattersRows == nil || v.mattersRowsFor != (rowLayout{w: w, dark: s.isDark}) {
		v.mattersRows, v.mattersRowsFor = map[model.ID]string{}, rowLayout{w: w, dark: s.isDark}
	}
	return itemPane{head: head, rows: len(shown), sel: mt.sel,
		row: func(i int, selected bool) string {
			act := shown[i]
			if row, ok := v.mattersRows[act.ID]; ok {
				return a.rowMark(selected, row)
			}
			mark := ""
			if u, ok := v.reviewed[act.ID]; ok {
				mark = s.Green.Render("✓ " + reviewedLabel(u))
			} else if v.finishedSince(act) {
				mark = s.Amber.Render(act.Status.Label() + ": confirm")
			}
			row := a.actionRowIn(a.meetingRowCtx(), act, w-updW, mark, markAt)
			if wide && v.newsSince(act) {
				row += " " + s.Muted.Render(clip(act.LastUpdateAt.Local().Format("02 Jan")+" "+shortName(act.LastUpdateBy)+": "+lastWords(act), updW-2))
			}
			v.mattersRows[act.ID] = row
			return a.rowMark(selected, row)
		},
		// Under the selected action: its words in full, why it is red or
		// amber, and the rep's latest update, so the chair can read it out
		// and accept it.
		under: func(i int) []string {
			act := shown[i]
			out := a.actionDetail(a.meetingRowCtx(), act, w)
			if v.finishedSince(act) {
				what := "completed since the last meeting"
				if act.Status == model.StatusCancelled {
					what = "cancelled since the last meeting"
				}
				if act.CompletionNote != "" {
					what += ": " + act.CompletionNote
				}
				for _, l := range wrap(what+"  (v confirms it in the minutes)", w-12) {
					out = append(out, "          "+s.Amber.Render(l))
				}
			}
			if !v.newsSince(act) {
				return out
			}
			when := ""
			if !act.LastUpdateAt.IsZero() {
				when = act.LastUpdateAt.Local().Format("2 Jan") + ", " + act.LastUpdateBy + ": "
			}
			style := s.Muted.Render
			if act.LastUpdatePrivacy.Private {
				style = s.Confidential.Render
			}
			if act.LastUpdate != "" {
				for _, l := range wrap("latest update — "+when+lastWords(act)+"  (y accepts it)", w-12) {
					out = append(out, "          "+style(l))
				}
			}
			if act.LastChange != "" {
				// A date moved, or a status changed, beside the words: never
				// in their place.
				change := act.LastChangeAt.Local().Format("2 Jan") + ", " + act.LastChangeBy + ": " + act.LastChange
				if act.LastChangePrivacy.Private {
					change = act.LastChangePrivacy.Mark() + " " + change
				}
				for _, l := range wrap("latest change — "+change, w-12) {
					out = append(out, "          "+s.Muted.Render(l))
				}
			}
			return out
		},
		tail: a.recorded(a.meetingRowCtx(), v.standing[model.ItemMatters], w),
	}
}

func reviewedLabel(u model.ActionUpdate) string {
	switch u.Kind {
	case model.UpdateStatus:
		return u.ToStatus.Label()
	case model.UpdateDue:
		return "carried fwd"
	case model.UpdateNote:
		return "updated"
	case model.UpdateAccept:
		return "accepted"
	}
	return "no change"
}

func (a *App) hotspotItemPane(id model.ID, w int) itemPane {
	hv := a.mt.view.hotspots[id]
	if hv == nil {
		return itemPane{head: []string{" This hotspot is no longer in the record."}, sel: -1}
	}
	return a.hotspotPane(hv, a.meetingRowCtx(), w, a.mt.sel, "a assigns one.")
}

// hotspotPane draws a hotspot: its facts, open actions (sel marks one, -1
// none), what was recorded, and its recent history. Used by the meeting's
// hotspot item and by the hotspot page.
func (a *App) hotspotPane(hv *hotspotView, c rowCtx, w, sel int, noActions string) itemPane {
	s := a.styles
	h := hv.h
	if h.Exempt {
		// A public-only reader's stand-in for an item taken in private: the
		// neutral heading is all there is (model.PublicView).
		return itemPane{head: []string{" " + s.Muted.Render("Taken in private (Part 2): you read the public record only, so nothing of it is shown.")}, sel: -1}
	}
	risk := "Risk " + s.Risk(h.Risk)
	if h.RiskReason != "" {
		risk += s.Muted.Render(" (" + h.RiskReason + ")")
	}
	status := string(h.Status)
	if h.SARA != "" {
		status += " · SARA " + string(h.SARA)
	}
	if h.Status == model.HotspotClosed {
		status = s.Warning.Render("closed " + h.Closed.ShortAt(c.today) + ": " + h.CloseReason)
	}
	reviewed := "never reviewed"
	if h.TimesReviewed > 0 {
		reviewed = fmt.Sprintf("reviewed %d times, last %s", h.TimesReviewed, h.LastReviewed.ShortAt(c.today))
	}
	head := []string{
		" " + clip(risk, w-cells(status)-6) + "   " + status,
		" Lead " + s.Bold.Render(hv.lead) + s.Muted.Render(" · opened "+h.Opened.Format("2 Jan 2006")+" · "+reviewed),
		" " + s.Muted.Render(clip(strings.TrimSpace(h.Location+" · "+string(h.Category)+" · "+h.Theme), w-3)),
		"", a.section(fmt.Sprintf("Open actions (%d)", len(hv.actions))),
	}
	if len(hv.actions) == 0 {
		head = append(head, "  "+s.Muted.Render("None. "+noActions))
	}
	tail := a.recorded(c, &hv.itemRecord, w)
	if !hv.historyLoaded {
		tail = append(tail, "", a.section("Recent history"), "  "+s.Muted.Render("reading…"))
	}
	if len(hv.history) > 0 {
		tail = append(tail, "", a.section("Recent history"))
		for _, e := range hv.history {
			prefix := e.At.Local().Format("02 Jan") + "  " + fit(e.Kind, 8) + " "
			text := e.Line()
			if e.Private {
				text += "  " + e.Mark()
			}
			for j, l := range wrap(text, w-3-len(prefix)) {
				if j > 0 {
					prefix = strings.Repeat(" ", len(prefix))
				}
				if e.Private {
					l = s.Confidential.Render(l)
				}
				tail = append(tail, "  "+s.Muted.Render(prefix)+l)
			}
		}
	}
	actions := hv.actions
	return itemPane{head: head, rows: len(actions), sel: sel, tail: tail, row: func(i int, selected bool) string {
		return a.rowMark(selected, a.actionRowIn(c, actions[i], w, "", noMarks))
	}, under: func(i int) []string { return a.actionDetail(c, actions[i], w) }}
}

func (a *App) referralLines(w int) []string {
	v, s := a.mt.view, a.styles
	lines := []string{" New referrals and emerging issues. " + s.Key.Render("h") + " refers a new hotspot; it joins the agenda straight after this item."}
	if len(v.referrals) == 0 {
		lines = append(lines, "", " "+s.Muted.Render("No new referrals yet."))
	} else {
		lines = append(lines, "", a.section("Referred in this meeting"))
		for _, h := range v.referrals {
			lines = append(lines, "  "+columns(w-3, []int{6, 40, 18, 4}, h.Ref(), h.Title, h.Ward, s.Risk(h.Risk), v.idx.Agencies.Label(h.LeadAgencyID)))
		}
	}
	return append(lines, a.recorded(a.meetingRowCtx(), v.standing[model.ItemReferrals], w)...)
}

func (a *App) aobPane(w int) itemPane {
	v, s, mt := a.mt.view, a.styles, a.mt
	head := []string{" Any other business: " + s.Key.Render("n") + " note · " + s.Key.Render("r") + " resolution · " + s.Key.Render("a") + " an action not tied to a hotspot."}
	rec := v.standing[model.ItemAOB]
	if len(v.general) > 0 {
		head = append(head, "", a.section("Actions"))
	} else if rec == nil || len(rec.notes)+len(rec.decisions) == 0 {
		head = append(head, "", " "+s.Muted.Render("Nothing raised yet."))
	}
	general := v.general
	return itemPane{head: head, rows: len(general), sel: mt.sel, tail: a.recorded(a.meetingRowCtx(), rec, w), row: func(i int, selected bool) string {
		return a.rowMark(selected, a.actionRow(general[i], w))
	}, under: func(i int) []string { return a.actionDetail(a.meetingRowCtx(), general[i], w) }}
}

func (a *App) nextMeetingItemLines(w int) []string {
	v, s := a.mt.view, a.styles
	m := v.rec.Meeting
	var lines []string
	if m.NextDate.IsZero() {
		lines = append(lines, " Next meeting: "+s.Warning.Render("not set")+" — "+s.Key.Render("d")+" sets it (usually a week today).")
	} else {
		lines = append(lines, " Next meeting: "+s.Bold.Render(m.NextDate.Long()+" "+m.NextTime)+" · "+m.NextPlace)
	}
	walked := 0
	for _, e := range v.items {
		if e.kind == model.ItemHotspot {
			walked++
		}
	}
	lines = append(lines, "",
		a.section("This meeting"),
		fmt.Sprintf("  %d present · %d hotspots on the agenda · %d new referrals", v.counts[model.Present]+len(m.Guests), walked, len(v.referrals)),
		fmt.Sprintf("  %d actions assigned · %d decisions · %d notes · %d matters arising reviewed", v.madeHere.actions, v.madeHere.decisions, v.madeHere.notes, v.reviewedMatters),
		"")
	if v.closed {
		lines = append(lines, " "+s.Muted.Render("Closed at "+m.ClosedAt.Local().Format("15:04")+"."))
	} else {
		lines = append(lines, " "+s.Key.Render("x")+" closes the meeting: it becomes read-only, every hotspot walked is marked reviewed,",
			"   and the next meeting is planned. "+s.Key.Render("M")+" previews the minutes.")
	}
	return lines
}

// shortName is "Sgt Patel" for "Sgt Jas Patel", "H Marsh" for "Helen
// Marsh": enough to say who in a narrow column.
func shortName(name string) string {
	f := strings.Fields(name)
	switch {
	case len(f) <= 1:
		return name
	case len(f) == 2:
		return string([]rune(f[0])[:1]) + " " + f[1]
	}
	return f[0] + " " + f[len(f)-1]
}

// accountabilityHeader and accountabilityRow draw the agency table shared by
// home and matters arising.
// "done" and "updated" count since the last meeting closed; "days to do"
// is the median days from assigned to done.
var accountabilityWidths = []int{0, 6, 9, 6, 9, 11}

func accountabilityHeader(w int) string {
	return columns(w, accountabilityCols(w), "agency", "  open", "  overdue", "  done", "  updated", " days to do")
}

func accountabilityCols(w int) []int {
	cols := slices.Clone(accountabilityWidths)
	cols[0] = w - 6 - 9 - 6 - 9 - 11 - 5
	return cols
}

func (a *App) accountabilityRow(l model.AgencyLoad, w int) string {
	s := a.styles
	overdue := fmt.Sprintf("%6d  ", l.Overdue)
	if l.Overdue > 0 {
		overdue = fmt.Sprintf("%6d ", l.Overdue) + s.Red.Render("●")
	}
	median := "          —"
	if l.MedianDaysToComplete >= 0 {
		median = fmt.Sprintf("%11d", l.MedianDaysToComplete)
	}
	return columns(w, accountabilityCols(w), l.Agency.Name, fmt.Sprintf("%6d", l.Open), overdue,
		fmt.Sprintf("%6d", l.DoneSince), fmt.Sprintf("%9d", l.UpdatedSince), median)
}
