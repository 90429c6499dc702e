package model

import "testing"

func TestCadence(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Cadence
		from string
		next string
	}{
		{"", Weekly, "2026-11-24", "2026-12-01"},
		{"Fortnightly", Fortnightly, "2026-11-24", "2026-12-08"},
		{"four-weekly", FourWeekly, "2026-11-24", "2026-12-22"},
		{"monthly", Monthly, "2026-11-24", "2026-12-22"},
		{"monthly", Monthly, "2026-11-03", "2026-12-01"},
		{"monthly", Monthly, "2026-01-01", "2026-02-05"}, // 28 days stays in January: a week more
	} {
		c, err := ParseCadence(tt.in)
		if err != nil || c != tt.want {
			t.Errorf("%q: %v %v", tt.in, c, err)
			continue
		}
		if got := c.After(MustDate(tt.from)); got != MustDate(tt.next) {
			t.Errorf("%s after %s: %s, want %s", c, tt.from, got, tt.next)
		}
	}
	if _, err := ParseCadence("daily"); err == nil {
		t.Error("daily accepted")
	}
}
