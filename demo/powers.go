package demo

import (
	"strings"

	"github.com/ccsp/tasking/model"
)

// The demo's powers in force (Anti-social Behaviour, Crime and Policing
// Act 2014), so a new user sees their clocks flagged on the agenda, in My
// actions and in `tasking powers`, and listed in the minutes: a PSPO at the
// street-drinking hotspot with its review due, a dispersal authorisation
// the last meeting resolved to seek (taking effect in two days), a closure
// order at the flats taken in private, and a community protection notice
// served on the noisy HMO, its appeal window open. Dates are counted from
// the day the demo is built, as the rest of it is.
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
	{kind: model.PowerPSPO, hotspot: "Whittington Moor: street drinking", agency: "Community Safety", authorisedBy: "Cabinet, minute 112",
		terms: "No drinking alcohol in the designated area when asked to stop by an authorised officer", start: -790, hour: 12, review: 7},
	{kind: model.PowerDispersal, hotspot: "Town centre: youths congregating", agency: "Police", authorisedBy: "Insp Claire Dunn",
		terms: "Market Place, Low Pavement and the bus station, Thursday to Saturday evenings", start: 2, hour: 18},
	{kind: model.PowerClosureOrder, hotspot: "Loundsley Green flats", agency: "Police", authorisedBy: "Chesterfield Magistrates' Court",
		start: -21, hour: 14},
	{kind: model.PowerCPN, hotspot: "Hasland: noise from an HMO", agency: "Env Protection", authorisedBy: "Mark Ridley",
		terms: "Stop amplified music after 23:00", start: -5, hour: 11},
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
