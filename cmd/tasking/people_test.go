package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A partnership that is not the demo sets itself up from the command line:
// its details, its agencies, its chair, then its members.
func TestSetupThenPeopleAndAgencies(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	env := isolatedEnv(home)
	db := filepath.Join(home, "bolsover.db")
	list := filepath.Join(home, "agencies.csv")
	if err := os.WriteFile(list, []byte("\ufeffname,short_name\nBolsover DC Community Safety,Community Safety\nDerbyshire Constabulary,Police\nRykneld Homes,Housing\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cli := func(args ...string) result { return run(t, env, append([]string{"--db", db}, args...)...) }
	good := func(args ...string) string {
		t.Helper()
		r := cli(args...)
		if r.code != 0 {
			t.Fatalf("tasking %v: exit %d: %s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	failsWith(t, cli("setup", "--name", "Bolsover CSP"), 2, "setup needs --name")
	// A list that names one agency twice is refused (comments and blank
	// lines are not agencies), and nothing is set up.
	twice := filepath.Join(home, "twice.csv")
	if err := os.WriteFile(twice, []byte("# our partners\nPolice\n\npolice\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	failsWith(t, cli("setup", "--name", "Bolsover CSP", "--chair", "Ann Lee", "--agencies", twice), 1, "there is already an agency called Police")
	out := good("setup", "--name", "Bolsover CSP", "--chair", "Ann Lee", "--chair-agency", "community", "--agencies", list, "--time", "14:00")
	if !strings.Contains(out, "3 agencies; Ann Lee is the chair") {
		t.Fatalf("setup said %q", out)
	}
	failsWith(t, cli("setup", "--name", "Again", "--chair", "X"), 1, "already holds a partnership (Bolsover CSP); setup starts a partnership in an empty database")

	// The chair is remembered: no --as needed.
	good("member", "add", "Sgt Jo Hart", "--agency", "police", "--title", "Neighbourhood Sergeant")
	good("member", "add", "Cllr Bea Moss", "--agency", "community", "--role", "circulation")
	failsWith(t, cli("member", "add", "sgt jo  hart", "--agency", "housing"), 1, "there is already a member called Sgt Jo Hart")
	// An email is one person's: the next master-list import matches by it.
	good("member", "edit", "Sgt Jo Hart", "--email", "jo.hart@example.org")
	failsWith(t, cli("member", "add", "Kim Rees", "--agency", "housing", "--email", "JO.HART@example.org"), 1,
		"JO.HART@example.org is already Sgt Jo Hart's email: each person has their own")
	failsWith(t, cli("member", "edit", "Cllr Bea Moss", "--email", "jo.hart@example.org"), 1, "is already Sgt Jo Hart's email")
	failsWith(t, cli("member", "add", "Pat Doe", "--agency", "nhs"), 1, `no agency matches "nhs"`)
	failsWith(t, cli("member", "add", "Pat Doe", "--agency", "police", "--role", "boss"), 2, "not a role")
	failsWith(t, cli("member", "add", "Pat Doe"), 2, "add needs --agency")
	// A member may not manage people.
	failsWith(t, cli("--as", "Sgt Jo Hart", "member", "add", "Pat Doe", "--agency", "police"), 1, "may not manage members")

	members := decodeJSON(t, good("member", "list", "--format", "json"))
	checkFields(t, members, memberFields)
	if len(members) != 3 || members[1]["job_title"] != "Neighbourhood Sergeant" || members[2]["role"] != "circulation" {
		t.Fatalf("members %v", members)
	}

	good("member", "edit", "hart", "--name", "Insp Jo Hart", "--title", "Inspector")
	failsWith(t, cli("member", "edit", "hart"), 2, "nothing to change")
	good("agency", "add", "Chesterfield Royal Hospital", "--short", "Hospital")
	failsWith(t, cli("agency", "add", "rykneld homes"), 1, "there is already an agency called Rykneld Homes")
	good("agency", "rename", "hospital", "--to", "Royal Hospital NHS Trust")
	failsWith(t, cli("agency", "rename", "Royal Hospital", "--to", "Derbyshire Constabulary"), 1, "there is already an agency called Derbyshire Constabulary")
	// A name must find one agency: another's short name will not do either.
	failsWith(t, cli("agency", "rename", "Rykneld Homes", "--to", "police"), 1, `"Police" is already the short name of Derbyshire Constabulary`)
	failsWith(t, cli("agency", "add", "Derbyshire Fire", "--short", "Housing"), 1, "")
	failsWith(t, cli("agency", "retire", "police"), 1, "still has members on the group (Insp Jo Hart)")
	good("agency", "retire", "Royal Hospital")
	if r := decodeJSON(t, good("agency", "list", "--format", "json")); len(r) != 3 {
		t.Errorf("retired agency listed: %v", r)
	}
	if r := decodeJSON(t, good("agency", "list", "--all", "--format", "json")); len(r) != 4 || r[3]["retired"] != "yes" {
		t.Errorf("agency list --all: %v", r)
	}
	failsWith(t, cli("member", "add", "Pat Doe", "--agency", "royal hospital"), 1, `no agency matches "royal hospital"`)

	// A retired member leaves the lists and cannot act; their past stays.
	good("member", "retire", "Insp Jo Hart")
	failsWith(t, cli("--as", "Insp Jo Hart", "actions"), 1, "retired from the group on 2026-11-24")
	if r := decodeJSON(t, good("member", "list", "--format", "json")); len(r) != 2 {
		t.Errorf("a retired member is listed: %v", r)
	}
	if r := decodeJSON(t, good("member", "list", "--all", "--format", "json")); len(r) != 3 || r[1]["retired"] != "2026-11-24" {
		t.Errorf("member list --all: %v", r)
	}
	failsWith(t, cli("member", "retire", "Ann Lee"), 1, "Ann Lee is the partnership's only chair")
	// Nor can the only chair step down: someone must always be able to
	// manage the partnership's people.
	failsWith(t, cli("member", "edit", "Ann Lee", "--role", "viewer"), 1, "Ann Lee is the partnership's only chair")

	// The partnership's details.
	good("partnership", "set", "--place", "Council Chamber", "--cadence", "fortnightly", "--statement", "What is said here stays here.")
	failsWith(t, cli("partnership", "set"), 2, "nothing to change")
	failsWith(t, cli("partnership", "set", "--cadence", "daily"), 2, "not a cadence")
	show := good("partnership", "show")
	for _, want := range []string{"Bolsover CSP", "Council Chamber", "14:00", "fortnightly", "Ann Lee", "What is said here stays here."} {
		if !strings.Contains(show, want) {
			t.Errorf("partnership show lacks %q:\n%s", want, show)
		}
	}
	// The next meeting's attendance lists members who attend, not the
	// circulation list or the retired.
	// (Closed with nobody marked, everyone on the list is minuted absent.)
	good("meeting", "start")
	good("meeting", "close")
	md := good("minutes", "latest")
	if !strings.Contains(md, "Absent: Ann Lee") || strings.Contains(md, "Bea Moss") || strings.Contains(md, "Jo Hart") {
		t.Errorf("the attendance list is not the attending members:\n%s", md)
	}
	// Once there is another chair, the chair can step down and the other
	// takes over the partnership.
	good("member", "add", "Raj Bhatti", "--agency", "police", "--role", "chair")
	good("member", "edit", "Ann Lee", "--role", "admin")
	if show := good("partnership", "show"); !strings.Contains(show, "Raj Bhatti") || strings.Contains(show, "Ann Lee") {
		t.Errorf("the chair did not pass to Raj Bhatti:\n%s", show)
	}
	// Ann, remembered on this computer, retires: a change in her name is
	// refused saying so, not asking who she is.
	good("--as", "Raj Bhatti", "member", "retire", "Ann Lee")
	failsWith(t, cli("member", "add", "Pat Doe", "--agency", "police"), 1, "Ann Lee, remembered as you on this computer, retired from the group on 2026-11-24")
}

// A council's member list from Excel: every bad row reported, nothing
// imported until all are good; then all of them.
func TestMemberImport(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	good := filepath.Join(dir, "good.csv")
	if err := os.WriteFile(bad, []byte("\ufeffName;Agency;Role;Job title\nAnn Lee;police;member;Inspector\n;housing;member;\nBob Roe;nhs;member;\nCara Day;police;boss;\nHelen Marsh;community;chair;\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("name,agency,role,job_title,email\nAnn Lee,police,,Inspector,ann.lee@example.org\n\"Day, Cara\",CBC Housing,viewer,,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	chair := []string{"--db", db, "--as", "Helen Marsh", "member", "import"}
	r := run(t, nil, append(chair, bad)...)
	if r.code != 1 || !strings.HasPrefix(r.stderr, "tasking: "+bad+": nothing imported: 4 problems\n") {
		t.Fatalf("bad file: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"  line 3: ", "  line 4: ", `no agency matches "nhs"`, "  line 5: ", "not a role", "  line 6: ", "already a member"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("the problems do not say %q:\n%s", want, r.stderr)
		}
	}
	members := decodeJSON(t, ok(t, "--db", db, "member", "list", "--format", "json"))
	// "Day, Cara" is surname first: refused, the name turned round offered.
	r = run(t, nil, append(chair, good, "--dry-run")...)
	if r.code != 1 || !strings.Contains(r.stderr, `line 3: "Day, Cara" is written surname first: write it "Cara Day"`) || !strings.Contains(r.stdout, "add     line 2     Ann Lee (Police, member)") {
		t.Fatalf("surname first: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	out := ok(t, append(chair, good, "--surname-first", "--dry-run")...)
	if !strings.Contains(out, good+": 2 to add, 0 to update, 0 to retire, 0 unchanged (dry run: nothing saved)") || len(decodeJSON(t, ok(t, "--db", db, "member", "list", "--format", "json"))) != len(members) {
		t.Fatalf("dry run: %q", out)
	}
	if out := ok(t, append(chair, good, "--surname-first")...); !strings.Contains(out, good+": 2 added, 0 updated, 0 retired, 0 unchanged") || !strings.Contains(out, "Cara Day (Housing, viewer)") {
		t.Fatalf("import: %q", out)
	}
	after := decodeJSON(t, ok(t, "--db", db, "member", "list", "--format", "json"))
	if len(after) != len(members)+2 {
		t.Fatalf("%d members after importing 2 into %d", len(after), len(members))
	}
	found := false
	for _, m := range after {
		if m["name"] == "Ann Lee" && m["agency"] == "Derbyshire Constabulary" && m["role"] == "member" && m["email"] == "ann.lee@example.org" {
			found = true
		}
	}
	if !found {
		t.Errorf("Ann Lee not imported as given: %v", after)
	}
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "member", "import", good), 1, "may not manage members")
}
