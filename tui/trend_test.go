package tui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// Home's hotspot list shows each hotspot's last 12 months as a sparkline
// with its trend; its page shows them with the last month in words and
// where the counts come from — the police.uk areas it is linked to, or the
// chair's counts.
func TestSparklinesOnHomeAndThePage(t *testing.T) {
	s := demoStore(t)
	home, err := s.Home()
	if err != nil {
		t.Fatal(err)
	}
	police, entered := home.Trends[1], home.Trends[6]
	if police.Source != model.FromPolice || entered.Source != model.FromEntered {
		t.Fatalf("the demo's HS-1 should be linked and HS-6 entered: %q %q", police.Source, entered.Source)
	}
	row := func(tr model.Series) string { return Sparkline(tr) + " " + tr.Trend().String() }
	ss := startSession(t, s, chairOf(t, s), 120, 36)
	ss.waitFor("12 months", "trend", row(police), row(entered))
	ss.keys("enter") // HS-1, the first
	ss.waitFor("Incidents " + Sparkline(police) + "  " + police.Summary() + " · police.uk: " + home.Hotspots[0].Areas[0].Label())
	ss.finish()
}

// T on a hotspot's page lists the places imported, each with its counts;
// typing narrows them, enter links the one selected (✓) and again unlinks
// it; the page then shows the imported counts where the chair's were.
func TestLinkAreasFromThePage(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	places, err := s.IncidentPlaces()
	if err != nil || len(places) == 0 {
		t.Fatalf("the demo imported no places: %v", err)
	}
	// A street of HS-6's ward's LSOAs, busy enough to have a last month.
	var want model.PlaceSeries
	for _, p := range places {
		if n, ok := p.Series.Last(); ok && n > 0 && p.Street && p.Location == "Mill Lane" {
			want = p
			break
		}
	}
	ss := startSession(t, s, chair, 120, 36)
	ss.waitFor("Hotspots by risk")
	for range 6 { // HS-6 is the seventh row
		ss.keys("j")
	}
	ss.keys("enter")
	ss.waitFor("HS-6 Brimington", "counts entered by the chair")
	ss.keys("T")
	ss.waitFor("Link HS-6 to police.uk data", "Linked (✓): none yet", "12 months", "last month")
	ss.typeText("mill lane " + strings.ToLower(want.LSOAName))
	last, _ := want.Series.Last()
	ss.waitFor(want.Label(), Sparkline(want.Series), want.Series.End.Short()+": "+strconv.Itoa(last))
	ss.keys("enter")
	ss.waitFor("✓ HS-6 linked to Mill Lane ("+want.LSOA+")", "Linked (✓): Mill Lane ("+want.LSOA+")")
	h, err := s.Hotspot(6)
	if err != nil || len(h.Areas) != 1 || h.Areas[0] != model.AreaOf(want.Place) {
		t.Fatalf("HS-6's areas after linking: %+v %v", h.Areas, err)
	}
	ss.keys("esc", "esc") // the filter, then the picker
	ss.waitFor("police.uk: Mill Lane (" + want.LSOA + ")")
	// Again: enter on a linked place unlinks it.
	ss.keys("T")
	ss.waitFor("Linked (✓): Mill Lane")
	ss.typeText("mill lane " + strings.ToLower(want.LSOAName))
	ss.waitFor("✓  Mill Lane, " + want.LSOAName)
	ss.keys("enter")
	ss.waitFor("HS-6 no longer linked to Mill Lane", "Linked (✓): none yet")
	ss.finish()
	if h, _ := s.Hotspot(6); len(h.Areas) != 0 {
		t.Errorf("unlinked, HS-6 still has %+v", h.Areas)
	}
}

// I enters a month's count: the month starts as last month; the count is
// saved under the chair's name and the trend moves with it. A rep may not.
func TestEnterACountFromThePage(t *testing.T) {
	s := demoStore(t)
	ss := startSession(t, s, chairOf(t, s), 120, 36)
	ss.waitFor("Hotspots by risk")
	for range 6 {
		ss.keys("j")
	}
	ss.keys("enter")
	ss.waitFor("HS-6 Brimington")
	ss.keys("I")
	ss.waitFor("Incidents · HS-6", "2026-10")
	for range 4 {
		ss.keys("backspace")
	}
	ss.typeText("40")
	ss.keys("enter")
	ss.waitFor("HS-6: 40 in October 2026", "Oct 26: 40")
	ss.finish()
	h, err := s.Hotspot(6)
	if err != nil {
		t.Fatal(err)
	}
	if c := h.Incidents[len(h.Incidents)-1]; c.Period != "2026-10" || c.Count != 40 || h.UpdatedBy != chairOf(t, s).String() {
		t.Errorf("HS-6 after entering: %+v by %s", c, h.UpdatedBy)
	}

	rep := startSession(t, s, memberActor(t, s, "Sgt Jas Patel"), 120, 36)
	rep.waitFor("Hotspots by risk")
	rep.keys("enter")
	rep.waitFor("Open actions")
	rep.keys("I")
	rep.waitFor("may not")
	rep.finish()

	// Nor may they open the picker: nothing opens, and the footer says why.
	app := New(Config{Store: s, Actor: memberActor(t, s, "Sgt Jas Patel"), Now: fixedClock})
	t.Cleanup(app.Close)
	if cmd := openAreaPicker(app, h, 0); cmd != nil || app.top() != nil || !strings.Contains(app.flash, "may not change hotspots") {
		t.Errorf("a rep's T: overlay %v, flash %q", app.top(), app.flash)
	}
}

// On the meeting's hotspot item: its 12 months under its facts, T links
// an area (minuted under the item), I enters a count.
func TestTrendKeysOnTheMeetingItem(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.GoToItem(chair, m.ID, 4); err != nil { // HS-1
		t.Fatal(err)
	}
	home, err := s.Home()
	if err != nil {
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 40)
	ss.waitFor("resume the meeting")
	ss.keys("m")
	ss.waitFor(itemOf(t, s, 5), "Incidents "+Sparkline(home.Trends[1]))
	ss.keys("T")
	ss.waitFor("Link HS-1 to police.uk data", "Linked (✓): Chesterfield")
	ss.typeText("church lane")
	ss.waitFor("Church Lane, ")
	ss.keys("enter")
	ss.waitFor("✓ HS-1 linked to Church Lane")
	ss.keys("esc", "esc", "I")
	ss.waitFor("Incidents · HS-1", "Month (YYYY-MM)")
	ss.keys("esc")
	ss.waitFor("Linked to the police.uk counts for a street in ")
	ss.finish()
	rec, err := s.MeetingRecord(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := rec.NotesIn(model.ItemHotspot, 1); len(n) == 0 || !strings.HasPrefix(n[len(n)-1].Text, "Linked to the police.uk counts for a street in ") {
		t.Errorf("the link is not minuted under HS-1: %+v", n)
	}
}
