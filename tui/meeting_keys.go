package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// key routes a key on the meeting screen: a filter being typed first (it
// takes every key), then the meeting's own keys, then the agenda pane when it has the focus, then the item in hand (its
// reading keys, moving the cursor, its keys that change the record, and
// last the keys every item shares).
func (mt *meetingState) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	if mt == nil || mt.view == nil {
		if key.Matches(msg, a.keys.Global.Back) {
			a.screen = screenHome
			return a.loadHome()
		}
		return nil
	}
	// A filter being typed takes every key, the meeting's own too: the
	// letters of "Foxy" must not close the meeting (x) on their way in.
	if mt.typing() && !mt.agendaFocus {
		e := mt.entry()
		if cmd, taken := kindOf(e).keys(a, e, msg); taken {
			return cmd
		}
	}
	mk, g := a.keys.Meeting, a.keys.Global
	switch {
	case key.Matches(msg, mk.Next):
		return mt.goTo(a, mt.cur+1)
	case key.Matches(msg, mk.Prev):
		return mt.goTo(a, mt.cur-1)
	case key.Matches(msg, mk.Agenda):
		mt.agendaFocus = !mt.agendaFocus
		mt.agendaSel = mt.cur
		return nil
	case key.Matches(msg, mk.Minutes):
		return a.openPreview(model.MeetingRef(mt.id))
	case key.Matches(msg, mk.Follow):
		return mt.toggleFollow(a)
	case key.Matches(msg, mk.Close):
		return mt.askClose(a)
	case key.Matches(msg, mk.Part2):
		i := mt.cur
		if mt.agendaFocus {
			i = mt.agendaSel
		}
		return mt.togglePart2(a, i)
	case key.Matches(msg, mk.Undo):
		if !mt.editable(a) {
			return nil
		}
		return mt.undoChooser(a)
	case key.Matches(msg, mk.Release):
		if !mt.editable(a) {
			return nil
		}
		ref := ""
		if act, ok := mt.selectedAction(); ok && act.Private {
			ref = act.Ref()
		}
		a.releaseForm(ref, mt.formCtx(a))
		return nil
	case key.Matches(msg, mk.Amend):
		if !mt.view.closed {
			a.flash, a.flashErr = "amendments correct a closed meeting's record: while it is open, add a further note or resolution", true
			return nil
		}
		mt.amendForm(a)
		return nil
	}
	if mt.agendaFocus {
		return mt.agendaKey(a, msg)
	}
	e := mt.entry()
	kind := kindOf(e)
	if cmd, taken := kind.keys(a, e, msg); taken {
		return cmd
	}
	switch {
	case key.Matches(msg, g.Back):
		a.screen = screenHome
		a.mt = nil
		return a.loadHome()
	case key.Matches(msg, g.Down):
		mt.pick(mt.sel + 1)
		return nil
	case key.Matches(msg, g.Up):
		mt.pick(mt.sel - 1)
		return nil
	case key.Matches(msg, g.PageDown):
		if mt.rows() > 0 {
			mt.pick(mt.sel + 10)
		} else {
			mt.off += 10
		}
		return nil
	case key.Matches(msg, g.PageUp):
		if mt.rows() > 0 {
			mt.pick(mt.sel - 10)
		} else {
			mt.off = max(mt.off-10, 0)
		}
		return nil
	}
	// Keys that would change the record: anything else (a stray letter)
	// does nothing, even in a closed meeting, rather than flashing.
	if !isEditKey(msg) || !mt.editable(a) {
		return nil
	}
	if cmd, taken := kind.edit(a, e, msg); taken {
		return cmd
	}
	return mt.sharedKey(a, e, kind.about(), msg)
}

// sharedKey is a key every item offers where it allows it: assign an
// action, record a resolution or a note, change the selected action's
// status.
func (mt *meetingState) sharedKey(a *App, e agendaEntry, about itemAbout, msg tea.KeyPressMsg) tea.Cmd {
	m := a.keys.Meeting
	switch {
	case key.Matches(msg, m.Assign):
		if !about.assigns {
			a.flash, a.flashErr = "actions are assigned under a hotspot item or any other business", true
			return nil
		}
		mt.assignForm(a, e.hotspotID)
	case key.Matches(msg, m.Resolve):
		if !about.records {
			a.flash, a.flashErr = "resolutions are recorded under an agenda item (not attendance or the next date)", true
			return nil
		}
		mt.resolveForm(a, e)
	case key.Matches(msg, m.Note):
		if !about.records {
			a.flash, a.flashErr = "notes are recorded under an agenda item (not attendance or the next date)", true
			return nil
		}
		mt.noteForm(a, e)
	case key.Matches(msg, m.Status):
		act, ok := mt.selectedAction()
		if !ok {
			a.flash, a.flashErr = "select an action first (j/k): there is none here", true
			return nil
		}
		if !a.actionBusy(act) {
			mt.statusForm(a, act)
		}
	}
	return nil
}

// isEditKey: the keys that would change the record. Anything else (a stray
// letter) does nothing, even in a closed meeting, rather than flashing.
func isEditKey(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "a", "r", "n", "s", "R", "S", "C", "1", "2", "3", "p", "space", "P", "H", "g", "c", "d", "0", "y",
		"i", "b", "o", "f", "v", "u", "U", "h", "w", "D", "-", "delete", "T", "I":
		return true
	}
	return false
}
