package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// homeScreen is home's own state: which pane has the cursor, where each
// list is, and the `/` filter with the rows it lets through (computed when
// the filter or the data changes, never in View). What it shows is
// App.home, which the header shares.
type homeScreen struct {
	// err is why home could not be read, while there is no home to show
	// (a damaged file): said in its place, whole, not "loading…".
	err    error
	pane   int    // 0 hotspots, 1 agencies
	sel    [2]int // selected row per pane (index into shown)
	off    [2]int // first row shown per pane
	filter filter
	shown  [2][]int // indexes into Hotspots / Workload that pass the filter
	// cols are the hotspot list's column widths and what they were
	// measured from (hotspotColumns).
	cols struct {
		home   *model.HomeSummary
		query  string
		inner  int
		widths []int
		narrow bool
	}
	// drawn is the body as last drawn, and what it was drawn from.
	drawn struct {
		key homeDrawKey
		s   string
	}
}

// homeMsg: home was read.
type homeMsg struct {
	gen  int
	home model.HomeSummary
}

func (msg homeMsg) take(a *App) tea.Cmd {
	if msg.gen == a.gen {
		h := msg.home
		a.home, a.hf.err = &h, nil
		a.hf.refilter(a)
	}
	return nil
}

// homeFailedMsg: home could not be read.
type homeFailedMsg struct{ err error }

func (msg homeFailedMsg) take(a *App) tea.Cmd {
	a.hf.err = msg.err
	a.flash, a.flashErr = msg.err.Error(), true
	return nil
}

// loadHome reads home again: every screen goes back to it.
func (a *App) loadHome() tea.Cmd {
	return a.coalesce(func() tea.Cmd {
		a.gen++
		gen, st, seen := a.gen, a.st, a.seenTx
		return func() tea.Msg {
			h, err := st.HomeSince(seen)
			if err != nil {
				return homeFailedMsg{err: err}
			}
			return homeMsg{gen: gen, home: h}
		}
	})
}

// refilter recomputes which rows pass the filter.
func (hf *homeScreen) refilter(a *App) {
	if a.home == nil {
		return
	}
	q := hf.filter.query()
	if model.FoldText(q) == "" {
		// No filter (nearly always): every row, without making and
		// folding the text each would be matched on — done for every
		// session each time home is read again, which under `tasking
		// serve` is after every save.
		hf.shown = [2][]int{allIndexes(len(a.home.Hotspots)), allIndexes(len(a.home.Workload))}
		hf.clamp()
		return
	}
	hot := make([]string, len(a.home.Hotspots))
	for i, h := range a.home.Hotspots {
		hot[i] = h.Ref() + " " + h.Title + " " + h.Ward + " " + h.Theme + " " + a.home.Agencies.Label(h.LeadAgencyID)
	}
	ag := make([]string, len(a.home.Workload))
	for i, l := range a.home.Workload {
		ag[i] = l.Agency.Name + " " + l.Agency.ShortName
	}
	hf.shown = [2][]int{matching(q, hot), matching(q, ag)}
	hf.clamp()
}

func (hf *homeScreen) clamp() {
	for p := range hf.shown {
		hf.sel[p] = max(min(hf.sel[p], len(hf.shown[p])-1), 0)
	}
}

func (hf *homeScreen) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	g := a.keys.Global
	if hf.filter.typing {
		cmd, changed := hf.filter.key(msg, a.keys.Filter)
		if changed {
			hf.sel = [2]int{}
			hf.refilter(a)
		}
		return cmd
	}
	switch {
	case key.Matches(msg, a.keys.Home.Filter):
		return hf.filter.start()
	case key.Matches(msg, g.Back) && hf.filter.active():
		hf.filter.clear()
		hf.refilter(a)
	case key.Matches(msg, g.Back):
		return tea.Quit
	case key.Matches(msg, g.Enter) && hf.pane == 0:
		if rows := hf.shown[0]; a.home != nil && len(rows) > 0 {
			return a.openHotspot(a.home.Hotspots[rows[hf.sel[0]]].ID)
		}
	case key.Matches(msg, a.keys.Home.Meeting):
		return hf.openThisWeeksMeeting(a)
	case key.Matches(msg, a.keys.Home.Minutes):
		return a.openPreview("latest")
	case key.Matches(msg, a.keys.Home.Identity):
		return a.openChooser(screenHome)
	case key.Matches(msg, a.keys.People.Open):
		return a.openPeople()
	case key.Matches(msg, a.keys.Home.Tab):
		hf.pane = 1 - hf.pane
	case key.Matches(msg, g.Down):
		hf.sel[hf.pane]++
		hf.clamp()
	case key.Matches(msg, g.Up):
		hf.sel[hf.pane]--
		hf.clamp()
	case key.Matches(msg, g.PageDown):
		hf.sel[hf.pane] += 10
		hf.clamp()
	case key.Matches(msg, g.PageUp):
		hf.sel[hf.pane] -= 10
		hf.clamp()
	}
	return nil
}

// openThisWeeksMeeting resumes the open meeting, or asks before starting
// the planned one (or a new one today).
func (hf *homeScreen) openThisWeeksMeeting(a *App) tea.Cmd {
	if a.home == nil {
		return nil
	}
	if a.home.Open != nil {
		return a.openMeeting(a.home.Open.ID)
	}
	// A meeting is dated the day it is held: if the planned date was another
	// day, the question says so and the minutes will carry today's date.
	today := a.st.Today()
	text := fmt.Sprintf("Start this week's meeting today, %s?", today.Format("Mon 2 Jan 2006"))
	if n := a.home.Next; n != nil {
		text = fmt.Sprintf("Start the meeting planned for %s?", n.When())
		if n.Date != today {
			text = fmt.Sprintf("The next meeting was planned for %s. Hold it today, %s?", n.Date.Format("Mon 2 Jan"), today.Format("Mon 2 Jan 2006"))
		}
	}
	actor, st := a.actor, a.st
	a.ask(text, func() tea.Cmd {
		return a.save(0, "meeting started", func() (any, error) {
			m, err := st.StartMeeting(actor, today)
			if err != nil {
				return nil, err
			}
			return func() tea.Cmd { return a.openMeeting(m.ID) }, nil
		})
	})
	return nil
}

func (hf *homeScreen) draw(a *App, w, h int) string {
	s := a.styles
	if a.home == nil && hf.err != nil {
		return strings.Join(errorLines(s, hf.err.Error(), w), "\n")
	}
	if a.home == nil {
		return s.Muted.Render(" loading…")
	}
	if hf.filter.active() {
		// The filter line sits above the lists it narrows.
		return hf.filter.view(s) + "\n" + hf.panes(a, w, h-1)
	}
	return hf.panes(a, w, h)
}

func (hf *homeScreen) panes(a *App, w, h int) string {
	s, hm := a.styles, a.home
	next := hf.nextMeetingLines(a)
	if w >= wideWidth {
		next = append(next, emergingLines(s, hm, homeEmerging)...)
		// The hotspots take the whole width: their titles are what the
		// room reads. Below them the next meeting is as wide as what it
		// says, and the agencies have the rest.
		topH := min(max(len(hm.Hotspots), 1)+3, h/2+2, h-len(next)-2)
		nextW := widest(30, w/2, next...) + 3
		bottom := sideBySide(box(s.BorderStyle, "Next meeting", next, nextW, h-topH), hf.agenciesBox(a, w-nextW, h-topH))
		return hf.hotspotsBox(a, w, topH) + "\n" + bottom
	}
	next = append(next, emergingLines(s, hm, 0)...) // narrow: the hotspots need the rows
	nextH := len(next) + 2
	rest := h - nextH
	hotH := max(rest/2, 5)
	return box(s.BorderStyle, "Next meeting", next, w, nextH) + "\n" +
		hf.hotspotsBox(a, w, hotH) + "\n" + hf.agenciesBox(a, w, rest-hotH)
}

func (hf *homeScreen) nextMeetingLines(a *App) []string {
	s, hm := a.styles, a.home
	var lines []string
	switch {
	case hm.Open != nil:
		m := hm.Open
		lines = append(lines,
			" "+s.Green.Render("● under way")+" "+s.Bold.Render(m.When()),
			" "+m.Kind.Title()+" · "+m.Place,
			fmt.Sprintf(" %d items · %d matters arising", hm.AgendaItems, hm.MattersArising),
			" "+s.Key.Render("m")+"  "+openMeetingWords(a.runsMeeting()))
	case hm.Next != nil:
		m := hm.Next
		lines = append(lines,
			" "+s.Bold.Render(m.When())+" · "+m.Kind.Title(),
			" "+m.Place,
			fmt.Sprintf(" %d items · %d matters arising", hm.AgendaItems, hm.MattersArising),
			" "+s.Key.Render("m")+"  start the meeting")
	default:
		lines = append(lines, " No meeting is planned.",
			fmt.Sprintf(" %d items · %d matters arising", hm.AgendaItems, hm.MattersArising),
			" "+s.Key.Render("m")+"  start this week's meeting")
	}
	if hm.LastClosed != nil {
		lines = append(lines, " "+s.Muted.Render("last: "+hm.LastClosed.Date.Format("Mon 2 Jan")+" ("+hm.LastClosed.Ref()+") · ")+s.Key.Render("M")+s.Muted.Render(" minutes"))
	}
	return lines
}

// homeEmerging is how many emerging hotspots a wide home names (a narrow
// one says how many in one line); the meeting's New referrals lists them,
// to accept or dismiss.
const homeEmerging = 3

// emergingLines offer the emerging hotspots the police.uk data shows, the
// largest first, at most most of them, each with why.
func emergingLines(s Styles, hm *model.HomeSummary, most int) []string {
	if hm.Offered == 0 {
		return nil
	}
	head := " " + s.Warning.Render("⚑ "+model.Plural(hm.Offered, "emerging hotspot")+" (police.uk)")
	if most == 0 {
		return []string{head + s.Muted.Render(" · in the meeting's New referrals")}
	}
	lines := []string{"", head}
	for _, sg := range hm.Suggestions[:min(most, len(hm.Suggestions))] {
		why := sg.Rise.String()
		if sg.TopDecile {
			why = "top tenth"
		}
		lines = append(lines, fmt.Sprintf("  %s: %d in %s, %s", sg.Place.Label(), sg.Count, sg.Month.Short(), why))
	}
	return append(lines, s.Muted.Render("  in the meeting's New referrals: y accepts"))
}

func (hf *homeScreen) hotspotsBox(a *App, w, h int) string {
	s, hm := a.styles, a.home
	inner := w - 2
	rows := h - 3 // border and column header
	rowsShown := hf.shown[0]
	title := fmt.Sprintf("Hotspots by risk (%d open)", len(hm.Hotspots))
	if len(rowsShown) != len(hm.Hotspots) {
		title = fmt.Sprintf("Hotspots by risk (%d of %d open)", len(rowsShown), len(hm.Hotspots))
	}
	if hm.OffAgenda > 0 { // the review cadence at work: say so before the meeting
		title = strings.TrimSuffix(title, ")") + fmt.Sprintf(", %d not on the agenda)", hm.OffAgenda)
	}
	cw, narrow := hf.hotspotColumns(a, inner)
	row := func(cells ...string) []string { return withoutLead(narrow, cells) }
	lines := []string{s.Muted.Render(" " + columns(inner-1, cw, row("ref", "title", "ward", "risk", "status", "lead agency", "12 months", "trend")...))}
	hf.off[0] = window(hf.sel[0], hf.off[0], len(rowsShown), rows)
	for i := hf.off[0]; i < len(rowsShown) && i < hf.off[0]+rows; i++ {
		hs := hm.Hotspots[rowsShown[i]]
		title := hs.Title
		if hs.Private() {
			title = s.PrivateLine(privateRowTag + title) // taken in private: the projector may be on
		}
		tr := hm.Trends[hs.ID]
		line := columns(inner-1, cw, row(hs.Ref(), title, hs.Ward, s.Risk(hs.Risk), string(hs.Status), hm.Agencies.Label(hs.LeadAgencyID),
			s.SparkLine(a.sparks.line(tr)), tr.Trend().String())...)
		lines = append(lines, s.rowMark(hf.pane == 0 && i == hf.sel[0], line))
	}
	switch {
	case len(hm.Hotspots) == 0:
		lines = append(lines, s.Muted.Render(" No open hotspots. Refer one in a meeting (New referrals, h)."))
	case len(rowsShown) == 0:
		lines = append(lines, s.Muted.Render(" No hotspot matches the filter."))
	}
	return box(s.pane(hf.pane == 0), title, lines, w, h)
}

func (hf *homeScreen) agenciesBox(a *App, w, h int) string {
	s, hm := a.styles, a.home
	inner := w - 2
	rows := h - 3
	title := fmt.Sprintf("Actions by agency · %d open · %d overdue", hm.OpenActions, hm.OverdueActions)
	if more := " · done and updated since the last meeting · median days to do"; cells(title+more) <= inner-3 {
		title += more
	}
	names := make([]string, len(hm.Workload))
	for i, l := range hm.Workload {
		names[i] = l.Agency.Name
	}
	nameW := accountabilityNameWidth(inner-1, names)
	lines := []string{s.Muted.Render(" " + accountabilityHeader(inner-1, nameW))}
	shownAg := hf.shown[1]
	hf.off[1] = window(hf.sel[1], hf.off[1], len(shownAg), rows)
	for i := hf.off[1]; i < len(shownAg) && i < hf.off[1]+rows; i++ {
		lines = append(lines, s.rowMark(hf.pane == 1 && i == hf.sel[1], accountabilityRow(s, hm.Workload[shownAg[i]], inner-1, nameW)))
	}
	if len(hm.Workload) == 0 {
		lines = append(lines, s.Muted.Render(" No actions yet: they are assigned in the meeting (a)."))
	}
	return box(s.pane(hf.pane == 1), title, lines, w, h)
}

// hotspotColumns are the widths of the hotspot list's columns, and whether
// the lead agency gives way: worked out once per reading, filter and
// width (every row is measured), not on every frame.
func (hf *homeScreen) hotspotColumns(a *App, inner int) ([]int, bool) {
	c := &hf.cols
	if c.home == a.home && c.query == hf.filter.query() && c.inner == inner && c.widths != nil {
		return c.widths, c.narrow
	}
	hm, rowsShown := a.home, hf.shown[0]
	// Each column is as wide as what it holds, and the title has the
	// rest; when the titles need more than that leaves them, the ward and
	// the lead agency give way first.
	var titles, wards, statuses, leads []string
	for _, i := range rowsShown {
		hs := hm.Hotspots[i]
		titles, wards = append(titles, hs.Title), append(wards, hs.Ward)
		statuses, leads = append(statuses, string(hs.Status)), append(leads, hm.Agencies.Label(hs.LeadAgencyID))
	}
	// The last 12 months as a sparkline and the trend (trendWidth). When
	// the titles would not be whole the ward and the lead agency narrow,
	// and then the lead agency gives way (the hotspot's page names it);
	// under 100 columns the ward narrows further.
	const spark = model.TrendMonths
	titleW := widest(5, inner, titles...) + cells(privateRowTag)
	wardMost, leadMost := inner, inner
	if need := 6 + titleW + widest(4, inner, wards...) + 4 + 10 + widest(11, inner, leads...) + spark + trendWidth + 7; need > inner-1 {
		wardMost, leadMost = 16, 18
	}
	narrow := inner < 100 || 6+titleW+widest(4, wardMost, wards...)+4+10+widest(11, leadMost, leads...)+spark+trendWidth+7 > inner-1
	if inner < 100 {
		wardMost = 12
	}
	ward := widest(4, wardMost, wards...)
	status := widest(6, 10, statuses...)
	lead := widest(11, leadMost, leads...)
	cw := withoutLead(narrow, []int{6, 0, ward, 4, status, lead, spark, trendWidth})
	used := 0
	for _, x := range cw {
		used += x + 1
	}
	cw[1] = inner - used // the title has the rest
	c.home, c.query, c.inner, c.widths, c.narrow = a.home, hf.filter.query(), inner, cw, narrow
	return cw, narrow
}

// withoutLead drops the lead agency's column (the sixth) when narrow.
func withoutLead[T any](narrow bool, cols []T) []T {
	if !narrow {
		return cols
	}
	return append(cols[:5:5], cols[6:]...)
}

// trendWidth is the trend column: "+100%", "−33%", "new".
const trendWidth = 5

// yourOverdue is "N of your agency's actions are overdue" for the person at
// the keyboard (of agency), or "".
func yourOverdue(home *model.HomeSummary, agency model.ID) string {
	if home == nil || agency == 0 {
		return ""
	}
	for _, l := range home.Workload {
		if l.Agency.ID == agency && l.Overdue > 0 {
			verb := "are"
			if l.Overdue == 1 {
				verb = "is"
			}
			return strconv.Itoa(l.Overdue) + " of your agency's actions " + verb + " overdue"
		}
	}
	return ""
}

// homePart is home: hotspots by risk, each agency's workload, the meeting.
type homePart struct{}

func (homePart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.hf.key(a, msg) }
func (homePart) view(a *App, w, h int) string {
	hf := &a.hf
	if hf.filter.typing {
		return hf.draw(a, w, h) // the filter's cursor blinks: drawn each time
	}
	k := homeDrawKey{home: a.home, w: w, h: h, pane: hf.pane, sel: hf.sel, off: hf.off,
		query: hf.filter.query(), day: a.clock.YearDay(), dark: a.styles.isDark}
	if hf.drawn.s != "" && hf.drawn.key == k {
		return hf.drawn.s
	}
	out := hf.draw(a, w, h)
	hf.drawn.key, hf.drawn.s = k, out
	return out
}

// homeDrawKey is everything home's body is drawn from. Under tasking serve
// a screen is drawn again for every change anyone saves (the footer names
// it); home's panes are drawn once per reading, size and selection, and
// reused in between.
type homeDrawKey struct {
	home       *model.HomeSummary
	w, h, pane int
	sel, off   [2]int
	query      string
	day        int
	dark       bool
}

func (homePart) load(a *App) tea.Cmd { return a.loadHome() }

// affected: home counts actions (every agency's), open hotspots, the
// meetings under way, planned and last closed and the open one's agenda,
// under the partnership's and agencies' names. Members, decisions, notes,
// amendments and what happens inside a meeting count in none of it.
func (homePart) affected(_ *App, c store.Change) bool {
	switch c.Entity {
	case "member", "decision", "note":
		return false
	case "meeting":
		return !meetingOnly[c.Op] && c.Op != model.OpMinutesAmend
	}
	return true
}

// status: how many of your agency's actions are overdue.
func (homePart) status(a *App) (string, string) {
	return a.styles.Warning.Render(yourOverdue(a.home, a.actor.AgencyID)), ""
}

func (homePart) help(a *App) []string {
	if a.hf.filter.typing {
		return []string{typingHelp, "Home"}
	}
	return []string{"Home"}
}

func (homePart) hints(a *App) string {
	if a.hf.filter.typing {
		return a.typingHints()
	}
	km := a.keys
	return a.hintsOf(keyHint("meeting", km.Home.Meeting), keyHint("my actions", km.MyActions), keyHint("minutes", km.Home.Minutes),
		keyHint("filter", km.Home.Filter), keyHint("help", km.Global.Help))
}

// openMeetingWords is what m does with the meeting under way: the chair
// resumes it; everyone else follows it.
func openMeetingWords(chair bool) string {
	if chair {
		return "resume the meeting"
	}
	return "follow the meeting"
}
