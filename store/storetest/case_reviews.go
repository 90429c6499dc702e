package storetest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// ASB case reviews: recorded by the chair against the partnership's
// threshold, private from the start, decided and answered against the
// version shown, each change audited; on every new agenda (Part 2) until
// answered, and on the agenda of the meeting that records one; read by
// nobody who reads the public record only; undone in a meeting.
func testCaseReviews(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	today := model.DateOf(clock.t)
	n := model.NewCaseReview{ApplicantRef: "CT-2026-014", Complaints: 4, Received: today.AddDays(-3), Summary: "Noise from the flat above, reported since June"}
	if _, err := s.RecordCaseReview(sgt, n, 0); err == nil || !strings.Contains(err.Error(), "may not record ASB case reviews") {
		t.Errorf("a member recorded a case review: %v", err)
	}
	var fe *model.FieldError
	if _, err := s.RecordCaseReview(chair, model.NewCaseReview{ApplicantRef: "Jean Smith", Complaints: 3, Received: today}, 0); !errors.As(err, &fe) || fe.Field != "applicant" {
		t.Errorf("a name for the reference: %v", err)
	}
	c, err := s.RecordCaseReview(chair, n, 0)
	mustNoErr(t, err)
	if c.Ref() != "CR-1" || !c.Private || c.Threshold != model.DefaultTrigger || c.Version != 1 || c.Stage() != model.ReviewReceived {
		t.Fatalf("recorded %+v", c)
	}
	if ev, _ := s.AuditEvents(1); len(ev) != 1 || ev[0].Op != model.OpCaseReviewAdd || ev[0].Ref != "CR-1" {
		t.Errorf("audit %+v", ev)
	}

	// A public-only reader reads none of it.
	pub := store.ReadAs(s, viewer)
	var pe *model.PrivateError
	if _, err := pub.CaseReview(c.ID); !errors.As(err, &pe) {
		t.Errorf("a viewer read %s: %v", c.Ref(), err)
	}
	if cs, err := pub.CaseReviews(false); !errors.As(err, &pe) || len(cs) != 0 || err.Error() != "ASB case reviews are private business: Val Viewer (viewer) reads the public record only" {
		t.Errorf("a viewer listed %+v (%v)", cs, err)
	}

	// On the next agenda, Part 2, until answered.
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	last := m.Agenda[len(m.Agenda)-1]
	if last.Kind != model.ItemCaseReviews || !last.Part2 {
		t.Fatalf("the agenda does not end with the case reviews: %+v", m.Agenda)
	}
	rec, err := s.MeetingRecord(m.ID)
	mustNoErr(t, err)
	if len(rec.CaseReviews) != 1 || rec.CaseReviews[0].ApplicantRef != n.ApplicantRef {
		t.Errorf("the meeting's record holds %+v", rec.CaseReviews)
	}
	if prec, err := pub.MeetingRecord(m.ID); err != nil || len(prec.CaseReviews) != 0 {
		t.Errorf("a viewer's record of the meeting holds %+v (%v)", prec.CaseReviews, err)
	}

	// Decided and answered against the version shown.
	clock.t = clock.t.Add(time.Minute)
	if _, err := s.DecideCaseReview(chair, c.ID, c.Version, today, false, ""); err == nil || !strings.Contains(err.Error(), "the review must go ahead") {
		t.Errorf("decided not met with 4 complaints: %v", err)
	}
	d, err := s.DecideCaseReview(chair, c.ID, c.Version, today, true, "")
	mustNoErr(t, err)
	if d.Version != 2 || d.Decision() != "threshold met" {
		t.Errorf("decided %+v", d)
	}
	var conflict *store.ConflictError
	if _, err := s.AnswerCaseReview(chair, c.ID, c.Version, today, "Stale"); !errors.As(err, &conflict) {
		t.Errorf("answered against the version before the decision: %v", err)
	}
	clock.t = clock.t.Add(time.Minute)
	a, err := s.AnswerCaseReview(chair, c.ID, d.Version, today, "Joint visit by housing and police; noise monitoring installed")
	mustNoErr(t, err)
	if a.Open() || a.Version != 3 {
		t.Errorf("answered %+v", a)
	}
	if open, err := s.CaseReviews(true); err != nil || len(open) != 0 {
		t.Errorf("open after the answer: %+v (%v)", open, err)
	}
	if rec, err := s.MeetingRecord(m.ID); err != nil || len(rec.CaseReviews) != 1 {
		t.Errorf("the meeting that answered it no longer holds it: %+v (%v)", rec.CaseReviews, err)
	}
	clock.t = clock.t.Add(time.Minute)
	said, err := s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if !strings.Contains(said, "CR-1 back as it was") {
		t.Errorf("undo said %q", said)
	}
	if back, _ := s.CaseReview(c.ID); !back.Open() || back.Stage() != model.ReviewDecided {
		t.Errorf("after undo: %+v", back)
	}

	// Recorded in a meeting whose agenda has no case reviews item, it
	// puts the item on it.
	s2, _, _ := openTiny(t, open)
	m2, err := s2.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	if m2.HasCaseReviewsItem() {
		t.Fatalf("no case review open, yet the agenda has their item: %+v", m2.Agenda)
	}
	_, err = s2.RecordCaseReview(chair, n, m2.ID)
	mustNoErr(t, err)
	m2, err = s2.Meeting(m2.ID)
	mustNoErr(t, err)
	if !m2.HasCaseReviewsItem() || m2.Agenda[len(m2.Agenda)-1].Kind != model.ItemCaseReviews {
		t.Errorf("recorded in the meeting, yet its agenda is %+v", m2.Agenda)
	}
}
