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
		op    Right
		owner ID
		want  string // "" when allowed
	}{
		{rep, RightActionOfficer, 2, "Gary Fletcher may not reassign an action to another officer: members change only actions owned by their own agency"},
		{rep, RightActionOfficer, 3, ""},
		{rep, RightActionStatus, 2, "Gary Fletcher may not change an action's status: members change only actions owned by their own agency"},
		{rep, RightActionDue, 2, "Gary Fletcher may not change an action's due date: members change only actions owned by their own agency"},
		{rep, RightActionNote, 2, ""},
		{rep, RightReviewAction, 3, "Gary Fletcher may not review actions in matters arising: only the chair or an admin may do this"},
		{rep, RightRecordNote, 0, "Gary Fletcher may not record notes in the minutes: only the chair or an admin may do this"},
		{rep, RightAmend, 0, "Gary Fletcher may not amend the minutes: only the chair or an admin may do this"},
		{rep, RightAddHotspot, 0, "Gary Fletcher may not add hotspots: only the chair or an admin may do this"},
		{rep, RightEditHotspot, 0, "Gary Fletcher may not change hotspots: only the chair or an admin may do this"},
		{rep, RightAssessRisk, 0, "Gary Fletcher may not assess a hotspot's risk: only the chair or an admin may do this"},
		{viewer, RightAssessRisk, 0, "Val Viewer may not assess a hotspot's risk: viewers have read-only access"},
		{Actor{Name: "Helen Marsh", Role: RoleChair}, RightAssessRisk, 0, ""},
		{rep, RightRecordPower, 3, ""},
		{rep, RightChangePower, 2, "Gary Fletcher may not change a power in force: members record and change only powers their own agency holds"},
		{viewer, RightRecordPower, 3, "Val Viewer may not record powers in force: viewers have read-only access"},
		{rep, RightRecordDecision, 0, "Gary Fletcher may not record decisions: only the chair or an admin may do this"},
		{rep, RightCaseReview, 0, "Gary Fletcher may not record ASB case reviews: only the chair or an admin may do this"},
		{viewer, RightCaseReview, 0, "Val Viewer may not record ASB case reviews: viewers have read-only access"},
		{Actor{Name: "Helen Marsh", Role: RoleChair}, RightCaseReview, 0, ""},
		{viewer, RightActionOfficer, 3, "Val Viewer may not reassign an action to another officer: viewers have read-only access"},
		{circulation, RightActionNote, 1, "Cllr Dyson may not add a note to an action: circulation-only members receive the minutes and have read-only access"},
	}
	for _, tt := range tests {
		got := errText(Permit(tt.a, tt.op, tt.owner))
		if got != tt.want {
			t.Errorf("%s %s (owner %d):\n got %q\nwant %q", tt.a.Name, tt.op, tt.owner, got, tt.want)
		}
	}
}
