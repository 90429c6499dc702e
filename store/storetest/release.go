package storetest

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// A release is minuted in Part 2: made at a meeting, as that meeting's
// resolution in its releases' minute; made between meetings, at once, and
// minuted by the next meeting when it starts. Only the chair or an admin,
// with a reason; never a record about a hotspot private now (it would
// publish nothing); never undone; and its minute counts in the numbering.
func testReleasesAreMinutedInPart2(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	due := model.DateOf(clock.t).AddDays(14)
	secret := func(text string) model.Action {
		t.Helper()
		a, err := s.AssignAction(chair, model.NewAction{Text: text, AgencyID: 2, Due: due, Confidential: true})
		mustNoErr(t, err)
		if !a.Private {
			t.Fatalf("%s is not private", a.Ref())
		}
		return a
	}
	between := secret("Check on the family at number 4")
	var perm *model.PermissionError
	if _, err := s.Release(sgt, between.Ref(), "they agreed"); !errors.As(err, &perm) {
		t.Fatalf("a member released: %v", err)
	}
	if _, err := s.Release(chair, between.Ref(), " "); err == nil {
		t.Fatal("released without a reason")
	}
	d1, err := s.Release(chair, between.Ref(), "The family agreed")
	mustNoErr(t, err)
	if d1.MeetingID != 0 || d1.Item != model.ItemRelease || !d1.Private || !strings.Contains(d1.Text, "since the last meeting, "+chair.Name+" (chair) released "+between.Ref()) {
		t.Fatalf("a release between meetings: %+v", d1)
	}
	if a, _ := s.Action(between.ID); a.Private || a.ReleasedBy != d1.ID {
		t.Fatalf("the action after its release: %+v", a.Privacy)
	}
	if _, err := s.Release(chair, between.Ref(), "again"); err == nil || !strings.Contains(err.Error(), "not private business") {
		t.Fatalf("released twice: %v", err)
	}

	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	if !slices.Equal(m.Releases, []model.ID{d1.ID}) {
		t.Fatalf("the meeting minutes releases %v, want the one made since the last (%s)", m.Releases, d1.Ref())
	}
	rec, err := s.MeetingRecord(m.ID)
	mustNoErr(t, err)
	if got := rec.DecisionsIn(model.ItemRelease, 0); len(got) != 1 || got[0].ID != d1.ID || got[0].MeetingID != m.ID {
		t.Fatalf("the meeting's releases' minute holds %+v", got)
	}

	// At the meeting: its own resolution, in the same minute.
	at := secret("Refer the neighbour to mediation")
	d2, err := s.Release(chair, at.Ref(), "The court case has concluded")
	mustNoErr(t, err)
	if d2.MeetingID != m.ID || d2.Item != model.ItemRelease || !strings.HasPrefix(d2.Text, "that "+at.Ref()+", exempt under paragraph 1") {
		t.Fatalf("a release at the meeting: %+v", d2)
	}
	m, _ = s.Meeting(m.ID)
	if !slices.Equal(m.Releases, []model.ID{d1.ID, d2.ID}) {
		t.Fatalf("releases %v", m.Releases)
	}
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "cannot be undone") {
		t.Fatalf("a release undone: %v", err)
	}
	if _, err := s.Release(chair, d2.Ref(), "the release itself"); err == nil || !strings.Contains(err.Error(), "records a release") {
		t.Fatalf("a release's own resolution released: %v", err)
	}

	// A record about a hotspot taken in private stays withheld where it
	// sits: releasing it would publish nothing.
	i := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot && it.HotspotID == 1 })
	if i < 0 {
		t.Fatalf("HS-1 is not on the agenda: %+v", m.Agenda)
	}
	_, err = s.SetItemPart2(chair, m.ID, i, true, model.ParaCrime)
	mustNoErr(t, err)
	onPart2, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Disrupt the dealing", AgencyID: 2, Due: due, MeetingID: m.ID})
	mustNoErr(t, err)
	if _, err := s.Release(chair, onPart2.Ref(), "it is over"); err == nil || !strings.Contains(err.Error(), "back into Part 1 first") {
		t.Fatalf("released a record on a hotspot in Part 2: %v", err)
	}

	_, err = s.SetNextMeeting(chair, m.ID, nil, m.Date.AddDays(7), "", "")
	mustNoErr(t, err)
	closed, err := s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	clock.t = clock.t.AddDate(0, 0, 7)
	next, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	if len(next.Releases) != 0 {
		t.Fatalf("the next meeting took the last one's releases: %v", next.Releases)
	}
	withRelease := len(model.MinuteOrder(closed.Agenda, true))
	if closed.MinuteCount() != withRelease {
		t.Fatalf("the closed meeting counts %d minutes, want %d with its releases' minute", closed.MinuteCount(), withRelease)
	}
	rec2, err := s.MeetingRecord(next.ID)
	mustNoErr(t, err)
	if rec2.FirstMinute != 1+withRelease {
		t.Fatalf("the next meeting's first minute is %d, want %d", rec2.FirstMinute, 1+withRelease)
	}
}
