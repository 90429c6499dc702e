package model

import (
	"errors"
	"testing"
	"time"
)

func TestHotspotSetRisk(t *testing.T) {
	tests := []struct {
		name       string
		risk       Risk
		reason     string
		wantMinute string
		wantReason string
		wantErr    string
	}{
		{"raised with a reason", RiskHigh, "repeat victims", "Risk changed from medium to high: repeat victims.", "repeat victims", ""},
		{"lowered without one keeps the old reason", RiskLow, "", "Risk changed from medium to low.", "two reports", ""},
		{"kept at its level with a new reason", RiskMedium, "fewer reports", "Risk kept at medium: fewer reports.", "fewer reports", ""},
		{"its level and no reason", RiskMedium, "", "", "two reports", "HS-2 is already medium risk"},
		{"its level and the same reason", RiskMedium, "two reports", "", "two reports", "HS-2 is already medium risk"},
		{"not a level", Risk(0), "x", "", "two reports", "choose low, medium or high"},
		{"above high", Risk(4), "x", "", "two reports", "choose low, medium or high"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Hotspot{ID: 2, Risk: RiskMedium, RiskReason: "two reports"}
			minute, err := h.SetRisk(tt.risk, tt.reason)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if minute != tt.wantMinute || h.RiskReason != tt.wantReason {
				t.Errorf("minute %q reason %q, want %q %q", minute, h.RiskReason, tt.wantMinute, tt.wantReason)
			}
			if err == nil && h.Risk != tt.risk {
				t.Errorf("risk = %s, want %s", h.Risk, tt.risk)
			}
		})
	}
}

func TestHotspotSetStatus(t *testing.T) {
	closedOn := MustDate("2026-10-01")
	tests := []struct {
		name       string
		from       Hotspot
		to         HotspotStatus
		wantMinute string
		wantErr    string
	}{
		{"new to active", Hotspot{ID: 1, Status: HotspotNew}, HotspotActive, "Status changed from new to active.", ""},
		{"active to monitoring", Hotspot{ID: 1, Status: HotspotActive}, HotspotMonitoring, "Status changed from active to monitoring.", ""},
		{"reopened", Hotspot{ID: 1, Status: HotspotClosed, Closed: closedOn, CloseReason: "resolved"}, HotspotActive, "Reopened as active.", ""},
		{"closing needs a reason", Hotspot{ID: 1, Status: HotspotActive}, HotspotClosed, "", "closing a hotspot needs a reason: use close"},
		{"closed to closed needs a reason too", Hotspot{ID: 1, Status: HotspotClosed}, HotspotClosed, "", "closing a hotspot needs a reason: use close"},
		{"the status it has", Hotspot{ID: 1, Status: HotspotActive}, HotspotActive, "", "HS-1 is already active"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.from
			minute, err := h.SetStatus(tt.to)
			if errText(err) != tt.wantErr || minute != tt.wantMinute {
				t.Fatalf("SetStatus = %q, %v; want %q, %q", minute, err, tt.wantMinute, tt.wantErr)
			}
			if err != nil {
				if h.Status != tt.from.Status || h.Closed != tt.from.Closed || h.CloseReason != tt.from.CloseReason {
					t.Errorf("a refused change changed the hotspot: %+v", h)
				}
				return
			}
			if h.Status != tt.to || !h.Closed.IsZero() || h.CloseReason != "" {
				t.Errorf("hotspot = %+v", h)
			}
		})
	}
}

func TestHotspotSetSARA(t *testing.T) {
	tests := []struct {
		stage              SARAStage
		wantMinute, wantEr string
	}{
		{SARAAnalysis, "Moved to the analysis stage.", ""},
		{SARAScanning, "", "HS-1 is already at scanning"},
	}
	for _, tt := range tests {
		h := Hotspot{ID: 1, SARA: SARAScanning}
		minute, err := h.SetSARA(tt.stage)
		if minute != tt.wantMinute || errText(err) != tt.wantEr {
			t.Errorf("SetSARA(%s) = %q, %v; want %q, %q", tt.stage, minute, err, tt.wantMinute, tt.wantEr)
		}
		if err == nil && h.SARA != tt.stage {
			t.Errorf("stage = %s", h.SARA)
		}
	}
}

func TestHotspotClose(t *testing.T) {
	on := MustDate("2026-11-24")
	open := []Action{{ID: 4}, {ID: 9}}
	tests := []struct {
		name       string
		status     HotspotStatus
		open       []Action
		then       OpenActions
		wantMinute string
		wantErr    string
	}{
		{"nothing open", HotspotActive, nil, OpenActionsRefuse, "The hotspot was closed: resolved.", ""},
		{"open actions refused", HotspotActive, open, OpenActionsRefuse, "",
			"HS-3 still has 2 open actions (A-4 and A-9): close them with the hotspot, or move them to general business"},
		{"open actions closed with it", HotspotMonitoring, open, OpenActionsClose, "The hotspot was closed: resolved. Its open actions (A-4 and A-9) were closed with it.", ""},
		{"open actions to general business", HotspotNew, open, OpenActionsGeneral, "The hotspot was closed: resolved. Its open actions (A-4 and A-9) continue as general business.", ""},
		{"already closed", HotspotClosed, nil, OpenActionsClose, "", "HS-3 is already closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Hotspot{ID: 3, Status: tt.status}
			minute, err := h.Close("resolved", on, tt.open, tt.then)
			if errText(err) != tt.wantErr || minute != tt.wantMinute {
				t.Fatalf("Close = %q, %v; want %q, %q", minute, err, tt.wantMinute, tt.wantErr)
			}
			if err != nil {
				if h.Status != tt.status {
					t.Errorf("a refused close changed the status to %s", h.Status)
				}
				return
			}
			if h.Status != HotspotClosed || h.Closed != on || h.CloseReason != "resolved" {
				t.Errorf("hotspot = %+v", h)
			}
		})
	}
	var oe *OpenActionsError
	h := Hotspot{ID: 3, Status: HotspotActive}
	if _, err := h.Close("resolved", on, open, OpenActionsRefuse); !errors.As(err, &oe) || len(oe.Refs) != 2 || oe.Hotspot != "HS-3" {
		t.Errorf("refusal = %#v, want an OpenActionsError naming A-4 and A-9", err)
	}
}

func TestOpenActionsApply(t *testing.T) {
	at := time.Date(2026, 11, 24, 11, 0, 0, 0, time.UTC)
	h := Hotspot{ID: 3}
	tests := []struct {
		name        string
		then        OpenActions
		wantUpdate  ActionUpdate
		wantStatus  ActionStatus
		wantHotspot ID
		wantErr     string
	}{
		{"cancelled with the reason", OpenActionsClose,
			ActionUpdate{Kind: UpdateStatus, FromStatus: StatusInProgress, ToStatus: StatusCancelled, Text: "Hotspot closed: resolved", MeetingID: 6},
			StatusCancelled, 3, ""},
		{"moved to general business", OpenActionsGeneral,
			ActionUpdate{Kind: UpdateNote, Text: "Moved to general business: HS-3 closed", MeetingID: 6},
			StatusInProgress, 0, ""},
		{"refusing changes none", OpenActionsRefuse, ActionUpdate{}, StatusInProgress, 3,
			"HS-3: open actions are closed with the hotspot or moved to general business"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Action{ID: 4, HotspotID: 3, Status: StatusInProgress}
			u, err := tt.then.Apply(&a, h, "resolved", 6, at)
			if errText(err) != tt.wantErr || u != tt.wantUpdate {
				t.Fatalf("Apply = %+v, %v; want %+v, %q", u, err, tt.wantUpdate, tt.wantErr)
			}
			if a.Status != tt.wantStatus || a.HotspotID != tt.wantHotspot {
				t.Errorf("action = %+v", a)
			}
		})
	}
}

func TestHotspotMarkReviewed(t *testing.T) {
	day := MustDate("2026-11-24")
	tests := []struct {
		name      string
		last      Date
		want      bool
		wantTimes int
	}{
		{"never reviewed", Date{}, true, 3},
		{"reviewed at an earlier meeting", day.AddDays(-7), true, 3},
		{"already reviewed that day", day, false, 2},
		{"reviewed at a later meeting", day.AddDays(7), false, 2},
	}
	for _, tt := range tests {
		h := Hotspot{LastReviewed: tt.last, TimesReviewed: 2}
		got := h.MarkReviewed(day)
		if got != tt.want || h.TimesReviewed != tt.wantTimes {
			t.Errorf("%s: MarkReviewed = %v, times %d; want %v, %d", tt.name, got, h.TimesReviewed, tt.want, tt.wantTimes)
		}
		if got && h.LastReviewed != day {
			t.Errorf("%s: last reviewed %s", tt.name, h.LastReviewed)
		}
	}
}

func TestHotspotCheckOnAgenda(t *testing.T) {
	for _, tt := range []struct {
		status  HotspotStatus
		wantErr string
	}{
		{HotspotNew, ""}, {HotspotActive, ""}, {HotspotMonitoring, ""}, {HotspotClosed, "HS-5 is closed"},
	} {
		if err := (Hotspot{ID: 5, Status: tt.status}).CheckOnAgenda(); errText(err) != tt.wantErr {
			t.Errorf("%s: %v, want %q", tt.status, err, tt.wantErr)
		}
	}
}
