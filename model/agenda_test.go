package model

import (
	"strings"
	"testing"
)

func hs(id ID, risk Risk, status HotspotStatus, reviewed string) Hotspot {
	h := Hotspot{ID: id, Risk: risk, Status: status, Title: HotspotRef(id)}
	if reviewed != "" {
		h.LastReviewed = MustDate(reviewed)
	}
	return h
}

func hotspotIDs(items []AgendaItem) []ID {
	var ids []ID
	for _, it := range items {
		if it.Kind == ItemHotspot {
			ids = append(ids, it.HotspotID)
		}
	}
	return ids
}

func TestBuildAgendaOrder(t *testing.T) {
	private := hs(6, RiskHigh, HotspotActive, "2026-11-01")
	private.Part2 = true
	personal := hs(7, RiskLow, HotspotActive, "")
	personal.Category = CategoryPersonal
	tests := []struct {
		name     string
		hotspots []Hotspot
		deferred []ID
		want     []ID
	}{
		{"high risk first", []Hotspot{hs(1, RiskLow, HotspotActive, "2026-11-01"), hs(2, RiskHigh, HotspotActive, "2026-11-17"), hs(3, RiskMedium, HotspotActive, "2026-10-01")}, nil, []ID{2, 3, 1}},
		{"then longest since reviewed", []Hotspot{hs(1, RiskHigh, HotspotActive, "2026-11-17"), hs(2, RiskHigh, HotspotActive, "2026-10-01"), hs(3, RiskHigh, HotspotActive, "2026-11-03")}, nil, []ID{2, 3, 1}},
		{"never reviewed first", []Hotspot{hs(1, RiskMedium, HotspotActive, "2026-11-17"), hs(2, RiskMedium, HotspotNew, "")}, nil, []ID{2, 1}},
		{"closed left out", []Hotspot{hs(1, RiskHigh, HotspotClosed, ""), hs(2, RiskLow, HotspotMonitoring, "")}, nil, []ID{2}},
		{"ties by ref", []Hotspot{hs(5, RiskLow, HotspotActive, "2026-11-17"), hs(4, RiskLow, HotspotActive, "2026-11-17")}, nil, []ID{4, 5}},
		{"deferred first", []Hotspot{hs(1, RiskHigh, HotspotActive, "2026-11-01"), hs(2, RiskLow, HotspotActive, "2026-11-17")}, []ID{2}, []ID{2, 1}},
		{"private last, after the next meeting", []Hotspot{private, personal, hs(1, RiskLow, HotspotActive, "")}, nil, []ID{1, 6, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := BuildAgenda(tt.hotspots, tt.deferred, nil)
			got := hotspotIDs(items)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
			last := len(items) - 1
			for last > 0 && items[last].Part2 {
				if items[last].Kind != ItemHotspot || items[last].Paragraph == 0 {
					t.Fatalf("a private item without its paragraph: %v", items[last])
				}
				last--
			}
			if items[0].Kind != ItemAttendance || items[3].Kind != ItemMatters || items[last].Kind != ItemNextMeeting || items[last-2].Kind != ItemReferrals {
				t.Fatalf("standing items out of place: %v", items)
			}
		})
	}
}

func TestAgendaEdits(t *testing.T) {
	m := Meeting{Agenda: BuildAgenda([]Hotspot{hs(1, RiskHigh, HotspotActive, ""), hs(2, RiskMedium, HotspotActive, ""), hs(3, RiskLow, HotspotActive, "")}, nil, nil)}
	// agenda: 0 att, 1 decl, 2 mins, 3 matters, 4 HS1, 5 HS2, 6 HS3, 7 referrals, 8 aob, 9 next
	m.Current = 5
	if err := m.MoveItem(5, -1); err != nil {
		t.Fatal(err)
	}
	if got := hotspotIDs(m.Agenda); got[0] != 2 || got[1] != 1 || m.Current != 4 {
		t.Fatalf("after move up: %v current %d", got, m.Current)
	}
	if err := m.MoveItem(4, -1); err == nil {
		t.Fatal("moved a hotspot above matters arising")
	}
	if err := m.MoveItem(2, 1); err == nil {
		t.Fatal("moved a standing item")
	}
	if err := m.DropItem(3); err == nil {
		t.Fatal("dropped matters arising")
	}
	m.Current = 6 // HS3
	if err := m.DropItem(5); err != nil {
		t.Fatal(err)
	}
	if got := hotspotIDs(m.Agenda); len(got) != 2 || m.Current != 5 || m.Agenda[m.Current].HotspotID != 3 {
		t.Fatalf("after drop: %v current %d", got, m.Current)
	}
	if _, err := m.AddHotspotItem(hs(3, RiskLow, HotspotActive, "")); err == nil {
		t.Fatal("added a duplicate")
	}
	at, err := m.AddHotspotItem(hs(1, RiskLow, HotspotActive, ""))
	if err != nil || m.Agenda[at].HotspotID != 1 || m.Agenda[at+1].Kind != ItemReferrals {
		t.Fatalf("AddHotspotItem at %d: %v %v", at, err, m.Agenda)
	}
	ref := len(m.Agenda) - 3 // referrals
	m.Current = ref
	at, _ = m.AddReferralItem(hs(7, RiskLow, HotspotNew, ""))
	personal := hs(8, RiskLow, HotspotNew, "")
	personal.Category = CategoryPersonal
	at2, _ := m.AddReferralItem(personal)
	if at != ref+1 || m.Agenda[ref+2].Kind != ItemAOB || m.Current != ref || m.Agenda[at].Part2 {
		t.Fatalf("referral at %d: %v current %d", at, m.Agenda, m.Current)
	}
	if at2 != len(m.Agenda)-1 || !m.Agenda[at2].Part2 || m.Agenda[at2].Paragraph != ParaIndividual {
		t.Fatalf("a personal referral is taken in private, at the end: at %d, %v", at2, m.Agenda)
	}
}

func TestSetPart2MovesTheItemAndKeepsTheChairsPlace(t *testing.T) {
	m := Meeting{Agenda: BuildAgenda([]Hotspot{hs(1, RiskHigh, HotspotActive, ""), hs(2, RiskMedium, HotspotActive, ""), hs(3, RiskLow, HotspotActive, "")}, nil, nil)}
	// 0 att, 1 decl, 2 mins, 3 matters, 4 HS1, 5 HS2, 6 HS3, 7 referrals, 8 aob, 9 next
	m.Current = 4
	if err := m.SetPart2(4, true, ParaIndividual); err != nil {
		t.Fatal(err)
	}
	if last := m.Agenda[len(m.Agenda)-1]; last.HotspotID != 1 || !last.Part2 || last.Paragraph != ParaIndividual {
		t.Fatalf("HS-1 not at the end in Part 2: %v", m.Agenda)
	}
	if m.Agenda[m.Current].HotspotID != 2 {
		t.Fatalf("the chair should be on HS-2, the item that followed: current %d %v", m.Current, m.Agenda)
	}
	m.Current = 7 // AOB after the move
	if err := m.SetPart2(len(m.Agenda)-1, false, 0); err != nil {
		t.Fatal(err)
	}
	if got := hotspotIDs(m.Agenda); got[0] != 2 || got[1] != 3 || got[2] != 1 || m.Agenda[7].Kind != ItemReferrals {
		t.Fatalf("back in Part 1 at the end of the walk: %v", m.Agenda)
	}
	if m.Agenda[m.Current].Kind != ItemAOB {
		t.Fatalf("the chair was on AOB and should stay there: current %d", m.Current)
	}
	if err := m.SetPart2(0, true, 0); err == nil {
		t.Fatal("attendance moved into Part 2")
	}
	if err := m.SetPart2(4, false, 0); err == nil {
		t.Fatal("a Part 1 item moved into Part 1 again")
	}
	// A standing item goes back to its own place.
	if err := m.SetPart2(8, true, 0); err != nil || m.Agenda[len(m.Agenda)-1].Kind != ItemAOB || m.Agenda[len(m.Agenda)-1].Paragraph != ParaCrime {
		t.Fatalf("AOB into Part 2: %v %v", err, m.Agenda)
	}
	if err := m.SetPart2(len(m.Agenda)-1, false, 0); err != nil || m.Agenda[8].Kind != ItemAOB || m.Agenda[9].Kind != ItemNextMeeting {
		t.Fatalf("AOB back: %v %v", err, m.Agenda)
	}
}

func TestFindItem(t *testing.T) {
	m := Meeting{ID: 4, Agenda: BuildAgenda([]Hotspot{hs(3, RiskHigh, HotspotActive, "")}, nil, nil)}
	for _, tt := range []struct {
		in   string
		want int
		bad  string
	}{
		{in: "HS-3", want: 4}, {in: "hs-3", want: 4}, {in: "5", want: 4}, {in: "aob", want: 6}, {in: "Any other business", want: 6},
		{in: "referrals", want: 5}, {in: "declarations", want: 1}, {in: "minutes", want: 2},
		{in: "HS-9", bad: "not on the agenda"}, {in: "99", bad: "there is no item 99"}, {in: "of", bad: "more than one"},
		{in: "zebra", bad: "no agenda item matches"}, {in: " ", bad: "no agenda item given"},
	} {
		got, err := m.FindItem(tt.in)
		if tt.bad != "" {
			if err == nil || !strings.Contains(err.Error(), tt.bad) {
				t.Errorf("%q: %v, %v; want an error saying %q", tt.in, got, err, tt.bad)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q: %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

// Business recorded under a hotspot the agenda does not hold brings it on:
// at the end of the walk, or of Part 2 when it is private; never twice,
// never in a meeting not under way.
func TestTakeUp(t *testing.T) {
	open := func() Meeting {
		return Meeting{State: MeetingOpen, Agenda: BuildAgenda([]Hotspot{hs(1, RiskHigh, HotspotActive, "")}, nil, nil)}
	}
	m := open()
	if !m.TakeUp(hs(2, RiskLow, HotspotActive, "")) {
		t.Fatal("a hotspot off the agenda was not taken up")
	}
	if got := hotspotIDs(m.Agenda); len(got) != 2 || got[1] != 2 || m.Agenda[5].Kind != ItemHotspot || m.Agenda[6].Kind != ItemReferrals {
		t.Errorf("agenda %v: HS-2 should follow HS-1, before new referrals", m.Agenda)
	}
	if m.TakeUp(hs(2, RiskLow, HotspotActive, "")) || m.TakeUp(hs(1, RiskHigh, HotspotActive, "")) {
		t.Error("a hotspot on the agenda was taken up again")
	}
	m = open()
	private := hs(3, RiskLow, HotspotActive, "")
	private.Category = CategoryPersonal
	if !m.TakeUp(private) || !m.Agenda[len(m.Agenda)-1].Part2 || m.Agenda[len(m.Agenda)-1].HotspotID != 3 {
		t.Errorf("a private hotspot is not taken up at the end of Part 2: %v", m.Agenda)
	}
	for _, st := range []MeetingState{MeetingPlanned, MeetingClosed} {
		m := open()
		m.State = st
		if m.TakeUp(hs(2, RiskLow, HotspotActive, "")) || m.HasHotspot(2) {
			t.Errorf("a %s meeting took a hotspot up", st)
		}
	}
}
