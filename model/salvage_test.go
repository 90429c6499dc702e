package model

import (
	"slices"
	"strings"
	"testing"
)

func TestCheckSalvage(t *testing.T) {
	for _, c := range []struct {
		name                   string
		damaged, newPath       string
		dExists, nExists, same bool
		want                   string // "" allowed; else words in the refusal
	}{
		{"a new file", "a.db", "b.db", true, false, false, ""},
		{"no new file named", "a.db", "", true, false, false, "tasking salvage DAMAGED NEW"},
		{"nothing to salvage", "a.db", "b.db", false, false, false, "does not exist"},
		{"the damaged file itself", "a.db", "./a.db", true, true, true, "never writes over it"},
		{"a file already there", "a.db", "b.db", true, true, false, "already exists"},
	} {
		err := CheckSalvage(c.damaged, c.newPath, c.dExists, c.nExists, c.same)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want a refusal saying %q", c.name, err, c.want)
		}
	}
}

func TestSalvageKeep(t *testing.T) {
	good := SalvageValue{Sealed: true, CRCOK: true, Record: true, Decodes: true, IDOK: true}
	with := func(f func(*SalvageValue)) SalvageValue { v := good; f(&v); return v }
	for _, c := range []struct {
		name string
		v    SalvageValue
		want SalvageVerdict
		why  string
	}{
		{"a record that proves itself", good, SalvageCopy, ""},
		{"an index entry", SalvageValue{Index: true}, SalvageRebuild, ""},
		{"an index entry, whatever its bytes", SalvageValue{Index: true, Sealed: true}, SalvageRebuild, ""},
		{"the format marker", SalvageValue{Plain: true}, SalvageCopy, ""},
		{"incident counts, sealed and whole", SalvageValue{Sealed: true, CRCOK: true}, SalvageCopy, ""},
		{"incident counts failing the checksum", SalvageValue{Sealed: true}, SalvageLose, "checksum"},
		{"a flipped byte", with(func(v *SalvageValue) { v.CRCOK = false }), SalvageLose, "fails its checksum"},
		{"no seal", with(func(v *SalvageValue) { v.Sealed = false }), SalvageLose, "without its checksum"},
		{"a checksum over JSON that is not the record", with(func(v *SalvageValue) { v.Decodes = false }), SalvageLose, "does not decode"},
		{"another record's ID", with(func(v *SalvageValue) { v.IDOK = false }), SalvageLose, "own ID"},
		{"a loose record the trail vouches for", with(func(v *SalvageValue) { v.Loose, v.Vouched = true, true }), SalvageCopy, ""},
		{"a loose record the trail does not vouch for", with(func(v *SalvageValue) { v.Loose = true }), SalvageLeave, "last version"},
		{"a loose value that is no record", SalvageValue{Loose: true, Vouched: true, Sealed: true, CRCOK: true}, SalvageLeave, "outside its bucket"},
		{"a loose record vouched for that fails its checksum", with(func(v *SalvageValue) { v.Loose, v.Vouched, v.CRCOK = true, true, false }), SalvageLose, "fails its checksum"},
	} {
		got, why := SalvageKeep(c.v)
		if got != c.want || !strings.Contains(why, c.why) || (c.why == "" && why != "") {
			t.Errorf("%s: %v %q, want %v %q", c.name, got, why, c.want, c.why)
		}
	}
}

func TestLostLines(t *testing.T) {
	var l Lost
	if len(l.Lines()) != 0 || l.Count() != 0 {
		t.Fatalf("nothing lost: %v", l.Lines())
	}
	l.AddID("actions", 40)
	l.AddID("actions", 12)
	l.AddID("actions", 12) // found twice (a bad value and a gap): once
	for id := ID(1234); id <= 1300; id++ {
		l.AddID("audit", id)
	}
	l.AddID("audit", 7)
	l.AddID("audit", 9)
	l.AddID("audit", 10)
	l.AddID("hotspots", 3)
	l.AddID("meta", 0)
	l.AddKey("incidents", "2026-03 / metropolitan")
	l.AddID("powers", 2)
	want := []string{
		"the partnership's details: lost (set them again with tasking partnership set)",
		"hotspots: HS-3 (1)",
		"actions: A-12, A-40 (2)",
		"audit events: #7, #9, #10, #1234–#1300 (70)",
		"incidents: 2026-03 / metropolitan (1)",
		"powers: 2 (1)",
	}
	if got := l.Lines(); !slices.Equal(got, want) {
		t.Errorf("lost:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l.Count() != 1+1+2+70+1+1 {
		t.Errorf("count %d", l.Count())
	}
}

// A record noted lost and then found is no longer listed; one bucket's
// last such record leaves no empty line for it.
func TestLostFound(t *testing.T) {
	var l Lost
	l.AddID("actions", 12)
	l.AddID("actions", 30)
	l.AddID("hotspots", 2)
	l.Found("actions", 12)
	l.Found("hotspots", 2)
	l.Found("notes", 5) // never lost: nothing to take back
	if got := l.Count(); got != 1 || len(l.IDs) != 1 || !slices.Equal(l.IDs["actions"], []ID{30}) {
		t.Errorf("after finding A-12 and HS-2: %v (%d)", l.IDs, got)
	}
}
