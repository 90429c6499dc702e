package record_test

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/ccsp/tasking/store/mem"
)

// A whole record copied from a file into another engine and back into a
// new file: each copy holds to the chain and its indexes (the file's
// whole check), gives every closed meeting's minutes record as the
// original does, and the next action the ref the original would; a copy
// into a record that holds anything is refused.
func TestCopyAWholeRecordThereAndBack(t *testing.T) {
	today := model.MustDate("2026-11-24")
	now := func() time.Time { return today.Time(time.UTC).Add(9 * time.Hour) }
	open := func(name string) *bolt.File {
		s, err := bolt.Open(filepath.Join(t.TempDir(), name), bolt.Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	file := open("original.db")
	d, err := demo.Build(today, demo.Small, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if err := file.Seed(model.SystemActor("demo"), d); err != nil {
		t.Fatal(err)
	}
	middle := record.New(mem.New(), now, nil)
	back := open("back.db")
	for _, c := range []struct{ from, to *record.Store }{{file.Store, middle}, {middle, back.Store}} {
		r, err := c.from.CopyTo(store.Watch{}, c.to)
		if err != nil || r.Records == 0 || r.Keys == 0 {
			t.Fatalf("copy: %+v, %v", r, err)
		}
	}
	if problems, err := back.CheckRecords(); err != nil || len(problems) > 0 {
		t.Fatalf("the file copied back: %v %v", problems, err)
	}
	for _, s := range []*record.Store{middle, back.Store} {
		if r, err := s.VerifyChain(); err != nil || len(r.Problems) > 0 || r.Records == 0 {
			t.Fatalf("the copy's chain: %+v %v", r, err)
		}
	}
	meetings, err := file.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	closed := 0
	for _, m := range meetings {
		if m.State != model.MeetingClosed {
			continue
		}
		closed++
		want, err := file.MinutesRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []*record.Store{middle, back.Store} {
			if got, err := s.MinutesRecord(m.ID); err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%s's minutes record in the copy differs (%v)", model.MeetingRef(m.ID), err)
			}
		}
	}
	if closed == 0 {
		t.Fatal("the demo has no closed meeting")
	}
	var refs []model.ID
	for _, s := range []*record.Store{file.Store, middle, back.Store} {
		a, err := s.AssignAction(model.SystemActor("test"), model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: today.AddDays(7)})
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, a.ID)
	}
	if refs[0] != refs[1] || refs[1] != refs[2] {
		t.Errorf("the next action is %v in the original and the copies", refs)
	}
	if _, err := file.CopyTo(store.Watch{}, back.Store); err == nil {
		t.Error("a copy into a record that holds one was not refused")
	}
}
