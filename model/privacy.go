package model

import "fmt"

// Exempt once, exempt for good (../shared/docs/domain.md): what was said or
// agreed while an item was private — taken in Part 2, about a named person
// (personal ASB), or marked confidential — stays private when the item later
// returns to public business, when its case closes and its actions move to
// general business, or when anything around it is renamed, reassigned or
// carried forward. So privacy is a fact of each record, fixed when the
// record is made (PrivacyOf), not worked out from where the record sits
// now. Only a deliberate, minuted act makes one private record public
// (Release).

// Privacy is a record's own privacy and the Schedule 12A paragraph it is
// exempt under: set when the record is made and never loosened but by a
// Release.
type Privacy struct {
	Private   bool            `json:"private,omitempty"`
	Paragraph ExemptParagraph `json:"exempt_paragraph,omitempty"`
	// ReleasedBy is the resolution that released it (Release), 0 when it
	// never was.
	ReleasedBy ID `json:"released_by,omitempty"`
}

// PrivateUnder is private business exempt under para (0: an individual).
func PrivateUnder(para ExemptParagraph) Privacy {
	return Privacy{Private: true, Paragraph: para.Or(ParaIndividual)}
}

// Made is where, and how, a record is made: what PrivacyOf reads.
type Made struct {
	// Meeting is the meeting it is made in (nil between meetings), and
	// Item the agenda item it is made under there (a hotspot's own item
	// when Hotspot is set and Item is empty).
	Meeting *Meeting
	Item    ItemKind
	// Hotspot is the hotspot it is about (nil: general business).
	Hotspot *Hotspot
	// On is the action an update is made on (nil for anything else): an
	// update on private business is private.
	On *Action
	// Confidential: the person marked it confidential (it names or is
	// about people); Part2: a resolution recorded as Part 2 business.
	Confidential, Part2 bool
	// Paragraph is the paragraph a record private only by its mark is
	// exempt under (0: an individual's information): a release's own
	// resolution is exempt as what it releases was.
	Paragraph ExemptParagraph
}

// PrivacyOf is the one rule for a new record's privacy. It is private when
// made on private business — an action that is private, a hotspot that is
// private now (taken in Part 2, or personal ASB: about named people), an
// agenda item the meeting is taking in private — or when the person marked
// it confidential or recorded it as Part 2. The paragraph is the one the
// business is exempt under, in that order; a record private only by its
// mark is about an individual.
func PrivacyOf(w Made) Privacy {
	switch {
	case w.On != nil && w.On.Private:
		return PrivateUnder(w.On.Paragraph)
	case w.Hotspot != nil && w.Hotspot.Private():
		return PrivateUnder(w.Hotspot.ExemptAs())
	}
	if w.Meeting != nil {
		kind, hotspotID := w.Item, ID(0)
		if w.Hotspot != nil {
			kind, hotspotID = ItemHotspot, w.Hotspot.ID
		}
		if it, ok := w.Meeting.ItemOf(kind, hotspotID); ok && it.Part2 {
			return PrivateUnder(it.Paragraph)
		}
	}
	if w.Confidential || w.Part2 {
		return PrivateUnder(w.Paragraph.Or(ParaIndividual))
	}
	return Privacy{}
}

// Stricter is p, made private as q is when q is private and p is not: what
// a record carries when it leaves private business (see CarryOut).
func (p Privacy) Stricter(q Privacy) Privacy {
	if p.Private || !q.Private {
		return p
	}
	return q
}

// CarryOut is the privacy an action keeps when it leaves hotspot h (the
// hotspot closes and its actions continue as general business): private
// for good if h is private now, even when the action was made before h was
// taken in private. Outside the hotspot nothing would say it was private
// business, so the action must say it itself.
func CarryOut(a Privacy, h Hotspot) Privacy {
	if !h.Private() {
		return a
	}
	return a.Stricter(PrivateUnder(h.ExemptAs()))
}

// FollowsIntoPart2 says whether a record made in meeting meetingID under
// the item (kind, hotspotID) becomes private when the chair takes that item
// in private during the meeting: everything the meeting recorded under the
// item is minuted in Part 2 with it. Taking the item back out frees
// nothing: what was recorded while it was private stays so (Release).
func FollowsIntoPart2(recMeeting ID, recItem ItemKind, recHotspot ID, meetingID ID, kind ItemKind, hotspotID ID) bool {
	if recMeeting == 0 || recMeeting != meetingID {
		return false
	}
	if kind == ItemHotspot {
		return recHotspot == hotspotID && hotspotID != 0
	}
	return recHotspot == 0 && recItem == kind
}

// Mark is how every restricted output marks private business, the same way
// everywhere (the minutes in every format, the screens, the command line):
// "[private, para 1]". Public business has no mark.
func (p Privacy) Mark() string {
	if !p.Private {
		return ""
	}
	return fmt.Sprintf("[private, para %d]", int(p.Paragraph.Or(ParaIndividual)))
}

// Label is what a restricted output writes beside a record: its Mark while
// it is private; once a resolution has released it, "[released by D-23]",
// so that the group's own record says why business it knew as private now
// reads as public (and no one takes the missing mark for a slip); nothing
// for business that was always public. Public outputs write neither: the
// releasing resolution is itself Part 2 business.
func (p Privacy) Label() string {
	switch {
	case p.Private:
		return p.Mark()
	case p.ReleasedBy != 0:
		return "[released by " + DecisionRef(p.ReleasedBy) + "]"
	}
	return ""
}
