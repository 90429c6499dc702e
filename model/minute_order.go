package model

// MinuteSlot is one numbered minute in the order the minutes give them:
// an agenda item, or the exclusion of the public before Part 2.
type MinuteSlot struct {
	Item      AgendaItem
	Index     int  // the item's place in the agenda; -1 for the exclusion
	Exclusion bool // the resolution excluding the public (Schedule 12A)
}

// MinuteOrder is the numbered minutes of an agenda in council order: the
// Part 1 items as the agenda has them (attendance is the "Apologies for
// absence" minute), then — when anything was taken in private — the
// resolution excluding the public, then the Part 2 items. The meeting takes
// Part 2 business at the end; older agendas that had it in the middle are
// minuted in this order too.
func MinuteOrder(agenda []AgendaItem) []MinuteSlot {
	out := make([]MinuteSlot, 0, len(agenda)+1)
	var private []MinuteSlot
	for i, it := range agenda {
		if it.Part2 {
			private = append(private, MinuteSlot{Item: it, Index: i})
			continue
		}
		out = append(out, MinuteSlot{Item: it, Index: i})
	}
	if len(private) > 0 {
		out = append(out, MinuteSlot{Index: -1, Exclusion: true})
		out = append(out, private...)
	}
	return out
}

// ExemptParagraphsOf is every paragraph the agenda's Part 2 items are taken
// under, for the exclusion resolution.
func ExemptParagraphsOf(agenda []AgendaItem) []ExemptParagraph {
	var out []ExemptParagraph
	for _, it := range agenda {
		if it.Part2 {
			out = append(out, it.Paragraph.Or(ParaIndividual))
		}
	}
	return out
}
