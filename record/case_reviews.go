package record

import (
	"context"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// ASB case reviews (model.CaseReview): recorded, decided and answered by
// the chair or an admin, each change one audited write against the
// version shown. A partnership receives a handful a year: they are read
// whole (one bucket, no index).

// RecordCaseReview records an application for an ASB case review against
// the partnership's threshold as it stands. Recorded in a meeting, it puts
// the meeting's "ASB case reviews" item (Part 2) on its agenda.
func (s *Store) RecordCaseReview(actor model.Actor, n model.NewCaseReview, meetingID model.ID) (model.CaseReview, error) {
	n, err := n.Validate(s.Today())
	if err != nil {
		return model.CaseReview{}, err
	}
	var c model.CaseReview
	err = s.write(context.TODO(), actor, declare(model.OpCaseReviewAdd), func(w *wtx) error {
		p, err := readPartnership(w.tx)
		if err != nil {
			return err
		}
		m, err := meetingFor(w.tx, meetingID)
		if err != nil {
			return err
		}
		id, err := nextID(w.tx, store.KindCaseReviews)
		if err != nil {
			return err
		}
		c = n.Recorded(id, p.Trigger(), meetingID, actor, w.now)
		if err := put(w.tx, store.KindCaseReviews, id, c); err != nil {
			return err
		}
		if err := w.audit(model.OpCaseReviewAdd, "case_review", c.Ref(), nil, c); err != nil {
			return err
		}
		if m != nil && !m.HasCaseReviewsItem() {
			before := agendaRefs(m)
			m.AddCaseReviewsItem()
			if err := w.saveMeeting(m); err != nil {
				return err
			}
			return w.audit(model.OpMeetingAgendaTakeUp, "meeting", m.Ref(), before, agendaRefs(m))
		}
		return nil
	})
	return c, err
}

// changeCaseReview is the shape of every change to a case review (its
// permission asked before it runs, as op's): load, version, the clock,
// change, save, audit.
func (s *Store) changeCaseReview(actor model.Actor, id model.ID, version int, op model.Op, change func(c *model.CaseReview) error) (model.CaseReview, error) {
	var out model.CaseReview
	err := s.write(context.TODO(), actor, declare(op), func(w *wtx) error {
		var c model.CaseReview
		if err := get(w.tx, store.KindCaseReviews, id, &c); err != nil {
			return notFound(err, model.CaseReviewRef(id))
		}
		if err := checkVersion(c.Ref(), version, c.Version, c.UpdatedBy, c.UpdatedAt, c); err != nil {
			return err
		}
		if err := w.stamp(c.Ref(), c.LastChanged()); err != nil {
			return err
		}
		before := c
		if err := change(&c); err != nil {
			return err
		}
		c.UpdatedAt, c.UpdatedBy = w.now, actor.String()
		c.Version++
		out = c
		if err := put(w.tx, store.KindCaseReviews, c.ID, c); err != nil {
			return err
		}
		return w.audit(op, "case_review", c.Ref(), before, c)
	})
	return out, err
}

// DecideCaseReview records whether the application met the threshold
// (model.CaseReview.Decide), on day on.
func (s *Store) DecideCaseReview(actor model.Actor, id model.ID, version int, on model.Date, met bool, reason string) (model.CaseReview, error) {
	return s.changeCaseReview(actor, id, version, model.OpCaseReviewDecide, func(c *model.CaseReview) error { return c.Decide(on, met, reason) })
}

// AnswerCaseReview records that the applicant was told the outcome
// (model.CaseReview.Answer), on day on: it leaves the agenda after.
func (s *Store) AnswerCaseReview(actor model.Actor, id model.ID, version int, on model.Date, outcome string) (model.CaseReview, error) {
	return s.changeCaseReview(actor, id, version, model.OpCaseReviewAnswer, func(c *model.CaseReview) error { return c.Answer(on, outcome) })
}

// CaseReview is one case review.
func (s *Store) CaseReview(id model.ID) (model.CaseReview, error) {
	var c model.CaseReview
	err := s.view(context.TODO(), func(tx *txn) error {
		return notFound(get(tx, store.KindCaseReviews, id, &c), model.CaseReviewRef(id))
	})
	return c, err
}

// CaseReviews are the case reviews, oldest received first: every one, or
// only those not yet answered (open).
func (s *Store) CaseReviews(open bool) ([]model.CaseReview, error) {
	var out []model.CaseReview
	err := s.view(context.TODO(), func(tx *txn) error {
		var err error
		out, err = caseReviewsIn(tx, func(c model.CaseReview) bool { return !open || c.Open() })
		return err
	})
	return out, err
}

// caseReviewsIn reads the case reviews keep lets through, in tx.
func caseReviewsIn(tx *txn, keep func(model.CaseReview) bool) ([]model.CaseReview, error) {
	cs, err := all[model.CaseReview](tx, store.KindCaseReviews)
	if err != nil {
		return nil, err
	}
	out := cs[:0]
	for _, c := range cs {
		if keep(c) {
			out = append(out, c)
		}
	}
	model.SortCaseReviews(out)
	return out, nil
}

// openCaseReviews is how many case reviews wait for a decision or answer:
// a new agenda holds their item while any do.
func openCaseReviews(tx *txn) (int, error) {
	cs, err := caseReviewsIn(tx, model.CaseReview.Open)
	return len(cs), err
}

// caseReviewsOfDay are the case reviews a meeting held on day holds.
func caseReviewsOfDay(tx *txn, day model.Date) ([]model.CaseReview, error) {
	return caseReviewsIn(tx, func(c model.CaseReview) bool { return c.OnRecordOf(day) })
}

// cmpDate is d, or or when d is zero.
func cmpDate(d, or model.Date) model.Date {
	if d.IsZero() {
		return or
	}
	return d
}
