package record_test

import (
	"reflect"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// TestHomeDecodesOnlyWhatChanged: a reading of home takes from the last one
// the actions whose stored bytes have not changed, decoding only the rest,
// and reads exactly what a reading afresh reads — after a note, a date
// moved, an action done (leaving the open ones for those finished since the
// last meeting) and a new one, in the everyday demo and a year of the
// decade's shape.
func TestHomeDecodesOnlyWhatChanged(t *testing.T) {
	for name, s := range histories(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := s.Home(); err != nil {
				t.Fatal(err)
			}
			acts, err := s.Actions(model.ActionFilter{OpenOnly: true, Today: historyDay})
			if err != nil || len(acts) < 4 {
				t.Fatalf("open actions: %d, %v", len(acts), err)
			}
			chair := chairOf(t, s)
			noted, moved, done, kept := acts[0], acts[1], acts[2], acts[3]
			keptBytes := s.HomeDecodedBytes(kept.ID)
			if keptBytes == nil {
				t.Fatalf("home's reading decoded no %s", kept.Ref())
			}
			must := func(_ model.Action, err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			must(s.AddActionNote(chair, noted.ID, noted.Version, "Letters sent", 0))
			must(s.UpdateAction(chair, moved.ID, moved.Version, store.ActionChange{Due: historyDay.AddDays(40), Reason: "Waiting on the court"}))
			must(s.SetActionStatus(chair, done.ID, done.Version, model.StatusDone, "Finished", 0))
			must(s.AssignAction(chair, model.NewAction{HotspotID: noted.HotspotID, Text: "Door knocking", AgencyID: noted.AgencyID, Due: historyDay.AddDays(7)}))

			after, err := s.Home()
			if err != nil {
				t.Fatal(err)
			}
			if again := s.HomeDecodedBytes(kept.ID); &again[0] != &keptBytes[0] {
				t.Errorf("%s did not change but was decoded again", kept.Ref())
			}
			if b := s.HomeDecodedBytes(noted.ID); b == nil || &b[0] == &keptBytes[0] {
				t.Errorf("%s changed: its new bytes should be what was decoded", noted.Ref())
			}
			s.ForgetHome()
			fresh, err := s.Home()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(after, fresh) {
				t.Errorf("home read through the last reading differs from home read afresh:\n%+v\n%+v", after, fresh)
			}
		})
	}
}
