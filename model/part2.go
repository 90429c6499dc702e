package model

// What goes into Part 2 (taken in private) with what: the rules a store
// applies when a record is made or an item is moved, so that Disclosure
// finds every private thing marked.

// NewActionPart2 says whether an action assigned now is private for good
// (Action.Part2). A general action (hotspotID 0) assigned in meeting m
// while its any other business is taken in private is: it was agreed in
// private, and stays so whatever later happens to the item. One on a
// hotspot follows its hotspot instead (Disclosure asks the hotspot), and
// one assigned outside a meeting (m nil) was agreed in no private item.
func NewActionPart2(m *Meeting, hotspotID ID) bool {
	return m != nil && hotspotID == 0 && m.ItemPart2(ItemAOB, 0)
}

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

// GeneralActionFollows says whether moving meeting meetingID's item of kind
// into Part 2 (part2), or back, changes action a: a general action this
// meeting assigned under any other business is private, or not, as that
// item now is (see NewActionPart2). Actions on a hotspot follow their
// hotspot, and one already as the item is is left alone.
func GeneralActionFollows(a Action, kind ItemKind, meetingID ID, part2 bool) bool {
	return kind == ItemAOB && a.CreatedMeetingID == meetingID && a.HotspotID == 0 && a.Part2 != part2
}
