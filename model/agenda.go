package model

import (
	"slices"
	"strconv"
	"strings"
)

// BuildAgenda is the agenda for a new meeting: the opening standing items,
// then every hotspot due for review by its risk level's cadence
// (Hotspot.DueForReview over held, the dates of the meetings held; nil:
// every open hotspot) and every one the last meeting deferred — those
// deferred first, then high risk first, then longest since last reviewed —
// then new referrals, any other business and the next meeting. Hotspots
// taken in private (Part 2, and personal ASB always) come last, after the
// public business, as council meetings take exempt business at the end.
func BuildAgenda(hotspots []Hotspot, deferred []ID, held []Date) []AgendaItem {
	open := make([]Hotspot, 0, len(hotspots))
	for _, h := range hotspots {
		if h.IsOpen() && (h.DueForReview(held) || slices.Contains(deferred, h.ID)) {
			open = append(open, h)
		}
	}
	first := func(h Hotspot) bool { return slices.Contains(deferred, h.ID) }
	slices.SortStableFunc(open, func(a, b Hotspot) int {
		if fa, fb := first(a), first(b); fa != fb {
			if fa {
				return -1
			}
			return 1
		}
		return HotspotRank(a, b)
	})
	items := []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemDeclarations}, {Kind: ItemMinutes}, {Kind: ItemMatters}}
	var private []AgendaItem
	for _, h := range open {
		if h.Private() {
			private = append(private, hotspotItem(h))
			continue
		}
		items = append(items, hotspotItem(h))
	}
	items = append(items, AgendaItem{Kind: ItemReferrals}, AgendaItem{Kind: ItemAOB}, AgendaItem{Kind: ItemNextMeeting})
	return append(items, private...)
}

// WithCaseReviews is agenda with the ASB case reviews item at its end
// when any case review is waiting for its decision or answer (open > 0):
// Part 2 under paragraph 1, as business about individuals always is.
func WithCaseReviews(agenda []AgendaItem, open int) []AgendaItem {
	if open == 0 || (Meeting{Agenda: agenda}).HasCaseReviewsItem() {
		return agenda
	}
	return append(agenda, caseReviewsItem())
}

func caseReviewsItem() AgendaItem {
	return AgendaItem{Kind: ItemCaseReviews, Part2: true, Paragraph: ParaIndividual}
}

// HasCaseReviewsItem: the ASB case reviews item is on the agenda.
func (m Meeting) HasCaseReviewsItem() bool {
	return slices.ContainsFunc(m.Agenda, func(it AgendaItem) bool { return it.Kind == ItemCaseReviews })
}

// AddCaseReviewsItem puts the ASB case reviews item at the end of the
// agenda (Part 2) if it is not there, and returns its index: a case review
// recorded in a meeting is its business.
func (m *Meeting) AddCaseReviewsItem() int {
	if i := slices.IndexFunc(m.Agenda, func(it AgendaItem) bool { return it.Kind == ItemCaseReviews }); i >= 0 {
		return i
	}
	m.Agenda = append(m.Agenda, caseReviewsItem())
	return len(m.Agenda) - 1
}

// hotspotItem is h's agenda item, in Part 2 while h is taken in private.
func hotspotItem(h Hotspot) AgendaItem {
	it := AgendaItem{Kind: ItemHotspot, HotspotID: h.ID}
	if h.Private() {
		it.Part2, it.Paragraph = true, h.ExemptAs()
	}
	return it
}

// standingRank is where each kind of item sits in a Part 1 agenda.
func standingRank(k ItemKind) int {
	switch k {
	case ItemAttendance:
		return 0
	case ItemDeclarations:
		return 1
	case ItemMinutes:
		return 2
	case ItemMatters:
		return 3
	case ItemHotspot:
		return 4
	case ItemReferrals:
		return 5
	case ItemAOB:
		return 6
	}
	return 7 // the next meeting
}

// HasHotspot: is this hotspot on the agenda?
func (m Meeting) HasHotspot(id ID) bool {
	return slices.ContainsFunc(m.Agenda, func(it AgendaItem) bool { return it.Kind == ItemHotspot && it.HotspotID == id })
}

// MoveItem moves a hotspot item up (delta -1) or down (+1) among the hotspot
// items. Standing items keep their places: the meeting always opens with
// attendance and ends with the next date. The current item follows the move
// so the chair stays where they were.
func (m *Meeting) MoveItem(i, delta int) error {
	j := i + delta
	if i < 0 || i >= len(m.Agenda) || m.Agenda[i].Kind != ItemHotspot {
		return Invalid("agenda", "only hotspot items can be moved")
	}
	if j < 0 || j >= len(m.Agenda) || m.Agenda[j].Kind != ItemHotspot {
		return Invalid("agenda", "the item is already at the edge of the hotspot walk")
	}
	m.Agenda[i], m.Agenda[j] = m.Agenda[j], m.Agenda[i]
	switch m.Current {
	case i:
		m.Current = j
	case j:
		m.Current = i
	}
	return nil
}

// DropItem removes a hotspot item from this meeting's agenda (the hotspot
// itself is untouched).
func (m *Meeting) DropItem(i int) error {
	if i < 0 || i >= len(m.Agenda) || m.Agenda[i].Kind != ItemHotspot {
		return Invalid("agenda", "only hotspot items can be dropped")
	}
	m.Agenda = slices.Delete(m.Agenda, i, i+1)
	if m.Current > i || m.Current >= len(m.Agenda) {
		m.Current--
	}
	if m.Current < 0 {
		m.Current = 0
	}
	return nil
}

// AddHotspotItem puts a hotspot on the agenda at the end of the hotspot walk
// (just before new referrals), or at the end of Part 2 when it is taken in
// private, and returns its index.
func (m *Meeting) AddHotspotItem(h Hotspot) (int, error) {
	if m.HasHotspot(h.ID) {
		return 0, Invalid("agenda", "%s is already on the agenda", h.Ref())
	}
	it := hotspotItem(h)
	at := m.part1Place(ItemHotspot)
	if it.Part2 {
		at = len(m.Agenda)
	}
	m.insert(at, it)
	return at, nil
}

// AddReferralItem puts a newly referred hotspot straight after the "New
// referrals" item (and any referrals already added) so the group walks it
// next; a referral taken in private goes to the end of Part 2 instead.
func (m *Meeting) AddReferralItem(h Hotspot) (int, error) {
	if m.HasHotspot(h.ID) {
		return 0, Invalid("agenda", "%s is already on the agenda", h.Ref())
	}
	it := hotspotItem(h)
	at := len(m.Agenda)
	if !it.Part2 {
		at = slices.IndexFunc(m.Agenda, func(it AgendaItem) bool { return it.Kind == ItemReferrals && !it.Part2 })
		if at < 0 {
			at = m.part1Place(ItemReferrals)
		} else {
			at++
		}
		for at < len(m.Agenda) && m.Agenda[at].Kind == ItemHotspot && !m.Agenda[at].Part2 {
			at++
		}
	}
	m.insert(at, it)
	return at, nil
}

// part1Place is where an item of kind k goes back into Part 1: before the
// first Part 1 item that comes after its kind (a hotspot: before new
// referrals, at the end of the walk).
func (m *Meeting) part1Place(k ItemKind) int {
	rank := standingRank(k)
	for i, it := range m.Agenda {
		if it.Part2 {
			return i
		}
		if standingRank(it.Kind) > rank {
			return i
		}
	}
	return len(m.Agenda)
}

// SetPart2 moves item i into Part 2 (to the end of the agenda: exempt
// business is taken last, in private, under paragraph para) or back into
// Part 1 (to its usual place). The chair stays where they were: on the
// same item, or — if it was the one moved — on whatever now takes its place.
func (m *Meeting) SetPart2(i int, part2 bool, para ExemptParagraph) error {
	if i < 0 || i >= len(m.Agenda) {
		return Invalid("agenda", "there is no item %d", i+1)
	}
	it := m.Agenda[i]
	if it.Kind == ItemCaseReviews {
		return Invalid("agenda", "ASB case reviews are always Part 2: they are about individuals")
	}
	if k := it.Kind; k != ItemHotspot && k != ItemAOB {
		// Attendance, declarations, the minutes, matters arising, referrals
		// and the next date are public business; what is private under
		// them is a hotspot (its own item) or a confidential note.
		return Invalid("agenda", "%s is always Part 1: take the hotspot, or any other business, in private instead", strings.ToLower(k.StandingTitle()))
	}
	if it.Part2 == part2 && (!part2 || para == 0 || para == it.Paragraph) {
		if part2 {
			return Invalid("agenda", "the item is already in Part 2")
		}
		return Invalid("agenda", "the item is already in Part 1")
	}
	current := m.Current
	m.Agenda = slices.Delete(m.Agenda, i, i+1)
	it.Part2, it.Paragraph = part2, 0
	at := len(m.Agenda)
	if part2 {
		it.Paragraph = para.Or(ParaCrime)
	} else {
		at = m.part1Place(it.Kind)
	}
	m.Agenda = slices.Insert(m.Agenda, at, it)
	// Where the chair's item is now: the same item, or — if it was the
	// one moved — the one that followed it.
	c := current
	if c > i {
		c--
	}
	if at <= c {
		c++
	}
	m.Current = max(min(c, len(m.Agenda)-1), 0)
	return nil
}

func (m *Meeting) insert(at int, it AgendaItem) {
	m.Agenda = slices.Insert(m.Agenda, at, it)
	if m.Current >= at && len(m.Agenda) > 1 {
		m.Current++
	}
}

// FindItem resolves what a person types to name an agenda item: a hotspot
// ref (HS-3), the item's number in the agenda (7), or a standing item by
// its kind or title, in part ("aob", "any other business", "referrals",
// "declarations").
func (m Meeting) FindItem(query string) (int, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return 0, Invalid("item", "no agenda item given: use a hotspot ref (HS-3), an item number or a name (aob)")
	}
	if n, err := strconv.Atoi(q); err == nil {
		if n < 1 || n > len(m.Agenda) {
			return 0, Invalid("item", "there is no item %d: the agenda has %d", n, len(m.Agenda))
		}
		return n - 1, nil
	}
	if id, err := ParseRef(HotspotPrefix, q); err == nil {
		for i, it := range m.Agenda {
			if it.Kind == ItemHotspot && it.HotspotID == id {
				return i, nil
			}
		}
		return 0, Invalid("item", "%s is not on the agenda of %s", HotspotRef(id), m.Ref())
	}
	if q == "aob" || q == "other business" {
		q = string(ItemAOB)
	}
	var hits []int
	for i, it := range m.Agenda {
		if it.Kind == ItemHotspot {
			continue
		}
		if string(it.Kind) == q || strings.Contains(strings.ToLower(it.Kind.StandingTitle()), q) {
			hits = append(hits, i)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0], nil
	case 0:
		return 0, Invalid("item", "no agenda item matches %q: use a hotspot ref (HS-3), an item number or a name (aob)", CleanLine(query))
	}
	return 0, Invalid("item", "%q could be more than one item: give its number", CleanLine(query))
}

// TakeUp puts h on the agenda of the meeting under way when business is
// recorded under it there (a note, a resolution, an action, a risk
// assessed) and the agenda does not hold it — the cadence left it off, or
// the chair took it off: what is minuted under a hotspot is minuted under
// its item, so the minutes never lose it. It goes where AddHotspotItem
// puts it. It says whether it added the item; a meeting not under way, or
// one already holding h, is left as it is.
func (m *Meeting) TakeUp(h Hotspot) bool {
	if m.State != MeetingOpen || h.ID == 0 || m.HasHotspot(h.ID) {
		return false
	}
	_, err := m.AddHotspotItem(h)
	return err == nil
}
