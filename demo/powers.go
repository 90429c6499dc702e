package demo

import (
	"strings"

	"github.com/ccsp/tasking/model"
)

// The demo's powers (Anti-social Behaviour, Crime and Policing Act 2014),
// so a new user sees their clocks flagged on the agenda, in My actions and
// in `tasking powers`, and listed in the minutes: a PSPO against car meets
// at the retail park with its review due, a community protection notice
// served on the noisy HMO (private: it is against a person) with its
// appeal window open, and a dispersal authorisation at the bus station
// that ran its 48 hours a fortnight ago (`powers --all`). Dates are
// counted from the day the demo is built, as the rest of it is.
type demoPower struct {
	kind         model.PowerKind
	hotspot      string // the start of its hotspot's title
	agency       string // the holder's short name
	authorisedBy string
	terms        string
	// start: days from today (negative: before), at hour; review: days
	// from today (0: none).
	start, hour, review int
}

var demoPowers = []demoPower{
	{kind: model.PowerPSPO, hotspot: "Walton: car meets", agency: "Enforcement/CCTV", authorisedBy: "Cabinet, minute 87",
		terms: "No gathering of two or more vehicles for car cruising in the designated area", start: -400, hour: 12, review: 7},
	{kind: model.PowerCPN, hotspot: "Hasland: noise from an HMO", agency: "Env Protection", authorisedBy: "Mark Ridley",
		terms: "Stop amplified music after 23:00", start: -5, hour: 11},
	{kind: model.PowerDispersal, hotspot: "Staveley Central: youth ASB", agency: "Police", authorisedBy: "Insp Claire Dunn",
		terms: "Staveley bus station and Market Street, Friday and Saturday evenings", start: -17, hour: 18},
}

// addPowers records the demo's powers as RecordPower would, each on the
// first hotspot of its title (private where its hotspot is, or where it is
// against a person).
func (g *gen) addPowers() {
	chair := model.Actor{MemberID: g.memberBy[chairName].ID, Name: chairName, Role: model.RoleChair}
	for _, dp := range demoPowers {
		var h *model.Hotspot
		for i := range g.d.Hotspots {
			if strings.HasPrefix(g.d.Hotspots[i].Title, dp.hotspot) && g.d.Hotspots[i].IsOpen() {
				h = &g.d.Hotspots[i]
				break
			}
		}
		if h == nil {
			continue
		}
		start := g.at(g.today.AddDays(dp.start), dp.hour, 0)
		n := model.NewPower{Kind: dp.kind, HotspotID: h.ID, AgencyID: g.agencyBy[dp.agency], Start: start,
			AuthorisedBy: dp.authorisedBy, Terms: dp.terms}
		if dp.review != 0 {
			n.Review = g.today.AddDays(dp.review)
		}
		// Recorded the day it took effect, or the day before one yet to.
		at := start
		if yesterday := g.at(g.today.AddDays(-1), 9, 0); at.After(yesterday) {
			at = yesterday
		}
		hs := *h
		p := n.Recorded(model.ID(len(g.d.Powers)+1), model.Made{Hotspot: &hs}, chair, at)
		g.d.Powers = append(g.d.Powers, p)
	}
}
