package model

import (
	"fmt"
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
// level. What the minutes say of it is returned (as SetRisk does).
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
	minute := fmt.Sprintf("Risk assessed: %s (%s)", strings.ToUpper(h.Risk.String()), a.Summary())
	if before != h.Risk && before != 0 {
		minute = fmt.Sprintf("Risk assessed: %s, was %s (%s)", strings.ToUpper(h.Risk.String()), strings.ToUpper(before.String()), a.Summary())
	}
	return minute + ".", nil
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

// HeldDates are the dates of the meetings held (closed) among meetings:
// what DueForReview counts. Never nil, so an empty list means "none held"
// rather than "not known".
func HeldDates(meetings []Meeting) []Date {
	held := []Date{}
	for _, m := range meetings {
		if m.State == MeetingClosed {
			held = append(held, m.Date)
		}
	}
	return held
}
