package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// meetingState is the meeting screen's own state. The record itself is in
// view (replaced on every reload); cur is the item on screen, which follows
// the record unless this session has moves in flight.
type meetingState struct {
	id model.ID
	// seen is the newest version of the meeting record this session has
	// seen, from a load or from one of its own saves. A loaded record older
	// than that was read before a change this session already knows about
	// (a reload racing the session's own quick ] ] ]): it is dropped, or it
	// would move the screen back.
	seen        int
	view        *meetingView
	cur         int
	pendingNav  int
	itemStarted time.Time
	agendaFocus bool
	agendaSel   int
	agendaOff   int
	sel         int      // selected row within the item
	selID       model.ID // on items that list actions, the action selected: lists re-sort, IDs do not
	off         int      // first line shown of the item
	filter      filter   // `/` on matters arising
	// accountability shows the agency table in matters arising (t).
	accountability bool
	// mattersOrder is matters arising in the order the chair has been
	// reading them: a status change re-sorts the list only when the chair
	// moves on to another item, so nothing jumps under the cursor.
	mattersOrder []model.ID
	// lookingAround: this member has left the chair's item to look at
	// another; until they follow again (Follow), reloads no longer move
	// them to where the chair is. The person running the meeting is the
	// chair: they are never following anyone.
	lookingAround bool
	// histories are the hotspots' recent history, read as each item is
	// shown and kept for the meeting (what came before it does not change).
	histories    map[model.ID][]model.HistoryEntry
	historyAsked map[model.ID]bool
}

func (a *App) openMeeting(id model.ID) tea.Cmd {
	a.mt = &meetingState{id: id}
	a.screen = screenMeeting
	return a.loadMeeting(id)
}

// apply takes a freshly loaded record (unless it is older than one seen).
func (mt *meetingState) apply(v *meetingView) {
	if v.rec.Meeting.Version < mt.seen {
		return
	}
	mt.seen = v.rec.Meeting.Version
	first := mt.view == nil
	mt.view = v
	for id, hv := range v.hotspots {
		if h, ok := mt.histories[id]; ok {
			hv.history, hv.historyLoaded = h, true
		}
	}
	if mt.entry().kind == model.ItemMatters && mt.mattersOrder != nil {
		v.keepOrder(mt.mattersOrder)
	}
	v.filterMatters(mt.filter.query())
	if mt.pendingNav == 0 && !mt.lookingAround {
		if mt.cur != v.rec.Meeting.Current {
			mt.sel, mt.selID, mt.off = 0, 0, 0
		}
		mt.cur = v.rec.Meeting.Current
		mt.itemStarted = v.rec.Meeting.ItemStartedAt
	}
	mt.cur = max(min(mt.cur, len(v.items)-1), 0)
	if first {
		mt.agendaSel = mt.cur
	}
	mt.agendaSel = max(min(mt.agendaSel, len(v.items)-1), 0)
	if i := slices.IndexFunc(v.actionsFor(mt.entry()), func(a model.Action) bool { return a.ID == mt.selID }); i >= 0 && mt.selID != 0 {
		mt.sel = i
	}
	mt.pick(mt.sel)
}

// pick puts the cursor on row i (clamped) and remembers which action
// that is, so a reload that re-sorts the list keeps the same action selected.
func (mt *meetingState) pick(i int) {
	mt.sel = max(min(i, mt.rows()-1), 0)
	mt.selID = 0
	if acts := mt.view.actionsFor(mt.entry()); mt.sel < len(acts) {
		mt.selID = acts[mt.sel].ID
	}
}

// moveOn selects the row after the one acted on (from), and says where
// the cursor went, for the saved message: a key that moves on after acting
// must say so, or the next key lands on a row nobody looked at.
func (mt *meetingState) moveOn(from model.Action) string {
	mt.pick(mt.sel + 1)
	if next, ok := mt.selectedAction(); ok && next.ID != from.ID {
		return " · now on " + next.Ref()
	}
	return " · that was the last one"
}

func (mt *meetingState) entry() agendaEntry {
	if mt.view == nil || mt.cur >= len(mt.view.items) {
		return agendaEntry{}
	}
	return mt.view.items[mt.cur]
}

// rows is how many selectable rows the current item has.
func (mt *meetingState) rows() int {
	v := mt.view
	if v == nil {
		return 0
	}
	switch e := mt.entry(); e.kind {
	case model.ItemAttendance:
		return len(v.people) + len(v.rec.Meeting.Guests)
	case model.ItemDeclarations:
		return len(v.present)
	default:
		return len(v.actionsFor(e))
	}
}

// selectedAction is the action under the cursor on items that list actions.
func (mt *meetingState) selectedAction() (model.Action, bool) {
	acts := mt.view.actionsFor(mt.entry())
	if mt.sel < 0 || mt.sel >= len(acts) {
		return model.Action{}, false
	}
	return acts[mt.sel], true
}

// goTo moves the meeting to item i and saves the position, so a resumed
// meeting opens where it was and the item clock is right.
func (a *App) goTo(i int) tea.Cmd {
	mt := a.mt
	if mt.view == nil || i < 0 || i >= len(mt.view.items) || i == mt.cur {
		return nil
	}
	mt.cur, mt.off = i, 0
	mt.pick(0)
	mt.agendaSel = i
	if mt.mattersOrder != nil {
		// The list is sorted afresh when the chair comes back, from the
		// record already on screen: not left to the reload that follows.
		mt.mattersOrder = nil
		mt.view.matters = mt.view.rec.MattersArising()
		mt.view.filterMatters(mt.filter.query())
	}
	// Only the person running the meeting moves it; others look around
	// on their own screen without writing, until they follow again.
	if mt.view.closed {
		return nil
	}
	if !a.runsMeeting() {
		mt.lookingAround = true
		return nil
	}
	mt.itemStarted = a.now()
	mt.pendingNav++
	actor, st, id := a.actor, a.st, mt.id
	return a.navigate(func() (any, error) { return st.GoToItem(actor, id, i) })
}

// editable says whether this meeting can be changed, flashing why not.
func (a *App) editable() bool {
	if a.mt.view == nil {
		return false
	}
	if a.mt.view.closed {
		a.flash, a.flashErr = "this meeting is closed and read-only", true
		return false
	}
	return true
}

func (a *App) meetingKey(msg tea.KeyPressMsg) tea.Cmd {
	mt := a.mt
	if mt == nil || mt.view == nil {
		if key.Matches(msg, a.keys.Global.Back) {
			a.screen = screenHome
			return a.loadHome()
		}
		return nil
	}
	mk, g := a.keys.Meeting, a.keys.Global
	switch {
	case key.Matches(msg, mk.Next):
		return a.goTo(mt.cur + 1)
	case key.Matches(msg, mk.Prev):
		return a.goTo(mt.cur - 1)
	case key.Matches(msg, mk.Agenda):
		mt.agendaFocus = !mt.agendaFocus
		mt.agendaSel = mt.cur
		return nil
	case key.Matches(msg, mk.Minutes):
		return a.openPreview(model.MeetingRef(mt.id))
	case key.Matches(msg, mk.Follow):
		return a.toggleFollow()
	case key.Matches(msg, mk.Close):
		return a.askCloseMeeting()
	case key.Matches(msg, mk.Part2):
		i := mt.cur
		if mt.agendaFocus {
			i = mt.agendaSel
		}
		return a.togglePart2(i)
	case key.Matches(msg, mk.Undo):
		if !a.editable() {
			return nil
		}
		return a.undoChooser()
	case key.Matches(msg, mk.Release):
		if !a.editable() {
			return nil
		}
		ref := ""
		if act, ok := mt.selectedAction(); ok && act.Private {
			ref = act.Ref()
		}
		a.releaseForm(ref)
		return nil
	case key.Matches(msg, mk.Amend):
		if !mt.view.closed {
			a.flash, a.flashErr = "amendments correct a closed meeting's record: while it is open, add a further note or resolution", true
			return nil
		}
		a.amendForm()
		return nil
	}
	if mt.agendaFocus {
		return a.agendaKey(msg)
	}
	if mt.entry().kind == model.ItemMatters {
		if mt.filter.typing {
			cmd, changed := mt.filter.key(msg, a.keys.Filter)
			if changed {
				mt.view.filterMatters(mt.filter.query())
				mt.pick(0)
			}
			return cmd
		}
		switch {
		case key.Matches(msg, a.keys.Matters.Accountability):
			mt.accountability = !mt.accountability
			mt.off = 0
			return nil
		case key.Matches(msg, a.keys.Meeting.Filter):
			return mt.filter.start()
		case key.Matches(msg, g.Back) && mt.filter.active():
			mt.filter.clear()
			mt.view.filterMatters("")
			mt.pick(0)
			return nil
		}
	}
	switch {
	case key.Matches(msg, g.Back):
		a.screen = screenHome
		a.mt = nil
		return a.loadHome()
	case key.Matches(msg, g.Down):
		mt.pick(mt.sel + 1)
		return nil
	case key.Matches(msg, g.Up):
		mt.pick(mt.sel - 1)
		return nil
	case key.Matches(msg, g.PageDown):
		if mt.rows() > 0 {
			mt.pick(mt.sel + 10)
		} else {
			mt.off += 10
		}
		return nil
	case key.Matches(msg, g.PageUp):
		if mt.rows() > 0 {
			mt.pick(mt.sel - 10)
		} else {
			mt.off = max(mt.off-10, 0)
		}
		return nil
	}
	return a.itemKey(msg)
}

func (a *App) agendaKey(msg tea.KeyPressMsg) tea.Cmd {
	mt, ak, g := a.mt, a.keys.Agenda, a.keys.Global
	n := len(mt.view.items)
	switch {
	case key.Matches(msg, g.Back):
		mt.agendaFocus = false
	case key.Matches(msg, g.Down):
		mt.agendaSel = min(mt.agendaSel+1, n-1)
	case key.Matches(msg, g.Up):
		mt.agendaSel = max(mt.agendaSel-1, 0)
	case key.Matches(msg, ak.Go):
		mt.agendaFocus = false
		return a.goTo(mt.agendaSel)
	case key.Matches(msg, ak.MoveUp, ak.MoveDown):
		if !a.editable() {
			return nil
		}
		delta, i := 1, mt.agendaSel
		if key.Matches(msg, ak.MoveUp) {
			delta = -1
		}
		it := mt.view.rec.Meeting
		if err := it.MoveItem(i, delta); err != nil { // check locally for an instant message
			a.flash, a.flashErr = err.Error(), true
			return nil
		}
		mt.agendaSel = i + delta
		actor, st, id := a.actor, a.st, mt.id
		return a.save(0, "agenda reordered", func() (any, error) { return st.MoveAgendaItem(actor, id, i, delta) })
	case key.Matches(msg, ak.Drop):
		if !a.editable() {
			return nil
		}
		i := mt.agendaSel
		e := mt.view.items[i]
		if e.kind != model.ItemHotspot {
			a.flash, a.flashErr = "only hotspot items can be dropped", true
			return nil
		}
		actor, st, id := a.actor, a.st, mt.id
		a.ask(fmt.Sprintf("Drop %s from this meeting's agenda? (the hotspot itself stays open)", clip(e.title, 50)), func() tea.Cmd {
			return a.save(0, "item dropped from the agenda", func() (any, error) { return st.DropAgendaItem(actor, id, i) })
		})
	case key.Matches(msg, ak.Add):
		if a.editable() {
			a.addToAgendaForm()
		}
	case key.Matches(msg, ak.Budget):
		if a.editable() {
			a.budgetForm(mt.agendaSel)
		}
	}
	return nil
}

// budgetForm sets item i's time budget.
func (a *App) budgetForm(i int) {
	e := a.mt.view.items[i]
	cur := ""
	if b := a.mt.view.rec.Meeting.Agenda[i].Budget; b > 0 {
		cur = fmt.Sprintf("%dm", b)
	}
	actor, st, id := a.actor, a.st, a.mt.id
	f := newForm(fmt.Sprintf("Time budget · %d %s", i+1, e.title), a.formCtx(), func(f *form) tea.Cmd {
		minutes, err := model.ParseBudget(f.value("budget"))
		if err != nil {
			f.failWith(err)
			return nil
		}
		what := fmt.Sprintf("item %d: %d minutes", i+1, minutes)
		if minutes == 0 {
			what = fmt.Sprintf("item %d: no budget", i+1)
		}
		return a.save(f.id, what, func() (any, error) { return st.SetItemBudget(actor, id, i, minutes) })
	})
	f.text("budget", "Minutes for this item", cur, "10, 10m, 1h30; 0 clears it")
	f.fields[0].pristine = cur != ""
	a.push(f)
}

func (a *App) askCloseMeeting() tea.Cmd {
	if !a.editable() {
		return nil
	}
	v := a.mt.view
	// Say what is unfinished, so the chair can go back (n) rather than
	// find out from the minutes.
	text := "Close the meeting? It becomes read-only."
	if warn := v.progress.CloseWarning(v.rec.Meeting); warn != "" {
		text = "Close the meeting anyway? " + warn
	}
	actor, st, id := a.actor, a.st, a.mt.id
	a.ask(text, func() tea.Cmd {
		said := "meeting closed: the record is now read-only"
		return a.enqueue(func() (any, error) {
			m, err := st.CloseMeeting(actor, id)
			if err == nil {
				// Closing takes an automatic backup: say where, or that it
				// failed (the meeting stays closed either way).
				if path, berr := st.LastAutoBackup(); berr != nil {
					said += " · the automatic backup failed: " + berr.Error()
				} else if path != "" {
					said += " · backup kept"
				}
			}
			return m, err
		}, func(r writeResult) tea.Msg {
			if r.err != nil {
				return failedMsg{write: true, err: r.err}
			}
			return savedMsg{what: said, result: r.res}
		})
	})
	return nil
}

// meetingPosition is the footer's left side: item x of y and the clocks.
func (a *App) meetingPosition() string {
	mt, s := a.mt, a.styles
	if mt == nil || mt.view == nil {
		return ""
	}
	m := mt.view.rec.Meeting
	pos := fmt.Sprintf("item %d/%d", mt.cur+1, len(mt.view.items))
	if mt.view.closed {
		return pos + s.Muted.Render(" · closed · read-only")
	}
	inItem := a.clock.Sub(mt.itemStarted)
	inMeeting := a.clock.Sub(m.OpenedAt)
	out := pos + s.Muted.Render(" · ") + clockText(inItem)
	if mt.cur >= 0 && mt.cur < len(m.Agenda) && m.Agenda[mt.cur].Budget > 0 {
		b := m.Agenda[mt.cur].Budget
		over := inItem > time.Duration(b)*time.Minute
		budget := fmt.Sprintf("/%dm", b)
		if over {
			budget = s.Red.Render(budget)
		} else {
			budget = s.Muted.Render(budget)
		}
		out += budget
	}
	out += s.Muted.Render(" in item · ") + clockText(inMeeting) + s.Muted.Render(" in meeting")
	// With budgets set, when the meeting will end if they hold.
	cur := m
	cur.Current = mt.cur
	if end, ok := model.ProjectedFinish(cur, a.clock, mt.itemStarted); ok {
		out += s.Muted.Render(" · ends ~") + end.Format("15:04")
	}
	return out
}

// clockText is mm:ss, or h:mm:ss past the hour.
func clockText(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	sec := int(d.Seconds())
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%02d:%02d", sec/60, sec%60)
}

func (a *App) meetingHints() string {
	mt, km := a.mt, a.keys
	m, g := km.Meeting, km.Global
	next, help := keyHint("next", m.Next), keyHint("help", g.Help)
	if mt == nil || mt.view == nil {
		return a.hintsOf(keyHint("back", g.Back))
	}
	if mt.agendaFocus {
		ag := km.Agenda
		return a.hintsOf(keyHint("go", ag.Go), keyHint("move", ag.MoveUp, ag.MoveDown), keyHint("drop", ag.Drop), keyHint("add", ag.Add), keyHint("item", m.Agenda))
	}
	if mt.view.closed {
		return a.hintsOf(next, keyHint("prev", m.Prev), keyHint("minutes", m.Minutes), keyHint("home", g.Back), help)
	}
	if !a.runsMeeting() {
		// A member following the meeting: how to look around or come back
		// first, then what they may do on the item.
		// Only what a member may do is offered: moving the meeting on,
		// recording and assigning are the chair's.
		follow := keyHint("look around", m.Follow)
		if mt.lookingAround {
			follow = keyHint("follow the chair", m.Follow)
		}
		hs := []hint{follow, keyHint("next/prev", m.Next, m.Prev)}
		if k := mt.entry().kind; k == model.ItemMatters || k == model.ItemHotspot {
			hs = append(hs, keyHint("your agency's action: status", m.Status))
		}
		return a.hintsOf(append(hs, keyHint("minutes", m.Minutes), help)...)
	}
	return a.itemHints()
}

// itemHints are the footer hints for the item in hand.
func (a *App) itemHints() string {
	mt, km := a.mt, a.keys
	m, g := km.Meeting, km.Global
	next, help := keyHint("next", m.Next), keyHint("help", g.Help)
	switch mt.entry().kind {
	case model.ItemAttendance:
		at := km.Attendance
		if a.connected != nil {
			return a.hintsOf(keyHint("present/apol/absent", at.Present, at.Apologies, at.Absent), keyHint("connected present", at.Connected),
				keyHint("rest present", at.RestPresent), keyHint("guest", at.Guest), keyHint("statement", at.Statement), next)
		}
		return a.hintsOf(keyHint("present/apol/absent", at.Present, at.Apologies, at.Absent), keyHint("rest present", at.RestPresent), keyHint("guest", at.Guest),
			keyHint("statement", at.Statement), next)
	case model.ItemDeclarations:
		d := km.Declaration
		return a.hintsOf(keyHint("declare", d.Declare), keyHint("none", d.None), keyHint("withdraw", d.Withdraw), next, help)
	case model.ItemMinutes:
		return a.hintsOf(keyHint("approve", km.MinutesItem.Approve), keyHint("read them", km.MinutesItem.ViewPrevious), next, help)
	case model.ItemMatters:
		x := km.Matters
		return a.hintsOf(keyHint("done", x.Done), keyHint("in prog", x.InProgress), keyHint("blocked", x.Blocked), keyHint("cancel", x.Cancelled), keyHint("carry fwd", x.Carry),
			keyHint("no change", x.NoChange), next)
	case model.ItemHotspot:
		x := km.Hotspot
		return a.hintsOf(keyHint("action", m.Assign), keyHint("resolve", m.Resolve), keyHint("note", m.Note), keyHint("status", m.Status),
			keyHint("risk/status/close", x.Risk, x.HotspotStatus, x.CloseHotspot), next)
	case model.ItemReferrals:
		return a.hintsOf(keyHint("new hotspot", km.Referral.NewHotspot), next, help)
	case model.ItemAOB:
		return a.hintsOf(keyHint("note", m.Note), keyHint("resolve", m.Resolve), keyHint("action", m.Assign), next, help)
	case model.ItemNextMeeting:
		return a.hintsOf(keyHint("set date", km.Next.SetDate), keyHint("close meeting", m.Close), keyHint("minutes", m.Minutes), help)
	}
	return a.hintsOf(next, keyHint("prev", m.Prev), help)
}

// meetingView draws the screen: the agenda beside the item when wide, a
// breadcrumb above it when not.
func (a *App) meetingView(w, h int) string {
	mt, s := a.mt, a.styles
	if mt == nil || mt.view == nil {
		return s.Muted.Render(" loading the meeting…")
	}
	if w >= wideWidth {
		aw := 34
		return sideBySide(a.agendaBox(aw, h, mt.agendaFocus), a.itemBox(w-aw, h, !mt.agendaFocus))
	}
	if mt.agendaFocus {
		return a.agendaBox(w, h, true)
	}
	return a.breadcrumb(w) + "\n" + a.itemBox(w, h-1, true)
}

func (a *App) agendaBox(w, h int, focused bool) string {
	mt, s, v := a.mt, a.styles, a.mt.view
	inner := w - 2
	rows := h - 2
	sel := mt.cur
	if focused {
		sel = mt.agendaSel
	}
	mt.agendaOff = window(sel, mt.agendaOff, len(v.items), rows)
	var lines []string
	for i := mt.agendaOff; i < len(v.items) && i < mt.agendaOff+rows; i++ {
		e := v.items[i]
		mark := "  "
		switch done := v.itemDone(i); {
		case i == mt.cur:
			mark = s.Cursor.Render("▶ ")
		case done:
			mark = s.Green.Render("✓ ")
		case i < mt.cur:
			mark = s.Amber.Render("! ") // passed, but its business is not finished
		}
		tail := a.agendaTail(e)
		num := fmt.Sprintf("%2d ", i+1)
		title := clip(e.title, inner-3-3-width(tail)-1)
		line := mark + num + title
		line = fit(line, inner-width(tail)-1) + tail
		if focused && i == mt.agendaSel {
			line = s.Selected.Render(plain(line))
		}
		lines = append(lines, line)
	}
	return box(a.paneStyle(focused), "Agenda", lines, w, h)
}

// agendaTail is the figure at the right of an agenda line.
func (a *App) agendaTail(e agendaEntry) string {
	v, s := a.mt.view, a.styles
	p2 := ""
	if e.part2 {
		p2 = s.Confidential.Render("P2 ")
	}
	switch e.kind {
	case model.ItemAttendance:
		return fmt.Sprintf("%d/%d", v.counts[model.Present]+len(v.rec.Meeting.Guests), len(v.people)+len(v.rec.Meeting.Guests))
	case model.ItemMatters:
		return fmt.Sprintf("%d", len(v.matters))
	case model.ItemHotspot:
		return p2 + s.Risk(e.risk)
	case model.ItemReferrals:
		if n := len(v.referrals); n > 0 {
			return fmt.Sprintf("%d", n)
		}
	}
	return ""
}

func (a *App) breadcrumb(w int) string {
	mt, s, v := a.mt, a.styles, a.mt.view
	cur := fmt.Sprintf("▶ %d %s", mt.cur+1, v.items[mt.cur].title)
	var prev, next string
	if mt.cur > 0 {
		prev = fmt.Sprintf("%d %s", mt.cur, v.items[mt.cur-1].title)
	}
	if mt.cur+1 < len(v.items) {
		next = fmt.Sprintf("%d %s", mt.cur+2, v.items[mt.cur+1].title)
	}
	side := max((w-width(cur)-8)/2, 8)
	line := " "
	if prev != "" {
		line += s.Muted.Render("[ " + clip(prev, side-2))
	}
	line += s.Muted.Render(" │ ") + s.Bold.Render(clip(cur, w-2*side)) + s.Muted.Render(" │ ")
	if next != "" {
		line += s.Muted.Render(clip(next, side-2) + " ]")
	}
	return fit(line, w-12) + " " + s.Key.Render("tab") + s.Muted.Render(" agenda")
}

// itemBox draws the current item in a pane, scrolled so the selected row
// is visible. Only the lines on screen are rendered.
func (a *App) itemBox(w, h int, focused bool) string {
	mt := a.mt
	e := mt.entry()
	p := a.itemPaneFor(e, w-2)
	rows := h - 2
	mt.off = p.scroll(mt.off, rows)
	title := fmt.Sprintf("%d %s", mt.cur+1, e.title)
	if e.kind == model.ItemHotspot {
		if h := a.mt.view.hotspots[e.hotspotID].h; h.Exempt {
			title = e.title
		} else {
			title = e.title + " · " + h.Ward
		}
	}
	if e.part2 {
		title = "PART 2 (in private) · " + title
	}
	return box(a.paneStyle(focused), title, p.window(mt.off, rows), w, h)
}

// togglePart2 moves agenda item i into Part 2 (taken in private) or back.
func (a *App) togglePart2(i int) tea.Cmd {
	if !a.editable() {
		return nil
	}
	e := a.mt.view.items[i]
	if e.kind != model.ItemHotspot && e.kind != model.ItemAOB {
		a.flash, a.flashErr = "that item is always Part 1: take a hotspot, or any other business, in private", true
		return nil
	}
	actor, st, id := a.actor, a.st, a.mt.id
	if e.part2 {
		// Going public cannot be taken back: first say what becomes public
		// and what stays private (model.BackToPart1), then ask.
		what := fmt.Sprintf("%s is back in Part 1 (public business)", e.title)
		return func() tea.Msg {
			back, err := st.BackToPart1(id, i)
			if err != nil {
				return failedMsg{err: err}
			}
			return askMsg{text: back.Question(), yes: func() tea.Cmd {
				return a.save(0, what, func() (any, error) { return st.SetItemPart2(actor, id, i, false, 0) })
			}}
		}
	}
	// Into Part 2: under which paragraph of Schedule 12A? The default
	// follows the item (personal ASB: an individual; otherwise crime).
	def := model.ParaCrime
	if hv := a.mt.view.hotspots[e.hotspotID]; hv != nil {
		def = hv.h.ExemptAs()
	}
	choices := make([]string, len(model.ExemptParagraphs))
	sel := 0
	for k, p := range model.ExemptParagraphs {
		choices[k] = fmt.Sprintf("%d %s", int(p), p.Short())
		if p == def {
			sel = k
		}
	}
	f := newForm("Take in private (Part 2) · "+e.title, a.formCtx(), func(f *form) tea.Cmd {
		para, err := model.ParseExemptParagraph(strings.Fields(f.value("para"))[0])
		if err != nil {
			f.fail("para", err.Error())
			return nil
		}
		what := fmt.Sprintf("%s moved into Part 2: taken in private at the end of the meeting", e.title)
		return a.save(f.id, what, func() (any, error) { return st.SetItemPart2(actor, id, i, true, para) })
	})
	f.choose("para", "Exempt under Schedule 12A, paragraph (←/→)", choices, sel)
	a.push(f)
	return nil
}

// undoChooser offers the person's last changes in this meeting that undo
// can take back (model.MaxUndo), newest first, each named: enter takes
// back the one chosen.
func (a *App) undoChooser() tea.Cmd {
	actor, st, id := a.actor, a.st, a.mt.id
	return func() tea.Msg {
		choices, err := st.UndoChoices(actor, id)
		if err != nil {
			return failedMsg{err: err}
		}
		return undoChoicesMsg{choices: choices}
	}
}

// undoChoicesMsg: the changes the person may undo, read.
type undoChoicesMsg struct{ choices []model.Undoable }

func (a *App) undoForm(choices []model.Undoable) {
	if a.mt == nil || len(choices) == 0 {
		return
	}
	actor, st, id := a.actor, a.st, a.mt.id
	names := make([]string, len(choices))
	for i, c := range choices {
		names[i] = c.At.Local().Format("15:04") + " " + model.CleanLine(c.Name)
	}
	f := newForm("Undo one of your changes (newest first)", a.formCtx(), func(f *form) tea.Cmd {
		c := choices[f.field("change").choice]
		return a.save(f.id, "", func() (any, error) {
			said, err := st.UndoChange(actor, id, c.Key())
			if err != nil {
				return nil, err
			}
			return said, nil
		})
	})
	f.choose("change", fmt.Sprintf("Your last %d changes here (←/→), enter undoes the one shown", len(choices)), names, 0)
	a.push(f)
}

// releaseForm makes one private record public (model.CheckRelease decides
// who may and when): the selected action's ref is offered when it is
// private; a decision or note is named by its ref, shown beside it.
func (a *App) releaseForm(ref string) {
	actor, st := a.actor, a.st
	f := newForm("Release private business (a Part 2 resolution of this meeting)", a.formCtx(), func(f *form) tea.Cmd {
		ref, ok1 := f.lineOf("ref", "ref", 20, true)
		reason, ok2 := f.textOf("reason", "reason", true)
		if !ok1 || !ok2 {
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			d, err := st.Release(actor, ref, reason)
			if err != nil {
				return nil, err
			}
			return fmt.Sprintf("%s released: public business from now on (minuted as %s, in Part 2)", model.CleanLine(ref), d.Ref()), nil
		})
	})
	f.text("ref", "What to release (A-12, D-4 or N-5: an action, a resolution or a note)", ref, "").
		text("reason", "Why it may be public now", "", "minuted in Part 2 with your name")
	a.push(f)
}

// amendForm corrects a decision or note of this (closed) meeting.
func (a *App) amendForm() {
	actor, st := a.actor, a.st
	f := newForm("Amend the minutes (a later correction)", a.formCtx(), func(f *form) tea.Cmd {
		ref, ok1 := f.lineOf("ref", "ref", 20, true)
		text, ok2 := f.textOf("text", "corrected text", true)
		reason, ok3 := f.textOf("reason", "reason", true)
		if !ok1 || !ok2 || !ok3 {
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			am, err := st.Amend(actor, ref, text, reason)
			if err != nil {
				return nil, err
			}
			return am.Ref() + " amended: the minutes show it as amended; the original is in the audit trail", nil
		})
	})
	f.text("ref", "What to amend (D-12 or N-5, shown beside each)", "", "").
		text("text", "Corrected text", "", "").
		text("reason", "Why", "", "recorded with your name and today's date")
	a.push(f)
}

// meetingPart is a meeting: the agenda and the item in hand.
type meetingPart struct{}

func (meetingPart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.meetingKey(msg) }
func (meetingPart) view(a *App, w, h int) string                 { return a.meetingView(w, h) }
func (meetingPart) hints(a *App) string                          { return a.meetingHints() }
func (meetingPart) load(a *App) tea.Cmd {
	if a.mt == nil {
		return nil
	}
	return a.loadMeeting(a.mt.id)
}

// affected: a meeting shows nearly the whole record — who is there (the
// members), every open action (matters arising), its hotspots, decisions
// and notes, the previous meeting's minutes, the agencies — and counts
// across them (progress, the accountability table), so any change
// reloads it.
func (meetingPart) affected(*App, store.Change) bool { return true }
