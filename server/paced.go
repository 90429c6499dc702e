package server

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// paced draws a served program's screen at most once a frame
// (sessionDraws a second). Bubble Tea asks for the whole screen after every
// message, but sends it to the terminal only once a tick (sessionFPS), and
// parses and diffs it only when it has changed: a 20,000-character paste
// without bracketed paste is 20,000 key presses, and drawing the screen
// (a form wrapping all it holds, over the screen below) for each one cost
// about half a millisecond a character, of which the person saw one
// drawing in a thousand. Between frames the last drawing stands; a
// redraw is asked for at the frame's end, so the last key is always on
// screen.
type paced struct {
	m  tea.Model
	st *paceState
}

// paceState is shared by every copy of a paced model: Update and View run
// on the program's own loop, one at a time, so it needs no lock.
type paceState struct {
	every time.Duration
	now   func() time.Time
	drawn time.Time // when View last drew
	last  tea.View
	has   bool // last holds a drawing
	dirty bool // an Update since last was drawn
	asked bool // a redraw is on its way
}

// redrawMsg is paced's own: the frame is over, draw what is owed.
type redrawMsg struct{}

func pace(m tea.Model, every time.Duration) paced {
	return paced{m: m, st: &paceState{every: every, now: time.Now}}
}

func (p paced) Init() tea.Cmd { return p.m.Init() }

func (p paced) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	st := p.st
	var cmd tea.Cmd
	if _, ok := msg.(redrawMsg); ok {
		st.asked = false
	} else {
		p.m, cmd = p.m.Update(msg)
		st.dirty = true
	}
	// View runs next: if it is too soon to draw, ask for a redraw when it
	// is not.
	if wait := st.every - st.now().Sub(st.drawn); st.dirty && st.has && wait > 0 && !st.asked {
		st.asked = true
		cmd = tea.Batch(cmd, tea.Tick(wait, func(time.Time) tea.Msg { return redrawMsg{} }))
	}
	return p, cmd
}

func (p paced) View() tea.View {
	st := p.st
	now := st.now()
	if st.has && (!st.dirty || now.Sub(st.drawn) < st.every) {
		return st.last
	}
	st.last, st.has, st.dirty, st.drawn = p.m.View(), true, false, now
	return st.last
}
