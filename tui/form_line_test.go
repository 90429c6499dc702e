package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A one-line field shows the text about the cursor, in the width given,
// scrolled as little as keeps the cursor in view.
func TestAOneLineFieldKeepsItsCursorInView(t *testing.T) {
	s := NewStyles(true)
	f := newForm("t", formContext{}, nil).text("reason", "Reason", "", "")
	fl := f.fields[0]
	text := strings.Repeat("abcdefghij", 30) + "END"
	fl.input.SetValue(text)
	fl.input.CursorEnd()
	line := ansi.Strip(fl.line(s, 40, true))
	if ansi.StringWidth(line) > 40 || !strings.HasSuffix(line, "END ") {
		t.Errorf("at the end: %q (%d cells)", line, ansi.StringWidth(line))
	}
	fl.input.SetCursor(0)
	line = ansi.Strip(fl.line(s, 40, true))
	if ansi.StringWidth(line) > 40 || !strings.HasPrefix(line, "abcdefghij") {
		t.Errorf("at the start: %q", line)
	}
	fl.input.SetValue("Short reason")
	if line := ansi.Strip(fl.line(s, 40, false)); line != "Short reason" {
		t.Errorf("a short text, not focused: %q", line)
	}
	// Wide characters are counted as the terminal draws them.
	fl.input.SetValue(strings.Repeat("会", 50))
	fl.input.CursorEnd()
	if line := ansi.Strip(fl.line(s, 40, true)); ansi.StringWidth(line) > 40 {
		t.Errorf("wide characters overflow: %q (%d cells)", line, ansi.StringWidth(line))
	}
}
