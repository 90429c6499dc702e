package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// filter is the `/` text filter on a list: type to narrow it, enter to keep
// the filter and go back to the list, esc to clear it.
// The zero filter is ready to use: its input is made on first use, because a
// zero textinput.Model has no cursor and panics when focused.
type filter struct {
	input  textinput.Model
	ready  bool
	typing bool
}

func newFilter() filter {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "type to filter"
	ti.CharLimit = 80
	ti.SetWidth(30)
	return filter{input: ti, ready: true}
}

func (f *filter) query() string { return model.CleanLine(f.input.Value()) }

// active: a filter is narrowing the list.
func (f *filter) active() bool { return f.typing || f.query() != "" }

func (f *filter) start() tea.Cmd {
	if !f.ready {
		*f = newFilter()
	}
	f.typing = true
	return f.input.Focus()
}

// key handles a key while typing; changed says the query changed.
func (f *filter) key(msg tea.KeyPressMsg, fk filterKeys) (cmd tea.Cmd, changed bool) {
	before := f.query()
	switch {
	case key.Matches(msg, fk.Keep):
		f.typing = false
		f.input.Blur()
		return nil, false
	case key.Matches(msg, fk.Clear):
		f.typing = false
		f.input.Blur()
		f.input.SetValue("")
		return nil, before != ""
	}
	f.input, cmd = f.input.Update(msg)
	return cmd, f.query() != before
}

// clear drops the filter.
func (f *filter) clear() {
	f.typing = false
	f.input.Blur()
	f.input.SetValue("")
}

func (f *filter) view(s Styles) string {
	hint := s.Muted.Render("  enter keep · esc clear")
	if !f.typing {
		hint = s.Muted.Render("  / change · esc clear")
	}
	return " " + f.input.View() + hint
}

// matching returns the indexes of the candidates the query matches, in the
// candidates' own order, so a ranked list stays ranked. A word typed finds
// the rows that contain it; only when none do does it fall back to fuzzy
// matching (the letters in order: "dfrs" finds the fire service), which
// over a whole row is too loose to be the first answer. An empty query
// matches everything.
func matching(query string, candidates []string) []int {
	return newFinder(candidates).find(query)
}
