package model

import (
	"slices"
	"strings"
	"time"
)

// Two people, one record: a form saves against the version it showed. When
// the record was changed since (another session, the command line, SSH),
// the save is refused, the form stays open with the typing kept, and the
// person is told who changed what and when, in words; saving again is a
// deliberate second save against the record as it is now.

// ActionChanges says, in words, what changed in an action between the
// version a form showed and the one saved since: "now due 29 Dec", "now
// blocked", "its words changed". Empty when nothing the form shows did.
func ActionChanges(shown, now Action) []string {
	var out []string
	if now.Status != shown.Status {
		out = append(out, "now "+now.Status.Label())
	}
	if now.Due != shown.Due {
		out = append(out, "now due "+now.Due.ShortAt(shown.Due))
	}
	if now.Officer != shown.Officer {
		if now.Officer == "" {
			out = append(out, "no longer with a named officer")
		} else {
			out = append(out, "now with "+CleanLine(now.Officer))
		}
	}
	if now.AgencyID != shown.AgencyID {
		out = append(out, "now owned by another agency")
	}
	if now.HotspotID != shown.HotspotID {
		if now.HotspotID == 0 {
			out = append(out, "now general business")
		} else {
			out = append(out, "now on "+HotspotRef(now.HotspotID))
		}
	}
	if now.Text != shown.Text {
		out = append(out, "its words changed")
	}
	if now.LastUpdateAt.After(shown.LastUpdateAt) && now.LastUpdate != "" {
		out = append(out, "a new update: "+Clip(CleanLine(now.LastUpdate), 60))
	}
	if now.LastUpdate != shown.LastUpdate && now.LastUpdateAt.Equal(shown.LastUpdateAt) {
		out = append(out, "its latest update corrected or withdrawn")
	}
	if now.Private != shown.Private {
		if now.Private {
			out = append(out, "now private business")
		} else {
			out = append(out, "released: now public business")
		}
	}
	return out
}

// HotspotChanges is ActionChanges for a hotspot.
func HotspotChanges(shown, now Hotspot) []string {
	var out []string
	if now.Risk != shown.Risk {
		out = append(out, "risk now "+now.Risk.String())
	}
	if now.Status != shown.Status {
		out = append(out, "now "+string(now.Status))
	}
	if now.SARA != shown.SARA {
		out = append(out, "now at the "+string(now.SARA)+" stage")
	}
	if a := now.Assessment; a != nil && (shown.Assessment == nil || *a != *shown.Assessment) {
		out = append(out, "risk assessed: "+a.Summary())
	}
	if now.RiskReason != shown.RiskReason {
		out = append(out, "its risk reasoning changed")
	}
	if now.Title != shown.Title || now.Location != shown.Location || now.Ward != shown.Ward {
		out = append(out, "its title, location or ward changed")
	}
	if !slices.Equal(now.Areas, shown.Areas) {
		out = append(out, "its linked areas changed")
	}
	if !slices.Equal(now.Incidents, shown.Incidents) {
		out = append(out, "its entered counts changed")
	}
	if now.Private() != shown.Private() {
		if now.Private() {
			out = append(out, "now taken in private")
		} else {
			out = append(out, "now back in Part 1")
		}
	}
	return out
}

// MemberChanges is ActionChanges for a member.
func MemberChanges(shown, now Member) []string {
	var out []string
	if now.Name != shown.Name {
		out = append(out, "now called "+CleanLine(now.Name))
	}
	if now.AgencyID != shown.AgencyID {
		out = append(out, "now with another agency")
	}
	if now.Role != shown.Role {
		out = append(out, "now "+string(now.Role))
	}
	if now.Restricted != shown.Restricted {
		out = append(out, "now reads "+now.ReadRight().String())
	}
	out = appendNow(out, "job title", shown.Title, now.Title)
	out = appendNow(out, "email", shown.Email, now.Email)
	out = appendNow(out, "phone", shown.Phone, now.Phone)
	if now.Retired != shown.Retired {
		out = append(out, "now retired")
	}
	if len(now.SSHKeys) != len(shown.SSHKeys) {
		out = append(out, "their SSH keys changed")
	}
	return out
}

// AgencyChanges is ActionChanges for an agency.
func AgencyChanges(shown, now Agency) []string {
	var out []string
	if now.Name != shown.Name || now.ShortName != shown.ShortName {
		out = append(out, "now called "+CleanLine(now.Name)+" ("+CleanLine(now.ShortName)+")")
	}
	if now.Retired != shown.Retired {
		out = append(out, "now retired")
	}
	return out
}

// PartnershipChanges is ActionChanges for the partnership's details.
func PartnershipChanges(shown, now Partnership) []string {
	var out []string
	out = appendNow(out, "name", shown.Name, now.Name)
	out = appendNow(out, "meeting title", shown.MeetingTitle, now.MeetingTitle)
	out = appendNow(out, "usual place", shown.DefaultPlace, now.DefaultPlace)
	out = appendNow(out, "usual time", shown.DefaultTime, now.DefaultTime)
	out = appendNow(out, "cadence", string(shown.Cadence), string(now.Cadence))
	if now.ConfidentialityStatement != shown.ConfidentialityStatement {
		out = append(out, "its confidentiality statement changed")
	}
	if now.ChairID != shown.ChairID {
		out = append(out, "its chair changed")
	}
	return out
}

// appendNow says a field's new value ("phone now 01246 345678"), or that
// it was cleared.
func appendNow(out []string, field, shown, now string) []string {
	switch {
	case now == shown:
		return out
	case now == "":
		return append(out, field+" cleared")
	}
	return append(out, field+" now "+Clip(CleanLine(now), 60))
}

// RecordChanges is what changed between two versions of any record a form
// edits (the shown one and the one saved since), nil for a kind it does
// not know.
func RecordChanges(shown, now any) []string {
	switch n := now.(type) {
	case Action:
		if s, ok := shown.(Action); ok {
			return ActionChanges(s, n)
		}
	case Hotspot:
		if s, ok := shown.(Hotspot); ok {
			return HotspotChanges(s, n)
		}
	case Member:
		if s, ok := shown.(Member); ok {
			return MemberChanges(s, n)
		}
	case Agency:
		if s, ok := shown.(Agency); ok {
			return AgencyChanges(s, n)
		}
	case Partnership:
		if s, ok := shown.(Partnership); ok {
			return PartnershipChanges(s, n)
		}
	case CaseReview:
		if s, ok := shown.(CaseReview); ok {
			return CaseReviewChanges(s, n)
		}
	case NextMeeting:
		if s, ok := shown.(NextMeeting); ok && s != n {
			return []string{"the next meeting now " + n.String()}
		}
	}
	return nil
}

// ConflictSentence is what a refused save says: "A-10 was changed by Louise
// Birch at 10:42: now due 29 Dec — not saved. Your typing is kept: save
// again to save it over that change." by and at may be unknown.
func ConflictSentence(ref, by string, at time.Time, changes []string) string {
	who := ref + " was changed"
	if by != "" {
		who += " by " + by
	}
	if !at.IsZero() {
		who += " at " + at.Local().Format("15:04")
	}
	if len(changes) > 0 {
		who += ": " + strings.Join(changes, "; ")
	} else {
		who += " since this form opened"
	}
	return who + " — not saved. Your typing is kept: save again to save it over that change."
}

// Clip cuts s to n characters, with "…" when it had more.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:max(n-1, 0)]) + "…"
}

// ExpectVersion is the version a save is checked against: the one the form
// showed, or, when this session has itself saved the record since, the
// version its own save made (its own change is not someone else's).
func ExpectVersion(shown, ownSaved int) int {
	return max(shown, ownSaved)
}
