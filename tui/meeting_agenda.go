package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// The agenda: beside the item on a wide screen, a breadcrumb above it on a
// narrow one, and a pane of its own (tab) where the chair reorders it,
// drops or adds a hotspot, sets time budgets and takes items in private.

func (mt *meetingState) agendaKey(a *App, msg tea.KeyPressMsg) tea.Cmd {
	ak, g := a.keys.Agenda, a.keys.Global
	n := len(mt.view.items)
	switch {
	case key.Matches(msg, g.Back):
		mt.agendaFocus = false
	case key.Matches(msg, g.Down):
		mt.agendaSel = min(mt.agendaSel+1, n-1)
	case key.Matches(msg, g.Up):
		mt.agendaSel = max(mt.agendaSel-1, 0)
	case key.Matches(msg, ak.Go):
		mt.agendaFocus = false
		return mt.goTo(a, mt.agendaSel)
	case key.Matches(msg, ak.MoveUp, ak.MoveDown):
		if !mt.editable(a) {
			return nil
		}
		delta, i := 1, mt.agendaSel
		if key.Matches(msg, ak.MoveUp) {
			delta = -1
		}
		// Checked on a copy for an instant message: the screen's agenda
		// changes when the saved meeting comes back.
		it := mt.view.rec.Meeting
		it.Agenda = slices.Clone(it.Agenda)
		if err := it.MoveItem(i, delta); err != nil {
			a.flash, a.flashErr = err.Error(), true
			return nil
		}
		mt.agendaSel = i + delta
		actor, st, id, shown := a.actor, a.st, mt.id, mt.view.rec.Meeting.ItemPart(model.PartAgendaItem, i)
		return a.save(0, "agenda reordered", func() (any, error) { return st.MoveAgendaItem(actor, id, i, delta, &shown) })
	case key.Matches(msg, ak.Drop):
		if !mt.editable(a) {
			return nil
		}
		i := mt.agendaSel
		e := mt.view.items[i]
		if e.hotspotID == 0 {
			a.flash, a.flashErr = "only hotspot items can be dropped", true
			return nil
		}
		actor, st, id, shown := a.actor, a.st, mt.id, mt.view.rec.Meeting.ItemPart(model.PartAgendaItem, i)
		a.ask(fmt.Sprintf("Drop %s from this meeting's agenda? (the hotspot itself stays open)", clip(e.title, 50)), func() tea.Cmd {
			return a.save(0, "item dropped from the agenda", func() (any, error) { return st.DropAgendaItem(actor, id, i, &shown) })
		})
	case key.Matches(msg, ak.Add):
		if mt.editable(a) {
			mt.addToAgendaForm(a)
		}
	case key.Matches(msg, ak.Budget):
		if mt.editable(a) {
			mt.budgetForm(a, mt.agendaSel)
		}
	}
	return nil
}

// agendaWidth is the agenda pane's width beside the item on a screen w
// wide: it grows with the screen (a quarter of it), from what 120 columns
// give it, up to what its longest title needs.
func (mt *meetingState) agendaWidth(w int) int {
	const least, figure = 34, 8 // "P2 HIGH", "28/28"
	need := 2 + 2 + 3 + mt.view.widestTitle + 1 + figure
	return max(least, min(w/4, need))
}

func (mt *meetingState) agendaBox(a *App, w, h int, focused bool) string {
	s, v := a.styles, mt.view
	inner := w - 2
	rows := h - 2
	sel := mt.cur
	if focused {
		sel = mt.agendaSel
	}
	mt.agendaOff = window(sel, mt.agendaOff, len(v.items), rows)
	var lines []string
	for i := mt.agendaOff; i < len(v.items) && i < mt.agendaOff+rows; i++ {
		e := v.items[i]
		mark := "  "
		switch done := v.itemDone(i); {
		case i == mt.cur:
			mark = s.Cursor.Render("▶ ")
		case done:
			mark = s.Green.Render("✓ ")
		case i < mt.cur:
			mark = s.Amber.Render("! ") // passed, but its business is not finished
		}
		tail := kindOf(e).tail(a, e)
		num := fmt.Sprintf("%2d ", i+1)
		title := clip(e.title, inner-3-3-width(tail)-1)
		line := mark + num + title
		line = fit(line, inner-width(tail)-1) + tail
		if focused && i == mt.agendaSel {
			line = s.Selected.Render(plain(line))
		}
		lines = append(lines, line)
	}
	lines = append(lines, mt.offAgendaLines(a, inner, rows-len(lines))...)
	return box(s.pane(focused), "Agenda", lines, w, h)
}

// offAgendaLines list, under the agenda where there is room (spare lines),
// the open hotspots it leaves off (model.MeetingRecord.OffAgenda): those
// the review cadence left off, with when each falls due, so the chair sees
// them and + adds one.
func (mt *meetingState) offAgendaLines(a *App, inner, spare int) []string {
	s, off := a.styles, mt.view.offAgenda
	if len(off) == 0 || spare < 3 {
		return nil
	}
	lines := []string{"", s.Muted.Render(clip(fmt.Sprintf(" Not on the agenda (%d) · + adds", len(off)), inner))}
	room := spare - len(lines)
	for i, o := range off {
		if i == room-1 && len(off) > room {
			lines = append(lines, s.Muted.Render(clip(fmt.Sprintf("    … %d more", len(off)-i), inner)))
			break
		}
		tail := o.Hotspot.Risk.Short() + " " + dueShort(o.DueIn)
		if o.Hotspot.Private() {
			tail = "P2 " + tail
		}
		if _, flagged := model.PowerFlagOf(mt.view.rec.Powers, o.Hotspot.ID, a.now()); flagged {
			tail = "⚑ " + tail // a power's clock there runs out: the chair may want it on
		}
		title := clip(o.Hotspot.Ref()+" "+o.Hotspot.Title, inner-5-width(tail)-2)
		lines = append(lines, s.Muted.Render(fit("     "+title, inner-width(tail)-1)+tail))
	}
	return lines
}

// dueShort is when a hotspot off the agenda falls due, in a few cells.
func dueShort(in int) string {
	switch in {
	case 0:
		return "due"
	case 1:
		return "next"
	}
	return fmt.Sprintf("in %d", in)
}

func (mt *meetingState) breadcrumb(a *App, w int) string {
	s, v := a.styles, mt.view
	cur := fmt.Sprintf("▶ %d %s", mt.cur+1, v.items[mt.cur].title)
	var prev, next string
	if mt.cur > 0 {
		prev = fmt.Sprintf("%d %s", mt.cur, v.items[mt.cur-1].title)
	}
	if mt.cur+1 < len(v.items) {
		next = fmt.Sprintf("%d %s", mt.cur+2, v.items[mt.cur+1].title)
	}
	side := max((w-width(cur)-8)/2, 8)
	line := " "
	if prev != "" {
		line += s.Muted.Render("[ " + clip(prev, side-2))
	}
	line += s.Muted.Render(" │ ") + s.Bold.Render(clip(cur, w-2*side)) + s.Muted.Render(" │ ")
	if next != "" {
		line += s.Muted.Render(clip(next, side-2) + " ]")
	}
	return fit(line, w-12) + " " + s.Key.Render("tab") + s.Muted.Render(" agenda")
}

// budgetForm sets item i's time budget.
func (mt *meetingState) budgetForm(a *App, i int) {
	e := mt.view.items[i]
	m := mt.view.rec.Meeting
	cur := budgetValue(m.Agenda[i].Budget)
	actor, st, id := a.actor, a.st, mt.id
	ctx := mt.formCtx(a)
	ctx.part2 = e.part2
	f := newForm(fmt.Sprintf("Time budget · %d %s", i+1, e.title), ctx, func(f *form) tea.Cmd {
		minutes, err := model.ParseBudget(f.value("budget"))
		if err != nil {
			f.failWith(err)
			return nil
		}
		what := fmt.Sprintf("item %d: %d minutes", i+1, minutes)
		if minutes == 0 {
			what = fmt.Sprintf("item %d: no budget", i+1)
		}
		// Saved against the item's budget as the form showed it.
		shown := f.part()
		return a.save(f.id, what, func() (any, error) { return st.SetItemBudget(actor, id, shown.Index, shown, minutes) })
	})
	f.text("budget", "Minutes for this item", cur, "10, 10m, 1h30; 0 clears it")
	f.fields[0].pristine = cur != ""
	f.guardPart(m, m.ItemPart(model.PartItemBudget, i)).refresh = func(f *form, now any) {
		if p, ok := now.(model.MeetingPart); ok {
			f.adopt(map[string]string{"budget": budgetValue(p.Item.Budget)})
		}
	}
	a.push(f)
}

// budgetValue is a budget as the form's field holds it ("15m"; "" none).
func budgetValue(minutes int) string {
	if minutes <= 0 {
		return ""
	}
	return fmt.Sprintf("%dm", minutes)
}

func (mt *meetingState) addToAgendaForm(a *App) {
	v := mt.view
	if len(v.offAgenda) == 0 {
		a.flash, a.flashErr = "every open hotspot is already on the agenda", true
		return
	}
	hint := "not on the agenda:"
	for i, o := range v.offAgenda {
		if i == 4 {
			hint += " …"
			break
		}
		hint += " " + o.Hotspot.Ref()
	}
	actor, st, meetingID := a.actor, a.st, mt.id
	f := newForm("Add a hotspot to the agenda", mt.formCtx(a), func(f *form) tea.Cmd {
		id, err := model.ParseRef(model.HotspotPrefix, f.value("ref"))
		if err != nil {
			f.fail("ref", err.Error())
			return nil
		}
		return a.save(f.id, model.HotspotRef(id)+" added to the agenda", func() (any, error) {
			return st.AddAgendaHotspot(actor, meetingID, id)
		})
	})
	f.text("ref", "Hotspot ref", v.offAgenda[0].Hotspot.Ref(), hint)
	a.push(f)
}

// togglePart2 moves agenda item i into Part 2 (taken in private) or back.
func (mt *meetingState) togglePart2(a *App, i int) tea.Cmd {
	if !mt.editable(a) {
		return nil
	}
	e := mt.view.items[i]
	if !kindOf(e).about().private {
		a.flash, a.flashErr = "that item is always Part 1: take a hotspot, or any other business, in private", true
		return nil
	}
	actor, st, id := a.actor, a.st, mt.id
	m := mt.view.rec.Meeting
	if e.part2 {
		// Going public cannot be taken back: first say what becomes public
		// and what stays private (model.BackToPart1), then ask.
		what := fmt.Sprintf("%s is back in Part 1 (public business)", e.title)
		// The answer is saved against the item as it was when asked: taken
		// back (or moved) by someone else meanwhile, it is refused.
		shown := m.ItemPart(model.PartItemPart2, i)
		return func() tea.Msg {
			back, err := st.BackToPart1(id, i)
			if err != nil {
				return failedMsg{err: err}
			}
			return askMsg{text: back.Question(), yes: func() tea.Cmd {
				return a.save(0, what, func() (any, error) { return st.SetItemPart2(actor, id, i, &shown, false, 0) })
			}}
		}
	}
	// Into Part 2: under which paragraph of Schedule 12A? The default
	// follows the item (personal ASB: an individual; otherwise crime).
	def := model.ParaCrime
	if hv := mt.view.hotspots[e.hotspotID]; hv != nil {
		def = hv.h.ExemptAs()
	}
	choices := make([]string, len(model.ExemptParagraphs))
	sel := 0
	for k, p := range model.ExemptParagraphs {
		choices[k] = fmt.Sprintf("%d %s", int(p), p.Short())
		if p == def {
			sel = k
		}
	}
	f := newForm("Take in private (Part 2) · "+e.title, mt.formCtx(a), func(f *form) tea.Cmd {
		para, err := model.ParseExemptParagraph(strings.Fields(f.value("para"))[0])
		if err != nil {
			f.fail("para", err.Error())
			return nil
		}
		what := fmt.Sprintf("%s moved into Part 2: taken in private at the end of the meeting", e.title)
		shown := f.part()
		return a.save(f.id, what, func() (any, error) { return st.SetItemPart2(actor, id, shown.Index, shown, true, para) })
	})
	f.choose("para", "Exempt under Schedule 12A, paragraph (←/→)", choices, sel)
	f.guardPart(m, m.ItemPart(model.PartItemPart2, i))
	a.push(f)
	return nil
}
