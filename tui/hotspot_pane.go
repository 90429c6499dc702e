package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
)

// itemRecord is what this meeting recorded under one item.
type itemRecord struct {
	notes     []model.Note
	decisions []model.Decision
}

// recorded lists this meeting's decisions and notes under an item.
func recorded(s Styles, c rowCtx, r *itemRecord, w int) []string {
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
		lines = append(lines, "", s.section("Resolved this meeting"))
		for _, d := range r.decisions {
			// The ref is what an amendment names (e in a closed meeting).
			text := d.Resolved() + "  (" + d.Ref() + ")"
			style := s.Resolved.Render
			if mark := rules.DecisionPrivacy(d).Mark(); mark != "" {
				text, style = text+"  "+mark, s.Confidential.Render
			}
			lines = append(lines, s.para(text, w, style)...)
		}
	}
	if len(r.notes) > 0 {
		lines = append(lines, "", s.section("Notes"))
		for _, n := range r.notes {
			text := "• " + n.Text + "  (" + n.Ref() + ")"
			if mark := rules.NotePrivacy(n).Mark(); mark != "" {
				lines = append(lines, s.para(text+"  "+mark, w, s.Confidential.Render)...)
			} else {
				lines = append(lines, s.para(text, w, nil)...)
			}
		}
	}
	return lines
}

// hotspotView is one hotspot as the meeting's item and the hotspot page
// show it.
type hotspotView struct {
	h       model.Hotspot
	lead    string
	actions []model.Action
	// dealtWith: actions are what a closed meeting did about them
	// (assigned or reviewed there), and openNow what is open now, read
	// apart from its frozen record (openNowRead once it has been).
	dealtWith   bool
	openNow     []model.Action
	openNowRead bool
	itemRecord
	// powers are the powers recorded on it the record holds (current on
	// its day; as frozen, for a closed meeting).
	powers []model.Power
	// trend is its last 12 months of incidents (model.HotspotSeries), read
	// with the meeting or the page; zero when it has none.
	trend model.Series
	// history is read when the item is shown (meeting_history.go), not
	// with the meeting: a decade of every hotspot's past is not one load.
	history       []model.HistoryEntry
	historyLoaded bool
}

// hotspotPane draws a hotspot: its facts, open actions (sel marks one, -1
// none) — in a closed meeting, what the meeting assigned or reviewed and,
// apart, what is open now (as at today) — what was recorded, and its
// recent history. Used by the meeting's hotspot item and by the hotspot
// page.
func hotspotPane(a *App, hv *hotspotView, c rowCtx, w, sel int, noActions string, today model.Date) itemPane {
	s := a.styles
	h := hv.h
	if h.Exempt {
		// A public-only reader's stand-in for an item taken in private: the
		// neutral heading is all there is (model.PublicView).
		return itemPane{head: []string{" " + s.Muted.Render("Taken in private (Part 2): you read the public record only, so nothing of it is shown.")}, sel: -1}
	}
	risk := "Risk " + s.Risk(h.Risk)
	// The matrix behind the level (R assesses it), then the reasoning.
	var why []string
	if as := h.Assessment; as != nil {
		why = append(why, as.Summary()+", "+as.On.ShortAt(c.today))
	}
	if h.RiskReason != "" {
		why = append(why, h.RiskReason)
	}
	if len(why) > 0 {
		risk += s.Muted.Render(" (" + strings.Join(why, "; ") + ")")
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
	listed := fmt.Sprintf("Open actions (%d)", len(hv.actions))
	if hv.dealtWith {
		listed = fmt.Sprintf("Assigned or reviewed at this meeting (%d)", len(hv.actions))
	}
	head := []string{
		" " + clip(risk, w-cells(status)-6) + "   " + status,
		" Lead " + s.Bold.Render(hv.lead) + s.Muted.Render(" · opened "+h.Opened.Format("2 Jan 2006")+" · "+reviewed),
		" " + s.Muted.Render(clip(strings.TrimSpace(h.Location+" · "+string(h.Category)+" · "+h.Theme), w-3)),
		trendLine(a, hv, w),
		"", s.section(listed),
	}
	if w < 100 {
		// On a small screen the trend takes the line that spaced the
		// actions off: what the room records under the item stays in view.
		head = slices.Delete(head, 4, 5)
	}
	// What the page says of how the hotspot came and stands: anonymised
	// by retention and the evidence it was opened on, above its actions
	// (its class over the year is on the trend's line).
	var about []string
	if line := h.AnonymisedLine(); line != "" {
		about = append(about, " "+s.Muted.Render(clip(line, w-3)))
	}
	if h.Evidence != "" {
		for _, l := range wrap("Opened as an emerging hotspot: "+h.Evidence, w-3) {
			about = append(about, " "+s.Muted.Render(l))
		}
	}
	head = slices.Insert(head, len(head)-2, about...)
	if len(hv.actions) == 0 {
		head = append(head, "  "+s.Muted.Render(model.NoActionsLine(hv.dealtWith, noActions)))
	}
	var tail []string
	tail = append(tail, powerLines(a, hv, w)...)
	if hv.dealtWith {
		tail = append(tail, openNowLines(a, hv, c, w, today)...)
	}
	tail = append(tail, recorded(s, c, &hv.itemRecord, w)...)
	if !hv.historyLoaded {
		tail = append(tail, "", s.section("Recent history"), "  "+s.Muted.Render("reading…"))
	}
	if len(hv.history) > 0 {
		tail = append(tail, "", s.section("Recent history"))
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
	table := layoutActions(w, c.wantsOf(actions), false)
	return itemPane{head: head, rows: len(actions), sel: sel, tail: tail, row: func(i int, selected bool) string {
		return s.rowMark(selected, a.actionRowIn(c, actions[i], table, ""))
	}, under: func(i int) []string { return actionDetail(s, c, actions[i], w) }}
}

// openNowLines are a closed meeting's hotspot item's actions open now,
// read today: the meeting's own business above them may all be finished
// while the hotspot still has work open.
func openNowLines(a *App, hv *hotspotView, c rowCtx, w int, today model.Date) []string {
	s := a.styles
	if !hv.openNowRead {
		return []string{"", s.section("Open now"), "  " + s.Muted.Render("reading…")}
	}
	lines := []string{"", s.section(fmt.Sprintf("Open now (%d)", len(hv.openNow)))}
	if len(hv.openNow) == 0 {
		return append(lines, "  "+s.Muted.Render("None: every action of this hotspot is done or cancelled."))
	}
	now := c
	now.today = today
	table := layoutActions(w, now.wantsOf(hv.openNow), false)
	for _, act := range hv.openNow {
		lines = append(lines, " "+a.actionRowIn(now, act, table, ""))
	}
	return lines
}

// powerLines are the powers in force at the hotspot (and those yet to take
// effect), each with the clock to watch: flagged ⚑ when it runs out within
// 28 days, or in hours (model.Power.Flag). A closed meeting's item lists
// them as they stood when it closed, without clocks.
func powerLines(a *App, hv *hotspotView, w int) []string {
	s := a.styles
	now := a.now()
	var shown []model.Power
	for _, p := range hv.powers {
		if hv.dealtWith || p.Current(now) {
			shown = append(shown, p)
		}
	}
	if len(shown) == 0 {
		return nil
	}
	title := fmt.Sprintf("Powers in force (%d)", len(shown))
	if hv.dealtWith {
		title = fmt.Sprintf("Powers in force when it closed (%d)", len(shown))
	}
	lines := []string{"", s.section(title)}
	for _, p := range shown {
		text := p.Summary()
		if p.Terms != "" {
			text += ": " + p.Terms
		}
		if mark := p.Privacy.Mark(); mark != "" {
			text = mark + " " + text
		}
		style := s.Muted.Render
		if c, ok := p.Flag(now); ok && !hv.dealtWith {
			text = "⚑ " + c.Line(now) + " · " + text
			style = s.Warning.Render
		}
		lines = append(lines, s.para(text, w, style)...)
	}
	return lines
}

// powerFlagged: a power at the hotspot has a clock running out (the
// agenda marks its item ⚑).
func powerFlagged(hv *hotspotView, now time.Time) bool {
	_, ok := model.PowerFlagOf(hv.powers, hv.h.ID, now)
	return ok
}

// trendLine is the hotspot's last 12 months: a sparkline, the last month
// and its trend, and where the counts come from (its linked areas, or the
// chair's counts). Without any it says how to give it some.
func trendLine(a *App, hv *hotspotView, w int) string {
	s, tr := a.styles, hv.trend
	if tr.IsZero() {
		return " " + s.Muted.Render(clip("Incidents: none yet · T links it to police.uk data, I enters a month's count", w-3))
	}
	from := tr.SourceLabel()
	if tr.Source == model.FromPolice {
		from = "police.uk: " + model.AreasLine(hv.h.Areas, false)
	}
	// Its class over the year first (emerging, persistent, cooling), on
	// the sparkline's own line: one line for the trend, so that on a small
	// screen what the room records under the item stays in view.
	head := " Incidents " + s.SparkLine(a.sparks.line(tr)) + "  "
	if class := tr.Class(); class != model.ClassNone {
		head += s.Bold.Render(string(class)) + s.Muted.Render(" · ")
	}
	head += s.Bold.Render(tr.Summary())
	return head + s.Muted.Render(clip(" · "+from, max(w-2-cells(head), 0)))
}
