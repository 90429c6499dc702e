package model

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortForReviewIsTheStableSort: sorting the keys and moving each action
// once gives what the stable sort by ReviewOrder gives — overdue first,
// then due, then ID, ties (the same action twice) in the order they came —
// over lists of every size up to 200, with repeats, no due dates and
// closed actions among them.
func TestSortForReviewIsTheStableSort(t *testing.T) {
	today := MustDate("2026-11-24")
	statuses := []ActionStatus{StatusOpen, StatusInProgress, StatusBlocked, StatusDone, StatusCancelled}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		in := make([]Action, n)
		for i := range in {
			in[i] = Action{ID: ID(rng.IntN(n/2 + 1)), Status: statuses[rng.IntN(len(statuses))], Text: string(rune('a' + i%26))}
			if rng.IntN(5) > 0 {
				in[i].Due = today.AddDays(rng.IntN(40) - 20)
			}
		}
		want := slices.Clone(in)
		slices.SortStableFunc(want, ReviewOrder(today))
		got := slices.Clone(in)
		SortForReview(got, today)
		for i := range want {
			if got[i].ID != want[i].ID || got[i].Text != want[i].Text || got[i].Due != want[i].Due || got[i].Status != want[i].Status {
				t.Fatalf("%d actions: at %d got %+v, want %+v", n, i, got[i], want[i])
			}
		}
	}
}
