package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// Forms on one action that the meeting and My actions share: finishing or
// cancelling it with its words, and moving its due date.

var statusChoices = []string{"open", "in-progress", "done", "blocked", "cancelled"}

// statusNoteForm finishes (done) or cancels an action with the words that
// go with it: an optional completion note, a required reason. onSave runs
// when the change is sent (the list moves on).
func (a *App) statusNoteForm(act model.Action, to model.ActionStatus, meetingID model.ID, ctx formContext, onSave func()) {
	actor, st := a.actor, a.st
	label, hint, required := "Completion note (optional)", "what was done: the outcome the minutes record", to.NeedsReason()
	title := "Done · "
	if to == model.StatusCancelled {
		label, hint, title = "Reason for cancelling", "why it is no longer needed", "Cancel · "
	}
	f := newForm(title+act.Ref()+" "+act.Text, ctx, func(f *form) tea.Cmd {
		note, ok := f.textOf("note", strings.ToLower(label), required)
		if !ok {
			return nil
		}
		version := a.expect(f)
		if onSave != nil {
			onSave()
		}
		return a.saveAction(f.id, act.Ref()+" → "+to.Label(), act.ID, func() (any, error) {
			return st.SetActionStatus(actor, act.ID, version, to, note, meetingID)
		})
	})
	f.longText("note", label, "", hint)
	f.guard(act.Ref(), act, act.Version)
	a.push(f)
}

// dueFormSpec is what differs between moving a due date in the meeting
// (carry forward) and between meetings (a rep proposing a new date).
type dueFormSpec struct {
	title, defaultWhen, said, reasonHint string
	ctx                                  formContext
	meetingID                            model.ID
}

// dueForm asks for a new due date and the reason, asks before a date in the
// past, and saves with the newest version of the action this session knows.
func (a *App) dueForm(act model.Action, spec dueFormSpec) {
	actor, st := a.actor, a.st
	f := newForm(spec.title+" · "+act.Ref()+" "+act.Text, spec.ctx, func(f *form) tea.Cmd {
		due, ok1 := f.dateOf("due")
		reason, ok2 := f.textOf("reason", "reason", true)
		if !ok1 || !ok2 {
			return nil
		}
		if q, past := model.DueInPast(due, f.ctx.today); past && !f.confirmed {
			f.confirm = q
			return nil
		}
		version := a.expect(f) // against the action as the form showed it
		return a.saveAction(f.id, act.Ref()+" "+spec.said+" "+due.ShortAt(f.ctx.today), act.ID, func() (any, error) {
			return st.ChangeDue(actor, act.ID, version, due, reason, spec.meetingID)
		})
	})
	// The current date is shown; the default is never earlier than it, and
	// typing replaces it.
	def := spec.defaultWhen
	if usual, err := model.ParseWhen(spec.defaultWhen, spec.ctx.today, spec.ctx.next); err == nil {
		def = model.NewDueDefault(act.Due, usual).String()
	}
	dueLabel := func(due model.Date) string { return "New due date (now due " + due.Format("Mon 2 Jan 2006") + ")" }
	f.date("due", dueLabel(act.Due), def).text("reason", "Reason", "", spec.reasonHint)
	g := f.guard(act.Ref(), act, act.Version)
	g.refresh = func(f *form, now any) {
		if n, ok := now.(model.Action); ok {
			f.field("due").label = dueLabel(n.Due)
		}
	}
	a.push(f)
}
