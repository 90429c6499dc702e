package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// The machine output of case-review list is a documented interface.
var caseReviewFields = []string{"ref", "applicant_ref", "complaints", "threshold", "received", "summary", "stage", "decided",
	"decision", "decision_reason", "answered", "outcome", "private"}

// ASB case reviews from the command line: recorded by the applicant's
// reference against the partnership's threshold, decided and answered in
// order, listed while open; on the next meeting's agenda in Part 2 until
// answered; refused to a viewer and to a member who would record one.
func TestCaseReviewsFromTheCommandLine(t *testing.T) {
	t.Parallel()
	if got := fieldNames[caseReviewRow](); !slices.Equal(got, caseReviewFields) {
		t.Fatalf("case review fields %v, documented %v", got, caseReviewFields)
	}
	db := demoDB(t)
	as := func(who string, args ...string) result {
		return run(t, nil, append([]string{"--db", db, "--as", who}, args...)...)
	}
	ok := func(who string, args ...string) string {
		t.Helper()
		r := as(who, args...)
		if r.code != 0 {
			t.Fatalf("tasking %v: exit %d: %s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	// Tuesday 24 November 2026, 10:00. A lower local threshold first.
	failsWith(t, as("Helen Marsh", "partnership", "set", "--case-review-threshold", "4/6"), 2, "1 to 3 complaints")
	ok("Helen Marsh", "partnership", "set", "--case-review-threshold", "2/6")
	if out := ok("Helen Marsh", "partnership", "show"); !strings.Contains(out, "ASB case review threshold: 2 complaints in 6 months") {
		t.Errorf("partnership show:\n%s", out)
	}
	if out := ok("Helen Marsh", "case-review", "add", "--applicant", "CT-2026-014", "--complaints", "2", "--received", "2026-11-20",
		"--summary", "Noise from the flat above"); out != "CR-4 recorded: 2 complaints (threshold 2 complaints in 6 months), which meets it; private business, on the agenda (Part 2) until answered\n" {
		t.Errorf("case-review add said %q", out)
	}
	failsWith(t, as("Helen Marsh", "case-review", "add", "--applicant", "Jean Smith", "--complaints", "3", "--received", "today"), 1, "never their name")
	failsWith(t, as("Helen Marsh", "case-review", "add", "--applicant", "CT-1", "--complaints", "3"), 2, "add needs --received")
	failsWith(t, as("Helen Marsh", "case-review", "add", "--applicant", "CT-1", "--complaints", "3", "--received", "someday"), 2, "someday")
	failsWith(t, as("Helen Marsh", "case-review", "add", "--applicant", "CT-1", "--complaints", "3", "--received", "tomorrow"), 1, "after today")
	failsWith(t, as("Sgt Jas Patel", "case-review", "add", "--applicant", "CT-1", "--complaints", "3", "--received", "today"), 1,
		"Sgt Jas Patel may not record ASB case reviews: only the chair or an admin may do this")
	ok("Helen Marsh", "case-review", "add", "--applicant", "CT-2026-015", "--complaints", "1", "--received", "2026-11-21")

	list := ok("Sgt Jas Patel", "case-review", "list") // members read the restricted record
	for _, want := range []string{"CR-4  CT-2026-014", "decision (received 4 days ago)", "CR-5  CT-2026-015"} {
		if !strings.Contains(list, want) {
			t.Errorf("case-review list does not say %q:\n%s", want, list)
		}
	}
	failsWith(t, as("Cllr Pat Dyson", "case-review", "list"), 1, "ASB case reviews are private business: Cllr Pat Dyson (viewer) reads the public record only")
	failsWith(t, as("Cllr Pat Dyson", "case-review", "show", "CR-4"), 1, "CR-4 is private business")

	// Decided, answered, in order.
	failsWith(t, as("Helen Marsh", "case-review", "decide", "CR-4", "--not-met"), 1, "which meets the threshold of 2 complaints in 6 months: the review must go ahead")
	failsWith(t, as("Helen Marsh", "case-review", "decide", "CR-4"), 2, "--met or --not-met")
	failsWith(t, as("Helen Marsh", "case-review", "answer", "CR-4", "--outcome", "Too soon"), 1, "decide whether it meets the threshold first")
	if out := ok("Helen Marsh", "case-review", "decide", "CR-4", "--met", "--on", "2026-11-23"); out != "CR-4 decided: threshold met\n" {
		t.Errorf("decide said %q", out)
	}
	ok("Helen Marsh", "case-review", "decide", "CR-5", "--not-met", "--reason", "One complaint in the period")
	if out := ok("Helen Marsh", "case-review", "answer", "CR-4", "--outcome", "Joint visit; noise monitoring installed"); out != "CR-4 answered: it leaves the agenda\n" {
		t.Errorf("answer said %q", out)
	}
	var rows []map[string]string
	if err := json.Unmarshal([]byte(ok("Helen Marsh", "case-review", "list", "--all", "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	// After the demo's three (CR-1 answered, CR-2 decided, CR-3 received).
	if len(rows) != 5 || rows[3]["ref"] != "CR-4" || rows[3]["stage"] != "answered" || rows[3]["decision"] != "met" || rows[3]["threshold"] != "2/6" || rows[3]["private"] != "yes" ||
		rows[4]["ref"] != "CR-5" || rows[4]["stage"] != "decided" || rows[4]["decision"] != "not-met" || rows[4]["decision_reason"] != "One complaint in the period" {
		t.Errorf("list --all: %+v", rows)
	}
	if open := ok("Helen Marsh", "case-review", "list", "--format", "csv"); strings.Contains(open, "CR-4") || !strings.Contains(open, "CR-5") {
		t.Errorf("the answered one is still listed as open:\n%s", open)
	}
	show := ok("Helen Marsh", "case-review", "show", "CR-4")
	for _, want := range []string{"CR-4 CT-2026-014  [private, para 1]", "Decision:   threshold met, Mon 23 Nov 2026", "Outcome:    Joint visit; noise monitoring installed"} {
		if !strings.Contains(show, want) {
			t.Errorf("show does not say %q:\n%s", want, show)
		}
	}

	// The next meeting's agenda ends with the open one's item, in Part 2.
	ok("Helen Marsh", "meeting", "start")
	agenda := ok("Helen Marsh", "meeting", "agenda")
	if !strings.Contains(agenda, "P2 ASB case reviews\n") {
		t.Errorf("the agenda has no Part 2 case reviews item:\n%s", agenda)
	}
}
