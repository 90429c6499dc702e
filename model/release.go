package model

import (
	"fmt"
	"slices"
	"strings"
)

// Releasing private business is deliberate (as a committee resolves that an
// exempt report may be published): the chair or an admin makes one private
// record public, with a reason. Made at a meeting under way, the release is
// a resolution of that meeting; made between meetings (a court case ends
// on a Thursday, the action log goes out on Friday), it takes effect at
// once and is reported to the next meeting, which notes it. Either way it
// is minuted in that meeting's Part 2, in its own minute after the other
// Part 2 business (MinuteOrder), and audited; the record keeps which
// resolution released it.

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
// reason, at a meeting or between meetings. Who may release (the chair or
// an admin) is OpRelease's Right, asked before the write runs. It returns
// the reason as cleaned.
func CheckRelease(reason string) (string, error) {
	return CheckText("reason", "reason for the release", reason, true)
}

// CheckReleasable refuses to release a record that is not private, that
// records a release itself (item: the item a resolution or note is under;
// a release's resolution is Part 2 business for good, as the minute it
// sits in is), or that sits on a hotspot private now (h: its hotspot, nil
// for general business): everything about such a hotspot is withheld
// where it sits, so the release would publish nothing — and the record
// would be private again the moment its case closed (CarryOut).
func CheckReleasable(ref string, p Privacy, h *Hotspot, item ItemKind) error {
	if !p.Private {
		return Invalid("ref", "%s is not private business: there is nothing to release", ref)
	}
	if item == ItemRelease {
		return Invalid("ref", "%s records a release: it is Part 2 business of the meeting that minutes it, and stays so", ref)
	}
	if h == nil || !h.Private() {
		return nil
	}
	if h.Category == CategoryPersonal {
		return Invalid("ref", "%s is about %s, a personal ASB case (named people): everything about it stays private, so releasing %s would publish nothing", ref, h.Ref(), ref)
	}
	return Invalid("ref", "%s is about %s, which is taken in private (Part 2): everything about it is withheld, so releasing %s would publish nothing — take %s back into Part 1 first (meeting part2 %s --off)", ref, h.Ref(), ref, h.Ref(), h.Ref())
}

// NewReleaseDecision is the Part 2 resolution that records a release of the
// record ref, exempt under was, for the reason given: a resolution of the
// meeting under way (meetingID), or — between meetings (meetingID 0) — a
// note of the release by who on the day, for the next meeting to minute
// (Meeting.MinuteRelease, when it starts).
func NewReleaseDecision(meetingID ID, ref string, was ExemptParagraph, reason string, who Actor, on Date) NewDecision {
	text := ReleaseResolution(ref, was, reason)
	if meetingID == 0 {
		text = ReleaseReported(ref, was, reason, who, on)
	}
	return NewDecision{MeetingID: meetingID, Item: ItemRelease, Text: text, Part2: true, Paragraph: was.Or(ParaIndividual)}
}

// MinuteRelease minutes the release resolution d in m's Part 2: one made
// at m, or one made between meetings that m, starting, adopts (d's meeting
// becomes m). It says whether anything changed.
func (m *Meeting) MinuteRelease(d *Decision) bool {
	if d.Item != ItemRelease || (d.MeetingID != 0 && d.MeetingID != m.ID) || slices.Contains(m.Releases, d.ID) {
		return false
	}
	d.MeetingID = m.ID
	m.Releases = append(m.Releases, d.ID)
	return true
}

// ReleasesAdopted is what starting meeting m says of the releases made
// since the last meeting that it minutes (" · 2 releases made since the
// last meeting, minuted in Part 2"), "" when there are none.
func ReleasesAdopted(m Meeting) string {
	if len(m.Releases) == 0 {
		return ""
	}
	return " · " + Plural(len(m.Releases), "release") + " made since the last meeting, minuted in Part 2"
}

// Released is what the person who released ref is told: that it is public
// from now on, and where its resolution d is minuted (d.MeetingID 0: made
// between meetings, for the next to minute).
func Released(ref string, d Decision) string {
	where := "in Part 2 of " + MeetingRef(d.MeetingID)
	if d.MeetingID == 0 {
		where = "in Part 2 of the next meeting, as released since the last one"
	}
	return fmt.Sprintf("%s released: public business from now on (%s, minuted %s)", ref, d.Ref(), where)
}

// Releasable is a kind of record a release can make public.
type Releasable string

const (
	ReleaseAction   Releasable = "action"
	ReleaseDecision Releasable = "decision"
	ReleaseNote     Releasable = "note"
)

// Ref is the ref of record id of this kind: "A-12", "D-4", "N-5".
func (k Releasable) Ref(id ID) string {
	switch k {
	case ReleaseDecision:
		return DecisionRef(id)
	case ReleaseNote:
		return NoteRef(id)
	}
	return ActionRef(id)
}

// CanonicalRef is ref as the record names itself ("a12" is "A-12"), or
// ref cleaned when it names no releasable record.
func CanonicalRef(ref string) string {
	k, id, err := ParseReleasable(ref)
	if err != nil {
		return CleanLine(ref)
	}
	return k.Ref(id)
}

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

// ReleaseResolution is the Part 2 resolution that records a release at a
// meeting: what was released, the paragraph it had been exempt under, and
// why.
func ReleaseResolution(ref string, was ExemptParagraph, reason string) string {
	return fmt.Sprintf("that %s, exempt under paragraph %d of Schedule 12A (%s), be released and treated as public business from now on, because %s",
		ref, int(was.Or(ParaIndividual)), was.Or(ParaIndividual).Description(), strings.TrimSuffix(lowerFirst(reason), "."))
}

// ReleaseReported is the Part 2 resolution by which the next meeting notes
// a release made between meetings: who released what, on which day, the
// paragraph it had been exempt under, and why.
func ReleaseReported(ref string, was ExemptParagraph, reason string, who Actor, on Date) string {
	return fmt.Sprintf("that it be noted that on %s, since the last meeting, %s (%s) released %s, exempt under paragraph %d of Schedule 12A (%s), as public business from then on, because %s",
		on.Long(), who, who.Role, ref, int(was.Or(ParaIndividual)), was.Or(ParaIndividual).Description(), strings.TrimSuffix(lowerFirst(reason), "."))
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
