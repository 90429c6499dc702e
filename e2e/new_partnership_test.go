package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestANewPartnershipRunsItsFirstMeeting is a partnership that is not the
// demo: set up from the command line, its members imported from the CSV
// the council keeps in Excel, a hotspot referred; then its first meeting in
// the app — attendance of those members, an action and a resolution in the
// fewest keys, a slip taken back with z — closed; and the action log sent
// out as an Excel workbook, read back here.
func TestANewPartnershipRunsItsFirstMeeting(t *testing.T) {
	t.Parallel()
	needTmux(t)
	home := t.TempDir()
	db := filepath.Join(home, "bolsover.db")
	env := baseEnv(home)
	cli := func(args ...string) string {
		t.Helper()
		out, errOut, code := run(t, env, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("tasking %v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	agencies := filepath.Join(home, "agencies.csv")
	members := filepath.Join(home, "members.csv")
	write := func(path, s string) {
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(agencies, "Bolsover DC Community Safety,Community Safety\nDerbyshire Constabulary,Police\nRykneld Homes,Rykneld\n")
	// Excel in a European locale: a BOM and semicolons.
	write(members, "\ufeffName;Agency;Role;Job title\nSgt Jo Hart;police;member;Neighbourhood Sergeant\nKim Dale;rykneld;member;Tenancy Officer\nCllr Bea Moss;community;circulation;Portfolio Holder\n")

	cli("setup", "--name", "Bolsover Community Safety Partnership", "--chair", "Ann Lee", "--chair-agency", "community", "--agencies", agencies)
	if out := cli("member", "import", members); !strings.Contains(out, members+": 3 added, 0 updated, 0 retired, 0 unchanged") {
		t.Fatalf("import said %q", out)
	}
	cli("hotspot", "add", "Market Place: street drinking", "--ward", "Bolsover East", "--category", "nuisance", "--risk", "high", "--lead", "police")

	// The chair was remembered at set-up: the app opens on home.
	tm := startTerm(t, 120, 36, env, "--db", db)
	tm.waitFor("you: Ann Lee", "Hotspots by risk", "HS-1")
	tm.startMeeting()
	tm.waitFor("Confidentiality statement", "Sgt Jo Hart", "Kim Dale")
	if strings.Contains(tm.screen(), "Bea Moss") {
		t.Fatal("a circulation-only member is on the attendance list")
	}
	tm.keys("P", "c")
	// Both saved before the next key: a save answered later would say
	// its words in the footer over the next one's.
	tm.waitFor("3 present", "confidentiality statement recorded as read")
	// A slip: Kim Dale marked absent, taken back with z.
	tm.keys("j", "j", "3")
	tm.waitFor("Kim Dale: absent")
	tm.keys("z")
	tm.waitFor("Undo one of your changes", "attendance: Kim Dale absent")
	tm.keys("Enter")
	tm.waitFor("undone: attendance of Kim Dale back to present")

	tm.keys("]", "]", "]", "]")
	tm.waitFor("HS-1 Market Place: street drinking", "Open actions")

	// Assigning an action: a, the words, enter, three letters, enter.
	keys := 0
	press := func(k ...string) { keys += len(k); tm.keys(k...) }
	press("a")
	tm.waitFor("Assign an action")
	tm.text("Joint visit to the licensed premises with the tenancy officer")
	press("Enter")
	tm.text("ryk")
	tm.waitFor("→ Rykneld Homes")
	press("Enter")
	tm.waitFor("assigned to Rykneld")
	if keys != 3 {
		t.Errorf("assigning an action took %d keys besides the typing, want 3", keys)
	}
	// Recording a resolution: r, the words, enter.
	keys = 0
	press("r")
	tm.waitFor("Record a resolution", "RESOLVED – that")
	tm.text("a dispersal authorisation be sought for the market weekend")
	press("Enter")
	tm.waitFor("resolution recorded")
	if keys != 2 {
		t.Errorf("recording a resolution took %d keys besides the typing, want 2", keys)
	}
	tm.keys("x")
	tm.waitFor("Close the meeting anyway?")
	tm.keys("y")
	tm.waitFor("meeting closed")
	tm.keys("q")
	tm.waitFor("Hotspots by risk")
	tm.keys("q")
	if status := tm.exited(); status != 0 {
		t.Fatalf("the app exited %d", status)
	}

	md := cli("minutes", "latest")
	for _, want := range []string{"Sgt Jo Hart, Neighbourhood Sergeant", "Kim Dale, Tenancy Officer",
		"Joint visit to the licensed premises", "**RESOLVED –** that a dispersal authorisation be sought for the market weekend"} {
		if !strings.Contains(md, want) {
			t.Errorf("the minutes lack %q", want)
		}
	}

	// The action log for Excel, opened as Excel would.
	book := filepath.Join(home, "action-log.xlsx")
	cli("export", "actions", "--format", "xlsx", "-o", book)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("the workbook has %d rows, want a header and the one action", len(rows))
	}
	header := strings.Join(rows[0], "|")
	line := strings.Join(rows[1], "|")
	for _, want := range []string{"Joint visit to the licensed premises", "Rykneld Homes", "A-1", "HS-1"} {
		if !strings.Contains(line, want) {
			t.Errorf("the action's row lacks %q: %s", want, line)
		}
	}
	if !strings.Contains(strings.ToLower(header), "ref") {
		t.Errorf("header %s", header)
	}
}
