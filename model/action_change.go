package model

import (
	"fmt"
	"strings"
	"time"
)

// What each change to an action does to it, and the history entry it
// makes. A store loads the action, asks one of these inside its write
// transaction and saves the result, so the rule and the change commit
// together.

// SetStatus moves a to status to (with note, which some moves need: see
// CheckStatusChange) and returns its history entry. Marking it done records
// when it was finished and, when there are words, the completion note;
// reopening it clears all three, as the work is not finished any more.
// Other moves leave them as they were.
func (a *Action) SetStatus(to ActionStatus, note string, meetingID ID, at time.Time) (ActionUpdate, error) {
	if err := CheckStatusChange(a.Status, to, note); err != nil {
		return ActionUpdate{}, err
	}
	u := ActionUpdate{Kind: UpdateStatus, FromStatus: a.Status, ToStatus: to, Text: note, MeetingID: meetingID}
	a.Status = to
	switch to {
	case StatusDone:
		a.CompletedOn, a.CompletedAt = DateOf(at), at
		if note != "" {
			a.CompletionNote = note
		}
	case StatusOpen:
		a.CompletedOn, a.CompletedAt, a.CompletionNote = Date{}, time.Time{}, ""
	}
	return u, nil
}

// MoveDue moves a's due date, with the reason ("carried forward"), and
// returns its history entry. Finished work has no due date to move (reopen
// it first), and a "new" date that is the one it has is no change.
func (a *Action) MoveDue(due Date, reason string, meetingID ID) (ActionUpdate, error) {
	if a.Status.IsClosed() {
		return ActionUpdate{}, Invalid("due", "%s is %s: reopen it before moving its due date", a.Ref(), a.Status.Label())
	}
	if due == a.Due {
		return ActionUpdate{}, Invalid("due", "%s is already due on %s", a.Ref(), due)
	}
	if err := CheckDateRange("due", due); err != nil {
		return ActionUpdate{}, err
	}
	u := ActionUpdate{Kind: UpdateDue, FromDue: a.Due, ToDue: due, Text: reason, MeetingID: meetingID}
	a.Due = due
	return u, nil
}

// Reassign hands a to another officer of its agency (officer as
// CheckOfficer wrote it; "" is the agency as a whole) and returns its
// history entry, which says from whom to whom. Handing it to whoever has it
// already is no change.
func (a *Action) Reassign(officer string, meetingID ID) (ActionUpdate, error) {
	if officer == a.Officer {
		return ActionUpdate{}, Invalid("officer", "%s is already with %s", a.Ref(), OfficerOrAgency(a.Officer))
	}
	u := ActionUpdate{Kind: UpdateOfficer, MeetingID: meetingID,
		Text: fmt.Sprintf("from %s to %s", OfficerOrAgency(a.Officer), OfficerOrAgency(officer))}
	a.Officer = officer
	return u, nil
}

// OfficerOrAgency names an action's officer, or the agency as a whole when
// none is named.
func OfficerOrAgency(officer string) string {
	if officer == "" {
		return "the agency as a whole"
	}
	return officer
}

// Report is a rep's status and words in one update, and the history entry
// it makes (none when both are empty). A new status is a status change
// (SetStatus) carrying the words; the status the action already has, with
// words, is not a refused "already in progress" but a progress note — a
// rep confirming "still in progress: …" is giving news; words alone are a
// progress note.
func (a *Action) Report(status ActionStatus, note string, meetingID ID, at time.Time) ([]ActionUpdate, error) {
	switch {
	case status != "" && status == a.Status && note != "":
		return []ActionUpdate{{Kind: UpdateNote, Text: note, MeetingID: meetingID}}, nil
	case status != "":
		u, err := a.SetStatus(status, note, meetingID, at)
		if err != nil {
			return nil, err
		}
		return []ActionUpdate{u}, nil
	case note != "":
		return []ActionUpdate{{Kind: UpdateNote, Text: note, MeetingID: meetingID}}, nil
	}
	return nil, nil
}

// Accept is the meeting accepting, in matters arising, the agency's latest
// update as it stands (prev is the meeting before this one, nil when there
// was none): its history entry, whose words the minutes show, with who gave
// the update and when. Only news since the last meeting closed can be
// accepted — an update the last meeting already had is not news — and an
// action with no update from its agency has nothing to accept.
func (a Action) Accept(prev *Meeting, meetingID ID) (ActionUpdate, error) {
	if a.LastUpdate == "" && a.LastChange == "" {
		return ActionUpdate{}, Invalid("update", "%s has no update from its agency to accept", a.Ref())
	}
	var since time.Time
	if prev != nil {
		since = prev.ClosedAt
	}
	if !since.IsZero() && !a.NewsAt().After(since) {
		return ActionUpdate{}, Invalid("update", "%s's latest update (%s) was before the last meeting: nothing new to accept", a.Ref(), a.NewsAt().Local().Format("2 Jan"))
	}
	// The words and the change, each with who and when: a date moved does
	// not hide what the rep last said about the work.
	text := a.LatestSaid(since)
	// Accepting private words into the minutes keeps them private.
	return ActionUpdate{Kind: UpdateAccept, FromStatus: a.Status, ToStatus: a.Status, Text: text, MeetingID: meetingID,
		Privacy: a.LastUpdatePrivacy.Stricter(a.LastChangePrivacy)}, nil
}

// LatestSaid is what the agency last said and changed since (zero: ever),
// each with who and when: "Letters sent to all tenants (Sgt Jas Patel, 2
// Dec); due 1 Dec → 15 Dec: waiting for the contractor (Sgt Jas Patel, 3
// Dec)". The words come first, however old (they are the rep's last word
// on the work); a change older than since is left out.
func (a Action) LatestSaid(since time.Time) string {
	var parts []string
	say := func(what, by string, at time.Time) {
		if what != "" {
			parts = append(parts, Stamped(what, by, at))
		}
	}
	say(a.LastUpdate, a.LastUpdateBy, a.LastUpdateAt)
	if a.LastChange != "" && (since.IsZero() || a.LastChangeAt.After(since)) {
		say(a.LastChange, a.LastChangeBy, a.LastChangeAt)
	}
	return strings.Join(parts, "; ")
}

// WordsBeside is what a meeting's matters arising show beside what the
// meeting did to a (made, its updates there) when it did not accept the
// agency's words: those words, with who and when, so that a date moved or
// a status set in the meeting never hides what the rep last said about
// the work. Only words since the last meeting (since) are news; "" when
// there are none, when the meeting did nothing to a, or when it accepted
// them (its acceptance shows them).
func (a Action) WordsBeside(since time.Time, made []ActionUpdate) string {
	if a.LastUpdate == "" || !a.LastUpdateAt.After(since) || len(made) == 0 {
		return ""
	}
	for _, u := range made {
		if u.Kind == UpdateAccept {
			return ""
		}
	}
	return Stamped(a.LastUpdate, a.LastUpdateBy, a.LastUpdateAt)
}

// TakeNews makes u the action's latest update when it is the agency's news
// (IsNews): what the chair reads, and accepts, in the next meeting's
// matters arising. Anything else leaves the latest update as it was.
func (a *Action) TakeNews(u ActionUpdate, by Actor, at time.Time) bool {
	news := false
	if IsNews(u, by, a.AgencyID) {
		a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy, a.LastUpdatePrivacy = u.Describe(), at, by.String(), u.Privacy
		news = true
	}
	if IsNewsChange(u, by, a.AgencyID) {
		a.LastChange, a.LastChangeAt, a.LastChangeBy, a.LastChangePrivacy = u.Describe(), at, by.String(), u.Privacy
		news = true
	}
	return news
}

// ActionChange is a rep's update in one go (the command line's action
// update): a new due date with its reason, a status, a note. Empty fields
// are left alone.
type ActionChange struct {
	Due    Date
	Reason string
	Status ActionStatus
	Note   string
	// Officer, when set, reassigns the action to another officer of the
	// same agency ("" leaves it with the agency as a whole).
	Officer *string
	// MeetingID is set when the change is made in a meeting (matters
	// arising): the minutes record it, and it is not the agency's news.
	MeetingID ID
}

// Clean cleans the words of a change before it is tried — the note, the
// reason a new due date needs, the officer's name — and refuses a change
// that changes nothing.
func (c ActionChange) Clean() (ActionChange, error) {
	var err error
	if c.Note, err = CheckText("note", "note", c.Note, false); err != nil {
		return c, err
	}
	if !c.Due.IsZero() {
		if c.Reason, err = CheckText("reason", "reason", c.Reason, true); err != nil {
			return c, err
		}
	}
	if c.Officer != nil {
		o, err := CheckLine("officer", "officer's name", *c.Officer, false, 80)
		if err != nil {
			return c, err
		}
		c.Officer = &o
	}
	if c.Due.IsZero() && c.Status == "" && c.Note == "" && c.Officer == nil {
		return c, Invalid("status", "nothing to update")
	}
	return c, nil
}

// Rights are what the parts of a combined update need beyond adding a
// note (OpActionUpdate's own Right), in the order they are asked: a
// status change, a new due date and a new officer are each the business
// of the agency that owns the action, so no part goes through on
// another part's permission. Words alone anyone may add.
func (c ActionChange) Rights() []Right {
	var out []Right
	if c.Status != "" {
		out = append(out, RightActionStatus)
	}
	if !c.Due.IsZero() {
		out = append(out, RightActionDue)
	}
	if c.Officer != nil {
		out = append(out, RightActionOfficer)
	}
	return out
}
