package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ASB case reviews (the "community trigger", Anti-social Behaviour, Crime
// and Policing Act 2014 ss.104–105): a victim who has complained about
// anti-social behaviour often enough in a short time may ask the
// partnership to review how their complaints were handled. The
// partnership sets its own threshold, no higher than 3 complaints in 6
// months; it decides whether the application meets it (one that does is
// reviewed), and answers the applicant with the outcome. A case review is
// about an individual from the start: private business under paragraph 1,
// whatever the meeting does, and recorded by the applicant's reference,
// never by their name.

// TriggerThreshold is a partnership's local threshold: so many complaints
// within so many months.
type TriggerThreshold struct {
	Complaints int `json:"complaints"`
	Months     int `json:"months"`
}

// DefaultTrigger is the threshold a partnership starts with: the highest
// the Act allows.
var DefaultTrigger = TriggerThreshold{Complaints: DefaultTriggerComplaints, Months: DefaultTriggerMonths}

// Or is t, or the default where t is unset.
func (t TriggerThreshold) Or() TriggerThreshold {
	if t.Complaints == 0 && t.Months == 0 {
		return DefaultTrigger
	}
	return t
}

// String is "3 complaints in 6 months".
func (t TriggerThreshold) String() string {
	t = t.Or()
	return Plural(t.Complaints, "complaint") + " in " + Plural(t.Months, "month")
}

// Check refuses a threshold the Act does not allow: more complaints than 3,
// or a window shorter than 6 months (either would make it harder to meet
// than the statutory one), or one outside what a partnership would set.
func (t TriggerThreshold) Check() error {
	switch {
	case t.Complaints < 1 || t.Complaints > DefaultTriggerComplaints:
		return Invalid("trigger", "%d complaints: a local threshold is 1 to %d complaints (no higher than the Act's %s)", t.Complaints, DefaultTriggerComplaints, DefaultTrigger)
	case t.Months < DefaultTriggerMonths || t.Months > MaxTriggerMonths:
		return Invalid("trigger", "%d months: a local threshold counts complaints over %d to %d months (no shorter than the Act's %s)", t.Months, DefaultTriggerMonths, MaxTriggerMonths, DefaultTrigger)
	}
	return nil
}

// ParseTrigger reads a threshold as people type it: "3/6", "3 in 6", "2 in
// 12 months", "default".
func ParseTrigger(s string) (TriggerThreshold, error) {
	in := strings.ToLower(CleanLine(s))
	if in == "default" {
		return DefaultTrigger, nil
	}
	f := strings.Fields(strings.NewReplacer("complaints", "", "complaint", "", "months", "", "month", "", "in", " ", "/", " ").Replace(in))
	bad := Invalid("trigger", "%q: write the threshold as complaints/months, e.g. 3/6 (3 complaints in 6 months)", CleanLine(s))
	if len(f) != 2 {
		return TriggerThreshold{}, bad
	}
	c, err1 := strconv.Atoi(f[0])
	m, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil {
		return TriggerThreshold{}, bad
	}
	t := TriggerThreshold{Complaints: c, Months: m}
	return t, t.Check()
}

// Trigger is the partnership's threshold (the default when none was set).
func (p Partnership) Trigger() TriggerThreshold { return p.TriggerThreshold.Or() }

// Met: complaints made within the threshold's months meet it.
func (t TriggerThreshold) Met(complaints int) bool { return complaints >= t.Or().Complaints }

// CaseReviewStage is where a case review has got to.
type CaseReviewStage string

const (
	ReviewReceived CaseReviewStage = "received" // waiting for the decision on the threshold
	ReviewDecided  CaseReviewStage = "decided"  // decided; the applicant not yet answered
	ReviewAnswered CaseReviewStage = "answered" // the applicant has the outcome
)

// CaseReview is one application for an ASB case review.
type CaseReview struct {
	ID ID `json:"id"`
	// ApplicantRef is the applicant's reference (the council's case
	// number, "CT-2026-014"): the record never holds their name.
	ApplicantRef string `json:"applicant_ref"`
	// Complaints is how many complaints the applicant made within the
	// threshold's months before the application.
	Complaints int `json:"complaints"`
	// Threshold is the partnership's threshold when it was received: the
	// one it is decided against.
	Threshold TriggerThreshold `json:"threshold"`
	Received  Date             `json:"received"`
	// Summary is what the applicant asks to be reviewed.
	Summary string `json:"summary,omitempty"`
	// Decided is when the partnership decided whether the threshold was
	// met; Met what it decided (a review goes ahead); DecisionReason why.
	Decided        Date   `json:"decided,omitempty"`
	Met            bool   `json:"met,omitempty"`
	DecisionReason string `json:"decision_reason,omitempty"`
	// Answered is when the applicant was told the outcome; Outcome what
	// they were told (the review's findings and recommendations, or why
	// the threshold was not met).
	Answered Date   `json:"answered,omitempty"`
	Outcome  string `json:"outcome,omitempty"`
	// MeetingID is the meeting it was recorded in (0: between meetings).
	MeetingID ID `json:"meeting_id,omitempty"`
	Privacy
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	Version   int       `json:"version"`
}

// CaseReviewPrefix is a case review's ref prefix ("CR-2").
const CaseReviewPrefix = "CR"

func CaseReviewRef(id ID) string { return formatRef(CaseReviewPrefix, id) }
func (c CaseReview) Ref() string { return CaseReviewRef(c.ID) }

// LastChanged is when the case review was last changed (the clock rule).
func (c CaseReview) LastChanged() time.Time { return c.UpdatedAt }

// Stage is where it has got to.
func (c CaseReview) Stage() CaseReviewStage {
	switch {
	case !c.Answered.IsZero():
		return ReviewAnswered
	case !c.Decided.IsZero():
		return ReviewDecided
	}
	return ReviewReceived
}

// Open: the applicant has not been answered, so it is on the agenda.
func (c CaseReview) Open() bool { return c.Answered.IsZero() }

// Decision is the decision in words: "threshold met", "threshold not met",
// or "" before it.
func (c CaseReview) Decision() string {
	switch {
	case c.Decided.IsZero():
		return ""
	case c.Met:
		return "threshold met"
	}
	return "threshold not met"
}

// Against is the complaints against the threshold: "4 complaints (threshold
// 3 complaints in 6 months)".
func (c CaseReview) Against() string {
	return Plural(c.Complaints, "complaint") + " (threshold " + c.Threshold.String() + ")"
}

// NewCaseReview is what a person fills in to record an application.
type NewCaseReview struct {
	ApplicantRef string
	Complaints   int
	Received     Date
	Summary      string
}

// Validate cleans the fields and refuses, field by field, what cannot be
// right: no reference, a reference that reads as a name (it has no digit:
// references are numbered), a count out of range, a date in the future.
func (n NewCaseReview) Validate(today Date) (NewCaseReview, error) {
	var err error
	if n.ApplicantRef, err = CheckApplicantRef(n.ApplicantRef); err != nil {
		return n, err
	}
	if n.Complaints < 0 || n.Complaints > MaxTriggerComplaints {
		return n, Invalid("complaints", "%d complaints: give how many the applicant made in the threshold's months (0 to %d)", n.Complaints, MaxTriggerComplaints)
	}
	if n.Received.IsZero() {
		return n, Invalid("received", "when was the application received?")
	}
	if n.Received.After(today) {
		return n, Invalid("received", "%s is after today: an application is recorded once it is received", n.Received)
	}
	if n.Summary, err = CheckText("summary", "summary", n.Summary, false); err != nil {
		return n, err
	}
	return n, nil
}

// CheckApplicantRef cleans an applicant's reference and refuses one that
// is empty, too long, or has no digit in it: a reference is the case
// number, and a reference without one is most likely a name.
func CheckApplicantRef(s string) (string, error) {
	ref, err := CheckLine("applicant", "applicant's reference", s, true, MaxApplicantRef)
	if err != nil {
		return "", err
	}
	if !strings.ContainsFunc(ref, unicode.IsDigit) {
		return "", Invalid("applicant", "give the applicant's case reference (e.g. CT-2026-014), never their name")
	}
	if LooksLikeRef(ref) {
		// Logs name refs like these: the applicant's must not pass for one.
		return "", Invalid("applicant", "%s reads as one of tasking's own refs: give the applicant's case reference as the council writes it (e.g. CT-2026-014)", ref)
	}
	return ref, nil
}

// Recorded makes the stored case review from n, against the partnership's
// threshold t: private under paragraph 1 from the start, whatever the
// meeting is doing (it is about an individual).
func (n NewCaseReview) Recorded(id ID, t TriggerThreshold, meetingID ID, by Actor, at time.Time) CaseReview {
	return CaseReview{ID: id, ApplicantRef: n.ApplicantRef, Complaints: n.Complaints, Threshold: t.Or(), Received: n.Received,
		Summary: n.Summary, MeetingID: meetingID, Privacy: PrivateUnder(ParaIndividual),
		CreatedAt: at, UpdatedAt: at, UpdatedBy: by.String(), Version: 1}
}

// Decide records the decision on the threshold, on day on: once, not
// before it was received. Where the complaints meet the threshold the
// review must go ahead (the Act), so "not met" is refused; a partnership
// may still take up one below it, saying why.
func (c *CaseReview) Decide(on Date, met bool, reason string) error {
	if !c.Decided.IsZero() {
		return Invalid("decided", "%s was decided on %s (%s)", c.Ref(), c.Decided.Format("2 Jan 2006"), c.Decision())
	}
	if on.Before(c.Received) {
		return Invalid("on", "the decision (%s) is before the application was received (%s)", on, c.Received)
	}
	reason, err := CheckText("reason", "reason", reason, false)
	if err != nil {
		return err
	}
	switch thresholdMet := c.Threshold.Met(c.Complaints); {
	case !met && thresholdMet:
		return Invalid("met", "%s has %s, which meets the threshold of %s: the review must go ahead", c.Ref(), Plural(c.Complaints, "complaint"), c.Threshold)
	case met && !thresholdMet && reason == "":
		return Invalid("reason", "%s has %s, below the threshold of %s: say why the review goes ahead", c.Ref(), Plural(c.Complaints, "complaint"), c.Threshold)
	}
	c.Decided, c.Met, c.DecisionReason = on, met, reason
	return nil
}

// Answer records that the applicant was told the outcome, on day on: once
// decided, not before the decision.
func (c *CaseReview) Answer(on Date, outcome string) error {
	if !c.Answered.IsZero() {
		return Invalid("answered", "%s was answered on %s", c.Ref(), c.Answered.Format("2 Jan 2006"))
	}
	if c.Decided.IsZero() {
		return Invalid("decided", "%s has not been decided: decide whether it meets the threshold first", c.Ref())
	}
	if on.Before(c.Decided) {
		return Invalid("on", "the answer (%s) is before the decision (%s)", on, c.Decided)
	}
	outcome, err := CheckText("outcome", "outcome", outcome, true)
	if err != nil {
		return err
	}
	c.Answered, c.Outcome = on, outcome
	return nil
}

// RightCaseReview is recording an ASB case review, its decision and its
// answer: the partnership's decision, made by the chair (or an admin).
const RightCaseReview Right = "record ASB case reviews"

// CaseReviewsRefused is what someone who reads the public record only is
// told when they ask for the case reviews: all of them are private.
func CaseReviewsRefused(a Actor) error {
	return &PrivateError{Ref: "ASB case reviews", Who: a.String(), Role: a.Role, Plural: true}
}

// OnRecordOf: a meeting held on day holds case reviews not yet answered
// before it (those answered that day are its business too).
func (c CaseReview) OnRecordOf(day Date) bool {
	return !c.Received.After(day) && (c.Answered.IsZero() || !c.Answered.Before(day))
}

// AsOf is the case review as it stood on day: a decision or an answer
// made after it not yet made. A meeting's frozen record keeps its case
// reviews so (OnRecordOf says which).
func (c CaseReview) AsOf(day Date) CaseReview {
	if c.Answered.After(day) {
		c.Answered, c.Outcome = Date{}, ""
	}
	if c.Decided.After(day) {
		c.Decided, c.Met, c.DecisionReason = Date{}, false, ""
	}
	return c
}

// SortCaseReviews orders case reviews by when they were received, then by
// ref.
func SortCaseReviews(cs []CaseReview) {
	slices.SortStableFunc(cs, func(a, b CaseReview) int {
		return cmp.Or(a.Received.Compare(b.Received), cmp.Compare(a.ID, b.ID))
	})
}

// Line is a case review in one line, as the agenda item and the minutes
// list it: "CR-2 CT-2026-014 · 4 complaints (threshold 3 complaints in 6
// months) · received 2 Nov 2026 · threshold met 9 Nov 2026".
func (c CaseReview) Line() string {
	parts := []string{c.Ref() + " " + c.ApplicantRef, c.Against(), "received " + c.Received.Format("2 Jan 2006")}
	if !c.Decided.IsZero() {
		parts = append(parts, c.Decision()+" "+c.Decided.Format("2 Jan 2006"))
	}
	if !c.Answered.IsZero() {
		parts = append(parts, "answered "+c.Answered.Format("2 Jan 2006"))
	}
	return strings.Join(parts, " · ")
}

// Waiting says what the case review waits for, in words: "decision
// (received 12 days ago)", "answer", "".
func (c CaseReview) Waiting(today Date) string {
	switch c.Stage() {
	case ReviewReceived:
		return fmt.Sprintf("decision (received %s)", daysAgo(c.Received.DaysUntil(today)))
	case ReviewDecided:
		return fmt.Sprintf("answer (decided %s)", daysAgo(c.Decided.DaysUntil(today)))
	}
	return ""
}

func daysAgo(n int) string {
	switch {
	case n <= 0:
		return "today"
	case n == 1:
		return "yesterday"
	}
	return strconv.Itoa(n) + " days ago"
}

// CaseReviewChanges says what changed between two versions of a case
// review, for a save refused because someone else changed it.
func CaseReviewChanges(was, now CaseReview) []string {
	var out []string
	if was.Decided != now.Decided || was.Met != now.Met {
		if now.Decided.IsZero() {
			out = append(out, "its decision taken back")
		} else {
			out = append(out, "now decided: "+now.Decision()+" on "+now.Decided.Format("2 Jan 2006"))
		}
	}
	if was.Answered != now.Answered {
		if now.Answered.IsZero() {
			out = append(out, "its answer taken back")
		} else {
			out = append(out, "now answered on "+now.Answered.Format("2 Jan 2006"))
		}
	}
	return out
}
