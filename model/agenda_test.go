package model

import (
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
	tests := []struct {
		name     string
		hotspots []Hotspot
		want     []ID
	}{
		{"high risk first", []Hotspot{hs(1, RiskLow, HotspotActive, "2026-11-01"), hs(2, RiskHigh, HotspotActive, "2026-11-17"), hs(3, RiskMedium, HotspotActive, "2026-10-01")}, []ID{2, 3, 1}},
		{"then longest since reviewed", []Hotspot{hs(1, RiskHigh, HotspotActive, "2026-11-17"), hs(2, RiskHigh, HotspotActive, "2026-10-01"), hs(3, RiskHigh, HotspotActive, "2026-11-03")}, []ID{2, 3, 1}},
		{"never reviewed first", []Hotspot{hs(1, RiskMedium, HotspotActive, "2026-11-17"), hs(2, RiskMedium, HotspotNew, "")}, []ID{2, 1}},
		{"closed left out", []Hotspot{hs(1, RiskHigh, HotspotClosed, ""), hs(2, RiskLow, HotspotMonitoring, "")}, []ID{2}},
		{"ties by ref", []Hotspot{hs(5, RiskLow, HotspotActive, "2026-11-17"), hs(4, RiskLow, HotspotActive, "2026-11-17")}, []ID{4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := BuildAgenda(tt.hotspots)
			got := hotspotIDs(items)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
			if items[0].Kind != ItemAttendance || items[3].Kind != ItemMatters || items[len(items)-1].Kind != ItemNextMeeting || items[len(items)-3].Kind != ItemReferrals {
				t.Fatalf("standing items out of place: %v", items)
			}
		})
	}
}

func TestAgendaEdits(t *testing.T) {
	m := Meeting{Agenda: BuildAgenda([]Hotspot{hs(1, RiskHigh, HotspotActive, ""), hs(2, RiskMedium, HotspotActive, ""), hs(3, RiskLow, HotspotActive, "")})}
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
	if _, err := m.AddHotspotItem(3, false); err == nil {
		t.Fatal("added a duplicate")
	}
	at, err := m.AddHotspotItem(1, false)
	if err != nil || m.Agenda[at].HotspotID != 1 || m.Agenda[at+1].Kind != ItemReferrals {
		t.Fatalf("AddHotspotItem at %d: %v %v", at, err, m.Agenda)
	}
	ref := len(m.Agenda) - 3 // referrals
	m.Current = ref
	at, _ = m.AddReferralItem(7, false)
	at2, _ := m.AddReferralItem(8, true)
	if at != ref+1 || at2 != ref+2 || m.Agenda[ref+3].Kind != ItemAOB || m.Current != ref || m.Agenda[at].Part2 || !m.Agenda[at2].Part2 {
		t.Fatalf("referrals at %d,%d: %v current %d", at, at2, m.Agenda, m.Current)
	}
}
