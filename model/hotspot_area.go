package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A hotspot is linked to the places in the imported police.uk data it
// covers: whole LSOAs, or locations (streets) within them. Its trend is
// the anti-social behaviour counted there (HotspotSeries), and an
// emerging place a link covers is not offered again (Covered).

// The kinds of area a hotspot links to.
const (
	AreaLSOA     = "lsoa"     // a whole LSOA: Code its code, Name its name
	AreaLocation = "location" // a street: Code the LSOA it is in, Name the street
)

// HotspotArea is one place a hotspot is linked to. For an LSOA, Code is
// its code ("E01019432") and Name its name ("Chesterfield 001A"); for a
// location, Code is the code of the LSOA police.uk puts it in and Name the
// street, as police.uk gives it after "On or near" (the same street name
// is a different place in another LSOA).
type HotspotArea struct {
	Kind string `json:"kind"`
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
}

// AreaOf is the link to a place in the imported data.
func AreaOf(p Place) HotspotArea {
	if p.Street {
		return HotspotArea{Kind: AreaLocation, Code: p.LSOA, Name: p.Location}
	}
	return HotspotArea{Kind: AreaLSOA, Code: p.LSOA, Name: p.LSOAName}
}

// Place is the place the link names in the imported data.
func (a HotspotArea) Place() Place {
	if a.Kind == AreaLocation {
		return Place{LSOA: a.Code, Location: a.Name, Street: true}
	}
	return Place{LSOA: a.Code, LSOAName: a.Name}
}

// Key identifies the place linked (Place.Key): two links with the same
// key are the same link.
func (a HotspotArea) Key() string { return a.Place().Key() }

// Label is the link as people read it: "Chesterfield 001A (E01019432)",
// or "Market Place (E01019432)".
func (a HotspotArea) Label() string {
	if a.Kind == AreaLocation {
		return a.Name + " (" + a.Code + ")"
	}
	return a.Place().Label()
}

// minuted is the link as a minute names it: a minute on public business
// is published, and the public record names areas, never a street.
func (a HotspotArea) minuted() string {
	if a.Kind == AreaLocation {
		return "a street in " + a.Code
	}
	return a.Label()
}

// AreaLabel is the area alone, as the public record names it: the LSOA,
// never the street (public minutes give counts by area only).
func (a HotspotArea) AreaLabel() string {
	if a.Kind == AreaLocation {
		return a.Code
	}
	return cmp.Or(a.Name, a.Code)
}

// NewHotspotArea checks a link as typed: the kind ("lsoa" or "location"),
// the LSOA code and, for a location, the street.
func NewHotspotArea(kind, code, name string) (HotspotArea, error) {
	a := HotspotArea{Kind: strings.ToLower(strings.TrimSpace(kind)), Code: strings.ToUpper(CleanLine(code)), Name: CleanLine(name)}
	switch {
	case a.Kind != AreaLSOA && a.Kind != AreaLocation:
		return a, Invalid("area", "%q: link an lsoa or a location", CleanLine(kind))
	case a.Code == "":
		return a, Invalid("area", "which LSOA? give its code (E01019432)")
	case len(a.Code) > MaxAreaCode || strings.ContainsAny(a.Code, " \x00|"):
		return a, Invalid("area", "%q is not an LSOA code (E01019432)", Clip(a.Code, MaxAreaCode))
	case a.Kind == AreaLocation && a.Name == "":
		return a, Invalid("area", "which street in %s?", a.Code)
	case len(a.Name) > MaxAreaName || strings.ContainsRune(a.Name, 0):
		return a, Invalid("area", "the name is longer than %d characters", MaxAreaName)
	}
	if a.Kind == AreaLocation {
		a.Name = StreetOf(a.Name)
	}
	return a, nil
}

// LinkArea links h to an area and returns the minute. An area linked
// already is no change; a hotspot holds at most MaxHotspotAreas.
func (h *Hotspot) LinkArea(a HotspotArea) (string, error) {
	a, err := NewHotspotArea(a.Kind, a.Code, a.Name)
	if err != nil {
		return "", err
	}
	if i := h.areaIndex(a.Key()); i >= 0 {
		return "", Invalid("area", "%s is already linked to %s", h.Ref(), h.Areas[i].Label())
	}
	if len(h.Areas) >= MaxHotspotAreas {
		return "", Invalid("area", "%s is linked to %d areas already, the most a hotspot may be: unlink one first", h.Ref(), MaxHotspotAreas)
	}
	h.Areas = append(h.Areas, a)
	slices.SortStableFunc(h.Areas, func(x, y HotspotArea) int { return strings.Compare(x.Key(), y.Key()) })
	return fmt.Sprintf("Linked to the police.uk counts for %s.", a.minuted()), nil
}

// UnlinkArea takes a link off h and returns the minute. which may say
// less than the link: an LSOA by its code or its name, a location by its
// street with or without its LSOA's code; one that fits two links is
// refused, asking which.
func (h *Hotspot) UnlinkArea(which HotspotArea) (string, error) {
	i := -1
	for j, x := range h.Areas {
		if !x.Fits(which) {
			continue
		}
		if i >= 0 {
			return "", Invalid("area", "%s is linked to %s and %s: say which (with --lsoa CODE)", h.Ref(), h.Areas[i].Label(), x.Label())
		}
		i = j
	}
	if i < 0 {
		return "", Invalid("area", "%s is not linked to %s", h.Ref(), which.Said())
	}
	gone := h.Areas[i]
	h.Areas = slices.Delete(slices.Clone(h.Areas), i, i+1)
	return fmt.Sprintf("No longer linked to the police.uk counts for %s.", gone.minuted()), nil
}

// Fits: the link is one which names, where which may give less: an LSOA
// by its code or its name, a location by its street (its LSOA's code
// optional). Case aside.
func (a HotspotArea) Fits(which HotspotArea) bool {
	if a.Kind != which.Kind {
		return false
	}
	if a.Kind == AreaLSOA {
		return which.Code != "" && (strings.EqualFold(a.Code, which.Code) || strings.EqualFold(a.Name, which.Code))
	}
	return strings.EqualFold(a.Name, StreetOf(which.Name)) && (which.Code == "" || strings.EqualFold(a.Code, which.Code))
}

// Said is what which asked for, in words.
func (a HotspotArea) Said() string {
	if a.Kind == AreaLocation {
		if a.Code != "" {
			return StreetOf(a.Name) + " (" + a.Code + ")"
		}
		return StreetOf(a.Name)
	}
	return cmp.Or(a.Code, a.Name)
}

func (h Hotspot) areaIndex(key string) int {
	return slices.IndexFunc(h.Areas, func(x HotspotArea) bool { return x.Key() == key })
}

// CountedAreas are the areas whose counts make the hotspot's trend: a
// location inside an LSOA the hotspot is also linked to is counted in
// that LSOA already, and is not counted twice.
func CountedAreas(areas []HotspotArea) []HotspotArea {
	whole := map[string]bool{}
	for _, a := range areas {
		if a.Kind == AreaLSOA {
			whole[a.Code] = true
		}
	}
	var out []HotspotArea
	for _, a := range areas {
		if a.Kind == AreaLocation && whole[a.Code] {
			continue
		}
		out = append(out, a)
	}
	return out
}

// PublicAreas are a hotspot's links as the public record gives them: by
// area only, a street as the LSOA it is in (public minutes and exports
// show counts by area, never a street a case may be placed at).
func PublicAreas(areas []HotspotArea) []HotspotArea {
	var out []HotspotArea
	seen := map[string]bool{}
	for _, a := range areas {
		if a.Kind == AreaLocation {
			a = HotspotArea{Kind: AreaLSOA, Code: a.Code}
		}
		if !seen[a.Code] {
			seen[a.Code] = true
			out = append(out, a)
		}
	}
	return out
}

// MatchPlaces are the imported places a link typed names: with a
// location, the streets called so (StreetOf, case aside), in the LSOA
// given if one is; without, the LSOA whose code or name is lsoa.
func MatchPlaces(places []PlaceSeries, lsoa, location string) []PlaceSeries {
	lsoa = strings.TrimSpace(lsoa)
	var out []PlaceSeries
	for _, p := range places {
		inLSOA := lsoa == "" || strings.EqualFold(p.LSOA, lsoa) || strings.EqualFold(p.LSOAName, lsoa)
		switch {
		case !inLSOA || p.LSOA == "":
		case strings.TrimSpace(location) != "":
			if p.Street && strings.EqualFold(p.Location, StreetOf(location)) {
				out = append(out, p)
			}
		case !p.Street && lsoa != "":
			out = append(out, p)
		}
	}
	return out
}
