package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// referralsItem is new referrals and emerging issues: h refers a new
// hotspot, which joins the agenda straight after this item; the emerging
// hotspots the police.uk data offers are listed with their evidence, y
// opening a hotspot from the selected one and D dismissing it; c records
// an ASB case review received.
type referralsItem struct{ plainItem }

// offered are the emerging hotspots the item lists: the first
// model.MaxSuggestions on offer.
func offered(v *meetingView) []model.Suggestion {
	ss := v.rec.Suggestions
	return ss[:min(len(ss), model.MaxSuggestions)]
}

func (referralsItem) selection(v *meetingView, _ agendaEntry) (int, []model.Action) {
	return len(offered(v)), nil
}

func (referralsItem) about() itemAbout {
	return itemAbout{help: "New referrals", records: true, declarable: true}
}

// tail: how many were referred, once there are any.
func (referralsItem) tail(a *App, _ agendaEntry) string {
	if n := len(a.mt.view.referrals); n > 0 {
		return fmt.Sprintf("%d", n)
	}
	return ""
}

func (referralsItem) hints(a *App, _ agendaEntry) []hint {
	r := a.keys.Referral
	hints := []hint{keyHint("new hotspot", r.NewHotspot)}
	if len(offered(a.mt.view)) > 0 {
		hints = append(hints, keyHint("accept/dismiss emerging", r.Accept, r.Dismiss))
	}
	return append(hints, keyHint("case review", r.CaseReview), keyHint("next", a.keys.Meeting.Next), keyHint("help", a.keys.Global.Help))
}

func (referralsItem) pane(a *App, _ agendaEntry, w int) itemPane {
	v, s := a.mt.view, a.styles
	lines := []string{" New referrals and emerging issues. " + s.Key.Render("h") + " refers a new hotspot; it joins the agenda straight after this item.",
		" " + s.Key.Render("c") + " records an ASB case review received: it joins the agenda in Part 2."}
	if len(v.referrals) == 0 {
		lines = append(lines, "", " "+s.Muted.Render("No new referrals yet."))
	} else {
		lines = append(lines, "", s.section("Referred in this meeting"))
		for _, h := range v.referrals {
			lines = append(lines, "  "+columns(w-3, []int{6, 40, 18, 4}, h.Ref(), h.Title, h.Ward, s.Risk(h.Risk), v.idx.Agencies.Label(h.LeadAgencyID)))
		}
	}
	ss := offered(v)
	p := itemPane{rows: len(ss), sel: -1, tail: recorded(s, a.mt.rowCtx(), v.standing[model.ItemReferrals], w)}
	if len(ss) > 0 {
		title := fmt.Sprintf("Emerging hotspots from police.uk (%d", len(ss))
		if n := len(v.rec.Suggestions); n > len(ss) {
			title += fmt.Sprintf(" of %d", n)
		}
		lines = append(lines, "", s.section(title+"): y opens a hotspot from one, D dismisses it for 3 months"))
		p.sel = a.mt.sel
		p.row = func(i int, selected bool) string {
			sg := ss[i]
			cur := " "
			if selected {
				cur = "▸"
			}
			return cur + columns(w-2, []int{34, 13, 0}, sg.Place.Label(), fmt.Sprintf("%d in %s", sg.Count, sg.Month.Short()), sg.Why())
		}
		p.under = func(i int) []string {
			var out []string
			for _, l := range wrap(ss[i].Evidence(), w-6) {
				out = append(out, "     "+s.Muted.Render(l))
			}
			return out
		}
	}
	p.head = lines
	return p
}

func (it referralsItem) edit(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, a.keys.Referral.NewHotspot):
		it.referralForm(a)
	case key.Matches(msg, a.keys.Referral.CaseReview):
		caseReviewForm(a)
	case key.Matches(msg, a.keys.Referral.Accept), key.Matches(msg, a.keys.Referral.Dismiss):
		ss := offered(a.mt.view)
		if a.mt.sel < 0 || a.mt.sel >= len(ss) {
			a.flash, a.flashErr = "select an emerging hotspot first (j/k): there is none here", true
			return nil, true
		}
		if key.Matches(msg, a.keys.Referral.Accept) {
			acceptForm(a, ss[a.mt.sel])
			return nil, true
		}
		return it.dismiss(a, ss[a.mt.sel]), true
	default:
		return nil, false
	}
	return nil, true
}

var categoryChoices = []string{"nuisance", "personal", "environmental"}

func (referralsItem) referralForm(a *App) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	f := newForm("Refer a new hotspot", a.mt.itemFormCtx(a), func(f *form) tea.Cmd {
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

// riskChoices are the levels a referral starts at (the matrix, R on its
// item, assesses it later).
var riskChoices = []string{"high", "medium", "low"}

// acceptForm opens a hotspot from an emerging one: its title and location
// name the place (the chair may change them), and it is linked to the
// place with its evidence; it joins the agenda straight after this item.
func acceptForm(a *App, sg model.Suggestion) {
	actor, st, meetingID := a.actor, a.st, a.mt.id
	key := model.SuggestionKey(sg.Category, sg.Place)
	f := newForm("Open a hotspot: "+sg.Place.Label(), a.mt.itemFormCtx(a), func(f *form) tea.Cmd {
		lead, okA := f.agencyOf("lead")
		n := model.NewHotspot{Title: f.value("title"), Location: f.value("location"), Ward: f.value("ward"),
			Category: model.Category(f.value("category")), LeadAgencyID: lead.ID}
		n.Risk, _ = model.ParseRisk(f.value("risk"))
		if !okA {
			return nil
		}
		if _, err := n.Validate(); err != nil {
			f.failWith(err)
			return nil
		}
		return a.save(f.id, "", func() (any, error) {
			h, err := st.AcceptSuggestion(actor, key, n, meetingID)
			if err != nil {
				return nil, err
			}
			return h.Ref() + " opened from the emerging hotspot: it is next on the agenda", nil
		})
	})
	f.text("title", "Title", sg.Title(), "").
		text("location", "Location", sg.Place.Label(), "").
		text("ward", "Ward", "", "").
		choose("category", "ASB category", categoryChoices, 0).
		choose("risk", "Risk", riskChoices, 1).
		agency("lead", "Lead agency", "")
	a.push(f)
}

// dismiss asks, then dismisses an emerging hotspot for three months.
func (referralsItem) dismiss(a *App, sg model.Suggestion) tea.Cmd {
	actor, st := a.actor, a.st
	key := model.SuggestionKey(sg.Category, sg.Place)
	a.ask(fmt.Sprintf("Dismiss %s (%d in %s) for %d months?", sg.Place.Label(), sg.Count, sg.Month.Short(), model.DismissMonths), func() tea.Cmd {
		return a.save(0, sg.Place.Label()+" dismissed for three months", func() (any, error) {
			return st.DismissSuggestion(actor, key)
		})
	})
	return nil
}
