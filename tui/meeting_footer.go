package tui

import (
	"fmt"
	"time"

	"github.com/ccsp/tasking/model"
)

// The meeting's footer: where the meeting is (item x of y and its clocks)
// on the left, the keys of the step in hand on the right.

// position is the footer's left side: item x of y and the clocks; short
// leaves out the meeting's clock, for when the keys need the room.
func (mt *meetingState) position(a *App) (full, short string) {
	s := a.styles
	if mt == nil || mt.view == nil {
		return "", ""
	}
	m := mt.view.rec.Meeting
	pos := fmt.Sprintf("item %d/%d", mt.cur+1, len(mt.view.items))
	if mt.view.closed {
		return pos + s.Muted.Render(" · closed · read-only"), pos + s.Muted.Render(" · closed")
	}
	inItem := a.clock.Sub(mt.itemStarted)
	inMeeting := a.clock.Sub(m.OpenedAt)
	out := pos + s.Muted.Render(" · ") + clockText(inItem)
	if mt.cur >= 0 && mt.cur < len(m.Agenda) && m.Agenda[mt.cur].Budget > 0 {
		b := m.Agenda[mt.cur].Budget
		over := inItem > time.Duration(b)*time.Minute
		budget := fmt.Sprintf("/%dm", b)
		if over {
			budget = s.Red.Render(budget)
		} else {
			budget = s.Muted.Render(budget)
		}
		out += budget
	}
	short = out
	out += s.Muted.Render(" in item · ") + clockText(inMeeting) + s.Muted.Render(" in meeting")
	// With budgets set, when the meeting will end if they hold.
	cur := m
	cur.Current = mt.cur
	if end, ok := model.ProjectedFinish(cur, a.clock, mt.itemStarted); ok {
		ends := s.Muted.Render(" · ends ~") + end.Format("15:04")
		out, short = out+ends, short+ends
	}
	return out, short
}

// clockText is mm:ss, or h:mm:ss past the hour.
func clockText(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	sec := int(d.Seconds())
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%02d:%02d", sec/60, sec%60)
}

// hints are the footer's keys: the agenda pane's when it has the focus;
// reading ones in a closed meeting; for a member following the meeting,
// what they may do on the item and how to look around; for the chair, the
// item's own, first.
func (mt *meetingState) hints(a *App) string {
	km := a.keys
	m, g := km.Meeting, km.Global
	next, help := keyHint("next", m.Next), keyHint("help", g.Help)
	if mt == nil || mt.view == nil {
		return a.hintsOf(keyHint("back", g.Back))
	}
	if mt.agendaFocus {
		ag := km.Agenda
		return a.hintsOf(keyHint("go", ag.Go), keyHint("move", ag.MoveUp, ag.MoveDown), keyHint("drop", ag.Drop), keyHint("add", ag.Add), keyHint("item", m.Agenda))
	}
	if mt.view.closed {
		return a.hintsOf(next, keyHint("prev", m.Prev), keyHint("minutes", m.Minutes), keyHint("home", g.Back), help)
	}
	e := mt.entry()
	kind := kindOf(e)
	if !a.runsMeeting() {
		// A member following the meeting: what they may do on the item
		// first, then how to look around or come back.
		// Only what a member may do is offered: moving the meeting on,
		// recording and assigning are the chair's.
		var hs []hint
		if kind.about().memberStatus {
			hs = append(hs, keyHint("your agency's action: status", m.Status))
		}
		follow := keyHint("look around", m.Follow)
		if mt.lookingAround {
			follow = keyHint("follow the chair", m.Follow)
		}
		return a.hintsOf(append(hs, follow, keyHint("next/prev", m.Next, m.Prev), keyHint("minutes", m.Minutes), help)...)
	}
	return a.hintsOf(kind.hints(a, e)...)
}
