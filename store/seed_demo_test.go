package store_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Seeding freezes each closed meeting from the dataset in memory; the
// snapshots are the bytes readRecord would have frozen from the file.
func TestSeededSnapshotsAreThoseAClosingMakes(t *testing.T) {
	today := model.MustDate("2026-11-24")
	for _, scale := range []demo.Scale{demo.Small, demo.Large} {
		t.Run(string(scale), func(t *testing.T) {
			s, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{Now: func() time.Time { return today.Time(time.UTC).Add(9 * time.Hour) }})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			d, err := demo.Build(today, scale, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Seed(model.SystemActor("demo"), d); err != nil {
				t.Fatal(err)
			}
			stored, read, err := store.SnapshotsBothWays(s, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(stored) == 0 {
				t.Fatal("no closed meetings")
			}
			for id := range read {
				if !bytes.Equal(stored[id], read[id]) {
					t.Errorf("M-%d: the seeded snapshot differs from the one closing makes (%d bytes, want %d)", id, len(stored[id]), len(read[id]))
				}
			}
		})
	}
}

// A whole history is loaded with the audit trail it would have left: in the
// order things happened, and each action's last "after" is the action as it
// stands (the trail replays to the record).
func TestSeededHistoryLeavesItsAuditTrail(t *testing.T) {
	today := model.MustDate("2026-11-24")
	s, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{Now: func() time.Time { return today.Time(time.UTC).Add(9 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := demo.BuildHistory(today, 7, demo.Tenth, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Seed(model.SystemActor("demo"), d); err != nil {
		t.Fatal(err)
	}
	// (Every meeting would read the whole file fifty times: a sample.)
	stored, read, err := store.SnapshotsBothWays(s, func(m model.Meeting) bool { return m.ID%7 == 1 || m.ID > 48 })
	if err != nil {
		t.Fatal(err)
	}
	for id := range read {
		if !bytes.Equal(stored[id], read[id]) {
			t.Errorf("M-%d: the seeded snapshot differs from the one closing makes", id)
		}
	}
	events, err := s.AuditEvents(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) < len(d.Updates) {
		t.Fatalf("%d audit events for %d updates", len(events), len(d.Updates))
	}
	last := map[string]json.RawMessage{}
	ops := map[model.Op]int{}
	var prev *model.AuditEvent
	for i := len(events) - 1; i >= 0; i-- { // oldest first
		e := events[i]
		if e.Op == model.OpRecordSeal {
			continue // the chain's bookkeeping for records loaded in one go
		}
		if prev != nil && e.At.Before(prev.At) {
			t.Fatalf("audit #%d (%s) is before #%d", e.ID, e.At, prev.ID)
		}
		prev = &events[i]
		ops[e.Op]++
		if e.Entity == "action" {
			last[e.Ref] = e.After
		}
	}
	t.Logf("audit: %v", ops)
	for _, want := range []model.Op{"partnership.setup", "member.add", "member.retire", "hotspot.add", "hotspot.close", "hotspot.reviewed",
		"meeting.start", "meeting.close", "action.assign", "action.status", "action.due", "action.note", "decision.record", "note.add"} {
		if ops[want] == 0 {
			t.Errorf("no %s event", want)
		}
	}
	for _, a := range d.Actions {
		var got model.Action
		if err := json.Unmarshal(last[a.Ref()], &got); err != nil {
			t.Fatalf("%s: %v", a.Ref(), err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Fatalf("%s: the trail ends at\n%+v\nthe record is\n%+v", a.Ref(), got, a)
		}
	}
}
