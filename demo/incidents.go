package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// The demo's incident history: police.uk-shaped counts of anti-social
// behaviour, month by month, at made-up places in Chesterfield's wards —
// four LSOAs a ward ("Chesterfield 001A", codes E0199…: in the shape of
// ONS's, but no real area's), a handful of streets in each — as `tasking
// import police-uk` would have stored them. Every place has its own
// background level; a hotspot's place is busier while the hotspot is
// open, more so the higher its risk, and quietens once it closes. Most
// hotspots are linked to their place (Hotspot.Areas); a few, where police
// data says little (fly-tipping, graffiti), have the counts the chair
// entered instead. Drawn from a generator of its own, so the rest of the
// demo is the same with it or without it.

// demoForce is the force the demo's data is reported by.
const demoForce = "Derbyshire Constabulary"

// streetNames are the streets of every demo LSOA, besides the hotspots'.
var streetNames = []string{"High Street", "Church Lane", "Station Road", "Park Road", "Mill Lane"}

// lsoasPerWard is how many LSOAs the demo gives a ward.
const lsoasPerWard = 4

// geography is the demo's places: each ward's LSOAs, each LSOA's streets.
type geography struct {
	lsoas   map[string][]model.Place // ward → its LSOAs
	streets map[string][]string      // LSOA code → its streets
	order   []string                 // LSOA codes in order
	byCode  map[string]model.Place
}

func newGeography(wards []Ward) *geography {
	g := &geography{lsoas: map[string][]model.Place{}, streets: map[string][]string{}, byCode: map[string]model.Place{}}
	for i, w := range wards {
		for j := range lsoasPerWard {
			n := i*lsoasPerWard + j
			p := model.Place{LSOA: fmt.Sprintf("E0199%04d", 1000+n), LSOAName: fmt.Sprintf("Chesterfield %03d%c", i+1, 'A'+j)}
			g.lsoas[w.Name] = append(g.lsoas[w.Name], p)
			g.order = append(g.order, p.LSOA)
			g.byCode[p.LSOA] = p
			g.streets[p.LSOA] = slices.Clone(streetNames)
		}
	}
	return g
}

// streetOf is the street a hotspot's location text names first ("Market
// Place, Low Pavement and the bus station" → "Market Place").
func streetOf(location string) string {
	s, _, _ := strings.Cut(location, ",")
	s, _, _ = strings.Cut(s, " and ")
	return strings.TrimSpace(s)
}

// hotspotPlace gives a hotspot its place: a street of one of its ward's
// LSOAs (the street its location names, added to that LSOA), and the
// area links it gets — the street, and for the busiest the LSOA too.
func (g *geography) hotspotPlace(h model.Hotspot, k int) (model.Place, []model.HotspotArea) {
	ls := g.lsoas[h.Ward]
	if len(ls) == 0 {
		return model.Place{}, nil
	}
	lsoa := ls[k%len(ls)]
	street := streetOf(h.Location)
	if !slices.Contains(g.streets[lsoa.LSOA], street) {
		g.streets[lsoa.LSOA] = append(g.streets[lsoa.LSOA], street)
	}
	p := model.Place{LSOA: lsoa.LSOA, LSOAName: lsoa.LSOAName, Location: street, Street: true}
	areas := []model.HotspotArea{model.AreaOf(p)}
	if h.Risk == model.RiskHigh && k%2 == 0 {
		areas = append(areas, model.AreaOf(lsoa))
	}
	slices.SortFunc(areas, func(a, b model.HotspotArea) int { return strings.Compare(a.Key(), b.Key()) })
	return p, areas
}

// enteredOnly: hotspots whose problem police ASB data says little about
// keep the counts the chair entered.
func enteredOnly(h model.Hotspot) bool {
	return h.Category == model.CategoryEnvironmental && h.Risk != model.RiskHigh
}

// busy is how a hotspot's place is busier than its background while the
// hotspot is open: by risk, building up over the months before it was
// referred and easing off after it closes.
type busy struct {
	place          model.Place
	opened, closed model.Month // closed zero: still open
	extra          float64
}

func (b busy) at(m model.Month) float64 {
	switch {
	case m.Before(b.opened.Add(-3)):
		return 0
	case m.Before(b.opened):
		return b.extra * float64(4-b.opened.Since(m)) / 4 // building up
	case b.closed.IsZero() || !m.After(b.closed):
		// Worst around the referral; the work brings it down slowly.
		return b.extra * math.Max(0.45, 1-0.04*float64(m.Since(b.opened)))
	case m.Since(b.closed) < 4:
		return b.extra * 0.45 * float64(4-m.Since(b.closed)) / 4
	}
	return 0
}

var extraByRisk = map[model.Risk]float64{model.RiskHigh: 14, model.RiskMedium: 7, model.RiskLow: 3}

// incidentHistory links the hotspots to their places (those not kept to
// entered counts) and makes the months from..to of anti-social behaviour
// at every place, one import batch a month. closedOn gives a hotspot's
// closing day (zero: open).
func incidentHistory(seed uint64, wards []Ward, hotspots []model.Hotspot, closedOn func(int) model.Date, from, to model.Month) ([]model.IncidentBatch, []model.IncidentRow) {
	rng := rand.New(rand.NewPCG(seed, 0x1dc))
	geo := newGeography(wards)
	var busies []busy
	for k := range hotspots {
		h := &hotspots[k]
		p, areas := geo.hotspotPlace(*h, k)
		if p.LSOA == "" {
			continue
		}
		if !enteredOnly(*h) {
			h.Areas = areas
		}
		b := busy{place: p, opened: model.MonthOf(h.Opened), extra: extraByRisk[h.Risk]}
		if d := closedOn(k); !d.IsZero() {
			b.closed = model.MonthOf(d)
		}
		busies = append(busies, b)
	}
	// Each street's background: most are quiet, a few are not.
	type spot struct {
		place model.Place
		base  float64
	}
	var spots []spot
	for _, code := range geo.order {
		lsoa := geo.byCode[code]
		for _, st := range geo.streets[code] {
			base := 0.3 + rng.Float64()*1.5
			if rng.IntN(8) == 0 {
				base += 2 + rng.Float64()*4
			}
			spots = append(spots, spot{place: model.Place{LSOA: lsoa.LSOA, LSOAName: lsoa.LSOAName, Location: st, Street: true}, base: base})
		}
	}
	extraAt := map[string][]busy{}
	for _, b := range busies {
		extraAt[b.place.Key()] = append(extraAt[b.place.Key()], b)
	}
	var batches []model.IncidentBatch
	var rows []model.IncidentRow
	for m := from; !m.After(to); m = m.Add(1) {
		b := model.IncidentBatch{Force: demoForce, Month: m, Category: model.CategoryASB, Area: "Chesterfield", File: "demo"}
		// Summer is busier, as it is.
		season := 1 + 0.25*math.Sin(float64(int(m.Month())-4)*math.Pi/6)
		for _, s := range spots {
			mean := s.base * season
			for _, x := range extraAt[s.place.Key()] {
				mean += x.at(m) * season
			}
			n := poisson(rng, mean)
			if n == 0 {
				continue
			}
			rows = append(rows, model.IncidentRow{Month: m, Force: demoForce, Category: model.CategoryASB, Place: s.place, Count: n})
			b.Incidents += n
			b.Places++
		}
		if n := poisson(rng, 1.5); n > 0 { // "No Location"
			rows = append(rows, model.IncidentRow{Month: m, Force: demoForce, Category: model.CategoryASB, Count: n})
			b.Incidents, b.Places, b.Unlocated = b.Incidents+n, b.Places+1, n
		}
		batches = append(batches, b)
	}
	return batches, rows
}

// poisson draws a count with the given mean (Knuth's method: the means
// here are small).
func poisson(rng *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// WithoutIncidents takes the made-up police.uk data out of a demo (and
// the hotspots' links to it): a partnership to import real files into.
func WithoutIncidents(d *store.Dataset) {
	d.IncidentBatches, d.Incidents = nil, nil
	for i := range d.Hotspots {
		d.Hotspots[i].Areas = nil
	}
}
