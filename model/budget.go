package model

import (
	"strconv"
	"strings"
	"time"
)

// MaxBudget is the longest time budget an item may have, in minutes: four
// hours is more than any meeting.
const MaxBudget = 240

// CheckBudget refuses a time budget (in minutes; 0 clears it) outside 0 to
// MaxBudget.
func CheckBudget(minutes int) error {
	if minutes < 0 || minutes > MaxBudget {
		return Invalid("budget", "a budget is 0 to %d minutes", MaxBudget)
	}
	return nil
}

// ParseBudget reads a time budget for an agenda item: "10" or "10m" (minutes),
// "1h", "1h30", "90 min"; "0" or "" clears it. Budgets are whole minutes,
// at most four hours.
func ParseBudget(s string) (int, error) {
	in := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	in = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(in, "utes"), "ins"), "in")
	if in == "" || in == "0" || in == "none" {
		return 0, nil
	}
	bad := Invalid("budget", "%q is not a time budget: use minutes like 10 or 10m, or 1h30", s)
	total := 0
	if h, rest, ok := strings.Cut(in, "h"); ok {
		n, err := strconv.Atoi(h)
		if err != nil || n < 0 {
			return 0, bad
		}
		total, in = n*60, strings.TrimSuffix(rest, "m")
		if in == "" {
			in = "0"
		}
	}
	in = strings.TrimSuffix(in, "m")
	n, err := strconv.Atoi(in)
	if err != nil || n < 0 {
		return 0, bad
	}
	total += n
	if total > MaxBudget {
		return 0, Invalid("budget", "%d minutes is more than a meeting: the most is 4 hours", total)
	}
	return total, nil
}

// ProjectedFinish is when the meeting will end if every item from the
// current one on takes its budget: what is left of the current item's
// (none if it has run over) plus the budgets of the items after it. ok is
// false when no item ahead has a budget.
func ProjectedFinish(m Meeting, now, itemStarted time.Time) (time.Time, bool) {
	if m.Current < 0 || m.Current >= len(m.Agenda) {
		return time.Time{}, false
	}
	left, any := time.Duration(0), false
	for i := m.Current; i < len(m.Agenda); i++ {
		b := time.Duration(m.Agenda[i].Budget) * time.Minute
		if b == 0 {
			continue
		}
		any = true
		if i == m.Current {
			b -= now.Sub(itemStarted)
		}
		left += max(b, 0)
	}
	return now.Add(left), any
}
