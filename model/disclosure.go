package model

import "fmt"

// Disclosure is the one rule for what may appear in a public output: the
// public minutes in every format, `export actions|hotspots --public`, and
// anything added later. Every public output asks it, thing by thing; none
// decides privacy on its own. Restricted outputs show everything (marked).
//
// The rule reads each record's own privacy first (Privacy, fixed when it was
// made: see PrivacyOf): private business stays out for good, whatever later
// happens to its hotspot or item, until a Release. Then where it sits now:
//   - An item taken in private (Part 2) keeps only its minute number and a
//     neutral heading naming its exempt paragraph; everything attached to it
//     (its actions, decisions, notes, referrals, declarations' words, the
//     hotspot's title and location) is withheld.
//   - A hotspot taken in private stays private — in later agendas, matters
//     arising, the action log and every export — until the chair moves it
//     back; personal ASB (about named people) is private always.
//   - General actions and notes marked confidential are withheld, as are
//     Part 2 resolutions under Part 1 items.
//   - People are named by their agency only: attendees, guests, apologies,
//     declarations and the chair; officers named on actions are left out.
//   - The words of agencies' progress updates are left out (only what
//     changed: a status, a due date, "update accepted").
//   - An amendment shows its date only: never who asked for it or why.
//   - A hotspot's confidential notes appear in no output at all.
type Disclosure struct {
	meeting  Meeting        // the meeting whose record is shown; zero for exports
	hotspots map[ID]Hotspot // as at the record: live, or frozen with a closed meeting
}

// PublicRules is the disclosure rule for a record: a meeting's (its agenda
// says what was taken in private there) or none (exports).
func PublicRules(m Meeting, hotspots map[ID]Hotspot) Disclosure {
	return Disclosure{meeting: m, hotspots: hotspots}
}

// HotspotPrivate: the hotspot is taken in private. A hotspot the record does
// not hold is treated as private: nothing is published about what cannot be
// checked.
func (p Disclosure) HotspotPrivate(id ID) bool {
	if id == 0 {
		return false
	}
	h, ok := p.hotspots[id]
	return !ok || h.Private() || p.itemPrivate(ItemHotspot, id)
}

// HotspotOf is the hotspot the rule knows by id.
func (p Disclosure) HotspotOf(id ID) (Hotspot, bool) {
	h, ok := p.hotspots[id]
	return h, ok
}

// Hotspot: may the hotspot (title, location, facts) appear?
func (p Disclosure) Hotspot(h Hotspot) bool { return !h.Private() && !p.itemPrivate(ItemHotspot, h.ID) }

// Referral: may a new referral appear in the referrals list? Only when the
// hotspot itself may.
func (p Disclosure) Referral(h Hotspot) bool { return p.Hotspot(h) }

// Item: may the agenda item appear in full? A private one keeps its number
// and ExemptHeading.
func (p Disclosure) Item(it AgendaItem) bool {
	if it.Part2 {
		return false
	}
	return it.Kind != ItemHotspot || !p.HotspotPrivate(it.HotspotID)
}

// itemPrivate: the meeting took this item (kind, hotspot) in private.
func (p Disclosure) itemPrivate(kind ItemKind, hotspotID ID) bool {
	if kind == ItemRelease {
		return true // the releases' minute is Part 2 business always
	}
	for _, it := range p.meeting.Agenda {
		if it.Kind == kind && (kind != ItemHotspot || it.HotspotID == hotspotID) {
			return it.Part2
		}
	}
	return false
}

// underPrivateItem: something recorded under (kind, hotspot) in this
// meeting sits under an item taken in private. Under a hotspot it is the
// hotspot's item; otherwise the standing item of that kind.
func (p Disclosure) underPrivateItem(kind ItemKind, hotspotID ID) bool {
	if hotspotID != 0 {
		return p.HotspotPrivate(hotspotID)
	}
	return p.itemPrivate(kind, 0)
}

// Decision: may the resolution appear? Not when it is private business
// (recorded as Part 2, or under private business), nor while it sits under
// an item that is private now.
func (p Disclosure) Decision(d Decision) bool {
	return !d.Private && !p.underPrivateItem(d.Item, d.HotspotID)
}

// Note: may the note appear? Not when it is private business (confidential,
// or said under private business), nor while it sits under an item that is
// private now.
func (p Disclosure) Note(n Note) bool {
	return !n.Private && !p.underPrivateItem(n.Item, n.HotspotID)
}

// Update: may the structured part of an action's update (a status, a date,
// "update accepted") appear? Not when it was made on private business. Its
// words never appear (UpdateWords).
func (p Disclosure) Update(u ActionUpdate) bool { return !u.Private }

// Action: may the action appear (in item tables, matters arising, the
// action log, an export)? Not when it is private business (marked
// confidential, or agreed on private business), nor while its hotspot is
// private, nor when this meeting assigned it under an item it took in
// private.
func (p Disclosure) Action(a Action) bool {
	if a.Private {
		return false
	}
	if a.HotspotID != 0 {
		return !p.HotspotPrivate(a.HotspotID)
	}
	if p.meeting.ID != 0 && a.CreatedMeetingID == p.meeting.ID {
		return !p.itemPrivate(ItemAOB, 0)
	}
	return true
}

// Declaration: may the declaration appear in full (agency and words)? One
// on an item taken in private is shown only as PrivateDeclaration.
func (p Disclosure) Declaration(d Declaration) bool {
	if d.Private {
		return false
	}
	if d.Item == "" {
		return true
	}
	return !p.underPrivateItem(d.Item, d.HotspotID)
}

// PrivateDeclaration is all the public version says of a declaration on a
// private item.
const PrivateDeclaration = "A declaration was made on an item taken in private."

// NamesPeople: public outputs name people? No: attendees, guests, apologies,
// the chair and those declaring are shown by their agency.
func (Disclosure) NamesPeople() bool { return false }

// Officer: may an action's named officer appear? No.
func (Disclosure) Officer() bool { return false }

// UpdateWords: may the words of a progress update appear? No: a rep's note
// may name people. Only the structured part (a status or date change).
func (Disclosure) UpdateWords() bool { return false }

// AmendmentDetail: may an amendment's author and reason appear? No: its
// date only.
func (Disclosure) AmendmentDetail() bool { return false }

// Withheld counts what a public version left out, kind by kind, for its
// notice.
type Withheld struct {
	Items        int // agenda items taken in private (shown by number only)
	Resolutions  int // Part 2 resolutions under Part 1 items
	Notes        int // confidential notes under Part 1 items
	Actions      int // actions withheld (each once)
	Referrals    int // referrals withheld from a Part 1 referrals list
	Declarations int // declarations shown only as made on a private item
}

// Total is every piece of business withheld.
func (w Withheld) Total() int {
	return w.Items + w.Resolutions + w.Notes + w.Actions + w.Referrals + w.Declarations
}

// PublicNotice is the public version's statement of exactly what it leaves
// out. The standing parts are always true of a public version (see
// Disclosure); the counted parts are said only when there is something to
// count.
func PublicNotice(w Withheld) string {
	var parts []string
	count := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	count(w.Items, "item was taken in private (Part 2) and appears by its number and an exempt heading only",
		"items were taken in private (Part 2) and appear by their numbers and exempt headings only")
	count(w.Resolutions, "resolution taken in private is left out", "resolutions taken in private are left out")
	count(w.Notes, "confidential note is left out", "confidential notes are left out")
	count(w.Actions, "action about private business is left out", "actions about private business are left out")
	count(w.Referrals, "referral about private business is left out", "referrals about private business are left out")
	count(w.Declarations, "declaration on a private item is shown without its details", "declarations on private items are shown without their details")
	s := "This is the public version of these minutes. "
	if len(parts) > 0 {
		s += Sentence(JoinAndSemicolons(parts)) + ". "
	}
	return s + "People are named by their agency only; officers named on actions, the words of agencies' " +
		"progress updates and the reasons for amendments are left out."
}
