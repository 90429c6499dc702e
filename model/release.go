package model

import (
	"fmt"
	"strings"
)

// Releasing private business is deliberate (as a committee resolves that an
// exempt report may be published): the chair or an admin makes one private
// record public, with a reason, in a meeting under way; the release is a
// Part 2 resolution of that meeting and an audit event, and the record
// keeps which resolution released it.

// RightRelease is making one private record public.
const RightRelease Right = "release private business"

// Release makes p public, released by the resolution numbered by (its
// ref stays on the record: restricted outputs say what released it). It
// refuses what is not private: there is nothing to release.
func (p *Privacy) Release(ref string, by ID) error {
	if !p.Private {
		return Invalid("ref", "%s is not private business: there is nothing to release", ref)
	}
	*p = Privacy{ReleasedBy: by}
	return nil
}

// CheckRelease is the rule for a release before anything is read: with a
// reason, in a meeting under way (meetingID 0: none). Who may release
// (the chair or an admin) is OpRelease's Right, asked before the write
// runs. It returns the reason as cleaned.
func CheckRelease(reason string, meetingID ID) (string, error) {
	reason, err := CheckText("reason", "reason for the release", reason, true)
	if err != nil {
		return "", err
	}
	if meetingID == 0 {
		return "", Invalid("meeting", "a release is minuted in Part 2 of the meeting where it is made: start the meeting first (tasking meeting start)")
	}
	return reason, nil
}

// Releasable is a kind of record a release can make public.
type Releasable string

const (
	ReleaseAction   Releasable = "action"
	ReleaseDecision Releasable = "decision"
	ReleaseNote     Releasable = "note"
)

// ParseReleasable reads the ref of an action, a decision (D-4) or a
// note (N-5).
func ParseReleasable(ref string) (Releasable, ID, error) {
	in := strings.ToUpper(strings.TrimSpace(ref))
	for _, k := range []struct {
		prefix string
		kind   Releasable
	}{{ActionPrefix, ReleaseAction}, {DecisionPrefix, ReleaseDecision}, {NotePrefix, ReleaseNote}} {
		// The letter is required: a bare number could be any of them.
		if !strings.HasPrefix(in, k.prefix) {
			continue
		}
		if id, err := ParseRef(k.prefix, in); err == nil {
			return k.kind, id, nil
		}
	}
	return "", 0, Invalid("ref", "%q is not an action (A-12), a decision (D-4) or a note (N-5): those are what a release makes public", CleanLine(ref))
}

// ReleaseResolution is the Part 2 resolution that records a release: what
// was released, the paragraph it had been exempt under, and why.
func ReleaseResolution(ref string, was ExemptParagraph, reason string) string {
	return fmt.Sprintf("that %s, exempt under paragraph %d of Schedule 12A (%s), be released and treated as public business from now on, because %s",
		ref, int(was.Or(ParaIndividual)), was.Or(ParaIndividual).Description(), strings.TrimSuffix(lowerFirst(reason), "."))
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' { // an acronym: "CCTV shows…"
		return s
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}
