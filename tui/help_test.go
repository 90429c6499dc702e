package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// `?` shows every key: each binding of every section is on the help
// screen (a tall terminal, so nothing needs scrolling).
func TestHelpListsEveryBinding(t *testing.T) {
	a := &App{keys: newKeyMap(), styles: NewStyles(true)}
	for _, w := range []int{80, 160} {
		scr := ansi.Strip(a.helpView(w, 200))
		for _, sec := range a.keys.sections() {
			if !strings.Contains(scr, sec.title) {
				t.Errorf("%d cols: section %q missing", w, sec.title)
			}
			for _, b := range sec.bindings {
				if h := b.Help(); !strings.Contains(scr, h.Desc) {
					t.Errorf("%d cols: %q (%s) missing from help", w, h.Desc, h.Key)
				}
			}
		}
	}
}
