package model

import "fmt"

// Op is a kind of change, for permission checks. It is also what a refusal
// says was refused ("… may not reassign an action to another officer"), so
// every change asks for the Op that names it, even where two Ops are
// allowed to the same people.
type Op string

const (
	OpSetup          Op = "set up the partnership"
	OpRunMeeting     Op = "run a meeting"
	OpAssignAction   Op = "assign actions"
	OpActionStatus   Op = "change an action's status"
	OpActionDue      Op = "change an action's due date"
	OpActionNote     Op = "add a note to an action"
	OpActionOfficer  Op = "reassign an action to another officer"
	OpReviewAction   Op = "review actions in matters arising"
	OpAddHotspot     Op = "add hotspots"
	OpEditHotspot    Op = "change hotspots"
	OpAssessRisk     Op = "assess a hotspot's risk"
	OpRecordPower    Op = "record powers in force"
	OpChangePower    Op = "change a power in force"
	OpRecordDecision Op = "record decisions"
	OpRecordNote     Op = "record notes in the minutes"
	OpAmend          Op = "amend the minutes"
	OpManagePeople   Op = "manage members, agencies and the partnership's details"
)

// PermissionError says which rule refused a change.
type PermissionError struct {
	Who  string
	Op   Op
	Rule string
}

func (e *PermissionError) Error() string {
	return fmt.Sprintf("%s may not %s: %s", e.Who, e.Op, e.Rule)
}

// Permit is the permission rule. Chair and admin may do everything; a member
// may change the status, due date and notes of actions their own agency
// owns, record and change the powers in force it holds, add notes to any
// action and import incident data (public data, and the analyst's job); a
// viewer only reads. ownerAgency is the agency that owns the record (an
// action's, a power's; 0 for anything else).
func Permit(a Actor, op Op, ownerAgency ID) error {
	switch a.Role {
	case RoleChair, RoleAdmin:
		return nil
	case RoleViewer:
		return &PermissionError{a.String(), op, "viewers have read-only access"}
	case RoleCirculation:
		return &PermissionError{a.String(), op, "circulation-only members receive the minutes and have read-only access"}
	case RoleMember:
		switch op {
		case OpActionNote, OpImportIncidents:
			return nil
		case OpActionStatus, OpActionDue, OpActionOfficer:
			// Who does the work, and how it stands, are the owning
			// agency's business.
			if ownerAgency != 0 && ownerAgency == a.AgencyID {
				return nil
			}
			return &PermissionError{a.String(), op, "members change only actions owned by their own agency"}
		case OpRecordPower, OpChangePower:
			// A power is the business of the agency that holds it (the
			// police's dispersal, the council's PSPO).
			if ownerAgency != 0 && ownerAgency == a.AgencyID {
				return nil
			}
			return &PermissionError{a.String(), op, "members record and change only powers their own agency holds"}
		}
		return &PermissionError{a.String(), op, "only the chair or an admin may do this"}
	}
	return &PermissionError{a.String(), op, "unknown role " + string(a.Role)}
}
