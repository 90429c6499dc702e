package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A local threshold is no higher than the Act's 3 complaints in 6 months:
// fewer complaints, or a longer window, never more or shorter; each limit
// crossed.
func TestTriggerThreshold(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want TriggerThreshold
		bad  string
	}{
		{in: "3/6", want: TriggerThreshold{3, 6}},
		{in: "2 in 12", want: TriggerThreshold{2, 12}},
		{in: "1 complaint in 24 months", want: TriggerThreshold{1, MaxTriggerMonths}},
		{in: "default", want: DefaultTrigger},
		{in: "4/6", bad: "1 to 3 complaints"},
		{in: "0/6", bad: "1 to 3 complaints"},
		{in: "3/5", bad: "6 to 24 months"},
		{in: "3/25", bad: "6 to 24 months"},
		{in: "three in six", bad: "complaints/months"},
		{in: "3", bad: "complaints/months"},
		{in: "3/6/9", bad: "complaints/months"},
	} {
		got, err := ParseTrigger(tt.in)
		switch {
		case tt.bad != "":
			var fe *FieldError
			if err == nil || !errors.As(err, &fe) || fe.Field != "trigger" || !strings.Contains(err.Error(), tt.bad) {
				t.Errorf("%q: %v, want a trigger error saying %q", tt.in, err, tt.bad)
			}
		case err != nil || got != tt.want:
			t.Errorf("%q: %+v %v, want %+v", tt.in, got, err, tt.want)
		}
	}
	if s := (TriggerThreshold{}).String(); s != "3 complaints in 6 months" {
		t.Errorf("the unset threshold reads %q", s)
	}
	if s := (TriggerThreshold{1, 12}).String(); s != "1 complaint in 12 months" {
		t.Errorf("1/12 reads %q", s)
	}
	if p := (Partnership{}); p.Trigger() != DefaultTrigger {
		t.Errorf("a partnership with no threshold set has %+v", p.Trigger())
	}
	if _, err := (Partnership{Name: "P", TriggerThreshold: TriggerThreshold{5, 6}}).Clean(); err == nil {
		t.Error("a partnership's threshold above the Act's is accepted")
	}
	if p := (Partnership{TriggerThreshold: TriggerThreshold{2, 6}}).Edit(Partnership{}); p.TriggerThreshold != (TriggerThreshold{2, 6}) {
		t.Errorf("editing other details lost the threshold: %+v", p.TriggerThreshold)
	}
}

// What is typed for a new case review is refused where it is wrong, field
// by field: above all a name where the reference should be.
func TestNewCaseReviewValidate(t *testing.T) {
	today := MustDate("2026-11-24")
	ok := NewCaseReview{ApplicantRef: "CT-2026-014", Complaints: 3, Received: MustDate("2026-11-20"), Summary: "Noise"}
	for _, tt := range []struct {
		name  string
		edit  func(n *NewCaseReview)
		field string
		says  string
	}{
		{"as given", func(*NewCaseReview) {}, "", ""},
		{"no reference", func(n *NewCaseReview) { n.ApplicantRef = " " }, "applicant", "is empty"},
		{"a name for a reference", func(n *NewCaseReview) { n.ApplicantRef = "Mrs Jean Smith" }, "applicant", "never their name"},
		{"a reference that reads as an action's", func(n *NewCaseReview) { n.ApplicantRef = "a-2026" }, "applicant", "tasking's own refs"},
		{"a reference that reads as a case review's", func(n *NewCaseReview) { n.ApplicantRef = "CR-14" }, "applicant", "tasking's own refs"},
		{"a reference at the limit", func(n *NewCaseReview) { n.ApplicantRef = "CT-" + strings.Repeat("9", MaxApplicantRef-3) }, "", ""},
		{"a reference over it", func(n *NewCaseReview) { n.ApplicantRef = "CT-" + strings.Repeat("9", MaxApplicantRef-2) }, "applicant", "the most is 40"},
		{"no complaints", func(n *NewCaseReview) { n.Complaints = 0 }, "", ""},
		{"negative complaints", func(n *NewCaseReview) { n.Complaints = -1 }, "complaints", "0 to 999"},
		{"complaints over the bound", func(n *NewCaseReview) { n.Complaints = MaxTriggerComplaints + 1 }, "complaints", "0 to 999"},
		{"no date", func(n *NewCaseReview) { n.Received = Date{} }, "received", "when was"},
		{"received today", func(n *NewCaseReview) { n.Received = today }, "", ""},
		{"received tomorrow", func(n *NewCaseReview) { n.Received = today.AddDays(1) }, "received", "after today"},
	} {
		n := ok
		tt.edit(&n)
		_, err := n.Validate(today)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: refused: %v", tt.name, err)
			}
			continue
		}
		var fe *FieldError
		if err == nil || !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("%s: %v, want %s: …%s…", tt.name, err, tt.field, tt.says)
		}
	}
}

// A case review is private under paragraph 1 from the moment it is
// recorded, against the partnership's threshold as it then stood.
func TestCaseReviewRecordedPrivate(t *testing.T) {
	n := NewCaseReview{ApplicantRef: "CT-1", Complaints: 2, Received: MustDate("2026-11-20")}
	c := n.Recorded(4, TriggerThreshold{}, 0, Actor{Name: "Helen Marsh"}, time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	if !c.Private || c.Paragraph != ParaIndividual || c.Mark() != "[private, para 1]" {
		t.Errorf("a case review's privacy: %+v", c.Privacy)
	}
	if c.Threshold != DefaultTrigger || c.Ref() != "CR-4" || c.Stage() != ReviewReceived || !c.Open() {
		t.Errorf("recorded: %+v", c)
	}
}

// The decision and the answer: in order, once each, never before what
// they follow; the threshold met means the review goes ahead; one taken
// up below it says why.
func TestCaseReviewDecideAndAnswer(t *testing.T) {
	received := MustDate("2026-11-02")
	base := CaseReview{ID: 2, ApplicantRef: "CT-2", Complaints: 3, Threshold: DefaultTrigger, Received: received}
	below := base
	below.Complaints = 2
	local := base // a partnership's lower threshold: 2 in 12 months
	local.Complaints, local.Threshold = 2, TriggerThreshold{2, 12}
	for _, tt := range []struct {
		name   string
		c      CaseReview
		on     Date
		met    bool
		reason string
		field  string
		says   string
	}{
		{"met, at the threshold", base, received.AddDays(7), true, "", "", ""},
		{"not met, at the threshold", base, received.AddDays(7), false, "", "met", "the review must go ahead"},
		{"not met, below it", below, received.AddDays(7), false, "Two complaints", "", ""},
		{"met below it, with no reason", below, received.AddDays(7), true, "", "reason", "say why"},
		{"met below it, with a reason", below, received.AddDays(7), true, "Hate-motivated: the partnership's own criterion", "", ""},
		{"met at a lower local threshold", local, received.AddDays(7), true, "", "", ""},
		{"decided the day received", base, received, true, "", "", ""},
		{"decided before received", base, received.AddDays(-1), true, "", "on", "before the application was received"},
	} {
		c := tt.c
		err := c.Decide(tt.on, tt.met, tt.reason)
		if tt.field == "" {
			if err != nil || c.Decided != tt.on || c.Met != tt.met || c.Stage() != ReviewDecided {
				t.Errorf("%s: %v %+v", tt.name, err, c)
			}
			continue
		}
		var fe *FieldError
		if err == nil || !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(err.Error(), tt.says) || !c.Decided.IsZero() {
			t.Errorf("%s: %v, want %s: …%s…", tt.name, err, tt.field, tt.says)
		}
	}

	c := base
	if err := c.Answer(received.AddDays(10), "Reviewed"); err == nil || !strings.Contains(err.Error(), "decide whether it meets the threshold first") {
		t.Errorf("answered before it was decided: %v", err)
	}
	decided := received.AddDays(7)
	if err := c.Decide(decided, true, ""); err != nil {
		t.Fatal(err)
	}
	if err := c.Decide(decided, true, ""); err == nil || !strings.Contains(err.Error(), "was decided on 9 Nov 2026 (threshold met)") {
		t.Errorf("decided twice: %v", err)
	}
	if err := c.Answer(decided.AddDays(-1), "Reviewed"); err == nil || !strings.Contains(err.Error(), "before the decision") {
		t.Errorf("answered before the decision: %v", err)
	}
	if err := c.Answer(decided.AddDays(14), " "); err == nil || !strings.Contains(err.Error(), "outcome is empty") {
		t.Errorf("answered with no outcome: %v", err)
	}
	if err := c.Answer(decided.AddDays(14), "Recommendations: a joint visit"); err != nil || c.Stage() != ReviewAnswered || c.Open() {
		t.Errorf("answered: %v %+v", err, c)
	}
	if err := c.Answer(decided.AddDays(15), "Again"); err == nil || !strings.Contains(err.Error(), "was answered on 23 Nov 2026") {
		t.Errorf("answered twice: %v", err)
	}
	if got := c.Line(); got != "CR-2 CT-2 · 3 complaints (threshold 3 complaints in 6 months) · received 2 Nov 2026 · threshold met 9 Nov 2026 · answered 23 Nov 2026" {
		t.Errorf("its line: %q", got)
	}
}

// On the agenda until answered: a meeting holds the case reviews received
// by its day and not answered before it; the agenda gains its Part 2 item
// while any is open, once.
func TestCaseReviewsOnTheAgenda(t *testing.T) {
	day := MustDate("2026-11-24")
	c := CaseReview{Received: MustDate("2026-11-02")}
	for _, tt := range []struct {
		name     string
		received string
		answered string
		want     bool
	}{
		{"open", "2026-11-02", "", true},
		{"received that day", "2026-11-24", "", true},
		{"received after", "2026-11-25", "", false},
		{"answered that day", "2026-11-02", "2026-11-24", true},
		{"answered the day before", "2026-11-02", "2026-11-23", false},
		{"answered after it", "2026-11-02", "2026-12-01", true},
	} {
		c.Received = MustDate(tt.received)
		c.Answered = Date{}
		if tt.answered != "" {
			c.Answered = MustDate(tt.answered)
		}
		if got := c.OnRecordOf(day); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}

	agenda := BuildAgenda(nil, nil, nil)
	if got := WithCaseReviews(agenda, 0); len(got) != len(agenda) {
		t.Errorf("none open, yet the agenda gained an item: %v", got)
	}
	with := WithCaseReviews(agenda, 2)
	last := with[len(with)-1]
	if len(with) != len(agenda)+1 || last.Kind != ItemCaseReviews || !last.Part2 || last.Paragraph != ParaIndividual {
		t.Fatalf("two open: %+v", with)
	}
	if again := WithCaseReviews(with, 2); len(again) != len(with) {
		t.Error("the item was added twice")
	}
	m := Meeting{Agenda: agenda, Current: 2}
	i := m.AddCaseReviewsItem()
	if i != len(agenda) || m.AddCaseReviewsItem() != i || m.Current != 2 {
		t.Errorf("added at %d, current %d: %+v", i, m.Current, m.Agenda)
	}
	if err := m.SetPart2(i, false, 0); err == nil || !strings.Contains(err.Error(), "always Part 2") {
		t.Errorf("the case reviews item taken into Part 1: %v", err)
	}
	if PrivacyOf(Made{Meeting: &m, Item: ItemCaseReviews}) != PrivateUnder(ParaIndividual) {
		t.Error("a note under the case reviews item is not private")
	}
	if ItemCaseReviews.StandingTitle() != "ASB case reviews" {
		t.Error(ItemCaseReviews.StandingTitle())
	}
}

// A case review as it stood on a day: what was decided or answered later
// is not yet, what was done that day is.
func TestCaseReviewAsOf(t *testing.T) {
	c := CaseReview{ID: 1, ApplicantRef: "CT-2026-031", Complaints: 4, Received: NewDate(2026, 10, 10),
		Decided: NewDate(2026, 10, 20), Met: true, DecisionReason: "why", Answered: NewDate(2026, 11, 10), Outcome: "told"}
	tests := []struct {
		day  Date
		want CaseReviewStage
	}{
		{NewDate(2026, 10, 13), ReviewReceived},
		{NewDate(2026, 10, 20), ReviewDecided},
		{NewDate(2026, 11, 3), ReviewDecided},
		{NewDate(2026, 11, 10), ReviewAnswered},
		{NewDate(2026, 11, 24), ReviewAnswered},
	}
	for _, tt := range tests {
		got := c.AsOf(tt.day)
		if got.Stage() != tt.want {
			t.Errorf("%s: %s, want %s", tt.day, got.Stage(), tt.want)
		}
		if got.Stage() == ReviewReceived && (got.Met || got.DecisionReason != "" || got.Outcome != "") {
			t.Errorf("%s: the decision or answer is kept: %+v", tt.day, got)
		}
		if got.Stage() == ReviewDecided && (!got.Met || got.DecisionReason != "why" || got.Outcome != "") {
			t.Errorf("%s: decided, yet %+v", tt.day, got)
		}
	}
}

// A closed meeting's record, rebuilt as at its close, holds its case
// reviews as they stood then.
func TestRewindTakesCaseReviewsBack(t *testing.T) {
	c := CaseReview{ID: 1, Received: NewDate(2026, 10, 10), Decided: NewDate(2026, 10, 20), Met: true, Answered: NewDate(2026, 11, 10), Outcome: "told"}
	rec := Rewind(MeetingRecord{CaseReviews: []CaseReview{c}}, NewDate(2026, 11, 3).Time(time.UTC).Add(11*time.Hour), History{})
	if len(rec.CaseReviews) != 1 || rec.CaseReviews[0].Stage() != ReviewDecided {
		t.Errorf("rewound to 3 Nov: %+v", rec.CaseReviews)
	}
}
