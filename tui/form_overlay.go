package tui

import tea "charm.land/bubbletea/v2"

// A form is an overlay: it takes the keys while it is on top, and closes
// when it is cancelled (here) or when its save commits (App.saved closes
// it by its id, wherever it is on the stack by then).

func (f *form) keyPress(a *App, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	quitting := f.quitting
	res, cmd := f.update(msg, a.keys)
	if res != formCancelled {
		return cmd, false
	}
	a.flash, a.flashErr = "cancelled: nothing was saved", false
	if quitting {
		return tea.Quit, true
	}
	return cmd, true
}

// message: a paste goes into the focused field; a blink to its cursor.
func (f *form) message(a *App, msg tea.Msg) tea.Cmd {
	_, cmd := f.update(msg, a.keys)
	return cmd
}

func (f *form) view(a *App, below func() string, w, h int) string {
	fw := min(w-4, 96)
	return drawOver(below(), f.render(a.styles, fw), (w-fw)/2, 2, h)
}

func (f *form) hints(a *App) string {
	km := a.keys
	return a.hintsOf(keyHint("next/save", km.Form.Submit), keyHint("cancel", km.Form.Cancel))
}

// formByID is the open form a save or failure answers (id 0: none).
func (a *App) formByID(id int) *form {
	if id == 0 {
		return nil
	}
	for _, o := range a.overlays {
		if f, ok := o.(*form); ok && f.id == id {
			return f
		}
	}
	return nil
}

// holdQuit keeps typing from being thrown away by one key: quitting with a
// form that has typing in it asks first (the form's own "discard?" line),
// and a second ctrl+c then quits. Anything open over that form closes, so
// the question is in view and gets the y/n. False: nothing holds the quit.
func (a *App) holdQuit() bool {
	for i := len(a.overlays) - 1; i >= 0; i-- {
		f, ok := a.overlays[i].(*form)
		if !ok {
			continue
		}
		if !f.dirty() || f.discard != "" || f.busy {
			return false
		}
		for a.top() != f {
			a.pop()
		}
		f.askDiscard(true)
		return true
	}
	return false
}
