package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// WhenHelp is what a person is told when a WHEN date cannot be read.
const WhenHelp = "use 2026-12-01, 1/12/26, +3d, +2w, a weekday like fri, or next-meeting"

// ParseWhen reads the WHEN forms the partnership uses for due dates:
// an ISO date or a British one (day first: 5/1/27, 12/1/2027), +Nd / +Nw
// from today, today / tomorrow, a weekday name (the next such day after
// today), or next-meeting (NextMeetingDate). nextMeeting may be zero, in
// which case "next-meeting" is an error that says so. Whatever the form,
// a date outside FirstDate..LastDate is refused.
func ParseWhen(s string, today, nextMeeting Date) (Date, error) {
	d, err := parseWhen(s, today, nextMeeting)
	if err != nil {
		return Date{}, err
	}
	if err := CheckDateRange("due", d); err != nil {
		return Date{}, err
	}
	return d, nil
}

func parseWhen(s string, today, nextMeeting Date) (Date, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	switch in {
	case "":
		return Date{}, fmt.Errorf("no date given: %s", WhenHelp)
	case "today":
		return today, nil
	case "tomorrow":
		return today.AddDays(1), nil
	case "next-meeting", "next meeting", "nextmeeting", "nm":
		if nextMeeting.IsZero() {
			return Date{}, fmt.Errorf("no next meeting date is set yet: give a date such as +2w")
		}
		return nextMeeting, nil
	}
	if strings.HasPrefix(in, "+") && len(in) >= 3 {
		n, err := strconv.Atoi(in[1 : len(in)-1])
		if err == nil && n >= 0 && n <= 3660 {
			switch in[len(in)-1] {
			case 'd':
				return today.AddDays(n), nil
			case 'w':
				return today.AddDays(7 * n), nil
			}
		}
		return Date{}, fmt.Errorf("%q is not a date: %s", s, WhenHelp)
	}
	if wd, ok := weekdayNamed(in); ok {
		ahead := (int(wd) - int(today.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return today.AddDays(ahead), nil
	}
	if d, err := ParseDate(in); err == nil {
		return d, nil
	}
	return Date{}, fmt.Errorf("%q is not a date: %s", s, WhenHelp)
}

func weekdayNamed(s string) (time.Weekday, bool) {
	if len(s) < 3 {
		return 0, false
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		name := strings.ToLower(wd.String())
		if strings.HasPrefix(name, s) {
			return wd, true
		}
	}
	return 0, false
}
