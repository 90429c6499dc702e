package model

import (
	"fmt"
	"slices"
	"strings"
)

// RiskAssessment is a hotspot's risk as a matrix: how likely more harm is
// (1–5) times how bad it would be (1–5), with the three things the
// partnership's standards say weigh beyond the incident itself: a
// vulnerable victim, a repeat victim, and hate motivation.
type RiskAssessment struct {
	Likelihood int  `json:"likelihood"`
	Harm       int  `json:"harm"`
	Vulnerable bool `json:"vulnerable,omitempty"`
	Repeat     bool `json:"repeat,omitempty"`
	Hate       bool `json:"hate,omitempty"`
	On         Date `json:"on"`
}

// The matrix's bands (RiskLevel).
const (
	MatrixMax        = 5  // likelihood and harm run 1 to 5
	MatrixLowUpTo    = 6  // a score up to 6 is low
	MatrixMediumUpTo = 12 // 8 to 12 is medium; 15 and over high
)

// Validate says what is wrong with an assessment, field by field.
func (a RiskAssessment) Validate() error {
	if a.Likelihood < 1 || a.Likelihood > MatrixMax {
		return Invalid("likelihood", "likelihood is 1 to %d (%d given)", MatrixMax, a.Likelihood)
	}
	if a.Harm < 1 || a.Harm > MatrixMax {
		return Invalid("harm", "harm is 1 to %d (%d given)", MatrixMax, a.Harm)
	}
	return nil
}

// FlagNames are the flags set as machine output names them: vulnerable,
// repeat, hate.
func (a RiskAssessment) FlagNames() []string {
	var out []string
	for _, f := range []struct {
		on   bool
		name string
	}{{a.Vulnerable, "vulnerable"}, {a.Repeat, "repeat"}, {a.Hate, "hate"}} {
		if f.on {
			out = append(out, f.name)
		}
	}
	return out
}

// Score is likelihood × harm.
func (a RiskAssessment) Score() int { return a.Likelihood * a.Harm }

// Flags are the flags set, in words.
func (a RiskAssessment) Flags() []string {
	var out []string
	if a.Vulnerable {
		out = append(out, "vulnerable victim")
	}
	if a.Repeat {
		out = append(out, "repeat victim")
	}
	if a.Hate {
		out = append(out, "hate motivation")
	}
	return out
}

// Level is the rule: the score's band — 1–6 low, 8–12 medium, 15–25 high
// (MatrixLowUpTo, MatrixMediumUpTo) — raised one level for each flag set
// (a vulnerable victim, a repeat victim, hate motivation), never above
// high. So harm to a vulnerable or repeat victim, or hate, is never low
// unless the matrix says low and nothing else is wrong, and two flags make
// even the lowest score high: "not only the seriousness of the incident".
func (a RiskAssessment) Level() Risk {
	level := RiskHigh
	switch s := a.Score(); {
	case s <= MatrixLowUpTo:
		level = RiskLow
	case s <= MatrixMediumUpTo:
		level = RiskMedium
	}
	return min(level+Risk(len(a.Flags())), RiskHigh)
}

// Summary is the assessment as the screens and minutes show it:
// "likelihood 4 × harm 4 = 16; repeat victim".
func (a RiskAssessment) Summary() string {
	s := fmt.Sprintf("likelihood %d × harm %d = %d", a.Likelihood, a.Harm, a.Score())
	if f := a.Flags(); len(f) > 0 {
		s += "; " + strings.Join(f, ", ")
	}
	return s
}

// Assess records a matrix assessment on h: its risk becomes the matrix's
// level, and the reason, when one is given, its risk reasoning. What the
// minutes say of it is returned (as SetRisk does): "Risk assessed: HIGH,
// was MEDIUM (likelihood 4 × harm 4 = 16; repeat victim). Reason." — the
// level it was when it changed, the same assessment again being a review
// that kept it.
func (h *Hotspot) Assess(a RiskAssessment, reason string) (string, error) {
	if err := a.Validate(); err != nil {
		return "", err
	}
	before := h.Risk
	h.Assessment = &a
	h.Risk = a.Level()
	if reason != "" {
		h.RiskReason = reason
	}
	minute := fmt.Sprintf("Risk assessed: %s (%s).", strings.ToUpper(h.Risk.String()), a.Summary())
	if before != h.Risk && before != 0 {
		minute = fmt.Sprintf("Risk assessed: %s, was %s (%s).", strings.ToUpper(h.Risk.String()), strings.ToUpper(before.String()), a.Summary())
	}
	if reason != "" {
		minute += " " + EndSentence(reason)
	}
	return minute, nil
}

// ReviewEvery is how often a hotspot of this level is reviewed, in
// meetings: high every meeting, medium every second, low every fourth.
func (r Risk) ReviewEvery() int {
	switch r {
	case RiskHigh:
		return 1
	case RiskMedium:
		return 2
	}
	return 4
}

// MeetingsSince is how many of the meetings held (their dates) fell after
// d: the meetings a hotspot last reviewed on d has missed.
func MeetingsSince(held []Date, d Date) int {
	n := 0
	for _, m := range held {
		if m.After(d) {
			n++
		}
	}
	return n
}

// DueForReview is the cadence rule: a hotspot never reviewed is due; one
// last reviewed before the last ReviewEvery − 1 meetings held is due (high:
// every meeting; medium: when the meeting before did not review it; low:
// when the three before did not). held is the dates of the meetings held;
// nil when they are not known, and then every open hotspot is due.
func (h Hotspot) DueForReview(held []Date) bool {
	if !h.IsOpen() {
		return false
	}
	if held == nil || h.LastReviewed.IsZero() {
		return true
	}
	return MeetingsSince(held, h.LastReviewed)+1 >= h.Risk.ReviewEvery()
}

// HeldDates are the dates of the meetings held (closed) among meetings, in
// date order:
// what DueForReview counts. Never nil, so an empty list means "none held"
// rather than "not known".
func HeldDates(meetings []Meeting) []Date {
	held := []Date{}
	for _, m := range meetings {
		if m.State == MeetingClosed {
			held = append(held, m.Date)
		}
	}
	slices.SortFunc(held, Date.Compare)
	return held
}

// ReviewDueIn is how many meetings after the next one a hotspot's review
// falls due by the cadence: 0 when it is due now (at the next meeting, or
// the one under way), 1 at the meeting after, and so on. A closed hotspot
// is never due (-1).
func (h Hotspot) ReviewDueIn(held []Date) int {
	if !h.IsOpen() {
		return -1
	}
	if held == nil || h.LastReviewed.IsZero() {
		return 0
	}
	return max(0, h.Risk.ReviewEvery()-1-MeetingsSince(held, h.LastReviewed))
}

// OffAgenda is an open hotspot a meeting's agenda does not hold, and when
// its review falls due (Hotspot.ReviewDueIn): 0 is a hotspot due that the
// chair took off the agenda; more is one the cadence left off.
type OffAgenda struct {
	Hotspot Hotspot
	DueIn   int
}

// Why says why it is not on the agenda, and when it will be.
func (o OffAgenda) Why() string {
	switch o.DueIn {
	case 0:
		return "due, taken off this agenda"
	case 1:
		return "not due: next meeting"
	}
	return fmt.Sprintf("not due: in %d meetings", o.DueIn)
}

// OffAgenda lists the open hotspots the meeting's agenda leaves out, those
// due first, then as the agenda ranks them (high risk first, longest since
// reviewed), so the chair sees what the cadence left off and can add one.
// A closed meeting's record (no Held) lists none; nor does a public view
// list a hotspot taken in private (its stand-in has no risk to go by).
func (r *MeetingRecord) OffAgenda() []OffAgenda {
	if r.Held == nil || r.Meeting.State == MeetingClosed {
		return nil
	}
	var out []OffAgenda
	for _, h := range r.Hotspots {
		if !h.IsOpen() || h.Exempt || r.Meeting.HasHotspot(h.ID) {
			continue
		}
		out = append(out, OffAgenda{Hotspot: h, DueIn: h.ReviewDueIn(r.Held)})
	}
	slices.SortStableFunc(out, func(a, b OffAgenda) int {
		if a.DueIn != b.DueIn {
			return a.DueIn - b.DueIn
		}
		return HotspotRank(a.Hotspot, b.Hotspot)
	})
	return out
}
