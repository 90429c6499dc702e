// Package minutes turns a meeting's record into council-style minutes.
//
// It works in two steps so every output format says the same thing: Build
// reads a model.MeetingRecord once and makes a Doc (plain, cleaned text with
// the structure of the minutes: who was there, the numbered items, the action
// log), and a renderer (Markdown, for now) writes a Doc out, escaping for its
// own format. A Doc never holds markup, so a renderer can trust nothing in it
// and must escape everything it writes.
//
// These are the group's own (restricted) minutes: Part 2 resolutions and
// confidential notes are included and marked. Each carries its flag in the
// Doc so a public version can leave them out.
package minutes

import "github.com/ccsp/tasking/model"

// Doc is the minutes of one meeting, ready to render. All text is cleaned of
// control sequences and is otherwise as people typed it: not escaped.
type Doc struct {
	Partnership  string             `json:"partnership"`
	MeetingTitle string             `json:"meeting_title"` // "ASB Multi-Agency Tasking Meeting"
	Kind         string             `json:"kind"`          // "Operational"
	Ref          string             `json:"ref"`           // "M-6"
	Date         model.Date         `json:"date"`
	Time         string             `json:"time,omitempty"`
	Place        string             `json:"place,omitempty"`
	State        model.MeetingState `json:"state"`
	// Draft: the meeting is not closed, so the minutes may still change.
	Draft bool `json:"draft"`

	Present   []AgencyGroup `json:"present"`
	Guests    []Person      `json:"guests,omitempty"` // "in attendance"; Agency is their organisation
	Apologies []Person      `json:"apologies,omitempty"`

	ConfidentialityRead bool `json:"confidentiality_read"`
	// ConfidentialityStatement is the statement as read (empty when it was not).
	ConfidentialityStatement string `json:"confidentiality_statement,omitempty"`

	Items     []Item      `json:"items"`
	ActionLog []ActionRow `json:"action_log"`
	// AsAt is the day the action statuses (and "overdue") were read: the
	// record keeps each action's current status, not its status on the day.
	AsAt model.Date `json:"as_at"`
}

// Person is one name in the attendance lists.
type Person struct {
	Name   string `json:"name"`
	Title  string `json:"title,omitempty"`  // job title
	Agency string `json:"agency,omitempty"` // full agency name, or a guest's organisation
	Chair  bool   `json:"chair,omitempty"`
}

// AgencyGroup is the people present for one agency.
type AgencyGroup struct {
	Agency string   `json:"agency"`
	People []Person `json:"people"`
}

// Item is one numbered minute. Which fields are filled depends on Kind; a
// renderer writes them in the order they are declared here.
type Item struct {
	Number  int            `json:"number"`
	Kind    model.ItemKind `json:"kind"`
	Title   string         `json:"title"`             // "Matters arising", "HS-3 Town centre: …"
	Hotspot *Hotspot       `json:"hotspot,omitempty"` // for hotspot items
	// Statement is a whole sentence the minutes say for this item: that there
	// was nothing to record, or the date of the next meeting.
	Statement    string        `json:"statement,omitempty"`
	Declarations []Declaration `json:"declarations,omitempty"`
	Notes        []Note        `json:"notes,omitempty"`
	Resolutions  []Resolution  `json:"resolutions,omitempty"`
	Matters      []MatterRow   `json:"matters,omitempty"`
	Referrals    []Hotspot     `json:"referrals,omitempty"`
	Actions      []ActionRow   `json:"actions,omitempty"` // assigned in this meeting under this item
}

// Hotspot is the line of facts under a hotspot item, and one new referral.
type Hotspot struct {
	Ref        string `json:"ref"`
	Title      string `json:"title"`
	Ward       string `json:"ward,omitempty"`
	Risk       string `json:"risk"`   // "high"
	Status     string `json:"status"` // "active"
	LeadAgency string `json:"lead_agency"`
}

// Declaration of interest as minuted.
type Declaration struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Note is something said under an item. Confidential notes may name people.
type Note struct {
	Text         string `json:"text"`
	Confidential bool   `json:"confidential,omitempty"`
}

// Resolution is a decision; Text is what follows "RESOLVED –" ("that …").
// Part 2 resolutions are exempt business.
type Resolution struct {
	Ref   string `json:"ref"`
	Text  string `json:"text"`
	Part2 bool   `json:"part2,omitempty"`
}

// ActionRow is an action as the minutes' tables show it.
type ActionRow struct {
	Ref     string     `json:"ref"`
	Hotspot string     `json:"hotspot"` // hotspot ref, or "General"
	Text    string     `json:"text"`
	Owner   string     `json:"owner"` // "Police (PCSO Nadia Khan)"
	Due     model.Date `json:"due"`
	Status  string     `json:"status"` // "open (overdue)"
	Overdue bool       `json:"overdue,omitempty"`
}

// MatterRow is one action reviewed under matters arising, with what this
// meeting recorded about it (empty when it has not been reviewed yet).
type MatterRow struct {
	ActionRow
	Update string `json:"update,omitempty"`
}
