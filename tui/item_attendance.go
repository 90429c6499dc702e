package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// attendanceItem is the first item: the confidentiality statement, who is
// present, who sent apologies, and the guests. The cursor moves over the
// members, then the guests.
type attendanceItem struct{ plainItem }

func (attendanceItem) about() itemAbout { return itemAbout{help: "Attendance"} }

func (attendanceItem) selection(v *meetingView, _ agendaEntry) (int, []model.Action) {
	return len(v.people) + len(v.rec.Meeting.Guests), nil
}

func (attendanceItem) tail(a *App, _ agendaEntry) string {
	v := a.mt.view
	return fmt.Sprintf("%d/%d", v.counts[model.Present]+len(v.rec.Meeting.Guests), len(v.people)+len(v.rec.Meeting.Guests))
}

func (attendanceItem) hints(a *App, _ agendaEntry) []hint {
	at, next := a.keys.Attendance, keyHint("next", a.keys.Meeting.Next)
	if a.sharing() {
		return []hint{keyHint("present/apol/absent", at.Present, at.Apologies, at.Absent), keyHint("connected present", at.Connected),
			keyHint("rest present", at.RestPresent), keyHint("guest", at.Guest), keyHint("statement", at.Statement), next}
	}
	return []hint{keyHint("present/apol/absent", at.Present, at.Apologies, at.Absent), keyHint("rest present", at.RestPresent), keyHint("guest", at.Guest),
		keyHint("statement", at.Statement), next}
}

func (attendanceItem) pane(a *App, _ agendaEntry, w int) itemPane {
	mt, s := a.mt, a.styles
	v := mt.view
	m := v.rec.Meeting
	var head []string
	if m.ConfidentialityRead {
		head = append(head, " "+s.Green.Render("✓ Confidentiality statement read at "+m.ConfidentialityReadAt.Local().Format("15:04")))
	} else {
		say := "Confidentiality statement — read it aloud, then press c:"
		if !a.runsMeeting() {
			say = "Confidentiality statement — the chair reads it aloud:"
		}
		head = append(head, " "+s.Warning.Render(say))
		head = append(head, s.para(v.rec.Partnership.ConfidentialityStatement, w, s.Muted.Render)...)
	}
	head = append(head, "", " "+model.AttendanceCounts(v.counts[model.Present], v.counts[model.Apologies], v.counts[model.Absent], v.counts[model.Unmarked], len(m.Guests)))
	nameW := min(28, w/3)
	sel := -1
	if mt.sel >= 0 && mt.sel < len(v.selectableRow) {
		sel = v.selectableRow[mt.sel]
	}
	return itemPane{head: head, rows: len(v.attend), sel: sel, row: func(i int, selected bool) string {
		r := v.attend[i]
		switch {
		case r.header != "":
			return " " + s.Bold.Render(r.header)
		case r.guest >= 0:
			g := m.Guests[r.guest]
			return s.rowMark(selected, " "+columns(w-3, []int{nameW, 10}, g.Name, s.Green.Render("present"), s.Muted.Render(g.Agency)))
		}
		mem := v.people[r.member]
		st := v.status[mem.ID]
		label := st.Label()
		switch st {
		case model.Present:
			label = s.Green.Render(label)
		case model.Apologies:
			label = s.Amber.Render(label)
		case model.Absent:
			label = s.Muted.Render(label)
		}
		return s.rowMark(selected, " "+columns(w-3, []int{nameW, 10}, mem.Name, label, s.Muted.Render(mem.Title)))
	}}
}

// edit marks the selected member and moves down the list: attendance is
// taken down the list.
func (it attendanceItem) edit(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
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
		return it.markConnectedPresent(a), true
	case key.Matches(msg, ak.Guest):
		it.guestForm(a)
		return nil, true
	case key.Matches(msg, ak.RemoveGuest):
		i := mt.sel - len(v.people)
		if i < 0 || i >= len(v.rec.Meeting.Guests) {
			a.flash, a.flashErr = "select a guest to take off the list (members are marked 1, 2 or 3)", true
			return nil, true
		}
		g, shown := v.rec.Meeting.Guests[i], v.rec.Meeting.GuestPart(i)
		return a.save(0, "guest "+g.Name+" taken off (z puts them back)", func() (any, error) { return st.RemoveGuest(actor, id, i, &shown) }), true
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
	mt.pick(mt.sel + 1)
	return a.save(0, mem.Name+": "+string(status), func() (any, error) { return st.SetAttendance(actor, id, mem.ID, status) }), true
}

func (attendanceItem) guestForm(a *App) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Add a guest", a.mt.itemFormCtx(a), func(f *form) tea.Cmd {
		name, ok1 := f.lineOf("name", "guest's name", 80, true)
		org, ok2 := f.lineOf("agency", "guest's organisation", 100, true)
		if !ok1 || !ok2 {
			return nil
		}
		// Saved against the guest list as the form showed it: someone
		// else adding the same guest meanwhile is said, not doubled.
		shown := f.part()
		return a.save(f.id, "guest added: "+name, func() (any, error) {
			return st.AddGuest(actor, meetingID, shown, model.Guest{Name: name, Agency: org})
		})
	})
	f.text("name", "Name", "", "").text("agency", "Organisation", "", "e.g. Chesterfield Royal Hospital")
	m := a.mt.view.rec.Meeting
	f.guardPart(m, m.GuestsPart())
	a.push(f)
}

// markConnectedPresent takes attendance from who is connected to the
// server: every member on the attendance list with the app open now is
// marked present (one save each, in one go).
func (attendanceItem) markConnectedPresent(a *App) tea.Cmd {
	if !a.sharing() {
		a.flash, a.flashErr = "attendance from who is connected needs tasking serve: mark people with 1, 2 and 3", true
		return nil
	}
	mt := a.mt
	v := mt.view
	here := map[model.ID]bool{}
	for _, p := range a.connected() {
		here[p.MemberID] = true
	}
	var mark []model.ID
	for _, m := range v.people {
		if here[m.ID] && v.rec.Meeting.AttendanceOf(m.ID) != model.Present {
			mark = append(mark, m.ID)
		}
	}
	if len(mark) == 0 {
		a.flash, a.flashErr = "everyone connected is already marked present", false
		return nil
	}
	st, actor, id := a.st, a.actor, mt.id
	what := fmt.Sprintf("%d connected marked present", len(mark))
	if len(mark) == 1 {
		what = "1 connected member marked present"
	}
	return a.save(0, what, func() (any, error) {
		var m model.Meeting
		for _, who := range mark {
			var err error
			if m, err = st.SetAttendance(actor, id, who, model.Present); err != nil {
				return nil, err
			}
		}
		return m, nil
	})
}
