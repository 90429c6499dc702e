package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// declarationsItem asks those present to declare any interest in the
// business: the cursor moves over the members present, and d records a
// declaration by the one selected.
type declarationsItem struct{ plainItem }

func (declarationsItem) about() itemAbout { return itemAbout{help: "Declarations", records: true} }

func (declarationsItem) selection(v *meetingView, _ agendaEntry) (int, []model.Action) {
	return len(v.present), nil
}

func (declarationsItem) hints(a *App, _ agendaEntry) []hint {
	d, m := a.keys.Declaration, a.keys.Meeting
	return []hint{keyHint("declare", d.Declare), keyHint("none", d.None), keyHint("withdraw", d.Withdraw), keyHint("next", m.Next), keyHint("help", a.keys.Global.Help)}
}

func (declarationsItem) pane(a *App, _ agendaEntry, w int) itemPane {
	mt, s := a.mt, a.styles
	v := mt.view
	m := v.rec.Meeting
	head := []string{" Ask members to declare any interest in the items on the agenda."}
	switch {
	case len(m.Declarations) > 0:
		head = append(head, "", s.section("Declared"))
		for _, d := range m.Declarations {
			on := "the business generally"
			if d.Item != "" {
				on = model.ItemTitle(model.AgendaItem{Kind: d.Item, HotspotID: d.HotspotID}, v.idx.Hotspots)
			}
			head = append(head, s.para(d.Name+" (on "+on+"): "+d.Text, w, nil)...)
		}
	case m.NoDeclarations:
		head = append(head, "", " "+s.Green.Render("✓ No declarations of interest were received."))
	default:
		head = append(head, "", " "+s.Muted.Render("Nothing recorded yet: d records a declaration by the selected member, 0 records none."))
	}
	head = append(head, "", s.section("Members present"))
	return itemPane{head: head, rows: len(v.present), sel: mt.sel, row: func(i int, selected bool) string {
		mem := v.present[i]
		return s.rowMark(selected, " "+columns(w-3, []int{30}, mem.Name, s.Muted.Render(v.idx.Agencies.Label(mem.AgencyID))))
	}}
}

func (it declarationsItem) edit(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	d := a.keys.Declaration
	switch {
	case key.Matches(msg, d.Declare):
		it.declarationForm(a)
		return nil, true
	case key.Matches(msg, d.None):
		actor, st, id := a.actor, a.st, a.mt.id
		return a.save(0, "recorded: no declarations of interest", func() (any, error) { return st.SetNoDeclarations(actor, id) }), true
	case key.Matches(msg, d.Withdraw):
		return it.withdraw(a), true
	}
	return nil, false
}

func (declarationsItem) declarationForm(a *App) {
	mt := a.mt
	if mt.sel >= len(mt.view.present) {
		return
	}
	mem := mt.view.present[mt.sel]
	actor, st, meetingID := a.actor, a.st, mt.id
	// Which item: the meeting's business generally, or one agenda item (so
	// the item can say so, and one taken in private keeps its details out
	// of the public minutes).
	choices := []string{"the meeting's business generally"}
	items := []agendaEntry{{}}
	for i, e := range mt.view.items {
		if !kindOf(e).about().declarable {
			continue
		}
		choices = append(choices, fmt.Sprintf("%d %s", i+1, e.title))
		items = append(items, e)
	}
	f := newForm("Declaration of interest · "+mem.Name, mt.itemFormCtx(a), func(f *form) tea.Cmd {
		text, ok := f.textOf("text", "declaration", true)
		if !ok {
			return nil
		}
		on := items[f.field("item").choice]
		return a.save(f.id, "declaration recorded", func() (any, error) {
			return st.AddDeclaration(actor, meetingID, mem.ID, on.kind, on.hotspotID, text)
		})
	})
	f.choose("item", "On item (←/→)", choices, 0).
		text("text", "Interest declared", "", "the nature of the interest")
	a.push(f)
}

// withdraw takes the selected member's latest declaration off the record
// (one keyed by mistake; z puts it back).
func (declarationsItem) withdraw(a *App) tea.Cmd {
	mt := a.mt
	v := mt.view
	if mt.sel < 0 || mt.sel >= len(v.present) {
		return nil
	}
	mem := v.present[mt.sel]
	i, err := v.rec.Meeting.FindDeclaration(mem.Name)
	if err != nil {
		a.flash, a.flashErr = err.Error(), true
		return nil
	}
	actor, st, id := a.actor, a.st, mt.id
	return a.save(0, "declaration by "+mem.Name+" withdrawn (z puts it back)", func() (any, error) { return st.WithdrawDeclaration(actor, id, i) })
}
