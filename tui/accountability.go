package tui

import (
	"fmt"

	"github.com/ccsp/tasking/model"
)

// accountabilityHeader and accountabilityRow draw the agency table shared by
// home and matters arising, w wide with the agencies' names nameW wide
// (accountabilityNameWidth): the figures sit beside the names, whatever is
// left of the width after them.
// "done" and "updated" count since the last meeting closed; "days to do"
// is the median days from assigned to done.
// The figures are as narrow as their headers, so the names get the rest:
// at 120 columns, home's table beside the next meeting is 59 wide inside,
// and "Community Safety" or "Youth Services" were cut to "Community S…".
var accountabilityWidths = []int{0, 5, 8, 5, 8, 10}

// accountabilityFigures is the width of the figures and the spaces
// between the columns.
const accountabilityFigures = 5 + 8 + 5 + 8 + 10 + 5

func accountabilityHeader(w, nameW int) string {
	return columns(w, accountabilityCols(nameW), "agency", " open", " overdue", " done", " updated", "days to do")
}

// accountabilityNameWidth is as wide as the longest name, within what a
// table w wide leaves beside the figures.
func accountabilityNameWidth(w int, names []string) int {
	return widest(6, max(w-accountabilityFigures, 6), names...)
}

func accountabilityCols(nameW int) []int {
	cols := append([]int(nil), accountabilityWidths...)
	cols[0] = nameW
	return cols
}

func accountabilityRow(s Styles, l model.AgencyLoad, w, nameW int) string {
	overdue := fmt.Sprintf("%6d  ", l.Overdue)
	if l.Overdue > 0 {
		overdue = fmt.Sprintf("%6d ", l.Overdue) + s.Red.Render("●")
	}
	median := "         —"
	if l.MedianDaysToComplete >= 0 {
		median = fmt.Sprintf("%10d", l.MedianDaysToComplete)
	}
	// A name too long for the column goes by its short name.
	name := l.Agency.Name
	if cells(name) > nameW {
		name = l.Agency.Label()
	}
	return columns(w, accountabilityCols(nameW), name, fmt.Sprintf("%5d", l.Open), overdue,
		fmt.Sprintf("%5d", l.DoneSince), fmt.Sprintf("%8d", l.UpdatedSince), median)
}
