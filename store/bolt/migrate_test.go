package bolt

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// openSchema1 copies the database made by the release before minutes were
// frozen (testdata/schema1: the demo, a meeting M-7 on 24 Nov 2026, then
// reps finishing and moving actions it reviewed, a hotspot closed and a
// decision amended two days later) and returns its path.
func openSchema1(t *testing.T) string { return openGolden(t, "testdata/schema1/schema1.db.gz") }

// openGolden unpacks a database an earlier release wrote into a temp file.
func openGolden(t *testing.T, gz string) string {
	t.Helper()
	f, err := os.Open(gz)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tasking.db")
	out, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// An older database upgrades on opening: backed up first, then every
// meeting closed before the upgrade gets its record rebuilt as at its
// close from the history the file kept.
func TestUpgradeFromSchema1RebuildsFrozenMinutes(t *testing.T) {
	path := openSchema1(t)
	refusesToRead(t, path, 1)

	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Schema(); v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}
	// Upgraded through every step: the indexes built, nothing amiss.
	problems, err := s.CheckRecords()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("after the upgrade: %s", p)
	}
	backup := filepath.Join(path+"-backups", filepath.Base(path)+".backup-20261201-090000-schema1")
	if st, err := os.Stat(backup); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("no 0600 backup before the upgrade: %v", err)
	}
	refusesToRead(t, backup, 1) // the file as it was: schema 1

	m7, err := s.Meeting(7)
	if err != nil || m7.State != model.MeetingClosed {
		t.Fatalf("M-7: %+v %v", m7, err)
	}
	snap, ok, err := s.Snapshot(m7.ID)
	if err != nil || !ok || !snap.Rebuilt {
		t.Fatalf("M-7 has no rebuilt snapshot: %v %v %+v", ok, err, snap.Rebuilt)
	}
	rec, err := s.MinutesRecord(m7.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The history began (the demo was loaded) before M-7 closed: nothing to
	// confess for M-7.
	if rec.RecordNote != "" {
		t.Errorf("M-7 says its history is incomplete: %q", rec.RecordNote)
	}
	if rec.Today != m7.Date {
		t.Errorf("M-7 is read as at %s, want its own date %s", rec.Today, m7.Date)
	}
	// Every action it holds is as it stood at the close: each change made
	// after (from the live history) is undone in the frozen record.
	undone := 0
	for _, a := range rec.Actions {
		hist, err := s.ActionHistory(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range hist {
			if !u.At.After(m7.ClosedAt) {
				continue
			}
			switch u.Kind {
			case model.UpdateStatus:
				undone++
				if a.Status != u.FromStatus {
					t.Errorf("%s is %s in M-7's minutes; it became %s only after the meeting (from %s)", a.Ref(), a.Status, u.ToStatus, u.FromStatus)
				}
			case model.UpdateDue:
				undone++
				if a.Due != u.FromDue {
					t.Errorf("%s is due %s in M-7's minutes; it moved to %s only after (from %s)", a.Ref(), a.Due, u.ToDue, u.FromDue)
				}
			}
		}
	}
	if undone < 2 {
		t.Fatalf("the fixture changed %d actions after M-7 closed; want a finish and a move", undone)
	}
	// The hotspot closed two days later was open at the meeting, at the
	// risk the meeting set.
	closedLater := 0
	for _, h := range rec.Hotspots {
		live, _ := s.Hotspot(h.ID)
		if live.Status == model.HotspotClosed && live.Closed.After(m7.Date) {
			closedLater++
			if h.Status == model.HotspotClosed || h.Risk != model.RiskMedium {
				t.Errorf("%s in M-7's minutes: %s, %s risk; want open at the medium risk set in the meeting", h.Ref(), h.Status, h.Risk)
			}
		}
	}
	if closedLater != 1 {
		t.Fatalf("the fixture closed %d of M-7's hotspots after it", closedLater)
	}
	// The amendment is still the record's own correction: shown, dated.
	var amended bool
	for _, d := range rec.Decisions {
		amended = amended || strings.Contains(d.Text, "both weekend nights")
	}
	if len(rec.Amendments) != 1 || rec.Amendments[0].Target != "decision" || !amended {
		t.Errorf("the amendment made after M-7 closed is not shown: %+v", rec.Amendments)
	}

	// The demo's meetings closed before its history began (it was loaded in
	// one go): their minutes say so, once.
	m6, err := s.MinutesRecord(6)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m6.RecordNote, "rebuilt from the history") || !strings.Contains(m6.RecordNote, "24 November 2026") {
		t.Errorf("M-6's record note: %q", m6.RecordNote)
	}

	// Personal ASB is private wherever it is listed, old agendas included.
	hotspots, _ := s.Hotspots()
	personal := 0
	for _, h := range hotspots {
		if h.Category == model.CategoryPersonal {
			personal++
			if !h.Part2 || h.Paragraph != model.ParaIndividual {
				t.Errorf("%s is personal ASB but not private after the upgrade", h.Ref())
			}
			for _, it := range m7.Agenda {
				if it.HotspotID == h.ID && !it.Part2 {
					t.Errorf("%s is in Part 1 of M-7's agenda", h.Ref())
				}
			}
		}
	}
	if personal == 0 {
		t.Fatal("the fixture has no personal ASB")
	}

	// Opening again does not upgrade (or back up) again.
	s.Close()
	now = now.Add(time.Hour)
	s2, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	matches, _ := filepath.Glob(filepath.Join(path+"-backups", "*"))
	if len(matches) != 1 {
		t.Errorf("backups after a second open: %v", matches)
	}
}

// A file the release before the indexes wrote (schema 2: M-7 closed, M-8
// under way) upgrades to schema 3: backed up, its indexes built, nothing
// amiss, its open meeting resumed where it was and its minutes unchanged.
func TestUpgradeFromSchema2BuildsTheIndexes(t *testing.T) {
	path := openGolden(t, "testdata/schema2/schema2.db.gz")
	refusesToRead(t, path, 2)
	var beforeSnap model.Snapshot
	raw, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := raw.View(func(tx *bolt.Tx) error { return decode(tx.Bucket(bSnapshots).Get(store.IDKey(7)), &beforeSnap) }); err != nil {
		t.Fatalf("M-7's snapshot: %v", err)
	}
	raw.Close()

	now := time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Schema(); v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}
	if _, err := os.Stat(filepath.Join(path+"-backups", filepath.Base(path)+".backup-20261201-103000-schema2")); err != nil {
		t.Fatalf("no backup before the upgrade: %v", err)
	}
	problems, err := s.CheckRecords()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("after the upgrade: %s", p)
	}
	// The upgrade to schema 4 gives its private records their privacy;
	// nothing else in it changes.
	afterSnap, _, _ := s.Snapshot(7)
	if !reflect.DeepEqual(beforeSnap, withoutPrivacy(afterSnap)) {
		t.Error("M-7's frozen record changed in the upgrade, beyond the privacy of its records")
	}
	m, open, err := s.OpenMeeting()
	if err != nil || !open || m.ID != 8 {
		t.Fatalf("the meeting under way: %+v %v %v", m.Ref(), open, err)
	}
	rec, err := s.MeetingRecord(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range rec.Actions {
		if a.CreatedMeetingID == m.ID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("M-8 assigned %d actions, want the one made before the upgrade", n)
	}
	// And it goes on: a change after the upgrade is indexed like any other.
	chair := model.Actor{MemberID: m.ChairID, Name: "Helen Marsh", Role: model.RoleChair, AgencyID: 1}
	if _, err := s.AddNote(chair, m.ID, model.ItemAOB, 0, "Written after the upgrade", false); err != nil {
		t.Fatal(err)
	}
	if problems, _ := s.CheckRecords(); len(problems) > 0 {
		t.Errorf("after a change: %v", problems)
	}
}

// refusesToRead: a reader does not upgrade an older file, nor read it: it
// says which versions and what to run, and the file is as it was.
func refusesToRead(t *testing.T, path string, schema int) {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{ReadOnly: true})
	var old *TooOldError
	if !errors.As(err, &old) || old.File != schema || old.Wants != SchemaVersion || !strings.Contains(err.Error(), "tasking upgrade") {
		t.Fatalf("a reader opened a schema-%d file: %v", schema, err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("a reader changed the file")
	}
}

// withoutPrivacy is snap with every record's privacy taken off: what it was
// before schema 4.
func withoutPrivacy(snap model.Snapshot) model.Snapshot {
	r := &snap.Record
	for i := range r.Actions {
		r.Actions[i].Privacy = model.Privacy{}
	}
	for i := range r.Updates {
		r.Updates[i].Privacy = model.Privacy{}
	}
	for i := range r.Decisions {
		r.Decisions[i].Privacy = model.Privacy{}
	}
	for i := range r.Notes {
		r.Notes[i].Privacy = model.Privacy{}
	}
	for i := range r.Meeting.Declarations {
		r.Meeting.Declarations[i].Privacy = model.Privacy{}
	}
	return snap
}
