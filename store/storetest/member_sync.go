package storetest

import (
	"errors"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// A member import is planned from members read a moment before, holding
// nothing (model.PlanMemberSync), and applied in one write: all of it or
// none, audited person by person.

// importPlan is a master list applied to the tiny partnership: the chair
// as they are, the sergeant with a new address, Ann Lee new, and the
// viewer no longer on it.
func importPlan(t *testing.T, members []model.Member) model.MemberSync {
	t.Helper()
	list := []model.ListedMember{
		{Line: 2, Member: model.NewMember{Name: chair.Name, AgencyID: 1, Role: model.RoleChair}},
		{Line: 3, Member: model.NewMember{Name: sgt.Name, AgencyID: 2, Role: model.RoleMember, Email: "jas.patel@police.example"}},
		{Line: 4, Member: model.NewMember{Name: "Ann Lee", AgencyID: 3, Role: model.RoleMember, Email: "ann.lee@housing.example"}},
	}
	p := model.PlanMemberSync(list, members, model.SyncOptions{Update: true, RetireMissing: true, HasEmail: true, ChairID: 1, By: chair})
	if len(p.Refused) > 0 || len(p.Add) != 1 || len(p.Update) != 1 || len(p.Retire) != 1 {
		t.Fatalf("plan %+v", p)
	}
	return p
}

func testMemberImportAppliedAndAudited(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	members, err := s.Members()
	mustNoErr(t, err)
	plan := importPlan(t, members)
	var perm *model.PermissionError
	if _, err := s.ApplyMemberSync(sgt, plan); !errors.As(err, &perm) {
		t.Fatalf("a member importing: %v", err)
	}
	done, err := s.ApplyMemberSync(chair, plan)
	mustNoErr(t, err)
	if len(done.Added) != 1 || len(done.Updated) != 1 || len(done.Retired) != 1 || done.ChairID != 1 {
		t.Fatalf("applied %+v", done)
	}
	after, err := s.Members()
	mustNoErr(t, err)
	byName := map[string]model.Member{}
	for _, m := range after {
		byName[m.Name] = m
	}
	if m := byName[sgt.Name]; m.Email != "jas.patel@police.example" || m.Version != 2 {
		t.Errorf("the sergeant: %+v", m)
	}
	if m := byName[viewer.Name]; !m.Retired || m.RetiredOn != model.DateOf(clock.t) {
		t.Errorf("the viewer: %+v", m)
	}
	if m := byName["Ann Lee"]; m.ID == 0 || m.AgencyID != 3 || m.Version != 1 {
		t.Errorf("Ann Lee: %+v", m)
	}
	// Each member it touched says the import's author changed them, and
	// when: a form open on one of them names who.
	for _, name := range []string{sgt.Name, viewer.Name, "Ann Lee"} {
		if m := byName[name]; m.UpdatedBy != chair.Name || !m.UpdatedAt.Equal(clock.t) {
			t.Errorf("%s was last changed by %q at %s, want %s at %s", name, m.UpdatedBy, m.UpdatedAt, chair.Name, clock.t)
		}
	}
	events, err := s.AuditEvents(3)
	mustNoErr(t, err)
	var ops []string
	for _, e := range events {
		ops = append(ops, string(e.Op)+" "+e.Ref+" by "+e.By)
	}
	if want := "member.import  by Cllr Ann Chair|member.retire Val Viewer by Cllr Ann Chair|member.edit Sgt Jas Patel by Cllr Ann Chair"; strings.Join(ops, "|") != want {
		t.Errorf("audit %q, want %q", strings.Join(ops, "|"), want)
	}
	// The plan again is stale: everyone it touches has moved on.
	if _, err := s.ApplyMemberSync(chair, plan); err == nil {
		t.Error("a plan applied twice")
	}
	// So does a member or an agency added one by one.
	added, err := s.AddMember(chair, model.NewMember{Name: "Rae Stone", AgencyID: 3, Role: model.RoleMember})
	mustNoErr(t, err)
	ag, err := s.AddAgency(chair, "Testshire Fire", "Fire")
	mustNoErr(t, err)
	if added.UpdatedBy != chair.Name || ag.UpdatedBy != chair.Name {
		t.Errorf("added by %q and %q, want %s", added.UpdatedBy, ag.UpdatedBy, chair.Name)
	}
}

func testMemberImportStaleRefusedNamingWho(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	members, err := s.Members()
	mustNoErr(t, err)
	plan := importPlan(t, members)
	// While the list was being checked, the sergeant's phone changed.
	var jas model.Member
	for _, m := range members {
		if m.ID == sgt.MemberID {
			jas = m
		}
	}
	n := model.FromMember(jas)
	n.Phone = "07700 900123"
	_, err = s.EditMember(chair, jas.ID, jas.Version, n)
	mustNoErr(t, err)
	before, _ := s.AuditEvents(0)

	_, err = s.ApplyMemberSync(chair, plan)
	var stale *model.StaleError
	if !errors.As(err, &stale) {
		t.Fatalf("a stale import: %v", err)
	}
	want := "line 3: Sgt Jas Patel was changed by Cllr Ann Chair at " + clock.t.Local().Format("15:04") + " after the list was checked (phone): nothing imported"
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("%q, want it to start %q", err.Error(), want)
	}
	after, _ := s.Members()
	if len(after) != len(members) {
		t.Errorf("a refused import added members: %d, was %d", len(after), len(members))
	}
	for _, m := range after {
		if m.ID == jas.ID && (m.Phone != "07700 900123" || m.Email != "") {
			t.Errorf("their change was overwritten: %+v", m)
		}
		if m.Retired {
			t.Errorf("a refused import retired %s", m.Name)
		}
	}
	if events, _ := s.AuditEvents(0); len(events) != len(before) {
		t.Errorf("a refused import was audited")
	}

	// Someone added Ann Lee by hand meanwhile: the list's Ann Lee is
	// refused by line, not made a second time.
	_, err = s.AddMember(chair, model.NewMember{Name: "ann lee", AgencyID: 1, Role: model.RoleMember})
	mustNoErr(t, err)
	members, _ = s.Members()
	list := []model.ListedMember{{Line: 7, Member: model.NewMember{Name: "Ann Lee", AgencyID: 3, Role: model.RoleMember}}}
	racing := model.PlanMemberSync(list, members[:3], model.SyncOptions{ChairID: 1, By: chair}) // planned before she was added
	if _, err := s.ApplyMemberSync(chair, racing); err == nil || !strings.Contains(err.Error(), "line 7: there is already a member called ann lee") {
		t.Errorf("a name taken meanwhile: %v", err)
	}
}
