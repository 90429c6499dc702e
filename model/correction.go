package model

import (
	"fmt"
	"time"
)

// A progress update saved by mistake ("x"), or with the wrong words, can be
// put right: its author, or the chair, corrects its words or withdraws it,
// with a reason, audited. The record keeps what it said first; the minutes
// and the action log show the corrected words marked "(corrected)"; a
// withdrawn update is left out, and the one before it is the latest again.

// Correction is a later change to an update's words (or its withdrawal):
// who, when, why, and what it said before the first correction.
type Correction struct {
	Original string    `json:"original,omitempty"`
	Reason   string    `json:"reason"`
	At       time.Time `json:"at"`
	By       string    `json:"by"`
}

// CorrectedLabel follows corrected words wherever they are shown.
const CorrectedLabel = "(corrected)"

// RightCorrectUpdate is correcting or withdrawing a progress update.
const RightCorrectUpdate Right = "correct or withdraw a progress update"

// HasWords: the update says something in words a person typed (a note, a
// status change with its note, a date moved with its reason).
func (u ActionUpdate) HasWords() bool {
	switch u.Kind {
	case UpdateNote, UpdateStatus, UpdateDue:
		return u.Text != ""
	}
	return false
}

// Shown is the update's words as every output gives them: corrected words
// marked, a withdrawn update with none.
func (u ActionUpdate) Shown() string {
	switch {
	case u.Withdrawn != nil || u.Text == "":
		return ""
	case u.Corrected != nil:
		return u.Text + " " + CorrectedLabel
	}
	return u.Text
}

// LatestWithWords is the newest update in history (oldest first) that has
// words and is not withdrawn: the one `--correct-last` and
// `--withdraw-last` act on.
func LatestWithWords(history []ActionUpdate) (ActionUpdate, bool) {
	for i := len(history) - 1; i >= 0; i-- {
		if u := history[i]; u.HasWords() && u.Withdrawn == nil {
			return u, true
		}
	}
	return ActionUpdate{}, false
}

// CheckCorrection is the rule for correcting or withdrawing update u of
// action a: the chair or an admin, or the update's own author; with a
// reason. It returns the reason as cleaned.
func CheckCorrection(by Actor, a Action, u ActionUpdate, reason string) (string, error) {
	reason, err := CheckText("reason", "reason for the correction", reason, true)
	if err != nil {
		return "", err
	}
	if by.Role == RoleChair || by.Role == RoleAdmin {
		return reason, nil
	}
	if by.MemberID == 0 || u.ByID != by.MemberID {
		return "", &PermissionError{Who: by.String(), Right: RightCorrectUpdate, Rule: fmt.Sprintf("only its author (%s) or the chair may correct %s's update", CleanLine(u.By), a.Ref())}
	}
	return reason, nil
}

// Correct puts new words into u, keeping what it said first.
func (u *ActionUpdate) Correct(text, reason, by string, at time.Time) error {
	text, err := CheckText("text", "corrected words", text, true)
	if err != nil {
		return err
	}
	if text == u.Text {
		return Invalid("text", "those are the words it already says")
	}
	original := u.Text
	if u.Corrected != nil {
		original = u.Corrected.Original
	}
	u.Text = text
	u.Corrected = &Correction{Original: original, Reason: reason, At: at, By: by}
	return nil
}

// Withdraw takes u out of every output, keeping it in the record.
func (u *ActionUpdate) Withdraw(reason, by string, at time.Time) {
	u.Withdrawn = &Correction{Reason: reason, At: at, By: by}
}

// LatestNews is a's latest update worked out again from its history
// (oldest first) after an update was corrected or withdrawn: the newest
// update from the agency between meetings that says something in words
// and is not withdrawn (News, or for updates from before it was recorded,
// what TakeNews took then), its words as shown, with who and when.
func (a *Action) LatestNews(history []ActionUpdate) {
	a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy, a.LastUpdatePrivacy = "", time.Time{}, "", Privacy{}
	for i := len(history) - 1; i >= 0; i-- {
		u := history[i]
		if u.Withdrawn != nil || !wasNews(u) || (u.Kind != UpdateNote && u.Kind != UpdateStatus) {
			continue // a change (a date moved) is the latest change, not words
		}
		a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy, a.LastUpdatePrivacy = u.Describe(), u.At, u.By, u.Privacy
		return
	}
}

// wasNews: u was the agency's news when it was made (News), or, made before
// that was recorded, had the shape of news: words, outside a meeting.
func wasNews(u ActionUpdate) bool {
	if u.News {
		return true
	}
	return u.MeetingID == 0 && u.HasWords()
}

// Reaccepted is accept, an entry in a's history, after the update
// corrected (or withdrawn, why saying who, when and why) was put right;
// a is the action as it now stands, m the meeting accept was made in and
// since when the meeting before it closed. A meeting that accepted those
// words and is still open accepts them as they now stand, so its minutes
// show the corrected words marked "(corrected)" and never words withdrawn;
// when a withdrawal leaves nothing new since the last meeting to accept,
// the acceptance is withdrawn with them and the action is to be reviewed
// again. A closed meeting's record is what it was (amended only by the
// record itself), and an entry that is no acceptance of those words is
// left alone: ok says whether accept changed.
func (a Action) Reaccepted(accept, corrected ActionUpdate, m Meeting, since time.Time, why Correction) (ActionUpdate, bool) {
	if accept.Kind != UpdateAccept || accept.Withdrawn != nil || accept.MeetingID == 0 || accept.MeetingID != m.ID ||
		m.State == MeetingClosed || accept.At.Before(corrected.At) {
		return accept, false
	}
	if !a.NewsAt().After(since) {
		accept.Withdraw(why.Reason, why.By, why.At)
		return accept, true
	}
	text := a.LatestSaid(since)
	if text == accept.Text {
		return accept, false
	}
	accept.Text = text
	// Accepting private words keeps them private; what was private stays so.
	accept.Privacy = accept.Privacy.Stricter(a.LastUpdatePrivacy.Stricter(a.LastChangePrivacy))
	return accept, true
}
