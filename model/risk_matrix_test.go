package model

import (
	"fmt"
	"slices"
	"testing"
)

// The risk rule: the matrix's bands, each flag one level up, never above
// high.
func TestRiskMatrix(t *testing.T) {
	tests := []struct {
		l, h            int
		vuln, rep, hate bool
		want            Risk
	}{
		{1, 1, false, false, false, RiskLow},
		{2, 3, false, false, false, RiskLow},    // 6: the top of low
		{2, 4, false, false, false, RiskMedium}, // 8: no score is 7
		{3, 4, false, false, false, RiskMedium}, // 12: the top of medium
		{3, 5, false, false, false, RiskHigh},   // 15: no score is 13 or 14
		{5, 5, false, false, false, RiskHigh},
		{1, 1, true, false, false, RiskMedium},
		{1, 1, false, true, false, RiskMedium},
		{1, 1, false, false, true, RiskMedium},
		{1, 1, true, true, false, RiskHigh},
		{3, 4, false, false, true, RiskHigh},
		{5, 5, true, true, true, RiskHigh}, // never above high
	}
	for _, tt := range tests {
		a := RiskAssessment{Likelihood: tt.l, Harm: tt.h, Vulnerable: tt.vuln, Repeat: tt.rep, Hate: tt.hate}
		if err := a.Validate(); err != nil {
			t.Fatal(err)
		}
		if got := a.Level(); got != tt.want {
			t.Errorf("%s: %v, want %v", a.Summary(), got, tt.want)
		}
	}
	for _, bad := range []RiskAssessment{{0, 3, false, false, false, Date{}}, {3, 6, false, false, false, Date{}}, {MatrixMax + 1, 1, false, false, false, Date{}}} {
		if bad.Validate() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	a := RiskAssessment{Likelihood: 4, Harm: 4, Repeat: true}
	if s := a.Summary(); s != "likelihood 4 × harm 4 = 16; repeat victim" {
		t.Errorf("summary %q", s)
	}
}

// An existing hotspot keeps its level until it is assessed; assessing sets
// it from the matrix and says so for the minutes.
func TestAssess(t *testing.T) {
	h := Hotspot{Risk: RiskHigh}
	if h.Assessment != nil {
		t.Fatal("a hotspot from before the matrix has an assessment")
	}
	minute, err := h.Assess(RiskAssessment{Likelihood: 2, Harm: 2}, "Fewer reports")
	if err != nil {
		t.Fatal(err)
	}
	if h.Risk != RiskLow || h.Assessment == nil || h.RiskReason != "Fewer reports" {
		t.Errorf("%+v", h)
	}
	if minute != "Risk assessed: LOW, was HIGH (likelihood 2 × harm 2 = 4). Fewer reports." {
		t.Errorf("minute %q", minute)
	}
	// Assessed again at the same level, without a reason: kept, said so,
	// the reason as it was.
	if minute, err = h.Assess(RiskAssessment{Likelihood: 3, Harm: 2}, ""); err != nil || minute != "Risk assessed: LOW (likelihood 3 × harm 2 = 6)." || h.RiskReason != "Fewer reports" {
		t.Errorf("minute %q, %v, reason %q", minute, err, h.RiskReason)
	}
	// A hotspot with no level (from before levels were asked for) is not
	// said to have been one.
	h = Hotspot{}
	if minute, _ = h.Assess(RiskAssessment{Likelihood: 4, Harm: 4, Hate: true}, "Slurs daubed."); minute != "Risk assessed: HIGH (likelihood 4 × harm 4 = 16; hate motivation). Slurs daubed." {
		t.Errorf("minute %q", minute)
	}
	// The public record has the level, not the reasoning behind it.
	if p := PublicRules(Meeting{}, nil).PublicHotspot(Hotspot{ID: 1, Category: CategoryNuisance, Risk: h.Risk, Assessment: h.Assessment, RiskReason: "x"}); p.Assessment != nil || p.RiskReason != "" || p.Risk != RiskHigh {
		t.Errorf("public view %+v", p)
	}
	if _, err := h.Assess(RiskAssessment{Likelihood: 9, Harm: 2}, ""); err == nil || h.Risk != RiskHigh {
		t.Errorf("a bad assessment changed the hotspot: %v %+v", err, h)
	}
}

// The review cadence: high every meeting, medium every second, low every
// fourth; never reviewed is due; closed never is.
func TestDueForReview(t *testing.T) {
	held := []Date{MustDate("2026-10-06"), MustDate("2026-10-13"), MustDate("2026-10-20"), MustDate("2026-10-27")}
	tests := []struct {
		risk     Risk
		reviewed string
		want     bool
	}{
		{RiskHigh, "2026-10-27", true},
		{RiskMedium, "2026-10-27", false}, // reviewed at the last meeting
		{RiskMedium, "2026-10-20", true},  // one meeting missed
		{RiskLow, "2026-10-27", false},
		{RiskLow, "2026-10-13", false}, // two missed
		{RiskLow, "2026-10-06", true},  // three missed: the fourth
		{RiskLow, "", true},            // never reviewed
	}
	for _, tt := range tests {
		h := Hotspot{Status: HotspotActive, Risk: tt.risk}
		if tt.reviewed != "" {
			h.LastReviewed = MustDate(tt.reviewed)
		}
		if got := h.DueForReview(held); got != tt.want {
			t.Errorf("%v last reviewed %q: due %v", tt.risk, tt.reviewed, got)
		}
	}
	if (Hotspot{Status: HotspotClosed}).DueForReview(nil) {
		t.Error("a closed hotspot is due")
	}
	if !(Hotspot{Status: HotspotActive, Risk: RiskLow, LastReviewed: MustDate("2026-10-27")}).DueForReview(nil) {
		t.Error("with the meetings unknown, every open hotspot is due")
	}
	// The agenda: due ones and deferred ones, high first.
	hs := []Hotspot{
		{ID: 1, Status: HotspotActive, Risk: RiskLow, LastReviewed: MustDate("2026-10-27")},
		{ID: 2, Status: HotspotActive, Risk: RiskMedium, LastReviewed: MustDate("2026-10-20")},
		{ID: 3, Status: HotspotActive, Risk: RiskHigh, LastReviewed: MustDate("2026-10-27")},
		{ID: 4, Status: HotspotActive, Risk: RiskLow, LastReviewed: MustDate("2026-10-27")},
	}
	var got []ID
	for _, it := range BuildAgenda(hs, []ID{4}, held) {
		if it.Kind == ItemHotspot {
			got = append(got, it.HotspotID)
		}
	}
	if len(got) != 3 || got[0] != 4 || got[1] != 3 || got[2] != 2 {
		t.Errorf("agenda %v, want deferred HS-4, then HS-3 (high), HS-2 (medium, due)", got)
	}
}

// When a hotspot's review falls due, in meetings from the next one, and
// what a meeting's agenda leaves off: those due but taken off first, then
// those the cadence left off, soonest due first; never a closed hotspot, a
// public view's stand-in for a private one, or anything of a closed meeting.
func TestReviewDueInAndOffAgenda(t *testing.T) {
	held := []Date{MustDate("2026-10-06"), MustDate("2026-10-13"), MustDate("2026-10-20"), MustDate("2026-10-27")}
	tests := []struct {
		risk     Risk
		reviewed string
		want     int
	}{
		{RiskHigh, "2026-10-27", 0},
		{RiskMedium, "2026-10-27", 1},
		{RiskMedium, "2026-10-20", 0},
		{RiskMedium, "2026-10-06", 0}, // long overdue is due, not less than due
		{RiskLow, "2026-10-27", 3},
		{RiskLow, "2026-10-20", 2},
		{RiskLow, "2026-10-13", 1},
		{RiskLow, "2026-10-06", 0},
		{RiskLow, "", 0},
		{RiskUnknown, "2026-10-27", 3}, // no level: as low, until assessed
	}
	for _, tt := range tests {
		h := Hotspot{Status: HotspotActive, Risk: tt.risk}
		if tt.reviewed != "" {
			h.LastReviewed = MustDate(tt.reviewed)
		}
		got := h.ReviewDueIn(held)
		if got != tt.want {
			t.Errorf("%v last reviewed %q: due in %d, want %d", tt.risk, tt.reviewed, got, tt.want)
		}
		if (got == 0) != h.DueForReview(held) {
			t.Errorf("%v last reviewed %q: ReviewDueIn %d disagrees with DueForReview", tt.risk, tt.reviewed, got)
		}
	}
	if got := (Hotspot{Status: HotspotClosed}).ReviewDueIn(held); got != -1 {
		t.Errorf("a closed hotspot is due in %d", got)
	}

	last := MustDate("2026-10-27")
	hs := []Hotspot{
		{ID: 1, Status: HotspotActive, Risk: RiskHigh, LastReviewed: last},                      // on the agenda
		{ID: 2, Status: HotspotActive, Risk: RiskMedium, LastReviewed: last},                    // next meeting
		{ID: 3, Status: HotspotActive, Risk: RiskLow, LastReviewed: last},                       // in 3
		{ID: 4, Status: HotspotActive, Risk: RiskHigh, LastReviewed: last},                      // due, dropped
		{ID: 5, Status: HotspotClosed, Risk: RiskHigh},                                          // closed
		{ID: 6, Status: HotspotActive, Title: "Exempt", Exempt: true, Part2: true},              // a stand-in
		{ID: 7, Status: HotspotMonitoring, Risk: RiskLow, LastReviewed: MustDate("2026-10-13")}, // in 1
	}
	rec := MeetingRecord{Meeting: Meeting{State: MeetingOpen, Agenda: []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemHotspot, HotspotID: 1}}}, Hotspots: hs, Held: held}
	var got []string
	for _, o := range rec.OffAgenda() {
		got = append(got, fmt.Sprintf("%s %s", o.Hotspot.Ref(), o.Why()))
	}
	want := []string{"HS-4 due, taken off this agenda", "HS-2 not due: next meeting", "HS-7 not due: next meeting", "HS-3 not due: in 3 meetings"}
	if !slices.Equal(got, want) {
		t.Errorf("off the agenda:\n%q\nwant\n%q", got, want)
	}
	rec.Meeting.State = MeetingClosed
	if o := rec.OffAgenda(); o != nil {
		t.Errorf("a closed meeting lists %v off its agenda", o)
	}
	rec.Meeting.State, rec.Held = MeetingOpen, nil
	if o := rec.OffAgenda(); o != nil {
		t.Errorf("a record read without the meetings held lists %v", o)
	}
}

// Home says, before the meeting, how long its agenda will be and how many
// open hotspots the cadence leaves off it; under way, of its own agenda.
func TestHomeCountsWhatTheCadenceLeavesOff(t *testing.T) {
	last := MustDate("2026-11-17")
	in := HomeInput{Held: []Date{last}, Hotspots: []Hotspot{
		{ID: 1, Status: HotspotActive, Risk: RiskHigh, LastReviewed: last},
		{ID: 2, Status: HotspotActive, Risk: RiskMedium, LastReviewed: last},
		{ID: 3, Status: HotspotActive, Risk: RiskLow, LastReviewed: last},
		{ID: 4, Status: HotspotActive, Risk: RiskLow}, // never reviewed: due
	}}
	if h := Summarise(in); h.AgendaItems != 9 || h.OffAgenda != 2 {
		t.Errorf("before the meeting: %d items, %d off, want 9 and 2", h.AgendaItems, h.OffAgenda)
	}
	open := Meeting{State: MeetingOpen, Agenda: []AgendaItem{{Kind: ItemAttendance}, {Kind: ItemHotspot, HotspotID: 3}}}
	in.Open = &open
	if h := Summarise(in); h.AgendaItems != 2 || h.OffAgenda != 3 {
		t.Errorf("under way: %d items, %d off, want 2 and 3", h.AgendaItems, h.OffAgenda)
	}
}
