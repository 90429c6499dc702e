package storetest

import (
	"slices"
	"testing"

	"github.com/ccsp/tasking/model"
)

// A hotspot's business is what was recorded under its own item: one of its
// actions reviewed in matters arising, with the hotspot then only passed
// over on the screen, leaves it without a ✓ and deferred at the close; an
// action reviewed while the meeting is on its hotspot's item is that
// hotspot's business.
func testBusinessIsWhatWasRecordedUnderTheItem(t *testing.T, open Backend) {
	s, _, _ := openTiny(t, open)
	town, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	rec, err := s.AssignAction(chair, model.NewAction{HotspotID: 2, Text: "Clear the rubbish", AgencyID: 1, Due: model.MustDate("2026-12-01")})
	mustNoErr(t, err)
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	item := func(kind model.ItemKind, hotspot model.ID) int {
		i := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == kind && it.HotspotID == hotspot })
		if i < 0 {
			t.Fatalf("no %s %d on the agenda %v", kind, hotspot, m.Agenda)
		}
		return i
	}
	goTo := func(i int) {
		t.Helper()
		_, err := s.GoToItem(chair, m.ID, i)
		mustNoErr(t, err)
	}
	goTo(item(model.ItemMatters, 0))
	_, err = s.MarkReviewed(chair, town.ID, m.ID) // HS-1's action, in matters arising
	mustNoErr(t, err)
	goTo(item(model.ItemHotspot, 1)) // HS-1 on the screen, nothing said
	goTo(item(model.ItemHotspot, 2))
	_, err = s.MarkReviewed(chair, rec.ID, m.ID) // HS-2's action, under HS-2
	mustNoErr(t, err)

	r, err := s.MeetingRecord(m.ID)
	mustNoErr(t, err)
	p := model.MeetingProgress(&r)
	if p.Done[item(model.ItemHotspot, 1)] {
		t.Error("HS-1 has a ✓: its action was reviewed in matters arising, and it was only passed over")
	}
	if !p.Done[item(model.ItemHotspot, 2)] {
		t.Error("HS-2 has no ✓: its action was reviewed under its item")
	}
	if !slices.Equal(p.NotReached, []model.ID{1}) {
		t.Errorf("not reached %v, want [1]", p.NotReached)
	}
	closed, err := s.CloseMeeting(chair, m.ID)
	mustNoErr(t, err)
	if !slices.Equal(closed.Deferred, []model.ID{1}) {
		t.Errorf("deferred %v, want HS-1 only", closed.Deferred)
	}
	if h, _ := s.Hotspot(1); !h.LastReviewed.IsZero() {
		t.Errorf("HS-1 marked reviewed on %s", h.LastReviewed)
	}
}
