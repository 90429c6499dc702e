package demo

import (
	"github.com/ccsp/tasking/model"
)

// The demo's ASB case reviews (the community trigger), one at each stage
// of the flow, so a new user finds them in Part 2 of the meetings: one
// received and answered over the last month's meetings, one received at
// the meeting before last and decided at the last (its answer due), and
// one received since the last meeting, below the threshold, to be decided
// at the meeting planned. Each is private business from the start, and
// recorded by the applicant's reference, never a name.
type demoCaseReview struct {
	ref        string
	complaints int
	summary    string
	// received, decided and answered count meetings back from the last
	// held (0: the last; -1: never); received between meetings is
	// receivedDaysAfter days after that meeting.
	received, decided, answered int
	receivedDaysAfter           int
	reason, outcome             string
}

var demoCaseReviews = []demoCaseReview{
	{ref: "CT-2026-031", complaints: 4, summary: "Noise and intimidation from the flat above, reported to housing and police since the summer; the applicant feels nothing was done.",
		received: 4, receivedDaysAfter: 3, decided: 3, answered: 1,
		outcome: "Review held: housing to take tenancy enforcement, police to add the address to patrol plans; the applicant was written to with the findings and a named contact."},
	{ref: "CT-2026-038", complaints: 3, summary: "Repeated damage to the applicant's car and garden by a group of youths; the applicant asks why the reports were closed.",
		received: 1, receivedDaysAfter: -1, decided: 0, answered: -1},
	{ref: "CT-2026-041", complaints: 2, summary: "Drug dealing from a neighbouring house; two reports to the police in five months.",
		received: 0, receivedDaysAfter: 3, decided: -1, answered: -1},
}

// addCaseReviews records the demo's case reviews over the meetings held
// (past, oldest first), putting the ASB case reviews item on the agenda
// of each meeting that had one before it.
func (g *gen) addCaseReviews(past []model.Date) {
	chair := g.memberBy[chairName].Name
	meetingBack := func(back int) (model.Date, model.ID) {
		i := len(past) - 1 - back
		return past[i], model.ID(i + 1)
	}
	for k, dc := range demoCaseReviews {
		c := model.CaseReview{ID: model.ID(k + 1), ApplicantRef: dc.ref, Complaints: dc.complaints,
			Threshold: g.d.Partnership.Trigger(), Summary: dc.summary, Privacy: model.PrivateUnder(model.ParaIndividual),
			UpdatedBy: chair, Version: 1}
		day, meeting := meetingBack(dc.received)
		at := g.at(day, 10, 50)
		if dc.receivedDaysAfter >= 0 {
			day, meeting, at = day.AddDays(dc.receivedDaysAfter), 0, g.at(day.AddDays(dc.receivedDaysAfter), 14, 0)
		}
		c.Received, c.MeetingID, c.CreatedAt, c.UpdatedAt = day, meeting, at, at
		if dc.decided >= 0 {
			day, _ := meetingBack(dc.decided)
			c.Decided, c.Met, c.DecisionReason = day, dc.complaints >= c.Threshold.Complaints, dc.reason
			c.UpdatedAt, c.Version = g.at(day, 10, 52), c.Version+1
		}
		if dc.answered >= 0 {
			day, _ := meetingBack(dc.answered)
			c.Answered, c.Outcome = day, dc.outcome
			c.UpdatedAt, c.Version = g.at(day, 10, 54), c.Version+1
		}
		g.d.CaseReviews = append(g.d.CaseReviews, c)
	}
	for i := range g.d.Meetings {
		m := &g.d.Meetings[i]
		if m.State != model.MeetingClosed {
			continue
		}
		for _, c := range g.d.CaseReviews {
			if c.OnRecordOf(m.Date) {
				m.AddCaseReviewsItem()
				break
			}
		}
	}
}
