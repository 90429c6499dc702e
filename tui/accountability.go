package tui

import (
	"fmt"
	"slices"

	"github.com/ccsp/tasking/model"
)

// accountabilityHeader and accountabilityRow draw the agency table shared by
// home and matters arising.
// "done" and "updated" count since the last meeting closed; "days to do"
// is the median days from assigned to done.
var accountabilityWidths = []int{0, 6, 9, 6, 9, 11}

func accountabilityHeader(w int) string {
	return columns(w, accountabilityCols(w), "agency", "  open", "  overdue", "  done", "  updated", " days to do")
}

func accountabilityCols(w int) []int {
	cols := slices.Clone(accountabilityWidths)
	cols[0] = w - 6 - 9 - 6 - 9 - 11 - 5
	return cols
}

func accountabilityRow(s Styles, l model.AgencyLoad, w int) string {
	overdue := fmt.Sprintf("%6d  ", l.Overdue)
	if l.Overdue > 0 {
		overdue = fmt.Sprintf("%6d ", l.Overdue) + s.Red.Render("●")
	}
	median := "          —"
	if l.MedianDaysToComplete >= 0 {
		median = fmt.Sprintf("%11d", l.MedianDaysToComplete)
	}
	return columns(w, accountabilityCols(w), l.Agency.Name, fmt.Sprintf("%6d", l.Open), overdue,
		fmt.Sprintf("%6d", l.DoneSince), fmt.Sprintf("%9d", l.UpdatedSince), median)
}
