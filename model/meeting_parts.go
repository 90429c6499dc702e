package model

import (
	"fmt"
	"slices"
)

// A form on a meeting edits one part of it: an agenda item's Part 2 or its
// time budget, the guest list, one person's declarations (the next meeting
// is NextMeeting). It saves against that part as it showed it, with the
// meeting's version then. The meeting changes all the time — every
// attendance mark, every move between items bumps its version — so a save
// is refused only when the part the form edits changed meanwhile, said in
// words (MeetingPartChanges), never because something else in the meeting
// did.

// MeetingPartKind is which part of a meeting a form edits.
type MeetingPartKind string

const (
	// PartItemPart2 is whether an agenda item is taken in private, and
	// under which paragraph (`E`, `meeting part2`).
	PartItemPart2 MeetingPartKind = "item-part2"
	// PartItemBudget is an agenda item's time budget (`b`).
	PartItemBudget MeetingPartKind = "item-budget"
	// PartGuests is the guest list (adding a guest).
	PartGuests MeetingPartKind = "guests"
	// PartDeclarations is one member's or guest's declarations, and
	// whether "no declarations" was recorded.
	PartDeclarations MeetingPartKind = "declarations"
	// PartAgendaItem is an agenda item a one-key change names (moving it,
	// dropping it): only its being on the agenda matters, and it is found
	// where it is now, so a move or a drop by someone else meanwhile never
	// makes it act on the item that took its place.
	PartAgendaItem MeetingPartKind = "agenda-item"
	// PartGuest is one guest a change names (taking them off the list),
	// found where they are now on the list.
	PartGuest MeetingPartKind = "guest"
)

// MeetingPart is one part of a meeting as a form showed it (or as it is
// now, in a refusal).
type MeetingPart struct {
	Kind MeetingPartKind
	// Version is the meeting's version when the part was read: the same
	// version now means nothing at all changed.
	Version int
	// Index is the item's place on the agenda (from 0) and Item the item,
	// for the item parts; Index -1 is an item no longer on the agenda.
	Index int
	Item  AgendaItem
	// Guests is the guest list (PartGuests), or the one guest (PartGuest,
	// at Index; -1: no longer on the list).
	Guests []Guest
	// Declarant names whose declarations Declarations holds (a member's
	// or a guest's name), and NoDeclarations whether "none" was recorded
	// (PartDeclarations).
	Declarant      string
	Declarations   []Declaration
	NoDeclarations bool
}

// ItemPart is agenda item i of m as a form on it shows it (kind is
// PartItemPart2, PartItemBudget or PartAgendaItem).
func (m Meeting) ItemPart(kind MeetingPartKind, i int) MeetingPart {
	p := MeetingPart{Kind: kind, Version: m.Version, Index: -1}
	if i >= 0 && i < len(m.Agenda) {
		p.Index, p.Item = i, m.Agenda[i]
	}
	return p
}

// GuestsPart is m's guest list as the guest form shows it.
func (m Meeting) GuestsPart() MeetingPart {
	return MeetingPart{Kind: PartGuests, Version: m.Version, Guests: slices.Clone(m.Guests)}
}

// GuestPart is guest i of m's list, as the screen that takes them off
// shows them.
func (m Meeting) GuestPart(i int) MeetingPart {
	p := MeetingPart{Kind: PartGuest, Version: m.Version, Index: -1}
	if i >= 0 && i < len(m.Guests) {
		p.Index, p.Guests = i, []Guest{m.Guests[i]}
	}
	return p
}

// DeclarationsPart is what m records of name's declarations, as the
// declaration form on them shows it.
func (m Meeting) DeclarationsPart(name string) MeetingPart {
	p := MeetingPart{Kind: PartDeclarations, Version: m.Version, Declarant: name, NoDeclarations: m.NoDeclarations}
	for _, d := range m.Declarations {
		if SameName(d.Name, name) {
			p.Declarations = append(p.Declarations, d)
		}
	}
	return p
}

// PartNow is the part shown is of, as m holds it now: an item is found
// where it is now (taking another item in private moves the items after
// it; a move is not a change to what the form edits).
func (m Meeting) PartNow(shown MeetingPart) MeetingPart {
	switch shown.Kind {
	case PartItemPart2, PartItemBudget, PartAgendaItem:
		at := slices.IndexFunc(m.Agenda, func(it AgendaItem) bool {
			return it.Kind == shown.Item.Kind && it.HotspotID == shown.Item.HotspotID
		})
		p := m.ItemPart(shown.Kind, at)
		if at < 0 {
			p.Item = shown.Item // gone: named as it was
		}
		return p
	case PartGuests:
		return m.GuestsPart()
	case PartGuest:
		if len(shown.Guests) != 1 {
			return MeetingPart{Kind: PartGuest, Version: m.Version, Index: -1}
		}
		p := m.GuestPart(slices.Index(m.Guests, shown.Guests[0]))
		p.Guests = shown.Guests // gone: named as they were
		return p
	case PartDeclarations:
		return m.DeclarationsPart(shown.Declarant)
	}
	return MeetingPart{Kind: shown.Kind, Version: m.Version}
}

// CheckPart is what a save against shown finds in m: the part as it is
// now, and in words what changed in it since it was shown (nil: nothing
// the form edits, so the save goes ahead, on now's item).
func (m Meeting) CheckPart(shown MeetingPart) (MeetingPart, []string) {
	now := m.PartNow(shown)
	if shown.Version == m.Version {
		return now, nil
	}
	return now, MeetingPartChanges(shown, now)
}

// CheckItem refuses a save on an agenda item no longer on the agenda, or
// a guest no longer on the list (gone since: the second save after a
// refusal that said so).
func (p MeetingPart) CheckItem() error {
	switch {
	case p.Index >= 0:
		return nil
	case p.Kind == PartGuest:
		return Invalid("guest", "%s is no longer on the guest list", partGuestName(p))
	}
	return Invalid("item", "%s is no longer on the agenda", itemName(p.Item))
}

// TouchedBy says whether a change op can change this part: whose change
// it was is asked of the audit trail by these ops (an undo can change any).
func (k MeetingPartKind) TouchedBy(op Op) bool {
	switch op {
	case OpMeetingUndo:
		return true
	case OpMeetingAgendaDrop:
		return k == PartItemPart2 || k == PartItemBudget || k == PartAgendaItem
	}
	switch k {
	case PartItemPart2:
		return op == OpMeetingItemPart2
	case PartItemBudget:
		return op == OpMeetingItemBudget
	case PartGuests:
		return op == OpMeetingGuest || op == OpMeetingGuestRemove
	case PartGuest:
		return op == OpMeetingGuestRemove
	case PartDeclarations:
		return op == OpMeetingDeclaration || op == OpMeetingDeclarationWithdraw || op == OpMeetingDeclarationsNone
	}
	return false
}

// MeetingPartChanges says, in words, what changed in a part of a meeting
// between the form showing it (shown) and now: "HS-3 now taken in private
// (paragraph 1)", "guest added: Dr Kim Reyes (Testshire University)".
// Empty when nothing the form edits did.
func MeetingPartChanges(shown, now MeetingPart) []string {
	switch shown.Kind {
	case PartItemPart2, PartItemBudget, PartAgendaItem:
		return itemPartChanges(shown, now)
	case PartGuests:
		return guestChanges(shown.Guests, now.Guests)
	case PartGuest:
		if now.Index < 0 {
			return []string{partGuestName(shown) + " is no longer on the guest list"}
		}
		return nil
	case PartDeclarations:
		return declarationChanges(shown, now)
	}
	return nil
}

func itemPartChanges(shown, now MeetingPart) []string {
	name := itemName(shown.Item)
	if now.Index < 0 {
		return []string{name + " is no longer on the agenda"}
	}
	was, is := shown.Item, now.Item
	if shown.Kind == PartAgendaItem {
		return nil // still on the agenda, wherever it is: nothing else matters
	}
	if shown.Kind == PartItemBudget {
		switch {
		case is.Budget == was.Budget:
			return nil
		case is.Budget == 0:
			return []string{name + " no longer has a time budget"}
		}
		return []string{fmt.Sprintf("%s now has %s", name, Plural(is.Budget, "minute"))}
	}
	switch {
	case is.Part2 != was.Part2 && is.Part2:
		return []string{fmt.Sprintf("%s now taken in private (Part 2, paragraph %d)", name, int(is.Paragraph.Or(ParaIndividual)))}
	case is.Part2 != was.Part2:
		return []string{name + " now back in Part 1"}
	case is.Part2 && is.Paragraph != was.Paragraph:
		return []string{fmt.Sprintf("%s now exempt under paragraph %d", name, int(is.Paragraph.Or(ParaIndividual)))}
	}
	return nil
}

// itemName is how a refusal names an agenda item: a hotspot by its ref
// alone (the title of one taken in private is not for the room), a
// standing item by its title.
func itemName(it AgendaItem) string {
	if it.Kind == ItemHotspot {
		return HotspotRef(it.HotspotID)
	}
	return it.Kind.StandingTitle()
}

// partGuestName names the guest a PartGuest holds.
func partGuestName(p MeetingPart) string {
	if len(p.Guests) != 1 {
		return "the guest"
	}
	return guestName(p.Guests[0])
}

func guestChanges(shown, now []Guest) []string {
	var out []string
	for _, g := range now {
		if !slices.Contains(shown, g) {
			out = append(out, "guest added: "+guestName(g))
		}
	}
	for _, g := range shown {
		if !slices.Contains(now, g) {
			out = append(out, "guest taken off: "+guestName(g))
		}
	}
	return out
}

func guestName(g Guest) string {
	if g.Agency == "" {
		return CleanLine(g.Name)
	}
	return CleanLine(g.Name) + " (" + CleanLine(g.Agency) + ")"
}

func declarationChanges(shown, now MeetingPart) []string {
	var out []string
	same := func(a, b Declaration) bool {
		return a.Name == b.Name && a.Text == b.Text && a.Item == b.Item && a.HotspotID == b.HotspotID
	}
	for _, d := range now.Declarations {
		if !slices.ContainsFunc(shown.Declarations, func(s Declaration) bool { return same(s, d) }) {
			out = append(out, "a declaration by "+CleanLine(d.Declarant())+" recorded: "+Clip(CleanLine(d.Text), 60))
		}
	}
	for _, d := range shown.Declarations {
		if !slices.ContainsFunc(now.Declarations, func(n Declaration) bool { return same(n, d) }) {
			out = append(out, "a declaration by "+CleanLine(d.Declarant())+" withdrawn")
		}
	}
	if now.NoDeclarations && !shown.NoDeclarations {
		out = append(out, `"no declarations of interest" recorded`)
	}
	return out
}
