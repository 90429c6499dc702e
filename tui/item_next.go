package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// nextMeetingItem is the last item: the date of the next meeting, what this
// one did, and x to close it.
type nextMeetingItem struct{ plainItem }

func (nextMeetingItem) about() itemAbout { return itemAbout{help: "Next meeting"} }

func (nextMeetingItem) hints(a *App, _ agendaEntry) []hint {
	m := a.keys.Meeting
	return []hint{keyHint("set date", a.keys.Next.SetDate), keyHint("close meeting", m.Close), keyHint("minutes", m.Minutes), keyHint("help", a.keys.Global.Help)}
}

func (it nextMeetingItem) edit(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !key.Matches(msg, a.keys.Next.SetDate) {
		return nil, false
	}
	it.dateForm(a)
	return nil, true
}

func (nextMeetingItem) pane(a *App, _ agendaEntry, _ int) itemPane {
	v, s := a.mt.view, a.styles
	m := v.rec.Meeting
	var lines []string
	if m.NextDate.IsZero() {
		lines = append(lines, " Next meeting: "+s.Warning.Render("not set")+" — "+s.Key.Render("d")+" sets it (usually a week today).")
	} else {
		lines = append(lines, " Next meeting: "+s.Bold.Render(m.NextDate.Long()+" "+m.NextTime)+" · "+m.NextPlace)
	}
	walked := 0
	for _, e := range v.items {
		if e.kind == model.ItemHotspot {
			walked++
		}
	}
	lines = append(lines, "",
		s.section("This meeting"),
		fmt.Sprintf("  %d present · %d hotspots on the agenda · %d new referrals", v.counts[model.Present]+len(m.Guests), walked, len(v.referrals)),
		fmt.Sprintf("  %d actions assigned · %d decisions · %d notes · %d matters arising reviewed", v.madeHere.actions, v.madeHere.decisions, v.madeHere.notes, v.reviewedMatters),
		"")
	if v.closed {
		lines = append(lines, " "+s.Muted.Render("Closed at "+m.ClosedAt.Local().Format("15:04")+"."))
	} else {
		lines = append(lines, " "+s.Key.Render("x")+" closes the meeting: it becomes read-only, every hotspot walked is marked reviewed,",
			"   and the next meeting is planned. "+s.Key.Render("M")+" previews the minutes.")
	}
	return itemPane{head: lines, sel: -1}
}

func (nextMeetingItem) dateForm(a *App) {
	m := a.mt.view.rec.Meeting
	actor, st := a.actor, a.st
	def := m.NextDate
	if def.IsZero() {
		def = m.Date.AddDays(7)
	}
	ctx := a.mt.itemFormCtx(a)
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
		// Saved against the next meeting as the form showed it (after a
		// refusal, as it is now: a second save is deliberate).
		shown, _ := f.guarded.shown.(model.NextMeeting)
		return a.save(f.id, "next meeting: "+d.Format("Mon 2 Jan 2006")+" "+clock, func() (any, error) {
			return st.SetNextMeeting(actor, m.ID, &shown, d, clock, place)
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
	g := f.guard(m.Ref()+"'s next meeting", m.Next(), m.Version)
	g.refresh = func(f *form, now any) {
		if n, ok := now.(model.NextMeeting); ok && !n.Date.IsZero() {
			f.adopt(map[string]string{"date": n.Date.String(), "time": n.Time, "place": n.Place})
		}
	}
	a.push(f)
}
