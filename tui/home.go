package tui

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// homeFocus is which home pane has the cursor and where each list is.
type homeFocus struct {
	pane int    // 0 hotspots, 1 agencies
	sel  [2]int // selected row per pane
	off  [2]int // first row shown per pane
}

func (a *App) clampHome() {
	if a.home == nil {
		return
	}
	n := [2]int{len(a.home.Hotspots), len(a.home.Workload)}
	for p := range n {
		a.hf.sel[p] = max(min(a.hf.sel[p], n[p]-1), 0)
	}
}

func (a *App) homeKey(msg tea.KeyPressMsg) tea.Cmd {
	g := a.keys.Global
	switch {
	case key.Matches(msg, g.Back):
		return tea.Quit
	case key.Matches(msg, a.keys.Home.Meeting):
		return a.openThisWeeksMeeting()
	case key.Matches(msg, a.keys.Home.Minutes):
		return a.openPreview("latest")
	case key.Matches(msg, a.keys.Home.Tab):
		a.hf.pane = 1 - a.hf.pane
	case key.Matches(msg, g.Down):
		a.hf.sel[a.hf.pane]++
		a.clampHome()
	case key.Matches(msg, g.Up):
		a.hf.sel[a.hf.pane]--
		a.clampHome()
	case key.Matches(msg, g.PageDown):
		a.hf.sel[a.hf.pane] += 10
		a.clampHome()
	case key.Matches(msg, g.PageUp):
		a.hf.sel[a.hf.pane] -= 10
		a.clampHome()
	}
	return nil
}

// openThisWeeksMeeting resumes the open meeting, or asks before starting
// the planned one (or a new one today).
func (a *App) openThisWeeksMeeting() tea.Cmd {
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
	a.ask = &question{text: text, yes: func() tea.Cmd {
		return a.save(0, "meeting started", func() (any, error) {
			m, err := st.StartMeeting(actor, today)
			if err != nil {
				return nil, err
			}
			return func() tea.Cmd { return a.openMeeting(m.ID) }, nil
		})
	}}
	return nil
}

func (a *App) homeView(w, h int) string {
	s := a.styles
	if a.home == nil {
		return s.Muted.Render(" loading…")
	}
	hm := a.home
	next := a.nextMeetingLines()
	if w >= wideWidth {
		leftW := 44
		topH := max(min(len(hm.Hotspots)+3, h/2+2), len(next)+2)
		left := box(s.BorderStyle, "Next meeting", next, leftW, topH)
		right := a.hotspotsBox(w-leftW, topH)
		return sideBySide(left, right) + "\n" + a.agenciesBox(w, h-topH)
	}
	nextH := len(next) + 2
	rest := h - nextH
	hotH := max(rest/2, 5)
	return box(s.BorderStyle, "Next meeting", next, w, nextH) + "\n" +
		a.hotspotsBox(w, hotH) + "\n" + a.agenciesBox(w, rest-hotH)
}

func (a *App) nextMeetingLines() []string {
	s, hm := a.styles, a.home
	var lines []string
	switch {
	case hm.Open != nil:
		m := hm.Open
		lines = append(lines,
			" "+s.Green.Render("● under way")+" "+s.Bold.Render(m.When()),
			" "+m.Kind.Title()+" · "+m.Place,
			fmt.Sprintf(" %d items · %d matters arising", hm.AgendaItems, hm.MattersArising),
			" "+s.Key.Render("m")+"  resume the meeting")
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

func (a *App) hotspotsBox(w, h int) string {
	s, hm := a.styles, a.home
	inner := w - 2
	rows := h - 3 // border and column header
	title := fmt.Sprintf("Hotspots by risk (%d open)", len(hm.Hotspots))
	widths := []int{6, 0, 16, 4, 10, 0}
	lead := 18
	if inner < 100 {
		lead = 14
	}
	titleW := inner - 6 - 16 - 4 - 10 - lead - 5 - 1
	widths[1] = titleW
	lines := []string{s.Muted.Render(" " + columns(inner-1, widths, "ref", "title", "ward", "risk", "status", "lead agency"))}
	a.hf.off[0] = window(a.hf.sel[0], a.hf.off[0], len(hm.Hotspots), rows)
	for i := a.hf.off[0]; i < len(hm.Hotspots) && i < a.hf.off[0]+rows; i++ {
		hs := hm.Hotspots[i]
		line := columns(inner-1, widths, hs.Ref(), hs.Title, hs.Ward, s.Risk(hs.Risk), string(hs.Status), hm.Agencies.Label(hs.LeadAgencyID))
		lines = append(lines, a.rowMark(a.hf.pane == 0 && i == a.hf.sel[0], line))
	}
	if len(hm.Hotspots) == 0 {
		lines = append(lines, s.Muted.Render(" No open hotspots. Refer one in a meeting (New referrals, h)."))
	}
	return box(a.paneStyle(a.hf.pane == 0), title, lines, w, h)
}

func (a *App) agenciesBox(w, h int) string {
	s, hm := a.styles, a.home
	inner := w - 2
	rows := h - 3
	since := "done since last meeting"
	widths := []int{inner - 1 - 6 - 9 - 25 - 3, 6, 9, 25}
	title := fmt.Sprintf("Actions by agency · %d open · %d overdue", hm.OpenActions, hm.OverdueActions)
	lines := []string{s.Muted.Render(" " + columns(inner-1, widths, "agency", "  open", "  overdue", since))}
	a.hf.off[1] = window(a.hf.sel[1], a.hf.off[1], len(hm.Workload), rows)
	for i := a.hf.off[1]; i < len(hm.Workload) && i < a.hf.off[1]+rows; i++ {
		l := hm.Workload[i]
		overdue := fmt.Sprintf("%6d  ", l.Overdue)
		if l.Overdue > 0 {
			overdue = fmt.Sprintf("%6d ", l.Overdue) + s.Red.Render("●")
		}
		line := columns(inner-1, widths, l.Agency.Name, fmt.Sprintf("%6d", l.Open), overdue, fmt.Sprintf("%6d", l.DoneSince))
		lines = append(lines, a.rowMark(a.hf.pane == 1 && i == a.hf.sel[1], line))
	}
	if len(hm.Workload) == 0 {
		lines = append(lines, s.Muted.Render(" No actions yet: they are assigned in the meeting (a)."))
	}
	return box(a.paneStyle(a.hf.pane == 1), title, lines, w, h)
}

// rowMark puts the cursor on the selected row of a list.
func (a *App) rowMark(selected bool, line string) string {
	if selected {
		return a.styles.Cursor.Render("▸") + line
	}
	return " " + line
}

func (a *App) paneStyle(focused bool) lipgloss.Style {
	if focused {
		return a.styles.FocusStyle
	}
	return a.styles.BorderStyle
}

// yourOverdue is "N of your agency's actions are overdue" for the person at
// the keyboard, or "".
func (a *App) yourOverdue() string {
	if a.home == nil || a.actor.AgencyID == 0 {
		return ""
	}
	for _, l := range a.home.Workload {
		if l.Agency.ID == a.actor.AgencyID && l.Overdue > 0 {
			noun := "actions are"
			if l.Overdue == 1 {
				noun = "action is"
			}
			return strconv.Itoa(l.Overdue) + " of your agency's " + noun + " overdue"
		}
	}
	return ""
}
