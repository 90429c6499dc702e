package record

import (
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// Each action's updates are found by its place, in the order the updates
// are listed; an update on no listed action is left out.
func TestUpdatesByActionPlacesEachUpdate(t *testing.T) {
	as := []model.Action{{ID: 7}, {ID: 3}, {ID: 9}}
	us := []model.ActionUpdate{{ActionID: 3}, {ActionID: 7}, {ActionID: 4}, {ActionID: 3}, {ActionID: 7}, {ActionID: 3}}
	x := updatesByAction(as, us)
	for ai, want := range [][]int32{{1, 4}, {0, 3, 5}, {}} {
		if got := x.of(ai); !reflect.DeepEqual(append([]int32{}, got...), want) {
			t.Errorf("action %d: updates at %v, want %v", as[ai].ID, got, want)
		}
	}
}

// The audit trail's changes come out in time order; at the same moment the
// records' changes first in the order listed, then the actions' by action
// and by the order of each one's history — the order one sort of them all
// by (time, place listed) gave.
func TestMergeChangesKeepsTheListedOrder(t *testing.T) {
	at := func(m int) int64 { return time.Date(2026, 1, 1, 10, m, 0, 0, time.UTC).UnixNano() }
	others := []change{{at: at(0)}, {at: at(1)}, {at: at(1)}, {at: at(5)}}
	for i := range others {
		others[i].action, others[i].update = -1, int32(-10-i) // told apart by update
	}
	actions := []actionChange{{at(0), 0, -1}, {at(1), 0, 2}, {at(1), 1, -1}, {at(1), 1, 0}, {at(3), 0, 4}, {at(6), 1, 5}}
	next := mergeChanges(others, actions)
	var got []change
	for part := next(3); len(part) > 0; part = next(3) {
		if len(part) > 3 {
			t.Fatalf("a part of %d, asked for 3", len(part))
		}
		got = append(got, part...)
	}
	want := []change{others[0], {at: at(0), update: -1}, others[1], others[2], {at: at(1), update: 2}, {at: at(1), action: 1, update: -1},
		{at: at(1), action: 1}, {at: at(3), update: 4}, others[3], {at: at(6), action: 1, update: 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged\n%v\nwant\n%v", got, want)
	}
}
