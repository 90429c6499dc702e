package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// cells must agree with ansi.StringWidth on everything the screen draws and
// everything people type: it is only a faster path to the same answer.
func TestCellsAgreesWithStringWidth(t *testing.T) {
	s := NewStyles(true)
	samples := []string{
		"", "plain ascii", "┌ Agenda ──┐", "│▸A-38   ●A Early Help …", "✓ ✗ ★ ◌ ▶ ● • – — ← → ·",
		s.Risk(3) + " " + s.RAG("red") + s.Key.Render("m") + " meeting",
		"café naïve Æsir ß ğ", "emoji 👍🏽 family 👨‍👩‍👧", "漢字かな", "e\u0301 combining", "שלום עולם",
		"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "tab\there", strings.Repeat("─", 200),
	}
	for _, in := range samples {
		if got, want := cells(in), ansi.StringWidth(in); got != want {
			t.Errorf("cells(%q) = %d, ansi.StringWidth = %d", in, got, want)
		}
	}
}

func TestFitAndBox(t *testing.T) {
	if got := fit("abc", 5); got != "abc  " {
		t.Errorf("pad: %q", got)
	}
	if got := fit("abcdef", 4); cells(got) != 4 || !strings.HasSuffix(got, "…") {
		t.Errorf("truncate: %q", got)
	}
	b := box(NewStyles(true).BorderStyle, "Title", []string{"one", strings.Repeat("x", 50)}, 20, 5)
	for i, line := range strings.Split(b, "\n") {
		if cells(line) != 20 {
			t.Errorf("box line %d is %d cells: %q", i, cells(line), ansi.Strip(line))
		}
	}
}

func TestMatching(t *testing.T) {
	rows := []string{"A-37 Patrols on Sunday nights and Section 59 warnings Walton car meets", "A-13 Review dispersal authorisation", "Derbyshire Fire & Rescue Service"}
	for q, want := range map[string][]int{
		"":          {0, 1, 2},
		"dispersal": {1}, // the word, not letters scattered across a row
		"DISPERSAL": {1}, // any case
		"dfrs":      {2}, // no row contains it: fuzzy finds the initials
		"zzz":       nil,
	} {
		got := matching(q, rows)
		if !slices.Equal(got, want) {
			t.Errorf("matching(%q) = %v, want %v", q, got, want)
		}
	}
}

// A pane's error is shown whole, wrapped inside the pane: a damage message
// ends with the backup to restore, which a clipped line would cut off.
func TestErrorLinesShowTheWholeMessage(t *testing.T) {
	s := NewStyles(true)
	msg := "/srv/tasking/tasking.db is damaged or not a tasking database (reading notes #4: a stored value fails its " +
		"checksum: its bytes were changed after it was written); the file has not been changed; latest backup: " +
		"/srv/tasking/tasking.db-backups/tasking.db.backup-20261124-113000-meeting-M-7"
	const w = 60
	lines := errorLines(s, msg, w)
	// (A path is broken where it has a hyphen: compared without spaces.)
	var shown strings.Builder
	for _, l := range lines {
		if cells(l) > w-2 {
			t.Errorf("a line wider than the pane's inside (%d): %q", w-2, l)
		}
		shown.WriteString(strings.Join(strings.Fields(ansi.Strip(l)), ""))
	}
	if want := strings.Join(strings.Fields("✗ "+msg), ""); shown.String() != want {
		t.Errorf("the error shown is %q\nwant %q", shown.String(), want)
	}
	if out := box(s.BorderStyle, "Hotspot", lines, w, len(lines)+2); !strings.Contains(ansi.Strip(out), "meeting-M-7") {
		t.Errorf("the pane does not show the backup's name:\n%s", out)
	}
}
