package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// The wall is a public screen: guests and the public may be in the room.
// Every field of the record is seeded with a marker — PRV where the field
// may never be shown publicly, PUB where the public minutes show it — and
// the wall is drawn on every agenda item: no PRV marker ever appears, and
// a public hotspot item shows its PUB markers.
func TestTheWallShowsOnlyWhatIsPublic(t *testing.T) {
	s := demoStore(t)
	m, err := s.StartMeeting(chairOf(t, s), model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.MeetingRecord(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Private by the facts of the record, not by the rule under test: an
	// item taken in Part 2, a hotspot about a person.
	private := map[model.ID]bool{}
	for _, it := range rec.Meeting.Agenda {
		if it.Kind == model.ItemHotspot && it.Part2 {
			private[it.HotspotID] = true
		}
	}
	for i := range rec.Hotspots {
		h := &rec.Hotspots[i]
		kind := "PUB"
		if private[h.ID] || h.Category == model.CategoryPersonal {
			kind, private[h.ID] = "PRV", true
		}
		h.Title = fmt.Sprintf("%s-title-%d %s", kind, h.ID, h.Title)
		h.Location = fmt.Sprintf("%s-location-%d", kind, h.ID)
		h.Ward = fmt.Sprintf("%s-ward-%d", kind, h.ID)
		h.ConfidentialNotes = fmt.Sprintf("PRV-notes-%d", h.ID)
	}
	// One open action on a public hotspot taken into Part 2 with its
	// business: private although its hotspot is not.
	for i := range rec.Actions {
		if a := &rec.Actions[i]; !private[a.HotspotID] && a.HotspotID != 0 && !a.Status.IsClosed() {
			a.Privacy = model.PrivateUnder(model.ParaCrime)
			break
		}
	}
	for i := range rec.Actions {
		a := &rec.Actions[i]
		kind := "PUB"
		if a.Private || private[a.HotspotID] {
			kind = "PRV"
		}
		a.Text = fmt.Sprintf("%s-action-%d", kind, a.ID)
		a.Officer = fmt.Sprintf("PRV-officer-%d", a.ID)
		a.LastUpdate = fmt.Sprintf("PRV-update-%d", a.ID)
	}
	for i := range rec.Members {
		rec.Members[i].Name = "PRV-member " + rec.Members[i].Name
	}
	// Every hotspot has 12 months of counts: a public item shows them, as
	// the public minutes do; a private item shows nothing of them.
	rec.Trends = map[model.ID]model.Series{}
	for _, h := range rec.Hotspots {
		counts := map[model.Month]int{}
		end := model.NewMonth(2026, 10)
		for k := range model.TrendMonths {
			counts[end.Add(-k)] = 700 + int(h.ID)*10 + k
		}
		rec.Trends[h.ID] = model.NewSeries(end, counts, nil)
	}
	trendOf := func(id model.ID) string { return fmt.Sprintf("Oct 26: %d,", 700+int(id)*10) }
	shownPublic := 0
	for i, it := range rec.Meeting.Agenda {
		rec.Meeting.Current = i
		page := wallPageFor(rec)
		text := strings.Join(append(append([]string{page.title, page.footer}, page.lines...), page.next...), "\n")
		for _, a := range page.actions {
			text += "\n" + strings.Join(a, " ")
		}
		if strings.Contains(text, "PRV") {
			t.Errorf("item %d (%s) shows something private:\n%s", i+1, it.Kind, text)
		}
		if it.Kind == model.ItemHotspot && private[it.HotspotID] && strings.Contains(text, "Incidents") {
			t.Errorf("item %d, a private hotspot, shows its incidents:\n%s", i+1, text)
		}
		if it.Kind == model.ItemHotspot && !private[it.HotspotID] {
			shownPublic++
			for _, want := range []string{trendOf(it.HotspotID), fmt.Sprintf("PUB-title-%d", it.HotspotID), fmt.Sprintf("PUB-location-%d", it.HotspotID), fmt.Sprintf("PUB-ward-%d", it.HotspotID)} {
				if !strings.Contains(text, want) {
					t.Errorf("item %d: the public %s is missing:\n%s", i+1, want, text)
				}
			}
			for _, a := range rec.Actions {
				if a.HotspotID == it.HotspotID && !a.Status.IsClosed() && strings.HasPrefix(a.Text, "PUB") && !strings.Contains(text, a.Text) {
					t.Errorf("item %d: the open public action %s is missing", i+1, a.Text)
				}
			}
		}
	}
	if shownPublic == 0 || len(private) == 0 {
		t.Fatalf("the demo meeting should have public and private hotspot items (%d public, %d private)", shownPublic, len(private))
	}
}
