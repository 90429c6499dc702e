package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// Moving through every kind of field, in both directions, must never panic
// (it did once: a yes/no field had no cursor to focus).
func TestFormFocusVisitsEveryFieldKind(t *testing.T) {
	km := newKeyMap()
	f := newForm("all kinds", formContext{agencies: []model.Agency{{ID: 1, Name: "Police"}}, today: model.MustDate("2026-11-24")},
		func(f *form) tea.Cmd { return nil })
	f.text("t", "Text", "", "").agency("a", "Agency", "").date("d", "Due", "+1w").
		toggle("p", "Part 2", false, "").choose("c", "Choice", []string{"x", "y"}, 0)
	for range 2 * len(f.fields) {
		f.update(tea.KeyPressMsg{Code: tea.KeyTab}, km)
		f.update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}, km)
		_ = f.render(NewStyles(true), 80)
	}
	for range 2 * len(f.fields) {
		f.update(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, km)
		f.update(tea.KeyPressMsg{Code: tea.KeyEnter}, km)
		_ = f.render(NewStyles(false), 80)
	}
}

func TestFormFailWithRoutesFieldErrors(t *testing.T) {
	f := newForm("x", formContext{}, func(f *form) tea.Cmd { return nil })
	f.text("text", "Text", "", "").text("due", "Due", "", "")
	f.failWith(model.Invalid("due", "no date"))
	if f.field("due").err != "no date" || f.focus != 1 || f.errMsg != "" {
		t.Fatalf("field error not routed: %+v focus %d", f.field("due"), f.focus)
	}
	f.failWith(model.Invalid("elsewhere", "disk full"))
	if f.errMsg != "disk full" {
		t.Fatalf("unroutable error not shown on the form: %q", f.errMsg)
	}
}
