package model

import "testing"

// What a restricted output marks is what the public version withholds,
// with the paragraph of the business it is withheld for; a released record
// is marked released, a public one not at all.
func TestPrivacyAsShown(t *testing.T) {
	p := disclosureFixture()
	released := Privacy{ReleasedBy: 23}
	tests := []struct {
		name string
		got  Privacy
		want string
	}{
		{"an action on HS-1", p.ActionPrivacy(Action{HotspotID: 1}), ""},
		{"an action made private under para 2", p.ActionPrivacy(Action{HotspotID: 1, Privacy: PrivateUnder(ParaIdentity)}), "[private, para 2]"},
		{"an action on HS-2, taken in private under para 7", p.ActionPrivacy(Action{HotspotID: 2}), "[private, para 7]"},
		{"an action on a personal hotspot", p.ActionPrivacy(Action{HotspotID: 3}), "[private, para 1]"},
		{"an action on HS-4, private since before (its default paragraph)", p.ActionPrivacy(Action{HotspotID: 4}), "[private, para 7]"},
		{"an action on an unknown hotspot", p.ActionPrivacy(Action{HotspotID: 99}), "[private, para 1]"},
		{"a general action assigned under this meeting's private AOB", p.ActionPrivacy(Action{CreatedMeetingID: 5}), "[private, para 2]"},
		{"a general action from an earlier meeting", p.ActionPrivacy(Action{CreatedMeetingID: 2}), ""},
		{"an action released", p.ActionPrivacy(Action{HotspotID: 1, Privacy: released}), "[released by D-23]"},
		{"a released action under a private hotspot is private there", p.ActionPrivacy(Action{HotspotID: 2, Privacy: released}), "[private, para 7]"},

		{"a resolution under HS-1", p.DecisionPrivacy(Decision{MeetingID: 5, Item: ItemHotspot, HotspotID: 1}), ""},
		{"a Part 2 resolution under HS-1", p.DecisionPrivacy(Decision{MeetingID: 5, Item: ItemHotspot, HotspotID: 1, Part2: true, Privacy: PrivateUnder(0)}), "[private, para 1]"},
		{"a Part 2 resolution released", p.DecisionPrivacy(Decision{MeetingID: 5, Item: ItemHotspot, HotspotID: 1, Part2: true, Privacy: released}), "[released by D-23]"},
		{"a resolution under private AOB", p.DecisionPrivacy(Decision{MeetingID: 5, Item: ItemAOB}), "[private, para 2]"},

		{"a note under HS-1", p.NotePrivacy(Note{Item: ItemHotspot, HotspotID: 1}), ""},
		{"a confidential note", p.NotePrivacy(Note{Item: ItemHotspot, HotspotID: 1, Confidential: true, Privacy: PrivateUnder(0)}), "[private, para 1]"},
		{"a confidential note released", p.NotePrivacy(Note{Item: ItemHotspot, HotspotID: 1, Confidential: true, Privacy: released}), "[released by D-23]"},
		{"a note under HS-2", p.NotePrivacy(Note{Item: ItemHotspot, HotspotID: 2}), "[private, para 7]"},

		{"a general declaration", p.DeclarationPrivacy(Declaration{Name: "x"}), ""},
		{"a declaration on HS-2", p.DeclarationPrivacy(Declaration{Item: ItemHotspot, HotspotID: 2}), "[private, para 7]"},
		{"a declaration made private", p.DeclarationPrivacy(Declaration{Item: ItemHotspot, HotspotID: 1, Privacy: PrivateUnder(ParaIdentity)}), "[private, para 2]"},

		{"a public update", p.UpdatePrivacy(ActionUpdate{Kind: UpdateStatus}), ""},
		{"an update made in private", p.UpdatePrivacy(ActionUpdate{Kind: UpdateStatus, Privacy: PrivateUnder(ParaCrime)}), "[private, para 7]"},
	}
	for _, tt := range tests {
		if got := tt.got.Label(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
