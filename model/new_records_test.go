package model

import (
	"testing"
	"time"
)

func TestNewActionAssigned(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 40, 0, 0, time.UTC)
	chair := Actor{MemberID: 1, Name: "Ann Chair", Role: RoleChair}
	private := &Meeting{ID: 7, Agenda: []AgendaItem{{Kind: ItemAOB, Part2: true}}}
	n := NewAction{Text: "Visit the parade", AgencyID: 2, Officer: "PC Lee", Due: MustDate("2026-12-01"), Intervention: "patrols", MeetingID: 7, Confidential: true}
	a := n.Assigned(40, private, nil, chair, at)
	want := Action{ID: 40, Text: "Visit the parade", AgencyID: 2, Officer: "PC Lee", Due: MustDate("2026-12-01"), Status: StatusOpen,
		Intervention: "patrols", CreatedMeetingID: 7, CreatedAt: at, CreatedBy: "Ann Chair", UpdatedAt: at, UpdatedBy: "Ann Chair",
		Version: 1, Confidential: true, Privacy: PrivateUnder(ParaIndividual)}
	if a != want {
		t.Errorf("assigned:\n got %+v\nwant %+v", a, want)
	}
	personal := &Hotspot{ID: 3, Category: CategoryPersonal}
	part2 := &Hotspot{ID: 4, Category: CategoryNuisance, Part2: true, Paragraph: ParaCrime}
	public := &Hotspot{ID: 5, Category: CategoryNuisance}
	tests := []struct {
		name string
		h    *Hotspot
		m    *Meeting
		want Privacy
	}{
		{"general, in private", nil, private, PrivateUnder(ParaIndividual)},
		{"on a personal hotspot", personal, nil, PrivateUnder(ParaIndividual)},
		{"on a hotspot taken in Part 2", part2, nil, PrivateUnder(ParaCrime)},
		{"on a public hotspot, in a meeting with a private AOB", public, private, Privacy{}},
		{"outside a meeting", nil, nil, Privacy{}},
	}
	for _, tt := range tests {
		n := NewAction{}
		if tt.h != nil {
			n.HotspotID = tt.h.ID
		}
		if a := n.Assigned(1, tt.m, tt.h, chair, at); a.Privacy != tt.want || a.Status != StatusOpen {
			t.Errorf("%s: privacy %+v status %s, want %+v open", tt.name, a.Privacy, a.Status, tt.want)
		}
	}
}

func TestCheckNewDue(t *testing.T) {
	if err := CheckNewDue(MustDate("2026-12-01")); err != nil {
		t.Errorf("a date: %v", err)
	}
	if err, want := CheckNewDue(Date{}), "no new due date given: "+WhenHelp; errText(err) != want {
		t.Errorf("no date: %v, want %q", err, want)
	}
}

func TestNewHotspotReferred(t *testing.T) {
	at := time.Date(2026, 11, 24, 11, 5, 0, 0, time.UTC)
	by := Actor{Name: "Ann Chair", Role: RoleChair}
	tests := []struct {
		name      string
		category  Category
		wantPart2 bool
		wantPara  ExemptParagraph
	}{
		{"personal ASB: private from the start", CategoryPersonal, true, ParaIndividual},
		{"nuisance: public", CategoryNuisance, false, 0},
		{"environmental: public", CategoryEnvironmental, false, 0},
	}
	for _, tt := range tests {
		n := NewHotspot{Title: "Parade", Location: "Low Pavement", Ward: "Spire", Category: tt.category, Theme: "noise", Risk: RiskHigh, RiskReason: "repeat", LeadAgencyID: 2}
		h := n.Referred(12, 7, by, at)
		if h.ID != 12 || h.Title != "Parade" || h.Location != "Low Pavement" || h.Ward != "Spire" || h.Category != tt.category ||
			h.Theme != "noise" || h.Risk != RiskHigh || h.RiskReason != "repeat" || h.LeadAgencyID != 2 ||
			h.Status != HotspotNew || h.SARA != SARAScanning || h.Opened != DateOf(at) || h.ReferredInMeeting != 7 ||
			!h.CreatedAt.Equal(at) || !h.UpdatedAt.Equal(at) || h.UpdatedBy != "Ann Chair" || h.Version != 1 {
			t.Errorf("%s: referred %+v", tt.name, h)
		}
		if h.Part2 != tt.wantPart2 || h.Paragraph != tt.wantPara {
			t.Errorf("%s: Part2 %v para %d, want %v %d", tt.name, h.Part2, h.Paragraph, tt.wantPart2, tt.wantPara)
		}
	}
}
