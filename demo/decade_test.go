package demo

import (
	"slices"
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
	// Powers at a little under half the meetings, each of a kind its
	// hotspot's problem sees and valid as the Act has it, a few still in
	// force on the last day, those against people private.
	if n, m := len(d.Powers), len(d.Meetings); n < m*(powerChance-10)/100 || n > m*(powerChance+10)/100 {
		t.Errorf("%d powers over %d meetings, want about %d in a hundred", n, m, powerChance)
	}
	hotspot := map[model.ID]model.Hotspot{}
	for _, h := range d.Hotspots {
		hotspot[h.ID] = h
	}
	inForce, private := 0, 0
	for _, p := range d.Powers {
		h := hotspot[p.HotspotID]
		if !slices.Contains(decadePowerKinds[h.Category], p.Kind) {
			t.Errorf("%s: a %s on a %s hotspot", p.Ref(), p.Kind, h.Category)
		}
		n := model.NewPower{Kind: p.Kind, HotspotID: p.HotspotID, AgencyID: p.AgencyID, Start: p.Start, Expires: p.Expires,
			Review: p.Review, AuthorisedBy: p.AuthorisedBy, Terms: p.Terms}
		if _, err := n.Validate(); err != nil {
			t.Errorf("%s: %v", p.Ref(), err)
		}
		if p.InForce(today.Time(time.UTC)) {
			inForce++
		}
		if p.Private {
			private++
		}
	}
	t.Logf("powers %d, in force on the last day %d, private %d", len(d.Powers), inForce, private)
	if inForce == 0 || private == 0 {
		t.Errorf("of %d powers %d are in force on the last day and %d private", len(d.Powers), inForce, private)
	}
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
