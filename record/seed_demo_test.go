package record_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store/bolt"
)

// Seeding freezes each closed meeting from the dataset in memory; the
// snapshots are the bytes readRecord would have frozen from the file.
func TestSeededSnapshotsAreThoseAClosingMakes(t *testing.T) {
	today := model.MustDate("2026-11-24")
	for _, scale := range []demo.Scale{demo.Small, demo.Large} {
		t.Run(string(scale), func(t *testing.T) {
			s, err := bolt.Open(filepath.Join(t.TempDir(), "t.db"), bolt.Options{Now: func() time.Time { return today.Time(time.UTC).Add(9 * time.Hour) }})
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
			stored, read, err := record.SnapshotsBothWays(s.Store, nil)
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
	s, err := bolt.Open(filepath.Join(t.TempDir(), "t.db"), bolt.Options{Now: func() time.Time { return today.Time(time.UTC).Add(9 * time.Hour) }})
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
	stored, read, err := record.SnapshotsBothWays(s.Store, func(m model.Meeting) bool { return m.ID%7 == 1 || m.ID > 48 })
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

// Every agency, member and hotspot of a history says who last changed it
// and when, as its audit trail does: the trail's last image of each carries
// the record's own stamp and version (a retired member's retirement, a
// hotspot's last review).
func TestSeededHistoryStampsEveryRecord(t *testing.T) {
	today := model.MustDate("2026-11-24")
	s, err := bolt.Open(filepath.Join(t.TempDir(), "t.db"), bolt.Options{Now: func() time.Time { return today.Time(time.Local).Add(9 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := demo.BuildHistory(today, 11, demo.Tenth, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Seed(model.SystemActor("demo"), d); err != nil {
		t.Fatal(err)
	}
	type stamp struct {
		At      time.Time `json:"updated_at"`
		By      string    `json:"updated_by"`
		Version int       `json:"version"`
	}
	last := map[string]stamp{}
	events, err := s.AuditEvents(0)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(events) - 1; i >= 0; i-- { // oldest first
		e := events[i]
		if e.Entity != "agency" && e.Entity != "member" && e.Entity != "hotspot" || e.After == nil {
			continue
		}
		var st stamp
		if err := json.Unmarshal(e.After, &st); err != nil {
			t.Fatalf("%s %s: %v", e.Entity, e.Ref, err)
		}
		if !st.At.Equal(e.At) {
			t.Errorf("%s %s: %s at %s leaves it stamped %s", e.Entity, e.Ref, e.Op, e.At, st.At)
		}
		last[e.Entity+" "+e.Ref] = st
	}
	check := func(key string, got stamp) {
		t.Helper()
		if got.At.IsZero() || got.By == "" {
			t.Errorf("%s has no change stamp: %+v", key, got)
			return
		}
		want, ok := last[key]
		if !ok {
			t.Errorf("%s: not in the audit trail", key)
			return
		}
		if !got.At.Equal(want.At) || got.By != want.By || got.Version != want.Version {
			t.Errorf("%s: stamped %s by %q (v%d); its trail ends at %s by %q (v%d)", key, got.At, got.By, got.Version, want.At, want.By, want.Version)
		}
	}
	retired, reviewed := 0, 0
	for _, a := range d.Agencies {
		check("agency "+a.Name, stamp{a.UpdatedAt, a.UpdatedBy, a.Version})
	}
	for _, m := range d.Members {
		check("member "+m.Name, stamp{m.UpdatedAt, m.UpdatedBy, m.Version})
		if m.Retired {
			retired++
		}
	}
	for _, h := range d.Hotspots {
		check("hotspot "+h.Ref(), stamp{h.UpdatedAt, h.UpdatedBy, h.Version})
		if h.UpdatedAt.After(h.CreatedAt) {
			reviewed++
		}
	}
	if retired == 0 || reviewed == 0 {
		t.Errorf("%d members retired, %d hotspots changed since they were referred: the test proves little", retired, reviewed)
	}
}
