package model

import "strings"

// Cadence is how often the tasking group meets.
type Cadence string

const (
	Weekly      Cadence = "weekly"
	Fortnightly Cadence = "fortnightly"
	FourWeekly  Cadence = "four-weekly"
	Monthly     Cadence = "monthly"
)

var Cadences = []Cadence{Weekly, Fortnightly, FourWeekly, Monthly}

// ParseCadence reads weekly, fortnightly, four-weekly or monthly.
func ParseCadence(s string) (Cadence, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	switch in {
	case "", "week", "every week":
		return Weekly, nil
	case "two-weekly", "biweekly", "every two weeks", "fortnight":
		return Fortnightly, nil
	case "4-weekly", "every four weeks", "four weekly":
		return FourWeekly, nil
	case "month", "every month":
		return Monthly, nil
	}
	for _, c := range Cadences {
		if in == string(c) {
			return c, nil
		}
	}
	return "", Invalid("cadence", "%q is not a cadence: use weekly, fortnightly, four-weekly or monthly", s)
}

// After is the date a meeting on d would next meet (the default the chair
// is offered): a week, two, four, or a calendar month later, on the same
// weekday as near as can be.
func (c Cadence) After(d Date) Date {
	switch c {
	case Fortnightly:
		return d.AddDays(14)
	case FourWeekly:
		return d.AddDays(28)
	case Monthly:
		// The same weekday, four or five weeks on: whichever lands in the
		// next calendar month nearest the same day of the month.
		n := d.AddDays(28)
		if n.Month() == d.Month() {
			n = n.AddDays(7)
		}
		return n
	}
	return d.AddDays(7)
}
