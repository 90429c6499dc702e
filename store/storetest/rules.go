package storetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
)

// Each change writes exactly one audit event (or one per record it touches)
// in the same transaction; a refused change writes none.
func testEveryChangeWritesItsAuditEvent(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	var m model.Meeting
	var a model.Action
	steps := []struct {
		op string
		do func() error
	}{
		{"meeting.start", func() (err error) { m, err = s.StartMeeting(chair, model.Date{}); return }},
		{"meeting.attendance", func() error { _, err := s.SetAttendance(chair, m.ID, 2, model.Present); return err }},
		{"meeting.guest", func() error {
			_, err := s.AddGuest(chair, m.ID, nil, model.Guest{Name: "G", Agency: "NHS"})
			return err
		}},
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
		{"action.note", func() error { _, err := s.AddActionNote(sgt, a.ID, 0, "First patrol done", 0); return err }},
		{"decision.record", func() error {
			_, err := s.RecordDecision(chair, m.ID, "", 1, "that patrols continue", false)
			return err
		}},
		{"note.add", func() error { _, err := s.AddNote(chair, m.ID, "", 1, "Quieter this week", false); return err }},
		{"hotspot.risk", func() error {
			_, err := s.SetHotspotRisk(chair, 2, 0, model.RiskMedium, "repeat victim", m.ID)
			return err
		}},
		{"hotspot.assess", func() error {
			_, err := s.AssessHotspot(chair, 2, 0, model.RiskAssessment{Likelihood: 3, Harm: 3, Vulnerable: true}, "an elderly neighbour", m.ID)
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
			_, err := s.SetNextMeeting(chair, m.ID, nil, model.MustDate("2026-12-01"), "", "")
			return err
		}},
		{"meeting.close", func() error { _, err := s.CloseMeeting(chair, m.ID); return err }},
	}
	// Changes that touch more than one record write an event for each.
	also := map[string][]string{
		"hotspot.add":    {"meeting.agenda_add"},                                   // a referral joins the agenda
		"hotspot.close":  {"note.add"},                                             // closed in the meeting: minuted
		"hotspot.risk":   {"note.add"},                                             // risk changed in the meeting: minuted
		"hotspot.assess": {"note.add"},                                             // risk assessed in the meeting: minuted
		"meeting.close":  {"hotspot.reviewed", "hotspot.reviewed", "meeting.plan"}, // HS-1, HS-2 had business; the next date is set
	}
	for _, st := range steps {
		before, _ := s.AuditEvents(0)
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.op, err)
		}
		after, _ := s.AuditEvents(0)
		var got []string
		for i := len(after) - len(before) - 1; i >= 0; i-- {
			got = append(got, string(after[i].Op))
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
	acts, _ := s.Actions(model.ActionFilter{})
	if _, err := s.AssignAction(chair, model.NewAction{Text: "late", AgencyID: 2, Due: model.MustDate("2026-12-01"), MeetingID: m.ID}); err == nil {
		t.Fatal("an action was added to a closed meeting")
	}
	after, _ := s.AuditEvents(0)
	acts2, _ := s.Actions(model.ActionFilter{})
	if len(after) != len(before) || len(acts2) != len(acts) {
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

func testStaleEditRefusedAndNothingLost(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01"), MeetingID: m.ID})
	mustNoErr(t, err)
	// Two sessions both looking at version 1.
	_, err = s.SetActionStatus(sgt, a.ID, a.Version, model.StatusInProgress, "started", 0)
	mustNoErr(t, err)
	_, err = s.SetActionStatus(chair, a.ID, a.Version, model.StatusDone, "", 0)
	var conflict *store.ConflictError
	if !errors.As(err, &conflict) || !strings.Contains(err.Error(), "changed by Sgt Jas Patel at") || !strings.Contains(err.Error(), "reloaded") {
		t.Fatalf("second save: %v", err)
	}
	fresh, _ := s.Action(a.ID)
	if fresh.Status != model.StatusInProgress || fresh.LastUpdate != "open → in progress: started" || fresh.LastUpdateBy != sgt.Name {
		t.Fatalf("first save was lost: %+v", fresh)
	}
}

func testConcurrentSessionsLoseNoUpdate(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
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
				if _, err := s.AddActionNote(sgt, a.ID, 0, "note", 0); err != nil {
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

func testPermissionsEnforcedInStore(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
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
	if _, err := s.AddActionNote(sgt, housing.ID, 0, "seen the tenant", 0); err != nil {
		t.Fatalf("a rep could not note another agency's action: %v", err)
	}
	if _, err := s.AddActionNote(viewer, police.ID, 0, "x", 0); !errors.As(err, &perm) {
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

func testChangeFeedAfterCommit(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
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

// A change notice says whose record changed and where it belongs, so a
// screen showing one agency's actions or one hotspot can pass over the rest
// without reading: an action's agency, hotspot and new version (the hotspot
// it left, when closing its hotspot moved it to general business), a
// hotspot's id, a decision's or note's hotspot.
func testChangeFeedSaysWhoseRecord(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	ch, stop := s.Subscribe()
	defer stop()
	next := func(op model.Op) store.Change {
		t.Helper()
		for {
			select {
			case c := <-ch:
				if c.Op == op {
					return c
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("no %s notice", op)
			}
		}
	}
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	if c := next("action.assign"); c.Agency != 2 || c.Hotspot != 1 || c.Version != 1 || c.Ref != a.Ref() {
		t.Fatalf("assign: %+v", c)
	}
	_, err = s.SetActionStatus(sgt, a.ID, 0, model.StatusInProgress, "", 0)
	mustNoErr(t, err)
	if c := next("action.status"); c.Agency != 2 || c.Hotspot != 1 || c.Version != 2 {
		t.Fatalf("status: %+v", c)
	}
	h, err := s.SetHotspotRisk(chair, 2, 0, model.RiskMedium, "repeat calls", 0)
	mustNoErr(t, err)
	if c := next("hotspot.risk"); c.Hotspot != 2 || c.Agency != 0 || c.Version != h.Version {
		t.Fatalf("risk: %+v", c)
	}
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	if c := next("meeting.start"); c.Hotspot != 0 || c.Agency != 0 || c.Version != 0 {
		t.Fatalf("meeting: %+v", c)
	}
	_, err = s.RecordDecision(chair, m.ID, model.ItemHotspot, 2, "that a dispersal order be sought", false)
	mustNoErr(t, err)
	if c := next("decision.record"); c.Hotspot != 2 {
		t.Fatalf("decision: %+v", c)
	}
	_, err = s.AddNote(chair, m.ID, model.ItemAOB, 0, "nothing further", false)
	mustNoErr(t, err)
	if c := next("note.add"); c.Hotspot != 0 {
		t.Fatalf("general note: %+v", c)
	}
	_, err = s.CloseHotspot(chair, 1, 0, "no reports for six weeks", m.ID, model.OpenActionsGeneral)
	mustNoErr(t, err)
	if c := next("action.general"); c.Hotspot != 1 || c.Agency != 2 || c.Ref != a.Ref() {
		t.Fatalf("moved to general business: %+v", c)
	}
}

func testMeetingRules(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	var already *record.MeetingOpenError
	if _, err := s.StartMeeting(chair, model.Date{}); !errors.As(err, &already) {
		t.Fatalf("second start: %v", err)
	}
	if _, err := s.ApprovePreviousMinutes(chair, m.ID); err == nil {
		t.Fatal("approved minutes of a meeting that never happened")
	}
	if _, err := s.SetNextMeeting(chair, m.ID, nil, m.Date, "", ""); err == nil {
		t.Fatal("next meeting on the same day accepted")
	}
	_, err = s.SetNextMeeting(chair, m.ID, nil, m.Date.AddDays(7), "", "")
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

func testBadInputRefusedWithFieldErrors(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
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

// Eight sessions race to change one action's status from the version they
// all read: exactly one wins, the rest are told who changed it, and the
// history holds exactly the one change.
func testRacingStatusChangesOneWins(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
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
			var c *store.ConflictError
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

// A hotspot counts as discussed (reviewed) when something is recorded under
// it — a change, or "discussed, no change"; one only passed over is
// deferred to the next meeting, and opens its agenda.
func testDiscussedHotspotsAreReviewedTheRestDeferred(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
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
func testAcceptRepUpdate(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	quiet, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Leaflets", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	clock.t = clock.t.Add(48 * time.Hour)
	_, err = s.AddActionNote(sgt, a.ID, 0, "Two patrols done, more on Friday", 0)
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
func testLatestUpdateIsTheAgencysNews(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	housing := model.Actor{MemberID: 9, Name: "Hal Housing", Role: model.RoleMember, AgencyID: 3}
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	clock.t = clock.t.Add(24 * time.Hour)
	_, err = s.AddActionNote(housing, a.ID, 0, "Saw them on Friday", 0)
	mustNoErr(t, err)
	if got, _ := s.Action(a.ID); got.LastUpdate != "" {
		t.Fatalf("another agency's note became the police's update: %q", got.LastUpdate)
	}
	_, err = s.AddActionNote(sgt, a.ID, 0, "First patrol done", 0)
	mustNoErr(t, err)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	got, _ := s.ChangeDue(chair, a.ID, 0, model.MustDate("2026-12-08"), "rota", m.ID)
	if got.LastUpdate != "First patrol done" || got.LastUpdateBy != sgt.Name {
		t.Fatalf("the meeting's change replaced the agency's news: %+v", got)
	}
	_, err = s.SetNextMeeting(chair, m.ID, nil, m.Date.AddDays(7), "", "")
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

// z in the meeting: the chair's last change comes back, once, recorded as
// a correction; navigation is not a change; someone else's later change
// stops it.
func testUndoTheChairsLastChange(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	tick := func() { clock.t = clock.t.Add(1e9) }
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "nothing to undo") {
		t.Fatalf("undo with nothing done: %v", err)
	}

	// An action assigned, then its status slipped to done.
	tick()
	act, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.DateOf(clock.t).AddDays(7), MeetingID: m.ID})
	mustNoErr(t, err)
	tick()
	_, err = s.SetActionStatus(chair, act.ID, 0, model.StatusDone, "", m.ID)
	mustNoErr(t, err)
	tick()
	_, err = s.GoToItem(chair, m.ID, 4) // moving on is not a change
	mustNoErr(t, err)
	said, err := s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if !strings.Contains(said, act.Ref()+" back to open") {
		t.Errorf("undo said %q", said)
	}
	a, _ := s.Action(act.ID)
	hist, _ := s.ActionHistory(act.ID)
	if a.Status != model.StatusOpen || !a.CompletedOn.IsZero() || len(hist) != 1 {
		t.Fatalf("after undo: %s, completed %s, %d history entries (want open, none, just 'assigned')", a.Status, a.CompletedOn, len(hist))
	}
	// A second undo takes back the change before: the assignment. The
	// undo of the status restored the action as it was assigned (a later
	// version, the same content), so it does not stand in the way.
	said, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if !strings.Contains(said, act.Ref()+" (assigned) removed") {
		t.Errorf("a second undo said %q", said)
	}
	if _, err := s.Action(act.ID); err == nil {
		t.Fatal("the undone assignment is still there")
	}
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "nothing to undo") {
		t.Fatalf("a third undo, with everything undone: %v", err)
	}
	tick()
	act, err = s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.DateOf(clock.t).AddDays(7), MeetingID: m.ID})
	mustNoErr(t, err)

	// A note, undone.
	tick()
	n, err := s.RecordNote(chair, m.ID, model.NewNote{HotspotID: 1, Text: "Wrong item"})
	mustNoErr(t, err)
	tick()
	_, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	rec, _ := s.MeetingRecord(m.ID)
	for _, x := range rec.Notes {
		if x.ID == n.ID {
			t.Fatal("the note is still there")
		}
	}

	// Attendance marked by mistake comes back unmarked.
	tick()
	_, err = s.SetAttendance(chair, m.ID, 2, model.Apologies)
	mustNoErr(t, err)
	tick()
	_, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if got, _ := s.Meeting(m.ID); got.AttendanceOf(2) != model.Unmarked {
		t.Errorf("attendance after undo: %q", got.AttendanceOf(2))
	}

	// Someone else changed the action since: refused, nothing touched.
	tick()
	_, err = s.SetActionStatus(chair, act.ID, 0, model.StatusBlocked, "", m.ID)
	mustNoErr(t, err)
	tick()
	_, err = s.AddActionNote(sgt, act.ID, 0, "On it", 0)
	mustNoErr(t, err)
	tick()
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "has changed since") {
		t.Fatalf("undo over someone else's change: %v", err)
	}
	if a, _ := s.Action(act.ID); a.Status != model.StatusBlocked {
		t.Fatalf("a refused undo changed the action: %s", a.Status)
	}

	// The agenda's Part 2 cannot be undone.
	tick()
	_, err = s.SetItemPart2(chair, m.ID, 4, nil, true, 0)
	mustNoErr(t, err)
	tick()
	if _, err := s.Undo(chair, m.ID); err == nil || !strings.Contains(err.Error(), "(moving an item into or out of Part 2) cannot be undone") {
		t.Fatalf("undo of a Part 2 move: %v", err)
	}

	// An action assigned by mistake goes, history and all.
	tick()
	oops, err := s.AssignAction(chair, model.NewAction{Text: "Wrong", AgencyID: 3, Due: model.DateOf(clock.t).AddDays(7), MeetingID: m.ID})
	mustNoErr(t, err)
	tick()
	_, err = s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if _, err := s.Action(oops.ID); err == nil {
		t.Error("the mistaken action is still there")
	}
	if h, _ := s.ActionHistory(oops.ID); len(h) != 0 {
		t.Errorf("its history is still there: %v", h)
	}

	// Each undo is in the audit trail beside what it undid.
	events, _ := s.AuditEvents(0)
	undos := 0
	for _, e := range events {
		if e.Op == "meeting.undo" {
			undos++
		}
	}
	if undos != 5 {
		t.Errorf("%d undo events, want 5", undos)
	}
}

// Undo takes back any of the chair's last changes, named, newest first:
// an older slip comes off while the later change stays.
func testUndoAnyOfTheLastChanges(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	tick := func() { clock.t = clock.t.Add(1e9) }
	tick()
	first, err := s.RecordNote(chair, m.ID, model.NewNote{HotspotID: 1, Text: "Said under the wrong item"})
	mustNoErr(t, err)
	tick()
	second, err := s.RecordNote(chair, m.ID, model.NewNote{HotspotID: 1, Text: "Groups of 15 at the bus station"})
	mustNoErr(t, err)
	tick()
	choices, err := s.UndoChoices(chair, m.ID)
	mustNoErr(t, err)
	if len(choices) != 2 || !strings.Contains(choices[0].Name, second.Ref()) || !strings.Contains(choices[1].Name, first.Ref()) {
		t.Fatalf("the changes offered: %+v", choices)
	}
	tick()
	said, err := s.UndoChange(chair, m.ID, choices[1].Key())
	mustNoErr(t, err)
	if !strings.Contains(said, first.Ref()) {
		t.Errorf("undo said %q", said)
	}
	rec, _ := s.MeetingRecord(m.ID)
	var kept []model.ID
	for _, n := range rec.Notes {
		kept = append(kept, n.ID)
	}
	if len(kept) != 1 || kept[0] != second.ID {
		t.Fatalf("notes after undoing the first: %v, want only %s", kept, second.Ref())
	}
	choices, err = s.UndoChoices(chair, m.ID)
	mustNoErr(t, err)
	if len(choices) != 1 || !strings.Contains(choices[0].Name, second.Ref()) {
		t.Fatalf("after the undo the changes offered: %+v", choices)
	}
	if _, err := s.UndoChange(chair, m.ID, 99999); err == nil || !strings.Contains(err.Error(), "not one of your last") {
		t.Fatalf("undo of a change not offered: %v", err)
	}
	if _, err := s.UndoChoices(sgt, m.ID); err == nil || !strings.Contains(err.Error(), "nothing to undo") {
		t.Fatalf("the sergeant's choices: %v", err)
	}

	// Twenty more: the last twenty are offered, newest first, each named;
	// the oldest of them can be taken back, the one before it cannot.
	var notes []model.Note
	for i := range model.MaxUndo + 1 {
		tick()
		n, err := s.RecordNote(chair, m.ID, model.NewNote{HotspotID: 1, Text: fmt.Sprintf("Point %d", i+1)})
		mustNoErr(t, err)
		notes = append(notes, n)
	}
	choices, err = s.UndoChoices(chair, m.ID)
	mustNoErr(t, err)
	if len(choices) != model.MaxUndo || !strings.Contains(choices[0].Name, notes[model.MaxUndo].Ref()) ||
		!strings.Contains(choices[model.MaxUndo-1].Name, notes[1].Ref()) {
		t.Fatalf("after %d changes the %d offered run from %q to %q", model.MaxUndo+1, len(choices), choices[0].Name, choices[len(choices)-1].Name)
	}
	tick()
	said, err = s.UndoChange(chair, m.ID, choices[model.MaxUndo-1].Key())
	mustNoErr(t, err)
	if !strings.Contains(said, notes[1].Ref()) {
		t.Errorf("undoing the twentieth said %q, want %s", said, notes[1].Ref())
	}
}

// The meeting's own record — the statement read, "no declarations", the
// next meeting's date — comes back too: each a slip the chair can make.
func testUndoTheMeetingsOwnRecord(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	undo := func(want string) model.Meeting {
		t.Helper()
		clock.t = clock.t.Add(1e9)
		said, err := s.Undo(chair, m.ID)
		mustNoErr(t, err)
		if !strings.Contains(said, want) {
			t.Errorf("undo said %q, want %q", said, want)
		}
		got, _, err := s.OpenMeeting()
		mustNoErr(t, err)
		return got
	}
	_, err = s.RecordConfidentiality(chair, m.ID)
	mustNoErr(t, err)
	if got := undo("no longer recorded as read"); got.ConfidentialityRead {
		t.Error("the statement is still recorded as read")
	}
	_, err = s.SetNoDeclarations(chair, m.ID)
	mustNoErr(t, err)
	if got := undo(`"no declarations" taken back`); got.NoDeclarations {
		t.Error("no declarations is still recorded")
	}
	_, err = s.SetNextMeeting(chair, m.ID, nil, m.Date.AddDays(7), "", "")
	mustNoErr(t, err)
	if got := undo("none fixed"); !got.NextDate.IsZero() {
		t.Errorf("the next meeting is still %s", got.NextDate)
	}
	_, err = s.SetNextMeeting(chair, m.ID, nil, m.Date.AddDays(14), "", "")
	mustNoErr(t, err)
	_, err = s.SetNextMeeting(chair, m.ID, nil, m.Date.AddDays(21), "", "")
	mustNoErr(t, err)
	if got := undo("back to " + m.Date.AddDays(14).String()); got.NextDate != m.Date.AddDays(14) {
		t.Errorf("the next meeting is %s", got.NextDate)
	}
}

// Minute numbers run on through a municipal year; the next meeting's
// approval makes minutes final; a later correction is an amendment.
func testMinuteNumbersApprovalAndAmendments(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	first, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	dec, err := s.RecordDecision(chair, first.ID, "", 1, "that patrols continue", false)
	mustNoErr(t, err)
	note, err := s.AddNote(chair, first.ID, "", 1, "Quieter, two incidents", false)
	mustNoErr(t, err)
	var fe *model.FieldError
	if _, err := s.Amend(chair, dec.Ref(), "that patrols stop", "typo"); !errors.As(err, &fe) || !strings.Contains(err.Error(), "still open") {
		t.Fatalf("amended an open meeting: %v", err)
	}
	_, err = s.SetNextMeeting(chair, first.ID, nil, first.Date.AddDays(7), "", "")
	mustNoErr(t, err)
	_, err = s.CloseMeeting(chair, first.ID)
	mustNoErr(t, err)

	rec, err := s.MeetingRecord(first.ID)
	mustNoErr(t, err)
	if rec.FirstMinute != 1 || rec.Approval != nil {
		t.Fatalf("first meeting: first minute %d, approval %v", rec.FirstMinute, rec.Approval)
	}
	clock.t = clock.t.AddDate(0, 0, 7)
	second, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	approval, err := s.ApprovePreviousMinutes(chair, second.ID)
	mustNoErr(t, err)
	rec, _ = s.MeetingRecord(first.ID)
	if rec.Approval == nil || rec.Approval.ID != approval.ID || rec.ApprovalMeeting.ID != second.ID {
		t.Fatalf("approval not found: %+v", rec.Approval)
	}
	rec2, _ := s.MeetingRecord(second.ID)
	if want := 1 + first.MinuteCount(); rec2.FirstMinute != want {
		t.Fatalf("second meeting's first minute %d, want %d", rec2.FirstMinute, want)
	}

	// A correction after the meeting: who, when, why; the original kept.
	am, err := s.Amend(sgt, dec.Ref(), "that patrols continue until Christmas", "wrong date")
	var perm *model.PermissionError
	if !errors.As(err, &perm) {
		t.Fatalf("a rep amended the minutes: %v %v", am, err)
	}
	am, err = s.Amend(chair, dec.Ref(), "That patrols continue until Christmas", "the dates were agreed but not minuted")
	mustNoErr(t, err)
	if am.Before != "that patrols continue" || am.After != "that patrols continue until Christmas" || am.By != chair.Name {
		t.Fatalf("amendment %+v", am)
	}
	_, err = s.Amend(chair, note.Ref(), "Quieter: two incidents, both on Friday", "detail added")
	mustNoErr(t, err)
	if _, err := s.Amend(chair, "X-1", "x", "y"); err == nil {
		t.Fatal("amended a nonsense ref")
	}
	if _, err := s.Amend(chair, dec.Ref(), "x", " "); !errors.As(err, &fe) || fe.Field != "reason" {
		t.Fatalf("an amendment without a reason: %v", err)
	}
	rec, _ = s.MeetingRecord(first.ID)
	if len(rec.Amendments) != 2 || rec.DecisionsIn(model.ItemHotspot, 1)[0].Text != "that patrols continue until Christmas" {
		t.Fatalf("amendments %+v", rec.Amendments)
	}
	events, _ := s.AuditEvents(0)
	found := false
	for _, e := range events {
		if e.Op == "decision.amend" && strings.Contains(string(e.Before), `"text":"that patrols continue"`) {
			found = true
		}
	}
	if !found {
		t.Fatal("the original text is not in the audit trail")
	}
}

func testMunicipalYearRestartsNumbering(t *testing.T, open Backend) {
	if model.MunicipalYear(model.MustDate("2027-03-31")) != 2026 || model.MunicipalYear(model.MustDate("2027-04-01")) != 2027 {
		t.Fatal("the municipal year starts on 1 April")
	}
	march := model.Meeting{ID: 1, Date: model.MustDate("2027-03-30"), State: model.MeetingClosed, Agenda: make([]model.AgendaItem, 9)}
	april := model.Meeting{ID: 2, Date: model.MustDate("2027-04-06"), State: model.MeetingOpen}
	if got := model.FirstMinute(april, []model.Meeting{march, april}); got != 1 {
		t.Fatalf("April's first minute %d, want 1", got)
	}
	may := model.Meeting{ID: 3, Date: model.MustDate("2027-05-04"), State: model.MeetingOpen}
	april.Agenda = make([]model.AgendaItem, 12)
	april.Agenda[0].Kind = model.ItemAttendance
	april.Agenda[11].Part2 = true
	// Every item is a minute (attendance is "Apologies for absence"), and
	// taking anything in private adds the exclusion of the public.
	if got := model.FirstMinute(may, []model.Meeting{march, april, may}); got != 14 {
		t.Fatalf("May's first minute %d, want 14 (April had 12 items and the exclusion)", got)
	}
}

func testPart2ItemsAndDroppingBusyItems(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	_, err := s.AddHotspot(chair, model.NewHotspot{Title: "Hate incidents, Elm Road", Category: model.CategoryPersonal, Risk: model.RiskHigh, LeadAgencyID: 1}, 0)
	mustNoErr(t, err)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	var personal, hs1 int
	for i, it := range m.Agenda {
		switch it.HotspotID {
		case 3:
			personal = i
			if !it.Part2 {
				t.Fatal("a personal-category hotspot is not Part 2 by default")
			}
		case 1:
			hs1 = i
		}
	}
	m, err = s.SetItemPart2(chair, m.ID, hs1, nil, true, 0)
	mustNoErr(t, err)
	if last := m.Agenda[len(m.Agenda)-1]; last.HotspotID != 1 || !last.Part2 || last.Paragraph != model.ParaCrime {
		t.Fatalf("HS-1 is not last in Part 2 (paragraph 7 by default): %v", m.Agenda)
	}
	if h, _ := s.Hotspot(1); !h.Part2 {
		t.Fatal("Part 2 belongs to the hotspot: HS-1 is not marked")
	}
	if _, err := s.SetItemPart2(chair, m.ID, 0, nil, true, 0); err == nil {
		t.Fatal("attendance moved to Part 2")
	}
	personal = slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == 3 })
	if _, err := s.SetItemPart2(chair, m.ID, personal, nil, false, 0); err == nil || !strings.Contains(err.Error(), "always taken in private") {
		t.Fatalf("personal ASB moved into Part 1: %v", err)
	}
	_, err = s.AddNote(chair, m.ID, "", 3, "Family spoken to", true)
	mustNoErr(t, err)
	if _, err := s.DropAgendaItem(chair, m.ID, personal, nil); err == nil || !strings.Contains(err.Error(), "stays on the agenda") {
		t.Fatalf("dropped an item with business: %v", err)
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
