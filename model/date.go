package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date (no time, no zone): due dates, meeting dates, opened and
// closed dates. Meetings happen in one place, so the partnership's local
// calendar is the only one that matters. The zero Date means "not set".
type Date struct {
	y int
	m time.Month
	d int
}

// NewDate normalises like time.Date (32 Jan becomes 1 Feb).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// DateOf is the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads an ISO date (2026-12-01) or a date as it is written in
// Britain, day first (BritishDate: 1/12/2026, 01/12/26).
func ParseDate(s string) (Date, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return DateOf(t), nil
	}
	if d, ok := BritishDate(s); ok {
		return d, nil
	}
	return Date{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD or day/month/year, for example 2026-12-01 or 1/12/2026", s)
}

// BritishDate reads day/month/year as people in Britain write it: the day
// first, one or two digits for the day and the month, and a year of four
// digits or two. A two-digit year is this century's (5/1/27 is 5 January
// 2027): time's own two-digit rule would make 69–99 the 1900s, and no
// action is due then. A day the month does not have (31/2, 29/2 outside
// a leap year) is not a date.
func BritishDate(s string) (Date, bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return Date{}, false
	}
	var n [3]int
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.TrimLeft(p, "0123456789") != "" {
			return Date{}, false
		}
		n[i], _ = strconv.Atoi(p)
	}
	day, month, year := n[0], n[1], n[2]
	switch {
	case len(parts[0]) > 2 || len(parts[1]) > 2:
		return Date{}, false
	case len(parts[2]) == 2:
		year += 2000
	case len(parts[2]) != 4:
		return Date{}, false
	}
	d := NewDate(year, time.Month(month), day)
	if month < 1 || month > 12 || d.Day() != day || d.Month() != time.Month(month) {
		return Date{}, false // time.Date would have rolled 31/2 into March
	}
	return d, true
}

// MustDate is for tests and fixed data only.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) IsZero() bool { return d == Date{} }

// Time is midday on the date in loc; midday keeps arithmetic clear of DST edges.
func (d Date) Time(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.Local
	}
	return time.Date(d.y, d.m, d.d, 12, 0, 0, 0, loc)
}

func (d Date) utc() time.Time { return time.Date(d.y, d.m, d.d, 12, 0, 0, 0, time.UTC) }

func (d Date) Year() int             { return d.y }
func (d Date) Month() time.Month     { return d.m }
func (d Date) Day() int              { return d.d }
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }
func (d Date) AddDays(n int) Date    { return DateOf(d.utc().AddDate(0, 0, n)) }
func (d Date) AddYears(n int) Date   { return DateOf(d.utc().AddDate(n, 0, 0)) }
func (d Date) Before(o Date) bool    { return d.Compare(o) < 0 }
func (d Date) After(o Date) bool     { return d.Compare(o) > 0 }

// Compare orders dates; the zero date sorts before every real date.
func (d Date) Compare(o Date) int {
	switch {
	case d.y != o.y:
		return cmpInt(d.y, o.y)
	case d.m != o.m:
		return cmpInt(int(d.m), int(o.m))
	default:
		return cmpInt(d.d, o.d)
	}
}

// DaysUntil is the number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int {
	return int(o.utc().Sub(d.utc()).Round(24*time.Hour) / (24 * time.Hour))
}

// String is ISO 8601, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, int(d.m), d.d)
}

// Format uses time layouts ("Mon 2 Jan 2006"); the zero date formats as "".
func (d Date) Format(layout string) string {
	if d.IsZero() {
		return ""
	}
	return d.utc().Format(layout)
}

// Short is how dates appear in tables: "27 Nov".
func (d Date) Short() string { return d.Format("02 Jan") }

// ShortAt is Short, with the year when it is not ref's year ("01 Jan 2027"),
// so a date next January never reads as last January.
func (d Date) ShortAt(ref Date) string {
	if d.IsZero() || d.Year() == ref.Year() {
		return d.Short()
	}
	return d.Format("02 Jan 2006")
}

// Long is how dates appear in headings: "Tuesday 24 November 2026".
func (d Date) Long() string { return d.Format("Monday 2 January 2006") }

func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if plainJSONString(b) {
		// Every stored date: no escapes to undo, so no decoder (a check of
		// the decade reads a million of them).
		s = string(b[1 : len(b)-1])
	} else if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// plainJSONString says whether b is a JSON string with nothing escaped.
func plainJSONString(b []byte) bool {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return false
	}
	for _, c := range b[1 : len(b)-1] {
		if c == '\\' || c == '"' || c < 0x20 {
			return false
		}
	}
	return true
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
