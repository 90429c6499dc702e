package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// A rep whose name has an accent types it without one: "sian" puts Siân
// Pritchard at the top, selected, and enter, enter makes her the one at
// the keyboard, not whoever happened to be listed first (the chair, once).
func TestChooserFindsSianAsTyped(t *testing.T) {
	// With / first, or typing straight away, as a newcomer does: the letters
	// find, and none of them moves the selection or quits.
	for _, start := range [][]string{{"/"}, nil} {
		t.Run(strings.Join(append([]string{"start"}, start...), " "), func(t *testing.T) { chooseSian(t, start) })
	}
}

func chooseSian(t *testing.T, start []string) {
	s := demoStore(t)
	chair := chairOf(t, s)
	agencies, err := s.Agencies()
	if err != nil {
		t.Fatal(err)
	}
	housing, err := model.FindAgency(agencies, "CBC Housing")
	if err != nil {
		t.Fatal(err)
	}
	// Someone whose job title holds s, i, a, n in order, listed before her.
	if _, err := s.AddMember(chair, model.NewMember{Name: "Ann Assistant", AgencyID: agencies[0].ID, Role: model.RoleMember, Title: "Assistant Director"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMember(chair, model.NewMember{Name: "Siân Pritchard", AgencyID: housing.ID, Role: model.RoleMember, Title: "Tenancy Officer"}); err != nil {
		t.Fatal(err)
	}
	var remembered []string
	app := New(Config{Store: s, Now: fixedClock, Remember: func(m model.Member) error {
		remembered = append(remembered, m.Name)
		return nil
	}})
	t.Cleanup(app.Close)
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	ss := &session{t: t, app: app, tm: tm}
	ss.waitFor("Who is at the keyboard?", "Helen Marsh")
	ss.keys(start...)
	ss.typeText("sian")
	ss.waitFor("/ sian", "Siân Pritchard", "Ann Assistant")
	if first := firstListed(ss.screen()); !strings.Contains(first, "Siân Pritchard") || !strings.HasPrefix(first, "▸") {
		t.Fatalf("typing sian: the first row is %q, want Siân Pritchard, selected:\n%s", first, ss.screen())
	}
	ss.keys("enter", "enter")
	ss.waitFor("you are Siân Pritchard (Housing, member)", "you: Siân Pritchard · Housing · member")
	ss.finish()
	if len(remembered) != 1 || remembered[0] != "Siân Pritchard" {
		t.Fatalf("remembered %v", remembered)
	}
}

// firstListed is the chooser's first row of people (the one under the
// filter line), box edges and padding aside.
func firstListed(screen string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, "/ sian") && i+1 < len(lines) {
			return strings.TrimSpace(strings.Trim(strings.TrimSpace(lines[i+1]), "│"))
		}
	}
	return ""
}
