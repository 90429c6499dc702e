package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// itemKey handles the keys that act on the current agenda item.
func (a *App) itemKey(msg tea.KeyPressMsg) tea.Cmd {
	mt, km := a.mt, a.keys
	e := mt.entry()
	// Keys that read rather than write work in a closed meeting too.
	switch {
	case e.kind == model.ItemMatters && key.Matches(msg, km.Matters.History):
		if act, ok := mt.selectedAction(); ok {
			return a.loadHistory(act)
		}
		return nil
	case e.kind == model.ItemMinutes && key.Matches(msg, km.MinutesItem.ViewPrevious):
		if p := mt.view.rec.Previous; p != nil {
			return a.openPreview(p.Ref())
		}
		a.flash, a.flashErr = "there is no previous meeting", true
		return nil
	}
	if !isEditKey(msg) {
		return nil
	}
	if !a.editable() {
		return nil
	}
	switch e.kind {
	case model.ItemAttendance:
		if cmd, done := a.attendanceKey(msg); done {
			return cmd
		}
	case model.ItemDeclarations:
		switch {
		case key.Matches(msg, km.Declaration.Declare):
			a.declarationForm()
			return nil
		case key.Matches(msg, km.Declaration.None):
			actor, st, id := a.actor, a.st, mt.id
			return a.save(0, "recorded: no declarations of interest", func() (any, error) { return st.SetNoDeclarations(actor, id) })
		case key.Matches(msg, km.Declaration.Withdraw):
			return a.withdrawDeclaration()
		}
	case model.ItemMinutes:
		if key.Matches(msg, km.MinutesItem.Approve) {
			actor, st, id := a.actor, a.st, mt.id
			return a.save(0, "previous minutes approved as a correct record", func() (any, error) { return st.ApprovePreviousMinutes(actor, id) })
		}
	case model.ItemMatters:
		if cmd, done := a.mattersKey(msg); done {
			return cmd
		}
	case model.ItemHotspot:
		switch {
		case key.Matches(msg, km.Hotspot.Risk):
			a.riskForm(e.hotspotID)
			return nil
		case key.Matches(msg, km.Hotspot.HotspotStatus):
			a.hotspotStatusForm(e.hotspotID)
			return nil
		case key.Matches(msg, km.Hotspot.CloseHotspot):
			a.closeHotspotForm(e.hotspotID)
			return nil
		case key.Matches(msg, km.Hotspot.NoChange):
			actor, st, meetingID, hid := a.actor, a.st, a.mt.id, e.hotspotID
			n := model.NewNote{Item: model.ItemHotspot, HotspotID: hid, Text: model.NoChangeNote}
			return a.save(0, model.HotspotRef(hid)+": discussed, no change (minuted)", func() (any, error) {
				return st.RecordNote(actor, meetingID, n)
			})
		}
	case model.ItemReferrals:
		if key.Matches(msg, km.Referral.NewHotspot) {
			a.referralForm()
			return nil
		}
	case model.ItemNextMeeting:
		if key.Matches(msg, km.Next.SetDate) {
			a.nextDateForm()
			return nil
		}
	}
	switch {
	case key.Matches(msg, km.Meeting.Assign):
		if e.kind != model.ItemHotspot && e.kind != model.ItemAOB {
			a.flash, a.flashErr = "actions are assigned under a hotspot item or any other business", true
			return nil
		}
		a.assignForm(e.hotspotID)
	case key.Matches(msg, km.Meeting.Resolve):
		if e.kind == model.ItemAttendance || e.kind == model.ItemNextMeeting {
			a.flash, a.flashErr = "resolutions are recorded under an agenda item (not attendance or the next date)", true
			return nil
		}
		a.resolveForm(e)
	case key.Matches(msg, km.Meeting.Note):
		if e.kind == model.ItemAttendance || e.kind == model.ItemNextMeeting {
			a.flash, a.flashErr = "notes are recorded under an agenda item (not attendance or the next date)", true
			return nil
		}
		a.noteForm(e)
	case key.Matches(msg, km.Meeting.Status):
		act, ok := mt.selectedAction()
		if !ok {
			a.flash, a.flashErr = "select an action first (j/k): there is none here", true
			return nil
		}
		if !a.actionBusy(act) {
			a.statusForm(act)
		}
	}
	return nil
}

// isEditKey: the keys that would change the record. Anything else (a stray
// letter) does nothing, even in a closed meeting, rather than flashing.
func isEditKey(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "a", "r", "n", "s", "R", "S", "C", "1", "2", "3", "p", "space", "P", "H", "g", "c", "d", "0", "y",
		"i", "b", "o", "f", "v", "u", "h", "-", "delete":
		return true
	}
	return false
}

func (a *App) attendanceKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	mt, ak := a.mt, a.keys.Attendance
	v := mt.view
	actor, st, id := a.actor, a.st, mt.id
	var status model.AttendanceStatus
	switch {
	case key.Matches(msg, ak.Present):
		status = model.Present
	case key.Matches(msg, ak.Apologies):
		status = model.Apologies
	case key.Matches(msg, ak.Absent):
		status = model.Absent
	case key.Matches(msg, ak.Cycle):
		if mt.sel < len(v.people) {
			switch v.rec.Meeting.AttendanceOf(v.people[mt.sel].ID) {
			case model.Present:
				status = model.Apologies
			case model.Apologies:
				status = model.Absent
			default:
				status = model.Present
			}
		}
	case key.Matches(msg, ak.RestPresent):
		return a.save(0, "everyone not yet marked is present", func() (any, error) { return st.MarkRemainingPresent(actor, id) }), true
	case key.Matches(msg, ak.Connected):
		return a.markConnectedPresent(), true
	case key.Matches(msg, ak.Guest):
		a.guestForm()
		return nil, true
	case key.Matches(msg, ak.RemoveGuest):
		i := mt.sel - len(v.people)
		if i < 0 || i >= len(v.rec.Meeting.Guests) {
			a.flash, a.flashErr = "select a guest to take off the list (members are marked 1, 2 or 3)", true
			return nil, true
		}
		g := v.rec.Meeting.Guests[i]
		return a.save(0, "guest "+g.Name+" taken off (z puts them back)", func() (any, error) { return st.RemoveGuest(actor, id, i) }), true
	case key.Matches(msg, ak.Statement):
		return a.save(0, "confidentiality statement recorded as read", func() (any, error) { return st.RecordConfidentiality(actor, id) }), true
	default:
		return nil, false
	}
	if mt.sel >= len(v.people) {
		a.flash, a.flashErr = "guests are recorded as present", true
		return nil, true
	}
	mem := v.people[mt.sel]
	// Mark and move on: attendance is taken down the list.
	mt.pick(mt.sel + 1)
	return a.save(0, mem.Name+": "+string(status), func() (any, error) { return st.SetAttendance(actor, id, mem.ID, status) }), true
}

func (a *App) mattersKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	mt, mk := a.mt, a.keys.Matters
	act, ok := mt.selectedAction()
	if mt.mattersOrder == nil && mt.view != nil {
		// From the chair's first change here until they move on, the list
		// keeps the order they are reading it in.
		for _, m := range mt.view.matters {
			mt.mattersOrder = append(mt.mattersOrder, m.ID)
		}
	}
	var to model.ActionStatus
	switch {
	case key.Matches(msg, mk.Done):
		to = model.StatusDone
	case key.Matches(msg, mk.InProgress):
		to = model.StatusInProgress
	case key.Matches(msg, mk.Blocked):
		to = model.StatusBlocked
	case key.Matches(msg, mk.Cancelled):
		to = model.StatusCancelled
	case key.Matches(msg, mk.Reopen):
		to = model.StatusOpen
	case key.Matches(msg, mk.Carry):
		if ok {
			a.carryForm(act)
		}
		return nil, true
	case key.Matches(msg, mk.Update):
		if ok {
			a.progressForm(act)
		}
		return nil, true
	case key.Matches(msg, mk.Correct):
		if ok && !a.actionBusy(act) {
			a.correctionForm(act, a.formCtx())
		}
		return nil, true
	case key.Matches(msg, mk.Accept):
		if !ok || a.actionBusy(act) {
			return nil, true
		}
		if !mt.view.newsSince(act) {
			a.flash, a.flashErr = act.Ref()+" has no update from its agency since the last meeting: v notes it as reviewed", true
			return nil, true
		}
		actor, st, id := a.actor, a.st, mt.id
		where := mt.moveOn(act)
		return a.saveAction(0, act.Ref()+": update accepted"+where, act.ID, func() (any, error) { return st.AcceptUpdate(actor, act.ID, act.Version, id) }), true
	case key.Matches(msg, mk.NoChange):
		if !ok || a.actionBusy(act) {
			return nil, true
		}
		actor, st, id := a.actor, a.st, mt.id
		where := mt.moveOn(act) // on to the next action, whatever the list looks like after the reload
		return a.saveAction(0, act.Ref()+" reviewed, no change"+where, act.ID, func() (any, error) { return st.MarkReviewed(actor, act.ID, id) }), true
	default:
		return nil, false
	}
	if !ok || a.actionBusy(act) {
		return nil, true
	}
	if err := model.CheckTransition(act.Status, to); err != nil {
		a.flash, a.flashErr = act.Ref()+": "+err.Error(), true
		return nil, true
	}
	actor, st, id := a.actor, a.st, mt.id
	if to == model.StatusDone || to == model.StatusCancelled {
		// Done asks for an outcome (optional), cancelled for a reason: the
		// minutes record why, not just that.
		a.statusNoteForm(act, to, id, a.formCtx(), func() { mt.pick(mt.sel + 1) })
		return nil, true
	}
	where := mt.moveOn(act) // on to the next action
	return a.saveAction(0, act.Ref()+" → "+to.Label()+where, act.ID, func() (any, error) {
		return st.SetActionStatus(actor, act.ID, act.Version, to, "", id)
	}), true
}

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

func (a *App) formCtx() formContext {
	v := a.mt.view
	return formContext{agencies: v.rec.Agencies, today: a.st.Today(), next: v.nextMeeting}
}

func (a *App) assignForm(hotspotID model.ID) {
	v, mt := a.mt.view, a.mt
	title := "Assign an action · any other business"
	if hv := v.hotspots[hotspotID]; hv != nil {
		title = "Assign an action · " + hv.h.Ref() + " " + hv.h.Title
	}
	actor, st, meetingID := a.actor, a.st, mt.id
	f := newForm(title, a.formCtx(), func(f *form) tea.Cmd {
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

func (a *App) resolveForm(e agendaEntry) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Record a resolution · "+e.title, a.formCtx(), func(f *form) tea.Cmd {
		// The field reads "RESOLVED – that …": what is typed completes it
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

func (a *App) noteForm(e agendaEntry) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Add a note · "+e.title, a.formCtx(), func(f *form) tea.Cmd {
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

var statusChoices = []string{"open", "in-progress", "done", "blocked", "cancelled"}

func (a *App) statusForm(act model.Action) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	cur := 0
	for i, c := range statusChoices {
		if c == string(act.Status) {
			cur = i
		}
	}
	f := newForm("Status · "+act.Ref()+" "+act.Text, a.formCtx(), func(f *form) tea.Cmd {
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

func (a *App) carryForm(act model.Action) {
	a.dueForm(act, dueFormSpec{title: "Carry forward", defaultWhen: "next-meeting", said: "carried forward to",
		reasonHint: "why it is late: recorded in the minutes", ctx: a.formCtx(), meetingID: a.mt.id})
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

func (a *App) progressForm(act model.Action) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Progress note · "+act.Ref()+" "+act.Text, a.formCtx(), func(f *form) tea.Cmd {
		text, ok := f.textOf("text", "progress note", true)
		if !ok {
			return nil
		}
		return a.saveAction(f.id, "progress note added to "+act.Ref(), act.ID, func() (any, error) {
			return st.AddActionNote(actor, act.ID, text, meetingID)
		})
	})
	f.longText("text", "Progress", "", "what the rep reported")
	a.push(f)
}

func (a *App) guestForm() {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Add a guest", a.formCtx(), func(f *form) tea.Cmd {
		name, ok1 := f.lineOf("name", "guest's name", 80, true)
		org, ok2 := f.lineOf("agency", "guest's organisation", 100, true)
		if !ok1 || !ok2 {
			return nil
		}
		return a.save(f.id, "guest added: "+name, func() (any, error) {
			return st.AddGuest(actor, meetingID, model.Guest{Name: name, Agency: org})
		})
	})
	f.text("name", "Name", "", "").text("agency", "Organisation", "", "e.g. Chesterfield Royal Hospital")
	a.push(f)
}

func (a *App) declarationForm() {
	mt := a.mt
	if mt.sel >= len(mt.view.present) {
		return
	}
	mem := mt.view.present[mt.sel]
	actor, st, meetingID := a.actor, a.st, mt.id
	// Which item: the meeting's business generally, or one agenda item (so
	// the item can say so, and one taken in private keeps its details out
	// of the public minutes).
	choices := []string{"the meeting's business generally"}
	items := []agendaEntry{{}}
	for i, e := range mt.view.items {
		if e.kind == model.ItemAttendance || e.kind == model.ItemNextMeeting || e.kind == model.ItemDeclarations {
			continue
		}
		choices = append(choices, fmt.Sprintf("%d %s", i+1, e.title))
		items = append(items, e)
	}
	f := newForm("Declaration of interest · "+mem.Name, a.formCtx(), func(f *form) tea.Cmd {
		text, ok := f.textOf("text", "declaration", true)
		if !ok {
			return nil
		}
		on := items[f.field("item").choice]
		return a.save(f.id, "declaration recorded", func() (any, error) {
			return st.AddDeclaration(actor, meetingID, mem.ID, on.kind, on.hotspotID, text)
		})
	})
	f.choose("item", "On item (←/→)", choices, 0).
		text("text", "Interest declared", "", "the nature of the interest")
	a.push(f)
}

var riskChoices = []string{"high", "medium", "low"}

func (a *App) riskForm(id model.ID) {
	h := a.mt.view.hotspots[id].h
	actor, st, meetingID := a.actor, a.st, a.mt.id
	cur := map[model.Risk]int{model.RiskHigh: 0, model.RiskMedium: 1, model.RiskLow: 2}[h.Risk]
	f := newForm("Risk · "+h.Ref()+" "+h.Title, a.formCtx(), func(f *form) tea.Cmd {
		risk, _ := model.ParseRisk(f.value("risk"))
		reason, ok := f.textOf("reason", "reason", false)
		if !ok {
			return nil
		}
		version := a.expect(f)
		return a.save(f.id, h.Ref()+" risk now "+risk.String(), func() (any, error) {
			return st.SetHotspotRisk(actor, h.ID, version, risk, reason, meetingID)
		})
	})
	// The reason starts empty, the current one shown as its hint: typing
	// replaces it rather than gluing onto it; left empty, it stays.
	hint := "harm, vulnerability, repeat victimisation"
	if r := model.CleanLine(h.RiskReason); r != "" {
		hint = "now: " + model.Clip(r, 60) + " (left empty, it stays)"
	}
	f.choose("risk", "Risk level", riskChoices, cur).
		text("reason", "Reason", "", hint)
	f.guard(h.Ref(), h, h.Version)
	a.push(f)
}

var hotspotStatusChoices = []string{"new", "active", "monitoring"}

func (a *App) hotspotStatusForm(id model.ID) {
	h := a.mt.view.hotspots[id].h
	actor, st, meetingID := a.actor, a.st, a.mt.id
	cur := 1
	for i, c := range hotspotStatusChoices {
		if c == string(h.Status) {
			cur = i
		}
	}
	f := newForm("Status · "+h.Ref()+" "+h.Title, a.formCtx(), func(f *form) tea.Cmd {
		to := model.HotspotStatus(f.value("status"))
		if to == h.Status {
			f.fail("status", h.Ref()+" is already "+string(to))
			return nil
		}
		version := a.expect(f)
		return a.save(f.id, h.Ref()+" now "+string(to), func() (any, error) {
			return st.SetHotspotStatus(actor, h.ID, version, to, meetingID)
		})
	})
	f.choose("status", "Hotspot status (C closes it)", hotspotStatusChoices, cur)
	f.guard(h.Ref(), h, h.Version)
	a.push(f)
}

// openActionChoices are what closing a hotspot can do with its open
// actions; esc is the third way: go back.
var openActionChoices = []string{"close them with it", "move them to general business"}

func (a *App) closeHotspotForm(id model.ID) {
	hv := a.mt.view.hotspots[id]
	h := hv.h
	var open []string
	for _, act := range hv.actions {
		if !act.Status.IsClosed() {
			open = append(open, act.Ref())
		}
	}
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Close hotspot · "+h.Ref()+" "+h.Title, a.formCtx(), func(f *form) tea.Cmd {
		reason, ok := f.textOf("reason", "reason for closing", true)
		if !ok {
			return nil
		}
		then, said := model.OpenActionsRefuse, h.Ref()+" closed"
		if len(open) > 0 {
			then, said = model.OpenActionsClose, h.Ref()+" closed with its open actions"
			if f.field("actions").choice == 1 {
				then, said = model.OpenActionsGeneral, h.Ref()+" closed; its open actions continue as general business"
			}
		}
		version := a.expect(f)
		return a.save(f.id, said, func() (any, error) {
			return st.CloseHotspot(actor, h.ID, version, reason, meetingID, then)
		})
	})
	f.guard(h.Ref(), h, h.Version)
	f.text("reason", "Reason for closing", "", "what the group agreed, e.g. no reports for six weeks")
	if len(open) > 0 {
		// Closing with work still open asks what becomes of it (esc goes back).
		f.choose("actions", fmt.Sprintf("%d open actions (%s): (←/→, esc goes back)", len(open), strings.Join(open, ", ")), openActionChoices, 0)
	}
	a.push(f)
}

var categoryChoices = []string{"nuisance", "personal", "environmental"}

func (a *App) referralForm() {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Refer a new hotspot", a.formCtx(), func(f *form) tea.Cmd {
		lead, okA := f.agencyOf("lead")
		n := model.NewHotspot{Title: f.value("title"), Location: f.value("location"), Ward: f.value("ward"),
			Category: model.Category(f.value("category")), Theme: f.value("theme"), LeadAgencyID: lead.ID}
		n.Risk, _ = model.ParseRisk(f.value("risk"))
		if !okA {
			return nil
		}
		n, err := n.Validate()
		if err != nil {
			f.failWith(err)
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			h, err := st.AddHotspot(actor, n, meetingID)
			if err != nil {
				return nil, err
			}
			if h.Private() {
				return h.Ref() + " referred: personal ASB, taken in private at the end of the meeting", nil
			}
			return h.Ref() + " referred: it is next on the agenda", nil
		})
	})
	f.text("title", "Title", "", "place and problem, e.g. Queen's Park: youths on the bandstand").
		text("location", "Location", "", "streets or landmarks").
		text("ward", "Ward", "", "").
		choose("category", "ASB category", categoryChoices, 0).
		text("theme", "Theme (optional)", "", "e.g. street drinking, fly-tipping, off-road bikes").
		choose("risk", "Risk", riskChoices, 1).
		agency("lead", "Lead agency", "")
	a.push(f)
}

func (a *App) nextDateForm() {
	m := a.mt.view.rec.Meeting
	actor, st := a.actor, a.st
	def := m.NextDate
	if def.IsZero() {
		def = m.Date.AddDays(7)
	}
	ctx := a.formCtx()
	ctx.next = model.Date{} // "next-meeting" is what is being set
	f := newForm("Date of the next meeting", ctx, func(f *form) tea.Cmd {
		d, ok1 := f.dateOf("date")
		clock, err := model.ParseClock(f.value("time"))
		if err != nil {
			f.fail("time", err.Error())
		}
		place, ok2 := f.lineOf("place", "place", 120, false)
		if !ok1 || !ok2 || err != nil {
			return nil
		}
		return a.save(f.id, "next meeting: "+d.Format("Mon 2 Jan 2006")+" "+clock, func() (any, error) {
			return st.SetNextMeeting(actor, m.ID, d, clock, place)
		})
	})
	clock := m.NextTime
	if clock == "" {
		clock = m.Time
	}
	place := m.NextPlace
	if place == "" {
		place = m.Place
	}
	f.date("date", "Date", def.String()).text("time", "Time", clock, "24-hour").text("place", "Place", place, "")
	a.push(f)
}

func (a *App) addToAgendaForm() {
	v := a.mt.view
	if len(v.notOnAgenda) == 0 {
		a.flash, a.flashErr = "every open hotspot is already on the agenda", true
		return
	}
	hint := "not on the agenda:"
	for i, h := range v.notOnAgenda {
		if i == 4 {
			hint += " …"
			break
		}
		hint += " " + h.Ref()
	}
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Add a hotspot to the agenda", a.formCtx(), func(f *form) tea.Cmd {
		id, err := model.ParseRef(model.HotspotPrefix, f.value("ref"))
		if err != nil {
			f.fail("ref", err.Error())
			return nil
		}
		return a.save(f.id, model.HotspotRef(id)+" added to the agenda", func() (any, error) {
			return st.AddAgendaHotspot(actor, meetingID, id)
		})
	})
	f.text("ref", "Hotspot ref", v.notOnAgenda[0].Ref(), hint)
	a.push(f)
}

// withdrawDeclaration takes the selected member's latest declaration off
// the record (one keyed by mistake; z puts it back).
func (a *App) withdrawDeclaration() tea.Cmd {
	mt := a.mt
	v := mt.view
	if mt.sel < 0 || mt.sel >= len(v.present) {
		return nil
	}
	mem := v.present[mt.sel]
	i, err := v.rec.Meeting.FindDeclaration(mem.Name)
	if err != nil {
		a.flash, a.flashErr = err.Error(), true
		return nil
	}
	actor, st, id := a.actor, a.st, mt.id
	return a.save(0, "declaration by "+mem.Name+" withdrawn (z puts it back)", func() (any, error) { return st.WithdrawDeclaration(actor, id, i) })
}
