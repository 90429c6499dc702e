package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// hotspotPage is the page for one hotspot, opened from home with enter:
// its facts, its open actions and its whole history; R assesses its risk
// (the chair and admins).
type hotspotPage struct {
	id   model.ID
	view *hotspotView
	ctx  rowCtx
	off  int
	err  string
}

// hotspotMsg: the hotspot was read.
type hotspotMsg struct {
	gen  int
	view *hotspotView
	ctx  rowCtx
	err  error
}

func (a *App) openHotspot(id model.ID) tea.Cmd {
	a.hp = &hotspotPage{id: id}
	a.screen = screenHotspot
	return a.hp.load(a)
}

func (p *hotspotPage) load(a *App) tea.Cmd {
	return a.coalesce(func() tea.Cmd { return p.read(a) })
}

func (p *hotspotPage) read(a *App) tea.Cmd {
	a.gen++
	gen, st, id := a.gen, a.st, p.id
	return func() tea.Msg {
		h, rec, err := st.HotspotRecord(id)
		if err != nil {
			return hotspotMsg{gen: gen, err: err}
		}
		idx := rec.Index()
		hv := &hotspotView{h: h, lead: idx.Agencies.Label(h.LeadAgencyID), actions: rec.ItemActions(h.ID),
			history: rec.HotspotHistory(h.ID, 60), historyLoaded: true, powers: rec.Powers, trend: rec.Trends[h.ID]}
		model.SortPowers(hv.powers)
		return hotspotMsg{gen: gen, view: hv, ctx: recordRowCtx(&rec, idx)}
	}
}

func (msg hotspotMsg) take(a *App) tea.Cmd {
	p := a.hp
	if p == nil || msg.gen != a.gen {
		return nil
	}
	if msg.err != nil {
		p.err = msg.err.Error()
		return nil
	}
	p.view, p.ctx, p.err = msg.view, msg.ctx, ""
	return nil
}

func (p *hotspotPage) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	g := a.keys.Global
	switch {
	case key.Matches(msg, g.Back):
		a.screen, a.hp = screenHome, nil
		return a.loadHome()
	case key.Matches(msg, g.Down):
		p.off++
	case key.Matches(msg, g.Up):
		p.off = max(p.off-1, 0)
	case key.Matches(msg, g.PageDown):
		p.off += 10
	case key.Matches(msg, g.PageUp):
		p.off = max(p.off-10, 0)
	case key.Matches(msg, a.keys.Hotspot.Risk):
		if p.view == nil || p.view.h.Exempt || !p.view.h.IsOpen() {
			return nil
		}
		if err := model.Allow(a.actor, model.OpHotspotAssess, 0); err != nil {
			a.flash, a.flashErr = err.Error(), true
			return nil
		}
		// Assessed while a meeting is under way, it is that meeting's
		// business (as on the command line): minuted under the hotspot.
		var meetingID model.ID
		if a.home != nil && a.home.Open != nil {
			meetingID = a.home.Open.ID
		}
		assessForm(a, p.view.h, formContext{today: a.st.Today()}, meetingID)
	case key.Matches(msg, a.keys.Hotspot.Areas) && p.view != nil:
		return openAreaPicker(a, p.view.h, p.meetingID(a))
	case key.Matches(msg, a.keys.Hotspot.Counts) && p.view != nil:
		countsForm(a, p.view.h, formContext{today: a.st.Today()}, p.meetingID(a))
	}
	return nil
}

// meetingID is the meeting under way, if any: a change made on the page
// while one is, is its business (as on the command line), minuted under
// the hotspot.
func (p *hotspotPage) meetingID(a *App) model.ID {
	if a.home != nil && a.home.Open != nil {
		return a.home.Open.ID
	}
	return 0
}

func (p *hotspotPage) draw(a *App, w, h int) string {
	s := a.styles
	switch {
	case p.err != "":
		return box(s.BorderStyle, "Hotspot", errorLines(s, p.err, w), w, h)
	case p.view == nil:
		return box(s.BorderStyle, "Hotspot", []string{" " + s.Muted.Render("loading…")}, w, h)
	}
	pane := hotspotPane(a, p.view, p.ctx, w-2, -1, "they are assigned in the meeting", p.ctx.today)
	rows := h - 2
	p.off = pane.scroll(p.off, rows)
	hv := p.view
	title := fmt.Sprintf("%s %s · %s", hv.h.Ref(), hv.h.Title, hv.h.Ward)
	return box(s.BorderStyle, title, pane.window(p.off, rows), w, h)
}

// hotspotPart is one hotspot's page: its facts, actions and whole history.
type hotspotPart struct{}

func (hotspotPart) keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd { return a.hp.key(a, msg) }
func (hotspotPart) view(a *App, w, h int) string                 { return a.hp.draw(a, w, h) }
func (hotspotPart) load(a *App) tea.Cmd {
	if a.hp == nil {
		return nil
	}
	return a.hp.load(a)
}

// affected: the page is one hotspot, its actions and its history (its
// decisions, notes, reviews at meetings), under the lead agency's name.
// The notice says which hotspot an action, decision or note belongs to, so
// another hotspot's business, members and the partnership's details pass
// it by.
func (hotspotPart) affected(a *App, c store.Change) bool {
	if a.hp == nil {
		return false
	}
	switch c.Entity {
	case "hotspot", "action", "decision", "note", "power":
		return c.Hotspot == a.hp.id
	case "member", "partnership":
		return false
	case "meeting":
		return !meetingOnly[c.Op]
	}
	return true
}
func (hotspotPart) help(*App) []string { return []string{"Hotspot page (enter on home)"} }

func (hotspotPart) hints(a *App) string {
	g := a.keys.Global
	if model.Allow(a.actor, model.OpHotspotAssess, 0) == nil {
		x := a.keys.Hotspot
		return a.hintsOf(keyHint("assess risk", x.Risk), keyHint("trend areas", x.Areas), keyHint("counts", x.Counts),
			keyHint("scroll", g.Down, g.Up), keyHint("back", g.Back), keyHint("help", g.Help))
	}
	return a.hintsOf(keyHint("scroll", g.Down, g.Up), keyHint("back", g.Back), keyHint("help", g.Help))
}
