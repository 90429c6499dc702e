// Package minutes turns a meeting's record into council-style minutes.
//
// It works in two steps so every output format says the same thing:
// BuildWith reads a model.MeetingRecord once and makes a Doc (plain, cleaned
// text with the structure of the minutes: who was there, the numbered items,
// the action log), and a renderer (Markdown, HTML, plain text, JSON or a Word
// document) writes a Doc out, escaping for its own format. A Doc never holds
// markup, so a renderer can trust nothing in it and must escape everything it
// writes.
//
// There are two versions of the same minutes. The restricted version (the
// default) is the group's own record: everything, classified
// OFFICIAL-SENSITIVE, with Part 2 items headed as such and every private
// thing in them and elsewhere (action rows, notes, resolutions,
// declarations, updates) marked the one way, model.Privacy.Label, in every
// format (see Marking).
// The public version (Options{Public: true}) is Part 1 only: the filtering
// happens here, in BuildWith, so no renderer can leak what the Doc does not
// hold. See Options for what it leaves out.
package minutes

import "github.com/ccsp/tasking/model"

// JSONVersion is the version of the JSON shape (Doc.Version, schema.json).
// It changes only when a field changes meaning or goes; new fields do not
// change it.
const JSONVersion = 1

// Doc is the minutes of one meeting, ready to render. All text is cleaned of
// control sequences and is otherwise as people typed it: not escaped.
type Doc struct {
	Version int `json:"version"` // JSONVersion
	// Public: this is the Part 1 version, for publication (see Options).
	Public bool `json:"public"`
	// Classification is the marking shown at the top and the bottom of every
	// format (restrictedClassification or publicClassification).
	Classification string `json:"classification"`

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
	// Status is "draft" (the meeting is planned or open), "awaiting approval"
	// (closed; the next meeting has not approved them) or "final" (approved
	// as a correct record: see Approval).
	Status   string    `json:"status"`
	Approval *Approval `json:"approval,omitempty"`
	// PrivateItems is how many pieces of business the public version leaves
	// out (or shows only by number): Part 2 agenda items, and under Part 1
	// items private resolutions, confidential notes, private actions and
	// referrals, and declarations on private items (model.Withheld). It is
	// the same number in both versions.
	PrivateItems int `json:"private_items"`
	// PrivateNotice is the public version's honest line about what it leaves
	// out; empty in the restricted version.
	PrivateNotice string `json:"private_notice,omitempty"`
	// FirstMinute is the number of the first numbered minute: minute numbers
	// run on through the municipal year (from 1 April).
	FirstMinute int `json:"first_minute"`
	// Started and Ended are when the meeting opened and closed, as council
	// minutes give them ("10.00 am"); empty when not known (Ended, while it
	// is open).
	Started string `json:"started,omitempty"`
	Ended   string `json:"ended,omitempty"`
	// RecordNote says, once, what the record could not tell: minutes of a
	// meeting closed before minutes were frozen at close, rebuilt from the
	// history kept then.
	RecordNote string `json:"record_note,omitempty"`

	// Present lists those present by agency. In the public version people
	// are not named: each agency has Count and no People.
	Present   []AgencyGroup `json:"present"`
	Guests    []Person      `json:"guests,omitempty"` // "in attendance"; Agency is their organisation
	Apologies []Person      `json:"apologies,omitempty"`
	Absent    []Person      `json:"absent,omitempty"`

	ConfidentialityRead bool `json:"confidentiality_read"`
	// ConfidentialityStatement is the statement as read (empty when it was not).
	ConfidentialityStatement string `json:"confidentiality_statement,omitempty"`

	Items     []Item      `json:"items"`
	ActionLog []ActionRow `json:"action_log"`
	// AsAt is the day the action statuses (and "overdue") were read: the
	// record keeps each action's current status, not its status on the day.
	AsAt model.Date `json:"as_at"`
	// AuditHead is the audit trail's head when the meeting closed (closed
	// meetings only): kept with the minutes, it shows later that the
	// history up to the close was not rewritten (`tasking audit verify
	// --head`).
	AuditHead *model.AuditHead `json:"audit_head,omitempty"`
}

// Approval is the later meeting's decision that approved these minutes as a
// correct record.
type Approval struct {
	Decision string     `json:"decision"`          // "D-45"
	Meeting  string     `json:"meeting,omitempty"` // "M-7"
	Date     model.Date `json:"date,omitempty"`    // that meeting's date
}

// Person is one name in the attendance lists. In the public version Name and
// Title are empty: people are shown by their agency.
type Person struct {
	Name   string `json:"name"`
	Title  string `json:"title,omitempty"`  // job title
	Agency string `json:"agency,omitempty"` // full agency name, or a guest's organisation
	Chair  bool   `json:"chair,omitempty"`
}

// AgencyGroup is the people present for one agency: by name in the
// restricted version; in public only how many (Count), and whether the Chair
// was one of them.
type AgencyGroup struct {
	Agency string   `json:"agency"`
	People []Person `json:"people"`
	Count  int      `json:"count"`
	Chair  bool     `json:"chair,omitempty"`
}

// Item is one numbered minute. Which fields are filled depends on Kind; a
// renderer writes them in the order they are declared here.
type Item struct {
	Number int            `json:"number"`
	Kind   model.ItemKind `json:"kind"`
	Title  string         `json:"title"` // "Matters arising", "HS-3 Town centre: …"
	// Part2: the item was taken in private (exempt information under
	// Paragraph of Schedule 12A). The public version keeps its number with
	// a neutral heading (Exempt) and nothing else.
	Part2     bool     `json:"part2,omitempty"`
	Paragraph int      `json:"paragraph,omitempty"`
	Exempt    bool     `json:"exempt,omitempty"`
	Hotspot   *Hotspot `json:"hotspot,omitempty"` // for hotspot items (not in public for personal ASB)
	// Statement is a whole sentence the minutes say for this item: that there
	// was nothing to record, or the date of the next meeting.
	Statement    string        `json:"statement,omitempty"`
	Declarations []Declaration `json:"declarations,omitempty"`
	Notes        []Note        `json:"notes,omitempty"`
	Resolutions  []Resolution  `json:"resolutions,omitempty"`
	Matters      []MatterRow   `json:"matters,omitempty"`
	Referrals    []Hotspot     `json:"referrals,omitempty"`
	Actions      []ActionRow   `json:"actions,omitempty"` // assigned in this meeting under this item
	// Trend is a hotspot item's last 12 months of incidents (trend.go).
	Trend *TrendLine `json:"trend,omitempty"`
	// Powers are the powers in force at a hotspot item's hotspot (and
	// those authorised to take effect), as they stood at the meeting.
	Powers []PowerLine `json:"powers,omitempty"`
	// CaseReviews are the ASB case reviews an "ASB case reviews" item held
	// (Part 2 always: the restricted version only).
	CaseReviews []CaseReviewLine `json:"case_reviews,omitempty"`
}

// CaseReviewLine is an ASB case review as the restricted minutes list it:
// "CR-2 CT-2026-014 · 4 complaints (threshold 3 complaints in 6 months) ·
// received 20 Nov 2026 · threshold met 23 Nov 2026. Asked to review: …
// Outcome: …". The public version has none: the item is an exempt heading.
type CaseReviewLine struct {
	Ref          string `json:"ref"`
	ApplicantRef string `json:"applicant_ref"`
	Stage        string `json:"stage"` // received, decided, answered
	Text         string `json:"text"`
	Marking
}

// PowerLine is a power in force at a hotspot as the minutes list it under
// its facts: "Public Spaces Protection Order (P-2), from 10 Jan 2024 to 10
// Jan 2027, authorised by Cabinet, minute 112: No drinking in the
// designated area". The public version lists only the place-based powers
// on public business, without the officer who authorised them.
type PowerLine struct {
	Ref  string `json:"ref"`
	Kind string `json:"kind"` // pspo, dispersal, cpw, cpn, injunction, cbo, closure-notice, closure-order
	Text string `json:"text"`
	Marking
}

// Hotspot is the line of facts under a hotspot item, and one new referral.
type Hotspot struct {
	Ref        string `json:"ref"`
	Title      string `json:"title"`
	Ward       string `json:"ward,omitempty"`
	Category   string `json:"category,omitempty"` // "nuisance"
	Risk       string `json:"risk"`               // "high"
	Status     string `json:"status"`             // "active"
	LeadAgency string `json:"lead_agency"`
	// Marking marks a referral taken in private (personal ASB) in the
	// restricted version.
	Marking
}

// Marking is how the restricted version marks a private thing, the same in
// every format: Mark is written before it ("[private, para 1]", or
// "[released by D-23]" for a record a resolution released). It is read from
// the record's privacy as model.Disclosure rules on it, never from what the
// person ticked when recording it, so a released record is not marked
// private and one withheld for where it sits is. The public version has no
// private things, and marks nothing.
type Marking struct {
	Private bool `json:"private,omitempty"`
	// Paragraph is the Schedule 12A paragraph a private thing is exempt
	// under.
	Paragraph int `json:"paragraph,omitempty"`
	// ReleasedBy is the resolution that released it ("D-23").
	ReleasedBy string `json:"released_by,omitempty"`
	Mark       string `json:"mark,omitempty"`
}

// Declaration of interest as minuted: who (in public, their agency), on
// which minute ("minute 97, HS-1 Town centre"), and the interest. In public
// a declaration on a private item has only Text (model.PrivateDeclaration).
type Declaration struct {
	Name string `json:"name"`
	On   string `json:"on,omitempty"`
	Text string `json:"text"`
	Marking
}

// Note is something said under an item. Confidential notes may name people.
// Ref ("N-5") is what an amendment names; the public version leaves it out.
type Note struct {
	Ref string `json:"ref,omitempty"`
	// Agency is the agency that reported it, when one did.
	Agency string `json:"agency,omitempty"`
	Text   string `json:"text"`
	// Confidential: the person marked it confidential when recording it
	// (restricted version only). Whether it is private business is
	// Marking's to say.
	Confidential bool     `json:"confidential,omitempty"`
	Amended      *Amended `json:"amended,omitempty"`
	Marking
}

// Resolution is a decision; Text is what follows "RESOLVED –" ("that …").
// Ref ("D-12") is left out of the public version.
type Resolution struct {
	Ref  string `json:"ref,omitempty"`
	Text string `json:"text"`
	// Part2: it was recorded as Part 2 business (restricted version only).
	// Whether it is private business now (a release may have made it
	// public) is Marking's to say.
	Part2   bool     `json:"part2,omitempty"`
	Amended *Amended `json:"amended,omitempty"`
	Marking
}

// Amended says that a note or resolution was corrected after the meeting
// closed: Text is the corrected text; the original is in the audit trail.
// When there were several corrections, this is the latest. The public
// version gives the date only.
type Amended struct {
	On     model.Date `json:"on"`
	By     string     `json:"by"`
	Reason string     `json:"reason"`
}

// ActionRow is an action as the minutes' tables show it.
type ActionRow struct {
	Ref     string     `json:"ref"`
	Hotspot string     `json:"hotspot"` // hotspot ref, or "General"
	Text    string     `json:"text"`
	Owner   string     `json:"owner"`             // "Police (PCSO Nadia Khan)"; the agency alone in public
	Agency  string     `json:"agency"`            // "Police" (the agency's short label)
	Officer string     `json:"officer,omitempty"` // never in public
	Due     model.Date `json:"due"`
	Status  string     `json:"status"` // "open (overdue)"
	Overdue bool       `json:"overdue,omitempty"`
	// RAG is red, amber or green as at the minutes' day (empty when done or
	// cancelled): frozen with the meeting, like Status and Overdue.
	RAG string `json:"rag,omitempty"`
	// Marking: the action is private business (the public version has no
	// private actions at all), or was released.
	Marking
}

// MatterRow is one action reviewed under matters arising, with what this
// meeting recorded about it (empty when it has not been reviewed yet). In
// public it is only the structured part ("in progress → done").
type MatterRow struct {
	ActionRow
	Update string `json:"update,omitempty"`
	// UpdatePrivate: something the update says was recorded on private
	// business; UpdateMark is its mark, written before it as the row's is
	// before the action (an update on a private action is private too, and
	// an action reviewed in private may be public).
	UpdatePrivate bool   `json:"update_private,omitempty"`
	UpdateMark    string `json:"update_mark,omitempty"`
}
