package store

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

func TestReopenKeepsEverything(t *testing.T) {
	s, clock, path := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	_, err = s.SetAttendance(chair, m.ID, 2, model.Present)
	mustNoErr(t, err)
	_, err = s.AddGuest(chair, m.ID, model.Guest{Name: "Dr Guest", Agency: "NHS Trust"})
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
	_, err = s.SetNextMeeting(chair, m.ID, model.MustDate("2026-12-01"), "10:00", "")
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
	mustNoErr(t, s2.db.Update(func(tx *boltTx) error { return tx.Bucket(bMeta).Put(kFormat, []byte("someone-else")) }))
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

// A hotspot counts as discussed (reviewed) when something is recorded under
// it — a change, or "discussed, no change"; one only passed over is
// deferred to the next meeting, and opens its agenda.
func TestDiscussedHotspotsAreReviewedTheRestDeferred(t *testing.T) {
	s, _, _ := openTiny(t)
	hs3, err := s.AddHotspot(chair, model.NewHotspot{Title: "Park", Category: model.CategoryNuisance, Risk: model.RiskLow, LeadAgencyID: 1}, 0)
	mustNoErr(t, err)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	// Agenda: attendance, declarations, minutes, matters, HS-1, HS-2, HS-3 …
	_, err = s.GoToItem(chair, m.ID, 5) // HS-2: discussed, no change
	mustNoErr(t, err)
	_, err = s.RecordNote(chair, m.ID, model.NewNote{HotspotID: 2, Text: model.NoChangeNote})
	mustNoErr(t, err)
	_, err = s.GoToItem(chair, m.ID, 6) // HS-3: on the screen, nothing said
	mustNoErr(t, err)
	_, err = s.SetHotspotRisk(chair, 1, 0, model.RiskMedium, "calls down by half", m.ID)
	mustNoErr(t, err)
	rec, err := s.MeetingRecord(m.ID)
	mustNoErr(t, err)
	notes := rec.NotesIn(model.ItemHotspot, 1)
	if len(notes) != 1 || notes[0].Text != "Risk changed from high to medium: calls down by half." {
		t.Fatalf("risk change not minuted: %+v", notes)
	}
	_, err = s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	for _, id := range []model.ID{1, 2} {
		h, _ := s.Hotspot(id)
		if h.LastReviewed != m.Date {
			t.Errorf("%s not marked reviewed", h.Ref())
		}
	}
	closed, _ := s.Meeting(m.ID)
	if h, _ := s.Hotspot(hs3.ID); !h.LastReviewed.IsZero() || len(closed.Deferred) != 1 || closed.Deferred[0] != hs3.ID {
		t.Errorf("HS-3 was only passed over: reviewed %s, deferred %v", h.LastReviewed, closed.Deferred)
	}
	next, err := s.StartMeeting(chair, m.Date.AddDays(7))
	mustNoErr(t, err)
	if first := next.Agenda[4]; first.HotspotID != hs3.ID {
		t.Errorf("the deferred HS-3 does not open the next walk: %v", next.Agenda)
	}
}

// A rep's update between meetings is accepted in matters arising with one
// key: the meeting records the rep's words, and the rep's update stays the
// action's latest update.
func TestAcceptRepUpdate(t *testing.T) {
	s, clock, _ := openTiny(t)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	quiet, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Leaflets", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	clock.t = clock.t.Add(48 * time.Hour)
	_, err = s.AddActionNote(sgt, a.ID, "Two patrols done, more on Friday", 0)
	mustNoErr(t, err)
	clock.t = clock.t.Add(5 * 24 * time.Hour)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	fresh, _ := s.Action(a.ID)
	got, err := s.AcceptUpdate(chair, a.ID, fresh.Version, m.ID)
	mustNoErr(t, err)
	if got.LastUpdate != "Two patrols done, more on Friday" || got.LastUpdateBy != sgt.Name {
		t.Fatalf("accepting replaced the rep's update: %+v", got)
	}
	rec, err := s.MeetingRecord(m.ID)
	mustNoErr(t, err)
	u, ok := rec.ReviewedIn(m.ID)[a.ID]
	if !ok || u.Kind != model.UpdateAccept || !strings.Contains(u.Describe(), "update accepted: Two patrols done, more on Friday (Sgt Jas Patel, 26 Nov)") {
		t.Fatalf("meeting recorded %+v (%q)", u, u.Describe())
	}
	var fe *model.FieldError
	if _, err := s.AcceptUpdate(chair, quiet.ID, 0, m.ID); !errors.As(err, &fe) || !strings.Contains(err.Error(), "no update from its agency") {
		t.Fatalf("accepting nothing: %v", err)
	}
	var perm *model.PermissionError
	if _, err := s.AcceptUpdate(sgt, a.ID, 0, m.ID); !errors.As(err, &perm) {
		t.Fatalf("a rep accepted their own update in the meeting: %v", err)
	}
}

// Only the owning agency's news, between meetings, is the action's latest
// update: another agency's note or the meeting's own changes are not; news
// older than the last meeting cannot be accepted again.
func TestLatestUpdateIsTheAgencysNews(t *testing.T) {
	s, clock, _ := openTiny(t)
	housing := model.Actor{MemberID: 9, Name: "Hal Housing", Role: model.RoleMember, AgencyID: 3}
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	clock.t = clock.t.Add(24 * time.Hour)
	_, err = s.AddActionNote(housing, a.ID, "Saw them on Friday", 0)
	mustNoErr(t, err)
	if got, _ := s.Action(a.ID); got.LastUpdate != "" {
		t.Fatalf("another agency's note became the police's update: %q", got.LastUpdate)
	}
	_, err = s.AddActionNote(sgt, a.ID, "First patrol done", 0)
	mustNoErr(t, err)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	got, _ := s.ChangeDue(chair, a.ID, 0, model.MustDate("2026-12-08"), "rota", m.ID)
	if got.LastUpdate != "First patrol done" || got.LastUpdateBy != sgt.Name {
		t.Fatalf("the meeting's change replaced the agency's news: %+v", got)
	}
	_, err = s.SetNextMeeting(chair, m.ID, m.Date.AddDays(7), "", "")
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	clock.t = clock.t.AddDate(0, 0, 7)
	next, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	var fe *model.FieldError
	if _, err := s.AcceptUpdate(chair, a.ID, 0, next.ID); !errors.As(err, &fe) || !strings.Contains(err.Error(), "before the last meeting") {
		t.Fatalf("accepted last week's news again: %v", err)
	}
}
