package tui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// countsForm enters the chair's count of incidents at h for a month gone
// by (I on its item in the meeting and on its page): what its trend shows
// where no imported data is linked. The month starts as last month, with
// the count entered for it before, if any; an empty count takes the
// month's count back. Saved against the version the form showed.
func countsForm(a *App, h model.Hotspot, ctx formContext, meetingID model.ID) {
	if h.Exempt || !h.IsOpen() {
		return
	}
	if err := model.Allow(a.actor, model.OpHotspotCount, 0); err != nil {
		a.flash, a.flashErr = err.Error(), true
		return
	}
	actor, st := a.actor, a.st
	month := model.MonthOf(ctx.today).Add(-1)
	was := ""
	for _, c := range h.Incidents {
		if c.Period == month.String() {
			was = strconv.Itoa(c.Count)
		}
	}
	f := newForm("Incidents · "+h.Ref()+" "+h.Title, ctx, func(f *form) tea.Cmd {
		m, err := model.ParseMonth(f.value("month"))
		if err != nil {
			f.fail("month", "write the month as YYYY-MM, e.g. "+month.String())
			return nil
		}
		var n *int
		said := fmt.Sprintf("%s: no count for %s", h.Ref(), m.Long())
		if t := strings.TrimSpace(f.value("count")); t != "" {
			c, err := strconv.Atoi(t)
			if err != nil || c < 0 {
				f.fail("count", "a count is a whole number, 0 or more (empty takes the month's count back)")
				return nil
			}
			n, said = &c, fmt.Sprintf("%s: %d in %s", h.Ref(), c, m.Long())
		}
		version := a.expect(f)
		return a.save(f.id, said, func() (any, error) {
			return st.SetHotspotCount(actor, h.ID, version, m, n, meetingID)
		})
	})
	hint := "incidents that month, from your own figures"
	if len(h.Areas) > 0 {
		hint += " (its linked police.uk data is shown while there is any)"
	}
	f.text("month", "Month (YYYY-MM)", month.String(), "a month gone by").
		text("count", "Incidents", was, hint+"; empty takes the month's count back")
	f.focusOn("count")
	f.guard(h.Ref(), h, h.Version)
	a.push(f)
}
