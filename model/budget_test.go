package model

import (
	"testing"
	"time"
)

func TestParseBudget(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
		bad  bool
	}{
		{"10", 10, false}, {"10m", 10, false}, {" 15 min ", 15, false}, {"1h", 60, false}, {"1h30", 90, false},
		{"1h30m", 90, false}, {"0", 0, false}, {"", 0, false}, {"ten", 0, true}, {"-5", 0, true}, {"5h", 0, true}, {"1x", 0, true},
	} {
		got, err := ParseBudget(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("%q: %d %v", tt.in, got, err)
		}
	}
}

func TestProjectedFinish(t *testing.T) {
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	m := Meeting{Current: 1, Agenda: []AgendaItem{{Budget: 5}, {Budget: 10}, {}, {Budget: 20}}}
	// Three minutes into a ten-minute item, twenty more to come.
	if got, ok := ProjectedFinish(m, start.Add(3*time.Minute), start); !ok || !got.Equal(start.Add(30*time.Minute)) {
		t.Errorf("finish %v %v, want 10:30", got, ok)
	}
	// Over-running the current item: only what is ahead counts.
	if got, _ := ProjectedFinish(m, start.Add(15*time.Minute), start); !got.Equal(start.Add(35 * time.Minute)) {
		t.Errorf("over-running: %v, want 10:35", got)
	}
	if _, ok := ProjectedFinish(Meeting{Agenda: []AgendaItem{{}, {}}}, start, start); ok {
		t.Error("a finish projected with no budgets")
	}
}
