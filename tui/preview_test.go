package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/minutes"
	"github.com/charmbracelet/x/ansi"
)

// The minutes preview marks private business as the restricted minutes do:
// a private action of the demo's latest minutes is on screen with its mark
// before its words; the public version, which has no private business,
// marks nothing.
func TestPreviewMarksPrivateActions(t *testing.T) {
	s := demoStore(t)
	a := appOn(t, s, chairOf(t, s), func(a *App) tea.Cmd { return a.openPreview("latest") })
	p := a.preview
	if p == nil || p.rendered == "" {
		t.Fatalf("the preview did not render: %+v", p)
	}
	var private minutes.ActionRow
	for _, r := range minutes.Build(p.rec).ActionLog {
		if r.Private {
			private = r
			break
		}
	}
	if private.Mark == "" {
		t.Fatal("the demo's latest minutes log no private action")
	}
	// Its row as the screen shows it: the ref, the mark, the first words.
	words := strings.Fields(private.Text)
	want := private.Ref + " " + private.Mark + " " + words[0]
	shows := func(line string) bool { return strings.Contains(strings.Join(strings.Fields(line), " "), want) }
	at := -1
	for i, l := range strings.Split(ansi.Strip(p.rendered), "\n") {
		if shows(l) {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatalf("the preview has no line %q:\n%s", want, ansi.Strip(p.rendered))
	}
	p.vp.SetYOffset(at)
	screen := ansi.Strip(a.render())
	if !strings.Contains(screen, "· restricted") || !containsLine(screen, shows) {
		t.Errorf("the screen does not show %q:\n%s", want, screen)
	}

	settle(a, a.key(keyPress("p")))
	if !a.preview.public || a.preview.rendered == "" {
		t.Fatal("the public version did not render")
	}
	if strings.Contains(a.preview.rendered, "[private") || strings.Contains(a.preview.rendered, private.Text) {
		t.Errorf("the public preview shows private business:\n%s", ansi.Strip(a.preview.rendered))
	}
}

func containsLine(screen string, ok func(string) bool) bool {
	for _, l := range strings.Split(screen, "\n") {
		if ok(l) {
			return true
		}
	}
	return false
}
