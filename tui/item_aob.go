package tui

import "github.com/ccsp/tasking/model"

// aobItem is any other business: notes, resolutions, and actions not tied
// to a hotspot (general actions), which the cursor moves over.
type aobItem struct{ plainItem }

// about: its keys are the ones every item shares (a, r, n).
func (aobItem) about() itemAbout {
	return itemAbout{help: "In a meeting", records: true, assigns: true, private: true, declarable: true}
}

func (aobItem) selection(v *meetingView, _ agendaEntry) (int, []model.Action) {
	return len(v.general), v.general
}

func (aobItem) hints(a *App, _ agendaEntry) []hint {
	m := a.keys.Meeting
	return []hint{keyHint("note", m.Note), keyHint("resolve", m.Resolve), keyHint("action", m.Assign), keyHint("next", m.Next), keyHint("help", a.keys.Global.Help)}
}

func (aobItem) pane(a *App, _ agendaEntry, w int) itemPane {
	mt, s := a.mt, a.styles
	v := mt.view
	ctx := mt.rowCtx()
	head := []string{" Any other business: " + s.Key.Render("n") + " note · " + s.Key.Render("r") + " resolution · " + s.Key.Render("a") + " an action not tied to a hotspot."}
	rec := v.standing[model.ItemAOB]
	if len(v.general) > 0 {
		head = append(head, "", s.section("Actions"))
	} else if rec == nil || len(rec.notes)+len(rec.decisions) == 0 {
		head = append(head, "", " "+s.Muted.Render("Nothing raised yet."))
	}
	general := v.general
	table := layoutActions(w, ctx.wantsOf(general), false)
	return itemPane{head: head, rows: len(general), sel: mt.sel, tail: recorded(s, ctx, rec, w), row: func(i int, selected bool) string {
		return s.rowMark(selected, a.actionRowIn(ctx, general[i], table, ""))
	}, under: func(i int) []string { return actionDetail(s, ctx, general[i], w) }}
}
