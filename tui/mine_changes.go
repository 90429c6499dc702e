package tui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// What reaches My actions of the changes saved anywhere: its agency's
// actions (every agency's, when it shows them all), the agencies' names,
// and the next meeting's date (the "by the next meeting" window). A change
// to an action already on the list patches that one action in; only a new
// one, or one the list did not read, loads the list again.

// affected: a change to another agency's action, a hotspot (the list
// shows only refs and titles, which do not change), a decision or note,
// a member or the partnership's details passes My actions by; so does
// this session's own save, patched in when it was answered.
func (minePart) affected(a *App, c store.Change) bool {
	m := a.mine
	if m == nil {
		return false
	}
	switch c.Entity {
	case "action":
		if !m.all && c.Agency != a.actor.AgencyID {
			return false
		}
		return !m.hasAlready(a, c)
	case "meeting":
		// Undo can take back any action's change; starting, closing and
		// planning move the next meeting. Not the agenda or the minutes.
		return !meetingOnly[c.Op] && c.Op != model.OpMeetingAgendaAdd && c.Op != model.OpMeetingAgendaDrop && c.Op != model.OpMinutesAmend
	case "hotspot", "decision", "note", "member", "partnership", "case_review":
		return false
	}
	return true
}

// mineHasAlready: the list holds the action as the change left it (this
// session's save, patched in when answered), or the change is this
// person's and a save of theirs to that action is still in flight: its
// answer patches the action in, or, refused as stale, reloads the list.
func (m *myActions) hasAlready(a *App, c store.Change) bool {
	id, err := model.ParseRef(model.ActionPrefix, c.Ref)
	if err != nil {
		return false
	}
	if c.By == a.actor.String() && a.pending[id] > 0 {
		return true
	}
	d := m.data
	if d == nil {
		return false
	}
	i := d.index(id)
	return i >= 0 && d.actions[i].Version >= c.Version
}

// patch reads just the changed action when it is on the list already.
func (minePart) patch(a *App, c store.Change) (tea.Cmd, bool) {
	d := a.mine.data
	if c.Entity != "action" || d == nil {
		return nil, false
	}
	id, err := model.ParseRef(model.ActionPrefix, c.Ref)
	if err != nil || d.index(id) < 0 {
		return nil, false
	}
	return a.readAction(id), true
}

// index is where the action is in the list read, or -1.
func (d *myData) index(id model.ID) int {
	return slices.IndexFunc(d.actions, func(x model.Action) bool { return x.ID == id })
}

// patch puts a newer copy of an action on the list in its place (overdue
// first, then by due date: a new date or a status can move it), with what
// `/` finds in it. False when the action is not on the list, or the list
// holds a newer copy already.
func (d *myData) patch(act model.Action) bool {
	i := d.index(act.ID)
	if i < 0 || d.actions[i].Version > act.Version {
		return false
	}
	d.actions = slices.Delete(d.actions, i, i+1)
	order := model.ReviewOrder(d.today)
	j, _ := slices.BinarySearchFunc(d.actions, act, order)
	d.actions = slices.Insert(d.actions, j, act)
	d.find.replace(i, j, d.text(act))
	return true
}
