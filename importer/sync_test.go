package importer

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// The partnership a master list is kept in step with.
var syncExisting = []model.Member{
	{ID: 1, Name: "Jane Smith", AgencyID: 1, Role: model.RoleChair, Email: "jane@police.example", Version: 1},
	{ID: 2, Name: "Karen Whitworth", AgencyID: 5, Role: model.RoleMember, Email: "karen@housing.example", Phone: "01773 000002", Version: 2},
	{ID: 3, Name: "Siân Pritchard", AgencyID: 2, Role: model.RoleMember, Title: "Community Safety Officer", Version: 1},
	{ID: 4, Name: "Old Timer", AgencyID: 2, Role: model.RoleMember, Retired: true, Version: 2},
}

func plan(t *testing.T, csv string, o Options) model.MemberSync {
	t.Helper()
	o.Sync.ChairID, o.Sync.By = 1, model.Actor{MemberID: 1}
	p, err := Plan(strings.NewReader(csv), testAgencies, syncExisting, o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// "Surname, Forename" (Outlook's way) is refused with the name turned
// round offered, or read so with --surname-first: never a second person.
func TestSurnameFirst(t *testing.T) {
	list := "name,agency,role,email\n\"Whitworth, Karen\",Housing,member,karen@housing.example\n\"PRITCHARD, Siân\",Council,member,\n\"Adams, Amy\",Police,member,\n"
	p := plan(t, list, Options{})
	checkProblems(t, p, nil, []want{
		{2, []string{`"Whitworth, Karen" is written surname first: write it "Karen Whitworth"`, "--surname-first"}},
		{3, []string{`write it "Siân PRITCHARD"`}},
		{4, []string{`write it "Amy Adams"`}},
	})
	if len(p.Add) != 0 {
		t.Errorf("a refused line is added: %+v", p.Add)
	}
	// Even refused, they are matched: nobody on it is taken as missing.
	p = plan(t, list, Options{Sync: model.SyncOptions{RetireMissing: true}})
	for _, m := range p.Retire {
		if m.Name != "Jane Smith" {
			t.Errorf("%s would retire, though the list names them surname first", m.Name)
		}
	}

	p = plan(t, list, Options{SurnameFirst: true})
	if len(p.Refused) != 0 {
		t.Fatalf("--surname-first: %v", p.Refused)
	}
	if len(p.Add) != 1 || p.Add[0].Member.Name != "Amy Adams" || p.Unchanged != 2 {
		t.Errorf("--surname-first: add %+v, %d unchanged; want Amy Adams added and Karen and Siân as they are", p.Add, p.Unchanged)
	}
}

func TestDuplicateEmails(t *testing.T) {
	const h = "name,agency,role,email\n"
	tests := []struct {
		name string
		csv  string
		want []want
	}{
		{"twice in the file, case aside", h + "Amy Adams,Police,member,amy@police.example\nBob Brown,Police,member,x@y.example\nCat Cole,Fire,member,AMY@police.example\n",
			[]want{{4, []string{"the email AMY@police.example is on line 2 and line 4"}}}},
		{"another member's, with another member's name", h + "Siân Pritchard,Council,member,karen@housing.example\n",
			[]want{{2, []string{"the email karen@housing.example is Karen Whitworth's, but Siân Pritchard is another member"}}}},
		{"another member's, on a new name", h + "Amy Adams,Police,member,jane@police.example\n",
			[]want{{2, []string{"the email jane@police.example is Jane Smith's", "changes their name", "--update"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, plan(t, tt.csv, Options{}), nil, tt.want)
		})
	}
}

// The list again, edited: new people added, details brought up to date
// (matched by email, else by name), and those no longer on it retired.
func TestSyncPlan(t *testing.T) {
	list := "name,agency,role,email,phone\n" +
		"Jane Smith,Police,chair,jane@police.example,\n" + // as she is
		"Karen Whitworth-Lee,Housing,member,KAREN@housing.example,01773 000009\n" + // married, new phone: by email
		"sian pritchard,Council,admin,s.pritchard@council.example,\n" + // by name: role and email; the accent stays
		"Amy Adams,Police,member,amy@police.example,\n" // new
	// Without --update a change is refused, saying what would change.
	checkProblems(t, plan(t, list, Options{}), nil, []want{
		{3, []string{"the email KAREN@housing.example is Karen Whitworth's", "name, phone", "--update"}},
		{4, []string{"Siân Pritchard is already a member", "role, email", "--update"}},
	})
	p := plan(t, list, Options{Sync: model.SyncOptions{Update: true}})
	if len(p.Refused) != 0 {
		t.Fatal(p.Refused)
	}
	if len(p.Add) != 1 || p.Add[0].Member.Name != "Amy Adams" || p.Add[0].Line != 5 || p.Unchanged != 1 || len(p.Retire) != 0 {
		t.Errorf("plan %+v", p)
	}
	want := map[string]string{
		"Karen Whitworth": "name Karen Whitworth→Karen Whitworth-Lee; phone 01773 000002→01773 000009",
		// The job title has no column: it stays.
		"Siân Pritchard": "role member→admin; email →s.pritchard@council.example",
	}
	if len(p.Update) != len(want) {
		t.Fatalf("updates %+v", p.Update)
	}
	for _, u := range p.Update {
		var got []string
		for _, c := range model.MemberFieldChanges(u.Before, u.After, nil) {
			got = append(got, c.Field+" "+c.Old+"→"+c.New)
		}
		if strings.Join(got, "; ") != want[u.Before.Name] {
			t.Errorf("%s: %q, want %q", u.Before.Name, strings.Join(got, "; "), want[u.Before.Name])
		}
	}

	// Retiring who is missing: Karen is not on this one.
	p = plan(t, "name,agency,role\nJane Smith,Police,chair\nSiân Pritchard,Council,member\n", Options{Sync: model.SyncOptions{RetireMissing: true}})
	if len(p.Refused) != 0 || len(p.Retire) != 1 || p.Retire[0].Name != "Karen Whitworth" || p.Unchanged != 2 {
		t.Errorf("--retire-missing: %+v", p)
	}
}
