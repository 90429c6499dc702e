package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Kept no longer than needed (UK GDPR Article 5(1)(e), storage limitation):
// the partnership sets how long the personal details of a closed
// personal-ASB case are kept after it closes (RetentionYears, default six
// years, the usual period for case records). Past that, the case is
// anonymised: the names, addresses and free text of the hotspot and of its
// actions, updates, decisions, notes, powers, amendments and declarations
// are erased (Erasure), everywhere the file holds them — the live record,
// the frozen records of closed meetings and the audit trail's images —
// while refs, dates, agencies, statuses, risk levels and counts stay, so
// the partnership's statistics and the trail's account of who did what,
// and when, still stand. These are the rules; a store finds the records
// and rewrites them.

// DefaultRetentionYears is how long a closed personal case is kept unless
// the partnership says otherwise.
const DefaultRetentionYears = 6

// MinRetentionYears and MaxRetentionYears bound the setting: a case is
// kept at least a year after it closes (an ASB Case Review may ask about
// it), and anything over 25 years is a mistyped number, not a policy.
const (
	MinRetentionYears = 1
	MaxRetentionYears = 25
)

// RightRetention is anonymising closed personal cases past retention, or
// listing them (the list names private cases).
const RightRetention Right = "anonymise closed personal cases past their retention"

// An anonymisation writes OpRetentionCase per case (its ref, and what was
// anonymised), then OpRetentionRun for the run (what it rewrote), which
// carries the sums of everything written. Neither is ever undone.

// AnonymisedText stands for words erased by retention, wherever they were:
// a field that held words holds this; one that was empty stays empty.
const AnonymisedText = "[anonymised]"

// CheckRetentionYears refuses a retention period that is not one.
func CheckRetentionYears(n int) error {
	if n < MinRetentionYears || n > MaxRetentionYears {
		return Invalid("retention_years", "keep closed personal cases between %d and %d years (default %d)", MinRetentionYears, MaxRetentionYears, DefaultRetentionYears)
	}
	return nil
}

// ParseRetentionYears reads the retention period as a person types it:
// "6", "6 years".
func ParseRetentionYears(s string) (int, error) {
	in := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "years"), "year"))
	n, err := strconv.Atoi(in)
	if err != nil {
		return 0, Invalid("retention_years", "%q is not a number of years: give a whole number, e.g. %d", CleanLine(s), DefaultRetentionYears)
	}
	return n, CheckRetentionYears(n)
}

// RetentionYears is how many years the partnership keeps a closed
// personal case.
func (p Partnership) RetentionYears() int {
	if p.RetainCaseYears == 0 {
		return DefaultRetentionYears
	}
	return p.RetainCaseYears
}

// PermitRetention: only the chair or an admin who reads the restricted
// record may list or anonymise cases past retention: the list names
// private cases, and an anonymisation cannot be taken back.
func PermitRetention(a Actor) error {
	if a.Role != RoleChair && a.Role != RoleAdmin {
		return &PermissionError{Who: a.String(), Right: RightRetention, Rule: "only the chair or an admin may"}
	}
	if a.Reads() != ReadRestricted {
		return &PermissionError{Who: a.String(), Right: RightRetention, Rule: "the cases are private business, which " + a.Name + " does not read"}
	}
	return nil
}

// RetentionCutoff is the first closing day not yet past retention on day
// today: a case closed before it closed more than years ago. (29 February
// years back is 1 March.)
func RetentionCutoff(today Date, years int) Date { return today.AddYears(-years) }

// PastRetention: h is a personal-ASB case, closed (with its day known)
// more than years before today, and not anonymised yet. A nuisance or
// environmental hotspot is about a place, not people, and is kept; an open
// one is live business whatever its age.
func PastRetention(h Hotspot, today Date, years int) bool {
	return h.Category == CategoryPersonal && h.Status == HotspotClosed && !h.Closed.IsZero() &&
		h.Closed.Before(RetentionCutoff(today, years)) && h.Anonymised.IsZero()
}

// AnonymisedLine says of a case retention anonymised when its words went,
// and why ("" for any other hotspot).
func (h Hotspot) AnonymisedLine() string {
	if h.Anonymised.IsZero() {
		return ""
	}
	return fmt.Sprintf("Anonymised on %s: closed on %s, its words were kept for the partnership's retention and then erased", h.Anonymised.Format("2 Jan 2006"), h.Closed.Format("2 Jan 2006"))
}

// RetentionCase is one case past retention, as `tasking retention` lists
// it: the hotspot as it is (its words, for the chair to recognise it
// before it goes) and how many records of each kind it has.
type RetentionCase struct {
	Hotspot                                    Hotspot
	Actions, Updates, Decisions, Notes, Powers int
}

// RetentionPlan is what is past retention on a day.
type RetentionPlan struct {
	Today, Cutoff Date
	Years         int
	Cases         []RetentionCase
}

// RetentionCaseAudit is what the trail keeps of one case anonymised (the
// after image of its OpRetentionCase event): when it closed, the
// retention it was past, and the refs of its records — never their words.
type RetentionCaseAudit struct {
	Closed    Date     `json:"closed"`
	Years     int      `json:"years"`
	Actions   []string `json:"actions,omitempty"`
	Updates   int      `json:"updates,omitempty"`
	Decisions []string `json:"decisions,omitempty"`
	Notes     []string `json:"notes,omitempty"`
	Powers    []string `json:"powers,omitempty"`
}

// RetentionRun is what one anonymisation did (the after image of its
// OpRetentionRun event, and what `tasking retention --apply` says):
// the cases, how many records of each kind it anonymised wherever they
// were, the audit events and frozen meeting records it rewrote, and the
// actions it kept because they left a case and are still the group's
// business.
type RetentionRun struct {
	Years     int      `json:"years"`
	Cases     []string `json:"cases"`
	Actions   int      `json:"actions"`
	Updates   int      `json:"updates"`
	Decisions int      `json:"decisions"`
	Notes     int      `json:"notes"`
	Powers    int      `json:"powers"`
	Events    int      `json:"audit_events"`
	Frozen    []string `json:"frozen_records,omitempty"`
	Kept      []string `json:"kept_actions,omitempty"`
	// Pages is how many pages of the file's free space were cleared of
	// old copies after the change (not in the trail: it is said after).
	Pages int `json:"-"`
}

// retentionOp: op is one an anonymisation writes.
func retentionOp(op Op) bool { return op == OpRetentionCase || op == OpRetentionRun }

// retentionChangeName is an anonymisation's event in words.
func retentionChangeName(e AuditEvent) (string, bool) {
	switch e.Op {
	case OpRetentionCase:
		var c RetentionCaseAudit
		if json.Unmarshal(e.After, &c) != nil {
			return "", false
		}
		var parts []string
		for _, n := range []struct {
			n    int
			noun string
		}{{len(c.Actions), "action"}, {c.Updates, "update"}, {len(c.Decisions), "resolution"}, {len(c.Notes), "note"}, {len(c.Powers), "power"}} {
			if n.n > 0 {
				parts = append(parts, Plural(n.n, n.noun))
			}
		}
		said := fmt.Sprintf("%s anonymised (closed %s, kept %s)", e.Ref, c.Closed, Plural(c.Years, "year"))
		if len(parts) > 0 {
			said += " with " + JoinAnd(parts)
		}
		return said, true
	case OpRetentionRun:
		var r RetentionRun
		if json.Unmarshal(e.After, &r) != nil {
			return "", false
		}
		return fmt.Sprintf("retention: %s anonymised; %s and %s rewritten", Plural(len(r.Cases), "case"),
			Plural(r.Events, "audit event"), Plural(len(r.Frozen), "frozen meeting record")), true
	}
	return "", false
}
