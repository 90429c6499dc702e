package model

import (
	"errors"
	"strings"
	"testing"
)

// The partnership the sync tests import into.
var syncMembers = []Member{
	{ID: 1, Name: "Helen Marsh", AgencyID: 1, Role: RoleChair, Email: "helen@cbc.example", Version: 1},
	{ID: 2, Name: "Gary Fletcher", AgencyID: 2, Role: RoleMember, Email: "gary@cbc.example", Phone: "01246 000001", Version: 3},
	{ID: 3, Name: "Siân Pritchard", AgencyID: 2, Role: RoleViewer, Title: "Tenancy Officer", Restricted: GrantRestrict, Version: 1},
	{ID: 4, Name: "Old Timer", AgencyID: 1, Role: RoleMember, Email: "old@cbc.example", Retired: true, RetiredOn: MustDate("2025-03-04"), Version: 2},
	{ID: 5, Name: "Tom Okafor", AgencyID: 1, Role: RoleAdmin, Email: "tom@cbc.example", Version: 1},
}

func listed(line int, name string, agency ID, role Role, email string) ListedMember {
	return ListedMember{Line: line, Member: NewMember{Name: name, AgencyID: agency, Role: role, Email: email}}
}

// same is each member as they are, on lines 2 on, for lists that change
// one thing.
func same() []ListedMember {
	var l []ListedMember
	for i, m := range syncMembers {
		if m.Active() {
			lm := ListedMember{Line: i + 2, Member: FromMember(m)}
			lm.Member.Restricted = GrantNone // a list has no grants
			l = append(l, lm)
		}
	}
	return l
}

func with(l []ListedMember, i int, f func(*NewMember)) []ListedMember {
	f(&l[i].Member)
	return l
}

// refusedAt is l with its ith line refused for a problem of its own.
func refusedAt(l []ListedMember, i int) []ListedMember {
	l[i].Refused = true
	return l
}

var allColumns = SyncOptions{HasTitle: true, HasEmail: true, HasPhone: true, ChairID: 1, By: Actor{MemberID: 1}}

func opts(f func(*SyncOptions)) SyncOptions {
	o := allColumns
	f(&o)
	return o
}

func TestPlanMemberSync(t *testing.T) {
	update := opts(func(o *SyncOptions) { o.Update = true })
	tests := []struct {
		name      string
		list      []ListedMember
		o         SyncOptions
		add       []string // names
		update    map[string][]FieldChange
		retire    []string
		unchanged int
		refused   []LineProblem // reasons: words each must hold
	}{
		{name: "the same list again changes nothing and refuses nothing", list: same(), o: allColumns, unchanged: 4},
		{name: "a new person is added", list: append(same(), listed(9, "Ann Lee", 2, RoleMember, "ann@cbc.example")), o: allColumns,
			add: []string{"Ann Lee"}, unchanged: 4},
		{name: "a changed detail without --update is refused, saying what and how",
			list: with(same(), 1, func(n *NewMember) { n.Email = "g.fletcher@cbc.example" }), o: allColumns, unchanged: 3,
			refused: []LineProblem{{3, "Gary Fletcher is already a member, and this line changes their email: add --update"}}},
		{name: "matched by name, the email is brought up to date",
			list: with(same(), 1, func(n *NewMember) { n.Email = "g.fletcher@cbc.example"; n.Phone = "" }), o: update, unchanged: 3,
			update: map[string][]FieldChange{"Gary Fletcher": {{"email", "gary@cbc.example", "g.fletcher@cbc.example"}, {"phone", "01246 000001", ""}}}},
		{name: "matched by email, the name changes (someone who has married)",
			list: with(same(), 1, func(n *NewMember) { n.Name = "Gary Fletcher-Hall" }), o: update, unchanged: 3,
			update: map[string][]FieldChange{"Gary Fletcher": {{"name", "Gary Fletcher", "Gary Fletcher-Hall"}}}},
		{name: "a spelling that differs in case and accents only is the same name: the recorded one stands",
			list: with(with(same(), 2, func(n *NewMember) { n.Name = "SIAN PRITCHARD" }), 1, func(n *NewMember) { n.Email = "GARY@cbc.example" }), o: update, unchanged: 4},
		{name: "a column the list does not have leaves that detail alone",
			list: with(same(), 1, func(n *NewMember) { n.Phone = "" }), o: opts(func(o *SyncOptions) { o.HasPhone, o.Update = false, true }), unchanged: 4},
		{name: "a role changed keeps a grant that still means something",
			list: with(same(), 2, func(n *NewMember) { n.Role = RoleMember }), o: update, unchanged: 3,
			update: map[string][]FieldChange{"Siân Pritchard": {{"role", "viewer", "member"}}}},
		{name: "a duplicate email is refused naming both lines, case aside",
			list: append(same(), listed(9, "Ann Lee", 2, RoleMember, "ann@cbc.example"), listed(10, "Bob Roe", 2, RoleMember, "ANN@cbc.example")), o: allColumns,
			add: []string{"Ann Lee"}, unchanged: 4,
			refused: []LineProblem{{10, "the email ANN@cbc.example is on line 9 and line 10"}}},
		{name: "a duplicate name is refused naming both lines, accents aside",
			list: append(same(), listed(9, "Ann Lee", 2, RoleMember, ""), listed(10, "ANN LÉE", 2, RoleMember, "")), o: allColumns,
			add: []string{"Ann Lee"}, unchanged: 4,
			refused: []LineProblem{{10, `"ANN LÉE" is on line 9 and line 10`}}},
		{name: "an email that is another member's on the list is refused once, naming both lines",
			list: with(same(), 2, func(n *NewMember) { n.Email = "gary@cbc.example" }), o: update, unchanged: 3,
			refused: []LineProblem{{4, "the email gary@cbc.example is on line 3 and line 4"}}},
		{name: "an email that is another member's off the list is refused",
			list: with(append(same()[:1], same()[2:]...), 1, func(n *NewMember) { n.Email = "gary@cbc.example" }), o: update, unchanged: 2,
			refused: []LineProblem{{4, "the email gary@cbc.example is Gary Fletcher's, but Siân Pritchard is another member"}}},
		{name: "a new name with the email of a member on the list",
			list: append(same(), listed(9, "Ann Lee", 2, RoleMember, "tom@cbc.example")), o: allColumns, unchanged: 4,
			refused: []LineProblem{{9, "the email tom@cbc.example is on line 6 and line 9"}}},
		{name: "a new name with the email of a member off the list is them renamed: not without --update",
			list: append(same()[:3], listed(9, "Ann Lee", 2, RoleMember, "tom@cbc.example")), o: allColumns, unchanged: 3,
			refused: []LineProblem{{9, "the email tom@cbc.example is Tom Okafor's, and this line changes their name, agency, role: add --update"}}},
		{name: "one line with one member's email and another's name",
			list: []ListedMember{listed(2, "Helen Marsh", 1, RoleChair, "tom@cbc.example")}, o: update,
			refused: []LineProblem{{2, "the email tom@cbc.example is Tom Okafor's, but Helen Marsh is another member"}}},
		{name: "a retired member named again is refused",
			list: append(same(), listed(9, "old timer", 1, RoleMember, "")), o: update, unchanged: 4,
			refused: []LineProblem{{9, `"old timer" is already a member (retired from the group on 2025-03-04)`}}},
		{name: "a retired member's old address is free for someone new",
			list: append(same(), listed(9, "Ann Lee", 1, RoleMember, "old@cbc.example")), o: allColumns, add: []string{"Ann Lee"}, unchanged: 4},
		{name: "--retire-missing retires who is not on the list, and nobody twice",
			list: same()[:3], o: opts(func(o *SyncOptions) { o.RetireMissing = true }), unchanged: 3, retire: []string{"Tom Okafor"}},
		{name: "a line refused for its own problems still names its person",
			list: refusedAt(same(), 3), o: opts(func(o *SyncOptions) { o.RetireMissing = true }), unchanged: 3},
		{name: "--retire-missing does not retire the one importing",
			list: same()[1:], o: opts(func(o *SyncOptions) { o.RetireMissing, o.ChairID, o.By = true, 5, Actor{MemberID: 1} }), unchanged: 3,
			refused: []LineProblem{{0, "Helen Marsh is not on the list, and is importing it: you cannot retire yourself"}}},
		{name: "--retire-missing does not leave the partnership without a chair",
			list: same()[1:], o: opts(func(o *SyncOptions) { o.RetireMissing, o.By = true, Actor{MemberID: 5} }), unchanged: 3, retire: []string{"Helen Marsh"},
			refused: []LineProblem{{0, "Helen Marsh is the partnership's only chair"}}},
		{name: "the chair may step down when the list makes someone else chair",
			list: with(with(same(), 0, func(n *NewMember) { n.Role = RoleAdmin }), 3, func(n *NewMember) { n.Role = RoleChair }), o: update, unchanged: 2,
			update: map[string][]FieldChange{"Helen Marsh": {{"role", "chair", "admin"}}, "Tom Okafor": {{"role", "admin", "chair"}}}},
		{name: "the only chair demoted is refused on their line",
			list: with(same(), 0, func(n *NewMember) { n.Role = RoleMember }), o: update, unchanged: 3,
			update:  map[string][]FieldChange{"Helen Marsh": {{"role", "chair", "member"}}},
			refused: []LineProblem{{2, "Helen Marsh is the partnership's only chair"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PlanMemberSync(tt.list, syncMembers, tt.o)
			var added []string
			for _, a := range p.Add {
				added = append(added, a.Member.Name)
			}
			if strings.Join(added, ",") != strings.Join(tt.add, ",") {
				t.Errorf("added %v, want %v", added, tt.add)
			}
			if len(p.Update) != len(tt.update) {
				t.Errorf("updated %+v, want %v", p.Update, tt.update)
			}
			for _, u := range p.Update {
				got := MemberFieldChanges(u.Before, u.After, nil)
				want := tt.update[u.Before.Name]
				if len(got) != len(want) {
					t.Errorf("%s: changes %v, want %v", u.Before.Name, got, want)
					continue
				}
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("%s: change %d is %v, want %v", u.Before.Name, i, got[i], want[i])
					}
				}
			}
			var retired []string
			for _, m := range p.Retire {
				retired = append(retired, m.Name)
			}
			if strings.Join(retired, ",") != strings.Join(tt.retire, ",") {
				t.Errorf("retired %v, want %v", retired, tt.retire)
			}
			if p.Unchanged != tt.unchanged {
				t.Errorf("%d unchanged, want %d", p.Unchanged, tt.unchanged)
			}
			if len(p.Refused) != len(tt.refused) {
				t.Fatalf("refused %+v, want %+v", p.Refused, tt.refused)
			}
			for i, r := range p.Refused {
				if r.Line != tt.refused[i].Line || !strings.Contains(r.Reason, tt.refused[i].Reason) {
					t.Errorf("refused %+v, want line %d saying %q", r, tt.refused[i].Line, tt.refused[i].Reason)
				}
			}
		})
	}
}

// A grant a new role makes meaningless goes back to what the role gives.
func TestPlanMemberSyncDropsAMeaninglessGrant(t *testing.T) {
	ms := []Member{{ID: 1, Name: "Helen Marsh", Role: RoleChair, AgencyID: 1, Version: 1}, {ID: 2, Name: "Val Viewer", Role: RoleViewer, AgencyID: 1, Restricted: GrantWithheld, Version: 1}}
	p := PlanMemberSync([]ListedMember{listed(2, "Helen Marsh", 1, RoleChair, ""), listed(3, "Val Viewer", 1, RoleAdmin, "")}, ms, SyncOptions{Update: true, ChairID: 1})
	if len(p.Update) != 1 || p.Update[0].After.Restricted != GrantNone || len(p.Refused) != 0 {
		t.Fatalf("plan %+v", p)
	}
}

func TestMemberSyncApply(t *testing.T) {
	today := MustDate("2026-11-24")
	next := ID(100)
	newID := func() (ID, error) { next++; return next, nil }
	plan := PlanMemberSync(append(with(same(), 1, func(n *NewMember) { n.Email = "g.fletcher@cbc.example" })[:3], listed(9, "Ann Lee", 2, RoleMember, "ann@cbc.example")),
		syncMembers, opts(func(o *SyncOptions) { o.Update, o.RetireMissing = true, true }))
	if len(plan.Refused) > 0 || len(plan.Add) != 1 || len(plan.Update) != 1 || len(plan.Retire) != 1 {
		t.Fatalf("plan %+v", plan)
	}

	got, err := plan.Apply(syncMembers, 1, today, Actor{MemberID: 1}, newID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Added) != 1 || got.Added[0].ID != 101 || got.Added[0].Version != 1 || got.Added[0].Name != "Ann Lee" {
		t.Errorf("added %+v", got.Added)
	}
	if len(got.Updated) != 1 || got.Updated[0].After.Email != "g.fletcher@cbc.example" || got.Updated[0].After.Version != 4 || got.Updated[0].Before.Version != 3 {
		t.Errorf("updated %+v", got.Updated)
	}
	if len(got.Retired) != 1 || got.Retired[0].After.Name != "Tom Okafor" || !got.Retired[0].After.Retired || got.Retired[0].After.RetiredOn != today {
		t.Errorf("retired %+v", got.Retired)
	}
	if got.ChairID != 1 {
		t.Errorf("chair %d", got.ChairID)
	}

	// Someone changed Gary after the list was checked: refused, saying what.
	moved := append([]Member(nil), syncMembers...)
	moved[1].Phone, moved[1].Version = "07700 900123", 4
	_, err = plan.Apply(moved, 1, today, Actor{MemberID: 1}, newID)
	var stale *StaleError
	if !errors.As(err, &stale) || stale.Line != 3 || strings.Join(stale.Fields, ",") != "phone" {
		t.Fatalf("a stale member: %v", err)
	}
	stale.By = "Tom Okafor"
	if want := "line 3: Gary Fletcher was changed by Tom Okafor after the list was checked (phone): nothing imported"; !strings.HasPrefix(stale.Error(), want) {
		t.Errorf("%q, want it to start %q", stale.Error(), want)
	}

	// Someone added Ann Lee in between: the new name clashes, by line.
	ann := append(append([]Member(nil), syncMembers...), Member{ID: 6, Name: "Ann Lee", AgencyID: 1, Role: RoleMember, Version: 1})
	if _, err := plan.Apply(ann, 1, today, Actor{MemberID: 1}, newID); err == nil || !strings.Contains(err.Error(), "line 9: there is already a member called Ann Lee") {
		t.Errorf("a name taken in between: %v", err)
	}
	// Or took her address.
	mail := append(append([]Member(nil), syncMembers...), Member{ID: 6, Name: "Annie Lee", AgencyID: 1, Role: RoleMember, Email: "Ann@cbc.example", Version: 1})
	if _, err := plan.Apply(mail, 1, today, Actor{MemberID: 1}, newID); err == nil || !strings.Contains(err.Error(), "line 9: the email ann@cbc.example is already Annie Lee's") {
		t.Errorf("an address taken in between: %v", err)
	}
	// Two members who were the same name before names were folded are not
	// the import's to refuse.
	twins := append(append([]Member(nil), syncMembers...), Member{ID: 7, Name: "Sian Pritchard", AgencyID: 2, Role: RoleMember, Version: 1})
	if _, err := plan.Apply(twins, 1, today, Actor{MemberID: 1}, newID); err != nil {
		t.Errorf("an old clash refused the import: %v", err)
	}
	// A plan with refusals is never applied.
	bad := PlanMemberSync([]ListedMember{listed(2, "Old Timer", 1, RoleMember, "")}, syncMembers, allColumns)
	if _, err := bad.Apply(syncMembers, 1, today, Actor{MemberID: 1}, newID); err == nil {
		t.Error("a refused plan was applied")
	}
}

func TestChairAmong(t *testing.T) {
	helen := Member{ID: 1, Name: "Helen Marsh", Role: RoleChair}
	tom := Member{ID: 2, Name: "Tom Okafor", Role: RoleAdmin}
	ann := Member{ID: 3, Name: "Ann Lee", Role: RoleChair}
	retired := func(m Member) Member { m.Retired = true; return m }
	role := func(m Member, r Role) Member { m.Role = r; return m }
	tests := []struct {
		name    string
		members []Member
		want    ID
		wantErr string
	}{
		{"the chair stays", []Member{helen, tom, ann}, 1, ""},
		{"another chair takes over from one retired", []Member{retired(helen), tom, ann}, 3, ""},
		{"another chair takes over from one stepped down", []Member{role(helen, RoleMember), tom, ann}, 3, ""},
		{"none left", []Member{retired(helen), tom}, 1, "Helen Marsh is the partnership's only chair"},
	}
	for _, tt := range tests {
		got, err := ChairAmong(tt.members, 1)
		if got != tt.want || errText(err) != "" && !strings.Contains(errText(err), tt.wantErr) || (err == nil) != (tt.wantErr == "") {
			t.Errorf("%s: %d, %v; want %d, %q", tt.name, got, err, tt.want, tt.wantErr)
		}
	}
}
