package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// Powers in force show under their hotspot's item with the clock to watch;
// the item is marked ⚑ on the agenda when a clock runs out soon, and so is
// a hotspot off the agenda; My actions says which of the agency's powers
// run out.
func TestPowersOnTheAgendaAndInMyActions(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	insp := memberActor(t, s, "Insp Claire Dunn")
	if _, err := s.RecordPower(insp, model.NewPower{Kind: model.PowerDispersal, HotspotID: 1, AgencyID: insp.AgencyID,
		Start: testNow.Add(80 * time.Hour), AuthorisedBy: "Insp Claire Dunn", Terms: "Market Place and the bus station"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordPower(chair, model.NewPower{Kind: model.PowerPSPO, HotspotID: 8, AgencyID: chair.AgencyID,
		Start: time.Date(2024, 1, 10, 12, 0, 0, 0, time.UTC), Review: model.MustDate("2026-12-01"), AuthorisedBy: "Cabinet, minute 112"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordPower(chair, model.NewPower{Kind: model.PowerPSPO, HotspotID: 2, AgencyID: chair.AgencyID,
		Start: time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC), AuthorisedBy: "Cabinet, minute 40"}, 0); err != nil {
		t.Fatal(err)
	}
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.GoToItem(chair, m.ID, 4); err != nil { // HS-1
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 40)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor("HS-1 Town centre: … ⚑ HIGH", "HS-2 Staveley rec gr… HIGH", "HS-8 Whittingt… ⚑ MED next",
		"Powers in force (1)", "⚑ takes effect Fri 27 Nov 18:00 (in 80 h) · Dispersal authorisation (P-4)")
	scr := ss.screen()
	if strings.Contains(scr, "HS-2 Staveley rec gr… ⚑") {
		t.Error("HS-2's PSPO, years from its end and with no review set, is flagged")
	}
	ss.keys("]")
	ss.waitFor("Powers in force (1)", "Public Spaces Protection Order (P-6), from 1 Jun 2026 to 1 Jun 2029, authorised", "by Cabinet, minute 40")

	ss.keys("A")
	ss.waitFor("My actions · CBC Community Safety", "⚑ Powers: P-5 PSPO at HS-8 review due 1 Dec 2026 (in 7 days)")
	if strings.Contains(ss.screen(), "P-4 Dispersal") {
		t.Error("My actions flags another agency's power")
	}
	ss.finish()

	rep := startSession(t, s, insp, 120, 40)
	rep.waitFor("Hotspots by risk")
	rep.keys("A")
	rep.waitFor("My actions · Derbyshire Constabulary", "⚑ Powers: P-4 Dispersal at HS-1 takes effect Fri 27 Nov 18:00 (in 80 h)")
	rep.finish()
}

// demoPowers is how many powers the demo has of its own (P-1 to P-3).
const demoPowers = 3

// P on a hotspot's item records a power: an expiry past the Act's is
// refused where it was typed, saying the latest it may be; put right, the
// power is recorded, listed under the item and flagged.
func TestRecordAPowerInTheMeeting(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.GoToItem(chair, m.ID, 4); err != nil { // HS-1
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 40)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor(itemOf(t, s, 5), "Open actions")
	ss.keys("P")
	ss.waitFor("Record a power in force · HS-1", "Power (←/→)")
	ss.keys("right", "tab") // a dispersal
	ss.typeText("pol")
	ss.keys("tab", "ctrl+u")
	ss.typeText("fri 18:00")
	ss.keys("tab")
	ss.typeText("mon 18:00") // 72 hours
	ss.keys("tab", "tab")
	ss.typeText("Insp Claire Dunn")
	ss.keys("tab", "tab")
	ss.typeText("Market Place and the bus station")
	ss.keys("enter")
	ss.waitFor("✗ a dispersal authorisation taking effect Fri 27 Nov 2026 18:00 may run until Sun 29 Nov", "2026 18:00 at the latest (no more than 48 hours)")
	ps, _ := s.Powers(model.PowerFilter{})
	if len(ps) != demoPowers {
		t.Fatalf("a refused power was recorded: %+v", ps)
	}
	ss.keys("ctrl+u", "ctrl+s") // the refusal took the cursor to the expiry: empty, it is the Act's
	ss.waitFor("✓ P-4 recorded: Dispersal authorisation at HS-1 · ⚑ takes effect Fri 27 Nov 18:00 (in 80 h)", "Powers in force (1)")
	ss.finish()
	p, err := s.Power(demoPowers + 1)
	if err != nil || p.Kind != model.PowerDispersal || p.AuthorisedBy != "Insp Claire Dunn" || !p.End().Equal(p.Start.Add(48*time.Hour)) {
		t.Errorf("stored %+v (%v)", p, err)
	}
}
