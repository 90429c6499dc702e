package model

// The action log: what a coordinator's tracker shows of each action beyond
// the action itself, worked out from its history (the updates, oldest
// first, as the store's ActionHistory returns them). Pure functions of the
// record, so the export, and anything later, say the same thing.

// OriginalDue is the due date the action was assigned with: the date of its
// "created" update. A history that starts after the action was made (loaded
// in bulk, or from a file older than the history) falls back to the date
// its first change of due date moved from, and then to the current due
// date, which has then never moved.
func OriginalDue(a Action, history []ActionUpdate) Date {
	for _, u := range history {
		if u.Kind == UpdateCreated && !u.ToDue.IsZero() {
			return u.ToDue
		}
	}
	for _, u := range history {
		if u.Kind == UpdateDue && !u.FromDue.IsZero() {
			return u.FromDue
		}
	}
	return a.Due
}

// TimesCarriedForward is how many times the action's due date was moved
// later. Bringing a date forward is not carrying it forward, and a change
// with no date on either side (a damaged record) is not counted.
func TimesCarriedForward(history []ActionUpdate) int {
	n := 0
	for _, u := range history {
		if u.Kind == UpdateDue && !u.FromDue.IsZero() && u.ToDue.After(u.FromDue) {
			n++
		}
	}
	return n
}

// RaisedOn is the date the action was raised: the date of the meeting that
// assigned it (meetingDate, when it was assigned in one), else the day it
// was added.
func RaisedOn(a Action, meetingDate Date) Date {
	if a.CreatedMeetingID != 0 && !meetingDate.IsZero() {
		return meetingDate
	}
	if a.CreatedAt.IsZero() {
		return Date{}
	}
	return DateOf(a.CreatedAt)
}
