package store

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/ccsp/tasking/model"
)

// Each change writes exactly one audit event (or one per record it touches)
// in the same transaction; a refused change writes none.
func TestEveryChangeWritesItsAuditEvent(t *testing.T) {
	s, _, _ := openTiny(t)
	var m model.Meeting
	var a model.Action
	steps := []struct {
		op string
		do func() error
	}{
		{"meeting.start", func() (err error) { m, err = s.StartMeeting(chair, model.Date{}); return }},
		{"meeting.attendance", func() error { _, err := s.SetAttendance(chair, m.ID, 2, model.Present); return err }},
		{"meeting.guest", func() error { _, err := s.AddGuest(chair, m.ID, model.Guest{Name: "G", Agency: "NHS"}); return err }},
		{"meeting.confidentiality", func() error { _, err := s.RecordConfidentiality(chair, m.ID); return err }},
		{"meeting.declarations_none", func() error { _, err := s.SetNoDeclarations(chair, m.ID); return err }},
		{"meeting.item", func() error { _, err := s.GoToItem(chair, m.ID, 4); return err }},
		{"action.assign", func() (err error) {
			a, err = s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01"), MeetingID: m.ID})
			return
		}},
		{"action.status", func() error {
			_, err := s.SetActionStatus(chair, a.ID, 0, model.StatusInProgress, "", m.ID)
			return err
		}},
		{"action.due", func() error {
			_, err := s.ChangeDue(chair, a.ID, 0, model.MustDate("2026-12-08"), "waiting for rota", m.ID)
			return err
		}},
		{"action.note", func() error { _, err := s.AddActionNote(sgt, a.ID, "First patrol done", 0); return err }},
		{"decision.record", func() error {
			_, err := s.RecordDecision(chair, m.ID, "", 1, "that patrols continue", false)
			return err
		}},
		{"note.add", func() error { _, err := s.AddNote(chair, m.ID, "", 1, "Quieter this week", false); return err }},
		{"hotspot.risk", func() error {
			_, err := s.SetHotspotRisk(chair, 2, 0, model.RiskMedium, "repeat victim", m.ID)
			return err
		}},
		{"hotspot.add", func() error {
			_, err := s.AddHotspot(chair, model.NewHotspot{Title: "Queen's Park", Category: model.CategoryNuisance, Risk: model.RiskMedium, LeadAgencyID: 1}, m.ID)
			return err
		}},
		{"hotspot.close", func() error {
			_, err := s.CloseHotspot(chair, 2, 0, "no reports for 8 weeks", m.ID, model.OpenActionsClose)
			return err
		}},
		{"meeting.next_date", func() error {
			_, err := s.SetNextMeeting(chair, m.ID, model.MustDate("2026-12-01"), "", "")
			return err
		}},
		{"meeting.close", func() error { _, err := s.CloseMeeting(chair, m.ID); return err }},
	}
	// Changes that touch more than one record write an event for each.
	also := map[string][]string{
		"hotspot.add":   {"meeting.agenda_add"},                                   // a referral joins the agenda
		"hotspot.close": {"note.add"},                                             // closed in the meeting: minuted
		"hotspot.risk":  {"note.add"},                                             // risk changed in the meeting: minuted
		"meeting.close": {"hotspot.reviewed", "hotspot.reviewed", "meeting.plan"}, // HS-1, HS-2 had business; the next date is set
	}
	for _, st := range steps {
		before, _ := s.AuditEvents(0)
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.op, err)
		}
		after, _ := s.AuditEvents(0)
		var got []string
		for i := len(after) - len(before) - 1; i >= 0; i-- {
			got = append(got, after[i].Op)
			if after[i].At.IsZero() || after[i].By == "" {
				t.Fatalf("%s: audit event without time or author: %+v", st.op, after[i])
			}
		}
		want := append([]string{st.op}, also[st.op]...)
		if strings.Join(got, " ") != strings.Join(want, " ") && !sameSet(got, want) {
			t.Fatalf("%s wrote audit events %v, want %v", st.op, got, want)
		}
	}
	// A refused change leaves no trace at all.
	before, _ := s.AuditEvents(0)
	counts, _ := s.Counts()
	if _, err := s.AssignAction(chair, model.NewAction{Text: "late", AgencyID: 2, Due: model.MustDate("2026-12-01"), MeetingID: m.ID}); err == nil {
		t.Fatal("an action was added to a closed meeting")
	}
	after, _ := s.AuditEvents(0)
	counts2, _ := s.Counts()
	if len(after) != len(before) || counts2["actions"] != counts["actions"] {
		t.Fatal("a refused change wrote something")
	}
	// The audit event of a change holds the record before and after.
	hist, _ := s.AuditEvents(0)
	for _, e := range hist {
		if e.Op == "action.status" {
			if !strings.Contains(string(e.Before), `"status":"open"`) || !strings.Contains(string(e.After), `"status":"in-progress"`) {
				t.Fatalf("status audit before/after: %s → %s", e.Before, e.After)
			}
		}
	}
}

func TestWriteWithoutAuditIsRefused(t *testing.T) {
	s, _, _ := openTiny(t)
	err := s.write(chair, func(w *wtx) error { return put(w.tx, bAgencies, 99, model.Agency{ID: 99, Name: "Sneaky"}) })
	if err == nil {
		t.Fatal("a write without an audit event committed")
	}
	as, _ := s.Agencies()
	for _, a := range as {
		if a.ID == 99 {
			t.Fatal("the unaudited record was kept")
		}
	}
}

func TestStaleEditRefusedAndNothingLost(t *testing.T) {
	s, _, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01"), MeetingID: m.ID})
	mustNoErr(t, err)
	// Two sessions both looking at version 1.
	_, err = s.SetActionStatus(sgt, a.ID, a.Version, model.StatusInProgress, "started", 0)
	mustNoErr(t, err)
	_, err = s.SetActionStatus(chair, a.ID, a.Version, model.StatusDone, "", 0)
	var conflict *ConflictError
	if !errors.As(err, &conflict) || !strings.Contains(err.Error(), "changed by Sgt Jas Patel at") || !strings.Contains(err.Error(), "reloaded") {
		t.Fatalf("second save: %v", err)
	}
	fresh, _ := s.Action(a.ID)
	if fresh.Status != model.StatusInProgress || fresh.LastUpdate != "open → in progress: started" || fresh.LastUpdateBy != sgt.Name {
		t.Fatalf("first save was lost: %+v", fresh)
	}
}

func TestConcurrentSessionsLoseNoUpdate(t *testing.T) {
	s, _, _ := openTiny(t)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	const sessions, notes = 8, 20
	var wg sync.WaitGroup
	for i := 0; i < sessions; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ch, stop := s.Subscribe()
			defer stop()
			go func() {
				for range ch {
				}
			}()
			for j := 0; j < notes; j++ {
				if _, err := s.AddActionNote(sgt, a.ID, "note", 0); err != nil {
					t.Error(err)
				}
				if _, err := s.Home(); err != nil {
					t.Error(err)
				}
			}
		}(i)
	}
	wg.Wait()
	hist, err := s.ActionHistory(a.ID)
	mustNoErr(t, err)
	if len(hist) != 1+sessions*notes {
		t.Fatalf("history has %d entries, want %d", len(hist), 1+sessions*notes)
	}
	fresh, _ := s.Action(a.ID)
	if fresh.Version != 1+sessions*notes {
		t.Fatalf("version %d, want %d", fresh.Version, 1+sessions*notes)
	}
}

func TestPermissionsEnforcedInStore(t *testing.T) {
	s, _, _ := openTiny(t)
	police, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	housing, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Tenancy visit", AgencyID: 3, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	var perm *model.PermissionError
	if _, err := s.SetActionStatus(sgt, police.ID, 0, model.StatusInProgress, "", 0); err != nil {
		t.Fatalf("a rep could not update their own agency's action: %v", err)
	}
	if _, err := s.SetActionStatus(sgt, housing.ID, 0, model.StatusDone, "", 0); !errors.As(err, &perm) {
		t.Fatalf("a rep changed another agency's action: %v", err)
	}
	if _, err := s.AddActionNote(sgt, housing.ID, "seen the tenant", 0); err != nil {
		t.Fatalf("a rep could not note another agency's action: %v", err)
	}
	if _, err := s.AddActionNote(viewer, police.ID, "x", 0); !errors.As(err, &perm) {
		t.Fatalf("a viewer wrote: %v", err)
	}
	if _, err := s.StartMeeting(sgt, model.Date{}); !errors.As(err, &perm) {
		t.Fatalf("a rep started a meeting: %v", err)
	}
	if _, err := s.AssignAction(sgt, model.NewAction{Text: "x", AgencyID: 2, Due: model.MustDate("2026-12-01")}); !errors.As(err, &perm) {
		t.Fatalf("a rep assigned an action: %v", err)
	}
	// Due dates: own agency's only, and each refusal names its rule.
	if _, err := s.ChangeDue(sgt, police.ID, 0, model.MustDate("2026-12-15"), "rota", 0); err != nil {
		t.Fatalf("a rep could not move their own agency's due date: %v", err)
	}
	if _, err := s.ChangeDue(sgt, housing.ID, 0, model.MustDate("2026-12-15"), "rota", 0); !errors.As(err, &perm) || !strings.Contains(err.Error(), "own agency") {
		t.Fatalf("a rep moved another agency's due date: %v", err)
	}
	// Meeting business and hotspots are the chair's.
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	refusals := map[string]error{}
	_, refusals["decision"] = s.RecordDecision(sgt, m.ID, model.ItemAOB, 0, "that x", false)
	_, refusals["note"] = s.AddNote(sgt, m.ID, model.ItemAOB, 0, "x", false)
	_, refusals["hotspot"] = s.AddHotspot(sgt, model.NewHotspot{Title: "x", Category: model.CategoryNuisance, Risk: model.RiskLow, LeadAgencyID: 2}, 0)
	_, refusals["risk"] = s.SetHotspotRisk(sgt, 1, 0, model.RiskLow, "", 0)
	_, refusals["attendance"] = s.SetAttendance(sgt, m.ID, 2, model.Present)
	_, refusals["accept"] = s.AcceptUpdate(sgt, police.ID, 0, m.ID)
	for what, err := range refusals {
		if !errors.As(err, &perm) || !strings.Contains(err.Error(), "only the chair or an admin may do this") {
			t.Errorf("a rep's %s: %v", what, err)
		}
	}
	if _, err := s.SetActionStatus(viewer, police.ID, 0, model.StatusDone, "", 0); !errors.As(err, &perm) || !strings.Contains(err.Error(), "viewers have read-only access") {
		t.Errorf("a viewer changed a status: %v", err)
	}
}

func TestChangeFeedAfterCommit(t *testing.T) {
	s, _, _ := openTiny(t)
	ch, stop := s.Subscribe()
	defer stop()
	_, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	c := <-ch
	if c.Op != "meeting.start" || c.Ref != "M-1" || c.By != chair.Name {
		t.Fatalf("change = %+v", c)
	}
	// A failed write publishes nothing.
	_, _ = s.StartMeeting(chair, model.Date{})
	select {
	case c := <-ch:
		t.Fatalf("a refused write published %+v", c)
	default:
	}
}

func TestMeetingRules(t *testing.T) {
	s, clock, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	var open *MeetingOpenError
	if _, err := s.StartMeeting(chair, model.Date{}); !errors.As(err, &open) {
		t.Fatalf("second start: %v", err)
	}
	if _, err := s.ApprovePreviousMinutes(chair, m.ID); err == nil {
		t.Fatal("approved minutes of a meeting that never happened")
	}
	if _, err := s.SetNextMeeting(chair, m.ID, m.Date, "", ""); err == nil {
		t.Fatal("next meeting on the same day accepted")
	}
	_, err = s.SetNextMeeting(chair, m.ID, m.Date.AddDays(7), "", "")
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	if _, err := s.AddNote(chair, m.ID, model.ItemAOB, 0, "late", false); err == nil || !strings.Contains(err.Error(), "closed and read-only") {
		t.Fatalf("note on a closed meeting: %v", err)
	}
	clock.t = clock.t.AddDate(0, 0, 7)
	next, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	if next.PreviousMeetingID != m.ID || next.Date != m.Date.AddDays(7) {
		t.Fatalf("the planned meeting did not open: %+v", next)
	}
	d, err := s.ApprovePreviousMinutes(chair, next.ID)
	mustNoErr(t, err)
	if !strings.Contains(d.Resolved(), "RESOLVED – that the minutes of the meeting held on Tuesday 24 November 2026 be approved as a correct record") {
		t.Fatalf("approval = %q", d.Resolved())
	}
	if _, err := s.ApprovePreviousMinutes(chair, next.ID); err == nil {
		t.Fatal("approved twice")
	}
	// Referral joins the agenda after "New referrals".
	h, err := s.AddHotspot(chair, model.NewHotspot{Title: "Alley off Low Pavement", Category: model.CategoryEnvironmental, Risk: model.RiskMedium, LeadAgencyID: 1}, next.ID)
	mustNoErr(t, err)
	rec, err := s.MeetingRecord(next.ID)
	mustNoErr(t, err)
	ag := rec.Meeting.Agenda
	for i, it := range ag {
		if it.Kind == model.ItemReferrals {
			if ag[i+1].HotspotID != h.ID {
				t.Fatalf("referral not after New referrals: %+v", ag)
			}
		}
	}
	if refs := rec.Referrals(); len(refs) != 1 || refs[0].ID != h.ID {
		t.Fatalf("referrals = %+v", refs)
	}
}

func TestBadInputRefusedWithFieldErrors(t *testing.T) {
	s, _, _ := openTiny(t)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	due := model.MustDate("2026-12-01")
	cases := []struct {
		name  string
		field string
		do    func() error
	}{
		{"empty text", "text", func() error {
			_, err := s.AssignAction(chair, model.NewAction{Text: "  ", AgencyID: 2, Due: due, MeetingID: m.ID})
			return err
		}},
		{"huge text", "text", func() error {
			_, err := s.AssignAction(chair, model.NewAction{Text: strings.Repeat("x", 2001), AgencyID: 2, Due: due, MeetingID: m.ID})
			return err
		}},
		{"unknown agency", "agency", func() error {
			_, err := s.AssignAction(chair, model.NewAction{Text: "x", AgencyID: 77, Due: due, MeetingID: m.ID})
			return err
		}},
		{"escape-only resolution", "text", func() error {
			_, err := s.RecordDecision(chair, m.ID, model.ItemAOB, 0, "\x1b[2J", false)
			return err
		}},
		{"carry forward without a reason", "reason", func() error {
			_, err := s.ChangeDue(chair, 1, 0, due, " ", m.ID)
			return err
		}},
	}
	for _, c := range cases {
		var fe *model.FieldError
		if err := c.do(); !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: %v, want a FieldError on %s", c.name, err, c.field)
		}
	}
	a, err := s.AssignAction(chair, model.NewAction{Text: "Patrols \x1b]0;pwned\x07now", AgencyID: 2, Due: due, MeetingID: m.ID})
	mustNoErr(t, err)
	if a.Text != "Patrols now" {
		t.Fatalf("escape sequence stored: %q", a.Text)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, x := range a {
		count[x]++
	}
	for _, x := range b {
		count[x]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

// Eight sessions race to change one action's status from the version they
// all read: exactly one wins, the rest are told who changed it, and the
// history holds exactly the one change.
func TestRacingStatusChangesOneWins(t *testing.T) {
	s, _, _ := openTiny(t)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	statuses := []model.ActionStatus{model.StatusInProgress, model.StatusDone, model.StatusBlocked, model.StatusCancelled}
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins, conflicts := 0, 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, err := s.SetActionStatus(sgt, a.ID, a.Version, statuses[i%len(statuses)], "racing", 0)
			mu.Lock()
			defer mu.Unlock()
			var c *ConflictError
			switch {
			case err == nil:
				wins++
			case errors.As(err, &c):
				conflicts++
			default:
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	hist, _ := s.ActionHistory(a.ID)
	if wins != 1 || conflicts != 7 || len(hist) != 2 {
		t.Fatalf("%d wins, %d conflicts, %d history entries", wins, conflicts, len(hist))
	}
}
