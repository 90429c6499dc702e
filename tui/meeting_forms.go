package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// The meeting's forms: what every item may record (an action, a
// resolution, a note, an action's status), and what the meeting does as a
// whole (undo, release, amend, close).

func (mt *meetingState) assignForm(a *App, hotspotID model.ID) {
	v := mt.view
	title := "Assign an action · any other business"
	if hv := v.hotspots[hotspotID]; hv != nil {
		title = "Assign an action · " + hv.h.Ref() + " " + hv.h.Title
	}
	actor, st, meetingID := a.actor, a.st, mt.id
	f := newForm(title, mt.itemFormCtx(a), func(f *form) tea.Cmd {
		text, ok1 := f.textOf("text", "action text", true)
		ag, ok2 := f.agencyOf("agency")
		officer, ok3 := f.lineOf("officer", "officer name", 80, false)
		due, ok4 := f.dateOf("due")
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return nil
		}
		if q, past := model.DueInPast(due, f.ctx.today); past && !f.confirmed {
			f.confirm = q
			return nil
		}
		n := model.NewAction{HotspotID: hotspotID, Text: text, AgencyID: ag.ID, Officer: officer, Due: due, MeetingID: meetingID,
			Confidential: f.on("confidential")}
		return a.save(f.id, "", func() (any, error) {
			act, err := st.AssignAction(actor, n)
			if err != nil {
				return nil, err
			}
			return fmt.Sprintf("%s assigned to %s, due %s", act.Ref(), ag.Label(), act.Due.ShortAt(f.ctx.today)), nil
		})
	})
	f.longText("text", "Action", "", "specific and time-bound: what will be done, by whom, by when").
		agency("agency", "Owner agency", "").
		text("officer", "Named officer (optional)", "", "leave empty for the agency as a whole").
		date("due", "Due", "next-meeting")
	if hotspotID == 0 {
		// General business has no hotspot to be private with: the chair
		// marks an action about people confidential itself.
		f.toggle("confidential", "Confidential (about named people)", false, "left out of every public output, for good")
	}
	// a, the words, enter, two or three letters of the agency, enter: the
	// officer is optional and the due date is already the next meeting.
	f.saveAfter = "agency"
	a.push(f)
}

func (mt *meetingState) resolveForm(a *App, e agendaEntry) {
	actor, st, meetingID := a.actor, a.st, mt.id
	f := newForm("Record a resolution · "+e.title, mt.itemFormCtx(a), func(f *form) tea.Cmd {
		// The field reads "RESOLVED – that": what is typed completes it
		// (typing the "that", or the whole "RESOLVED – that", is fine too).
		text, err := model.NormaliseResolution(f.value("text"))
		if err != nil {
			f.fail("text", err.Error())
			return nil
		}
		part2 := f.on("part2")
		return a.save(f.id, "", func() (any, error) {
			d, err := st.RecordDecision(actor, meetingID, e.kind, e.hotspotID, text, part2)
			if err != nil {
				return nil, err
			}
			return "resolution recorded (" + d.Ref() + ")", nil
		})
	})
	f.longText("text", "Resolution", "RESOLVED – that", "complete the sentence: what the group resolved").
		toggle("part2", "Part 2 (exempt: personal information)", false, "marked Part 2 in the minutes")
	f.saveAfter = "text" // r, the words, enter; tab reaches Part 2
	a.push(f)
}

func (mt *meetingState) noteForm(a *App, e agendaEntry) {
	actor, st, meetingID := a.actor, a.st, mt.id
	f := newForm("Add a note · "+e.title, mt.itemFormCtx(a), func(f *form) tea.Cmd {
		text, ok := f.textOf("text", "note", true)
		if !ok {
			return nil
		}
		ag, ok := f.optionalAgencyOf("agency")
		if !ok {
			return nil
		}
		n := model.NewNote{Item: e.kind, HotspotID: e.hotspotID, Text: text, Confidential: f.on("confidential"), AgencyID: ag.ID}
		return a.save(f.id, "note added", func() (any, error) {
			return st.RecordNote(actor, meetingID, n)
		})
	})
	f.longText("text", "Note", "", "what was reported: incidents, intelligence, what each agency did").
		agency("agency", "Reported by (optional)", "").
		toggle("confidential", "Confidential (names a victim, witness or perpetrator)", false, "marked confidential wherever it is shown")
	a.push(f)
}

func (mt *meetingState) statusForm(a *App, act model.Action) {
	actor, st, meetingID := a.actor, a.st, mt.id
	cur := 0
	for i, c := range statusChoices {
		if c == string(act.Status) {
			cur = i
		}
	}
	f := newForm("Status · "+act.Ref()+" "+act.Text, mt.itemFormCtx(a), func(f *form) tea.Cmd {
		to := model.ActionStatus(f.value("status"))
		if err := model.CheckTransition(act.Status, to); err != nil {
			f.fail("status", err.Error())
			return nil
		}
		note, ok := f.textOf("note", "note", false)
		if !ok {
			return nil
		}
		version := a.expect(f)
		return a.saveAction(f.id, act.Ref()+" → "+to.Label(), act.ID, func() (any, error) {
			return st.SetActionStatus(actor, act.ID, version, to, note, meetingID)
		})
	})
	f.choose("status", "New status (←/→ or first letter)", statusChoices, cur).
		text("note", "Note (optional)", "", "why: recorded in the action's history")
	f.guard(act.Ref(), act, act.Version)
	a.push(f)
}

func (mt *meetingState) askClose(a *App) tea.Cmd {
	if !mt.editable(a) {
		return nil
	}
	v := mt.view
	// Say what is unfinished, so the chair can go back (n) rather than
	// find out from the minutes.
	text := "Close the meeting? It becomes read-only."
	if warn := v.progress.CloseWarning(v.rec.Meeting); warn != "" {
		text = "Close the meeting anyway? " + warn
	}
	actor, st, id := a.actor, a.st, mt.id
	a.ask(text, func() tea.Cmd {
		said := "meeting closed: the record is now read-only"
		return a.enqueue(func() (any, error) {
			m, err := st.CloseMeeting(actor, id)
			if err == nil {
				// Closing takes an automatic backup: say where, or that it
				// failed (the meeting stays closed either way).
				if path, berr := st.LastAutoBackup(); berr != nil {
					said += " · the automatic backup failed: " + berr.Error()
				} else if path != "" {
					said += " · backup kept"
				}
			}
			return m, err
		}, func(r writeResult) tea.Msg {
			if r.err != nil {
				return failedMsg{write: true, err: r.err}
			}
			return savedMsg{what: said, result: r.res}
		})
	})
	return nil
}

// undoChooser offers the person's last changes in this meeting that undo
// can take back (model.MaxUndo), newest first, each named: enter takes
// back the one chosen.
func (mt *meetingState) undoChooser(a *App) tea.Cmd {
	actor, st, id := a.actor, a.st, mt.id
	return func() tea.Msg {
		choices, err := st.UndoChoices(actor, id)
		if err != nil {
			return failedMsg{err: err}
		}
		return undoChoicesMsg{choices: choices}
	}
}

// undoChoicesMsg: the changes the person may undo, read.
type undoChoicesMsg struct{ choices []model.Undoable }

func (msg undoChoicesMsg) take(a *App) tea.Cmd {
	if a.mt != nil {
		a.mt.undoForm(a, msg.choices)
	}
	return nil
}

func (mt *meetingState) undoForm(a *App, choices []model.Undoable) {
	if len(choices) == 0 {
		return
	}
	actor, st, id := a.actor, a.st, mt.id
	names := make([]string, len(choices))
	for i, c := range choices {
		names[i] = c.At.Local().Format("15:04") + " " + model.CleanLine(c.Name)
	}
	f := newForm("Undo one of your changes (newest first)", mt.formCtx(a), func(f *form) tea.Cmd {
		c := choices[f.field("change").choice]
		return a.save(f.id, "", func() (any, error) {
			said, err := st.UndoChange(actor, id, c.Key())
			if err != nil {
				return nil, err
			}
			return said, nil
		})
	})
	f.choose("change", fmt.Sprintf("Your last %d changes here (←/→), enter undoes the one shown", len(choices)), names, 0)
	a.push(f)
}

// amendForm corrects a decision or note of this (closed) meeting.
func (mt *meetingState) amendForm(a *App) {
	actor, st := a.actor, a.st
	f := newForm("Amend the minutes (a later correction)", mt.formCtx(a), func(f *form) tea.Cmd {
		ref, ok1 := f.lineOf("ref", "ref", 20, true)
		text, ok2 := f.textOf("text", "corrected text", true)
		reason, ok3 := f.textOf("reason", "reason", true)
		if !ok1 || !ok2 || !ok3 {
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			am, err := st.Amend(actor, ref, text, reason)
			if err != nil {
				return nil, err
			}
			return am.Ref() + " amended: the minutes show it as amended; the original is in the audit trail", nil
		})
	})
	f.text("ref", "What to amend (D-12 or N-5, shown beside each)", "", "").
		text("text", "Corrected text", "", "").
		text("reason", "Why", "", "recorded with your name and today's date")
	a.push(f)
}
