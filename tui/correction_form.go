package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// correctionChoices: what U does to the latest update (model.Correction).
var correctionChoices = []string{"correct its words", "withdraw it"}

// correctionForm corrects or withdraws act's latest update that has words:
// its author, or the chair (the store refuses anyone else, saying why).
// The new words start empty, the current ones shown as the hint: typing
// replaces them, never glues onto them.
func (a *App) correctionForm(act model.Action, ctx formContext) {
	actor, st := a.actor, a.st
	current := model.CleanLine(act.LastUpdate)
	if current == "" {
		a.flash, a.flashErr = act.Ref()+" has no update with words to correct", true
		return
	}
	f := newForm("Put right the latest update · "+act.Ref()+" "+act.Text, ctx, func(f *form) tea.Cmd {
		withdraw := f.field("what").choice == 1
		reason, ok := f.textOf("reason", "reason", true)
		if !ok {
			return nil
		}
		version := a.expect(f)
		if withdraw {
			return a.saveAction(f.id, act.Ref()+": latest update withdrawn", act.ID, func() (any, error) {
				return st.WithdrawUpdate(actor, act.ID, version, reason)
			})
		}
		words, ok := f.textOf("words", "corrected words", true)
		if !ok {
			return nil
		}
		return a.saveAction(f.id, act.Ref()+": latest update corrected", act.ID, func() (any, error) {
			return st.CorrectUpdate(actor, act.ID, version, words, reason)
		})
	})
	f.choose("what", "Correct or withdraw (←/→)", correctionChoices, 0).
		longText("words", correctedLabel(current), "", "typing replaces them; for a withdrawal, leave this empty").
		text("reason", "Why", "", "recorded with your name and the time")
	g := f.guard(act.Ref(), act, act.Version)
	g.refresh = func(f *form, now any) {
		// A new update meanwhile is the one a second save would put right:
		// the label says which, never the one the form opened on.
		if fresh, ok := now.(model.Action); ok {
			f.field("words").label = correctedLabel(model.CleanLine(fresh.LastUpdate))
		}
	}
	a.push(f)
}

// correctedLabel names the words a correction replaces.
func correctedLabel(current string) string {
	if current == "" {
		return "Corrected words (it has no update with words now)"
	}
	return "Corrected words (now: " + model.Clip(current, 50) + ")"
}
