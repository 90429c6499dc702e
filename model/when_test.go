package model

import "testing"

func TestParseWhen(t *testing.T) {
	today := MustDate("2026-11-24") // a Tuesday
	next := MustDate("2026-12-01")
	tests := []struct {
		in      string
		next    Date
		want    string
		wantErr bool
	}{
		{in: "2026-12-01", want: "2026-12-01"},
		{in: "01/12/2026", want: "2026-12-01"},
		{in: "+3d", want: "2026-11-27"},
		{in: "+0d", want: "2026-11-24"},
		{in: "+2w", want: "2026-12-08"},
		{in: "fri", want: "2026-11-27"},
		{in: "Friday", want: "2026-11-27"},
		{in: "tue", want: "2026-12-01"}, // today is Tuesday: the next one
		{in: "mon", want: "2026-11-30"},
		{in: "today", want: "2026-11-24"},
		{in: "tomorrow", want: "2026-11-25"},
		{in: "next-meeting", next: next, want: "2026-12-01"},
		{in: "NEXT-MEETING", next: next, want: "2026-12-01"},
		{in: "next-meeting", wantErr: true}, // none set
		{in: "", wantErr: true},
		{in: "+3x", wantErr: true},
		{in: "+d", wantErr: true},
		{in: "+-3d", wantErr: true},
		{in: "2026-13-01", wantErr: true},
		{in: "31/02/2026", wantErr: true},
		{in: "soon", wantErr: true},
		{in: "t", wantErr: true},
		{in: "+99999w", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseWhen(tt.in, today, tt.next)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("ParseWhen(%q) = %s, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseWhen(%q): %v", tt.in, err)
			}
			if got.String() != tt.want {
				t.Fatalf("ParseWhen(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateArithmeticAndJSON(t *testing.T) {
	d := MustDate("2026-03-28")
	if got := d.AddDays(2).String(); got != "2026-03-30" { // across the clocks going forward
		t.Fatalf("AddDays across DST = %s", got)
	}
	if n := d.DaysUntil(MustDate("2026-04-04")); n != 7 {
		t.Fatalf("DaysUntil = %d, want 7", n)
	}
	if !MustDate("2025-12-31").Before(MustDate("2026-01-01")) || (Date{}).After(d) {
		t.Fatal("Compare is wrong")
	}
	b, _ := d.MarshalJSON()
	var back Date
	if err := back.UnmarshalJSON(b); err != nil || back != d {
		t.Fatalf("round trip: %s → %v (%v)", b, back, err)
	}
	var zero Date
	if err := zero.UnmarshalJSON([]byte(`""`)); err != nil || !zero.IsZero() {
		t.Fatalf("empty date: %v %v", zero, err)
	}
	if d.Long() != "Saturday 28 March 2026" || d.Short() != "28 Mar" {
		t.Fatalf("formats: %q %q", d.Long(), d.Short())
	}
	if got := d.ShortAt(MustDate("2026-11-24")); got != "28 Mar" {
		t.Fatalf("ShortAt same year = %q", got)
	}
	if got := MustDate("2027-01-01").ShortAt(MustDate("2026-11-24")); got != "01 Jan 2027" {
		t.Fatalf("ShortAt next year = %q", got)
	}
	u := ActionUpdate{Kind: UpdateDue, FromDue: MustDate("2026-12-15"), ToDue: MustDate("2027-01-05")}
	if got := u.Describe(); got != "due 15 Dec 2026 → 05 Jan 2027" {
		t.Fatalf("Describe across a year = %q", got)
	}
}
