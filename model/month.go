package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Month is a calendar month, as police.uk publishes its data and as
// incident counts are kept ("2024-01"). The zero Month is no month.
type Month struct {
	y int
	m time.Month
}

// NewMonth is the month m of year y.
func NewMonth(y int, m time.Month) Month { return Month{y, m} }

// MonthOf is the month d falls in.
func MonthOf(d Date) Month { return Month{d.Year(), d.Month()} }

// ParseMonth reads "2024-01" (four-digit year, two-digit month), the
// form police.uk writes, within the years dates may be (FirstDate–LastDate).
func ParseMonth(s string) (Month, error) {
	in := strings.TrimSpace(s)
	y, m, ok := strings.Cut(in, "-")
	if !ok || len(y) != 4 || len(m) != 2 {
		return Month{}, Invalid("month", "%q is not a month: write it as YYYY-MM (2024-01)", CleanLine(s))
	}
	yy, err1 := strconv.Atoi(y)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || mm < 1 || mm > 12 {
		return Month{}, Invalid("month", "%q is not a month: write it as YYYY-MM (2024-01)", CleanLine(s))
	}
	if yy < FirstDate.Year() || yy > LastDate.Year() {
		return Month{}, Invalid("month", "%q is outside %d–%d", CleanLine(s), FirstDate.Year(), LastDate.Year())
	}
	return Month{yy, time.Month(mm)}, nil
}

func (m Month) IsZero() bool        { return m == Month{} }
func (m Month) Year() int           { return m.y }
func (m Month) Month() time.Month   { return m.m }
func (m Month) index() int          { return m.y*12 + int(m.m) - 1 }
func monthAt(i int) Month           { return Month{i / 12, time.Month(i%12 + 1)} }
func (m Month) Add(n int) Month     { return monthAt(m.index() + n) }
func (m Month) Compare(o Month) int { return cmpInt(m.index(), o.index()) }
func (m Month) Before(o Month) bool { return m.Compare(o) < 0 }
func (m Month) After(o Month) bool  { return m.Compare(o) > 0 }

// Since is how many months m is after o (negative when before).
func (m Month) Since(o Month) int { return m.index() - o.index() }

// First is the month's first day.
func (m Month) First() Date { return NewDate(m.y, m.m, 1) }

func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.y, int(m.m))
}

// Short is "Jan 24", for narrow columns.
func (m Month) Short() string {
	if m.IsZero() {
		return ""
	}
	return m.First().Format("Jan 06")
}

// Long is "October 2026", for sentences.
func (m Month) Long() string {
	if m.IsZero() {
		return ""
	}
	return m.First().Format("January 2006")
}

func (m Month) MarshalJSON() ([]byte, error) { return json.Marshal(m.String()) }

func (m *Month) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*m = Month{}
		return nil
	}
	v, err := ParseMonth(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// AddMonths is the corresponding date n months on (the law's rule for
// periods of months): the same day of that month, or its last day when it
// has no such day (31 January + 1 month is 28 February, or 29 in a leap
// year; 29 February + 12 months is 28 February).
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	m := MonthOf(d).Add(n)
	last := m.Add(1).First().AddDays(-1).Day()
	return NewDate(m.Year(), m.Month(), min(d.Day(), last))
}
