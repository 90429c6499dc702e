package storetest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// A closed meeting's record is the record as it stood when it closed: its
// minutes, and its page, say the same on any later day, whatever changed
// since. A backend that served the live record instead would publish
// today's words as what was known and agreed then. Only the record's own
// corrections reach it (an approval, an amendment). A meeting not yet
// closed is drafted from the record as it is now.
func testFrozenMinutesServedFrozen(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	a, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Joint patrols", AgencyID: 2, Due: model.DateOf(clock.t).AddDays(14), MeetingID: m.ID})
	mustNoErr(t, err)
	dec, err := s.RecordDecision(chair, m.ID, "", 1, "that patrols continue", false)
	mustNoErr(t, err)
	_, err = s.SetNextMeeting(chair, m.ID, nil, m.Date.AddDays(7), "", "")
	mustNoErr(t, err)
	clock.t = clock.t.Add(time.Hour)
	_, err = s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	atClose, err := s.MinutesRecord(m.ID)
	mustNoErr(t, err)

	// Between meetings: the action is done, its agency renamed, the
	// hotspot's risk lowered.
	clock.t = clock.t.Add(48 * time.Hour)
	_, err = s.SetActionStatus(sgt, a.ID, a.Version, model.StatusDone, "Patrols finished", 0)
	mustNoErr(t, err)
	_, err = s.RenameAgency(chair, 2, 0, "Testshire Constabulary", "Constabulary")
	mustNoErr(t, err)
	_, err = s.SetHotspotRisk(chair, 1, 0, model.RiskLow, "quiet for a month", 0)
	mustNoErr(t, err)

	for name, read := range map[string]func(model.ID) (model.MeetingRecord, error){"MinutesRecord": s.MinutesRecord, "MeetingRecord": s.MeetingRecord} {
		rec, err := read(m.ID)
		mustNoErr(t, err)
		if got, want := jsonOf(t, rec), jsonOf(t, atClose); got != want {
			t.Errorf("%s of the closed meeting changed after it closed:\n%s\nwas\n%s", name, got, want)
		}
		if got := actionIn(rec, a.ID); got.Status != model.StatusOpen {
			t.Errorf("%s: %s is %s, as it is now; at the close it was open", name, a.Ref(), got.Status)
		}
		if got := agencyIn(rec, 2); got.Name != "Testshire Police" {
			t.Errorf("%s names agency 2 %q, its name now", name, got.Name)
		}
		if got := hotspotIn(rec, 1); got.Risk != model.RiskHigh {
			t.Errorf("%s gives HS-1's risk as %s, as it is now", name, got.Risk)
		}
		if rec.AuditHead == nil {
			t.Errorf("%s of a closed meeting keeps no audit head", name)
		}
	}
	now, err := s.Action(a.ID)
	mustNoErr(t, err)
	if now.Status != model.StatusDone {
		t.Fatalf("the live action is %s", now.Status)
	}

	// A correction reaches the frozen record; nothing else does.
	_, err = s.Amend(chair, dec.Ref(), "that patrols continue until Christmas", "the dates were agreed")
	mustNoErr(t, err)
	rec, err := s.MinutesRecord(m.ID)
	mustNoErr(t, err)
	if len(rec.Amendments) != 1 || decisionIn(rec, dec.ID).Text != "that patrols continue until Christmas" {
		t.Errorf("the amendment is not in the frozen record: %+v", rec.Amendments)
	}
	if actionIn(rec, a.ID).Status != model.StatusOpen {
		t.Error("amending the minutes brought the live action into them")
	}

	// The meeting the close planned is drafted from the record now.
	var next model.Meeting
	ms, err := s.Meetings()
	mustNoErr(t, err)
	for _, x := range ms {
		if x.State == model.MeetingPlanned {
			next = x
		}
	}
	if next.ID == 0 {
		t.Fatalf("no meeting was planned by the close: %+v", ms)
	}
	draft, err := s.MinutesRecord(next.ID)
	mustNoErr(t, err)
	if agencyIn(draft, 2).Name != "Testshire Constabulary" || actionIn(draft, a.ID).Status != model.StatusDone {
		t.Errorf("the next meeting's draft is not the record now: agency %q, %s %s",
			agencyIn(draft, 2).Name, a.Ref(), actionIn(draft, a.ID).Status)
	}
	if draft.AuditHead != nil {
		t.Error("a draft carries an audit head, as if it were frozen")
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	mustNoErr(t, err)
	return string(b)
}

// byID is the one of xs with id (zero: none).
func byID[T any](xs []T, id model.ID, idOf func(T) model.ID) T {
	for _, x := range xs {
		if idOf(x) == id {
			return x
		}
	}
	var zero T
	return zero
}

func actionIn(rec model.MeetingRecord, id model.ID) model.Action {
	return byID(rec.Actions, id, func(x model.Action) model.ID { return x.ID })
}

func agencyIn(rec model.MeetingRecord, id model.ID) model.Agency {
	return byID(rec.Agencies, id, func(x model.Agency) model.ID { return x.ID })
}

func hotspotIn(rec model.MeetingRecord, id model.ID) model.Hotspot {
	return byID(rec.Hotspots, id, func(x model.Hotspot) model.ID { return x.ID })
}

func decisionIn(rec model.MeetingRecord, id model.ID) model.Decision {
	return byID(rec.Decisions, id, func(x model.Decision) model.ID { return x.ID })
}

// Exempt once, exempt for good: what was recorded while an item was taken
// in private stays private when the item comes back into Part 1, and the
// chair is told beforehand what will stay so (BackToPart1).
func testExemptOnceExemptForGood(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	item := func(m model.Meeting) int {
		return slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == 1 })
	}
	m, err = s.SetItemPart2(chair, m.ID, item(m), nil, true, 0)
	mustNoErr(t, err)
	dec, err := s.RecordDecision(chair, m.ID, "", 1, "that the family be referred", false)
	mustNoErr(t, err)
	note, err := s.AddNote(chair, m.ID, "", 1, "Named youths seen", false)
	mustNoErr(t, err)
	if !dec.Private || !note.Private {
		t.Fatalf("recorded under a Part 2 item: decision private %v, note private %v", dec.Private, note.Private)
	}
	b, err := s.BackToPart1(m.ID, item(m))
	mustNoErr(t, err)
	if b.Hotspot == nil || b.Hotspot.ID != 1 || !strings.HasPrefix(b.Item, "HS-1 ") || b.Decisions != 1 || b.Notes != 1 {
		t.Errorf("what taking HS-1 back into Part 1 would keep private: %+v", b)
	}
	if _, err := s.BackToPart1(m.ID, 99); err == nil {
		t.Error("BackToPart1 of an item the agenda does not have")
	}
	m, err = s.SetItemPart2(chair, m.ID, item(m), nil, false, 0)
	mustNoErr(t, err)
	rec, err := s.MeetingRecord(m.ID)
	mustNoErr(t, err)
	if !decisionIn(rec, dec.ID).Private || !noteIn(rec, note.ID).Private {
		t.Error("what was said in private became public when the item came back into Part 1")
	}
}

func noteIn(rec model.MeetingRecord, id model.ID) model.Note {
	return byID(rec.Notes, id, func(x model.Note) model.ID { return x.ID })
}
