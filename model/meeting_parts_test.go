package model

import (
	"strings"
	"testing"
)

// A form on one part of a meeting is refused only when that part changed
// since it showed it, and the refusal says how; everything else the
// meeting does meanwhile (attendance, moving between items, another item's
// budget, an item moved along the agenda) lets the save through.
func TestMeetingPartChanges(t *testing.T) {
	base := Meeting{ID: 4, Version: 10,
		Agenda: []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemHotspot, HotspotID: 3, Budget: 10},
			{Kind: ItemHotspot, HotspotID: 5}, {Kind: ItemAOB}, {Kind: ItemNextMeeting}},
		Guests:       []Guest{{Name: "Dr Kim Reyes", Agency: "Testshire University"}, {Name: "Sam Okafor"}},
		Declarations: []Declaration{{MemberID: 2, Name: "Cllr Ray Dunn", Text: "lives on the estate"}},
	}
	clone := func(m Meeting) Meeting {
		m.Agenda = append([]AgendaItem(nil), m.Agenda...)
		m.Guests = append([]Guest(nil), m.Guests...)
		m.Declarations = append([]Declaration(nil), m.Declarations...)
		return m
	}
	private := func(i int, para ExemptParagraph) func(m *Meeting) {
		return func(m *Meeting) { _ = m.SetPart2(i, true, para) }
	}
	setups := map[string]func(m *Meeting){
		"part 2, back in Part 1 meanwhile": private(3, ParaIndividual),
		"part 2, its paragraph changed":    private(1, ParaCrime),
	}
	tests := []struct {
		name   string
		shown  func(m Meeting) MeetingPart
		change func(m *Meeting)
		want   string // "" for a save that goes ahead
		index  int    // where the item is now (item parts)
	}{
		{"budget, nothing changed but the version",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemBudget, 1) },
			func(m *Meeting) {
				m.Attendance = append(m.Attendance, Attendee{MemberID: 2, Status: Present})
				m.Current = 2
			}, "", 1},
		{"budget, set meanwhile",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemBudget, 1) },
			func(m *Meeting) { m.Agenda[1].Budget = 15 }, "HS-3 now has 15 minutes", 1},
		{"budget, cleared meanwhile",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemBudget, 1) },
			func(m *Meeting) { m.Agenda[1].Budget = 0 }, "HS-3 no longer has a time budget", 1},
		{"budget, another item's changed",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemBudget, 1) },
			func(m *Meeting) { m.Agenda[2].Budget = 5 }, "", 1},
		{"budget, the item taken in private (not the budget)",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemBudget, 1) },
			func(m *Meeting) { _ = m.SetPart2(1, true, ParaCrime) }, "", 4},
		{"part 2, the item moved along by another going private",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemPart2, 2) },
			func(m *Meeting) { _ = m.SetPart2(1, true, ParaCrime) }, "", 1},
		{"part 2, taken in private meanwhile",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemPart2, 1) },
			func(m *Meeting) { _ = m.SetPart2(1, true, ParaCrime) }, "HS-3 now taken in private (Part 2, paragraph 7)", 4},
		{"part 2, back in Part 1 meanwhile",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemPart2, 4) },
			func(m *Meeting) { _ = m.SetPart2(4, false, 0) }, "Any other business now back in Part 1", 3},
		{"part 2, its paragraph changed",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemPart2, 4) },
			func(m *Meeting) { _ = m.SetPart2(4, true, ParaIndividual) }, "HS-3 now exempt under paragraph 1", 4},
		{"part 2, the item dropped",
			func(m Meeting) MeetingPart { return m.ItemPart(PartItemPart2, 2) },
			func(m *Meeting) { _ = m.DropItem(2) }, "HS-5 is no longer on the agenda", -1},
		{"an item a move names, moved along by another",
			func(m Meeting) MeetingPart { return m.ItemPart(PartAgendaItem, 2) },
			func(m *Meeting) { _ = m.MoveItem(2, -1) }, "", 1},
		{"an item a drop names, taken in private meanwhile (still on the agenda)",
			func(m Meeting) MeetingPart { return m.ItemPart(PartAgendaItem, 1) },
			func(m *Meeting) { _ = m.SetPart2(1, true, ParaCrime) }, "", 4},
		{"an item a drop names, dropped meanwhile",
			func(m Meeting) MeetingPart { return m.ItemPart(PartAgendaItem, 1) },
			func(m *Meeting) { _ = m.DropItem(1) }, "HS-3 is no longer on the agenda", -1},
		{"a guest to take off, another taken off first",
			func(m Meeting) MeetingPart { return m.GuestPart(1) },
			func(m *Meeting) { m.Guests = m.Guests[1:] }, "", 0},
		{"a guest to take off, taken off meanwhile",
			func(m Meeting) MeetingPart { return m.GuestPart(0) },
			func(m *Meeting) { m.Guests = m.Guests[1:] }, "Dr Kim Reyes (Testshire University) is no longer on the guest list", -1},
		{"guests, one added",
			func(m Meeting) MeetingPart { return m.GuestsPart() },
			func(m *Meeting) { m.Guests = append(m.Guests, Guest{Name: "Pat Lee", Agency: "Royal Hospital"}) },
			"guest added: Pat Lee (Royal Hospital)", 0},
		{"guests, one taken off",
			func(m Meeting) MeetingPart { return m.GuestsPart() },
			func(m *Meeting) { m.Guests = m.Guests[1:] }, "guest taken off: Dr Kim Reyes (Testshire University)", 0},
		{"guests, a declaration meanwhile",
			func(m Meeting) MeetingPart { return m.GuestsPart() },
			func(m *Meeting) { m.Declarations = nil }, "", 0},
		{"declarations, the same person declared",
			func(m Meeting) MeetingPart { return m.DeclarationsPart("cllr ray dunn") },
			func(m *Meeting) {
				m.Declarations = append(m.Declarations, Declaration{MemberID: 2, Name: "Cllr Ray Dunn", Text: "a tenant"})
			}, "a declaration by Cllr Ray Dunn recorded: a tenant", 0},
		{"declarations, theirs withdrawn",
			func(m Meeting) MeetingPart { return m.DeclarationsPart("Cllr Ray Dunn") },
			func(m *Meeting) { m.Declarations = nil }, "a declaration by Cllr Ray Dunn withdrawn", 0},
		{"declarations, someone else's",
			func(m Meeting) MeetingPart { return m.DeclarationsPart("Cllr Ray Dunn") },
			func(m *Meeting) {
				m.Declarations = append(m.Declarations, Declaration{Name: "Dr Kim Reyes", Guest: true, Organisation: "Testshire University", Text: "funded"})
			}, "", 0},
		{"declarations, none recorded meanwhile",
			func(m Meeting) MeetingPart { return m.DeclarationsPart("Dr Kim Reyes") },
			func(m *Meeting) { m.Declarations = nil; m.NoDeclarations = true }, `"no declarations of interest" recorded`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := clone(base)
			if setup := setups[tt.name]; setup != nil {
				setup(&m)
			}
			shown := tt.shown(clone(m))
			tt.change(&m)
			m.Version++
			now, changes := m.CheckPart(shown)
			if got := strings.Join(changes, "; "); got != tt.want {
				t.Errorf("changes %q, want %q", got, tt.want)
			}
			if got := strings.Join(RecordChanges(shown, now), "; "); got != tt.want {
				t.Errorf("RecordChanges says %q, want %q", got, tt.want)
			}
			if shown.Kind != PartGuests && shown.Kind != PartDeclarations {
				if now.Index != tt.index {
					t.Errorf("the item is now at %d, want %d", now.Index, tt.index)
				}
			}
			if now.Version != m.Version {
				t.Errorf("the part now has version %d, want %d", now.Version, m.Version)
			}
		})
	}
}

// An item dropped since cannot be saved against, said by its name.
func TestMeetingPartOfADroppedItem(t *testing.T) {
	m := Meeting{Version: 2, Agenda: []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemHotspot, HotspotID: 4}}}
	shown := m.ItemPart(PartItemBudget, 1)
	if err := shown.CheckItem(); err != nil {
		t.Fatalf("on the agenda, yet: %v", err)
	}
	m.Agenda = m.Agenda[:1]
	now, _ := m.CheckPart(shown)
	if err := now.CheckItem(); err == nil || err.Error() != "HS-4 is no longer on the agenda" {
		t.Errorf("dropped: %v", err)
	}
	m.Guests = []Guest{{Name: "Dr Kim Reyes"}}
	guest := m.GuestPart(0)
	m.Guests = nil
	if now, _ := m.CheckPart(guest); now.CheckItem() == nil || now.CheckItem().Error() != "Dr Kim Reyes is no longer on the guest list" {
		t.Errorf("a guest taken off: %v", now.CheckItem())
	}
}

// The same version is the same meeting: nothing is compared.
func TestMeetingPartSameVersion(t *testing.T) {
	m := Meeting{Version: 3, Guests: []Guest{{Name: "A", Agency: "B"}}}
	shown := m.GuestsPart()
	m.Guests = nil // a change without a new version cannot happen; if it did, the version decides
	if _, changes := m.CheckPart(shown); changes != nil {
		t.Errorf("same version, yet %q", changes)
	}
}

// Whose change it was is asked of the audit trail by the ops that can make
// it.
func TestMeetingPartTouchedBy(t *testing.T) {
	tests := []struct {
		kind MeetingPartKind
		op   Op
		want bool
	}{
		{PartItemBudget, OpMeetingItemBudget, true},
		{PartItemBudget, OpMeetingItemPart2, false},
		{PartItemBudget, OpMeetingAgendaDrop, true},
		{PartItemPart2, OpMeetingItemPart2, true},
		{PartItemPart2, OpMeetingAttendance, false},
		{PartGuests, OpMeetingGuest, true},
		{PartGuests, OpMeetingGuestRemove, true},
		{PartGuests, OpMeetingAgendaDrop, false},
		{PartDeclarations, OpMeetingDeclarationsNone, true},
		{PartDeclarations, OpMeetingDeclarationWithdraw, true},
		{PartDeclarations, OpMeetingGuest, false},
		{PartDeclarations, OpMeetingUndo, true},
		{PartAgendaItem, OpMeetingAgendaDrop, true},
		{PartAgendaItem, OpMeetingItemBudget, false},
		{PartGuest, OpMeetingGuestRemove, true},
		{PartGuest, OpMeetingGuest, false},
	}
	for _, tt := range tests {
		if got := tt.kind.TouchedBy(tt.op); got != tt.want {
			t.Errorf("%s touched by %s: %v, want %v", tt.kind, tt.op, got, tt.want)
		}
	}
}
