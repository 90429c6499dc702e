package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// An action's whole history, from matters arising or My actions (enter),
// in the info overlay.

// historyMsg carries an action's history to the info overlay.
type historyMsg struct {
	action  model.Action
	updates []model.ActionUpdate
	err     error
}

func (a *App) loadHistory(act model.Action) tea.Cmd {
	st := a.st
	return func() tea.Msg {
		u, err := st.ActionHistory(act.ID)
		return historyMsg{action: act, updates: u, err: err}
	}
}

// take opens the action's history in the info overlay.
func (msg historyMsg) take(a *App) tea.Cmd {
	if msg.err != nil {
		a.flash, a.flashErr = msg.err.Error(), true
		return nil
	}
	var lines []string
	for _, u := range msg.updates {
		where := ""
		if u.MeetingID != 0 {
			where = "  [" + model.MeetingRef(u.MeetingID) + "]"
		}
		lines = append(lines, u.At.Local().Format("02 Jan 2006 15:04")+"  "+u.By+" — "+u.Describe()+where)
	}
	if len(lines) == 0 {
		lines = []string{"No history recorded."}
	}
	a.push(&infoBox{title: "History · " + msg.action.Ref() + " " + msg.action.Text, lines: lines})
	return nil
}
