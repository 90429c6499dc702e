package tui

import (
	"fmt"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// chooser is "who is at the keyboard?": the members grouped by agency, `/`
// to find yourself, enter to choose. The choice is remembered for this
// database on this computer (Config.Remember), so it is asked once.
type chooser struct {
	members  []model.Member // in agency order
	cands    []model.Candidate
	agencies model.AgencyIndex
	filter   filter
	shown    []int
	sel, off int
	back     screen // where i was pressed from (0: start-up)
}

// membersMsg: the members to choose from were read.
type membersMsg struct {
	members  []model.Member
	agencies []model.Agency
	err      error
}

func (a *App) openChooser(back screen) tea.Cmd {
	if a.remote != "" {
		// Over SSH the key is who you are: choosing another member here
		// would let anyone act as anyone.
		a.flash, a.flashErr = "over SSH you are "+a.actor.Name+", the member your key belongs to", true
		return nil
	}
	a.choose = &chooser{back: back}
	a.screen = screenChoose
	st := a.st
	return func() tea.Msg {
		ms, err := st.Members()
		if err != nil {
			return membersMsg{err: err}
		}
		as, err := st.Agencies()
		return membersMsg{members: ms, agencies: as, err: err}
	}
}

func (msg membersMsg) take(a *App) tea.Cmd {
	c := a.choose
	if c == nil {
		return nil
	}
	if msg.err != nil {
		a.flash, a.flashErr = msg.err.Error(), true
		return nil
	}
	c.agencies = model.IndexAgencies(msg.agencies)
	c.members, c.cands = c.members[:0], c.cands[:0]
	for _, g := range model.MembersByAgency(msg.agencies, model.ActiveMembers(msg.members)) {
		c.members = append(c.members, g.Members...)
	}
	for _, m := range c.members {
		c.cands = append(c.cands, model.NewCandidate(m.Name, c.agencies.Name(m.AgencyID), c.agencies.Label(m.AgencyID), m.Title))
	}
	c.refilter()
	return nil
}

// refilter shows those the query finds, best first
// (model.RankCandidates): typing "sian" puts Siân at the top, where enter
// takes her, and never someone who merely has the letters in order.
func (c *chooser) refilter() {
	c.shown = model.RankCandidates(c.filter.query(), c.cands)
	c.sel = max(min(c.sel, len(c.shown)-1), 0)
}

func (c *chooser) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	g := a.keys.Global
	if c.filter.typing {
		cmd, changed := c.filter.key(msg, a.keys.Filter)
		if changed {
			c.sel = 0
			c.refilter()
		}
		return cmd
	}
	if typed(msg) {
		// A name typed straight away finds: the list is there to choose
		// from, so a letter is the start of a name, never a move (j, k) or
		// quit (q) that would leave the chair selected for enter.
		cmd := c.filter.start()
		more, _ := c.filter.key(msg, a.keys.Filter)
		c.sel = 0
		c.refilter()
		return tea.Batch(cmd, more)
	}
	switch {
	case msg.String() == "/":
		return c.filter.start()
	case msg.String() == "esc" && c.filter.active():
		c.filter.clear()
		c.refilter()
	case key.Matches(msg, g.Back) && c.filter.active():
		c.filter.clear()
		c.refilter()
	case key.Matches(msg, g.Back):
		if c.back == screenHome && a.actor.Name != "" {
			a.screen, a.choose = screenHome, nil
			return nil
		}
		return tea.Quit
	case key.Matches(msg, g.Down):
		c.sel = min(c.sel+1, len(c.shown)-1)
	case key.Matches(msg, g.Up):
		c.sel = max(c.sel-1, 0)
	case key.Matches(msg, g.PageDown):
		c.sel = min(c.sel+10, len(c.shown)-1)
	case key.Matches(msg, g.PageUp):
		c.sel = max(c.sel-10, 0)
	case key.Matches(msg, g.Enter):
		if len(c.shown) == 0 {
			return nil
		}
		m := c.members[c.shown[c.sel]]
		a.setActor(model.ActorFor(m))
		a.choose = nil
		a.screen = screenHome
		a.flash, a.flashErr = fmt.Sprintf("you are %s (%s, %s)", m.Name, c.agencies.Label(m.AgencyID), m.Role), false
		return tea.Batch(a.rememberCmd(m), a.loadHome())
	}
	return nil
}

// typed: msg is a letter or digit typed, the start of a name (not "/",
// "?" or a key with a modifier).
func typed(msg tea.KeyPressMsg) bool {
	r := []rune(msg.Text)
	return len(r) == 1 && msg.Mod&^tea.ModShift == 0 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0]))
}

// rememberCmd records who is at the keyboard for next time.
func (a *App) rememberCmd(m model.Member) tea.Cmd {
	remember := a.remember
	if remember == nil {
		return nil
	}
	return func() tea.Msg {
		if err := remember(m); err != nil {
			return failedMsg{err: fmt.Errorf("could not remember who you are (%v): use --as next time", err)}
		}
		return nil
	}
}

func (c *chooser) draw(a *App, w, h int) string {
	s := a.styles
	head := []string{
		" " + s.Title.Render("Who is at the keyboard?"),
		" " + s.Muted.Render("Choose yourself: what you change carries your name, and your agency's actions are yours to update."),
		" " + s.Muted.Render("Remembered for this database on this computer; i on the home screen changes it."),
		"",
	}
	if c.filter.active() {
		head = append(head, c.filter.view(s))
	}
	rows := h - 2 - len(head)
	c.off = window(c.sel, c.off, len(c.shown), rows)
	lines := head
	nameW := min(30, w/3)
	for i := c.off; i < len(c.shown) && i < c.off+rows; i++ {
		m := c.members[c.shown[i]]
		line := columns(w-4, []int{nameW, 24, 8}, m.Name, c.agencies.Label(m.AgencyID), string(m.Role), s.Muted.Render(m.Title))
		lines = append(lines, s.rowMark(i == c.sel, " "+line))
	}
	if len(c.members) > 0 && len(c.shown) == 0 {
		lines = append(lines, " "+s.Muted.Render("Nobody matches the filter."))
	}
	return box(s.FocusStyle, "", lines, w, h)
}

// choosePart is "who is at the keyboard?".
type choosePart struct{}

func (choosePart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.choose.key(a, msg) }
func (choosePart) view(a *App, w, h int) string                 { return a.choose.draw(a, w, h) }
func (choosePart) load(*App) tea.Cmd                            { return nil }

// affected: the members are read once, when the question is asked.
func (choosePart) affected(*App, store.Change) bool { return false }
func (choosePart) help(a *App) []string {
	if a.choose != nil && a.choose.filter.typing {
		return []string{typingHelp, "Everywhere"}
	}
	return []string{"Everywhere"}
}

func (choosePart) hints(a *App) string {
	if a.choose != nil && a.choose.filter.typing {
		return a.typingHints()
	}
	g := a.keys.Global
	return a.hintsOf(keyHint("that's me", g.Enter), keyHint("find (or type a name)", a.keys.Home.Filter), keyHint("quit", g.Back))
}
