package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// powerForm records a power in force at hotspot h (P on its item): the
// kind, the agency that holds it, when it took effect (with the time for
// those whose clock runs in hours), an expiry never past the Act's, its
// review, who authorised it and its terms. The Act's limits are checked
// where they are typed (model.NewPower.Validate).
func powerForm(a *App, h model.Hotspot, ctx formContext, meetingID model.ID) {
	actor, st := a.actor, a.st
	kinds := make([]string, len(model.PowerKinds))
	for i, k := range model.PowerKinds {
		kinds[i] = k.Short()
	}
	f := newForm("Record a power in force · "+h.Ref()+" "+h.Title, ctx, func(f *form) tea.Cmd {
		kind := model.PowerKinds[f.field("kind").choice]
		ag, ok1 := f.agencyOf("agency")
		by, ok2 := f.lineOf("authorised_by", "officer who authorised it", 120, true)
		if !ok1 || !ok2 {
			return nil
		}
		now := a.now()
		n := model.NewPower{Kind: kind, HotspotID: h.ID, AgencyID: ag.ID, AuthorisedBy: by, Senior: f.on("senior"), Terms: f.value("terms")}
		var err error
		if n.Start, err = model.ParseMoment(f.value("start"), kind, now); err != nil {
			f.fail("start", err.Error())
			return nil
		}
		if v := strings.TrimSpace(f.value("expires")); v != "" {
			if n.Expires, err = model.ParseMoment(v, kind, now); err != nil {
				f.fail("expires", err.Error())
				return nil
			}
		}
		if v := strings.TrimSpace(f.value("review")); v != "" {
			if n.Review, err = model.ParseWhen(v, model.DateOf(now), model.Date{}); err != nil {
				f.fail("review", err.Error())
				return nil
			}
		}
		if _, err := n.Validate(); err != nil {
			f.failWith(err)
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			p, err := st.RecordPower(actor, n, meetingID)
			if err != nil {
				return nil, err
			}
			said := p.Ref() + " recorded: " + p.Kind.Title() + " at " + h.Ref()
			if c, ok := p.Flag(now); ok {
				said += " · ⚑ " + c.Line(now)
			}
			return said, nil
		})
	})
	f.choose("kind", "Power (←/→)", kinds, 0).
		agency("agency", "Held by (the agency that authorised or applied for it)", "").
		text("start", "Took effect", "now", "a date, with the time for a dispersal or closure notice: 'fri 18:00', '2026-11-27 18:00'").
		text("expires", "Expires (optional)", "", "left empty: the Act's limit (dispersal 48 h, closure notice 24 h, order 3 months, PSPO 3 years)").
		text("review", "Next review (optional)", "", "a date: flagged on the agenda within 28 days").
		text("authorised_by", "Authorised by", "", "the officer, with rank or role").
		toggle("senior", "Superintendent's or chief executive's authority (closure notice: 48 h)", false, "").
		text("terms", "Terms (optional)", "", "the area, the hours, the conduct: never the name of the person it is against")
	a.push(f)
}
