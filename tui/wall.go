package tui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/charmbracelet/x/ansi"
)

// WallStore is what the wall reads: the meeting under way and its record.
type WallStore interface {
	OpenMeeting() (model.Meeting, bool, error)
	MeetingRecord(id model.ID) (model.MeetingRecord, error)
	Partnership() (model.Partnership, error)
	NextMeetingDate() (model.Date, error)
	Subscribe() (<-chan store.Change, func())
}

// Wall is the meeting-room projector (`ssh -t HOST wall`): the item the
// chair is on, in large high-contrast type, following the chair as they
// move. It only reads, and it is a public screen — guests and the public
// may be in the room — so it shows what the public minutes would: a Part 2
// item is named as one and nothing of it is shown, and nothing
// confidential ever is.
type Wall struct {
	st    WallStore
	now   func() time.Time
	feed  <-chan store.Change
	stop  func()
	w, h  int
	shown wallPage
	// loading/again coalesce reloads as the app's screens do: one read in
	// flight, at most one more asked for.
	loading, again bool
}

// wallPage is one drawn state of the wall, built in a command (the big
// letters included), so View only lays it out.
type wallPage struct {
	big     []string // large-type heading, line by line
	title   string
	lines   []string
	actions [][]string // ref, agency, text, due, status
	next    []string
	footer  string
	err     error
}

// NewWall makes the projector view on st.
func NewWall(st WallStore, now func() time.Time) *Wall {
	if now == nil {
		now = time.Now
	}
	wl := &Wall{st: st, now: now, w: 80, h: 24}
	wl.feed, wl.stop = st.Subscribe()
	return wl
}

// Close stops listening to the store's changes (the server calls it
// however the session ended).
func (wl *Wall) Close() { wl.stop() }

type wallLoaded struct{ page wallPage }

func (wl *Wall) Init() tea.Cmd {
	wl.loading = true
	return tea.Batch(wl.load(), waitForChange(wl.feed))
}

func (wl *Wall) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		wl.w, wl.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c", "esc":
			wl.stop()
			return wl, tea.Quit
		}
	case changeMsg:
		if wl.loading {
			wl.again = true
			return wl, waitForChange(wl.feed)
		}
		wl.loading = true
		return wl, tea.Batch(wl.load(), waitForChange(wl.feed))
	case wallLoaded:
		wl.shown = msg.page
		wl.loading = false
		if wl.again {
			wl.again, wl.loading = false, true
			return wl, wl.load()
		}
	}
	return wl, nil
}

// Wall colours: white on black whatever the terminal's theme, for a
// projector in a lit room.
var (
	wallInk   color.Color = lipgloss.Color("#ffffff")
	wallPaper color.Color = lipgloss.Color("#000000")
	wallBase              = lipgloss.NewStyle().Foreground(wallInk).Background(wallPaper)
	wallTitle             = lipgloss.NewStyle().Bold(true).Foreground(wallPaper).Background(wallInk)
	wallBold              = wallBase.Bold(true)
)

func (wl *Wall) View() tea.View {
	var b strings.Builder
	p := wl.shown
	w := max(wl.w, 20)
	line := func(s string, st lipgloss.Style) {
		s = clip(s, w-2)
		b.WriteString(st.Width(w).Render(" " + s))
		b.WriteByte('\n')
	}
	rows := 0
	emit := func(s string, st lipgloss.Style) {
		if rows < wl.h-1 {
			line(s, st)
			rows++
		}
	}
	if p.err != nil {
		emit("The wall cannot read the record: "+p.err.Error(), wallBold)
	}
	for _, l := range p.big {
		if ansi.StringWidth(l) <= w-2 {
			emit(l, wallBold)
		}
	}
	emit("", wallBase)
	if p.title != "" {
		emit(p.title, wallTitle)
	}
	for _, l := range p.lines {
		emit(l, wallBase)
	}
	if len(p.actions) > 0 {
		emit("", wallBase)
		emit("Actions", wallBold)
		// The agency column grows with the screen: a projector is wide.
		agencyW := min(max(w/6, 14), 32)
		for _, a := range p.actions {
			emit(fmt.Sprintf("%-7s %s %-7s %-12s %s", a[0], fit(a[1], agencyW), a[3], a[4], a[2]), wallBase)
		}
	}
	if len(p.next) > 0 {
		emit("", wallBase)
		emit("Next: "+strings.Join(p.next, " · "), wallBase)
	}
	for rows < wl.h-1 {
		emit("", wallBase)
	}
	line(p.footer, wallBase.Faint(true))
	v := tea.NewView(strings.TrimSuffix(b.String(), "\n"))
	v.AltScreen = true
	v.BackgroundColor = wallPaper
	v.ForegroundColor = wallInk
	v.WindowTitle = "tasking wall"
	return v
}

// load reads the meeting under way and builds the page, big letters and
// all, off the UI goroutine.
func (wl *Wall) load() tea.Cmd {
	st := wl.st
	return func() tea.Msg { return wallLoaded{page: buildWallPage(st)} }
}

func buildWallPage(st WallStore) wallPage {
	p, err := st.Partnership()
	if err != nil {
		return wallPage{err: err}
	}
	m, open, err := st.OpenMeeting()
	if err != nil {
		return wallPage{err: err}
	}
	if !open {
		page := wallPage{big: bigText("No meeting"), title: model.CleanLine(p.Name), footer: "tasking wall · q leaves"}
		if d, err := st.NextMeetingDate(); err == nil && !d.IsZero() {
			page.lines = []string{"The next meeting is on " + d.Long() + "."}
		}
		page.lines = append(page.lines, "This screen follows the chair once the meeting starts.")
		return page
	}
	rec, err := st.MeetingRecord(m.ID)
	if err != nil {
		return wallPage{err: err}
	}
	return wallPageFor(rec)
}

// wallPageFor is the page for the chair's current item, disclosed as the
// public minutes would disclose it.
func wallPageFor(rec model.MeetingRecord) wallPage {
	m := rec.Meeting
	idx := rec.Index()
	hotspots, agencies := idx.Hotspots, idx.Agencies
	rules := model.PublicRules(m, hotspots)
	page := wallPage{footer: fmt.Sprintf("%s · %s · q leaves", model.CleanLine(rec.Partnership.Name), m.Date.Long())}
	it, ok := m.CurrentItem()
	if !ok {
		page.big = bigText("Agenda")
		page.title = "The chair has not opened an item yet"
		return page
	}
	page.big = bigText(fmt.Sprintf("Item %d", m.Current+1))
	page.footer = fmt.Sprintf("Item %d of %d · ", m.Current+1, len(m.Agenda)) + page.footer
	if !rules.Item(it) {
		page.title = "Part 2 — taken in private"
		page.lines = []string{"This item is exempt information: nothing of it is shown on the wall."}
	} else {
		page.title = model.CleanLine(model.ItemTitle(it, hotspots))
		if it.Kind == model.ItemHotspot {
			h := hotspots[it.HotspotID]
			page.lines = append(page.lines, strings.Join(nonEmpty(model.CleanLine(h.Location), model.CleanLine(h.Ward)), " · "))
			page.lines = append(page.lines, fmt.Sprintf("Risk %s · %s · SARA: %s", strings.ToUpper(h.Risk.String()), h.Status, h.SARA))
			if tr := rec.Trends[h.ID]; !tr.IsZero() {
				page.lines = append(page.lines, wallTrend(tr))
			}
			var open []model.Action
			for _, a := range rec.Actions {
				if a.HotspotID == h.ID && !a.Status.IsClosed() && rules.Action(a) {
					open = append(open, a)
				}
			}
			// Soonest due first: what the room should look at.
			slices.SortStableFunc(open, func(x, y model.Action) int { return x.Due.Compare(y.Due) })
			for _, a := range open {
				page.actions = append(page.actions, []string{a.Ref(), model.CleanLine(agencies.Label(a.AgencyID)), model.CleanLine(a.Text), a.Due.Short(), a.Status.Label()})
			}
		}
	}
	for i := m.Current + 1; i < len(m.Agenda) && len(page.next) < 3; i++ {
		next := m.Agenda[i]
		if rules.Item(next) {
			page.next = append(page.next, fmt.Sprintf("%d %s", i+1, model.CleanLine(model.ItemTitle(next, hotspots))))
		} else {
			page.next = append(page.next, fmt.Sprintf("%d Part 2 item", i+1))
		}
	}
	return page
}

// wallTrend is a public hotspot's last 12 months as the room reads them:
// the sparkline, its class over the year and the last month against the
// three before — counts at areas, as the public minutes give them, never
// where they were counted.
func wallTrend(tr model.Series) string {
	out := "Incidents " + Sparkline(tr) + "  "
	if class := tr.Class(); class != model.ClassNone {
		out += string(class) + " · "
	}
	return out + tr.Summary()
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
