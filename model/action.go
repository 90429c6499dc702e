package model

import (
	"fmt"
	"strings"
	"time"
)

// ActionStatus is where an action stands. Lower-case with hyphens, because it
// is part of the machine output.
type ActionStatus string

const (
	StatusOpen       ActionStatus = "open"
	StatusInProgress ActionStatus = "in-progress"
	StatusDone       ActionStatus = "done"
	StatusBlocked    ActionStatus = "blocked"
	StatusCancelled  ActionStatus = "cancelled"
)

var ActionStatuses = []ActionStatus{StatusOpen, StatusInProgress, StatusDone, StatusBlocked, StatusCancelled}

func ParseActionStatus(s string) (ActionStatus, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	in = strings.ReplaceAll(strings.ReplaceAll(in, " ", "-"), "_", "-")
	if in == "inprogress" || in == "progress" {
		in = string(StatusInProgress)
	}
	if in == "canceled" {
		in = string(StatusCancelled)
	}
	for _, st := range ActionStatuses {
		if in == string(st) {
			return st, nil
		}
	}
	return "", Invalid("status", "%q is not an action status: use open, in-progress, done, blocked or cancelled", s)
}

// Label is the status for people: "in progress".
func (s ActionStatus) Label() string { return strings.ReplaceAll(string(s), "-", " ") }

// IsClosed: done and cancelled actions are finished business.
func (s ActionStatus) IsClosed() bool { return s == StatusDone || s == StatusCancelled }

// CheckTransition says whether an action may move from one status to another.
// Open work can move anywhere; finished work (done, cancelled) can only be
// reopened, so a mis-key in the meeting is recoverable but a finished action
// cannot silently become "blocked".
func CheckTransition(from, to ActionStatus) error {
	if from == to {
		return Invalid("status", "the action is already %s", to.Label())
	}
	if from.IsClosed() && to != StatusOpen {
		return Invalid("status", "the action is %s: reopen it before marking it %s", from.Label(), to.Label())
	}
	return nil
}

// FinishedAt is when a done or cancelled action was finished: when it was
// marked done, else (cancelled, or records from before the time was kept)
// its last change, else the day it was completed.
func (a Action) FinishedAt() time.Time {
	switch {
	case a.Status == StatusDone && !a.CompletedAt.IsZero():
		return a.CompletedAt
	case !a.UpdatedAt.IsZero():
		return a.UpdatedAt
	}
	return a.CompletedOn.Time(time.Local)
}

// NeedsReason: a change to this status must say why. A cancelled action
// is minuted with its reason, never just "cancelled".
func (s ActionStatus) NeedsReason() bool { return s == StatusCancelled }

// CheckStatusChange is CheckTransition with the words that must go with it.
func CheckStatusChange(from, to ActionStatus, note string) error {
	if err := CheckTransition(from, to); err != nil {
		return err
	}
	if to.NeedsReason() && strings.TrimSpace(note) == "" {
		return Invalid("note", "say why it is %s: the minutes record the reason, not just the change", to.Label())
	}
	return nil
}

// Intervention is the rung of the proportionate-response ladder (or the kind
// of place-based or supportive work) an action is.
type Intervention string

var Interventions = []Intervention{
	"advice", "warning", "mediation", "abc", "cpw", "cpn", "injunction", "cbo", "closure", "possession",
	"pspo", "dispersal", "patrols", "diversion", "environmental", "referral", "other",
}

// Action is something an agency has agreed to do.
type Action struct {
	ID               ID           `json:"id"`
	HotspotID        ID           `json:"hotspot_id,omitempty"` // 0: a general action
	Text             string       `json:"text"`
	AgencyID         ID           `json:"agency_id"`
	Officer          string       `json:"officer,omitempty"`
	Due              Date         `json:"due"`
	Status           ActionStatus `json:"status"`
	Intervention     Intervention `json:"intervention,omitempty"`
	CreatedMeetingID ID           `json:"created_meeting_id,omitempty"`
	CreatedAt        time.Time    `json:"created_at"`
	CreatedBy        string       `json:"created_by"`
	UpdatedAt        time.Time    `json:"updated_at"`
	UpdatedBy        string       `json:"updated_by,omitempty"`
	CompletedOn      Date         `json:"completed_on,omitempty"`
	CompletionNote   string       `json:"completion_note,omitempty"`
	// LastUpdate is the owning agency's newest news about the action, in
	// words (a progress note, a status change, a new date and why), with who
	// and when: an update made outside a meeting by someone from the agency
	// that owns it (see IsRepUpdate). What the meeting itself decides is the
	// meeting's record, not news from the agency. Kept on the action so
	// lists need not read every update.
	LastUpdate   string    `json:"last_update,omitempty"`
	LastUpdateAt time.Time `json:"last_update_at,omitempty"`
	LastUpdateBy string    `json:"last_update_by,omitempty"`
	// LastUpdatePrivacy is that update's own privacy: words said on
	// private business stay private wherever they are shown (accepted in
	// a later meeting, in the action log), even on a public action.
	LastUpdatePrivacy Privacy `json:"last_update_privacy,omitempty"`
	// LastChange is the agency's newest change to the action between
	// meetings — a status, a new due date with its reason, another officer
	// — with who and when. It sits beside LastUpdate rather than replacing
	// it: a date moved must not hide the rep's last words about the work.
	LastChange        string    `json:"last_change,omitempty"`
	LastChangeAt      time.Time `json:"last_change_at,omitzero"`
	LastChangeBy      string    `json:"last_change_by,omitempty"`
	LastChangePrivacy Privacy   `json:"last_change_privacy,omitempty"`
	// CompletedAt is when it was marked done (CompletedOn is the date).
	CompletedAt time.Time `json:"completed_at,omitempty"`
	// Confidential: the chair marked this general action confidential (it
	// names or is about people). Privacy is whether it is private business,
	// fixed when it was assigned (PrivacyOf: confidential, or agreed on
	// private business) and kept out of every public output for good
	// whatever later happens to its hotspot; an action on a hotspot is also
	// withheld while its hotspot is private (see Disclosure).
	Confidential bool `json:"confidential,omitempty"`
	Privacy
	Version int `json:"version"`
}

func (a Action) Ref() string { return ActionRef(a.ID) }

// NewsAt is when the agency last said or changed anything about the action
// between meetings (its latest update or change); zero when never.
func (a Action) NewsAt() time.Time {
	if a.LastChangeAt.After(a.LastUpdateAt) {
		return a.LastChangeAt
	}
	return a.LastUpdateAt
}

// IsOverdue: still open work whose due date has passed. Due today is not overdue.
func (a Action) IsOverdue(today Date) bool {
	return !a.Status.IsClosed() && !a.Due.IsZero() && a.Due.Before(today)
}

// RAG is the red/amber/green mark on an action.
type RAG string

const (
	RAGNone  RAG = ""
	RAGRed   RAG = "red"
	RAGAmber RAG = "amber"
	RAGGreen RAG = "green"
)

// StaleAfterDays is how long an open action may go without an update before
// it turns amber.
const StaleAfterDays = 14

// DueSoonDays: an open action due in fewer days than this is amber. A week
// exactly is not "soon": an action a weekly group assigns is due by
// default at the next meeting, seven days on, and must start green — it
// turns amber the day after, with six days to go.
const DueSoonDays = 7

// dueSoon: due in fewer than DueSoonDays days (today included).
func (a Action) dueSoon(today Date) bool {
	return !a.Due.IsZero() && today.DaysUntil(a.Due) < DueSoonDays
}

// RAGFor is the rule: red = overdue or blocked; amber = due in fewer than
// 7 days (DueSoonDays), or no update for 14 days; green otherwise; done
// and cancelled have none.
func (a Action) RAGFor(today Date) RAG {
	if a.Status.IsClosed() {
		return RAGNone
	}
	if a.Status == StatusBlocked || a.IsOverdue(today) {
		return RAGRed
	}
	if a.dueSoon(today) {
		return RAGAmber
	}
	// Staleness counts from the agency's own last update (or from when the
	// action was assigned): a meeting noting it "no change" week after week
	// must not keep a neglected action green.
	last := a.NewsAt()
	if last.IsZero() {
		last = a.CreatedAt
	}
	if !last.IsZero() && DateOf(last).DaysUntil(today) >= StaleAfterDays {
		return RAGAmber
	}
	return RAGGreen
}

// DaysOverdue is how many days past its due date an open action is (0 when
// it is not overdue).
func (a Action) DaysOverdue(today Date) int {
	if !a.IsOverdue(today) {
		return 0
	}
	return a.Due.DaysUntil(today)
}

// RAGReason says why an action is red or amber, in words for the room
// ("" when green, done or cancelled). The same rules as RAGFor, in its
// order: the first that applies is the reason.
func (a Action) RAGReason(today Date) string {
	if a.Status.IsClosed() {
		return ""
	}
	if a.Status == StatusBlocked {
		return "red: blocked"
	}
	if n := a.DaysOverdue(today); n > 0 {
		return fmt.Sprintf("red: %s overdue (due %s)", Plural(n, "day"), a.Due.ShortAt(today))
	}
	if a.dueSoon(today) {
		if n := today.DaysUntil(a.Due); n > 0 {
			return fmt.Sprintf("amber: due in %s", Plural(n, "day"))
		}
		return "amber: due today"
	}
	last := a.NewsAt()
	if last.IsZero() {
		last = a.CreatedAt
	}
	if !last.IsZero() {
		if n := DateOf(last).DaysUntil(today); n >= StaleAfterDays {
			return fmt.Sprintf("amber: no update from the agency for %s", Plural(n, "day"))
		}
	}
	return ""
}

// NewDueDefault is the date a "new due date" form offers: the usual one
// (two weeks on, the next meeting), unless that is not after the date the
// action is already due — a new date never defaults to an earlier one —
// in which case two weeks after the current due date.
func NewDueDefault(current, usual Date) Date {
	if current.IsZero() || usual.After(current) {
		return usual
	}
	return current.AddDays(14)
}

// NewAction is what the chair types when assigning an action.
type NewAction struct {
	HotspotID    ID
	Text         string
	AgencyID     ID
	Officer      string
	Due          Date
	Intervention Intervention
	MeetingID    ID
	// Confidential marks a general action as about people (see Action).
	Confidential bool
}

// Validate cleans and checks an action before it is saved. A due date in
// the past is not an error here: the person is asked to confirm it first
// (see DueInPast).
func (n NewAction) Validate() (NewAction, error) {
	var err error
	if n.Text, err = CheckText("text", "action text", n.Text, true); err != nil {
		return n, err
	}
	if n.AgencyID == 0 {
		return n, Invalid("agency", "choose the agency that owns this action")
	}
	if n.Officer, err = CheckLine("officer", "officer name", n.Officer, false, 80); err != nil {
		return n, err
	}
	if n.Due.IsZero() {
		return n, Invalid("due", "every action needs a due date: %s", WhenHelp)
	}
	if err := CheckDateRange("due", n.Due); err != nil {
		return n, err
	}
	return n, nil
}

// DueInPast is the question to ask before saving a due date that has passed.
func DueInPast(due, today Date) (string, bool) {
	if due.IsZero() || !due.Before(today) {
		return "", false
	}
	return fmt.Sprintf("%s is in the past (%d days ago). Save it anyway?", due.Format("Mon 2 Jan 2006"), due.DaysUntil(today)), true
}

// UpdateKind is what an action update records.
type UpdateKind string

const (
	UpdateNote    UpdateKind = "note"     // progress text
	UpdateStatus  UpdateKind = "status"   // status changed
	UpdateDue     UpdateKind = "due"      // due date changed (carried forward)
	UpdateCreated UpdateKind = "created"  // assigned
	UpdateReview  UpdateKind = "reviewed" // looked at in matters arising, no change
	UpdateAccept  UpdateKind = "accepted" // the rep's latest update accepted in matters arising
	UpdateOfficer UpdateKind = "officer"  // reassigned to another officer of the agency
)

// IsNews says whether a rep's update is the agency's news in words: an
// update from the owning agency between meetings (IsRepUpdate) that says
// something about the work — a progress note, or a status change with its
// note. A date moved, a bare status change or another officer is a change
// (IsNewsChange), kept beside the words, never in their place: "latest
// update" is always words about the work the chair can
// read out.
func IsNews(u ActionUpdate, by Actor, owner ID) bool {
	return IsRepUpdate(u, by, owner) && (u.Kind == UpdateNote || u.Kind == UpdateStatus) && strings.TrimSpace(u.Text) != ""
}

// IsNewsChange says whether a rep's update changes the action (its status,
// its due date, its officer): the action's latest change.
func IsNewsChange(u ActionUpdate, by Actor, owner ID) bool {
	return IsRepUpdate(u, by, owner) && (u.Kind == UpdateStatus || u.Kind == UpdateDue || u.Kind == UpdateOfficer)
}

// IsRepUpdate says whether an update is news from the agency that owns the
// action: made outside a meeting, by someone from that agency, and not the
// meeting noting or accepting it. Only such updates become the action's
// LastUpdate, count as "updated since the last meeting" and keep it fresh.
func IsRepUpdate(u ActionUpdate, by Actor, owner ID) bool {
	return u.MeetingID == 0 && by.AgencyID == owner && owner != 0 && u.Kind != UpdateReview && u.Kind != UpdateAccept && u.Kind != UpdateCreated
}

// ActionUpdate is one entry in an action's history.
type ActionUpdate struct {
	ID         ID           `json:"id"`
	ActionID   ID           `json:"action_id"`
	At         time.Time    `json:"at"`
	By         string       `json:"by"`
	ByID       ID           `json:"by_id,omitempty"`
	Kind       UpdateKind   `json:"kind"`
	Text       string       `json:"text,omitempty"`
	FromStatus ActionStatus `json:"from_status,omitempty"`
	ToStatus   ActionStatus `json:"to_status,omitempty"`
	FromDue    Date         `json:"from_due,omitempty"`
	ToDue      Date         `json:"to_due,omitempty"`
	MeetingID  ID           `json:"meeting_id,omitempty"` // set when made in a meeting
	// Under is the agenda item the meeting was on when the update was made
	// (UnderHotspot its hotspot, for a hotspot's item): a hotspot's ✓ and
	// its not being deferred follow business recorded under its own item,
	// so an action reviewed in matters arising is not its hotspot's
	// discussion (ItemBusinessOf). Empty outside a meeting, and on updates
	// made before it was recorded.
	Under        ItemKind `json:"under,omitempty"`
	UnderHotspot ID       `json:"under_hotspot,omitempty"`
	// Tx is the write transaction that made it (see AuditEvent.Tx): an undo
	// takes back exactly the entries its change made.
	Tx uint64 `json:"tx,omitempty"`
	// News: it was the agency's news when made (TakeNews took it as the
	// latest update or change). Corrected and Withdrawn are later changes
	// to its words (Correction).
	News      bool        `json:"news,omitempty"`
	Corrected *Correction `json:"corrected,omitempty"`
	Withdrawn *Correction `json:"withdrawn,omitempty"`
	// Privacy: an update made on private business (a private action, a
	// private hotspot, an item taken in private) is private for good.
	Privacy
}

// Describe is the update in one line for histories: what changed, then
// its words (marked when they were corrected since), which do not repeat
// the status it moved to ("in progress → done: patrols finished", though
// the rep typed "Done: patrols finished").
func (u ActionUpdate) Describe() string {
	words := u.Shown()
	if words == "" && u.Withdrawn != nil {
		words = "withdrawn: " + u.Withdrawn.Reason
	}
	return Labelled(u.Change(), words, u.saidLabels()...)
}

// Words are the update's words as a history shows them after its change:
// without the status it moved to said again ("Done: site visited" after
// "in progress → done" is "site visited").
func (u ActionUpdate) Words() string {
	return TrimLabel(u.Shown(), append([]string{u.Change()}, u.saidLabels()...)...)
}

// saidLabels are the words a rep may open an update with that its change
// already says: the status it moved to.
func (u ActionUpdate) saidLabels() []string {
	if u.Kind != UpdateStatus {
		return nil
	}
	return append([]string{u.ToStatus.Label()}, finishedLabels[u.ToStatus]...)
}

// Change is what the update changed, without its words: "open → done",
// "due 1 Dec → 15 Dec", "reviewed, no change" ("" for a bare note).
func (u ActionUpdate) Change() string {
	var parts []string
	switch u.Kind {
	case UpdateCreated:
		parts = append(parts, "assigned")
	case UpdateStatus:
		parts = append(parts, fmt.Sprintf("%s → %s", u.FromStatus.Label(), u.ToStatus.Label()))
	case UpdateDue:
		parts = append(parts, fmt.Sprintf("due %s → %s", u.FromDue.ShortAt(u.ToDue), u.ToDue.ShortAt(u.FromDue)))
	case UpdateReview:
		parts = append(parts, "reviewed, no change")
	case UpdateAccept:
		parts = append(parts, "update accepted")
	case UpdateOfficer:
		parts = append(parts, "reassigned")
	}
	return strings.Join(parts, ": ")
}
