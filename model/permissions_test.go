package model

import "testing"

// Every refusal says what was refused, in the words of the change asked
// for, and the rule that refused it: a rep reassigning another agency's
// action is refused as reassigning, not as changing its status.
func TestRefusalsNameWhatWasRefused(t *testing.T) {
	rep := Actor{Name: "Gary Fletcher", Role: RoleMember, AgencyID: 3}
	viewer := Actor{Name: "Val Viewer", Role: RoleViewer, AgencyID: 3}
	circulation := Actor{Name: "Cllr Dyson", Role: RoleCirculation, AgencyID: 1}
	tests := []struct {
		a     Actor
		op    Op
		owner ID
		want  string // "" when allowed
	}{
		{rep, OpActionOfficer, 2, "Gary Fletcher may not reassign an action to another officer: members change only actions owned by their own agency"},
		{rep, OpActionOfficer, 3, ""},
		{rep, OpActionStatus, 2, "Gary Fletcher may not change an action's status: members change only actions owned by their own agency"},
		{rep, OpActionDue, 2, "Gary Fletcher may not change an action's due date: members change only actions owned by their own agency"},
		{rep, OpActionNote, 2, ""},
		{rep, OpReviewAction, 3, "Gary Fletcher may not review actions in matters arising: only the chair or an admin may do this"},
		{rep, OpRecordNote, 0, "Gary Fletcher may not record notes in the minutes: only the chair or an admin may do this"},
		{rep, OpAmend, 0, "Gary Fletcher may not amend the minutes: only the chair or an admin may do this"},
		{rep, OpAddHotspot, 0, "Gary Fletcher may not add hotspots: only the chair or an admin may do this"},
		{rep, OpEditHotspot, 0, "Gary Fletcher may not change hotspots: only the chair or an admin may do this"},
		{rep, OpAssessRisk, 0, "Gary Fletcher may not assess a hotspot's risk: only the chair or an admin may do this"},
		{viewer, OpAssessRisk, 0, "Val Viewer may not assess a hotspot's risk: viewers have read-only access"},
		{Actor{Name: "Helen Marsh", Role: RoleChair}, OpAssessRisk, 0, ""},
		{rep, OpRecordPower, 3, ""},
		{rep, OpChangePower, 2, "Gary Fletcher may not change a power in force: members record and change only powers their own agency holds"},
		{viewer, OpRecordPower, 3, "Val Viewer may not record powers in force: viewers have read-only access"},
		{rep, OpRecordDecision, 0, "Gary Fletcher may not record decisions: only the chair or an admin may do this"},
		{rep, OpCaseReview, 0, "Gary Fletcher may not record ASB case reviews: only the chair or an admin may do this"},
		{viewer, OpCaseReview, 0, "Val Viewer may not record ASB case reviews: viewers have read-only access"},
		{Actor{Name: "Helen Marsh", Role: RoleChair}, OpCaseReview, 0, ""},
		{viewer, OpActionOfficer, 3, "Val Viewer may not reassign an action to another officer: viewers have read-only access"},
		{circulation, OpActionNote, 1, "Cllr Dyson may not add a note to an action: circulation-only members receive the minutes and have read-only access"},
	}
	for _, tt := range tests {
		got := errText(Permit(tt.a, tt.op, tt.owner))
		if got != tt.want {
			t.Errorf("%s %s (owner %d):\n got %q\nwant %q", tt.a.Name, tt.op, tt.owner, got, tt.want)
		}
	}
}

// No two kinds of change share words: a refusal names one of them.
func TestOpsAreDistinct(t *testing.T) {
	seen := map[Op]bool{}
	for _, op := range []Op{OpSetup, OpRunMeeting, OpAssignAction, OpActionStatus, OpActionDue, OpActionNote, OpActionOfficer,
		OpReviewAction, OpAddHotspot, OpEditHotspot, OpAssessRisk, OpRecordPower, OpChangePower, OpCaseReview, OpDismissSuggestion, OpRecordDecision, OpRecordNote, OpAmend, OpManagePeople} {
		if seen[op] {
			t.Errorf("%q names two kinds of change", op)
		}
		seen[op] = true
	}
}
