package model

import (
	"fmt"
	"slices"
	"time"
)

// What each change the chair makes in a meeting does to it, and what it
// refuses. A store loads the meeting (CheckEditable), asks one of these
// inside its write transaction and saves the result.

// CheckItem refuses an agenda item i (from 0) the agenda does not have.
func (m Meeting) CheckItem(i int) error {
	if i < 0 || i >= len(m.Agenda) {
		return Invalid("agenda", "there is no item %d", i+1)
	}
	return nil
}

// GoTo moves the meeting to agenda item i and starts its clock at at. A
// hotspot gone to is visited: its actions reviewed or updated from now
// count as its business (HotspotBusiness).
func (m *Meeting) GoTo(i int, at time.Time) error {
	if err := m.CheckItem(i); err != nil {
		return err
	}
	m.Current, m.ItemStartedAt = i, at
	if it := m.Agenda[i]; it.Kind == ItemHotspot {
		m.Visit(it.HotspotID)
	}
	return nil
}

// Unvisit forgets that the meeting went to a hotspot, as its item comes
// off the agenda: having had it on the screen is not business.
func (m *Meeting) Unvisit(hotspot ID) {
	m.Visited = slices.DeleteFunc(slices.Clone(m.Visited), func(h ID) bool { return h == hotspot })
}

// CheckDropHotspot refuses to take a hotspot off the agenda when business
// (HotspotBusiness) was recorded under it in this meeting: it was
// discussed, and its minute must exist.
func CheckDropHotspot(hotspot ID, business []ID) error {
	if slices.Contains(business, hotspot) {
		return Invalid("agenda", "%s has notes, decisions or actions in this meeting: it stays on the agenda", HotspotRef(hotspot))
	}
	return nil
}

// MarkRemainingPresent marks everyone not yet marked as present and says
// who; when everyone is marked already there is nothing to do.
func (m *Meeting) MarkRemainingPresent() ([]ID, error) {
	var marked []ID
	for i := range m.Attendance {
		if m.Attendance[i].Status == Unmarked {
			m.Attendance[i].Status = Present
			marked = append(marked, m.Attendance[i].MemberID)
		}
	}
	if len(marked) == 0 {
		return nil, Invalid("attendance", "everyone is already marked")
	}
	return marked, nil
}

// ReadConfidentiality records that the confidentiality statement was read
// at at. It is read once a meeting: a second record is refused, saying
// when it was read.
func (m *Meeting) ReadConfidentiality(at time.Time) error {
	if m.ConfidentialityRead {
		return Invalid("confidentiality", "the statement was already recorded as read at %s", m.ConfidentialityReadAt.Local().Format("15:04"))
	}
	m.ConfidentialityRead, m.ConfidentialityReadAt = true, at
	return nil
}

// Declare records a declaration of interest and returns it as recorded.
// One naming a hotspot (h, nil for none) is on that hotspot's item, which
// must be on the agenda; one on private business is private for good
// (PrivacyOf); a declaration made means "no declarations" is no longer
// true.
func (m *Meeting) Declare(d Declaration, h *Hotspot) (Declaration, error) {
	if d.HotspotID != 0 {
		d.Item = ItemHotspot
		if !m.HasHotspot(d.HotspotID) {
			return d, Invalid("item", "%s is not on the agenda", HotspotRef(d.HotspotID))
		}
	}
	if d.Item != "" {
		d.Privacy = PrivacyOf(Made{Meeting: m, Item: d.Item, Hotspot: h})
	}
	m.Declarations = append(m.Declarations, d)
	m.NoDeclarations = false
	return d, nil
}

// DeclareNone records that no interests were declared: not true once any
// was.
func (m *Meeting) DeclareNone() error {
	if len(m.Declarations) > 0 {
		return Invalid("declarations", "%d declarations are already recorded", len(m.Declarations))
	}
	m.NoDeclarations = true
	return nil
}

// CheckApproval says whether the meeting may approve the previous
// meeting's minutes: there must be a previous meeting, and its minutes are
// approved once (the decision that did it is named).
func (m Meeting) CheckApproval() error {
	if m.PreviousMeetingID == 0 {
		return Invalid("minutes", "there is no previous meeting to approve")
	}
	if m.MinutesApprovedByDecID != 0 {
		return Invalid("minutes", "the previous minutes are already approved (%s)", DecisionRef(m.MinutesApprovedByDecID))
	}
	return nil
}

// MinutesApproval is the resolution approving prev's minutes, in the words
// council minutes use.
func MinutesApproval(prev Meeting) string {
	return fmt.Sprintf("that the minutes of the meeting held on %s be approved as a correct record and signed by the Chair", prev.Date.Long())
}

// SetNext fixes the date of the next meeting, and its time and place: the
// next meeting is after this one, and unless told otherwise it is at this
// one's time and place.
func (m *Meeting) SetNext(date Date, clock, place string) error {
	if !date.After(m.Date) {
		return Invalid("date", "the next meeting must be after this one (%s)", m.Date)
	}
	m.NextDate, m.NextTime, m.NextPlace = date, clock, place
	if m.NextTime == "" {
		m.NextTime = m.Time
	}
	if m.NextPlace == "" {
		m.NextPlace = m.Place
	}
	return nil
}

// CheckClose refuses to close the meeting at a time before it started: a
// clock more than ClockSkew behind its start is wrong, and the minutes
// would read "closed at 09:00" under "opened at 10:00". Both times are
// named.
func (m Meeting) CheckClose(at time.Time) error {
	if m.OpenedAt.Sub(at) > ClockSkew {
		return &ClockError{Ref: m.Ref(), Was: "started", At: m.OpenedAt, Then: "it cannot close at", Now: at}
	}
	return nil
}

// Close closes the meeting at at, given the hotspots it recorded business
// under (HotspotBusiness): members never marked are minuted absent
// (unmarked counts as absent), and the hotspots on its agenda it did not
// discuss are deferred (Deferred). It never closes before it started
// (CheckClose): a clock a little behind closes it at its start.
func (m *Meeting) Close(business []ID, at time.Time) error {
	if err := m.CheckClose(at); err != nil {
		return err
	}
	for i := range m.Attendance {
		if m.Attendance[i].Status == Unmarked {
			m.Attendance[i].Status = Absent
		}
	}
	m.Deferred = Deferred(*m, business)
	m.State, m.ClosedAt = MeetingClosed, Latest(at, m.OpenedAt.In(at.Location()))
	return nil
}

// ItemOf is the agenda item something recorded under (kind, hotspotID)
// belongs to: anything naming a hotspot is under that hotspot's item,
// whatever item the chair was on.
func ItemOf(kind ItemKind, hotspotID ID) ItemKind {
	if hotspotID != 0 {
		return ItemHotspot
	}
	return kind
}

// RequireMeeting refuses a decision or a note (what) recorded outside a
// meeting (meetingID 0): the minutes are where they live.
func RequireMeeting(what string, meetingID ID) error {
	if meetingID == 0 {
		return Invalid("meeting", "%s belongs to a meeting: no meeting is open", WithArticle(what))
	}
	return nil
}

// CheckAmendable refuses to amend the record of a meeting still under way:
// there the chair records a further note or decision instead. Amendments
// correct the record of a closed meeting.
func (m Meeting) CheckAmendable() error {
	if m.State != MeetingClosed {
		return Invalid("ref", "meeting %s is still open: record a further note or decision instead of amending", m.Ref())
	}
	return nil
}

// CheckAmendment refuses an amendment that changes nothing.
func CheckAmendment(before, after string) error {
	if before == after {
		return Invalid("text", "that is the text already recorded")
	}
	return nil
}
