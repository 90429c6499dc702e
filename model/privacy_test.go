package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPrivacyOfANewRecord(t *testing.T) {
	personal := &Hotspot{ID: 3, Category: CategoryPersonal}
	part2 := &Hotspot{ID: 4, Category: CategoryNuisance, Part2: true, Paragraph: ParaIdentity}
	public := &Hotspot{ID: 5, Category: CategoryNuisance}
	m := &Meeting{ID: 7, Agenda: []AgendaItem{
		{Kind: ItemMatters}, {Kind: ItemHotspot, HotspotID: 5},
		{Kind: ItemHotspot, HotspotID: 6, Part2: true, Paragraph: ParaCrime},
		{Kind: ItemAOB, Part2: true, Paragraph: ParaIdentity},
	}}
	item6 := &Hotspot{ID: 6, Category: CategoryNuisance} // its item private in m, the hotspot not (yet) marked
	privateAction := &Action{ID: 1, Privacy: PrivateUnder(ParaCrime)}
	publicAction := &Action{ID: 2}
	tests := []struct {
		name string
		w    Made
		want Privacy
	}{
		{"general business between meetings", Made{}, Privacy{}},
		{"marked confidential", Made{Confidential: true}, PrivateUnder(ParaIndividual)},
		{"recorded as a Part 2 resolution", Made{Meeting: m, Item: ItemMatters, Part2: true}, PrivateUnder(ParaIndividual)},
		{"on a personal-ASB hotspot", Made{Hotspot: personal}, PrivateUnder(ParaIndividual)},
		{"on a hotspot taken in Part 2, between meetings", Made{Hotspot: part2}, PrivateUnder(ParaIdentity)},
		{"on a public hotspot in a meeting", Made{Meeting: m, Hotspot: public}, Privacy{}},
		{"under a hotspot item the meeting takes in private", Made{Meeting: m, Hotspot: item6}, PrivateUnder(ParaCrime)},
		{"under any other business taken in private", Made{Meeting: m, Item: ItemAOB}, PrivateUnder(ParaIdentity)},
		{"under a public standing item", Made{Meeting: m, Item: ItemMatters}, Privacy{}},
		{"an update on a private action", Made{On: privateAction, Hotspot: public}, PrivateUnder(ParaCrime)},
		{"an update on a public action of a private hotspot", Made{On: publicAction, Hotspot: part2}, PrivateUnder(ParaIdentity)},
		{"an update on a public action", Made{On: publicAction, Meeting: m, Item: ItemMatters}, Privacy{}},
		{"confidential under a private item takes the item's paragraph", Made{Meeting: m, Item: ItemAOB, Confidential: true}, PrivateUnder(ParaIdentity)},
	}
	for _, tt := range tests {
		if got := PrivacyOf(tt.w); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// What happens around a record never loosens its privacy; only a Release
// does.
func TestPrivacyIsKeptWhateverHappensAroundIt(t *testing.T) {
	h := Hotspot{ID: 4, Category: CategoryNuisance, Part2: true, Paragraph: ParaCrime}
	made := PrivacyOf(Made{Hotspot: &h})
	a := Action{ID: 9, HotspotID: h.ID, Privacy: made, Status: StatusOpen}

	// Back into Part 1: the hotspot is public again, the action is not.
	h.FollowItem(false, 0)
	rules := PublicRules(Meeting{}, map[ID]Hotspot{h.ID: h})
	if rules.Action(a) {
		t.Error("an action agreed while its hotspot was private is public once the hotspot returns to Part 1")
	}
	// Closed, its actions moved to general business.
	h.Part2 = true
	if _, err := OpenActionsGeneral.Apply(&a, h, "resolved", 0, MustDate("2026-11-24").Time(time.UTC)); err != nil {
		t.Fatal(err)
	}
	if a.HotspotID != 0 || !a.Private || PublicRules(Meeting{}, nil).Action(a) {
		t.Errorf("moved to general business: %+v is public", a)
	}
	// Reassigned and carried forward.
	if _, err := a.Reassign("PC Lee", 0); err != nil {
		t.Fatal(err)
	}
	if _, err := a.MoveDue(MustDate("2027-01-12"), "more time", 0); err != nil {
		t.Fatal(err)
	}
	if !a.Private {
		t.Error("a reassigned, carried-forward action lost its privacy")
	}
	// Released by resolution D-40.
	if err := a.Privacy.Release(a.Ref(), 40); err != nil {
		t.Fatal(err)
	}
	if a.Private || a.ReleasedBy != 40 || !PublicRules(Meeting{}, nil).Action(a) {
		t.Errorf("released: %+v", a.Privacy)
	}
	if err := a.Privacy.Release(a.Ref(), 41); err == nil || !strings.Contains(err.Error(), "not private business") {
		t.Errorf("released twice: %v", err)
	}
}

// The carry on closing a hotspot: an action made while the hotspot was
// public, closed while it is private, leaves private.
func TestCarryOut(t *testing.T) {
	tests := []struct {
		name string
		a    Privacy
		h    Hotspot
		want Privacy
	}{
		{"public action, public hotspot", Privacy{}, Hotspot{Category: CategoryNuisance}, Privacy{}},
		{"public action, hotspot taken in Part 2", Privacy{}, Hotspot{Category: CategoryNuisance, Part2: true, Paragraph: ParaCrime}, PrivateUnder(ParaCrime)},
		{"public action, personal hotspot", Privacy{}, Hotspot{Category: CategoryPersonal}, PrivateUnder(ParaIndividual)},
		{"private action keeps its own paragraph", PrivateUnder(ParaIdentity), Hotspot{Category: CategoryPersonal}, PrivateUnder(ParaIdentity)},
	}
	for _, tt := range tests {
		if got := CarryOut(tt.a, tt.h); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestFollowsIntoPart2(t *testing.T) {
	tests := []struct {
		name       string
		recMeeting ID
		recItem    ItemKind
		recHotspot ID
		kind       ItemKind
		hotspotID  ID
		want       bool
	}{
		{"this meeting, under the hotspot", 7, ItemHotspot, 3, ItemHotspot, 3, true},
		{"this meeting, another hotspot", 7, ItemHotspot, 4, ItemHotspot, 3, false},
		{"an earlier meeting, under the hotspot", 6, ItemHotspot, 3, ItemHotspot, 3, false},
		{"between meetings", 0, ItemHotspot, 3, ItemHotspot, 3, false},
		{"this meeting, under any other business", 7, ItemAOB, 0, ItemAOB, 0, true},
		{"this meeting, under another standing item", 7, ItemMatters, 0, ItemAOB, 0, false},
		{"this meeting, a hotspot's record, AOB moved", 7, ItemHotspot, 3, ItemAOB, 0, false},
	}
	for _, tt := range tests {
		if got := FollowsIntoPart2(tt.recMeeting, tt.recItem, tt.recHotspot, 7, tt.kind, tt.hotspotID); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPrivateMarkIsTheSameEverywhere(t *testing.T) {
	if got := (Privacy{}).Mark(); got != "" {
		t.Errorf("public business is marked %q", got)
	}
	if got := PrivateUnder(ParaCrime).Mark(); got != "[private, para 7]" {
		t.Errorf("mark %q", got)
	}
	if got := (Privacy{Private: true}).Mark(); got != "[private, para 1]" {
		t.Errorf("a private record with no paragraph is marked %q", got)
	}
}

// Label is the mark, or the resolution that released the record: the
// words every restricted output writes beside it.
func TestPrivacyLabel(t *testing.T) {
	tests := []struct {
		name string
		p    Privacy
		want string
	}{
		{"public business", Privacy{}, ""},
		{"private, para 7", PrivateUnder(ParaCrime), "[private, para 7]"},
		{"private, no paragraph", Privacy{Private: true}, "[private, para 1]"},
		{"released by D-23", Privacy{ReleasedBy: 23}, "[released by D-23]"},
		{"private and naming a release: private wins", Privacy{Private: true, Paragraph: ParaIdentity, ReleasedBy: 23}, "[private, para 2]"},
	}
	for _, tt := range tests {
		if got := tt.p.Label(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if tt.p.Private && tt.p.Label() != tt.p.Mark() {
			t.Errorf("%s: the label %q is not the mark %q", tt.name, tt.p.Label(), tt.p.Mark())
		}
	}
	released := PrivateUnder(ParaCrime)
	if err := released.Release("A-3", 23); err != nil || released.Label() != "[released by D-23]" {
		t.Errorf("after a release: %q (%v)", released.Label(), err)
	}
}

func TestReadRightPerRole(t *testing.T) {
	tests := []struct {
		role  Role
		grant Grant
		want  ReadRight
	}{
		{RoleChair, GrantNone, ReadRestricted},
		{RoleChair, GrantWithheld, ReadRestricted},
		{RoleAdmin, GrantNone, ReadRestricted},
		{RoleMember, GrantNone, ReadRestricted},
		{RoleMember, GrantWithheld, ReadPublic},
		{RoleViewer, GrantNone, ReadPublic},
		{RoleViewer, GrantRestrict, ReadRestricted},
		{RoleCirculation, GrantNone, ReadPublic},
		{RoleCirculation, GrantRestrict, ReadRestricted},
		{"", GrantNone, ReadPublic},
		{"overlord", GrantNone, ReadPublic},
	}
	for _, tt := range tests {
		if got := ReadRightOf(tt.role, tt.grant); got != tt.want {
			t.Errorf("%s with grant %q reads %s, want %s", tt.role, tt.grant, got, tt.want)
		}
		if got := ActorFor(Member{Role: tt.role, Restricted: tt.grant}).Reads(); got != tt.want {
			t.Errorf("actor %s/%q reads %s", tt.role, tt.grant, got)
		}
	}
	if (Actor{}).Reads() != ReadPublic {
		t.Error("nobody in particular reads private business")
	}
	if FileOwner().Reads() != ReadRestricted || Permit(FileOwner(), RightActionNote, 0) == nil {
		t.Error("the file's owner reads the whole file and changes nothing without a name")
	}
	if SystemActor("migration").Reads() != ReadRestricted {
		t.Error("the system reads everything")
	}
}

func TestGrants(t *testing.T) {
	for in, want := range map[string]Grant{"yes": GrantRestrict, "Y": GrantRestrict, "no": GrantWithheld, "default": GrantNone} {
		if got, err := ParseGrant(in); err != nil || got != want {
			t.Errorf("ParseGrant(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseGrant("maybe"); err == nil {
		t.Error("maybe is a grant")
	}
	if err := CheckGrant(RoleChair, GrantWithheld); err == nil {
		t.Error("the chair can be kept from private business")
	}
	if err := CheckGrant(RoleViewer, GrantRestrict); err != nil {
		t.Error(err)
	}
}

func TestVersionFor(t *testing.T) {
	viewer := ActorFor(Member{Name: "Cllr Ray Dunn", Role: RoleViewer})
	member := ActorFor(Member{Name: "Sgt Jas Patel", Role: RoleMember})
	tests := []struct {
		who         Actor
		askPublic   bool
		wantPublic  bool
		wantMessage bool
	}{
		{member, false, false, false},
		{member, true, true, false},
		{viewer, true, true, false},
		{viewer, false, true, true},
	}
	for _, tt := range tests {
		public, msg := VersionFor(tt.who, tt.askPublic)
		if public != tt.wantPublic || (msg != "") != tt.wantMessage {
			t.Errorf("%s asking public=%v: public=%v %q", tt.who, tt.askPublic, public, msg)
		}
	}
	if _, msg := VersionFor(viewer, false); msg != "Cllr Ray Dunn (viewer) reads the public record only: this is the public version" {
		t.Errorf("message %q", msg)
	}
}

func TestReleaseRules(t *testing.T) {
	member := Actor{Name: "Sgt Jas Patel", Role: RoleMember, AgencyID: 2}
	if err := Allow(member, OpRelease, 0); err == nil || !strings.Contains(err.Error(), "only the chair or an admin") {
		t.Errorf("a member releases: %v", err)
	}
	if _, err := CheckRelease("  "); err == nil {
		t.Error("a release without a reason")
	}
	if r, err := CheckRelease(" the family consented "); err != nil || r != "the family consented" {
		t.Errorf("release: %q %v", r, err)
	}
	for in, want := range map[string]Releasable{"A-12": ReleaseAction, "a12": ReleaseAction, "D-4": ReleaseDecision, "n 5": ReleaseNote} {
		if k, id, _ := ParseReleasable(in); CanonicalRef(in) != k.Ref(id) || !strings.Contains("A-12 D-4 N-5", CanonicalRef(in)) {
			t.Errorf("CanonicalRef(%q) = %q", in, CanonicalRef(in))
		}
		if k, _, err := ParseReleasable(in); err != nil || k != want {
			t.Errorf("ParseReleasable(%q) = %s, %v", in, k, err)
		}
	}
	for _, bad := range []string{"12", "HS-3", "M-2", "A-x", ""} {
		if _, _, err := ParseReleasable(bad); err == nil {
			t.Errorf("%q is releasable", bad)
		}
	}
	if got := ReleaseResolution("A-12", ParaCrime, "The court case has concluded."); got != "that A-12, exempt under paragraph 7 of Schedule 12A (information relating to the prevention, investigation or prosecution of crime), be released and treated as public business from now on, because the court case has concluded" {
		t.Errorf("resolution %q", got)
	}
}

func TestReleasableOnlyWhereItWouldPublishSomething(t *testing.T) {
	private := PrivateUnder(ParaIndividual)
	public := Hotspot{ID: 2}
	part2 := Hotspot{ID: 4, Part2: true}
	personal := Hotspot{ID: 3, Category: CategoryPersonal}
	tests := []struct {
		name    string
		p       Privacy
		h       *Hotspot
		item    ItemKind
		refusal string // "" when it may be released
	}{
		{"general business", private, nil, "", ""},
		{"a resolution under any other business", private, nil, ItemAOB, ""},
		{"on a hotspot back in Part 1", private, &public, ItemHotspot, ""},
		{"already public", Privacy{}, nil, "", "not private business"},
		{"released already", Privacy{ReleasedBy: 9}, &public, "", "not private business"},
		{"on a hotspot in Part 2", private, &part2, "", "take HS-4 back into Part 1 first"},
		{"on a personal case", private, &personal, "", "a personal ASB case"},
		{"a release's own resolution", private, nil, ItemRelease, "records a release"},
	}
	for _, tt := range tests {
		err := CheckReleasable("A-12", tt.p, tt.h, tt.item)
		if tt.refusal == "" && err != nil || tt.refusal != "" && (err == nil || !strings.Contains(err.Error(), tt.refusal)) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.refusal)
		}
	}
}

func TestAReleaseIsMinutedInPart2OfItsMeetingOrTheNext(t *testing.T) {
	chair := Actor{Name: "Helen Marsh", Role: RoleChair}
	on := MustDate("2026-11-26")
	at := NewReleaseDecision(7, "A-12", ParaCrime, "The court case has concluded.", chair, on)
	if at.MeetingID != 7 || at.Item != ItemRelease || !at.Part2 || at.Paragraph != ParaCrime || !strings.HasPrefix(at.Text, "that A-12, exempt under paragraph 7") {
		t.Errorf("at a meeting: %+v", at)
	}
	between := NewReleaseDecision(0, "A-12", 0, "The court case has concluded.", chair, on)
	if want := "that it be noted that on Thursday 26 November 2026, since the last meeting, Helen Marsh (chair) released A-12, exempt under paragraph 1 of Schedule 12A (information relating to an individual), as public business from then on, because the court case has concluded"; between.Text != want || between.MeetingID != 0 || between.Paragraph != ParaIndividual {
		t.Errorf("between meetings: %+v", between)
	}
	// Its privacy is Part 2's, under the released record's paragraph,
	// whether a meeting is under way or not.
	m := Meeting{ID: 7, Agenda: BuildAgenda(nil, nil, nil)}
	if d := at.Recorded(40, &m, nil, chair, time.Time{}); !d.Private || d.Paragraph != ParaCrime {
		t.Errorf("at a meeting, privacy %+v", d.Privacy)
	}
	d := between.Recorded(41, nil, nil, chair, time.Time{})
	if !d.Private || d.Paragraph != ParaIndividual {
		t.Errorf("between meetings, privacy %+v", d.Privacy)
	}
	// The next meeting adopts it, once; a release of another meeting, or
	// any other resolution, is not its to minute.
	next := Meeting{ID: 8, Agenda: BuildAgenda(nil, nil, nil)}
	if !next.MinuteRelease(&d) || d.MeetingID != 8 || !slices.Equal(next.Releases, []ID{41}) {
		t.Errorf("adopted: %+v, releases %v", d, next.Releases)
	}
	if next.MinuteRelease(&d) || len(next.Releases) != 1 {
		t.Error("adopted twice")
	}
	other := Decision{ID: 42, MeetingID: 7, Item: ItemRelease}
	plain := Decision{ID: 43, Item: ItemAOB}
	if next.MinuteRelease(&other) || next.MinuteRelease(&plain) {
		t.Error("adopted what is not its own")
	}
	// The minute is the last of Part 2 (so it adds the exclusion when
	// nothing else was private), and counts in the minute numbers.
	if got := next.MinuteCount(); got != len(next.Agenda)+2 {
		t.Errorf("minute count %d, want the agenda, the exclusion and the releases (%d)", got, len(next.Agenda)+2)
	}
	if !(Disclosure{}).itemPrivate(ItemRelease, 0) || (Disclosure{}).Item(ReleaseItem()) {
		t.Error("the releases' minute is public")
	}
	if got := Released("A-12", Decision{ID: 40, MeetingID: 7}); got != "A-12 released: public business from now on (D-40, minuted in Part 2 of M-7)" {
		t.Errorf("said %q", got)
	}
	if got := Released("A-12", Decision{ID: 41}); !strings.Contains(got, "minuted in Part 2 of the next meeting, as released since the last one") {
		t.Errorf("said between meetings %q", got)
	}
}

func TestBackToPart1SaysWhatBecomesPublicAndWhatStays(t *testing.T) {
	h := Hotspot{ID: 4, Title: "Brockwell: hate incidents", Location: "Brockwell shops", Ward: "Brockwell", Part2: true}
	b := BackToPart1{Item: "HS-4", Hotspot: &h}
	b.StayPrivate([]Action{{Privacy: PrivateUnder(0)}, {}, {Privacy: PrivateUnder(0)}},
		[]Decision{{Privacy: PrivateUnder(0)}}, []Note{{}}, nil)
	got := b.Question()
	for _, want := range []string{`HS-4's title, location and ward become public ("Brockwell: hate incidents", Brockwell shops, Brockwell)`,
		"Staying private: 2 actions and 1 decision that are private business — recorded while it was private, or marked confidential", "Take it back into Part 1?"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	aob := BackToPart1{Item: "Any other business"}
	if got := aob.Question(); !strings.Contains(got, "what is recorded under Any other business from now on is public") || !strings.Contains(got, "Nothing about it is private business") {
		t.Errorf("standing item: %q", got)
	}
}

// A change nobody typed is told apart by its author alone.
func TestBySystem(t *testing.T) {
	for by, want := range map[string]bool{
		SystemActor("demo").String():  true,
		SystemActor("store").String(): true,
		"Helen Marsh":                 false,
		"tasking (":                   false,
		"":                            false,
	} {
		if got := BySystem(by); got != want {
			t.Errorf("BySystem(%q) = %v, want %v", by, got, want)
		}
	}
}
