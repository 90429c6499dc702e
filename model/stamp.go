package model

import (
	"fmt"
	"time"
)

// Time cannot run backwards in the record: a change is never stamped
// before the last change of the record it changes, and a meeting never
// closes before it started. A store asks CheckStamp for every record it
// changes, inside its write transaction, before it changes it.

// ClockSkew is how far behind a record's last change a clock may read and
// the change still go ahead, stamped at that last change rather than
// before it. Separate processes writing one file do not read one clock to
// the second (each pinned TASKING_NOW clock starts afresh; a computer's
// clock is nudged by network time), and refusing on a few seconds would
// turn that into failed writes. Further behind than this, the clock is
// wrong and nothing is saved.
const ClockSkew = 5 * time.Minute

// ClockError is a change refused because the clock reads earlier than a
// time the record already holds: both times named, and what to do.
type ClockError struct {
	Ref  string    // "A-12", "M-3", a member's or an agency's name
	Was  string    // what happened at At: "was last changed", "started"
	At   time.Time // the record's time
	Then string    // what the change would do at Now: "this change would be stamped"
	Now  time.Time // the clock's time
}

// Error names both times as the clock's zone reads them (a record kept
// in another zone is read in this one).
func (e *ClockError) Error() string {
	at := e.At.In(e.Now.Location())
	return fmt.Sprintf("%s %s at %s; %s %s — the computer's clock (or TASKING_NOW) is behind: nothing was saved",
		e.Ref, e.Was, clockTime(at, e.Now, true), e.Then, clockTime(e.Now, at, false))
}

// clockTime is t for a person: "10:42 on 24 Nov" (withDay), or "10:30"
// when it falls on the same day as other; the year is given when it is
// not other's.
func clockTime(t, other time.Time, withDay bool) string {
	switch {
	case t.Year() != other.Year():
		return t.Format("15:04 on 2 Jan 2006")
	case withDay || DateOf(t) != DateOf(other):
		return t.Format("15:04 on 2 Jan")
	}
	return t.Format("15:04")
}

// CheckStamp is the time a change to the record ref, last changed at last,
// is stamped when the clock reads now: now, or last when the clock is
// behind it by no more than ClockSkew. Further behind, the change is
// refused with a *ClockError. A record with no time (zero) takes now.
func CheckStamp(ref string, last, now time.Time) (time.Time, error) {
	if !now.Before(last) {
		return now, nil
	}
	if last.Sub(now) > ClockSkew {
		return time.Time{}, &ClockError{Ref: ref, Was: "was last changed", At: last, Then: "this change would be stamped", Now: now}
	}
	return last.In(now.Location()), nil
}

// Latest is the latest of ts (zero when there are none).
func Latest(ts ...time.Time) time.Time {
	var out time.Time
	for _, t := range ts {
		if t.After(out) {
			out = t
		}
	}
	return out
}

// The last change of each kind of record: the time CheckStamp holds a
// change to it to.

func (a Action) LastChanged() time.Time {
	return Latest(a.CreatedAt, a.UpdatedAt, a.LastUpdateAt, a.LastChangeAt, a.CompletedAt)
}
func (h Hotspot) LastChanged() time.Time { return Latest(h.CreatedAt, h.UpdatedAt) }
func (m Meeting) LastChanged() time.Time {
	return Latest(m.CreatedAt, m.UpdatedAt, m.OpenedAt, m.ClosedAt, m.ItemStartedAt, m.ConfidentialityReadAt)
}
func (d Decision) LastChanged() time.Time { return Latest(d.At, d.UpdatedAt) }
func (n Note) LastChanged() time.Time     { return Latest(n.At, n.UpdatedAt) }
func (m Member) LastChanged() time.Time   { return m.UpdatedAt }
func (a Agency) LastChanged() time.Time   { return a.UpdatedAt }
