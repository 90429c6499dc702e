package bolt

import (
	"errors"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// The next meeting's form saves against the next meeting it showed: a date
// fixed meanwhile by someone else refuses the save, naming them and the
// date now; a save against what is there now goes through.
func TestTheNextMeetingSavesAgainstWhatItShowed(t *testing.T) {
	s, _, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	shown := m.Next() // the form opens: nothing fixed yet
	other := model.Actor{MemberID: 2, Name: "Sgt Jas Patel", Role: model.RoleAdmin, AgencyID: 2}
	_, err = s.SetNextMeeting(other, m.ID, nil, m.Date.AddDays(8), "10:00", "Council Chamber")
	mustNoErr(t, err)
	_, err = s.SetNextMeeting(chair, m.ID, &shown, m.Date.AddDays(7), "10:00", "")
	var c *store.ConflictError
	if !errors.As(err, &c) || c.By != "Sgt Jas Patel" {
		t.Fatalf("a stale save: %v; want a conflict naming Sgt Jas Patel", err)
	}
	now, ok := c.Now.(model.NextMeeting)
	if !ok || now.Date != m.Date.AddDays(8) || now.Place != "Council Chamber" {
		t.Fatalf("the conflict says the next meeting is %+v", c.Now)
	}
	if got := model.RecordChanges(shown, c.Now); len(got) != 1 {
		t.Errorf("the refusal's words: %q", got)
	}
	got, err := s.SetNextMeeting(chair, m.ID, &now, m.Date.AddDays(7), "10:00", "")
	mustNoErr(t, err)
	if got.NextDate != m.Date.AddDays(7) {
		t.Errorf("the deliberate second save: next %s", got.NextDate)
	}
}
