package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// My actions: what the person at the keyboard's agency owes, overdue first,
// and one key to say where each stands. Reached with A from anywhere.

// statusFilter cycles (f): open work, each status, everything.
var statusFilters = []string{"open work", "open", "in-progress", "blocked", "done", "cancelled", "all"}

// dueWindows cycles (w).
var dueWindows = []string{"any date", "overdue", "due this week", "by the next meeting"}

type myActions struct {
	all      bool // every agency (chair and admin)
	status   int  // index into statusFilters
	window   int  // index into dueWindows
	hotspot  model.ID
	filter   filter
	data     *myData
	shown    []model.Action
	sel, off int
	selID    model.ID
	back     screen
	err      string
	// overdue counts the shown actions past due (refilterMine): View
	// never walks the list.
	overdue int
	// rows are the drawn rows by action, for the layout in rowsFor: a key
	// press redraws only the rows it changes (refilterMine empties it).
	rows    map[model.ID]string
	rowsFor rowLayout
	// want is what the shown rows hold, column by column (refilter finds
	// it): the columns are sized by it.
	want mineWants
}

// mineWants is the widest value of each of My actions' sized columns.
type mineWants struct{ ref, spot, text, agency, age, update, status int }

// rowLayout is what a drawn row depends on besides its action.
type rowLayout struct {
	w    int
	all  bool
	dark bool
	// updates: matters arising's latest update is on a line under the row.
	updates bool
}

type myData struct {
	// scope is what was read: every agency or the actor's, and whether
	// finished work (the last year's) is in it.
	scope    myScope
	actions  []model.Action // every action, overdue first then by due date
	agencies model.AgencyIndex
	hotspots map[model.ID]model.Hotspot
	// shown is each action's privacy as restricted outputs show it
	// (model.Disclosure.ActionPrivacy): an action on a hotspot taken in
	// private is private business while it is, as the minutes mark it.
	shown map[model.ID]model.Privacy
	next  model.Date
	today model.Date
	// find matches `/` text against every action read (built with the
	// read, off the UI's goroutine).
	find *finder
	// powers are the scope's powers with a clock running out (flagged
	// when read: model.Power.Flag), said in a line above the list.
	powers string
}

// text is what `/` searches in an action.
func (d *myData) text(act model.Action) string {
	h := d.hotspots[act.HotspotID]
	return act.Ref() + " " + act.Text + " " + act.Officer + " " + h.Ref() + " " + h.Title + " " + act.LastUpdate + " " + d.agencies.Label(act.AgencyID)
}

// myActionsMsg: the list was read.
type myActionsMsg struct {
	gen  int
	data *myData
	err  error
}

func (a *App) openMyActions() tea.Cmd {
	if a.screen == screenMine {
		return nil
	}
	back := a.screen
	a.mine = &myActions{back: back}
	a.screen = screenMine
	return a.mine.load(a)
}

// myScope is what My actions reads: one agency's actions or every
// agency's, open work only or with the last year's finished work too.
type myScope struct {
	all, finished bool
}

// scope is what the list's filters need read.
func (m *myActions) scope() myScope {
	f := statusFilters[m.status]
	return myScope{all: m.all, finished: f == "done" || f == "cancelled" || f == "all"}
}

// rescope reloads when the filters need other actions than those read,
// else filters what is already there.
func (m *myActions) rescope(a *App) tea.Cmd {
	if m.data == nil || m.data.scope != m.scope() {
		return m.load(a)
	}
	m.refilter(a)
	return nil
}

func (m *myActions) load(a *App) tea.Cmd { return a.coalesce(func() tea.Cmd { return m.read(a) }) }

func (m *myActions) read(a *App) tea.Cmd {
	a.gen++
	gen, st, scope, agency := a.gen, a.st, m.scope(), a.actor.AgencyID
	return func() tea.Msg {
		today := st.Today()
		f := model.ActionFilter{Today: today, OpenOnly: !scope.finished}
		if scope.finished {
			f.FinishedFrom = model.CompletionsFrom(today)
		}
		if !scope.all {
			f.AgencyID = agency
		}
		acts, err := st.Actions(f)
		if err != nil {
			return myActionsMsg{gen: gen, err: err}
		}
		ags, err := st.Agencies()
		if err != nil {
			return myActionsMsg{gen: gen, err: err}
		}
		ids := make([]model.ID, 0, len(acts))
		for _, act := range acts {
			ids = append(ids, act.HotspotID)
		}
		hotspots, err := st.HotspotsOf(ids) // closed ones too: their actions are still someone's
		if err != nil {
			return myActionsMsg{gen: gen, err: err}
		}
		next, err := st.NextMeetingDate()
		if err != nil {
			return myActionsMsg{gen: gen, err: err}
		}
		d := &myData{scope: scope, actions: acts, agencies: model.IndexAgencies(ags), hotspots: hotspots, next: next, today: today,
			shown: make(map[model.ID]model.Privacy, len(acts))}
		rules := model.PublicRules(model.Meeting{}, hotspots)
		for _, act := range acts {
			d.shown[act.ID] = rules.ActionPrivacy(act)
		}
		if d.powers, err = flaggedPowers(st, scope.all, agency); err != nil {
			return myActionsMsg{gen: gen, err: err}
		}
		texts := make([]string, len(acts))
		for i, act := range acts {
			texts[i] = d.text(act)
		}
		d.find = newFinder(texts)
		return myActionsMsg{gen: gen, data: d}
	}
}

func (msg myActionsMsg) take(a *App) tea.Cmd {
	m := a.mine
	if m == nil || msg.gen != a.gen {
		return nil
	}
	if msg.err != nil {
		m.err = msg.err.Error()
		return nil
	}
	// A load can have read the store before this session's own latest save
	// landed: keep the newer record for any action it is behind on.
	if m.data != nil {
		known := make(map[model.ID]model.Action, len(m.data.actions))
		for _, act := range m.data.actions {
			known[act.ID] = act
		}
		for i, act := range msg.data.actions {
			if k, ok := known[act.ID]; ok && k.Version > act.Version {
				msg.data.actions[i] = k
			}
		}
	}
	m.data, m.err = msg.data, ""
	m.refilter(a)
	return nil
}

// refilterMine refilters My actions when it is open (a patched action
// may have moved on the list).
func (a *App) refilterMine() { a.mine.refilter(a) }

// refilter applies the filters (in Update, when the data or a filter
// changes; never in View) and keeps the same action selected.
func (m *myActions) refilter(a *App) {
	if m == nil || m.data == nil {
		return
	}
	d := m.data
	passes := func(act model.Action) bool {
		return (m.all || act.AgencyID == a.actor.AgencyID) && statusPasses(statusFilters[m.status], act.Status) &&
			m.windowPasses(act) && (m.hotspot == 0 || act.HotspotID == m.hotspot)
	}
	m.shown = m.shown[:0]
	query := m.filter.query()
	hits := d.find.find(query)
	for _, i := range hits {
		if act := d.actions[i]; passes(act) {
			m.shown = append(m.shown, act)
		}
	}
	if len(m.shown) == 0 && len(hits) > 0 && query != "" {
		// The words are only in actions the other filters hide: try the
		// letters in order among those they show.
		var shown []model.Action
		var texts []string
		for i, act := range d.actions {
			if passes(act) {
				shown, texts = append(shown, act), append(texts, d.find.orig[i])
			}
		}
		for _, i := range matching(query, texts) {
			m.shown = append(m.shown, shown[i])
		}
	}
	m.overdue = 0
	m.want = mineWants{}
	for _, act := range m.shown {
		if act.IsOverdue(d.today) {
			m.overdue++
		}
		m.want.add(d, act)
	}
	m.rows = nil
	m.sel = max(min(m.sel, len(m.shown)-1), 0)
	for i, act := range m.shown {
		if act.ID == m.selID {
			m.sel = i
		}
	}
	m.pick(m.sel)
}

func (m *myActions) pick(i int) {
	m.sel = max(min(i, len(m.shown)-1), 0)
	m.selID = 0
	if m.sel < len(m.shown) {
		m.selID = m.shown[m.sel].ID
	}
}

func (m *myActions) selected() (model.Action, bool) {
	if m.sel < 0 || m.sel >= len(m.shown) {
		return model.Action{}, false
	}
	return m.shown[m.sel], true
}

func statusPasses(f string, st model.ActionStatus) bool {
	switch f {
	case "all":
		return true
	case "open work":
		return !st.IsClosed()
	}
	return string(st) == f
}

func (m *myActions) windowPasses(act model.Action) bool {
	d := m.data
	switch dueWindows[m.window] {
	case "overdue":
		return act.IsOverdue(d.today)
	case "due this week":
		return !act.Due.Before(d.today) && act.Due.Before(d.today.AddDays(7))
	case "by the next meeting":
		return !d.next.IsZero() && !act.Due.After(d.next)
	}
	return true
}

func (m *myActions) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	g, mk := a.keys.Global, a.keys.Mine
	if m.filter.typing {
		cmd, changed := m.filter.key(msg, a.keys.Filter)
		if changed {
			m.refilter(a)
		}
		return cmd
	}
	act, ok := m.selected()
	var to model.ActionStatus
	switch {
	case key.Matches(msg, g.Back) && m.filter.active():
		m.filter.clear()
		m.refilter(a)
		return nil
	case key.Matches(msg, g.Back):
		a.screen, a.mine = m.back, nil
		if a.screen == screenMine || a.screen == screenLoading {
			a.screen = screenHome
		}
		return a.reload()
	case key.Matches(msg, g.Down):
		m.pick(m.sel + 1)
	case key.Matches(msg, g.Up):
		m.pick(m.sel - 1)
	case key.Matches(msg, g.PageDown):
		m.pick(m.sel + 10)
	case key.Matches(msg, g.PageUp):
		m.pick(m.sel - 10)
	case key.Matches(msg, mk.Filter):
		return m.filter.start()
	case key.Matches(msg, mk.Status):
		m.status = (m.status + 1) % len(statusFilters)
		return m.rescope(a)
	case key.Matches(msg, mk.Window):
		m.window = (m.window + 1) % len(dueWindows)
		m.refilter(a)
	case key.Matches(msg, mk.Hotspot):
		m.hotspotFilterForm(a)
	case key.Matches(msg, mk.All):
		// Anyone lists every agency's actions, as `tasking actions` does:
		// the read right (store.ReadAs) decides which of them they see.
		m.all = !m.all
		return m.rescope(a)
	case key.Matches(msg, mk.History) && ok:
		return a.loadHistory(act)
	case key.Matches(msg, mk.Progress) && ok && !a.actionBusy(act):
		m.progressForm(a, act)
	case key.Matches(msg, mk.Correct) && ok && !a.actionBusy(act):
		a.correctionForm(act, m.formCtx())
	case key.Matches(msg, mk.Propose) && ok && !a.actionBusy(act):
		m.proposeDueForm(a, act)
	case key.Matches(msg, mk.Release) && ok && !a.actionBusy(act):
		ref := ""
		if act.Private { // its own privacy: what a release can lift
			ref = act.Ref()
		}
		a.releaseForm(ref, m.formCtx())
	case key.Matches(msg, mk.Open):
		to = model.StatusOpen
	case key.Matches(msg, mk.InProgress):
		to = model.StatusInProgress
	case key.Matches(msg, mk.Done):
		to = model.StatusDone
	case key.Matches(msg, mk.Blocked):
		to = model.StatusBlocked
	case key.Matches(msg, mk.Cancelled):
		to = model.StatusCancelled
	}
	if to == "" || !ok || a.actionBusy(act) {
		return nil
	}
	if err := model.CheckTransition(act.Status, to); err != nil {
		a.flash, a.flashErr = act.Ref()+": "+err.Error(), true
		return nil
	}
	if to == model.StatusDone || to == model.StatusCancelled {
		a.statusNoteForm(act, to, 0, m.formCtx(), nil)
		return nil
	}
	actor, st := a.actor, a.st
	// The version on screen goes with the change: if someone else changed
	// the action meanwhile, the store refuses and the list reloads.
	return a.saveAction(0, act.Ref()+" → "+to.Label(), act.ID, func() (any, error) {
		return st.SetActionStatus(actor, act.ID, act.Version, to, "", 0)
	})
}

func (m *myActions) formCtx() formContext {
	d := m.data
	var ags []model.Agency
	for _, ag := range d.agencies {
		ags = append(ags, ag)
	}
	return formContext{agencies: ags, today: d.today, next: d.next}
}

func (m *myActions) progressForm(a *App, act model.Action) {
	actor, st := a.actor, a.st
	f := newForm("Progress update · "+act.Ref()+" "+act.Text, m.formCtx(), func(f *form) tea.Cmd {
		text, ok := f.textOf("text", "progress update", true)
		if !ok {
			return nil
		}
		version := a.expect(f) // against the action as the form showed it
		return a.saveAction(f.id, "update added to "+act.Ref()+" (dated today, in your name)", act.ID, func() (any, error) {
			return st.AddActionNote(actor, act.ID, version, text, 0)
		})
	})
	f.longText("text", "What has happened", "", "dated today and signed with your name; the chair sees it in matters arising")
	f.guard(act.Ref(), act, act.Version)
	a.push(f)
}

// proposeDueForm is a rep moving a due date between meetings. The default
// is two weeks on, not "next-meeting": between meetings the next one may be
// today, and a new date should give the work room.
func (m *myActions) proposeDueForm(a *App, act model.Action) {
	a.dueForm(act, dueFormSpec{title: "New due date", defaultWhen: "+2w", said: "now due",
		reasonHint: "why the date moves: the chair sees it in matters arising", ctx: m.formCtx()})
}

func (m *myActions) hotspotFilterForm(a *App) {
	cur := ""
	if m.hotspot != 0 {
		cur = model.HotspotRef(m.hotspot)
	}
	f := newForm("Only one hotspot's actions", m.formCtx(), func(f *form) tea.Cmd {
		v := strings.TrimSpace(f.value("ref"))
		if v == "" {
			m.hotspot = 0
		} else {
			id, err := model.ParseRef(model.HotspotPrefix, v)
			if err != nil {
				f.fail("ref", err.Error())
				return nil
			}
			if _, known := m.data.hotspots[id]; !known {
				f.fail("ref", "there is no open hotspot "+model.HotspotRef(id))
				return nil
			}
			m.hotspot = id
		}
		a.close(f)
		m.refilter(a)
		return nil
	})
	f.text("ref", "Hotspot ref (empty: all hotspots)", cur, "e.g. HS-3")
	a.push(f)
}

func (m *myActions) draw(a *App, w, h int) string {
	s := a.styles
	if m.err != "" {
		return box(s.BorderStyle, "My actions", errorLines(s, m.err, w), w, h)
	}
	if m.data == nil {
		return box(s.BorderStyle, "My actions", []string{" " + s.Muted.Render("loading…")}, w, h)
	}
	d := m.data
	whose := d.agencies.Name(a.actor.AgencyID)
	if m.all {
		whose = "all agencies"
	}
	title := fmt.Sprintf("My actions · %s · %d shown · %d overdue", whose, len(m.shown), m.overdue)
	filters := fmt.Sprintf(" %s %s · %s %s · %s %s", s.Key.Render("f"), statusFilters[m.status], s.Key.Render("w"), dueWindows[m.window], s.Key.Render("h"), "hotspot: ")
	if m.hotspot != 0 {
		filters += model.HotspotRef(m.hotspot)
	} else {
		filters += "all"
	}
	if m.filter.active() {
		filters += "  " + m.filter.view(s)
	} else {
		filters += " · " + s.Key.Render("/") + " text"
	}
	detailH := 6
	listH := h - 2 - 2 - detailH
	widths, head := m.mineColumns(w - 4)
	updW := 0
	if w >= 110 {
		updW = widths[len(widths)-2]
	}
	lines := []string{filters}
	if d.powers != "" {
		lines = append(lines, s.Warning.Render(clip(" "+d.powers, w-4)))
		listH--
	}
	lines = append(lines, s.Muted.Render(" "+columns(w-4, widths, head...)))
	m.off = window(m.sel, m.off, len(m.shown), listH)
	if layout := (rowLayout{w: w, all: m.all, dark: s.isDark}); m.rows == nil || m.rowsFor != layout {
		// The widths follow from w and the shown rows: a new layout, or
		// new rows (refilter empties rows), draws every row again.
		m.rows, m.rowsFor = map[model.ID]string{}, layout
	}
	for i := m.off; i < len(m.shown) && i < m.off+listH; i++ {
		act := m.shown[i]
		if row, ok := m.rows[act.ID]; ok {
			lines = append(lines, s.rowMark(i == m.sel, row))
			continue
		}
		words := act.Text
		if d.shown[act.ID].Private {
			words = s.Confidential.Render(privateRowTag + words)
		}
		cells := []string{act.Ref(), s.RAG(act.RAGFor(d.today)), model.HotspotRef(act.HotspotID), words}
		if m.all {
			cells = append(cells, d.agencies.Label(act.AgencyID))
		}
		due := act.Due.ShortAt(d.today)
		if act.IsOverdue(d.today) {
			due = s.Red.Render(due)
		}
		cells = append(cells, due, mineAge(d, act))
		if updW > 0 {
			cells = append(cells, s.Muted.Render(mineLatest(act)))
		}
		cells = append(cells, s.Status(act.Status, false))
		row := columns(w-4, widths, cells...)
		m.rows[act.ID] = row
		lines = append(lines, s.rowMark(i == m.sel, row))
	}
	if len(m.shown) == 0 {
		msg := "Nothing matches these filters."
		if len(d.actions) == 0 {
			msg = "No actions yet: they are assigned in the meeting."
		}
		lines = append(lines, " "+s.Muted.Render(msg))
	}
	for len(lines) < listH+2 {
		lines = append(lines, "")
	}
	lines = append(lines, s.BorderStyle.Render(" "+strings.Repeat("─", w-4)))
	if act, ok := m.selected(); ok {
		lines = append(lines, m.detail(a, act, w-4)...)
	}
	return box(s.pane(true), title, lines, w, h)
}

// add widens want to hold act's row.
func (w *mineWants) add(d *myData, act model.Action) {
	words := cells(act.Text)
	if d.shown[act.ID].Private {
		words += cells(privateRowTag)
	}
	w.ref = max(w.ref, cells(act.Ref()))
	w.spot = max(w.spot, cells(model.HotspotRef(act.HotspotID)))
	w.text = max(w.text, words)
	w.agency = max(w.agency, cells(d.agencies.Label(act.AgencyID)))
	w.age = max(w.age, cells(mineAge(d, act)))
	w.update = max(w.update, cells(mineLatest(act)))
	w.status = max(w.status, cells(act.Status.Label()))
}

// mineAge is how long ago an action was assigned, as its row says it.
func mineAge(d *myData, act model.Action) string {
	return fmt.Sprintf("%dd", model.DateOf(act.CreatedAt).DaysUntil(d.today))
}

// mineLatest is an action's latest update as its row says it.
func mineLatest(act model.Action) string {
	if act.LastUpdate == "" {
		return ""
	}
	return act.LastUpdateAt.Local().Format("02 Jan") + " " + lastWords(act)
}

// mineColumns sizes My actions' columns for a table w wide by what the
// shown rows hold: each as wide as its widest value up to a cap, the words
// taking the rest, and room the words do not need going to a column its
// cap cut (an agency's name, the latest update). The latest update has a
// column only on a wide screen; it is always in full under the list.
func (m *myActions) mineColumns(w int) (widths []int, head []string) {
	want := m.want
	header := func(n int, title string) int { return max(n, cells(title)) }
	cols := []column{
		{want.ref, min(max(want.ref, 3), 7), 7}, fixedColumn(2),
		{header(want.spot, "spot"), min(header(want.spot, "spot"), 6), 7},
		{want.text, minActionText, want.text},
	}
	head = []string{"ref", "", "spot", "action"}
	if m.all {
		cols = append(cols, column{header(want.agency, "agency"), minOwner, ownerCap(w)})
		head = append(head, "agency")
	}
	cols = append(cols, fixedColumn(dueWidth), column{header(want.age, "age"), header(want.age, "age"), 6})
	head = append(head, "due", "age")
	if w >= 110 {
		cols = append(cols, column{header(want.update, "latest update"), 20, min(40, w/4)})
		head = append(head, "latest update")
	}
	cols = append(cols, column{header(want.status, "status"), header(want.status, "status"), 12})
	head = append(head, "status")
	return sizeColumns(w, 3, cols), head
}

// mineDetail is the selected action in full under the list.
func (m *myActions) detail(a *App, act model.Action, w int) []string {
	s, d := a.styles, m.data
	where := "a general action"
	if h, ok := d.hotspots[act.HotspotID]; ok {
		where = h.Ref() + " " + h.Title
	}
	owner := d.agencies.Name(act.AgencyID)
	if act.Officer != "" {
		owner += " (" + act.Officer + ")"
	}
	made := "outside a meeting"
	if act.CreatedMeetingID != 0 {
		made = "in " + model.MeetingRef(act.CreatedMeetingID)
	}
	var out []string
	for _, l := range wrap(act.Ref()+" "+act.Text, w-2) {
		out = append(out, " "+s.Bold.Render(l))
	}
	if shown := d.shown[act.ID]; shown.Private {
		out = append(out, " "+s.Confidential.Render("Private business "+shown.Mark()+": it stays out of every public output"))
	} else if act.ReleasedBy != 0 {
		out = append(out, " "+s.Muted.Render(releasedLine(act.Privacy)))
	}
	out = append(out, " "+s.Muted.Render(clip(where+" · "+owner+" · assigned "+act.CreatedAt.Local().Format("2 Jan")+" "+made+" · due "+act.Due.Format("Mon 2 Jan 2006"), w-1)))
	if why := act.RAGReason(d.today); why != "" {
		style := s.Amber.Render
		if strings.HasPrefix(why, "red") {
			style = s.Red.Render
		}
		out = append(out, " "+style(model.Sentence(why)))
	}
	if act.LastUpdate != "" {
		for _, l := range wrap("latest: "+act.LastUpdateAt.Local().Format("2 Jan 15:04")+", "+act.LastUpdateBy+" — "+lastWords(act), w-2) {
			out = append(out, " "+l)
		}
	} else {
		out = append(out, " "+s.Muted.Render("No update yet: u adds one."))
	}
	if act.LastChange != "" {
		for _, l := range wrap("latest change: "+act.LastChangeAt.Local().Format("2 Jan 15:04")+", "+act.LastChangeBy+" — "+act.LastChange, w-2) {
			out = append(out, " "+s.Muted.Render(l))
		}
	}
	return out
}

// minePart is My actions: a rep's (or every agency's) actions.
type minePart struct{}

func (minePart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.mine.key(a, msg) }
func (minePart) view(a *App, w, h int) string                 { return a.mine.draw(a, w, h) }
func (minePart) load(a *App) tea.Cmd {
	if a.mine == nil {
		return nil
	}
	return a.mine.load(a)
}
func (minePart) help(a *App) []string {
	if a.mine != nil && a.mine.filter.typing {
		return []string{typingHelp, "My actions (A)"}
	}
	return []string{"My actions (A)"}
}

func (minePart) hints(a *App) string {
	if a.mine != nil && a.mine.filter.typing {
		return a.typingHints()
	}
	m, g := a.keys.Mine, a.keys.Global
	return a.hintsOf(keyHint("status", m.Open, m.InProgress, m.Done, m.Blocked, m.Cancelled), keyHint("update", m.Progress),
		keyHint("new date", m.Propose), keyHint("history", m.History), keyHint("back", g.Back))
}

// flaggedPowers says, in one line, the powers held by agency (every
// agency's, with all) whose clocks run out soon (model.Power.Flag): "⚑
// Powers: P-1 Dispersal at HS-1 takes effect Fri 27 Nov 18:00 (in 80 h) ·
// …"; "" when none are.
func flaggedPowers(st Store, all bool, agency model.ID) (string, error) {
	now := st.Now()
	ps, err := st.Powers(model.PowerFilter{CurrentAt: now})
	if err != nil {
		return "", err
	}
	var said []string
	for _, p := range ps {
		if !all && p.AgencyID != agency {
			continue
		}
		c, ok := p.Flag(now)
		if !ok {
			continue
		}
		on := model.HotspotRef(p.HotspotID)
		if on == "" {
			on = model.ActionRef(p.ActionID)
		}
		said = append(said, fmt.Sprintf("%s %s at %s %s", p.Ref(), p.Kind.Short(), on, c.Line(now)))
	}
	if len(said) == 0 {
		return "", nil
	}
	return "⚑ Powers: " + strings.Join(said, " · "), nil
}
