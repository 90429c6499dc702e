package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// bareApp is the root with no store and no screen: enough to drive the
// overlay stack by hand.
func bareApp() *App {
	return &App{keys: newKeyMap(), styles: NewStyles(true), w: 100, h: 30, now: fixedClock}
}

// typingForm is a one-field form that never saves.
func typingForm(title string) *form {
	f := newForm(title, formContext{}, func(f *form) tea.Cmd { return nil })
	f.text("text", "Text", "", "")
	return f
}

func (a *App) typeKeys(text string) {
	for _, r := range text {
		a.key(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func footer(a *App) string { return ansi.Strip(a.footerLine()) }

// Help opened over a form covers it; closing help brings the form back
// with what was typed in it, and the keys go to the form again.
func TestHelpOverAFormReturnsToTheForm(t *testing.T) {
	a := bareApp()
	f := typingForm("Progress update")
	a.push(f)
	a.typeKeys("Dog unit")
	a.push(&helpScreen{})
	if scr := ansi.Strip(a.render()); !strings.Contains(scr, "Keys — every one of them") || strings.Contains(scr, "Progress update") {
		t.Fatalf("help does not cover the form:\n%s", scr)
	}
	a.key(keyPress("j")) // scrolls help, types nothing
	a.key(keyPress("esc"))
	if a.top() != f {
		t.Fatalf("esc closed %T, not just the help", a.top())
	}
	if got := f.value("text"); got != "Dog unit" {
		t.Fatalf("the form came back holding %q", got)
	}
	a.typeKeys(" free")
	if got := f.value("text"); got != "Dog unit free" {
		t.Fatalf("typing after help went elsewhere: the form holds %q", got)
	}
	if scr := ansi.Strip(a.render()); !strings.Contains(scr, "Progress update") || !strings.Contains(scr, "Dog unit free") {
		t.Fatalf("the form is not drawn again:\n%s", scr)
	}
}

// Overlays close in the order they were opened, last first.
func TestOverlaysPopInOrder(t *testing.T) {
	a := bareApp()
	f, ib, hs := typingForm("form"), &infoBox{title: "info"}, &helpScreen{}
	a.push(f)
	a.push(ib)
	a.push(hs)
	for _, want := range []overlay{hs, ib, f} {
		if a.top() != want {
			t.Fatalf("top is %T, want %T", a.top(), want)
		}
		a.pop()
	}
	if a.top() != nil || len(a.overlays) != 0 {
		t.Fatalf("the stack is not empty: %d left", len(a.overlays))
	}
	a.pop() // nothing open: nothing happens
}

// A key goes to the top overlay only: a letter that is no answer to a
// question is not typed into the form under it, and n answers the question
// without reaching the form either.
func TestAKeyReachesOnlyTheTopOverlay(t *testing.T) {
	a := bareApp()
	f := typingForm("form")
	a.push(f)
	said := false
	a.ask("Close the meeting?", func() tea.Cmd { said = true; return nil })
	a.typeKeys("xn")
	if got := f.value("text"); got != "" {
		t.Fatalf("the form under the question got %q", got)
	}
	if a.top() != f || said {
		t.Fatalf("n did not just close the question (top %T, yes ran: %v)", a.top(), said)
	}
	a.typeKeys("n")
	if got := f.value("text"); got != "n" {
		t.Fatalf("with the question gone the form got %q", got)
	}
}

// esc closes the top overlay only: an info box over a form goes, the form
// (with typing in it) stays.
func TestEscClosesOnlyTheTop(t *testing.T) {
	a := bareApp()
	f := typingForm("form")
	a.push(f)
	a.typeKeys("half a sentence")
	a.push(&infoBox{title: "History · A-1", lines: []string{"created"}})
	a.key(keyPress("esc"))
	if a.top() != f || len(a.overlays) != 1 {
		t.Fatalf("esc left %d overlays, top %T", len(a.overlays), a.top())
	}
	if f.discard != "" {
		t.Fatal("the esc that closed the info box also reached the form")
	}
	// The next esc is the form's: with typing in it, it asks first.
	a.key(keyPress("esc"))
	if a.top() != f || f.discard == "" {
		t.Fatal("esc on a form with typing did not ask before discarding it")
	}
}

// The footer's hints are the top overlay's, each from the key map; an
// info box leaves the hints of what is under it.
func TestHintsComeFromTheTopOverlay(t *testing.T) {
	a := bareApp()
	screen := footer(a)
	f := typingForm("form")
	a.push(f)
	if got := footer(a); !strings.Contains(got, "enter next/save · esc cancel") {
		t.Fatalf("form footer: %q", got)
	}
	a.push(&infoBox{title: "info"})
	if got := footer(a); !strings.Contains(got, "enter next/save · esc cancel") {
		t.Fatalf("an info box over a form changed the footer: %q", got)
	}
	a.pop()
	a.push(&helpScreen{})
	if got := footer(a); !strings.Contains(got, "j/k scroll · q close help") || strings.Contains(got, "next/save") {
		t.Fatalf("help footer: %q", got)
	}
	a.ask("Drop HS-3 from this meeting's agenda?", func() tea.Cmd { return nil })
	if got := footer(a); !strings.Contains(got, "Drop HS-3 from this meeting's agenda?") || !strings.Contains(got, "y yes · n no") {
		t.Fatalf("question footer: %q", got)
	}
	a.pop()
	a.pop()
	a.pop()
	if got := footer(a); got != screen {
		t.Fatalf("with nothing open the footer is %q, was %q", got, screen)
	}
}

// A form's save can commit after something was opened over it: the form
// closes where it is and what is over it stays.
func TestASavedFormClosesUnderAnotherOverlay(t *testing.T) {
	a := bareApp()
	f := typingForm("form")
	f.busy = true
	a.push(f)
	ib := &infoBox{title: "info"}
	a.push(ib)
	a.saved(savedMsg{formID: f.id, what: "update added"})
	if len(a.overlays) != 1 || a.top() != ib {
		t.Fatalf("after the save: %d overlays, top %T", len(a.overlays), a.top())
	}
	// A failure finds its form the same way.
	g := typingForm("another")
	a.push(g)
	a.push(&helpScreen{})
	a.failed(failedMsg{formID: g.id, err: errString("disk full")})
	if g.errMsg != "disk full" || a.flashErr {
		t.Fatalf("the failure went to %q / the status bar %q", g.errMsg, a.flash)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// ctrl+c with typing in a form under help asks first, with the form in view.
func TestQuitAsksForAFormUnderHelp(t *testing.T) {
	a := bareApp()
	f := typingForm("form")
	a.push(f)
	a.typeKeys("words")
	a.push(&helpScreen{})
	if cmd := a.key(keyPress("ctrl+c")); cmd != nil {
		t.Fatal("ctrl+c quit with typing in a form")
	}
	if a.top() != f || f.discard == "" || !f.quitting {
		t.Fatalf("the form is not asking (top %T)", a.top())
	}
	if cmd := a.key(keyPress("ctrl+c")); cmd == nil {
		t.Fatal("a second ctrl+c did not quit")
	}
}

// A paste is typing: it goes to the top overlay only.
func TestPasteGoesToTheTop(t *testing.T) {
	a := bareApp()
	f := typingForm("form")
	a.push(f)
	a.push(&helpScreen{})
	a.Update(tea.PasteMsg{Content: "pasted"})
	if got := f.value("text"); got != "" {
		t.Fatalf("a paste over help reached the form: %q", got)
	}
	a.pop()
	a.Update(tea.PasteMsg{Content: "pasted"})
	if got := f.value("text"); got != "pasted" {
		t.Fatalf("the form got %q from a paste", got)
	}
}

// A question's yes may open a form: the form stays open when the question
// closes.
func TestAQuestionsYesMayOpenAForm(t *testing.T) {
	a := bareApp()
	f := typingForm("next")
	a.ask("Start the meeting?", func() tea.Cmd { a.push(f); return nil })
	a.key(keyPress("y"))
	if len(a.overlays) != 1 || a.top() != f {
		t.Fatalf("after yes: %d overlays, top %T", len(a.overlays), a.top())
	}
}
