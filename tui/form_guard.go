package tui

import (
	"errors"
	"slices"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// A form saves against the record it showed (model.ExpectVersion): the
// version it held when it opened, not the newest one the screen behind it
// has read since — someone else's change meanwhile must refuse the save,
// not be overwritten by it. A refused save keeps the form open with the
// typing kept, says who changed what and when (model.ConflictSentence),
// shows the fresh values, and a second save is checked against the record
// as it is now: saving over the change is a deliberate act.

// formGuard is the record a form edits, as the form last showed it.
type formGuard struct {
	ref     string
	shown   any // model.Action, model.Hotspot, model.Member, model.Agency, model.Partnership, model.MeetingPart, …
	version int
	// action is the action's ID when the record is one: this session's own
	// saves of it since the form opened are not conflicts.
	action model.ID
	// refresh, if set, shows the fresh record in the form (a label that
	// quotes the current due date, say).
	refresh func(f *form, now any)
}

// guard makes f save against record (with its ref and version) as shown
// now.
func (f *form) guard(ref string, record any, version int) *formGuard {
	f.guarded = &formGuard{ref: ref, shown: record, version: version}
	if a, ok := record.(model.Action); ok {
		f.guarded.action = a.ID
	}
	return f.guarded
}

// guardPart makes f save against one part of meeting m as shown now
// (model.MeetingPart: an item's Part 2 or budget, the guests, one
// person's declarations): a change to that part meanwhile refuses the
// save; the rest of the meeting may change as it will.
func (f *form) guardPart(m model.Meeting, part model.MeetingPart) *formGuard {
	return f.guard(m.Ref(), part, part.Version)
}

// part is the meeting part f saves against: as it showed it, or, after a
// refusal, as it is now (the second save is deliberate).
func (f *form) part() *model.MeetingPart {
	p, _ := f.guarded.shown.(model.MeetingPart)
	return &p
}

// expect is the version f's save is checked against.
func (a *App) expect(f *form) int {
	g := f.guarded
	if g == nil {
		return 0
	}
	own := 0
	if g.action != 0 {
		own = a.ownSaved[g.action]
	}
	return model.ExpectVersion(g.version, own)
}

// conflicted takes a refused save into the form: what changed, in words,
// and the record as it is now, so the next save is a deliberate one. It
// says whether err was a conflict.
func (f *form) conflicted(err error) bool {
	var c *store.ConflictError
	if !errors.As(err, &c) {
		return false
	}
	f.busy = false
	g := f.guarded
	if g == nil || c.Now == nil {
		f.errMsg = err.Error()
		return true
	}
	f.errMsg = model.ConflictSentence(g.ref, c.By, c.At, model.RecordChanges(g.shown, c.Now))
	g.shown, g.version = c.Now, c.Version
	if a, ok := c.Now.(model.Action); ok {
		g.action = a.ID
	}
	if g.refresh != nil {
		g.refresh(f, c.Now)
	}
	return true
}

// adopt shows a record's fresh values in the fields the person has not
// touched (each still holds what it opened with: text, or a choice not
// moved), so a second save keeps what the other person changed; a field
// they typed in or chose keeps their typing. values is by field key.
func (f *form) adopt(values map[string]string) {
	for key, v := range values {
		fl := f.field(key)
		switch {
		case fl == nil:
		case fl.kind == fieldChoice:
			if i := slices.Index(fl.choices, v); i >= 0 && fl.choices[fl.choice] == fl.initial {
				fl.choice, fl.initial = i, v
			}
		case fl.kind <= fieldDate && fl.input.Value() == fl.initial:
			fl.input.SetValue(v)
			fl.initial = v
		}
	}
}
