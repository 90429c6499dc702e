package model

import (
	"strconv"
	"strings"
)

// Emerging hotspots offered from police.uk data (EmergingPlaces, Offer):
// the chair accepts one, which opens a hotspot linked to the place with
// the evidence that made it emerge, or dismisses it for DismissMonths.

// RightDismissSuggestion is dismissing an emerging hotspot offered: the
// chair's call, as opening one is (OpAddHotspot).
const RightDismissSuggestion Right = "dismiss an emerging hotspot"

// AcceptDefaults is n with what the chair left empty taken from s: the
// title and location name the place.
func (n NewHotspot) AcceptDefaults(s Suggestion) NewHotspot {
	if CleanLine(n.Title) == "" {
		n.Title = s.Title()
	}
	if CleanLine(n.Location) == "" {
		n.Location = s.Place.Label()
	}
	return n
}

// Accepted is h, opened from suggestion s: linked to its place and crime
// type, with the evidence that made it emerge.
func (h Hotspot) Accepted(s Suggestion) Hotspot {
	h.Areas = append(h.Areas, s.Link())
	h.Evidence = s.Evidence()
	return h
}

// FindSuggestion is the suggestion among offered that key names: its
// number in the list as shown (1 first), or its place's key
// (SuggestionKey, or the place's LSOA code or "LSOA|street").
func FindSuggestion(offered []Suggestion, key string) (Suggestion, error) {
	in := CleanLine(key)
	if n, err := strconv.Atoi(in); err == nil && n >= 1 && n <= len(offered) {
		return offered[n-1], nil
	}
	var found []Suggestion
	for _, s := range offered {
		if in == SuggestionKey(s.Category, s.Place) || in == s.Place.Key() {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return Suggestion{}, Invalid("suggestion", "%q is not an emerging hotspot on offer: give its number in `hotspot suggest`, or its place (an LSOA code, or LSOA|street)", in)
	}
	return Suggestion{}, Invalid("suggestion", "%q is offered for %d crime types: give its number in `hotspot suggest`", in, len(found))
}

// Why is the evidence in a narrow column: "top tenth (≥12) · +133% on
// 6.0", "new".
func (s Suggestion) Why() string {
	var why []string
	if s.TopDecile {
		why = append(why, "top tenth (≥"+strconv.Itoa(s.Threshold)+")")
	}
	if s.Rising() {
		if s.Rise.New {
			why = append(why, "new: none in the 3 months before")
		} else {
			why = append(why, s.Rise.String()+" on "+strconv.FormatFloat(s.BaseMean, 'f', 1, 64))
		}
	}
	return strings.Join(why, " · ")
}
