package model

import (
	"slices"
	"strings"
	"testing"
)

// disclosureFixture: meeting 5 took HS-2 and any other business in private;
// HS-3 is personal ASB; HS-4 was taken in private at an earlier meeting and
// never moved back; HS-1 is ordinary public business.
func disclosureFixture() Disclosure {
	hs := map[ID]Hotspot{
		1: {ID: 1, Category: CategoryNuisance},
		2: {ID: 2, Category: CategoryNuisance, Part2: true, Paragraph: ParaCrime},
		3: {ID: 3, Category: CategoryPersonal},
		4: {ID: 4, Category: CategoryEnvironmental, Part2: true},
	}
	m := Meeting{ID: 5, Agenda: []AgendaItem{
		{Kind: ItemAttendance}, {Kind: ItemDeclarations}, {Kind: ItemHotspot, HotspotID: 1},
		{Kind: ItemReferrals}, {Kind: ItemNextMeeting},
		{Kind: ItemHotspot, HotspotID: 2, Part2: true, Paragraph: ParaCrime},
		{Kind: ItemHotspot, HotspotID: 3, Part2: true, Paragraph: ParaIndividual},
		{Kind: ItemAOB, Part2: true, Paragraph: ParaIdentity},
	}}
	return PublicRules(m, hs)
}

func TestDisclosureOfEachKind(t *testing.T) {
	p := disclosureFixture()
	tests := []struct {
		name   string
		public bool
		got    bool
	}{
		{"a Part 1 hotspot item", true, p.Item(AgendaItem{Kind: ItemHotspot, HotspotID: 1})},
		{"a Part 2 hotspot item", false, p.Item(AgendaItem{Kind: ItemHotspot, HotspotID: 2, Part2: true})},
		{"a personal hotspot's item, even unmarked", false, p.Item(AgendaItem{Kind: ItemHotspot, HotspotID: 3})},
		{"a hotspot private since an earlier meeting", false, p.Item(AgendaItem{Kind: ItemHotspot, HotspotID: 4})},
		{"a standing item", true, p.Item(AgendaItem{Kind: ItemDeclarations})},
		{"AOB taken in private", false, p.Item(AgendaItem{Kind: ItemAOB, Part2: true})},
		{"an unknown hotspot", false, p.Item(AgendaItem{Kind: ItemHotspot, HotspotID: 99})},

		{"hotspot 1", true, p.Hotspot(Hotspot{ID: 1, Category: CategoryNuisance})},
		{"hotspot 2 (Part 2)", false, p.Hotspot(Hotspot{ID: 2, Category: CategoryNuisance, Part2: true})},
		{"a personal referral", false, p.Referral(Hotspot{ID: 3, Category: CategoryPersonal})},
		{"a nuisance referral", true, p.Referral(Hotspot{ID: 1, Category: CategoryNuisance})},

		{"a resolution under HS-1", true, p.Decision(Decision{MeetingID: 5, Item: ItemHotspot, HotspotID: 1})},
		{"a Part 2 resolution under HS-1", false, p.Decision(Decision{MeetingID: 5, Item: ItemHotspot, HotspotID: 1, Part2: true, Privacy: PrivateUnder(0)})},
		{"a resolution under HS-2", false, p.Decision(Decision{MeetingID: 5, Item: ItemHotspot, HotspotID: 2})},
		{"a resolution under private AOB", false, p.Decision(Decision{MeetingID: 5, Item: ItemAOB})},
		{"a resolution under declarations", true, p.Decision(Decision{MeetingID: 5, Item: ItemDeclarations})},

		{"a note under HS-1", true, p.Note(Note{Item: ItemHotspot, HotspotID: 1})},
		{"a confidential note under HS-1", false, p.Note(Note{Item: ItemHotspot, HotspotID: 1, Confidential: true, Privacy: PrivateUnder(0)})},
		{"a note under HS-3", false, p.Note(Note{Item: ItemHotspot, HotspotID: 3})},
		{"a note under private AOB", false, p.Note(Note{Item: ItemAOB})},

		{"an action on HS-1", true, p.Action(Action{HotspotID: 1})},
		{"an action on HS-2", false, p.Action(Action{HotspotID: 2})},
		{"an action on HS-4 (private since before)", false, p.Action(Action{HotspotID: 4})},
		{"an action on a personal hotspot", false, p.Action(Action{HotspotID: 3})},
		{"a general action from an earlier meeting", true, p.Action(Action{CreatedMeetingID: 2})},
		{"a general action marked confidential", false, p.Action(Action{CreatedMeetingID: 2, Confidential: true, Privacy: PrivateUnder(0)})},
		{"a general action assigned in private", false, p.Action(Action{CreatedMeetingID: 2, Privacy: PrivateUnder(ParaCrime)})},
		{"a general action assigned under this meeting's private AOB", false, p.Action(Action{CreatedMeetingID: 5})},

		{"a general action made on a private hotspot, since moved to general business", false, p.Action(Action{CreatedMeetingID: 2, Privacy: PrivateUnder(ParaIndividual)})},
		{"an action made private, its hotspot back in Part 1", false, p.Action(Action{HotspotID: 1, Privacy: PrivateUnder(ParaCrime)})},
		{"an action released by a resolution", true, p.Action(Action{HotspotID: 1, Privacy: Privacy{ReleasedBy: 9}})},
		{"a decision made private, its hotspot back in Part 1", false, p.Decision(Decision{MeetingID: 2, Item: ItemHotspot, HotspotID: 1, Privacy: PrivateUnder(ParaCrime)})},
		{"a note made private, its hotspot back in Part 1", false, p.Note(Note{MeetingID: 2, Item: ItemHotspot, HotspotID: 1, Privacy: PrivateUnder(ParaCrime)})},
		{"a public update", true, p.Update(ActionUpdate{Kind: UpdateStatus})},
		{"an update made on private business", false, p.Update(ActionUpdate{Kind: UpdateStatus, Privacy: PrivateUnder(0)})},
		{"a declaration made private, its hotspot back in Part 1", false, p.Declaration(Declaration{Item: ItemHotspot, HotspotID: 1, Privacy: PrivateUnder(0)})},
		{"a general declaration", true, p.Declaration(Declaration{Name: "x"})},
		{"a declaration on HS-1", true, p.Declaration(Declaration{Item: ItemHotspot, HotspotID: 1})},
		{"a declaration on HS-2", false, p.Declaration(Declaration{Item: ItemHotspot, HotspotID: 2})},
		{"a declaration on private AOB", false, p.Declaration(Declaration{Item: ItemAOB})},

		{"people by name", false, p.NamesPeople()},
		{"officers", false, p.Officer()},
		{"update words", false, p.UpdateWords()},
		{"amendment author and reason", false, p.AmendmentDetail()},
	}
	for _, tt := range tests {
		if tt.got != tt.public {
			t.Errorf("%s: public %v, want %v", tt.name, tt.got, tt.public)
		}
	}
}

// Outside a meeting (the exports) only the records themselves decide.
func TestDisclosureWithoutAMeeting(t *testing.T) {
	p := PublicRules(Meeting{}, map[ID]Hotspot{1: {ID: 1, Category: CategoryNuisance}, 2: {ID: 2, Part2: true}})
	if !p.Action(Action{HotspotID: 1}) || p.Action(Action{HotspotID: 2}) || !p.Action(Action{}) || p.Action(Action{Confidential: true, Privacy: PrivateUnder(0)}) {
		t.Error("exports: actions follow their hotspot and their own marks")
	}
	if !p.Hotspot(Hotspot{ID: 1, Category: CategoryNuisance}) || p.Hotspot(Hotspot{ID: 2, Part2: true}) {
		t.Error("exports: hotspots follow their Part 2 mark")
	}
}

func TestPublicNoticeSaysWhatIsLeftOut(t *testing.T) {
	tests := []struct {
		w    Withheld
		want []string
		not  []string
	}{
		{Withheld{}, []string{"People are named by their agency only", "reasons for amendments"}, []string{"taken in private", "confidential"}},
		{Withheld{Items: 1}, []string{"1 item was taken in private (Part 2) and appears by its number"}, nil},
		{Withheld{Items: 2, Notes: 1, Actions: 3}, []string{"2 items were taken in private", "1 confidential note is left out", "3 actions about private business are left out"}, []string{"resolution"}},
		{Withheld{Resolutions: 2, Referrals: 1, Declarations: 1}, []string{"2 resolutions taken in private", "1 referral", "1 declaration on a private item"}, []string{"items were"}},
	}
	for _, tt := range tests {
		got := PublicNotice(tt.w)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%+v: %q lacks %q", tt.w, got, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("%+v: %q says %q", tt.w, got, n)
			}
		}
		if tt.w.Total() != tt.w.Items+tt.w.Resolutions+tt.w.Notes+tt.w.Actions+tt.w.Referrals+tt.w.Declarations {
			t.Error("Total")
		}
	}
}

func TestExemptParagraphs(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want ExemptParagraph
		bad  bool
	}{{"1", ParaIndividual, false}, {"para 7", ParaCrime, false}, {" 2 ", ParaIdentity, false}, {"3", 0, true}, {"", 0, true}} {
		got, err := ParseExemptParagraph(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("%q: %v %v", tt.in, got, err)
		}
	}
	if got := ExemptHeading(0); got != "Exempt item – information relating to an individual" {
		t.Errorf("heading %q", got)
	}
	if got := ExclusionResolution([]ExemptParagraph{ParaCrime, ParaIndividual, ParaCrime}); !strings.Contains(got, "Paragraphs 1 and 7 of Part 1 of Schedule 12A") {
		t.Errorf("exclusion %q", got)
	}
	if got := ExclusionResolution([]ExemptParagraph{ParaIdentity}); !strings.Contains(got, "Paragraph 2 of Part 1") {
		t.Errorf("exclusion %q", got)
	}
}

func TestMinuteOrderPutsPart2Last(t *testing.T) {
	agenda := []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemHotspot, HotspotID: 1, Part2: true}, {Kind: ItemHotspot, HotspotID: 2}, {Kind: ItemAOB}, {Kind: ItemNextMeeting}}
	order := func(agenda []AgendaItem, released bool) string {
		var kinds []string
		for _, s := range MinuteOrder(agenda, released) {
			switch {
			case s.Exclusion:
				kinds = append(kinds, "exclusion")
			case s.Release:
				kinds = append(kinds, "releases")
			case s.Item.Kind == ItemHotspot:
				kinds = append(kinds, HotspotRef(s.Item.HotspotID))
			default:
				kinds = append(kinds, string(s.Item.Kind))
			}
		}
		return strings.Join(kinds, " ")
	}
	if got, want := order(agenda, false), "attendance HS-2 aob next-meeting exclusion HS-1"; got != want {
		t.Errorf("order %v, want %s", got, want)
	}
	if got, want := order(agenda, true), "attendance HS-2 aob next-meeting exclusion HS-1 releases"; got != want {
		t.Errorf("order with releases %v, want %s", got, want)
	}
	if got, want := order(agenda[2:], true), "HS-2 aob next-meeting exclusion releases"; got != want {
		t.Errorf("order with releases only %v, want %s", got, want)
	}
	if got := ExemptParagraphsOf(agenda, ParaCrime); !slices.Equal(got, []ExemptParagraph{ParaIndividual, ParaCrime}) {
		t.Errorf("paragraphs %v", got)
	}
	if n := (Meeting{Agenda: agenda}).MinuteCount(); n != 6 {
		t.Errorf("minute count %d, want 6 (five items and the exclusion)", n)
	}
	if n := (Meeting{Agenda: agenda[2:]}).MinuteCount(); n != 3 {
		t.Errorf("minute count without Part 2 %d, want 3", n)
	}
	if n := (Meeting{Agenda: agenda[2:], Releases: []ID{4}}).MinuteCount(); n != 5 {
		t.Errorf("minute count with a release only %d, want 5 (three items, the exclusion and the releases)", n)
	}
}
