package record_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// eachAction is everything EachAction hands over, in order.
func eachAction(t *testing.T, r store.Record, f model.ActionFilter) ([]model.Action, [][]model.ActionUpdate) {
	t.Helper()
	var acts []model.Action
	var hists [][]model.ActionUpdate
	err := r.EachAction(f, true, func(a model.Action, h []model.ActionUpdate) error {
		acts = append(acts, a)
		hists = append(hists, h)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return acts, hists
}

// EachAction, the streaming read the exports use, hands over what Actions
// returns, in the same order, each action with the history ActionHistory
// gives it: for the restricted record and for someone who reads the public
// record only.
func TestEachActionIsActions(t *testing.T) {
	viewer := model.Actor{Name: "Val Viewer", Role: model.RoleViewer}
	for name, s := range histories(t) {
		t.Run(name, func(t *testing.T) {
			today := s.Today()
			year := model.CompletionsFrom(today)
			for _, f := range []model.ActionFilter{
				{},
				{OpenOnly: true},
				{Overdue: true},
				{AgencyID: 2},
				{Status: model.StatusDone},
				{FinishedFrom: year},
			} {
				f.Today = today
				for who, r := range map[string]store.Record{"restricted": s, "public": store.ReadAs(s, viewer)} {
					want, err := r.Actions(f)
					if err != nil {
						t.Fatal(err)
					}
					got, hists := eachAction(t, r, f)
					if len(want) == 0 {
						t.Errorf("%s %+v matches nothing: it proves nothing", who, f)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s %+v: EachAction gave %d actions, Actions %d (or in another order)", who, f, len(got), len(want))
						continue
					}
					if len(got) > 300 { // the histories of a sample: ActionHistory is a read each
						got, hists = got[:300], hists[:300]
					}
					withHistory := 0
					for i, a := range got {
						h, err := r.ActionHistory(a.ID)
						if err != nil {
							t.Fatal(err)
						}
						if len(h) > 0 {
							withHistory++
						}
						if !reflect.DeepEqual(hists[i], h) {
							t.Errorf("%s %s: EachAction's history has %d updates, ActionHistory's %d", who, a.Ref(), len(hists[i]), len(h))
						}
					}
					if withHistory == 0 {
						t.Errorf("%s %+v: no action had a history: it proves nothing", who, f)
					}
				}
			}
		})
	}
}

// An error from the caller stops the walk and comes back as it is; a
// panic is the caller's, not a damaged file.
func TestEachActionStopsWhereTheCallerDoes(t *testing.T) {
	s := histories(t, "small")["small"]
	stop := errors.New("the reader hung up")
	n := 0
	err := s.EachAction(model.ActionFilter{Today: s.Today()}, false, func(model.Action, []model.ActionUpdate) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("after %d actions: %v, want the caller's own error after 3", n, err)
	}
	defer func() {
		if r := recover(); r != "the caller's bug" {
			t.Errorf("recovered %v, want the caller's own panic", r)
		}
	}()
	_ = s.EachAction(model.ActionFilter{Today: s.Today()}, false, func(model.Action, []model.ActionUpdate) error {
		panic("the caller's bug")
	})
	t.Error("the panic did not reach the caller")
}
