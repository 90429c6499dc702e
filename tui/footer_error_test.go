package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// An error too long for the footer's one line is wrapped over a few, the
// body giving way, so it is read whole: a refused change's damage message
// ends with the backup to restore. A short one keeps the one line, and
// the screen is its height either way.
func TestALongErrorIsReadWholeAtTheFoot(t *testing.T) {
	s := demoStore(t)
	a := appOn(t, s, chairOf(t, s), func(*App) tea.Cmd { return nil })
	long := "/srv/tasking/tasking.db is damaged (reading actions #12: a stored value fails its checksum: its bytes were changed after it was written): this change was not saved, and no change will be until the file is restored from a backup (tasking restore) or salvaged; latest backup: /srv/tasking/tasking.db-backups/tasking.db.backup-20261124-113000-meeting-M-7"
	for _, w := range []int{80, 120} {
		a.Update(windowSize(w, 24))
		a.flash, a.flashErr = long, true
		screen := ansi.Strip(a.render())
		lines := strings.Split(screen, "\n")
		if len(lines) != 24 {
			t.Fatalf("at %d columns the screen is %d lines; want 24", w, len(lines))
		}
		foot := 0
		for i := len(lines) - 1; i >= 0 && !strings.Contains(lines[i], "✗"); i-- {
			foot++
		}
		// Compared without spaces: a wrapped path breaks after a hyphen.
		joined := strings.Join(strings.Fields(strings.Join(lines[len(lines)-foot-1:], "")), "")
		if !strings.Contains(joined, strings.Join(strings.Fields(long), "")) || foot < 1 {
			t.Errorf("at %d columns the foot does not hold the whole message:\n%s", w, strings.Join(lines[len(lines)-foot-1:], "\n"))
		}
		for _, l := range lines {
			if n := ansi.StringWidth(l); n > w {
				t.Errorf("at %d columns a line is %d wide: %q", w, n, l)
			}
		}
		a.flash = "no such action"
		if lines := strings.Split(ansi.Strip(a.render()), "\n"); len(lines) != 24 || !strings.Contains(lines[23], "✗ no such action") {
			t.Errorf("a short error at %d columns: %q", w, lines[len(lines)-1])
		}
	}
}

// Home that cannot be read says why in its place, whole, not "loading…"
// for ever; the next reading that works shows home again.
func TestHomeThatCannotBeReadSaysWhy(t *testing.T) {
	s := demoStore(t)
	a := appOn(t, s, chairOf(t, s), func(a *App) tea.Cmd { return a.loadHome() })
	a.Update(windowSize(80, 24))
	home := a.home
	if home == nil {
		t.Fatal("fixture: home was not read")
	}
	a.home = nil
	a.Update(homeFailedMsg{err: errors.New("/srv/tasking/tasking.db is damaged (reading actions #4: a stored value fails its checksum); latest backup: /srv/tasking/tasking.db-backups/copy-M-7")})
	a.flash = "" // a key pressed since
	screen := ansi.Strip(a.render())
	if strings.Contains(screen, "loading…") || !strings.Contains(strings.Join(strings.Fields(screen), ""), "latestbackup:/srv/tasking/tasking.db-backups/copy-M-7") {
		t.Errorf("home that cannot be read:\n%s", screen)
	}
	a.Update(homeMsg{gen: a.gen, home: *home})
	if screen := ansi.Strip(a.render()); strings.Contains(screen, "damaged") || a.hf.err != nil {
		t.Errorf("home read again still says it could not be:\n%s", screen)
	}
}
