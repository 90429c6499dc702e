package storetest

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Every write of the record, run as each kind of person who may be
// refused, is refused exactly as model's rules say (model.Allow) — before
// it runs, naming the change, writing nothing — and goes through for the
// rest. The list of writes is checked against store.Record itself, so a
// write added to the record without a line here fails the test, and a
// write that forgot to ask (or asked about the wrong change, or the wrong
// agency) is found by the people it lets through.

// The people the rules tell apart, beside the chair (tinyDataset's chair,
// sgt of the police who own the actions and powers below, viewer) —
// added to the tiny partnership by openRefusals.
var (
	circulation = model.Actor{MemberID: 4, Name: "Cllr Cath Dyson", Role: model.RoleCirculation, AgencyID: 3}
	housing     = model.Actor{MemberID: 5, Name: "Hal Housing", Role: model.RoleMember, AgencyID: 3} // another agency's member
)

// refusalRecord is what each write is tried on: a meeting under way (M-2)
// with the one before it (M-1) closed, an action and a closure order
// (P-1) owned by the police, whose sergeant has written on A-1, and the
// other things a write needs to find.
type refusalRecord struct {
	meeting           model.ID // M-2, under way
	action            model.ID // A-1, the police's, on HS-1, with the sergeant's note
	power             model.ID // P-1, the police's closure order on general action A-2
	hs1Item, hs2Item  int      // where HS-1 and HS-2 are on M-2's agenda
	laterHotspot      model.ID // HS-3, added after M-2 began: not on its agenda
	retiring          model.ID // member 6, on no one's business
	oldAgency         model.ID // agency 4: no members, no actions
	sgtKeyFingerprint string
	spareKey          string // another key for the sergeant, not yet theirs
	now               time.Time
}

const (
	policeAgency model.ID = 2
	noAgency     model.ID = 0
)

// aWrite is one write of the record: how to make it as actor, the kind
// of change it declares, whose record it changes and what parts it needs
// (model.Allow's arguments), and anything the chair's own call needs first.
type aWrite struct {
	method string
	op     model.Op
	owner  model.ID
	parts  []model.Right
	empty  bool // tried on an empty record (Seed)
	prep   func(t *testing.T, s store.Record, r refusalRecord)
	call   func(s store.Record, a model.Actor, r refusalRecord) error
}

// readsWithAnActor are the methods of Record that take an actor and change
// nothing.
var readsWithAnActor = []string{"Backup", "UndoChoices", "RetentionPlan"}

func testEveryWriteRefusedAsTheRulesSay(t *testing.T, open Backend) {
	writes := everyWrite()
	named := map[string]bool{}
	for _, w := range writes {
		named[w.method] = true
	}
	rt := reflect.TypeFor[store.Record]()
	actorType := reflect.TypeFor[model.Actor]()
	for i := range rt.NumMethod() {
		m := rt.Method(i)
		takesActor := m.Type.NumIn() > 0 && m.Type.In(0) == actorType
		switch {
		case takesActor && !named[m.Name] && !slices.Contains(readsWithAnActor, m.Name):
			t.Errorf("%s takes an actor but is not in the list of writes: add it to everyWrite", m.Name)
		case !takesActor && named[m.Name]:
			t.Errorf("%s is listed as a write but takes no actor", m.Name)
		}
	}
	refused := map[model.Role]int{}
	for _, w := range writes {
		t.Run(w.method, func(t *testing.T) {
			s, r := openRefusals(t, open, w.empty)
			if w.prep != nil {
				w.prep(t, s, r)
			}
			// The chair may make every change: the call is a sound one,
			// so a refusal below is the rules', not the arguments'.
			before := auditLen(t, s)
			if err := w.call(s, chair, r); err != nil {
				t.Fatalf("the chair's %s: %v", w.method, err)
			}
			if !declaredIn(t, s, before, w.op) {
				t.Errorf("the chair's %s wrote no %s audit event", w.method, w.op)
			}
			for _, a := range []model.Actor{viewer, circulation, housing, sgt} {
				want := model.Allow(a, w.op, w.owner, w.parts...)
				before := auditLen(t, s)
				err := w.call(s, a, r)
				var pe *model.PermissionError
				gate := errors.As(err, &pe) && pe.Op != ""
				switch {
				case want != nil && (!gate || pe.Op != w.op || err.Error() != want.Error()):
					t.Errorf("%s's %s: %v\nwant the refusal %q", a.Name, w.method, err, want)
				case want != nil && auditLen(t, s) != before:
					t.Errorf("%s's refused %s wrote to the audit trail", a.Name, w.method)
				case want == nil && gate:
					t.Errorf("%s's %s was refused as %s, which the rules allow: %v", a.Name, w.method, pe.Op, err)
				case want != nil:
					refused[a.Role]++
				}
			}
		})
	}
	// Each kind of person was refused something: the test tried.
	for _, role := range []model.Role{model.RoleViewer, model.RoleCirculation, model.RoleMember} {
		if refused[role] == 0 {
			t.Errorf("no write refused a %s", role)
		}
	}
}

func auditLen(t *testing.T, s store.Record) int {
	t.Helper()
	events, err := s.AuditEvents(0)
	if err != nil {
		t.Fatal(err)
	}
	return len(events)
}

// declaredIn: the events written since the trail was n long include one of
// kind op.
func declaredIn(t *testing.T, s store.Record, n int, op model.Op) bool {
	t.Helper()
	events, err := s.AuditEvents(0) // newest first
	if err != nil {
		t.Fatal(err)
	}
	return slices.ContainsFunc(events[:len(events)-n], func(e model.AuditEvent) bool { return e.Op == op })
}

// openRefusals opens the record each write is tried on (refusalRecord);
// empty: an empty record, for a write that loads one.
func openRefusals(t *testing.T, open Backend, empty bool) (store.Record, refusalRecord) {
	t.Helper()
	clock := &fixedClock{t: time.Date(2026, 11, 17, 10, 0, 0, 0, time.Local)}
	s := open(t, clock.now)
	var r refusalRecord
	if empty {
		return s, r
	}
	d := tinyDataset(clock.t)
	d.Agencies = append(d.Agencies, model.Agency{ID: 4, Name: "Old Partner Trust", ShortName: "Old Partner", Version: 1})
	d.Members = append(d.Members,
		model.Member{ID: 4, Name: circulation.Name, AgencyID: 3, Role: model.RoleCirculation, Version: 1},
		model.Member{ID: 5, Name: housing.Name, AgencyID: 3, Role: model.RoleMember, Version: 1},
		model.Member{ID: 6, Name: "Rita Leaving", AgencyID: 1, Role: model.RoleMember, Version: 1})
	r.retiring, r.oldAgency = 6, 4
	mustNoErr(t, s.Seed(model.SystemActor("test"), d))
	tick := func() { clock.t = clock.t.Add(time.Minute) }

	// Last week's meeting, closed, with a note and a resolution.
	m1, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	tick()
	_, err = s.RecordNote(chair, m1.ID, model.NewNote{Item: model.ItemAOB, Text: "Footfall up at the market"})
	mustNoErr(t, err)
	_, err = s.RecordDecision(chair, m1.ID, model.ItemAOB, 0, "that the market patrols continue", false)
	mustNoErr(t, err)
	tick()
	_, err = s.CloseMeeting(chair, m1.ID)
	mustNoErr(t, err)

	// This week's, under way.
	clock.t = time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)
	m2, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	r.meeting = m2.ID
	for i, it := range m2.Agenda {
		switch {
		case it.Kind == model.ItemHotspot && it.HotspotID == 1:
			r.hs1Item = i
		case it.Kind == model.ItemHotspot && it.HotspotID == 2:
			r.hs2Item = i
		}
	}
	tick()
	due := model.DateOf(clock.t).AddDays(14)
	a1, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Joint patrols Fri/Sat", AgencyID: policeAgency, Due: due, MeetingID: m2.ID})
	mustNoErr(t, err)
	r.action = a1.ID
	a2, err := s.AssignAction(chair, model.NewAction{Text: "Closure of 4 Mill Lane", AgencyID: policeAgency, Due: due})
	mustNoErr(t, err)
	p, err := s.RecordPower(chair, model.NewPower{Kind: model.PowerClosureOrder, ActionID: a2.ID, AgencyID: policeAgency, Start: clock.t, AuthorisedBy: "Chesterfield Magistrates"}, 0)
	mustNoErr(t, err)
	r.power = p.ID
	tick()
	_, err = s.AddActionNote(sgt, a1.ID, 0, "First patrol done; groups moved on", 0)
	mustNoErr(t, err)
	_, err = s.RecordNote(chair, m2.ID, model.NewNote{Item: model.ItemAOB, Text: "A family's details, in confidence", Confidential: true})
	mustNoErr(t, err)
	h3, err := s.AddHotspot(chair, model.NewHotspot{Title: "Mill Lane garages", Category: model.CategoryEnvironmental, Risk: model.RiskLow, LeadAgencyID: 1}, 0)
	mustNoErr(t, err)
	r.laterHotspot = h3.ID
	key, fp := testKey(t, 7, "jas@laptop")
	_, _, err = s.AddMemberKeys(chair, 2, []string{key})
	mustNoErr(t, err)
	r.sgtKeyFingerprint = fp
	r.spareKey, _ = testKey(t, 8, "jas@desktop")
	_, err = s.AddGuest(chair, m2.ID, nil, model.Guest{Name: "Dr Kim Reyes", Agency: "Testshire University"})
	mustNoErr(t, err)
	_, err = s.AddDeclaration(chair, m2.ID, 2, nil, model.ItemHotspot, 1, "lives on the estate")
	mustNoErr(t, err)
	tick()
	// The chair's last change in the meeting, for undo to take back.
	_, err = s.SetAttendance(chair, m2.ID, 3, model.Apologies)
	mustNoErr(t, err)
	tick()
	r.now = clock.t
	return s, r
}

// everyWrite is every write of store.Record, as aWrite.
func everyWrite() []aWrite {
	type rec = refusalRecord
	type rs = store.Record
	type who = model.Actor
	ok := func(_ any, err error) error { return err }
	unowned := func(method string, op model.Op, call func(s rs, a who, r rec) error) aWrite {
		return aWrite{method: method, op: op, owner: noAgency, call: call}
	}
	policeOwned := func(method string, op model.Op, call func(s rs, a who, r rec) error) aWrite {
		return aWrite{method: method, op: op, owner: policeAgency, call: call}
	}
	return []aWrite{
		// Actions, owned by the police.
		policeOwned("AssignAction", model.OpActionAssign, func(s rs, a who, r rec) error {
			return ok(s.AssignAction(a, model.NewAction{HotspotID: 1, Text: "Letters to residents", AgencyID: policeAgency, Due: model.DateOf(r.now).AddDays(7), MeetingID: r.meeting}))
		}),
		policeOwned("SetActionStatus", model.OpActionStatus, func(s rs, a who, r rec) error {
			return ok(s.SetActionStatus(a, r.action, 0, model.StatusInProgress, "", 0))
		}),
		policeOwned("ChangeDue", model.OpActionDue, func(s rs, a who, r rec) error {
			return ok(s.ChangeDue(a, r.action, 0, model.DateOf(r.now).AddDays(21), "rota", 0))
		}),
		policeOwned("AddActionNote", model.OpActionNote, func(s rs, a who, r rec) error {
			return ok(s.AddActionNote(a, r.action, 0, "Seen the shopkeepers", 0))
		}),
		{method: "UpdateAction", op: model.OpActionUpdate, owner: policeAgency, parts: []model.Right{model.RightActionStatus, model.RightActionDue},
			call: func(s rs, a who, r rec) error {
				return ok(s.UpdateAction(a, r.action, 0, store.ActionChange{Status: model.StatusBlocked, Note: "No officers this week", Due: model.DateOf(r.now).AddDays(28), Reason: "rota"}))
			}},
		policeOwned("MarkReviewed", model.OpActionReviewed, func(s rs, a who, r rec) error {
			return ok(s.MarkReviewed(a, r.action, r.meeting))
		}),
		policeOwned("AcceptUpdate", model.OpActionAccepted, func(s rs, a who, r rec) error {
			return ok(s.AcceptUpdate(a, r.action, 0, r.meeting))
		}),
		policeOwned("CorrectUpdate", model.OpUpdateCorrect, func(s rs, a who, r rec) error {
			return ok(s.CorrectUpdate(a, r.action, 0, "First patrol done; the group moved on", "typo"))
		}),
		policeOwned("WithdrawUpdate", model.OpUpdateWithdraw, func(s rs, a who, r rec) error {
			return ok(s.WithdrawUpdate(a, r.action, 0, "said in error"))
		}),

		// Powers, held by the police.
		{method: "RecordPower", op: model.OpPowerAdd, owner: policeAgency, call: func(s rs, a who, r rec) error {
			return ok(s.RecordPower(a, model.NewPower{Kind: model.PowerDispersal, HotspotID: 1, AgencyID: policeAgency, Start: r.now, AuthorisedBy: "Insp Claire Dunn"}, 0))
		}},
		policeOwned("ExtendPower", model.OpPowerExtend, func(s rs, a who, r rec) error {
			return ok(s.ExtendPower(a, r.power, 0, r.now.AddDate(0, 5, 0)))
		}),
		policeOwned("SetPowerReview", model.OpPowerReview, func(s rs, a who, r rec) error {
			return ok(s.SetPowerReview(a, r.power, 0, model.DateOf(r.now).AddDays(30)))
		}),
		policeOwned("EndPower", model.OpPowerEnd, func(s rs, a who, r rec) error {
			return ok(s.EndPower(a, r.power, 0, r.now, "discharged by the court"))
		}),

		// Hotspots.
		unowned("AddHotspot", model.OpHotspotAdd, func(s rs, a who, r rec) error {
			return ok(s.AddHotspot(a, model.NewHotspot{Title: "Canal towpath", Category: model.CategoryNuisance, Risk: model.RiskLow, LeadAgencyID: 1}, 0))
		}),
		unowned("SetHotspotRisk", model.OpHotspotRisk, func(s rs, a who, r rec) error {
			return ok(s.SetHotspotRisk(a, 1, 0, model.RiskMedium, "quieter", 0))
		}),
		unowned("AssessHotspot", model.OpHotspotAssess, func(s rs, a who, r rec) error {
			return ok(s.AssessHotspot(a, 1, 0, model.RiskAssessment{Likelihood: 3, Harm: 3}, "", 0))
		}),
		unowned("SetHotspotStatus", model.OpHotspotStatus, func(s rs, a who, r rec) error {
			return ok(s.SetHotspotStatus(a, 1, 0, model.HotspotMonitoring, 0))
		}),
		unowned("SetHotspotSARA", model.OpHotspotSARA, func(s rs, a who, r rec) error {
			return ok(s.SetHotspotSARA(a, 1, 0, model.SARAAssessment, 0))
		}),
		unowned("CloseHotspot", model.OpHotspotClose, func(s rs, a who, r rec) error {
			return ok(s.CloseHotspot(a, 2, 0, "resolved", 0, model.OpenActionsRefuse))
		}),

		// The meeting.
		unowned("StartMeeting", model.OpMeetingStart, func(s rs, a who, r rec) error {
			return ok(s.StartMeeting(a, model.Date{}))
		}).with(func(t *testing.T, s rs, r rec) { // the meeting under way closes first
			_, err := s.CloseMeeting(chair, r.meeting)
			mustNoErr(t, err)
		}),
		unowned("GoToItem", model.OpMeetingItem, func(s rs, a who, r rec) error { return ok(s.GoToItem(a, r.meeting, 1)) }),
		unowned("SetAttendance", model.OpMeetingAttendance, func(s rs, a who, r rec) error {
			return ok(s.SetAttendance(a, r.meeting, 2, model.Present))
		}),
		unowned("MarkRemainingPresent", model.OpMeetingAttendance, func(s rs, a who, r rec) error {
			return ok(s.MarkRemainingPresent(a, r.meeting))
		}),
		unowned("AddGuest", model.OpMeetingGuest, func(s rs, a who, r rec) error {
			return ok(s.AddGuest(a, r.meeting, nil, model.Guest{Name: "Jo Bell", Agency: "Spire Youth Trust"}))
		}),
		unowned("RemoveGuest", model.OpMeetingGuestRemove, func(s rs, a who, r rec) error { return ok(s.RemoveGuest(a, r.meeting, 0, nil)) }),
		unowned("RecordConfidentiality", model.OpMeetingConfidentiality, func(s rs, a who, r rec) error {
			return ok(s.RecordConfidentiality(a, r.meeting))
		}),
		unowned("AddDeclaration", model.OpMeetingDeclaration, func(s rs, a who, r rec) error {
			return ok(s.AddDeclaration(a, r.meeting, 5, nil, "", 0, "a tenant of the estate"))
		}),
		unowned("AddGuestDeclaration", model.OpMeetingDeclaration, func(s rs, a who, r rec) error {
			return ok(s.AddGuestDeclaration(a, r.meeting, "Dr Kim Reyes", nil, "", 0, "funded by the council"))
		}),
		unowned("WithdrawDeclaration", model.OpMeetingDeclarationWithdraw, func(s rs, a who, r rec) error {
			return ok(s.WithdrawDeclaration(a, r.meeting, 0))
		}),
		unowned("SetNoDeclarations", model.OpMeetingDeclarationsNone, func(s rs, a who, r rec) error {
			return ok(s.SetNoDeclarations(a, r.meeting))
		}).with(func(t *testing.T, s rs, r rec) { // none stands only when none were made
			_, err := s.WithdrawDeclaration(chair, r.meeting, 0)
			mustNoErr(t, err)
		}),
		unowned("ApprovePreviousMinutes", model.OpMeetingApproveMinutes, func(s rs, a who, r rec) error {
			return ok(s.ApprovePreviousMinutes(a, r.meeting))
		}),
		unowned("MoveAgendaItem", model.OpMeetingAgendaMove, func(s rs, a who, r rec) error {
			return ok(s.MoveAgendaItem(a, r.meeting, r.hs1Item, r.hs2Item-r.hs1Item, nil))
		}),
		unowned("DropAgendaItem", model.OpMeetingAgendaDrop, func(s rs, a who, r rec) error {
			return ok(s.DropAgendaItem(a, r.meeting, r.hs2Item, nil))
		}),
		unowned("AddAgendaHotspot", model.OpMeetingAgendaAdd, func(s rs, a who, r rec) error {
			return ok(s.AddAgendaHotspot(a, r.meeting, r.laterHotspot))
		}),
		unowned("SetItemPart2", model.OpMeetingItemPart2, func(s rs, a who, r rec) error {
			return ok(s.SetItemPart2(a, r.meeting, r.hs2Item, nil, true, 0))
		}),
		unowned("SetItemBudget", model.OpMeetingItemBudget, func(s rs, a who, r rec) error {
			return ok(s.SetItemBudget(a, r.meeting, r.hs1Item, nil, 10))
		}),
		unowned("SetNextMeeting", model.OpMeetingNextDate, func(s rs, a who, r rec) error {
			return ok(s.SetNextMeeting(a, r.meeting, nil, model.DateOf(r.now).AddDays(28), "10:00", "Committee Room 2"))
		}),
		unowned("CloseMeeting", model.OpMeetingClose, func(s rs, a who, r rec) error { return ok(s.CloseMeeting(a, r.meeting)) }),
		unowned("Undo", model.OpMeetingUndo, func(s rs, a who, r rec) error { return ok(s.Undo(a, r.meeting)) }),
		unowned("UndoChange", model.OpMeetingUndo, func(s rs, a who, r rec) error { return ok(s.UndoChange(a, r.meeting, 0)) }),
		unowned("RecordDecision", model.OpDecisionRecord, func(s rs, a who, r rec) error {
			return ok(s.RecordDecision(a, r.meeting, model.ItemAOB, 0, "that the report be noted", false))
		}),
		unowned("AddNote", model.OpNoteAdd, func(s rs, a who, r rec) error {
			return ok(s.AddNote(a, r.meeting, model.ItemAOB, 0, "The youth bus starts in January", false))
		}),
		unowned("RecordNote", model.OpNoteAdd, func(s rs, a who, r rec) error {
			return ok(s.RecordNote(a, r.meeting, model.NewNote{Item: model.ItemAOB, Text: "Fire service: two bin fires", AgencyID: 1}))
		}),
		unowned("Amend", model.OpMinutesAmend, func(s rs, a who, r rec) error {
			return ok(s.Amend(a, "N-1", "Footfall up at the market on Saturdays", "the day was left out"))
		}),
		unowned("Release", model.OpRelease, func(s rs, a who, r rec) error {
			return ok(s.Release(a, "N-2", "the family agreed"))
		}),

		// People and the partnership.
		unowned("AddMember", model.OpMemberAdd, func(s rs, a who, r rec) error {
			return ok(s.AddMember(a, model.NewMember{Name: "Pat Oduya", AgencyID: 1, Role: model.RoleMember}))
		}),
		unowned("EditMember", model.OpMemberEdit, func(s rs, a who, r rec) error {
			return ok(s.EditMember(a, r.retiring, 0, model.NewMember{Name: "Rita Leaving", AgencyID: 1, Role: model.RoleMember, Title: "ASB officer"}))
		}),
		unowned("RetireMember", model.OpMemberRetire, func(s rs, a who, r rec) error { return ok(s.RetireMember(a, r.retiring)) }),
		unowned("AddMemberKeys", model.OpMemberKeyAdd, func(s rs, a who, r rec) error {
			_, _, err := s.AddMemberKeys(a, 2, []string{r.spareKey})
			return err
		}),
		unowned("RemoveMemberKey", model.OpMemberKeyRemove, func(s rs, a who, r rec) error {
			return ok(s.RemoveMemberKey(a, 2, r.sgtKeyFingerprint))
		}),
		unowned("ApplyMemberSync", model.OpMemberImport, func(s rs, a who, r rec) error {
			members, err := s.Members()
			if err != nil {
				return err
			}
			list := []model.ListedMember{{Line: 2, Member: model.NewMember{Name: "Ann Lee", AgencyID: 3, Role: model.RoleMember, Email: "ann.lee@housing.example"}}}
			return ok(s.ApplyMemberSync(a, model.PlanMemberSync(list, members, model.SyncOptions{HasEmail: true, ChairID: 1, By: a})))
		}),
		unowned("AddAgency", model.OpAgencyAdd, func(s rs, a who, r rec) error { return ok(s.AddAgency(a, "Spire Youth Trust", "Youth Trust")) }),
		unowned("RenameAgency", model.OpAgencyRename, func(s rs, a who, r rec) error {
			return ok(s.RenameAgency(a, 3, 0, "Council Housing Services", "Housing"))
		}),
		unowned("RetireAgency", model.OpAgencyRetire, func(s rs, a who, r rec) error { return ok(s.RetireAgency(a, r.oldAgency)) }),
		unowned("SetPartnership", model.OpPartnershipSet, func(s rs, a who, r rec) error {
			p, err := s.Partnership()
			if err != nil {
				return err
			}
			p.DefaultPlace = "Committee Room 2"
			return ok(s.SetPartnership(a, 0, p))
		}),
		{method: "Seed", op: model.OpPartnershipSeed, owner: noAgency, empty: true, call: func(s rs, a who, r rec) error {
			return s.Seed(a, tinyDataset(time.Date(2026, 11, 17, 10, 0, 0, 0, time.Local)))
		}},

		// Retention: a run with nothing past retention is still a run,
		// audited (the record shows retention was applied, and when).
		unowned("ApplyRetention", model.OpRetentionRun, func(s rs, a who, r rec) error {
			return ok(s.ApplyRetention(a, store.Watch{}))
		}),

		// A hotspot's trend: linked to an area of the imported data (HS-2:
		// not on the agenda's item being discussed), unlinked, counted.
		{method: "LinkHotspotArea", op: model.OpHotspotLink, owner: noAgency, prep: incidentsRising,
			call: func(s rs, a who, r rec) error {
				return ok(s.LinkHotspotArea(a, 2, 0, model.AreaOf(risingPlace), 0))
			}},
		{method: "UnlinkHotspotArea", op: model.OpHotspotUnlink, owner: noAgency, prep: areaLinked,
			call: func(s rs, a who, r rec) error {
				return ok(s.UnlinkHotspotArea(a, 2, 0, model.AreaOf(risingPlace), 0))
			}},
		unowned("SetHotspotCount", model.OpHotspotCount, func(s rs, a who, r rec) error {
			n := 4
			return ok(s.SetHotspotCount(a, 2, 0, model.NewMonth(2026, time.October), &n, 0))
		}),

		// ASB case reviews: CR-1, recorded (and decided) first where the
		// write needs it.
		unowned("RecordCaseReview", model.OpCaseReviewAdd, func(s rs, a who, r rec) error {
			return ok(s.RecordCaseReview(a, model.NewCaseReview{ApplicantRef: "CT-2026-0042", Complaints: 3, Received: model.DateOf(r.now)}, 0))
		}),
		{method: "DecideCaseReview", op: model.OpCaseReviewDecide, owner: noAgency, prep: caseReviewRecorded(false),
			call: func(s rs, a who, r rec) error {
				return ok(s.DecideCaseReview(a, 1, 0, model.DateOf(r.now), true, ""))
			}},
		{method: "AnswerCaseReview", op: model.OpCaseReviewAnswer, owner: noAgency, prep: caseReviewRecorded(true),
			call: func(s rs, a who, r rec) error {
				return ok(s.AnswerCaseReview(a, 1, 0, model.DateOf(r.now), "a joint visit agreed"))
			}},

		// Emerging hotspots offered from the incident data.
		{method: "DismissSuggestion", op: model.OpSuggestionDismiss, owner: noAgency, prep: incidentsRising,
			call: func(s rs, a who, r rec) error { return ok(s.DismissSuggestion(a, risingPlace.Key())) }},
		{method: "AcceptSuggestion", op: model.OpHotspotAdd, owner: noAgency, prep: incidentsRising,
			call: func(s rs, a who, r rec) error {
				return ok(s.AcceptSuggestion(a, risingPlace.Key(), model.NewHotspot{Ward: "Spire", Category: model.CategoryNuisance, Risk: model.RiskMedium, LeadAgencyID: 1}, 0))
			}},

		// Incident data.
		unowned("ImportIncidents", model.OpIncidentsImport, func(s rs, a who, r rec) error {
			b := model.IncidentBatch{Force: "Testshire Police", Month: model.NewMonth(2026, 9), Category: model.CategoryASB, File: "2026-09.csv", Incidents: 3, Places: 1}
			row := model.IncidentRow{Month: b.Month, Force: b.Force, Category: b.Category, Count: 3,
				Place: model.Place{LSOA: "E01019001", LSOAName: "Testshire 001A", Location: "On or near High Street", Street: true}}
			return ok(s.ImportIncidents(a, []model.IncidentBatch{b}, []model.IncidentRow{row}))
		}),
	}
}

// with gives a write something the chair's call needs first.
func (w aWrite) with(prep func(t *testing.T, s store.Record, r refusalRecord)) aWrite {
	w.prep = prep
	return w
}

// caseReviewRecorded records CR-1 as the chair (and decides it: met).
func caseReviewRecorded(decided bool) func(t *testing.T, s store.Record, r refusalRecord) {
	return func(t *testing.T, s store.Record, r refusalRecord) {
		t.Helper()
		c, err := s.RecordCaseReview(chair, model.NewCaseReview{ApplicantRef: "CT-2026-0042", Complaints: 3, Received: model.DateOf(r.now)}, 0)
		mustNoErr(t, err)
		if decided {
			_, err = s.DecideCaseReview(chair, c.ID, c.Version, model.DateOf(r.now), true, "")
			mustNoErr(t, err)
		}
	}
}

// risingPlace is a street whose incidents rise fivefold in October 2026
// (incidentsRising): an emerging hotspot offered.
var risingPlace = model.Place{LSOA: "E01000001", LSOAName: "Chesterfield 001A", Location: "Market Place", Street: true}

func incidentsRising(t *testing.T, s store.Record, _ refusalRecord) {
	t.Helper()
	var batches []model.IncidentBatch
	var rows []model.IncidentRow
	for i, n := range []int{2, 2, 2, 10} {
		m := model.NewMonth(2026, time.July).Add(i)
		batches = append(batches, model.IncidentBatch{Force: "Testshire Police", Month: m, Category: model.CategoryASB, Incidents: n, Places: 1})
		rows = append(rows, model.IncidentRow{Month: m, Force: "Testshire Police", Category: model.CategoryASB, Place: risingPlace, Count: n})
	}
	_, err := s.ImportIncidents(chair, batches, rows)
	mustNoErr(t, err)
}

// areaLinked links HS-2 to the rising street, as the chair.
func areaLinked(t *testing.T, s store.Record, r refusalRecord) {
	t.Helper()
	incidentsRising(t, s, r)
	_, err := s.LinkHotspotArea(chair, 2, 0, model.AreaOf(risingPlace), 0)
	mustNoErr(t, err)
}
