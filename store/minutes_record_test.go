package store

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// Minute numbers run on through a municipal year; the next meeting's
// approval makes minutes final; a later correction is an amendment.
func TestMinuteNumbersApprovalAndAmendments(t *testing.T) {
	s, clock, _ := openTiny(t)
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
	_, err = s.SetNextMeeting(chair, first.ID, first.Date.AddDays(7), "", "")
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

func TestMunicipalYearRestartsNumbering(t *testing.T) {
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

func TestPart2ItemsAndDroppingBusyItems(t *testing.T) {
	s, _, _ := openTiny(t)
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
	m, err = s.SetItemPart2(chair, m.ID, hs1, true, 0)
	mustNoErr(t, err)
	if last := m.Agenda[len(m.Agenda)-1]; last.HotspotID != 1 || !last.Part2 || last.Paragraph != model.ParaCrime {
		t.Fatalf("HS-1 is not last in Part 2 (paragraph 7 by default): %v", m.Agenda)
	}
	if h, _ := s.Hotspot(1); !h.Part2 {
		t.Fatal("Part 2 belongs to the hotspot: HS-1 is not marked")
	}
	if _, err := s.SetItemPart2(chair, m.ID, 0, true, 0); err == nil {
		t.Fatal("attendance moved to Part 2")
	}
	personal = slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == 3 })
	if _, err := s.SetItemPart2(chair, m.ID, personal, false, 0); err == nil || !strings.Contains(err.Error(), "always taken in private") {
		t.Fatalf("personal ASB moved into Part 1: %v", err)
	}
	_, err = s.AddNote(chair, m.ID, "", 3, "Family spoken to", true)
	mustNoErr(t, err)
	if _, err := s.DropAgendaItem(chair, m.ID, personal); err == nil || !strings.Contains(err.Error(), "stays on the agenda") {
		t.Fatalf("dropped an item with business: %v", err)
	}
}
