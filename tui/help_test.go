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
		scr := ansi.Strip((&helpScreen{}).render(a, w, 200))
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

// Every screen is a part the root routes to, with a view, keys, hints and
// a load; its footer hints name only keys the key map binds.
func TestEveryScreenIsAPart(t *testing.T) {
	for sc := screenWelcome; sc <= screenPeople; sc++ {
		if _, ok := parts[sc]; !ok {
			t.Errorf("screen %d is not in the parts table", sc)
		}
	}
	a := &App{keys: newKeyMap(), styles: NewStyles(true)}
	for sc, p := range parts {
		a.screen = sc
		for _, k := range unboundKeys(a, p.hints(a)) {
			t.Errorf("screen %d's footer names %q, which the key map does not bind", sc, k)
		}
	}
}

// Each kind of overlay's footer hints name only keys the key map binds,
// as the screens' do: the help screen lists every one of them.
func TestOverlayHintsAreBound(t *testing.T) {
	a := &App{keys: newKeyMap(), styles: NewStyles(true)}
	for _, o := range []overlay{typingForm("form"), &question{text: "?"}, &infoBox{}, &helpScreen{}} {
		for _, k := range unboundKeys(a, o.hints(a)) {
			t.Errorf("%T's footer names %q, which the key map does not bind", o, k)
		}
	}
}

// unboundKeys are the keys a footer's hints name that no section of the
// help screen binds.
func unboundKeys(a *App, hints string) []string {
	bound := map[string]bool{}
	for _, sec := range a.keys.sections() {
		for _, b := range sec.bindings {
			for _, k := range b.Keys() {
				bound[k] = true
			}
		}
	}
	var out []string
	for _, pair := range strings.Split(ansi.Strip(hints), " · ") {
		keys, _, _ := strings.Cut(strings.TrimSpace(pair), " ")
		for _, k := range strings.Split(keys, "/") {
			if k != "" && !bound[k] {
				out = append(out, k)
			}
		}
	}
	return out
}
