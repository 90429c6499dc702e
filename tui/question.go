package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// question is a yes/no prompt (start the meeting? close it?), asked in the
// footer: the screen stays in view while the chair decides.
type question struct {
	text string
	yes  func() tea.Cmd
}

// ask opens a yes/no question; yes runs when it is answered yes.
func (a *App) ask(text string, yes func() tea.Cmd) { a.push(&question{text: text, yes: yes}) }

// askMsg asks a question a command had to read the record to word.
type askMsg struct {
	text string
	yes  func() tea.Cmd
}

func (msg askMsg) take(a *App) tea.Cmd {
	a.ask(msg.text, msg.yes)
	return nil
}

func (q *question) keyPress(a *App, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, a.keys.Question.Yes):
		return q.yes(), true
	case key.Matches(msg, a.keys.Question.No):
		return nil, true
	}
	return nil, false
}

func (q *question) message(*App, tea.Msg) tea.Cmd { return nil }

// view leaves the screen as it is: the question is in the footer
// (footerLine). One too long for the footer is asked in full in a box
// above it, so nothing the chair is warned about is cut off.
func (q *question) view(a *App, below func() string, w, h int) string {
	body := below()
	if cells(q.text)+16 <= w {
		return body
	}
	fw := min(w-4, 96)
	box := q.box(a, fw)
	return drawOver(body, box, (w-fw)/2, max(h-strings.Count(box, "\n")-2, 0), h)
}

func (q *question) hints(a *App) string {
	return a.hintsOf(keyHint("yes", a.keys.Question.Yes), keyHint("no", a.keys.Question.No))
}

// box is the question in full, wrapped, with its keys under it.
func (q *question) box(a *App, w int) string {
	s := a.styles
	var lines []string
	for _, l := range wrap(q.text, w-4) {
		lines = append(lines, " "+s.Warning.Render(l))
	}
	lines = append(lines, "", " "+q.hints(a))
	return box(s.FocusStyle, "Question", lines, w, len(lines)+2)
}
