package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// minutesItem is "Minutes of the previous meeting": what that meeting
// resolved and assigned, so the room can check the record, and y to
// approve it.
type minutesItem struct{ plainItem }

func (minutesItem) about() itemAbout {
	return itemAbout{help: "Previous minutes", records: true, declarable: true}
}

func (minutesItem) hints(a *App, _ agendaEntry) []hint {
	mi := a.keys.MinutesItem
	return []hint{keyHint("approve", mi.Approve), keyHint("read them", mi.ViewPrevious), keyHint("next", a.keys.Meeting.Next), keyHint("help", a.keys.Global.Help)}
}

// keys: v reads the previous minutes, in a closed meeting too.
func (minutesItem) keys(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !key.Matches(msg, a.keys.MinutesItem.ViewPrevious) {
		return nil, false
	}
	if p := a.mt.view.rec.Previous; p != nil {
		return a.openPreview(p.Ref()), true
	}
	a.flash, a.flashErr = "there is no previous meeting", true
	return nil, true
}

func (minutesItem) edit(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !key.Matches(msg, a.keys.MinutesItem.Approve) {
		return nil, false
	}
	actor, st, id := a.actor, a.st, a.mt.id
	return a.save(0, "previous minutes approved as a correct record", func() (any, error) { return st.ApprovePreviousMinutes(actor, id) }), true
}

func (minutesItem) pane(a *App, _ agendaEntry, w int) itemPane {
	v, s := a.mt.view, a.styles
	ctx := a.mt.rowCtx()
	if v.previous == "" {
		lines := []string{" This is the partnership's first meeting in tasking: there are no previous minutes to approve."}
		return itemPane{head: append(lines, recorded(s, ctx, v.standing[model.ItemMinutes], w)...), sel: -1}
	}
	lines := []string{" Minutes of the meeting held on " + s.Bold.Render(v.previous), "  " + s.Muted.Render(v.prevSummary), ""}
	if v.approval != nil {
		lines = append(lines, " "+s.Green.Render("✓ Approved"))
		lines = append(lines, s.para(v.approval.Resolved(), w, s.Resolved.Render)...)
	} else {
		lines = append(lines, " Not yet approved. "+s.Key.Render("y")+" approves them as a correct record; "+s.Key.Render("v")+" reads them first.")
	}
	// What that meeting resolved and assigned, so the room can check the
	// record before approving it.
	if len(v.prevDecisions) > 0 {
		lines = append(lines, "", s.section("Resolved at that meeting"))
		for _, d := range v.prevDecisions {
			lines = append(lines, s.para(d.Resolved()+"  ("+d.Ref()+")", w, s.Resolved.Render)...)
		}
	}
	if len(v.prevActions) > 0 {
		lines = append(lines, "", s.section("Actions agreed at that meeting (status now)"))
		table := layoutActions(w, ctx.wantsOf(v.prevActions), false)
		for _, act := range v.prevActions {
			lines = append(lines, " "+a.actionRowIn(ctx, act, table, ""))
		}
	}
	rec := *v.standing[model.ItemMinutes]
	var others []model.Decision
	for _, d := range rec.decisions {
		if v.approval == nil || d.ID != v.approval.ID {
			others = append(others, d)
		}
	}
	rec.decisions = others
	return itemPane{head: append(lines, recorded(s, ctx, &rec, w)...), sel: -1}
}
