package tui

import (
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// meetingState is the meeting screen's own state. The record itself is in
// view (replaced on every reload); cur is the item on screen, which follows
// the record unless this session has moves in flight. What each kind of
// item does is its own (item.go); what one remembers is here.
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
	matters     mattersState
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

// meetingMsg: the meeting was read (readMeeting).
type meetingMsg struct {
	gen  int
	view *meetingView
}

func (msg meetingMsg) take(a *App) tea.Cmd {
	if msg.gen == a.gen && a.mt != nil {
		a.mt.apply(msg.view)
	}
	return nil
}

func (a *App) openMeeting(id model.ID) tea.Cmd {
	a.mt = &meetingState{id: id}
	a.screen = screenMeeting
	return a.loadMeeting(id)
}

func (a *App) loadMeeting(id model.ID) tea.Cmd {
	return a.coalesce(func() tea.Cmd { return a.readMeeting(id) })
}

func (a *App) readMeeting(id model.ID) tea.Cmd {
	a.gen++
	gen, st := a.gen, a.st
	return func() tea.Msg {
		rec, err := st.MeetingRecord(id)
		if err != nil {
			return failedMsg{err: err}
		}
		// "next-meeting" in the meeting's forms means what it means on
		// the command line: one rule, read from the store.
		next, err := st.NextMeetingDate()
		if err != nil {
			return failedMsg{err: err}
		}
		v := buildMeetingView(rec, next)
		if v.closed {
			// A closed meeting's record is as it closed: what is open now
			// is read apart, for its hotspot items to say so.
			today := st.Today()
			open, err := st.Actions(model.ActionFilter{OpenOnly: true, Today: today})
			if err != nil {
				return failedMsg{err: err}
			}
			v.openNow(open, today)
		}
		return meetingMsg{gen: gen, view: v}
	}
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
	if mt.entry().kind == model.ItemMatters && mt.matters.order != nil {
		v.keepOrder(mt.matters.order)
	}
	v.filterMatters(mt.matters.filter.query())
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
	if mt.view == nil {
		return 0
	}
	e := mt.entry()
	n, _ := kindOf(e).selection(mt.view, e)
	return n
}

// selectedAction is the action under the cursor on items that list actions.
func (mt *meetingState) selectedAction() (model.Action, bool) {
	acts := mt.view.actionsFor(mt.entry())
	if mt.sel < 0 || mt.sel >= len(acts) {
		return model.Action{}, false
	}
	return acts[mt.sel], true
}

// typing: a `/` filter has the keys.
func (mt *meetingState) typing() bool { return mt != nil && mt.matters.filter.typing }

// goTo moves the meeting to item i and saves the position, so a resumed
// meeting opens where it was and the item clock is right.
func (mt *meetingState) goTo(a *App, i int) tea.Cmd {
	if mt.view == nil || i < 0 || i >= len(mt.view.items) || i == mt.cur {
		return nil
	}
	mt.cur, mt.off = i, 0
	mt.pick(0)
	mt.agendaSel = i
	if mt.matters.order != nil {
		// The list is sorted afresh when the chair comes back, from the
		// record already on screen: not left to the reload that follows.
		mt.matters.order = nil
		mt.view.matters = mt.view.rec.MattersArising()
		mt.view.filterMatters(mt.matters.filter.query())
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
func (mt *meetingState) editable(a *App) bool {
	if mt.view == nil {
		return false
	}
	if mt.view.closed {
		a.flash, a.flashErr = "this meeting is closed and read-only", true
		return false
	}
	return true
}

// rowCtx is how the meeting's tables draw an action.
func (mt *meetingState) rowCtx() rowCtx { return recordRowCtx(&mt.view.rec, mt.view.idx) }

// formCtx is what the meeting's forms preview with: its agencies, today,
// and what "next-meeting" means.
func (mt *meetingState) formCtx(a *App) formContext {
	v := mt.view
	return formContext{agencies: v.rec.Agencies, today: a.st.Today(), next: v.nextMeeting}
}

// itemFormCtx is formCtx for a form on the item in hand: one taken in
// private says so in its title, so nobody records private business
// thinking it public.
func (mt *meetingState) itemFormCtx(a *App) formContext {
	c := mt.formCtx(a)
	c.part2 = mt.entry().part2
	return c
}

// draw is the screen: the agenda beside the item when wide, a
// breadcrumb above it when not.
func (mt *meetingState) draw(a *App, w, h int) string {
	if mt == nil || mt.view == nil {
		return a.styles.Muted.Render(" loading the meeting…")
	}
	if w >= wideWidth {
		aw := mt.agendaWidth(w)
		return sideBySide(mt.agendaBox(a, aw, h, mt.agendaFocus), mt.itemBox(a, w-aw, h, !mt.agendaFocus))
	}
	if mt.agendaFocus {
		return mt.agendaBox(a, w, h, true)
	}
	return mt.breadcrumb(a, w) + "\n" + mt.itemBox(a, w, h-1, true)
}

// itemBox draws the current item in a pane, scrolled so the selected row
// is visible. Only the lines on screen are rendered.
func (mt *meetingState) itemBox(a *App, w, h int, focused bool) string {
	e := mt.entry()
	p := mt.itemPane(a, e, w-2)
	rows := h - 2
	mt.off = p.scroll(mt.off, rows)
	title := p.title
	if title == "" {
		title = fmt.Sprintf("%d %s", mt.cur+1, e.title)
	}
	if e.part2 {
		title = "PART 2 (in private) · " + title
	}
	return box(a.styles.pane(focused), title, p.window(mt.off, rows), w, h)
}

// meetingPart is a meeting: the agenda and the item in hand.
type meetingPart struct{}

func (meetingPart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.mt.key(a, msg) }
func (meetingPart) view(a *App, w, h int) string                 { return a.mt.draw(a, w, h) }
func (meetingPart) hints(a *App) string                          { return a.mt.hints(a) }

// status is where the meeting is: the item and its clocks.
func (meetingPart) status(a *App) (string, string) { return a.mt.position(a) }

// help: the agenda pane's keys when it has the focus, else the item's;
// then the meeting's (a filter being typed first of all).
func (meetingPart) help(a *App) []string {
	mt := a.mt
	const meeting = "In a meeting"
	switch {
	case mt == nil || mt.view == nil:
		return []string{meeting}
	case mt.agendaFocus:
		return []string{"Agenda pane (tab)", meeting}
	}
	var out []string
	if mt.typing() {
		out = append(out, typingHelp)
	}
	if item := kindOf(mt.entry()).about().help; item != "" && item != meeting {
		out = append(out, item)
	}
	return append(out, meeting)
}
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
