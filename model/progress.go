package model

import (
	"slices"
	"strings"
)

// NoChangeNote is the note "discussed, no change" records under a hotspot
// (v in the meeting): the minute that shows it was discussed.
const NoChangeNote = "Discussed; no change."

// Deferred is the hotspots on m's agenda the meeting did not discuss: with
// nothing recorded under them (business: the hotspots with notes — "no
// change" is one —, decisions or actions in the meeting). Being on the
// screen is not discussing. At close they are minuted "Deferred to the next
// meeting" and open the next agenda's walk.
func Deferred(m Meeting, business []ID) []ID {
	var out []ID
	for _, it := range m.Agenda {
		if it.Kind == ItemHotspot && !slices.Contains(business, it.HotspotID) {
			out = append(out, it.HotspotID)
		}
	}
	return out
}

// Progress is how far a meeting has got with its agenda: what the agenda's
// ✓ shows, and what closing warns about.
type Progress struct {
	// Done says, item by item, that something was done on it — not that
	// the cursor passed it: attendance all marked and the statement read;
	// declarations (or none) recorded; the previous minutes approved (or
	// none to approve); every matter arising reviewed; under a hotspot, a
	// note, a resolution, an action, or an action reviewed or updated
	// while the meeting was on its item (HotspotBusiness); a referral or
	// something recorded under referrals or any other business; the next
	// date set.
	Done []bool
	// Unreviewed is how many matters arising the meeting has not reviewed.
	Unreviewed int
	// NotReached is the hotspots that would be deferred if it closed now.
	NotReached []ID
	// Unmarked is how many members' attendance is not recorded (they are
	// minuted absent at close); the other flags are standing business not
	// done.
	Unmarked                                       int
	NoStatement, NoDeclarations, MinutesUnapproved bool
}

// MeetingProgress reads a meeting's record for its progress.
func MeetingProgress(r *MeetingRecord) Progress {
	m := r.Meeting
	p := Progress{Done: make([]bool, len(m.Agenda)), NoStatement: !m.ConfidentialityRead,
		NoDeclarations: !m.NoDeclarations && len(m.Declarations) == 0, MinutesUnapproved: m.PreviousMeetingID != 0 && m.MinutesApprovedByDecID == 0}
	for _, at := range m.Attendance {
		if at.Status == Unmarked {
			p.Unmarked++
		}
	}
	reviewed := r.ReviewedIn(m.ID)
	for _, a := range r.MattersArising() {
		if _, ok := reviewed[a.ID]; !ok {
			p.Unreviewed++
		}
	}
	// The hotspots' business is HotspotBusiness, the rule closing uses:
	// what was recorded under each item itself. The standing items count
	// what was recorded under them.
	hotspots := HotspotBusiness(m, r.Actions, r.Updates, r.Notes, r.Decisions)
	business := map[ItemKind]bool{}
	if m.ID != 0 {
		for _, n := range r.Notes {
			if n.MeetingID == m.ID && n.HotspotID == 0 {
				business[n.Item] = true
			}
		}
		for _, d := range r.Decisions {
			if d.MeetingID == m.ID && d.HotspotID == 0 {
				business[d.Item] = true
			}
		}
		for _, a := range r.Actions {
			if a.CreatedMeetingID == m.ID && a.HotspotID == 0 {
				business[ItemAOB] = true
			}
		}
	}
	if len(r.Referrals()) > 0 {
		business[ItemReferrals] = true
	}
	for i, it := range m.Agenda {
		switch it.Kind {
		case ItemAttendance:
			unmarked := false
			for _, at := range m.Attendance {
				unmarked = unmarked || at.Status == Unmarked
			}
			p.Done[i] = !unmarked && m.ConfidentialityRead
		case ItemDeclarations:
			p.Done[i] = m.NoDeclarations || len(m.Declarations) > 0
		case ItemMinutes:
			p.Done[i] = m.MinutesApprovedByDecID != 0 || m.PreviousMeetingID == 0
		case ItemMatters:
			// A closed meeting's list is what it reviewed: done if anything was.
			p.Done[i] = p.Unreviewed == 0 && (m.State != MeetingClosed || len(reviewed) > 0)
		case ItemHotspot:
			p.Done[i] = slices.Contains(hotspots, it.HotspotID)
		case ItemNextMeeting:
			p.Done[i] = !m.NextDate.IsZero()
		default:
			p.Done[i] = business[it.Kind]
		}
	}
	p.NotReached = Deferred(m, hotspots)
	return p
}

// CloseWarning is what the chair is told before closing: the business left
// unfinished, and that the hotspots not reached will be deferred. Empty
// when everything was done.
func (p Progress) CloseWarning(m Meeting) string {
	var parts []string
	if p.Unmarked > 0 {
		parts = append(parts, Plural(p.Unmarked, "member's")+" attendance not recorded (minuted absent)")
	}
	if p.NoStatement {
		parts = append(parts, "the confidentiality statement not recorded as read")
	}
	if p.NoDeclarations {
		parts = append(parts, "declarations of interest not recorded")
	}
	if p.MinutesUnapproved {
		parts = append(parts, "the previous minutes not approved")
	}
	if p.Unreviewed > 0 {
		parts = append(parts, Plural(p.Unreviewed, "matter arising")+" not reviewed")
	}
	if n := len(p.NotReached); n > 0 {
		s := Plural(n, "item") + " not discussed"
		if n <= 3 {
			refs := make([]string, 0, n)
			for _, id := range p.NotReached {
				refs = append(refs, HotspotRef(id))
			}
			s += " (" + strings.Join(refs, ", ") + ")"
		}
		parts = append(parts, s+", to be deferred to the next meeting")
	}
	if m.NextDate.IsZero() {
		parts = append(parts, "no next meeting date set")
	}
	if len(parts) == 0 {
		return ""
	}
	return Sentence(strings.Join(parts, "; ")) + "."
}
