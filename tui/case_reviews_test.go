package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// An ASB case review waiting for its decision is on the agenda in Part 2:
// d decides it against the threshold, w records the answer; c under new
// referrals records one received, refusing a name for the reference where
// it was typed.
func TestCaseReviewsInTheMeeting(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	if _, err := s.RecordCaseReview(chair, model.NewCaseReview{ApplicantRef: "CT-2026-014", Complaints: 4,
		Received: model.DateOf(testNow).AddDays(-4), Summary: "Noise from the flat above"}, 0); err != nil {
		t.Fatal(err)
	}
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	at := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemCaseReviews })
	if at != len(m.Agenda)-1 {
		t.Fatalf("the case reviews item is not last: %+v", m.Agenda)
	}
	if _, err := s.GoToItem(chair, m.ID, at); err != nil {
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 40)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	// The demo's two open case reviews (CR-2 decided, CR-3 received) come
	// first, by when they were received.
	ss.waitFor("ASB case reviews", "3 P2", "▸CR-2", "CR-3", "CR-4", "CT-2026-014", "waiting for decision", "Threshold: 3 complaints in 6 months.")
	ss.keys("j", "j")
	ss.waitFor("▸CR-4", "[private, para 1] 4 complaints (threshold 3 complaints in 6 months)", "Asked to review: Noise from the flat above")

	ss.keys("d")
	ss.waitFor("Decide CR-4 CT-2026-014", "PART 2 (in private)", "met: the review goes ahead")
	ss.keys("right", "ctrl+s") // "not met", with 4 complaints
	ss.waitFor("✗ CR-4 has 4 complaints, which meets the threshold of 3 complaints in 6 months: the", "review must go ahead")
	ss.keys("left", "ctrl+s")
	// CR-4's own decision, under it (the demo's CR-2 is decided too).
	ss.waitFor("✓ CR-4 decided: threshold met", "Decision: threshold met on 24 Nov 2026")

	ss.keys("w")
	ss.waitFor("Answered CR-4", "Outcome: what the applicant was told")
	ss.typeText("Joint visit; noise monitoring installed")
	ss.keys("ctrl+s")
	ss.waitFor("✓ CR-4 answered: it leaves the next agenda", "Answered: 24 Nov 2026: Joint visit; noise monitoring installed")

	// New referrals: c records one received.
	ref := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemReferrals })
	for i := at; i > ref; i-- {
		ss.keys("[")
	}
	ss.waitFor("New referrals and emerging issues", "records an ASB case review received")
	ss.keys("c")
	ss.waitFor("ASB case review received", "never their name")
	ss.typeText("Jean Smith")
	ss.keys("tab")
	ss.typeText("3")
	ss.keys("ctrl+s")
	ss.waitFor("✗ give the applicant's case reference (e.g. CT-2026-014), never their name")
	ss.keys("ctrl+u") // the refusal took the cursor to the reference
	ss.typeText("CT-2026-020")
	ss.keys("ctrl+s")
	ss.waitFor("✓ CR-5 recorded: on the agenda (Part 2) until answered")
	ss.finish()

	cs, err := s.CaseReviews(false)
	// After the demo's three: CR-4 answered here, CR-5 received here.
	if err != nil || len(cs) != 5 || cs[3].Stage() != model.ReviewAnswered || cs[4].ApplicantRef != "CT-2026-020" || cs[4].Complaints != 3 {
		t.Errorf("stored %+v (%v)", cs, err)
	}
	if strings.Contains(cs[4].ApplicantRef, "Smith") {
		t.Error("the name was kept")
	}
}
