package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// mattersItem is matters arising: every action from earlier meetings still
// open, and those finished since to confirm. The chair reads round the
// table: one key per action says where it stands and moves on.
type mattersItem struct{}

// mattersState is what matters arising remembers while the meeting is on
// screen.
type mattersState struct {
	filter filter // `/`
	// accountability shows the agency table instead of the actions (t).
	accountability bool
	// order is the list in the order the chair has been reading it: a
	// status change re-sorts the list only when the chair moves on to
	// another item, so nothing jumps under the cursor.
	order []model.ID
}

func (mattersItem) about() itemAbout {
	return itemAbout{help: "Matters arising", records: true, declarable: true, memberStatus: true}
}

func (mattersItem) selection(v *meetingView, _ agendaEntry) (int, []model.Action) {
	return len(v.shownMatters), v.shownMatters
}

func (mattersItem) tail(a *App, _ agendaEntry) string {
	return fmt.Sprintf("%d", len(a.mt.view.matters))
}

func (mattersItem) hints(a *App, _ agendaEntry) []hint {
	x := a.keys.Matters
	return []hint{keyHint("done", x.Done), keyHint("in prog", x.InProgress), keyHint("blocked", x.Blocked), keyHint("cancel", x.Cancelled), keyHint("carry fwd", x.Carry),
		keyHint("no change", x.NoChange), keyHint("next", a.keys.Meeting.Next)}
}

// keys: the filter (typing takes every key the meeting has not), the
// agency table and an action's history read, in a closed meeting too.
func (mattersItem) keys(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	mt := a.mt
	ms := &mt.matters
	if ms.filter.typing {
		cmd, changed := ms.filter.key(msg, a.keys.Filter)
		if changed {
			mt.view.filterMatters(ms.filter.query())
			mt.pick(0)
		}
		return cmd, true
	}
	switch {
	case key.Matches(msg, a.keys.Matters.Accountability):
		ms.accountability = !ms.accountability
		mt.off = 0
		return nil, true
	case key.Matches(msg, a.keys.Meeting.Filter):
		return ms.filter.start(), true
	case key.Matches(msg, a.keys.Global.Back) && ms.filter.active():
		ms.filter.clear()
		mt.view.filterMatters("")
		mt.pick(0)
		return nil, true
	case key.Matches(msg, a.keys.Matters.History):
		if act, ok := mt.selectedAction(); ok {
			return a.loadHistory(act), true
		}
		return nil, true
	}
	return nil, false
}

func (it mattersItem) edit(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	mt, mk := a.mt, a.keys.Matters
	act, ok := mt.selectedAction()
	if mt.matters.order == nil && mt.view != nil {
		// From the chair's first change here until they move on, the list
		// keeps the order they are reading it in.
		for _, m := range mt.view.matters {
			mt.matters.order = append(mt.matters.order, m.ID)
		}
	}
	var to model.ActionStatus
	switch {
	case key.Matches(msg, mk.Done):
		to = model.StatusDone
	case key.Matches(msg, mk.InProgress):
		to = model.StatusInProgress
	case key.Matches(msg, mk.Blocked):
		to = model.StatusBlocked
	case key.Matches(msg, mk.Cancelled):
		to = model.StatusCancelled
	case key.Matches(msg, mk.Reopen):
		to = model.StatusOpen
	case key.Matches(msg, mk.Carry):
		if ok {
			it.carryForm(a, act)
		}
		return nil, true
	case key.Matches(msg, mk.Update):
		if ok {
			it.progressForm(a, act)
		}
		return nil, true
	case key.Matches(msg, mk.Correct):
		if ok && !a.actionBusy(act) {
			a.correctionForm(act, mt.formCtx(a))
		}
		return nil, true
	case key.Matches(msg, mk.Accept):
		if !ok || a.actionBusy(act) {
			return nil, true
		}
		if !mt.view.newsSince(act) {
			a.flash, a.flashErr = act.Ref()+" has no update from its agency since the last meeting: v notes it as reviewed", true
			return nil, true
		}
		actor, st, id := a.actor, a.st, mt.id
		where := mt.moveOn(act)
		return a.saveAction(0, act.Ref()+": update accepted"+where, act.ID, func() (any, error) { return st.AcceptUpdate(actor, act.ID, act.Version, id) }), true
	case key.Matches(msg, mk.NoChange):
		if !ok || a.actionBusy(act) {
			return nil, true
		}
		actor, st, id := a.actor, a.st, mt.id
		where := mt.moveOn(act) // on to the next action, whatever the list looks like after the reload
		return a.saveAction(0, act.Ref()+" reviewed, no change"+where, act.ID, func() (any, error) { return st.MarkReviewed(actor, act.ID, id) }), true
	default:
		return nil, false
	}
	if !ok || a.actionBusy(act) {
		return nil, true
	}
	if err := model.CheckTransition(act.Status, to); err != nil {
		a.flash, a.flashErr = act.Ref()+": "+err.Error(), true
		return nil, true
	}
	actor, st, id := a.actor, a.st, mt.id
	if to == model.StatusDone || to == model.StatusCancelled {
		// Done asks for an outcome (optional), cancelled for a reason: the
		// minutes record why, not just that.
		a.statusNoteForm(act, to, id, mt.itemFormCtx(a), func() { mt.pick(mt.sel + 1) })
		return nil, true
	}
	where := mt.moveOn(act) // on to the next action
	return a.saveAction(0, act.Ref()+" → "+to.Label()+where, act.ID, func() (any, error) {
		return st.SetActionStatus(actor, act.ID, act.Version, to, "", id)
	}), true
}

func (mattersItem) carryForm(a *App, act model.Action) {
	a.dueForm(act, dueFormSpec{title: "Carry forward", defaultWhen: "next-meeting", said: "carried forward to",
		reasonHint: "why it is late: recorded in the minutes", ctx: a.mt.itemFormCtx(a), meetingID: a.mt.id})
}

func (mattersItem) progressForm(a *App, act model.Action) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Progress note · "+act.Ref()+" "+act.Text, a.mt.itemFormCtx(a), func(f *form) tea.Cmd {
		text, ok := f.textOf("text", "progress note", true)
		if !ok {
			return nil
		}
		version := a.expect(f) // against the action as the form showed it
		return a.saveAction(f.id, "progress note added to "+act.Ref(), act.ID, func() (any, error) {
			return st.AddActionNote(actor, act.ID, version, text, meetingID)
		})
	})
	f.longText("text", "Progress", "", "what the rep reported")
	f.guard(act.Ref(), act, act.Version)
	a.push(f)
}

func (mattersItem) pane(a *App, _ agendaEntry, w int) itemPane {
	mt, s := a.mt, a.styles
	v := mt.view
	head := []string{fmt.Sprintf(" %d actions from earlier meetings · %d overdue · %d reviewed today", len(v.matters), v.overdue, v.reviewedMatters)}
	if len(v.matters) == 0 {
		return itemPane{head: append(head, "", " "+s.Muted.Render("There are no matters arising: no open actions from earlier meetings.")), sel: -1}
	}
	if f := &mt.matters.filter; f.active() {
		head = append(head, f.view(s)+s.Muted.Render(fmt.Sprintf("  %d shown", len(v.shownMatters))))
	} else {
		head = append(head, " "+s.Muted.Render("/ filters by agency, officer or text"))
	}
	if mt.matters.accountability {
		loads := v.workload
		names := make([]string, len(loads))
		for i, l := range loads {
			names[i] = l.Agency.Name
		}
		nameW := accountabilityNameWidth(w-2, names)
		head = append(head, "", s.section("Agency accountability since the last meeting"), " "+s.Muted.Render(accountabilityHeader(w-2, nameW)))
		return itemPane{head: head, rows: len(loads), sel: -1, tail: []string{"", " " + s.Muted.Render("t shows the actions again")},
			row: func(i int, _ bool) string { return " " + accountabilityRow(s, loads[i], w-2, nameW) }}
	}
	shown := v.shownMatters
	ctx := mt.rowCtx()
	// On a wide screen (the agenda beside the item) each row also shows
	// the latest update from the agency, so the chair can read round the
	// table and accept with y: in a column of its own where the row has
	// room for it, else on a line under the row. The action's own words
	// keep their room first; a column of review marks comes out of the
	// words' share, never the update's (the update is what the chair reads
	// out). The selected row has it in full under it instead.
	inRow := w >= 150
	below := !inRow && a.w >= wideWidth
	updW := 0
	if inRow {
		updW = min(w/3, w-110)
	}
	// Every row is laid out alike, reviewed, finished or neither, so the
	// columns line up down the list.
	markAt := marksFor(w - updW)
	if layout := (rowLayout{w: w, updates: below, dark: s.isDark}); v.mattersRows == nil || v.mattersRowsFor != layout {
		v.mattersRows, v.mattersRowsFor = map[model.ID]string{}, layout
	}
	update := func(act model.Action) string {
		return act.LastUpdateAt.Local().Format("02 Jan") + " " + shortName(act.LastUpdateBy) + ": " + lastWords(act)
	}
	var rowLines func(i int) int
	if below {
		// Asked of every row, several times a frame: worked out once.
		lines := make([]int8, len(shown))
		for i, act := range shown {
			lines[i] = 1
			if i != mt.sel && v.newsSince(act) {
				lines[i] = 2
			}
		}
		rowLines = func(i int) int { return int(lines[i]) }
	}
	return itemPane{head: head, rows: len(shown), sel: mt.sel, rowLines: rowLines,
		row: func(i int, selected bool) string {
			act := shown[i]
			row, ok := v.mattersRows[act.ID]
			if !ok {
				mark := ""
				if u, ok := v.reviewed[act.ID]; ok {
					mark = s.Green.Render("✓ " + reviewedLabel(u))
				} else if v.finishedSince(act) {
					mark = s.Amber.Render(act.Status.Label() + ": confirm")
				}
				row = a.actionRowIn(ctx, act, w-updW, mark, markAt)
				switch {
				case inRow && v.newsSince(act):
					row += " " + s.Muted.Render(clip(update(act), updW-2))
				case below && v.newsSince(act):
					style := s.Muted.Render
					if act.LastUpdatePrivacy.Private {
						style = s.Confidential.Render
					}
					row += "\n" + s.rowMark(false, "          "+style(clip(update(act), w-13)))
				}
				v.mattersRows[act.ID] = row
			}
			if selected {
				row, _, _ = strings.Cut(row, "\n") // its update is in full under it
			}
			first, rest, two := strings.Cut(row, "\n")
			if two {
				return s.rowMark(selected, first) + "\n" + rest
			}
			return s.rowMark(selected, row)
		},
		// Under the selected action: its words in full, why it is red or
		// amber, and the rep's latest update, so the chair can read it out
		// and accept it.
		under: func(i int) []string {
			act := shown[i]
			out := actionDetail(s, ctx, act, w)
			if v.finishedSince(act) {
				what := "completed since the last meeting"
				if act.Status == model.StatusCancelled {
					what = "cancelled since the last meeting"
				}
				if act.CompletionNote != "" {
					what += ": " + act.CompletionNote
				}
				for _, l := range wrap(what+"  (v confirms it in the minutes)", w-12) {
					out = append(out, "          "+s.Amber.Render(l))
				}
			}
			if !v.newsSince(act) {
				return out
			}
			when := ""
			if !act.LastUpdateAt.IsZero() {
				when = act.LastUpdateAt.Local().Format("2 Jan") + ", " + act.LastUpdateBy + ": "
			}
			style := s.Muted.Render
			if act.LastUpdatePrivacy.Private {
				style = s.Confidential.Render
			}
			if act.LastUpdate != "" {
				for _, l := range wrap("latest update — "+when+lastWords(act)+"  (y accepts it)", w-12) {
					out = append(out, "          "+style(l))
				}
			}
			if act.LastChange != "" {
				// A date moved, or a status changed, beside the words: never
				// in their place.
				change := act.LastChangeAt.Local().Format("2 Jan") + ", " + act.LastChangeBy + ": " + act.LastChange
				if act.LastChangePrivacy.Private {
					change = act.LastChangePrivacy.Mark() + " " + change
				}
				for _, l := range wrap("latest change — "+change, w-12) {
					out = append(out, "          "+s.Muted.Render(l))
				}
			}
			return out
		},
		tail: recorded(s, ctx, v.standing[model.ItemMatters], w),
	}
}

// reviewedLabel is the mark a reviewed action carries: what the meeting
// did with it.
func reviewedLabel(u model.ActionUpdate) string {
	switch u.Kind {
	case model.UpdateStatus:
		return u.ToStatus.Label()
	case model.UpdateDue:
		return "carried fwd"
	case model.UpdateNote:
		return "updated"
	case model.UpdateAccept:
		return "accepted"
	}
	return "no change"
}
