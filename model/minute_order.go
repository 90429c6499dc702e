package model

// MinuteSlot is one numbered minute in the order the minutes give them:
// an agenda item, the exclusion of the public before Part 2, or the
// minute of the meeting's releases of private business.
type MinuteSlot struct {
	Item      AgendaItem
	Index     int  // the item's place in the agenda; -1 for the exclusion and the releases
	Exclusion bool // the resolution excluding the public (Schedule 12A)
	// Release is the minute recording the releases (Meeting.Releases):
	// Part 2 business, after the exclusion and the Part 2 items.
	Release bool
}

// MinuteOrder is the numbered minutes of an agenda in council order: the
// Part 1 items as the agenda has them (attendance is the "Apologies for
// absence" minute), then — when anything was taken in private — the
// resolution excluding the public, then the Part 2 items, then, when the
// meeting released private business (released), the minute recording the
// releases. A release is itself Part 2 business: what it released was
// exempt, and why it may now be public says so. The meeting takes Part 2
// business at the end; older agendas that had it in the middle are minuted
// in this order too.
func MinuteOrder(agenda []AgendaItem, released bool) []MinuteSlot {
	out := make([]MinuteSlot, 0, len(agenda)+2)
	var private []MinuteSlot
	for i, it := range agenda {
		if it.Part2 {
			private = append(private, MinuteSlot{Item: it, Index: i})
			continue
		}
		out = append(out, MinuteSlot{Item: it, Index: i})
	}
	if released {
		private = append(private, MinuteSlot{Item: ReleaseItem(), Index: -1, Release: true})
	}
	if len(private) > 0 {
		out = append(out, MinuteSlot{Index: -1, Exclusion: true})
		out = append(out, private...)
	}
	return out
}

// ReleaseItem is the releases' minute as an item: Part 2 always.
func ReleaseItem() AgendaItem { return AgendaItem{Kind: ItemRelease, Part2: true} }

// ExemptParagraphsOf is every paragraph the agenda's Part 2 items are taken
// under, and those of the records released (released: each release
// resolution's paragraph), for the exclusion resolution.
func ExemptParagraphsOf(agenda []AgendaItem, released ...ExemptParagraph) []ExemptParagraph {
	var out []ExemptParagraph
	for _, it := range agenda {
		if it.Part2 {
			out = append(out, it.Paragraph.Or(ParaIndividual))
		}
	}
	for _, p := range released {
		out = append(out, p.Or(ParaIndividual))
	}
	return out
}
