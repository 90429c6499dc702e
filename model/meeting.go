package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// MeetingKind is which tier of the partnership is meeting.
type MeetingKind string

const (
	KindOperational MeetingKind = "operational"
	KindTactical    MeetingKind = "tactical"
	KindStrategic   MeetingKind = "strategic"
)

func (k MeetingKind) Title() string {
	if k == "" {
		return "Operational"
	}
	return strings.ToUpper(string(k[:1])) + string(k[1:])
}

// MeetingState: planned (a date fixed), open (under way), closed (read-only).
type MeetingState string

const (
	MeetingPlanned MeetingState = "planned"
	MeetingOpen    MeetingState = "open"
	MeetingClosed  MeetingState = "closed"
)

// AttendanceStatus of one member at one meeting. Unmarked counts as absent.
type AttendanceStatus string

const (
	Unmarked  AttendanceStatus = ""
	Present   AttendanceStatus = "present"
	Apologies AttendanceStatus = "apologies"
	Absent    AttendanceStatus = "absent"
)

func (s AttendanceStatus) Label() string {
	if s == Unmarked {
		return "—"
	}
	return string(s)
}

type Attendee struct {
	MemberID ID               `json:"member_id"`
	Status   AttendanceStatus `json:"status"`
}

// Guest is someone at the meeting who is not a member (a new officer, an
// invited speaker). Guests are always present.
type Guest struct {
	Name   string `json:"name"`
	Agency string `json:"agency"`
}

// Declaration of interest by a member, or by a guest at the meeting
// (GuestDeclaration), on one agenda item (Item and HotspotID, as a
// decision names its item) or on the meeting's business generally (Item
// empty).
type Declaration struct {
	MemberID ID     `json:"member_id,omitempty"`
	Name     string `json:"name"`
	// Guest: made by a guest, not a member; Organisation is theirs
	// (Guest.Agency). The public record names a guest by it alone.
	Guest        bool     `json:"guest,omitempty"`
	Organisation string   `json:"organisation,omitempty"`
	Text         string   `json:"text"`
	Item         ItemKind `json:"item,omitempty"`
	HotspotID    ID       `json:"hotspot_id,omitempty"`
	// Privacy is fixed when it is declared (PrivacyOf): on an item taken
	// in private, or on a private hotspot.
	Privacy
}

// ItemKind is what an agenda item is.
type ItemKind string

const (
	ItemAttendance   ItemKind = "attendance"
	ItemDeclarations ItemKind = "declarations"
	ItemMinutes      ItemKind = "previous-minutes"
	ItemMatters      ItemKind = "matters-arising"
	ItemHotspot      ItemKind = "hotspot"
	ItemReferrals    ItemKind = "referrals"
	ItemAOB          ItemKind = "aob"
	ItemNextMeeting  ItemKind = "next-meeting"
	// ItemRelease is no agenda item: it is the Part 2 minute that records
	// the releases of private business made at the meeting, or since the
	// last one (Meeting.Releases; see MinuteOrder).
	ItemRelease ItemKind = "release"
	// ItemCaseReviews is the ASB case reviews not yet answered: Part 2
	// always (about individuals), on the agenda while any is open.
	ItemCaseReviews ItemKind = "case-reviews"
)

// AgendaItem is one item of a meeting's agenda, in order. A Part 2 item is
// exempt business (personal information), taken in private: it never
// appears in public minutes.
type AgendaItem struct {
	Kind      ItemKind `json:"kind"`
	HotspotID ID       `json:"hotspot_id,omitempty"`
	Part2     bool     `json:"part2,omitempty"`
	// Paragraph is the Schedule 12A paragraph a Part 2 item is exempt
	// under (0 for a Part 1 item, or an item from before paragraphs were
	// recorded: read as paragraph 1).
	Paragraph ExemptParagraph `json:"paragraph,omitempty"`
	// Budget is the minutes the chair allows the item (0: none): the status
	// bar projects the meeting's finish from the budgets ahead.
	Budget int `json:"budget,omitempty"`
}

// StandingTitle is the title of a standing (non-hotspot) item.
func (k ItemKind) StandingTitle() string {
	switch k {
	case ItemAttendance:
		return "Attendance"
	case ItemDeclarations:
		return "Declarations of interest"
	case ItemMinutes:
		return "Minutes of the previous meeting"
	case ItemMatters:
		return "Matters arising"
	case ItemReferrals:
		return "New referrals"
	case ItemAOB:
		return "Any other business"
	case ItemNextMeeting:
		return "Date of next meeting"
	case ItemRelease:
		return "Release of exempt information"
	case ItemCaseReviews:
		return "ASB case reviews"
	}
	return string(k)
}

// Meeting is one sitting of the group, from attendance to the next date.
type Meeting struct {
	ID      ID           `json:"id"`
	Date    Date         `json:"date"`
	Time    string       `json:"time"` // "10:00"
	Place   string       `json:"place"`
	Kind    MeetingKind  `json:"kind"`
	ChairID ID           `json:"chair_id"`
	State   MeetingState `json:"state"`

	Attendance            []Attendee `json:"attendance"`
	Guests                []Guest    `json:"guests,omitempty"`
	ConfidentialityRead   bool       `json:"confidentiality_read"`
	ConfidentialityReadAt time.Time  `json:"confidentiality_read_at,omitempty"`

	Declarations   []Declaration `json:"declarations,omitempty"`
	NoDeclarations bool          `json:"no_declarations"`

	PreviousMeetingID      ID `json:"previous_meeting_id,omitempty"`
	MinutesApprovedByDecID ID `json:"minutes_approved_decision_id,omitempty"`

	Agenda        []AgendaItem `json:"agenda"`
	Current       int          `json:"current"`
	ItemStartedAt time.Time    `json:"item_started_at,omitempty"`
	// Visited is the hotspots the meeting actually went to: only they (and
	// any with business recorded) count as reviewed when it closes.
	Visited []ID `json:"visited,omitempty"`
	// Deferred is the hotspots on the agenda the meeting did not reach
	// (set at close): minuted "Deferred to the next meeting", they open the
	// next agenda's hotspot walk.
	Deferred []ID `json:"deferred,omitempty"`

	// Releases are the resolutions releasing private business (Release)
	// minuted in this meeting's Part 2: made at the meeting, or between
	// meetings and reported to it.
	Releases []ID `json:"releases,omitempty"`

	OpenedAt time.Time `json:"opened_at,omitempty"`
	ClosedAt time.Time `json:"closed_at,omitempty"`

	NextDate  Date   `json:"next_date,omitempty"`
	NextTime  string `json:"next_time,omitempty"`
	NextPlace string `json:"next_place,omitempty"`

	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Version   int       `json:"version"`
}

func (m Meeting) Ref() string { return MeetingRef(m.ID) }

// NextMeeting is what a meeting has fixed for the next one: the part of
// the meeting the next-meeting form edits, and saves against.
type NextMeeting struct {
	Date  Date
	Time  string
	Place string
}

// Next is the next meeting as m has fixed it.
func (m Meeting) Next() NextMeeting {
	return NextMeeting{Date: m.NextDate, Time: m.NextTime, Place: m.NextPlace}
}

// String is "Tue 1 Dec 2026 10:00, Council Chamber" ("not fixed" when no
// date is).
func (n NextMeeting) String() string {
	if n.Date.IsZero() {
		return "not fixed"
	}
	out := n.Date.Format("Mon 2 Jan 2006")
	if n.Time != "" {
		out += " " + n.Time
	}
	if n.Place != "" {
		out += ", " + n.Place
	}
	return out
}

// Title is "Tue 24 Nov 2026 10:00".
func (m Meeting) When() string {
	s := m.Date.Format("Mon 2 Jan 2006")
	if m.Time != "" {
		s += " " + m.Time
	}
	return s
}

// CheckEditable refuses changes to a meeting that is not under way.
func (m Meeting) CheckEditable() error {
	switch m.State {
	case MeetingClosed:
		return Invalid("meeting", "meeting %s (%s) is closed and read-only", m.Ref(), m.Date)
	case MeetingPlanned:
		return Invalid("meeting", "meeting %s (%s) has not started: start it first", m.Ref(), m.Date)
	}
	return nil
}

// ItemPart2: the meeting takes the item of this kind (and hotspot) in
// private. Under a hotspot that is the hotspot's item; otherwise the
// standing item of that kind.
func (m Meeting) ItemPart2(kind ItemKind, hotspotID ID) bool {
	it, ok := m.ItemOf(kind, hotspotID)
	return ok && it.Part2
}

// ItemOf is the meeting's agenda item of this kind (and hotspot): under a
// hotspot, the hotspot's item; otherwise the standing item of that kind.
func (m Meeting) ItemOf(kind ItemKind, hotspotID ID) (AgendaItem, bool) {
	if hotspotID != 0 {
		kind = ItemHotspot
	}
	for _, it := range m.Agenda {
		if it.Kind == kind && (kind != ItemHotspot || it.HotspotID == hotspotID) {
			return it, true
		}
	}
	return AgendaItem{}, false
}

// AttendanceOf is the member's status at this meeting.
func (m Meeting) AttendanceOf(member ID) AttendanceStatus {
	for _, a := range m.Attendance {
		if a.MemberID == member {
			return a.Status
		}
	}
	return Unmarked
}

// SetAttendance records a member's status, adding them if they joined the
// group after the meeting started.
func (m *Meeting) SetAttendance(member ID, s AttendanceStatus) {
	for i := range m.Attendance {
		if m.Attendance[i].MemberID == member {
			m.Attendance[i].Status = s
			return
		}
	}
	m.Attendance = append(m.Attendance, Attendee{MemberID: member, Status: s})
}

// Count of attendees with the given status; guests count as present.
func (m Meeting) Count(s AttendanceStatus) int {
	n := 0
	for _, a := range m.Attendance {
		if a.Status == s {
			n++
		}
	}
	if s == Present {
		n += len(m.Guests)
	}
	return n
}

// CurrentItem is the item the meeting is on.
func (m Meeting) CurrentItem() (AgendaItem, bool) {
	if m.Current < 0 || m.Current >= len(m.Agenda) {
		return AgendaItem{}, false
	}
	return m.Agenda[m.Current], true
}

// ParseClock reads a meeting time "10:00" / "9:30" / "1430".
func ParseClock(s string) (string, error) {
	in := strings.TrimSpace(s)
	for _, layout := range []string{"15:04", "1504", "15.04", "3:04pm", "3pm"} {
		if t, err := time.Parse(layout, strings.ToLower(in)); err == nil {
			return t.Format("15:04"), nil
		}
	}
	return "", Invalid("time", "%q is not a time: use 24-hour HH:MM, for example 10:00", s)
}

// ItemTitle is the title of an agenda item, looking up hotspots by ID.
func ItemTitle(it AgendaItem, hotspots map[ID]Hotspot) string {
	if it.Kind != ItemHotspot {
		return it.Kind.StandingTitle()
	}
	if h, ok := hotspots[it.HotspotID]; ok {
		if h.Exempt {
			return h.Title // the neutral heading: not even which hotspot
		}
		return fmt.Sprintf("%s %s", h.Ref(), h.Title)
	}
	return HotspotRef(it.HotspotID)
}

// Visit records that the meeting went to a hotspot item.
func (m *Meeting) Visit(hotspot ID) {
	if hotspot != 0 && !slices.Contains(m.Visited, hotspot) {
		m.Visited = append(m.Visited, hotspot)
	}
}

// MunicipalYear is the council year a date falls in, named by the year it
// starts: 1 April 2026 to 31 March 2027 is 2026. Minute numbers run on
// through a municipal year and start again at 1 each April.
func MunicipalYear(d Date) int {
	if d.Month() < time.April {
		return d.Year() - 1
	}
	return d.Year()
}

// MunicipalYearStart is 1 April of d's municipal year.
func MunicipalYearStart(d Date) Date {
	return NewDate(MunicipalYear(d), time.April, 1)
}

// MinuteCount is how many numbered minutes a meeting's minutes have: one per
// agenda item (attendance is "Apologies for absence"), the exclusion of the
// public when anything was taken in private, and the minute of its releases
// (see MinuteOrder).
func (m Meeting) MinuteCount() int { return len(MinuteOrder(m.Agenda, len(m.Releases) > 0)) }

// FirstMinute is the number of m's first minute: one more than the minutes
// of the meetings held before it in the same municipal year.
func FirstMinute(m Meeting, meetings []Meeting) int {
	first := 1
	for _, o := range meetings {
		if o.ID == m.ID || o.State == MeetingPlanned || MunicipalYear(o.Date) != MunicipalYear(m.Date) {
			continue
		}
		if o.Date.Before(m.Date) || (o.Date == m.Date && o.ID < m.ID) {
			first += o.MinuteCount()
		}
	}
	return first
}

// FindGuest is the place in the guest list of the guest named as typed
// (FindName: "Kim Reyes" finds Dr Kim Reyes; the latest, if a name was added
// twice).
func (m Meeting) FindGuest(name string) (int, error) {
	names := make([]string, len(m.Guests))
	for i, g := range m.Guests {
		names[i] = g.Name
	}
	return findLatest(names, name, "guest", "%s is not a guest at this meeting")
}

// findLatest is FindName over a meeting's list in which a name may come
// twice (a guest added again, a declaration made again): the latest is
// meant. notFound words the refusal, given the name as typed.
func findLatest(names []string, query, field, notFound string) (int, error) {
	latest := make(map[string]int, len(names)) // NameKey → its last place
	var once []string
	var at []int
	for i := len(names) - 1; i >= 0; i-- {
		if _, seen := latest[NameKey(names[i])]; !seen {
			latest[NameKey(names[i])] = i
			once, at = append(once, names[i]), append(at, i)
		}
	}
	i, could := FindName(once, query)
	switch {
	case i >= 0:
		return at[i], nil
	case len(could) > 0:
		return -1, Invalid(field, "%q could be %s: give more of the name", CleanLine(query), strings.Join(could, ", "))
	}
	return -1, Invalid(field, notFound, CleanLine(query))
}

// GuestDeclaration is who a declaration by the named guest is from: a guest
// may declare an interest as a member may, and only someone on this
// meeting's guest list is a guest at it. The words and the item are the
// caller's to add.
func (m Meeting) GuestDeclaration(name string) (Declaration, error) {
	i, err := m.FindGuest(name)
	if err != nil {
		return Declaration{}, err
	}
	g := m.Guests[i]
	return Declaration{Name: g.Name, Guest: true, Organisation: g.Agency}, nil
}

// Declarant is who made the declaration, in words: a member by name, a
// guest by name and organisation ("Karen Doyle (guest, Royal Hospital)").
// Where the name is withheld (a guest in the public record, PublicMeeting)
// a guest is one from their organisation ("A guest from Royal Hospital").
func (d Declaration) Declarant() string {
	if !d.Guest {
		return d.Name
	}
	switch {
	case d.Name == "" && d.Organisation == "":
		return "A guest"
	case d.Name == "":
		return "A guest from " + d.Organisation
	case d.Organisation == "":
		return d.Name + " (guest)"
	}
	return d.Name + " (guest, " + d.Organisation + ")"
}

// FindDeclaration is the place in the list of the latest declaration made
// by the named member or guest.
func (m Meeting) FindDeclaration(name string) (int, error) {
	names := make([]string, len(m.Declarations))
	for i, d := range m.Declarations {
		names[i] = d.Name
	}
	return findLatest(names, name, "declaration", "%s has declared nothing at this meeting")
}
