package minutes

import (
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// The minutes read as the meeting went, through the store as the app
// drives it: a finished action confirmed in matters arising reads
// "completed since the last meeting: …; completion confirmed" — its words
// once, no "done: Done:", no stop before the semicolon, never "reviewed,
// no change"; a hotspot whose action came up only in matters arising is
// deferred, though the meeting passed over its item; one whose action was
// reviewed under its own item says so.
func TestMinutesFollowTheBusinessUnderEachItem(t *testing.T) {
	s := openDemo(t)
	members, _ := s.Members()
	chairM, _ := model.FindMember(members, "Helen Marsh")
	chair := model.ActorFor(chairM)
	m, err := s.StartMeeting(chair, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := s.MeetingRecord(m.ID)
	var since = rec.Previous.ClosedAt
	var finished []model.Action
	byHotspot := map[model.ID][]model.Action{}
	for _, a := range rec.MattersArising() {
		if model.FinishedSince(a, since, rec.Meeting, nil) {
			finished = append(finished, a)
		} else if a.HotspotID != 0 && !a.Status.IsClosed() && slices.ContainsFunc(m.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == a.HotspotID }) {
			byHotspot[a.HotspotID] = append(byHotspot[a.HotspotID], a)
		}
	}
	if len(finished) < 2 || len(byHotspot) < 2 {
		t.Fatalf("fixture: %d finished since the last meeting, %d hotspots with open actions", len(finished), len(byHotspot))
	}
	var hotspots []model.ID
	for h := range byHotspot {
		hotspots = append(hotspots, h)
	}
	slices.Sort(hotspots)
	passed, discussed := hotspots[0], hotspots[1]
	item := func(h model.ID) int {
		return slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot && it.HotspotID == h })
	}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	matters := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemMatters })
	must(s.GoToItem(chair, m.ID, matters))
	must(s.MarkReviewed(chair, finished[0].ID, m.ID))    // v: confirms it
	must(s.AcceptUpdate(chair, finished[1].ID, 0, m.ID)) // y: the completion was the news
	must(s.MarkReviewed(chair, byHotspot[passed][0].ID, m.ID))
	must(s.GoToItem(chair, m.ID, item(passed))) // on the screen, nothing said
	must(s.GoToItem(chair, m.ID, item(discussed)))
	must(s.MarkReviewed(chair, byHotspot[discussed][0].ID, m.ID))
	must(s.CloseMeeting(chair, m.ID))

	rec, _ = s.MeetingRecord(m.ID)
	doc := Build(rec)
	rows := map[string]string{}
	statements := map[string]string{}
	for _, it := range doc.Items {
		for _, r := range it.Matters {
			rows[r.Ref] = r.Update
		}
		if it.Hotspot != nil {
			statements[it.Hotspot.Ref] = it.Statement
		}
	}
	for _, a := range finished[:2] {
		got := rows[a.Ref()]
		want := model.Clauses(model.FinishedSinceLine(a.Status, a.CompletionNote), model.ConfirmedLine(a.Status))
		if got != want {
			t.Errorf("%s: matters arising says %q, want %q", a.Ref(), got, want)
		}
		for _, bad := range []string{"reviewed, no change", "update accepted", "done: Done", ".;"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: %q says %q", a.Ref(), got, bad)
			}
		}
	}
	if got := statements[model.HotspotRef(passed)]; got != deferredText {
		t.Errorf("%s, whose action came up only in matters arising: %q, want %q", model.HotspotRef(passed), got, deferredText)
	}
	want := model.ReviewedUnderLine([]string{byHotspot[discussed][0].Ref()})
	if got := statements[model.HotspotRef(discussed)]; got != want {
		t.Errorf("%s, whose action was reviewed under its item: %q, want %q", model.HotspotRef(discussed), got, want)
	}
}
