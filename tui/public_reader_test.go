package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// A viewer (who reads the public record only) follows the meeting: items
// taken in private are their neutral heading — not which hotspot — and
// show nothing; matters arising and the hotspot items list no private
// action at all; a declaration on a private item does not say who made
// it; home's figures count public business only.
func TestAViewerSeesNothingPrivateOnScreen(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	// A declaration on a private item (HS-3 is taken in private in the
	// demo's agenda: at the end, Part 2).
	var private model.AgendaItem
	for _, it := range m.Agenda {
		if it.Part2 && it.Kind == model.ItemHotspot {
			private = it
		}
	}
	if private.HotspotID == 0 {
		t.Fatal("the demo's meeting takes nothing in private")
	}
	members, _ := s.Members()
	var declarant model.Member
	for _, mem := range members {
		if mem.Name == "Louise Birch" {
			declarant = mem
		}
	}
	if _, err := s.AddDeclaration(chair, m.ID, declarant.ID, nil, model.ItemHotspot, private.HotspotID, "Knows the family"); err != nil {
		t.Fatal(err)
	}
	// What the whole record holds that a viewer must not see.
	whole, _ := s.MeetingRecord(m.ID)
	rules := model.PublicRules(whole.Meeting, whole.Index().Hotspots)
	var hidden []string
	for _, a := range whole.Actions {
		if !rules.Action(a) {
			hidden = append(hidden, a.Ref()+" ", a.Text)
		}
	}
	for _, h := range whole.Hotspots {
		if h.Private() {
			hidden = append(hidden, h.Title, h.Ref()+" ")
		}
	}
	hidden = append(hidden, "Knows the family", "Louise Birch (", "Private business")

	viewer := memberActor(t, s, "Cllr Pat Dyson")
	ss := startSession(t, s, viewer, 160, 48)
	ss.waitFor("Hotspots by risk")
	screens := []string{ss.screen()}
	ss.keys("m")
	ss.waitFor("following the chair")
	ss.keys("F") // look around on your own
	for i := 1; i < len(m.Agenda); i++ {
		ss.keys("]")
		ss.waitFor(fmt.Sprintf("item %d/", i+1))
		screens = append(screens, ss.screen())
	}
	joined := strings.Join(screens, "\n")
	for _, h := range hidden {
		if strings.Contains(joined, h) {
			t.Errorf("a viewer's screens show %q", h)
		}
	}
	if !strings.Contains(joined, "Taken in private (Part 2): you read the public record only") ||
		!strings.Contains(joined, model.ExemptHeading(private.Paragraph)) {
		t.Error("an item taken in private is not shown as its neutral heading")
	}
	if !strings.Contains(joined, model.PrivateDeclaration) {
		t.Error("the declaration on a private item is not the fixed line")
	}
	ss.finish()

	// Home's figures are the public business's.
	pub, err := store.ReadAs(s, viewer).Home()
	if err != nil {
		t.Fatal(err)
	}
	all, _ := s.Home()
	if pub.OpenActions >= all.OpenActions || pub.OverdueActions > all.OverdueActions {
		t.Errorf("a viewer's home counts %d open (%d overdue), the whole record %d (%d): private actions counted", pub.OpenActions, pub.OverdueActions, all.OpenActions, all.OverdueActions)
	}
	public, _ := store.ReadAs(s, viewer).Actions(model.ActionFilter{OpenOnly: true})
	if pub.OpenActions != len(public) {
		t.Errorf("a viewer's home counts %d open actions; they may read %d", pub.OpenActions, len(public))
	}
}
