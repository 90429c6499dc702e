package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// areaPicker chooses the places a hotspot is linked to (T on its item in
// the meeting and on its page): every LSOA and street anti-social
// behaviour was imported for, the busiest over the year first, each with
// its last 12 months as a sparkline, its year's total and its last month.
// Typing filters the list; enter links the selected place, or unlinks it
// when it is linked (✓). Each is a hotspot change saved against the
// version shown (a change made meanwhile is refused, naming it), minuted
// in a meeting under way.
type areaPicker struct {
	h         model.Hotspot
	meetingID model.ID
	places    []model.PlaceSeries
	find      *finder
	filter    filter
	shown     []int
	sel, off  int
	loaded    bool
	err       string
	saving    bool
}

// placesMsg: the places to choose from were read.
type placesMsg struct {
	picker *areaPicker
	places []model.PlaceSeries
	err    error
}

func (msg placesMsg) take(a *App) tea.Cmd {
	p := msg.picker
	p.loaded = true
	if msg.err != nil {
		p.err = msg.err.Error()
		return nil
	}
	p.places = msg.places
	labels := make([]string, len(p.places))
	for i, pl := range p.places {
		labels[i] = pl.Label() + " " + pl.LSOA
	}
	p.find = newFinder(labels)
	p.refilter()
	return nil
}

// openAreaPicker opens the picker on h (the chair's and admins': linking
// is a change to the hotspot).
func openAreaPicker(a *App, h model.Hotspot, meetingID model.ID) tea.Cmd {
	if h.Exempt || !h.IsOpen() {
		return nil
	}
	if err := model.Allow(a.actor, model.OpHotspotLink, 0); err != nil {
		a.flash, a.flashErr = err.Error(), true
		return nil
	}
	p := &areaPicker{h: h, meetingID: meetingID, filter: newFilter()}
	p.filter.input.Placeholder = "type to find a street or an LSOA"
	p.filter.input.SetWidth(60)
	focus := p.filter.start()
	a.push(p)
	st := a.st
	return tea.Batch(focus, func() tea.Msg {
		places, err := st.IncidentPlaces()
		return placesMsg{picker: p, places: places, err: err}
	})
}

func (p *areaPicker) refilter() {
	if p.find == nil {
		return
	}
	p.shown = p.find.find(p.filter.query())
	p.sel = max(min(p.sel, len(p.shown)-1), 0)
}

func (p *areaPicker) linked(pl model.PlaceSeries) bool {
	for _, ar := range p.h.Areas {
		if ar.Key() == pl.Key() {
			return true
		}
	}
	return false
}

func (p *areaPicker) keyPress(a *App, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	g := a.keys.Global
	switch msg.String() {
	case "down":
		p.sel = min(p.sel+1, len(p.shown)-1)
		return nil, false
	case "up":
		p.sel = max(p.sel-1, 0)
		return nil, false
	case "pgdown":
		p.sel = min(p.sel+10, len(p.shown)-1)
		return nil, false
	case "pgup":
		p.sel = max(p.sel-10, 0)
		return nil, false
	}
	// Letters are typing (q, j and k included): esc is the way out.
	switch {
	case msg.String() == "esc" && p.filter.query() != "":
		p.filter.input.SetValue("")
		p.refilter()
		return nil, false
	case msg.String() == "esc":
		return nil, true
	case key.Matches(msg, g.Enter):
		return p.toggle(a), false
	}
	before := p.filter.query()
	var cmd tea.Cmd
	p.filter.input, cmd = p.filter.input.Update(msg)
	if p.filter.query() != before {
		p.sel = 0
		p.refilter()
	}
	return cmd, false
}

// toggle links the selected place, or unlinks it; one save at a time,
// each against the version the last one left.
func (p *areaPicker) toggle(a *App) tea.Cmd {
	if len(p.shown) == 0 || p.saving {
		return nil
	}
	pl := p.places[p.shown[p.sel]]
	actor, st, h, meetingID := a.actor, a.st, p.h, p.meetingID
	area := model.AreaOf(pl.Place)
	linking := !p.linked(pl)
	said := fmt.Sprintf("%s linked to %s", h.Ref(), area.Label())
	if !linking {
		said = fmt.Sprintf("%s no longer linked to %s", h.Ref(), area.Label())
	}
	p.saving = true
	return a.enqueue(func() (any, error) {
		if linking {
			return st.LinkHotspotArea(actor, h.ID, h.Version, area, meetingID)
		}
		return st.UnlinkHotspotArea(actor, h.ID, h.Version, area, meetingID)
	}, func(r writeResult) tea.Msg { return pickerSavedMsg{picker: p, said: said, r: r} })
}

// pickerSavedMsg: a link or unlink the picker asked for was answered. The
// picker carries on from the hotspot as saved; a refusal (someone changed
// the hotspot meanwhile: it names the change) is said in the footer.
type pickerSavedMsg struct {
	picker *areaPicker
	said   string
	r      writeResult
}

func (msg pickerSavedMsg) take(a *App) tea.Cmd {
	p := msg.picker
	p.saving = false
	if msg.r.err != nil {
		// The next choice is made against the hotspot as it now is.
		st, id := a.st, p.h.ID
		return tea.Batch(a.failed(failedMsg{write: true, err: msg.r.err}), func() tea.Msg {
			h, err := st.Hotspot(id)
			return pickerHotspotMsg{picker: p, h: h, err: err}
		})
	}
	if h, ok := msg.r.res.(model.Hotspot); ok {
		p.h = h
	}
	return a.saved(savedMsg{what: msg.said})
}

func (p *areaPicker) message(_ *App, msg tea.Msg) tea.Cmd {
	if _, typing := msg.(tea.PasteMsg); typing {
		before := p.filter.query()
		var cmd tea.Cmd
		p.filter.input, cmd = p.filter.input.Update(msg)
		if p.filter.query() != before {
			p.sel = 0
			p.refilter()
		}
		return cmd
	}
	var cmd tea.Cmd
	p.filter.input, cmd = p.filter.input.Update(msg)
	return cmd
}

func (p *areaPicker) view(a *App, below func() string, w, h int) string {
	fw := min(w-4, 110)
	return drawOver(below(), p.render(a, fw, h-2), (w-fw)/2, 1, h)
}

func (p *areaPicker) hints(a *App) string {
	return a.hintsOf(keyHint("link ⇄ unlink", a.keys.Global.Enter), keyHint("close", pickerClose))
}

func (p *areaPicker) render(a *App, w, h int) string {
	s := a.styles
	inner := w - 2
	title := "Link " + p.h.Ref() + " to police.uk data · anti-social behaviour"
	head := []string{
		" " + s.Muted.Render(clip("Linked (✓): "+orNone(model.AreasLine(p.h.Areas, false)), inner-2)),
		" " + p.filter.input.View(),
		"  " + s.Muted.Render(columns(inner-3, pickerColumns(inner-3), "", "place", "", "12 months", "year", "last month")),
	}
	var lines []string
	switch {
	case !p.loaded:
		lines = append(lines, " "+s.Muted.Render("reading…"))
	case p.err != "":
		lines = append(lines, errorLines(s, p.err, w)...)
	case len(p.places) == 0:
		lines = append(lines, " "+s.Muted.Render("No anti-social behaviour has been imported: tasking import police-uk FILE… brings it in."))
	case len(p.shown) == 0:
		lines = append(lines, " "+s.Muted.Render("No place matches."))
	}
	rows := max(h-2-len(head)-1, 1)
	p.off = window(p.sel, p.off, len(p.shown), rows)
	for i := p.off; i < len(p.shown) && i < p.off+rows; i++ {
		pl := p.places[p.shown[i]]
		mark := " "
		if p.linked(pl) {
			mark = "✓"
		}
		kind := "LSOA"
		if pl.Street {
			kind = "street"
		}
		last := ""
		if n, ok := pl.Series.Last(); ok {
			last = fmt.Sprintf("%s: %d", pl.Series.End.Short(), n)
		}
		line := columns(inner-3, pickerColumns(inner-3),
			mark, pl.Label(), s.Muted.Render(kind), s.SparkLine(a.sparks.line(pl.Series)), fmt.Sprint(pl.Series.Total()), last)
		lines = append(lines, s.rowMark(i == p.sel, " "+line))
	}
	foot := " " + s.Muted.Render("type to find · ↑/↓ move · enter links or unlinks · esc closes")
	if p.saving {
		foot = " " + s.Saving.Render("saving…")
	}
	all := append(append(head, lines...), foot)
	return box(s.FocusStyle, title, all, w, min(h, len(all)+2))
}

// pickerClose is the picker's way out (esc alone: letters are typing).
var pickerClose = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close"))

// pickerColumns: the mark, the place (the rest), its kind, the sparkline,
// the year's total and the last month.
func pickerColumns(w int) []int {
	const fixed = 2 + 6 + model.TrendMonths + 6 + 11 + 5
	return []int{2, max(w-fixed, 10), 6, model.TrendMonths, 6, 11}
}

func orNone(s string) string {
	if s == "" {
		return "none yet"
	}
	return s
}

// pickerHotspotMsg: the hotspot read again after a refused save.
type pickerHotspotMsg struct {
	picker *areaPicker
	h      model.Hotspot
	err    error
}

func (msg pickerHotspotMsg) take(*App) tea.Cmd {
	if msg.err == nil {
		msg.picker.h = msg.h
	}
	return nil
}
