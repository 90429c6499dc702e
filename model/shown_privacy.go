package model

// A restricted output marks every piece of private business it shows
// (Privacy.Label), and what counts as private there must be exactly what
// the public version withholds, or the two versions would disagree about
// the same record. A record's own Privacy is most of it; but a public
// record that sits under business private now — a hotspot taken in
// private, an item the meeting took in Part 2 — is withheld as well
// (Disclosure), so it is shown as private business of that item, under
// the paragraph the item is exempt on. These give each kind of record its
// privacy as shown in the record p rules on.

// ActionPrivacy is how a restricted output marks the action.
func (p Disclosure) ActionPrivacy(a Action) Privacy {
	if p.Action(a) || a.Private {
		return a.Privacy
	}
	if a.HotspotID != 0 {
		return PrivateUnder(p.exemptUnder(ItemHotspot, a.HotspotID))
	}
	return PrivateUnder(p.exemptUnder(ItemAOB, 0)) // assigned in a private AOB
}

// DecisionPrivacy is how a restricted output marks the resolution.
func (p Disclosure) DecisionPrivacy(d Decision) Privacy {
	return p.shown(d.Privacy, p.Decision(d), d.Item, d.HotspotID)
}

// NotePrivacy is how a restricted output marks the note.
func (p Disclosure) NotePrivacy(n Note) Privacy {
	return p.shown(n.Privacy, p.Note(n), n.Item, n.HotspotID)
}

// DeclarationPrivacy is how a restricted output marks the declaration.
func (p Disclosure) DeclarationPrivacy(d Declaration) Privacy {
	return p.shown(d.Privacy, p.Declaration(d), d.Item, d.HotspotID)
}

// UpdatePrivacy is how a restricted output marks an action's update: its
// own privacy, which is all Disclosure.Update reads (an update on private
// business was made private).
func (p Disclosure) UpdatePrivacy(u ActionUpdate) Privacy { return u.Privacy }

// shown is a record's privacy as shown: its own, unless the rule withholds
// a record that is not private itself, because of where it sits.
func (p Disclosure) shown(own Privacy, public bool, kind ItemKind, hotspotID ID) Privacy {
	if public || own.Private {
		return own
	}
	return PrivateUnder(p.exemptUnder(kind, hotspotID))
}

// exemptUnder is the paragraph business under (kind, hotspot) is exempt
// on: the one the meeting took the item in private under, else the
// hotspot's own (the minutes head a Part 2 item the same way).
func (p Disclosure) exemptUnder(kind ItemKind, hotspotID ID) ExemptParagraph {
	if it, ok := p.meeting.ItemOf(kind, hotspotID); ok && it.Part2 && it.Paragraph != 0 {
		return it.Paragraph
	}
	if h, ok := p.hotspots[hotspotID]; ok && hotspotID != 0 {
		return h.ExemptAs()
	}
	return ParaIndividual
}
