package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// welcomeState is the empty-database screen and the set-up steps:
// step 0 the choice, step 1 the agency list (after the details form).
type welcomeState struct {
	step     int
	details  store.SetupInput
	agencies []model.Agency
	sel      int
	chair    int
	loading  string
}

// setupDoneMsg: a partnership now exists; the chair is at the keyboard.
type setupDoneMsg struct {
	chair model.Member
	what  string
}

func (w *welcomeState) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	if w.loading != "" {
		return nil
	}
	if w.step == 1 {
		return w.agencyListKey(a, msg)
	}
	wk := a.keys.Welcome
	switch {
	case key.Matches(msg, wk.Demo):
		w.loading = "loading the demo partnership…"
		st := a.st
		return func() tea.Msg {
			d, err := demo.Build(st.Today(), demo.Small, time.Local)
			if err == nil {
				err = st.Seed(model.SystemActor("demo"), d)
			}
			if err != nil {
				return failedMsg{err: err}
			}
			chair := d.Members[0]
			for _, m := range d.Members {
				if m.ID == d.Partnership.ChairID {
					chair = m
				}
			}
			return setupDoneMsg{chair: chair, what: fmt.Sprintf("demo loaded: %d agencies, %d members, %d hotspots, %d meetings", len(d.Agencies), len(d.Members), len(d.Hotspots), len(d.Meetings))}
		}
	case key.Matches(msg, wk.Setup):
		w.detailsForm(a)
	case key.Matches(msg, a.keys.Global.Back):
		return tea.Quit
	}
	return nil
}

// detailsForm asks for the partnership's name, where it meets and who
// chairs it. The agencies come next, as an editable list.
func (w *welcomeState) detailsForm(a *App) {
	d := w.details
	if d.Partnership.DefaultPlace == "" {
		d.Partnership.DefaultPlace = "Committee Room 1, Town Hall"
		d.Partnership.DefaultTime = "10:00"
	}
	f := newForm("Set up your partnership (1 of 2)", formContext{}, func(f *form) tea.Cmd {
		name, ok1 := f.lineOf("name", "partnership name", 120, true)
		place, ok2 := f.lineOf("place", "meeting place", 120, false)
		clock, err := model.ParseClock(f.value("time"))
		if err != nil {
			f.fail("time", err.Error())
		}
		chair, ok3 := f.lineOf("chair", "chair's name", 80, true)
		title, ok4 := f.lineOf("chair_title", "chair's job title", 80, false)
		if !ok1 || !ok2 || !ok3 || !ok4 || err != nil {
			return nil
		}
		w.details.Partnership = model.Partnership{Name: name, DefaultPlace: place, DefaultTime: clock}
		w.details.ChairName, w.details.ChairTitle = chair, title
		if w.agencies == nil {
			w.agencies = model.DefaultAgencies()
		}
		w.step = 1
		a.close(f)
		return nil
	})
	f.text("name", "Partnership name", d.Partnership.Name, "e.g. Chesterfield Community Safety Partnership").
		text("place", "Where the meeting is held", d.Partnership.DefaultPlace, "").
		text("time", "Usual start time", d.Partnership.DefaultTime, "24-hour, e.g. 10:00").
		text("chair", "Chair's name", d.ChairName, "the person who runs the meeting (you, probably)").
		text("chair_title", "Chair's job title", d.ChairTitle, "optional, e.g. Community Safety Manager")
	a.push(f)
}

// lineOf checks a one-line field.
func (f *form) lineOf(key, label string, maxLen int, required bool) (string, bool) {
	s, err := model.CheckLine(key, label, f.value(key), required, maxLen)
	if err != nil {
		f.fail(key, err.Error())
		return "", false
	}
	return s, true
}

func (w *welcomeState) agencyListKey(a *App, msg tea.KeyPressMsg) tea.Cmd {
	g, wk := a.keys.Global, a.keys.Welcome
	switch {
	case key.Matches(msg, g.Down):
		w.sel = min(w.sel+1, len(w.agencies)-1)
	case key.Matches(msg, g.Up):
		w.sel = max(w.sel-1, 0)
	case key.Matches(msg, wk.Add):
		w.agencyForm(a, -1)
	case key.Matches(msg, wk.Edit):
		if len(w.agencies) > 0 {
			w.agencyForm(a, w.sel)
		}
	case key.Matches(msg, wk.Delete):
		if len(w.agencies) > 1 {
			w.agencies = append(w.agencies[:w.sel], w.agencies[w.sel+1:]...)
			if w.chair >= w.sel && w.chair > 0 {
				w.chair--
			}
			w.sel = min(w.sel, len(w.agencies)-1)
		} else {
			a.flash, a.flashErr = "a partnership needs at least one agency", true
		}
	case key.Matches(msg, wk.ChairAgency):
		w.chair = w.sel
	case key.Matches(msg, wk.Back):
		w.detailsForm(a)
		w.step = 0
	case key.Matches(msg, wk.SaveSetup):
		in := w.details
		in.Agencies = w.agencies
		in.ChairAgency = w.chair
		w.loading = "setting up…"
		st := a.st
		return func() tea.Msg {
			chair, err := st.Setup(in)
			if err != nil {
				return failedMsg{err: err}
			}
			return setupDoneMsg{chair: chair, what: "partnership set up: you are its chair"}
		}
	case key.Matches(msg, g.Back):
		w.step = 0
	}
	return nil
}

func (w *welcomeState) agencyForm(a *App, i int) {
	var cur model.Agency
	title := "Add an agency"
	if i >= 0 {
		cur, title = w.agencies[i], "Edit agency"
	}
	f := newForm(title, formContext{}, func(f *form) tea.Cmd {
		name, ok1 := f.lineOf("name", "agency name", 100, true)
		short, ok2 := f.lineOf("short", "short name", 30, false)
		if !ok1 || !ok2 {
			return nil
		}
		for j, other := range w.agencies {
			if j != i && other.Name == name {
				f.fail("name", fmt.Sprintf("%q is already in the list", name))
				return nil
			}
		}
		ag := model.Agency{Name: name, ShortName: short}
		if i >= 0 {
			w.agencies[i] = ag
		} else {
			w.agencies = append(w.agencies, ag)
			w.sel = len(w.agencies) - 1
		}
		a.close(f)
		return nil
	})
	f.text("name", "Agency name", cur.Name, "e.g. Derbyshire Constabulary").
		text("short", "Short name (for tables)", cur.ShortName, "e.g. Police")
	a.push(f)
}

func (msg setupDoneMsg) take(a *App) tea.Cmd {
	a.welcome = welcomeState{}
	a.become(msg.chair)
	a.flash, a.flashErr = msg.what, false
	a.savedAt = a.now()
	a.screen = screenHome
	return tea.Batch(a.rememberCmd(msg.chair), a.loadHome())
}

func (ws *welcomeState) draw(a *App, w, h int) string {
	s := a.styles
	if ws.step == 1 {
		return ws.agencyListView(a, w, h)
	}
	lines := []string{
		"",
		"  " + s.Title.Render("Welcome to tasking"),
		"",
		"  tasking runs the weekly multi-agency ASB tasking meeting: attendance to the",
		"  next date, actions for every agency, decisions recorded, minutes out.",
		"",
		"  This database is empty:",
		"  " + s.Muted.Render(clip(a.st.Path(), w-6)),
		"",
		"  " + s.Key.Render("d") + "  load the demo partnership: a fictional Chesterfield CSP with",
		"     17 agencies, 28 members, 14 hotspots and six past meetings, to try it out",
		"  " + s.Key.Render("s") + "  set up your partnership: its name, its agencies and its chair",
		"  " + s.Key.Render("q") + "  quit",
	}
	if ws.loading != "" {
		lines = append(lines, "", "  "+s.Saving.Render(ws.loading))
	}
	return box(s.BorderStyle, "", lines, w, h)
}

func (ws *welcomeState) agencyListView(a *App, w, h int) string {
	s := a.styles
	lines := []string{
		" " + s.Bold.Render("Set up your partnership (2 of 2): its agencies"),
		" " + s.Muted.Render("Edit the usual list to match who sits on your group. ★ marks the chair's agency."),
		"",
	}
	rows := h - 2 - len(lines) - 3
	off := window(ws.sel, 0, len(ws.agencies), rows)
	for i := off; i < len(ws.agencies) && i < off+rows; i++ {
		ag := ws.agencies[i]
		star := "  "
		if i == ws.chair {
			star = s.Warning.Render("★ ")
		}
		lines = append(lines, s.rowMark(i == ws.sel, " "+star+columns(w-10, []int{50}, ag.Name, s.Muted.Render(ag.ShortName))))
	}
	wk := a.keys.Welcome
	lines = append(lines, "", " "+a.hintsOf(keyHint("add", wk.Add), keyHint("edit", wk.Edit), keyHint("delete", wk.Delete), keyHint("chair's agency", wk.ChairAgency),
		keyHint("back", wk.Back), keyHint("save", wk.SaveSetup)))
	if ws.loading != "" {
		lines = append(lines, " "+s.Saving.Render(ws.loading))
	}
	return box(s.BorderStyle, "", lines, w, h)
}

// welcomePart is the first screen on an empty database.
type welcomePart struct{}

func (welcomePart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.welcome.key(a, msg) }
func (welcomePart) view(a *App, w, h int) string                 { return a.welcome.draw(a, w, h) }
func (welcomePart) load(*App) tea.Cmd                            { return nil }

// affected: nothing is read until the partnership is set up.
func (welcomePart) affected(*App, store.Change) bool { return false }
func (welcomePart) help(a *App) []string {
	if a.welcome.step == 1 {
		return []string{"Setting up: the agency list"}
	}
	return []string{"Welcome (empty database)"}
}

func (welcomePart) hints(a *App) string {
	w, g := a.keys.Welcome, a.keys.Global
	if a.welcome.step == 1 {
		return a.hintsOf(keyHint("add", w.Add), keyHint("edit", w.Edit), keyHint("delete", w.Delete), keyHint("chair's", w.ChairAgency),
			keyHint("save", w.SaveSetup))
	}
	return a.hintsOf(keyHint("demo", w.Demo), keyHint("set up", w.Setup), keyHint("quit", g.Back))
}
