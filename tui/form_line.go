package tui

import (
	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"
)

// A form's text fields are drawn by the form, not by the textinput: given
// a width, a textinput measures its whole value (grapheme by grapheme) on
// every key to scroll it, and its cursor starts a blink timer on every
// key. A 20,000-character paste that arrives as key presses (a terminal
// without bracketed paste) cost 0.2 ms a character in a one-line field, on
// the server's CPU. Without a width the textinput only edits; the form
// draws the field, once a frame, around the cursor.

// plainInput is a textinput that only edits: no width, no prompt, no
// cursor of its own (the form draws a steady one).
func plainInput() textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.SetVirtualCursor(false)
	return ti
}

// line draws a one-line field w cells wide: the text about the cursor,
// scrolled as little as keeps the cursor in view, with a block cursor
// where typing goes when the field has the focus.
func (fl *formField) line(s Styles, w int, focused bool) string {
	value := []rune(fl.input.Value())
	pos := min(fl.input.Position(), len(value))
	fl.scroll = min(fl.scroll, pos)
	// The text before the cursor and the cursor itself fit in w.
	used := 1
	for i := fl.scroll; i < pos; i++ {
		used += runeCells(value[i])
	}
	for used > w && fl.scroll < pos {
		used -= runeCells(value[fl.scroll])
		fl.scroll++
	}
	out := string(value[fl.scroll:pos])
	after := pos
	if focused {
		under := " "
		if pos < len(value) {
			under = string(value[pos])
			after++
		}
		out += s.Selected.Render(under)
	} else {
		used--
	}
	end := after
	for end < len(value) && used+runeCells(value[end]) <= w {
		used += runeCells(value[end])
		end++
	}
	return out + string(value[after:end])
}

// runeCells is how many cells one character takes.
func runeCells(r rune) int {
	if r < 0x80 {
		return 1
	}
	return ansi.StringWidth(string(r))
}
