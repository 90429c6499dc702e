package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// hotspotItem is one hotspot on the walk: its facts, its actions, what the
// meeting records under it and its recent history (read when shown,
// meeting_history.go).
type hotspotItem struct{ plainItem }

func (hotspotItem) about() itemAbout {
	return itemAbout{help: "Hotspot item", records: true, assigns: true, private: true, declarable: true, memberStatus: true}
}

func (hotspotItem) selection(v *meetingView, e agendaEntry) (int, []model.Action) {
	if hv := v.hotspots[e.hotspotID]; hv != nil {
		return len(hv.actions), hv.actions
	}
	return 0, nil
}

// tail: ⚑ when a power's clock there runs out soon, P2 when it is taken
// in private, and the risk.
func (hotspotItem) tail(a *App, e agendaEntry) string {
	s := a.styles
	p2 := ""
	if e.part2 {
		p2 = s.Confidential.Render("P2 ")
	}
	if hv := a.mt.view.hotspots[e.hotspotID]; hv != nil && !hv.dealtWith && powerFlagged(hv, a.now()) {
		p2 = s.Warning.Render("⚑ ") + p2 // a power's clock runs out soon
	}
	return p2 + s.Risk(e.risk)
}

func (hotspotItem) hints(a *App, _ agendaEntry) []hint {
	m, x := a.keys.Meeting, a.keys.Hotspot
	return []hint{keyHint("action", m.Assign), keyHint("resolve", m.Resolve), keyHint("note", m.Note), keyHint("status", m.Status),
		keyHint("risk/status/close", x.Risk, x.HotspotStatus, x.CloseHotspot), keyHint("next", m.Next)}
}

func (hotspotItem) pane(a *App, e agendaEntry, w int) itemPane {
	hv := a.mt.view.hotspots[e.hotspotID]
	if hv == nil {
		return itemPane{head: []string{" This hotspot is no longer in the record."}, sel: -1}
	}
	p := hotspotPane(a, hv, a.mt.rowCtx(), w, a.mt.sel, "a assigns one.", a.mt.view.today)
	// Its ref and title say which item it is; the ward where it is (not
	// for an item a public-only reader sees only as its heading).
	p.title = e.title
	if !hv.h.Exempt {
		p.title += " · " + hv.h.Ward
	}
	return p
}

func (it hotspotItem) edit(a *App, e agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	x := a.keys.Hotspot
	switch {
	case key.Matches(msg, x.Risk):
		assessForm(a, a.mt.view.hotspots[e.hotspotID].h, a.mt.itemFormCtx(a), a.mt.id)
	case key.Matches(msg, x.HotspotStatus):
		it.statusForm(a, e.hotspotID)
	case key.Matches(msg, x.CloseHotspot):
		it.closeForm(a, e.hotspotID)
	case key.Matches(msg, x.Power):
		powerForm(a, a.mt.view.hotspots[e.hotspotID].h, a.mt.itemFormCtx(a), a.mt.id)
	case key.Matches(msg, x.Areas):
		return openAreaPicker(a, a.mt.view.hotspots[e.hotspotID].h, a.mt.id), true
	case key.Matches(msg, x.Counts):
		countsForm(a, a.mt.view.hotspots[e.hotspotID].h, a.mt.itemFormCtx(a), a.mt.id)
	case key.Matches(msg, x.NoChange):
		actor, st, meetingID, hid := a.actor, a.st, a.mt.id, e.hotspotID
		n := model.NewNote{Item: model.ItemHotspot, HotspotID: hid, Text: model.NoChangeNote}
		return a.save(0, model.HotspotRef(hid)+": discussed, no change (minuted)", func() (any, error) {
			return st.RecordNote(actor, meetingID, n)
		}), true
	default:
		return nil, false
	}
	return nil, true
}

var hotspotStatusChoices = []string{"new", "active", "monitoring"}

func (hotspotItem) statusForm(a *App, id model.ID) {
	h := a.mt.view.hotspots[id].h
	actor, st, meetingID := a.actor, a.st, a.mt.id
	cur := 1
	for i, c := range hotspotStatusChoices {
		if c == string(h.Status) {
			cur = i
		}
	}
	f := newForm("Status · "+h.Ref()+" "+h.Title, a.mt.itemFormCtx(a), func(f *form) tea.Cmd {
		to := model.HotspotStatus(f.value("status"))
		if to == h.Status {
			f.fail("status", h.Ref()+" is already "+string(to))
			return nil
		}
		version := a.expect(f)
		return a.save(f.id, h.Ref()+" now "+string(to), func() (any, error) {
			return st.SetHotspotStatus(actor, h.ID, version, to, meetingID)
		})
	})
	f.choose("status", "Hotspot status (C closes it)", hotspotStatusChoices, cur)
	f.guard(h.Ref(), h, h.Version)
	a.push(f)
}

// openActionChoices are what closing a hotspot can do with its open
// actions; esc is the third way: go back.
var openActionChoices = []string{"close them with it", "move them to general business"}

func (hotspotItem) closeForm(a *App, id model.ID) {
	hv := a.mt.view.hotspots[id]
	h := hv.h
	var open []string
	for _, act := range hv.actions {
		if !act.Status.IsClosed() {
			open = append(open, act.Ref())
		}
	}
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Close hotspot · "+h.Ref()+" "+h.Title, a.mt.itemFormCtx(a), func(f *form) tea.Cmd {
		reason, ok := f.textOf("reason", "reason for closing", true)
		if !ok {
			return nil
		}
		then, said := model.OpenActionsRefuse, h.Ref()+" closed"
		if len(open) > 0 {
			then, said = model.OpenActionsClose, h.Ref()+" closed with its open actions"
			if f.field("actions").choice == 1 {
				then, said = model.OpenActionsGeneral, h.Ref()+" closed; its open actions continue as general business"
			}
		}
		version := a.expect(f)
		return a.save(f.id, said, func() (any, error) {
			return st.CloseHotspot(actor, h.ID, version, reason, meetingID, then)
		})
	})
	f.guard(h.Ref(), h, h.Version)
	f.text("reason", "Reason for closing", "", "what the group agreed, e.g. no reports for six weeks")
	if len(open) > 0 {
		// Closing with work still open asks what becomes of it (esc goes back).
		f.choose("actions", fmt.Sprintf("%d open actions (%s): (←/→, esc goes back)", len(open), strings.Join(open, ", ")), openActionChoices, 0)
	}
	a.push(f)
}
