package bolt

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

func TestReopenKeepsEverything(t *testing.T) {
	s, clock, path := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	_, err = s.SetAttendance(chair, m.ID, 2, model.Present)
	mustNoErr(t, err)
	_, err = s.AddGuest(chair, m.ID, nil, model.Guest{Name: "Dr Guest", Agency: "NHS Trust"})
	mustNoErr(t, err)
	_, err = s.RecordConfidentiality(chair, m.ID)
	mustNoErr(t, err)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Joint patrols Fri/Sat", AgencyID: 2, Officer: "PC Hill", Due: model.MustDate("2026-12-01"), MeetingID: m.ID})
	mustNoErr(t, err)
	d, err := s.RecordDecision(chair, m.ID, model.ItemHotspot, 1, "That a dispersal authorisation be sought", true)
	mustNoErr(t, err)
	_, err = s.AddNote(chair, m.ID, model.ItemHotspot, 1, "Groups of 15–20 at the bus station", false)
	mustNoErr(t, err)
	clock.t = clock.t.Add(time.Hour)
	_, err = s.SetNextMeeting(chair, m.ID, nil, model.MustDate("2026-12-01"), "10:00", "")
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	mustNoErr(t, s.Close())
	s.db = nil

	s2, err := Open(path, Options{Now: clock.now})
	mustNoErr(t, err)
	defer s2.Close()
	rec, err := s2.MeetingRecord(m.ID)
	mustNoErr(t, err)
	if rec.Meeting.State != model.MeetingClosed || rec.Meeting.AttendanceOf(2) != model.Present || rec.Meeting.AttendanceOf(3) != model.Absent {
		t.Fatalf("meeting after reopen: %+v", rec.Meeting)
	}
	if len(rec.Meeting.Guests) != 1 || !rec.Meeting.ConfidentialityRead {
		t.Fatalf("guests/confidentiality lost: %+v", rec.Meeting)
	}
	got, err := s2.Action(a.ID)
	mustNoErr(t, err)
	if got.Text != "Joint patrols Fri/Sat" || got.AgencyID != 2 || got.Officer != "PC Hill" || got.CreatedMeetingID != m.ID {
		t.Fatalf("action after reopen: %+v", got)
	}
	if len(rec.Decisions) != 1 || rec.Decisions[0].ID != d.ID || !rec.Decisions[0].Part2 || rec.Decisions[0].Text != "that a dispersal authorisation be sought" {
		t.Fatalf("decisions after reopen: %+v", rec.Decisions)
	}
	h, err := s2.Hotspot(1)
	mustNoErr(t, err)
	if h.LastReviewed != m.Date || h.TimesReviewed != 1 {
		t.Fatalf("hotspot not marked reviewed: %+v", h)
	}
	// HS-2 was on the agenda but never reached and nothing was said about
	// it: it is not reviewed, so next week it comes first.
	skipped, err := s2.Hotspot(2)
	mustNoErr(t, err)
	if !skipped.LastReviewed.IsZero() || skipped.TimesReviewed != 0 {
		t.Fatalf("a skipped hotspot was marked reviewed: %+v", skipped)
	}
	ms, err := s2.Meetings()
	mustNoErr(t, err)
	if len(ms) != 2 || ms[1].State != model.MeetingPlanned || ms[1].Date != model.MustDate("2026-12-01") {
		t.Fatalf("next meeting not planned: %+v", ms)
	}
	if err := s2.CheckPages(); err != nil {
		t.Fatal(err)
	}
}

func TestFileIsPrivate(t *testing.T) {
	_, _, path := openTiny(t)
	st, err := os.Stat(path)
	mustNoErr(t, err)
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("database mode %v, want 0600", st.Mode().Perm())
	}
}

func TestLockTimeoutNamesFileAndHolder(t *testing.T) {
	_, _, path := openTiny(t)
	start := time.Now()
	_, err := Open(path, Options{LockTimeout: 200 * time.Millisecond, Mode: "cli"})
	var locked *LockedError
	if !errors.As(err, &locked) {
		t.Fatalf("second open: %v, want a LockedError", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatal("the lock timeout was not honoured")
	}
	msg := err.Error()
	for _, want := range []string{path, "in use by", "pid " + strconv.Itoa(os.Getpid())} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not mention %q", msg, want)
		}
	}
}

func TestForeignBoltFileRefused(t *testing.T) {
	s, _, path := openTiny(t)
	s.Close()
	s.db = nil
	// Make a bbolt file with someone else's bucket in it.
	other := filepath.Join(t.TempDir(), "other.db")
	raw, err := os.ReadFile(path)
	mustNoErr(t, err)
	mustNoErr(t, os.WriteFile(other, raw, 0o600))
	s2, err := Open(other, Options{})
	mustNoErr(t, err)
	mustNoErr(t, s2.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kFormat, []byte("someone-else")) }))
	s2.Close()
	_, err = Open(other, Options{})
	var damaged *DamagedError
	if !errors.As(err, &damaged) || !strings.Contains(err.Error(), "not a tasking database") {
		t.Fatalf("foreign file: %v", err)
	}
}

func TestSchemaVersionRecorded(t *testing.T) {
	s, _, _ := openTiny(t)
	v, err := s.Schema()
	mustNoErr(t, err)
	if v != SchemaVersion {
		t.Fatalf("schema %d, want %d", v, SchemaVersion)
	}
}

// A guest at the meeting declares an interest as a member does: recorded
// with their organisation, refused for someone not on the guest list, taken
// back by undo; a public-only reader reads it by the organisation alone.
func TestAGuestDeclares(t *testing.T) {
	s, _, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	_, err = s.AddGuest(chair, m.ID, nil, model.Guest{Name: "Dr Guest", Agency: "NHS Trust"})
	mustNoErr(t, err)
	if _, err := s.AddGuestDeclaration(chair, m.ID, "Nobody Here", nil, "", 0, "x"); err == nil || !strings.Contains(err.Error(), "Nobody Here is not a guest at this meeting") {
		t.Fatalf("a stranger declared: %v", err)
	}
	if _, err := s.AddGuestDeclaration(sgt, m.ID, "Dr Guest", nil, "", 0, "x"); err == nil {
		t.Fatal("a member recorded a declaration: only the chair runs the meeting")
	}
	got, err := s.AddGuestDeclaration(chair, m.ID, "dr guest", nil, model.ItemHotspot, 1, "Treats a resident")
	mustNoErr(t, err)
	want := model.Declaration{Name: "Dr Guest", Guest: true, Organisation: "NHS Trust", Text: "Treats a resident", Item: model.ItemHotspot, HotspotID: 1}
	if len(got.Declarations) != 1 || got.Declarations[0] != want {
		t.Fatalf("declarations %+v, want %+v", got.Declarations, want)
	}
	rec, err := store.ReadAs(s, viewer).MeetingRecord(m.ID)
	mustNoErr(t, err)
	if d := rec.Meeting.Declarations; len(d) != 1 || d[0].Declarant() != "A guest from NHS Trust" || strings.Contains(fmtDeclarations(d), "Dr Guest") {
		t.Fatalf("a public-only reader reads %+v", d)
	}
	said, err := s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if said != "undone: declaration by Dr Guest withdrawn" {
		t.Fatalf("undo said %q", said)
	}
}

func fmtDeclarations(ds []model.Declaration) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Name + " " + d.Organisation + " " + d.Text + "\n")
	}
	return b.String()
}
