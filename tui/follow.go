package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// Following the chair. While a meeting is open, everyone else's meeting
// screen shows the item the chair is on: each move the chair makes is a
// saved change (GoToItem), and every reload puts the others on it. A
// member who moves away ([, ], the agenda) is looking around, and reloads
// leave them where they are; Follow takes them back to the chair's item
// and following again.

// runsMeeting: this person moves the meeting (the chair's role), so they
// follow nobody.
func (a *App) runsMeeting() bool {
	return model.Allow(a.actor, model.OpMeetingItem, 0) == nil
}

// toggleFollow stops following to look around, or jumps back to the
// chair's item and follows again.
func (mt *meetingState) toggleFollow(a *App) tea.Cmd {
	if mt == nil || mt.view == nil || mt.view.closed || a.runsMeeting() {
		a.flash, a.flashErr = "you are running the meeting: the others follow you", false
		return nil
	}
	if mt.lookingAround {
		mt.lookingAround = false
		cur := mt.view.rec.Meeting.Current
		if cur != mt.cur {
			mt.cur, mt.off = max(min(cur, len(mt.view.items)-1), 0), 0
			mt.pick(0)
		}
		mt.agendaSel, mt.agendaFocus = mt.cur, false
		a.flash, a.flashErr = "following the chair", false
		return nil
	}
	mt.lookingAround = true
	a.flash, a.flashErr = "looking around: the chair's moves no longer move you ("+a.keys.Meeting.Follow.Help().Key+" follows again)", false
	return nil
}

// followNote is what the meeting heading says about following, for
// members (nothing for the chair, or a closed meeting).
func (mt *meetingState) followNote(a *App) string {
	if mt == nil || mt.view == nil || mt.view.closed || a.runsMeeting() {
		return ""
	}
	if mt.lookingAround {
		return "looking around · " + a.keys.Meeting.Follow.Help().Key + " follows the chair"
	}
	return "following the chair"
}
