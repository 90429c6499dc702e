package demo

import (
	"testing"
	"time"

	"github.com/ccsp/tasking/internal/longtest"
	"github.com/ccsp/tasking/model"
)

// The decade is the size the issue names, every status is in it, and the
// same seed gives the same record.
func TestDecadeBuilds(t *testing.T) {
	longtest.Skip(t, "the decade takes a few seconds")
	d, err := BuildDecade(today, 1, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("agencies %d members %d hotspots %d meetings %d actions %d updates %d decisions %d notes %d",
		len(d.Agencies), len(d.Members), len(d.Hotspots), len(d.Meetings), len(d.Actions), len(d.Updates), len(d.Decisions), len(d.Notes))
	within := func(what string, got, want int) {
		if got < want*97/100 || got > want*103/100 {
			t.Errorf("%s: %d, want about %d", what, got, want)
		}
	}
	within("agencies", len(d.Agencies), decadeAgencies)
	within("members", len(d.Members), DecadeSize.Members)
	within("hotspots", len(d.Hotspots), DecadeSize.Hotspots)
	within("meetings", len(d.Meetings), DecadeSize.Meetings+1)
	within("actions", len(d.Actions), DecadeSize.Actions)
	within("updates", len(d.Updates), DecadeSize.Updates)
	statuses := map[model.ActionStatus]int{}
	for _, a := range d.Actions {
		statuses[a.Status]++
	}
	t.Logf("statuses %v", statuses)
	for _, s := range []model.ActionStatus{model.StatusOpen, model.StatusInProgress, model.StatusBlocked, model.StatusDone, model.StatusCancelled} {
		if statuses[s] == 0 {
			t.Errorf("no action is %s", s)
		}
	}
	// Work runs its course: nothing has sat open for half a year.
	for _, a := range d.Actions {
		if !a.Status.IsClosed() && a.CreatedAt.Before(today.AddDays(-182).Time(time.UTC)) {
			t.Errorf("%s has been %s since %s", a.Ref(), a.Status, a.CreatedAt.Format("2 Jan 2006"))
			break
		}
	}
	open, active := 0, 0
	for _, h := range d.Hotspots {
		if h.IsOpen() {
			open++
		}
	}
	for _, m := range d.Members {
		if !m.Retired {
			active++
		}
	}
	t.Logf("open hotspots %d, members on the group %d", open, active)
}
