package model

// FirstDate and LastDate bound every date a person gives the record: a due
// date, a WHEN date. A slip of the keyboard (0026 for 2026, a year of 9999)
// is refused rather than filed centuries away, where an action would never
// turn amber or red and nobody would see it again. They are set here and
// nowhere else.
var (
	FirstDate = NewDate(2000, 1, 1)
	LastDate  = NewDate(2100, 12, 31)
)

// CheckDateRange refuses a date outside FirstDate..LastDate, as a problem
// with field. The zero date ("not set") is for the caller to refuse.
func CheckDateRange(field string, d Date) error {
	if d.IsZero() || (!d.Before(FirstDate) && !d.After(LastDate)) {
		return nil
	}
	return Invalid(field, "%s is not a date the record keeps: give one from %s to %s", d, FirstDate.Format("2 January 2006"), LastDate.Format("2 January 2006"))
}
