package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// To a pipe or a file a table keeps every cell whole; on a terminal the
// long columns are cut to their widest, then the flex column to fit.
func TestTablesAreCutOnlyOnATerminal(t *testing.T) {
	long := "Joint patrols Fri/Sat 20:00–02:00 around the bus station and the market with the PCSOs and the council's wardens"
	table := func() peopleTable {
		return peopleTable{headers: []string{"REF", "ACTION", "OFFICER"},
			rows: [][]string{{"A-1", long, "PCSO Nadia Khan of the town centre neighbourhood team"}}, flex: 1,
			widths: []int{1: maxText, 2: maxName}}
	}
	piped := layoutTable(table(), 0, false)
	if strings.Contains(piped, "…") || !strings.Contains(piped, long) || !strings.Contains(piped, "neighbourhood team") {
		t.Errorf("to a pipe the cells are cut:\n%s", piped)
	}
	var b bytes.Buffer
	if err := writeTable(&b, table()); err != nil || strings.TrimSuffix(b.String(), "\n") != piped {
		t.Errorf("writeTable to a buffer (not a terminal): %v\n%s", err, b.String())
	}
	wide := layoutTable(table(), 200, false)
	if !strings.Contains(wide, ansi.Truncate(long, maxText, "…")) || strings.Contains(wide, long) {
		t.Errorf("on a wide terminal the action is not cut to %d columns:\n%s", maxText, wide)
	}
	narrow := layoutTable(table(), 80, false)
	for _, l := range strings.Split(narrow, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a %d-column line on an 80-column terminal: %q", w, l)
		}
	}
}

// The command line's tables written to a pipe (as every test runs them,
// and as SSH sends them) are not cut.
func TestListsToAPipeAreWhole(t *testing.T) {
	db := demoDB(t)
	long := "Joint patrols with the PCSOs and the council's wardens on Friday and Saturday nights around the bus station"
	ok(t, "--db", db, "--as", "Helen Marsh", "action", "add", "--agency", "police", "--due", "+2w", "--officer",
		"Inspector Jane Longname-Fotheringay of the Neighbourhood Team", long)
	out := ok(t, "--db", db, "actions", "--agency", "police")
	if strings.Contains(out, "…") || !strings.Contains(out, long) || !strings.Contains(out, "Longname-Fotheringay of the Neighbourhood Team") {
		t.Errorf("actions to a pipe cut its cells:\n%s", out)
	}
}
