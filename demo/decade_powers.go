package demo

import (
	"math/rand/v2"
	"time"

	"github.com/ccsp/tasking/model"
)

// The decade's powers: at a little under half its meetings the group
// records a power on one of the hotspots it walked, of a kind that fits the
// problem, starting that evening. Over ten years that is a couple of
// hundred, most long run out, a few in force on the last day: enough for
// `tasking powers`, the minutes' "powers in force" and their clocks to be
// read on a history, not only on the small demo.
//
// They are drawn from a random stream of their own (powerSeed), so adding
// them left every other record of the decade as it was: the same seed still
// gives the same actions, updates and counts.

// powerStream is the second word of the powers' stream's seed.
const powerStream = 0x9043

// powerChance is the share of meetings (in a hundred) that record one.
const powerChance = 45

// decadePowerKinds are the powers each kind of problem sees.
var decadePowerKinds = map[model.Category][]model.PowerKind{
	model.CategoryNuisance:      {model.PowerDispersal, model.PowerPSPO, model.PowerCPW},
	model.CategoryEnvironmental: {model.PowerCPW, model.PowerCPN, model.PowerPSPO},
	model.CategoryPersonal:      {model.PowerCPN, model.PowerInjunction, model.PowerClosureOrder},
}

// decadePowerTerms say what each requires, never naming a person.
var decadePowerTerms = map[model.PowerKind]string{
	model.PowerDispersal:    "The area around the hotspot, from 18:00 for 48 hours",
	model.PowerPSPO:         "No anti-social gatherings or street drinking in the designated area",
	model.PowerCPW:          "Stop the conduct complained of within 14 days",
	model.PowerCPN:          "Clear the land and keep it clear; no burning of waste",
	model.PowerInjunction:   "Not to enter the estate's communal areas or contact the complainants",
	model.PowerClosureOrder: "The premises closed to all but the owner and the agencies",
}

// decadePowerTerm is the term, in days, set on the powers the Act gives no
// end of their own (a warning's time to comply, a notice's or an
// injunction's term): without it ten years of them would all be in force.
var decadePowerTerm = map[model.PowerKind]int{model.PowerCPW: 28, model.PowerCPN: 365, model.PowerInjunction: 365}

func newPowerRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, powerStream)) }

// decadePowerHolders are the agencies (short names) that hold each kind:
// the council a PSPO, the police a dispersal, and so on.
var decadePowerHolders = map[model.PowerKind][]string{
	model.PowerDispersal:    {"Police"},
	model.PowerPSPO:         {"Community Safety"},
	model.PowerCPW:          {"Enforcement/CCTV", "Police", "Housing"},
	model.PowerCPN:          {"Env Protection", "Enforcement/CCTV"},
	model.PowerInjunction:   {"Housing"},
	model.PowerClosureOrder: {"Police", "Housing"},
}

// powerHolder is an agency that holds a power of kind.
func (g *decadeGen) powerHolder(kind model.PowerKind) model.ID {
	names := decadePowerHolders[kind]
	name := names[g.powerRng.IntN(len(names))]
	for _, a := range g.d.Agencies {
		if a.ShortName == name {
			return a.ID
		}
	}
	panic("demo: no agency " + name + " in the decade")
}

// power may record a power at meeting i on one of the hotspots walked,
// held by an agency that holds its kind, recorded by the chair as the
// meeting ends.
func (g *decadeGen) power(i int, walked []model.Hotspot, at time.Time) {
	if len(walked) == 0 || g.powerRng.IntN(100) >= powerChance {
		return
	}
	h := walked[g.powerRng.IntN(len(walked))]
	kinds := decadePowerKinds[h.Category]
	kind := kinds[g.powerRng.IntN(len(kinds))]
	start := g.at(g.past[i], 18, 0)
	n := model.NewPower{Kind: kind, HotspotID: h.ID, AgencyID: g.powerHolder(kind), Start: start,
		AuthorisedBy: g.chair.Name, Terms: decadePowerTerms[kind]}
	if days, ok := decadePowerTerm[kind]; ok {
		n.Expires = g.at(g.past[i].AddDays(days), 18, 0)
	}
	if kind == model.PowerPSPO {
		// Reviewed every year, the last a month before it runs out
		// (whether to extend it): the next review is the first not yet
		// past (with a fortnight's grace).
		last := model.DateOf(model.StatutoryEnd(kind, start, false)).AddDays(-30)
		n.Review = g.past[i].AddDays(365)
		for n.Review.Before(g.today.AddDays(-14)) && n.Review.Before(last) {
			if n.Review = n.Review.AddDays(365); last.Before(n.Review) {
				n.Review = last
			}
		}
	}
	chair := model.Actor{MemberID: g.chair.ID, Name: g.chair.Name, Role: model.RoleChair}
	hs := h
	g.d.Powers = append(g.d.Powers, n.Recorded(model.ID(len(g.d.Powers)+1), model.Made{Hotspot: &hs}, chair, at))
}
