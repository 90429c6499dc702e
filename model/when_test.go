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
		today   string // "": the Tuesday above
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
		// Dates as people in Britain write them: the day first, a
		// two-digit year this century.
		{in: "5/1/27", want: "2027-01-05"},
		{in: "12/1/2027", want: "2027-01-12"},
		{in: "05/01/27", want: "2027-01-05"},
		{in: "1/12/26", want: "2026-12-01"},
		{in: "31/12/99", want: "2099-12-31"}, // 2099, not 1999
		{in: "1/1/00", want: "2000-01-01"},
		{in: "29/2/28", want: "2028-02-29"}, // leap years
		{in: "29/02/2000", want: "2000-02-29"},
		{in: "29/2/27", wantErr: true},
		{in: "29/2/2100", wantErr: true}, // a century, not a leap year
		{in: "13/13/27", wantErr: true},
		{in: "0/1/27", wantErr: true},
		{in: "5/1/027", wantErr: true},
		{in: "5/1", wantErr: true},
		{in: "5//27", wantErr: true},
		{in: "+5/1/27", wantErr: true},
		{in: "123/1/27", wantErr: true},
		// Dates outside 2000–2100 are refused, however they are given.
		{in: "2000-01-01", want: "2000-01-01"},
		{in: "1999-12-31", wantErr: true},
		{in: "2100-12-31", want: "2100-12-31"},
		{in: "2101-01-01", wantErr: true},
		{in: "0001-01-01", wantErr: true},
		{in: "9999-12-31", wantErr: true},
		{in: "1/1/1999", wantErr: true},
		{in: "+3660d", wantErr: true, today: "2100-06-01"},
		{in: "+3d", want: "2100-12-31", today: "2100-12-28"},
		{in: "+4d", wantErr: true, today: "2100-12-28"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			day := today
			if tt.today != "" {
				day = MustDate(tt.today)
			}
			got, err := ParseWhen(tt.in, day, tt.next)
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

// The range is one pair of dates, crossed here at both ends; the zero
// date (not set) is for the caller to refuse.
func TestCheckDateRange(t *testing.T) {
	for _, tt := range []struct {
		d  Date
		ok bool
	}{
		{FirstDate, true}, {LastDate, true}, {MustDate("2026-11-24"), true}, {Date{}, true},
		{FirstDate.AddDays(-1), false}, {LastDate.AddDays(1), false},
		{NewDate(1, 1, 1), false}, {NewDate(9999, 12, 31), false},
	} {
		err := CheckDateRange("due", tt.d)
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok=%v", tt.d, err, tt.ok)
		}
		if err != nil && errText(err) != tt.d.String()+" is not a date the record keeps: give one from 1 January 2000 to 31 December 2100" {
			t.Errorf("%s: %q", tt.d, errText(err))
		}
	}
	if FirstDate != MustDate("2000-01-01") || LastDate != MustDate("2100-12-31") {
		t.Errorf("the range is %s..%s", FirstDate, LastDate)
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
