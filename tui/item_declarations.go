package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// declarationsItem asks those present to declare any interest in the
// business: the cursor moves over the members present, then the guests,
// and d records a declaration by the one selected.
type declarationsItem struct{ plainItem }

// declarant is row i of the item: a member present, or a guest (the rows
// after the members).
type declarant struct {
	member *model.Member
	guest  *model.Guest
}

func (declarationsItem) declarant(v *meetingView, i int) (declarant, bool) {
	guests := v.rec.Meeting.Guests
	switch {
	case i < 0:
	case i < len(v.present):
		return declarant{member: &v.present[i]}, true
	case i < len(v.present)+len(guests):
		return declarant{guest: &guests[i-len(v.present)]}, true
	}
	return declarant{}, false
}

// name is who the declarant is, in the form's title and the messages: a
// guest with their organisation.
func (d declarant) name() string {
	if d.guest != nil {
		return model.Declaration{Guest: true, Name: d.guest.Name, Organisation: d.guest.Agency}.Declarant()
	}
	return d.member.Name
}

// recorded is the name their declarations are recorded under.
func (d declarant) recorded() string {
	if d.guest != nil {
		return d.guest.Name
	}
	return d.member.Name
}

func (declarationsItem) about() itemAbout { return itemAbout{help: "Declarations", records: true} }

func (declarationsItem) selection(v *meetingView, _ agendaEntry) (int, []model.Action) {
	return len(v.present) + len(v.rec.Meeting.Guests), nil
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
			head = append(head, s.para(d.Declarant()+" (on "+on+"): "+d.Text, w, nil)...)
		}
	case m.NoDeclarations:
		head = append(head, "", " "+s.Green.Render("✓ No declarations of interest were received."))
	default:
		head = append(head, "", " "+s.Muted.Render("Nothing recorded yet: d records a declaration by the selected member or guest, 0 records none."))
	}
	present := "Members present"
	if len(m.Guests) > 0 {
		present = "Members present, then guests"
	}
	head = append(head, "", s.section(present))
	rows, _ := declarationsItem{}.selection(v, agendaEntry{})
	return itemPane{head: head, rows: rows, sel: mt.sel, row: func(i int, selected bool) string {
		who, _ := declarationsItem{}.declarant(v, i)
		if g := who.guest; g != nil {
			return s.rowMark(selected, " "+columns(w-3, []int{30}, g.Name, s.Muted.Render("guest · "+g.Agency)))
		}
		return s.rowMark(selected, " "+columns(w-3, []int{30}, who.member.Name, s.Muted.Render(v.idx.Agencies.Label(who.member.AgencyID))))
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

func (it declarationsItem) declarationForm(a *App) {
	mt := a.mt
	who, ok := it.declarant(mt.view, mt.sel)
	if !ok {
		return
	}
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
	f := newForm("Declaration of interest · "+who.name(), mt.itemFormCtx(a), func(f *form) tea.Cmd {
		text, ok := f.textOf("text", "declaration", true)
		if !ok {
			return nil
		}
		on := items[f.field("item").choice]
		// Saved against their declarations as the form showed them.
		shown := f.part()
		return a.save(f.id, "declaration recorded", func() (any, error) {
			if g := who.guest; g != nil {
				return st.AddGuestDeclaration(actor, meetingID, g.Name, shown, on.kind, on.hotspotID, text)
			}
			return st.AddDeclaration(actor, meetingID, who.member.ID, shown, on.kind, on.hotspotID, text)
		})
	})
	f.choose("item", "On item (←/→)", choices, 0).
		text("text", "Interest declared", "", "the nature of the interest")
	m := mt.view.rec.Meeting
	f.guardPart(m, m.DeclarationsPart(who.recorded()))
	a.push(f)
}

// withdraw takes the selected member's or guest's latest declaration off
// the record (one keyed by mistake; z puts it back).
func (it declarationsItem) withdraw(a *App) tea.Cmd {
	mt := a.mt
	v := mt.view
	who, ok := it.declarant(v, mt.sel)
	if !ok {
		return nil
	}
	name := who.name()
	i, err := v.rec.Meeting.FindDeclaration(who.recorded())
	if err != nil {
		a.flash, a.flashErr = err.Error(), true
		return nil
	}
	actor, st, id := a.actor, a.st, mt.id
	return a.save(0, "declaration by "+name+" withdrawn (z puts it back)", func() (any, error) { return st.WithdrawDeclaration(actor, id, i) })
}
