package model

import "fmt"

// Right is what a role may or may not do, for permission checks. It is
// also what a refusal says was refused ("… may not reassign an action to
// another officer"), so every kind of change (Op) names the Right it needs
// (ops.go), even where two Rights are allowed to the same people.
type Right string

const (
	RightSetup          Right = "set up the partnership"
	RightRunMeeting     Right = "run a meeting"
	RightAssignAction   Right = "assign actions"
	RightActionStatus   Right = "change an action's status"
	RightActionDue      Right = "change an action's due date"
	RightActionNote     Right = "add a note to an action"
	RightActionOfficer  Right = "reassign an action to another officer"
	RightReviewAction   Right = "review actions in matters arising"
	RightAddHotspot     Right = "add hotspots"
	RightEditHotspot    Right = "change hotspots"
	RightAssessRisk     Right = "assess a hotspot's risk"
	RightRecordPower    Right = "record powers in force"
	RightChangePower    Right = "change a power in force"
	RightRecordDecision Right = "record decisions"
	RightRecordNote     Right = "record notes in the minutes"
	RightAmend          Right = "amend the minutes"
	RightManagePeople   Right = "manage members, agencies and the partnership's details"
	// RightMaintain is the store's own upkeep of the file (an upgrade, a
	// rebuilt index, a record loaded whole), sealed into the audit trail;
	// no write of a person's asks for it.
	RightMaintain Right = "maintain the record's file"
)

// PermissionError says which rule refused a change.
type PermissionError struct {
	Who   string
	Right Right
	// Op is the change that was refused, when a write declared one and
	// was refused before it ran (Allow); empty for a refusal by a rule
	// inside a change (CheckCorrection: only the update's author).
	Op   Op
	Rule string
}

func (e *PermissionError) Error() string {
	return fmt.Sprintf("%s may not %s: %s", e.Who, e.Right, e.Rule)
}

// Permit is the permission rule, by role. Chair and admin may do
// everything; a member may change the status, due date and officer of
// actions their own agency owns, record and change the powers in force it
// holds, add notes to any action, correct or withdraw their own progress
// updates (CheckCorrection says whose an update is) and import incident
// data (public data, and the analyst's job); a viewer and a
// circulation-only member only read. ownerAgency is the agency that owns
// the record (an action's, a power's; 0 for anything else). A write asks
// through Allow, with the kind of change it is.
func Permit(a Actor, r Right, ownerAgency ID) error {
	refuse := func(rule string) error { return &PermissionError{Who: a.String(), Right: r, Rule: rule} }
	switch a.Role {
	case RoleChair, RoleAdmin:
		return nil
	case RoleViewer:
		return refuse("viewers have read-only access")
	case RoleCirculation:
		return refuse("circulation-only members receive the minutes and have read-only access")
	case RoleMember:
		switch r {
		case RightActionNote, RightImportIncidents, RightCorrectUpdate:
			return nil
		case RightActionStatus, RightActionDue, RightActionOfficer:
			// Who does the work, and how it stands, are the owning
			// agency's business.
			if ownerAgency != 0 && ownerAgency == a.AgencyID {
				return nil
			}
			return refuse("members change only actions owned by their own agency")
		case RightRecordPower, RightChangePower:
			// A power is the business of the agency that holds it (the
			// police's dispersal, the council's PSPO).
			if ownerAgency != 0 && ownerAgency == a.AgencyID {
				return nil
			}
			return refuse("members record and change only powers their own agency holds")
		}
		return refuse("only the chair or an admin may do this")
	}
	return refuse("unknown role " + string(a.Role))
}
