package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// releaseForm makes one private record public (model.CheckRelease decides
// who may; the store where it is minuted): the selected action's ref is
// offered when it is private business; a decision or note is named by its
// ref, shown beside it. L in the meeting, and in My actions between
// meetings (the next meeting minutes it).
func (a *App) releaseForm(ref string, ctx formContext) {
	if err := model.Allow(a.actor, model.OpRelease, 0); err != nil {
		a.flash, a.flashErr = err.Error(), true
		return
	}
	actor, st := a.actor, a.st
	f := newForm("Release private business (minuted in Part 2)", ctx, func(f *form) tea.Cmd {
		ref, ok1 := f.lineOf("ref", "ref", 20, true)
		reason, ok2 := f.textOf("reason", "reason", true)
		if !ok1 || !ok2 {
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			d, err := st.Release(actor, ref, reason)
			if err != nil {
				return nil, err
			}
			return model.Released(model.CanonicalRef(ref), d), nil
		})
	})
	f.text("ref", "What to release (A-12, D-4 or N-5: an action, a resolution or a note)", ref, "").
		text("reason", "Why it may be public now", "", "minuted in Part 2 with your name")
	a.push(f)
}
