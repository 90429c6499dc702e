package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/ccsp/tasking/model"
)

// FuzzPlan: `go test -run '^$' -fuzz '^FuzzPlan$' -fuzztime 5s ./importer`
// (.ci/run runs it for a few seconds; plain `go test` runs the seeds and
// anything kept in testdata/fuzz).
//
// Whatever file is given to member import — a council's list saved from
// Excel in any form, or any bytes at all — the plan is made or the file is
// refused in a sentence, never a panic; everything the plan would add or
// change is a clean member of an agency on the group; every refusal names
// a line of the file (or 0, a member it would retire) in order, in one line
// holding no control character, since it is printed to a terminal.
func FuzzPlan(f *testing.F) {
	for _, name := range []string{"excel_uk.csv", "excel_de.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, false, false, false)
	}
	for _, s := range []string{
		"name,agency,role\nKaren Whitworth,Police,member\n",
		"Name;Agency;Role;E-mail\nSiân O'Brien;Council;viewer;sian@example.org\n",
		"\ufeffname\tagency\trole\n\"Whitworth, Karen\"\tFire\tmember\n",
		"name,agency,role\n\"unclosed,Police,member\n",
		"name,agency,role,phone\nA B,YOS,member,07700 900123\nA B,Police,chair,\n",
		"name,agency,role\n\x1b]0;owned\x07Eve,Police\x1b[2J,admin\n",
		"name,agency\nNo Role,Police\n",
		"agency,role,name,name\nPolice,member,X,Y\n",
		"\xff\xfe n\x00a\x00m\x00e\x00",
		"name,agency,role\r\nJane Smith,Police,member\r\nOld Timer,Council,member\r\n",
		"",
		"\n\n\n",
	} {
		f.Add([]byte(s), true, true, true)
		f.Add([]byte(s), false, false, false)
	}
	active := map[model.ID]bool{}
	for _, a := range testAgencies {
		active[a.ID] = !a.Retired
	}
	f.Fuzz(func(t *testing.T, data []byte, surnameFirst, update, retire bool) {
		o := Options{SurnameFirst: surnameFirst, Sync: model.SyncOptions{ChairID: 1, Update: update, RetireMissing: retire}}
		p, err := Plan(bytes.NewReader(data), testAgencies, testExisting, o)
		if err != nil {
			if msg := err.Error(); strings.Contains(msg, "\n") || hasControl(msg) {
				t.Fatalf("the refusal of the file is not one clean line: %q", msg)
			}
			return
		}
		if len(p.Refused) == 0 {
			for _, a := range p.Add {
				checkMember(t, "added", a.Member, active)
			}
			for _, c := range p.Update {
				checkMember(t, "updated", c.After, active)
			}
		}
		last := 0
		for _, r := range p.Refused {
			if r.Line < last && r.Line != 0 {
				t.Fatalf("refusals out of line order: %v", p.Refused)
			}
			last = max(last, r.Line)
			if r.Reason == "" || strings.Contains(r.Reason, "\n") || hasControl(r.Reason) {
				t.Fatalf("line %d refused with %q: not one clean line", r.Line, r.Reason)
			}
		}
	})
}

// checkMember: what an import writes is a member as the app would make one.
func checkMember(t *testing.T, what string, m model.NewMember, active map[model.ID]bool) {
	t.Helper()
	if m.Name == "" || m.Name != model.CleanLine(m.Name) {
		t.Fatalf("%s a member named %q", what, m.Name)
	}
	if !active[m.AgencyID] {
		t.Fatalf("%s %q to agency #%d, not one on the group", what, m.Name, m.AgencyID)
	}
	if _, err := m.Validate(); err != nil {
		t.Fatalf("%s %q, which the app would refuse: %v", what, m.Name, err)
	}
	for _, s := range []string{m.Title, m.Email, m.Phone} {
		if s != model.CleanLine(s) {
			t.Fatalf("%s %q with a detail not clean: %q", what, m.Name, s)
		}
	}
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) >= 0
}
