package model

import (
	"fmt"
	"strings"
)

// What goes into Part 2 (taken in private) with what: the rules a store
// applies when a hotspot is referred or an item is moved, so that
// Disclosure finds every private thing marked. What each record carries of
// its own is privacy.go's.

// NewHotspotPart2 is whether a newly referred hotspot is private from the
// start, and under which exempt paragraph: personal ASB is about named
// people (information relating to an individual, paragraph 1); any other
// category starts in public until the chair moves it.
func NewHotspotPart2(c Category) (bool, ExemptParagraph) {
	if c == CategoryPersonal {
		return true, ParaIndividual
	}
	return false, 0
}

// Part2Paragraph is the exempt paragraph h's agenda item is moved under
// when the chair moves it into Part 2 (part2) or back into Part 1: the one
// the chair chose, else the hotspot's own (ExemptAs). Personal ASB cannot
// come back into Part 1: it is about named people, always private.
func (h Hotspot) Part2Paragraph(part2 bool, para ExemptParagraph) (ExemptParagraph, error) {
	if !part2 && h.Category == CategoryPersonal {
		return para, Invalid("agenda", "%s is personal ASB (about named people): it is always taken in private", h.Ref())
	}
	if para == 0 {
		para = h.ExemptAs()
	}
	return para, nil
}

// FollowItem makes Part 2 the hotspot's, as its item now is (para is the
// item's paragraph): a hotspot taken in private stays private in later
// agendas, matters arising, the action log and every export until the
// chair moves it back; back in Part 1 it has no paragraph.
func (h *Hotspot) FollowItem(part2 bool, para ExemptParagraph) {
	h.Part2, h.Paragraph = part2, 0
	if part2 {
		h.Paragraph = para
	}
}

// BackToPart1 is what taking an item back into Part 1 makes public and what
// stays private, for the chair to answer before it is done: a hotspot's
// title, location and ward become public; everything recorded about it
// while it was private stays private (only a Release makes one record
// public).
type BackToPart1 struct {
	Item    string   // "HS-4 Brockwell: hate incidents", or a standing item's title
	Hotspot *Hotspot // nil for a standing item
	// The private records that stay private.
	Actions, Decisions, Notes, Updates int
}

// StayPrivate counts, of the records about one item, those that are
// private business: they stay private when the item returns to Part 1.
func (b *BackToPart1) StayPrivate(actions []Action, decisions []Decision, notes []Note, updates []ActionUpdate) {
	for _, a := range actions {
		if a.Private {
			b.Actions++
		}
	}
	for _, d := range decisions {
		if d.Private {
			b.Decisions++
		}
	}
	for _, n := range notes {
		if n.Private {
			b.Notes++
		}
	}
	for _, u := range updates {
		if u.Private {
			b.Updates++
		}
	}
}

// Question is what the chair is asked, in words: what becomes public, what
// stays private, and whether to go ahead.
func (b BackToPart1) Question() string {
	var s string
	if h := b.Hotspot; h != nil {
		s = fmt.Sprintf("Back in Part 1, %s's title, location and ward become public (%q, %s, %s).", h.Ref(),
			CleanLine(h.Title), orNone(CleanLine(h.Location)), orNone(CleanLine(h.Ward)))
	} else {
		s = fmt.Sprintf("Back in Part 1, what is recorded under %s from now on is public.", b.Item)
	}
	var kept []string
	for _, c := range []struct {
		n    int
		noun string
	}{{b.Actions, "action"}, {b.Decisions, "decision"}, {b.Notes, "note"}, {b.Updates, "update"}} {
		if c.n > 0 {
			kept = append(kept, Plural(c.n, c.noun))
		}
	}
	if len(kept) > 0 {
		// Counted from each record's own privacy: what was recorded while
		// it was private, and anything about it marked confidential.
		s += " Staying private: " + joinList(kept) + " that are private business — recorded while it was private, or marked confidential (only a release makes one public)."
	} else {
		s += " Nothing about it is private business: nothing was recorded while it was private, nor marked confidential."
	}
	return s + " Take it back into Part 1?"
}

func orNone(s string) string {
	if s == "" {
		return "none given"
	}
	return s
}

// joinList is "a, b and c".
func joinList(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
