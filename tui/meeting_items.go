package tui

import (
	"fmt"
	"strings"

	"github.com/ccsp/tasking/model"
)

// itemLines renders the current agenda item's content w cells wide and
// says which line holds the selected row (-1: none), so the pane can
// scroll to it. Only this item's rows are drawn: the work is bounded by
// what one item holds, not by the database.
func (a *App) itemLines(e agendaEntry, w int) ([]string, int) {
	v, s := a.mt.view, a.styles
	var lines []string
	if v.closed {
		lines = append(lines, " "+s.Warning.Render("CLOSED — this meeting is read-only. Its minutes: M."), "")
	}
	var body []string
	sel := -1
	switch e.kind {
	case model.ItemAttendance:
		body, sel = a.attendanceLines(w)
	case model.ItemDeclarations:
		body, sel = a.declarationLines(w)
	case model.ItemMinutes:
		body = a.minutesItemLines(w)
	case model.ItemMatters:
		body, sel = a.mattersLines(w)
	case model.ItemHotspot:
		body, sel = a.hotspotLines(e.hotspotID, w)
	case model.ItemReferrals:
		body = a.referralLines(w)
	case model.ItemAOB:
		body, sel = a.aobLines(w)
	case model.ItemNextMeeting:
		body = a.nextMeetingItemLines(w)
	}
	if sel >= 0 {
		sel += len(lines)
	}
	return append(lines, body...), sel
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
func (a *App) recorded(r *itemRecord, w int) []string {
	s := a.styles
	var lines []string
	if r == nil {
		return nil
	}
	if len(r.decisions) > 0 {
		lines = append(lines, "", a.section("Resolved this meeting"))
		for _, d := range r.decisions {
			text := d.Resolved()
			if d.Part2 {
				text += "  [Part 2 – confidential]"
			}
			lines = append(lines, a.para(text, w, s.Resolved.Render)...)
		}
	}
	if len(r.notes) > 0 {
		lines = append(lines, "", a.section("Notes"))
		for _, n := range r.notes {
			text := "• " + n.Text
			if n.Confidential {
				lines = append(lines, a.para(text+"  [confidential]", w, s.Confidential.Render)...)
			} else {
				lines = append(lines, a.para(text, w, nil)...)
			}
		}
	}
	return lines
}

func (a *App) attendanceLines(w int) ([]string, int) {
	v, s, mt := a.mt.view, a.styles, a.mt
	m := v.rec.Meeting
	var lines []string
	if m.ConfidentialityRead {
		lines = append(lines, " "+s.Green.Render("✓ Confidentiality statement read at "+m.ConfidentialityReadAt.Local().Format("15:04")))
	} else {
		lines = append(lines, " "+s.Warning.Render("Confidentiality statement — read it aloud, then press c:"))
		lines = append(lines, a.para(v.rec.Partnership.ConfidentialityStatement, w, s.Muted.Render)...)
	}
	lines = append(lines, "", fmt.Sprintf(" %d present · %d apologies · %d absent · %d not marked · %d guests",
		v.counts[model.Present], v.counts[model.Apologies], v.counts[model.Absent], v.counts[model.Unmarked], len(m.Guests)))
	sel := -1
	nameW := min(28, w/3)
	for i, mem := range v.people {
		if v.agencyOf[i] != "" {
			lines = append(lines, " "+s.Bold.Render(v.agencyOf[i]))
		}
		st := m.AttendanceOf(mem.ID)
		label := st.Label()
		switch st {
		case model.Present:
			label = s.Green.Render(label)
		case model.Apologies:
			label = s.Amber.Render(label)
		case model.Absent:
			label = s.Muted.Render(label)
		}
		row := columns(w-3, []int{nameW, 10}, mem.Name, label, s.Muted.Render(mem.Title))
		if i == mt.sel {
			sel = len(lines)
		}
		lines = append(lines, a.rowMark(i == mt.sel, " "+row))
	}
	if len(m.Guests) > 0 {
		lines = append(lines, " "+s.Bold.Render("Guests"))
		for j, g := range m.Guests {
			i := len(v.people) + j
			if i == mt.sel {
				sel = len(lines)
			}
			lines = append(lines, a.rowMark(i == mt.sel, " "+columns(w-3, []int{nameW, 10}, g.Name, s.Green.Render("present"), s.Muted.Render(g.Agency))))
		}
	}
	return lines, sel
}

func (a *App) declarationLines(w int) ([]string, int) {
	v, s, mt := a.mt.view, a.styles, a.mt
	m := v.rec.Meeting
	lines := []string{" Ask members to declare any interest in the items on the agenda."}
	switch {
	case len(m.Declarations) > 0:
		lines = append(lines, "", a.section("Declared"))
		for _, d := range m.Declarations {
			lines = append(lines, a.para(d.Name+": "+d.Text, w, nil)...)
		}
	case m.NoDeclarations:
		lines = append(lines, "", " "+s.Green.Render("✓ No declarations of interest were received."))
	default:
		lines = append(lines, "", " "+s.Muted.Render("Nothing recorded yet: d records a declaration by the selected member, 0 records none."))
	}
	lines = append(lines, "", a.section("Members present"))
	sel := -1
	for i, mem := range v.present {
		if i == mt.sel {
			sel = len(lines)
		}
		lines = append(lines, a.rowMark(i == mt.sel, " "+columns(w-3, []int{30}, mem.Name, s.Muted.Render(v.idx.Agencies.Label(mem.AgencyID)))))
	}
	return lines, sel
}

func (a *App) minutesItemLines(w int) []string {
	v, s := a.mt.view, a.styles
	if v.previous == "" {
		lines := []string{" This is the partnership's first meeting in tasking: there are no previous minutes to approve."}
		return append(lines, a.recorded(v.standing[model.ItemMinutes], w)...)
	}
	lines := []string{" Minutes of the meeting held on " + s.Bold.Render(v.previous), "  " + s.Muted.Render(v.prevSummary), ""}
	if v.approval != nil {
		lines = append(lines, " "+s.Green.Render("✓ Approved"))
		lines = append(lines, a.para(v.approval.Resolved(), w, s.Resolved.Render)...)
	} else {
		lines = append(lines, " Not yet approved. "+s.Key.Render("y")+" approves them as a correct record; "+s.Key.Render("v")+" reads them first.")
	}
	rec := *v.standing[model.ItemMinutes]
	var others []model.Decision
	for _, d := range rec.decisions {
		if v.approval == nil || d.ID != v.approval.ID {
			others = append(others, d)
		}
	}
	rec.decisions = others
	return append(lines, a.recorded(&rec, w)...)
}

// rowCtx is what an action row needs to know besides the action.
type rowCtx struct {
	agencies model.AgencyIndex
	today    model.Date
}

func (a *App) meetingRowCtx() rowCtx {
	return rowCtx{agencies: a.mt.view.idx.Agencies, today: a.mt.view.rec.Today}
}

// actionRow is one action in a table: ref, RAG, text, owner, due, status.
func (a *App) actionRow(act model.Action, w int, extra string) string {
	return a.actionRowIn(a.meetingRowCtx(), act, w, extra)
}

func (a *App) actionRowIn(c rowCtx, act model.Action, w int, extra string) string {
	s := a.styles
	owner := c.agencies.Label(act.AgencyID)
	if act.Officer != "" {
		owner += " (" + act.Officer + ")"
	}
	ownerW := min(max(w/5, 16), 34)
	statusW := 12
	overdue := act.IsOverdue(c.today)
	status := s.Status(act.Status, false)
	if overdue {
		status = s.Red.Render(act.Status.Label())
	}
	textW := w - 3 - 6 - 2 - ownerW - 6 - statusW - 6
	if extra != "" {
		textW -= 14
	}
	due := act.Due.ShortAt(c.today)
	if overdue {
		due = s.Red.Render(due)
	}
	cells := []string{act.Ref(), s.RAG(act.RAGFor(c.today)), act.Text, owner, due, status}
	widths := []int{6, 2, textW, ownerW, 6, statusW}
	if extra != "" {
		cells = append(cells, extra)
		widths = append(widths, 12)
	}
	return columns(w-2, widths, cells...)
}

func (a *App) mattersLines(w int) ([]string, int) {
	v, s, mt := a.mt.view, a.styles, a.mt
	lines := []string{fmt.Sprintf(" %d actions from earlier meetings · %d overdue · %d reviewed today", len(v.matters), v.overdue, v.reviewedMatters)}
	if len(v.matters) == 0 {
		return append(lines, "", " "+s.Muted.Render("There are no matters arising: no open actions from earlier meetings.")), -1
	}
	if mt.filter.active() {
		lines = append(lines, mt.filter.view(s)+s.Muted.Render(fmt.Sprintf("  %d shown", len(v.shownMatters))))
	} else {
		lines = append(lines, " "+s.Muted.Render("/ filters by agency, officer or text"))
	}
	sel := -1
	for i, act := range v.shownMatters {
		mark := ""
		if u, ok := v.reviewed[act.ID]; ok {
			mark = s.Green.Render("✓ " + reviewedLabel(u))
		}
		if i == mt.sel {
			sel = len(lines)
		}
		lines = append(lines, a.rowMark(i == mt.sel, a.actionRow(act, w, mark)))
		if i == mt.sel && act.LastUpdate != "" {
			when := ""
			if !act.LastUpdateAt.IsZero() {
				when = act.LastUpdateAt.Local().Format("2 Jan") + ": "
			}
			for _, l := range wrap("latest update — "+when+act.LastUpdate, w-12) {
				lines = append(lines, "          "+s.Muted.Render(l))
			}
		}
	}
	lines = append(lines, a.recorded(v.standing[model.ItemMatters], w)...)
	return lines, sel
}

func reviewedLabel(u model.ActionUpdate) string {
	switch u.Kind {
	case model.UpdateStatus:
		return u.ToStatus.Label()
	case model.UpdateDue:
		return "carried fwd"
	case model.UpdateNote:
		return "updated"
	}
	return "no change"
}

func (a *App) hotspotLines(id model.ID, w int) ([]string, int) {
	hv := a.mt.view.hotspots[id]
	if hv == nil {
		return []string{" This hotspot is no longer in the record."}, -1
	}
	return a.hotspotBody(hv, a.meetingRowCtx(), w, a.mt.sel, "a assigns one.")
}

// hotspotBody draws a hotspot: its facts, open actions (sel marks one, -1
// none), what was recorded, and its recent history. Used by the meeting's
// hotspot item and by the hotspot page.
func (a *App) hotspotBody(hv *hotspotView, c rowCtx, w, sel int, noActions string) ([]string, int) {
	s := a.styles
	h := hv.h
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
	lines := []string{
		" " + clip(risk, w-len(status)-6) + "   " + status,
		" Lead " + s.Bold.Render(hv.lead) + s.Muted.Render(" · opened "+h.Opened.Format("2 Jan 2006")+" · "+reviewed),
		" " + s.Muted.Render(clip(strings.TrimSpace(h.Location+" · "+string(h.Category)+" · "+h.Theme), w-3)),
	}
	lines = append(lines, "", a.section(fmt.Sprintf("Open actions (%d)", len(hv.actions))))
	selLine := -1
	if len(hv.actions) == 0 {
		lines = append(lines, "  "+s.Muted.Render("None. "+noActions))
	}
	for i, act := range hv.actions {
		if i == sel {
			selLine = len(lines)
		}
		lines = append(lines, a.rowMark(i == sel, a.actionRowIn(c, act, w, "")))
	}
	lines = append(lines, a.recorded(&hv.itemRecord, w)...)
	if len(hv.history) > 0 {
		lines = append(lines, "", a.section("Recent history"))
		for _, e := range hv.history {
			prefix := e.At.Local().Format("02 Jan") + "  " + fit(e.Kind, 8) + " "
			text := e.Text
			if e.Confidential {
				text += "  [confidential / Part 2]"
			}
			for j, l := range wrap(text, w-3-len(prefix)) {
				if j > 0 {
					prefix = strings.Repeat(" ", len(prefix))
				}
				if e.Confidential {
					l = s.Confidential.Render(l)
				}
				lines = append(lines, "  "+s.Muted.Render(prefix)+l)
			}
		}
	}
	return lines, selLine
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
	return append(lines, a.recorded(v.standing[model.ItemReferrals], w)...)
}

func (a *App) aobLines(w int) ([]string, int) {
	v, s, mt := a.mt.view, a.styles, a.mt
	lines := []string{" Any other business: " + s.Key.Render("n") + " note · " + s.Key.Render("r") + " resolution · " + s.Key.Render("a") + " an action not tied to a hotspot."}
	sel := -1
	if len(v.general) > 0 {
		lines = append(lines, "", a.section("Actions"))
		for i, act := range v.general {
			if i == mt.sel {
				sel = len(lines)
			}
			lines = append(lines, a.rowMark(i == mt.sel, a.actionRow(act, w, "")))
		}
	}
	rec := v.standing[model.ItemAOB]
	if len(v.general) == 0 && (rec == nil || len(rec.notes)+len(rec.decisions) == 0) {
		lines = append(lines, "", " "+s.Muted.Render("Nothing raised yet."))
	}
	return append(lines, a.recorded(rec, w)...), sel
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
