package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// referralsItem is new referrals and emerging issues: h refers a new
// hotspot, which joins the agenda straight after this item.
type referralsItem struct{ plainItem }

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
	return []hint{keyHint("new hotspot", a.keys.Referral.NewHotspot), keyHint("case review", a.keys.Referral.CaseReview), keyHint("next", a.keys.Meeting.Next), keyHint("help", a.keys.Global.Help)}
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
	return itemPane{head: append(lines, recorded(s, a.mt.rowCtx(), v.standing[model.ItemReferrals], w)...), sel: -1}
}

func (it referralsItem) edit(a *App, _ agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, a.keys.Referral.NewHotspot):
		it.referralForm(a)
	case key.Matches(msg, a.keys.Referral.CaseReview):
		caseReviewForm(a)
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
