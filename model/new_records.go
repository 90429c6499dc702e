package model

import "time"

// What a new action and a new hotspot start as. A store gives them their
// IDs inside its write transaction and saves them as these say.

// Assigned is the action n assigns, numbered id, by by at at (m is the
// meeting it is assigned in, nil outside one): open, due as agreed, and
// private for good when it was agreed in private (NewActionPart2).
func (n NewAction) Assigned(id ID, m *Meeting, by Actor, at time.Time) Action {
	return Action{ID: id, HotspotID: n.HotspotID, Text: n.Text, AgencyID: n.AgencyID, Officer: n.Officer,
		Due: n.Due, Status: StatusOpen, Intervention: n.Intervention, CreatedMeetingID: n.MeetingID,
		CreatedAt: at, CreatedBy: by.String(), UpdatedAt: at, UpdatedBy: by.String(), Version: 1,
		Confidential: n.Confidential, Part2: NewActionPart2(m, n.HotspotID)}
}

// CheckNewDue refuses a "new due date" that is none: moving an action's
// date needs the date (MoveDue decides the rest).
func CheckNewDue(due Date) error {
	if due.IsZero() {
		return Invalid("due", "no new due date given: %s", WhenHelp)
	}
	return nil
}

// Referred is the hotspot n refers, numbered id, by by at at (meetingID:
// the meeting it was referred in, 0 outside one): new, at the scanning
// stage of SARA, opened that day, and private from the start when it is
// personal ASB (NewHotspotPart2).
func (n NewHotspot) Referred(id, meetingID ID, by Actor, at time.Time) Hotspot {
	h := Hotspot{ID: id, Title: n.Title, Location: n.Location, Ward: n.Ward, Category: n.Category,
		Theme: n.Theme, Risk: n.Risk, RiskReason: n.RiskReason, Status: HotspotNew, SARA: SARAScanning,
		LeadAgencyID: n.LeadAgencyID, Opened: DateOf(at), ReferredInMeeting: meetingID,
		CreatedAt: at, UpdatedAt: at, UpdatedBy: by.String(), Version: 1}
	h.Part2, h.Paragraph = NewHotspotPart2(n.Category)
	return h
}
