package model

import (
	"errors"
	"testing"
	"time"
)

func TestCheckStamp(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no zone data")
	}
	at := func(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, london) }
	last := at(2026, 11, 24, 10, 42)
	const behind = " — the computer's clock (or TASKING_NOW) is behind: nothing was saved"
	tests := []struct {
		name      string
		last, now time.Time
		want      time.Time // the stamp, when it goes ahead
		wantErr   string
	}{
		{name: "later", last: last, now: last.Add(time.Minute), want: last.Add(time.Minute)},
		{name: "the same moment", last: last, now: last, want: last},
		{name: "never changed", now: last, want: last},
		{name: "a second behind: stamped at the last change", last: last, now: last.Add(-time.Second), want: last},
		{name: "as far behind as clocks may be", last: last, now: last.Add(-ClockSkew), want: last},
		{name: "further behind", last: last, now: last.Add(-ClockSkew - time.Second),
			wantErr: "A-12 was last changed at 10:42 on 24 Nov; this change would be stamped 10:36" + behind},
		{name: "a clock set back", last: last, now: at(2026, 11, 24, 10, 30),
			wantErr: "A-12 was last changed at 10:42 on 24 Nov; this change would be stamped 10:30" + behind},
		{name: "TASKING_NOW the day before", last: last, now: at(2026, 11, 23, 10, 0),
			wantErr: "A-12 was last changed at 10:42 on 24 Nov; this change would be stamped 10:00 on 23 Nov" + behind},
		{name: "TASKING_NOW the year before", last: at(2027, 1, 2, 10, 0), now: at(2026, 12, 31, 10, 0),
			wantErr: "A-12 was last changed at 10:00 on 2 Jan 2027; this change would be stamped 10:00 on 31 Dec 2026" + behind},
		{name: "from a leap day", last: at(2028, 2, 29, 10, 0), now: at(2028, 2, 28, 10, 0),
			wantErr: "A-12 was last changed at 10:00 on 29 Feb; this change would be stamped 10:00 on 28 Feb" + behind},
		{name: "kept in UTC, read in London summer time", last: time.Date(2026, 7, 1, 9, 42, 0, 0, time.UTC), now: at(2026, 7, 1, 10, 30),
			wantErr: "A-12 was last changed at 10:42 on 1 Jul; this change would be stamped 10:30" + behind},
		// The clocks going back: 01:10 GMT is after 01:30 BST, though
		// the clock on the wall reads earlier. Moments, not wall times.
		{name: "the clocks going back", last: time.Date(2026, 10, 25, 1, 30, 0, 0, time.FixedZone("BST", 3600)),
			now: time.Date(2026, 10, 25, 1, 10, 0, 0, london), want: time.Date(2026, 10, 25, 1, 10, 0, 0, london)},
		// The clocks going forward (01:00 GMT becomes 02:00 BST): 00:50
		// GMT is twenty minutes before 02:10 BST, not eighty.
		{name: "the clocks going forward", last: at(2027, 3, 28, 2, 10), now: at(2027, 3, 28, 0, 50),
			wantErr: "A-12 was last changed at 02:10 on 28 Mar; this change would be stamped 00:50" + behind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckStamp("A-12", tt.last, tt.now)
			if errText(err) != tt.wantErr {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if err != nil {
				var ce *ClockError
				if !errors.As(err, &ce) || !ce.At.Equal(tt.last) || !ce.Now.Equal(tt.now) {
					t.Errorf("want a *ClockError naming both times, got %#v", err)
				}
				return
			}
			if !got.Equal(tt.want) || got.Before(tt.last) {
				t.Errorf("stamped %v, want %v", got, tt.want)
			}
			if got.Location() != tt.now.Location() {
				t.Errorf("stamped in %v, want the clock's zone %v", got.Location(), tt.now.Location())
			}
		})
	}
}

// Each record's last change is the latest time it holds.
func TestLastChanged(t *testing.T) {
	t0 := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	later := t0.Add(time.Hour)
	for _, tt := range []struct {
		name string
		got  time.Time
		want time.Time
	}{
		{"action updated", Action{CreatedAt: t0, UpdatedAt: later}.LastChanged(), later},
		{"action with news", Action{CreatedAt: t0, UpdatedAt: t0, LastUpdateAt: later}.LastChanged(), later},
		{"hotspot new", Hotspot{CreatedAt: t0}.LastChanged(), t0},
		{"meeting closed", Meeting{CreatedAt: t0, OpenedAt: t0, UpdatedAt: t0, ClosedAt: later}.LastChanged(), later},
		{"meeting on an item", Meeting{OpenedAt: t0, UpdatedAt: t0, ItemStartedAt: later}.LastChanged(), later},
		{"decision recorded", Decision{At: t0}.LastChanged(), t0},
		{"decision amended", Decision{At: t0, UpdatedAt: later}.LastChanged(), later},
		{"note amended", Note{At: t0, UpdatedAt: later}.LastChanged(), later},
		{"member", Member{UpdatedAt: later}.LastChanged(), later},
		{"member from before times were kept", Member{}.LastChanged(), time.Time{}},
		{"agency", Agency{UpdatedAt: later}.LastChanged(), later},
	} {
		if !tt.got.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if !Latest().IsZero() || !Latest(later, t0, time.Time{}).Equal(later) {
		t.Error("Latest")
	}
}
