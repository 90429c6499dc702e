package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A rep's update saved by mistake is corrected from the command line: the
// minutes that accept it and the action log workbook show the corrected
// words marked "(corrected)"; a second mistake withdrawn is left out of
// both, the corrected one being the latest again.
func TestACorrectedAndAWithdrawnUpdateReachTheMinutesAndTheWorkbook(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)
	do := func(args ...string) string {
		t.Helper()
		out, errOut, code := run(t, env, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("tasking %v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	do("demo")
	rep := []string{"--as", "Sgt Jas Patel"}
	do(append(rep, "action", "update", "A-37", "--note", "x")...)
	out := do(append(rep, "action", "update", "A-37", "--correct-last", "Two patrols done on Sunday", "--reason", "saved before I had typed it")...)
	if !strings.Contains(out, "Two patrols done on Sunday (corrected)") {
		t.Fatalf("correct-last said %q", out)
	}
	do(append(rep, "action", "update", "A-37", "--note", "y")...)
	do(append(rep, "action", "update", "A-37", "--withdraw-last", "--reason", "a slip of the keyboard")...)
	if _, errOut, code := run(t, env, "--db", db, "--as", "PC Lee Barker", "action", "update", "A-37", "--withdraw-last", "--reason", "not mine"); code != 1 || !strings.Contains(errOut, "only its author (Sgt Jas Patel) or the chair") {
		t.Fatalf("another officer withdrawing the sergeant's update: exit %d %q", code, errOut)
	}

	chair := []string{"--as", "Helen Marsh"}
	do(append(chair, "meeting", "start")...)
	do(append(chair, "meeting", "review", "A-37", "--accept")...)
	for _, f := range []string{"md", "txt", "html"} {
		minutes := do(append(chair, "minutes", "latest", "--format", f)...)
		if !strings.Contains(minutes, "Two patrols done on Sunday (corrected)") {
			t.Errorf("the %s minutes do not show the corrected words marked", f)
		}
		if strings.Contains(minutes, "update accepted: y") || strings.Contains(minutes, ": x (") {
			t.Errorf("the %s minutes show a withdrawn or replaced update", f)
		}
	}

	// Corrected again while the meeting that accepted it is open: the
	// meeting accepts the words as they now stand.
	do(append(rep, "action", "update", "A-37", "--correct-last", "Three patrols done on Sunday", "--reason", "miscounted")...)
	for _, f := range []string{"md", "txt"} {
		minutes := strings.Join(strings.Fields(do(append(chair, "minutes", "latest", "--format", f)...)), " ")
		if !strings.Contains(minutes, "Three patrols done on Sunday (corrected)") || strings.Contains(minutes, "Two patrols done") {
			t.Errorf("the %s minutes of the open meeting do not accept the words as corrected since", f)
		}
	}

	book := filepath.Join(home, "log.xlsx")
	do(append(chair, "export", "actions", "--format", "xlsx", "-o", book)...)
	x, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, rowsHead := range rows {
		for j, c := range rowsHead {
			if c == "last_update" && col < 0 {
				col = j
			}
		}
		if col >= 0 {
			rows = rows[i+1:]
			break
		}
	}
	found := false
	for _, r := range rows {
		if len(r) > col && len(r) > 0 && r[0] == "A-37" {
			found = true
			if r[col] != "Three patrols done on Sunday (corrected)" {
				t.Errorf("the workbook's last_update for A-37 is %q", r[col])
			}
		}
	}
	if !found {
		t.Fatal("A-37 is not in the workbook")
	}
}
