package model

import "time"

// What a new action and a new hotspot start as. A store gives them their
// IDs inside its write transaction and saves them as these say.

// Assigned is the action n assigns, numbered id, by by at at (m is the
// meeting it is assigned in, nil outside one; h its hotspot, nil for
// general business): open, due as agreed, and private for good when it was
// agreed on private business or marked confidential (PrivacyOf).
func (n NewAction) Assigned(id ID, m *Meeting, h *Hotspot, by Actor, at time.Time) Action {
	return Action{ID: id, HotspotID: n.HotspotID, Text: n.Text, AgencyID: n.AgencyID, Officer: n.Officer,
		Due: n.Due, Status: StatusOpen, Intervention: n.Intervention, CreatedMeetingID: n.MeetingID,
		CreatedAt: at, CreatedBy: by.String(), UpdatedAt: at, UpdatedBy: by.String(), Version: 1,
		Confidential: n.Confidential,
		Privacy:      PrivacyOf(Made{Meeting: m, Item: ItemAOB, Hotspot: h, Confidential: n.Confidential})}
}

// Recorded is the resolution a meeting records, numbered id: private for
// good when recorded as Part 2 or under private business (PrivacyOf).
func (n NewDecision) Recorded(id ID, m *Meeting, h *Hotspot, by Actor, at time.Time) Decision {
	item := ItemOf(n.Item, n.HotspotID)
	return Decision{ID: id, MeetingID: n.MeetingID, HotspotID: n.HotspotID, Item: item, Text: n.Text, Part2: n.Part2,
		At: at, By: by.String(), Version: 1,
		Privacy: PrivacyOf(Made{Meeting: m, Item: item, Hotspot: h, Part2: n.Part2, Paragraph: n.Paragraph})}
}

// Recorded is the note n, numbered id, said in meeting m: private for good
// when confidential or said under private business (PrivacyOf).
func (n NewNote) Recorded(id ID, m *Meeting, h *Hotspot, by Actor, at time.Time) Note {
	item := ItemOf(n.Item, n.HotspotID)
	return Note{ID: id, MeetingID: m.ID, HotspotID: n.HotspotID, Item: item, Text: n.Text, Confidential: n.Confidential,
		AgencyID: n.AgencyID, At: at, By: by.String(), Version: 1,
		Privacy: PrivacyOf(Made{Meeting: m, Item: item, Hotspot: h, Confidential: n.Confidential})}
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
