package tui

import (
	"fmt"
	"strings"

	"github.com/ccsp/tasking/model"
)

// Tables of actions, as every screen that lists them draws them: ref, RAG,
// words, owner, due, status, and a review mark where the table has them.

// rowCtx is what an action row needs to know besides the action.
type rowCtx struct {
	agencies model.AgencyIndex
	today    model.Date
	// rules say which actions are private business here (model.Disclosure
	// of the record shown): the room may hold guests, so those rows are
	// marked. nil marks none.
	rules *model.Disclosure
}

// recordRowCtx is the row context of a record: its agencies, its day, and
// its disclosure rule.
func recordRowCtx(rec *model.MeetingRecord, idx model.RecordIndex) rowCtx {
	rules := model.PublicRules(rec.Meeting, idx.Hotspots)
	return rowCtx{agencies: idx.Agencies, today: rec.Today, rules: &rules}
}

// private is the mark act carries here when it is private business (its
// own, or that of where it sits): what the public version withholds; ""
// when it is public here.
func (c rowCtx) private(act model.Action) string {
	if c.rules == nil || c.rules.Action(act) {
		return ""
	}
	return c.rules.ActionPrivacy(act).Mark()
}

// lastWords is an action's latest update, marked when it was said on
// private business (the room may hold guests).
func lastWords(act model.Action) string {
	if act.LastUpdatePrivacy.Private {
		return act.LastUpdatePrivacy.Mark() + " " + act.LastUpdate
	}
	return act.LastUpdate
}

// releasedLine is what a released record's detail says: that it was
// private business, and which resolution made it public.
func releasedLine(p model.Privacy) string {
	return "Released " + p.Label() + ": public business since, in every output"
}

// privateRowTag starts the words of a private action's row: short enough
// for 80 columns, readable without colour; its detail line says the rest.
const privateRowTag = "[P] "

// actionDetail is what the selected action shows under its row: its words
// in full when the row had to cut them, and why it is red or amber.
func actionDetail(s Styles, c rowCtx, act model.Action, w int) []string {
	var out []string
	if cells(act.Text) > w/3 {
		for _, l := range wrap(act.Text, w-12) {
			out = append(out, "          "+l)
		}
	}
	if why := act.RAGReason(c.today); why != "" {
		style := s.Amber.Render
		if strings.HasPrefix(why, "red") {
			style = s.Red.Render
		}
		out = append(out, "          "+style(model.Sentence(why)))
	}
	if mark := c.private(act); mark != "" {
		out = append(out, "          "+s.Confidential.Render("Private business "+mark+": it stays out of every public output"))
	} else if c.rules != nil && act.ReleasedBy != 0 {
		out = append(out, "          "+s.Muted.Render(releasedLine(act.Privacy)))
	}
	return out
}

// markWidth fits the widest review mark in matters arising: "cancelled:
// confirm", "✓ carried fwd".
const markWidth = 18

// marks is where a table of action rows shows a review mark. A table picks
// one for all its rows, so a row with a mark is laid out exactly like one
// without: the words keep their width and the columns line up.
type marks int

const (
	noMarks       marks = iota // the table has none (a hotspot's actions, AOB)
	marksColumn                // a column of their own after the status
	marksInStatus              // in place of the status, where a column would squeeze the words
)

// minMarkedText is the least room the words keep beside a marks column.
const minMarkedText = 24

// marksFor is how a table w wide shows its review marks: in a column of
// their own when the words keep room beside it, else in the status column.
func marksFor(w int) marks {
	if textW, _, _ := actionRowWidths(w, marksColumn); textW >= minMarkedText {
		return marksColumn
	}
	return marksInStatus
}

// actionRowWidths are the widths of an action table's text, owner and
// status columns. The status is the last column but one with a marks column,
// else the last, which gets one cell more than its width.
func actionRowWidths(w int, m marks) (textW, ownerW, statusW int) {
	ownerW = min(max(w/6, 16), 28)
	statusW = 16 // "in progress +12d"
	if m == marksInStatus {
		statusW = markWidth - 1
	}
	textW = w - 3 - 6 - 2 - ownerW - dueWidth - statusW - 6
	if m == marksColumn {
		textW -= markWidth + 1
	}
	return textW, ownerW, statusW
}

// actionRowIn is an action row in a table laid out for marks m; mark is
// the row's review mark ("" for none).
func (a *App) actionRowIn(c rowCtx, act model.Action, w int, mark string, m marks) string {
	s := a.styles
	owner := c.agencies.Label(act.AgencyID)
	if act.Officer != "" {
		owner += " (" + act.Officer + ")"
	}
	textW, ownerW, statusW := actionRowWidths(w, m)
	overdue := act.IsOverdue(c.today)
	status := s.Status(act.Status, false)
	if overdue {
		// How late, in the row: "in progress +12d".
		status = s.Red.Render(fmt.Sprintf("%s +%dd", act.Status.Label(), act.DaysOverdue(c.today)))
	}
	if m == marksInStatus && mark != "" {
		status = mark
	}
	due := act.Due.ShortAt(c.today)
	if overdue {
		due = s.Red.Render(due)
	}
	words := act.Text
	if c.private(act) != "" {
		words = s.Confidential.Render(privateRowTag + words)
	}
	cells := []string{act.Ref(), s.RAG(act.RAGFor(c.today)), words, owner, due, status}
	widths := []int{6, 2, textW, ownerW, dueWidth, statusW}
	if m == marksColumn {
		cells = append(cells, mark)
		widths = append(widths, markWidth)
	}
	return columns(w-2, widths, cells...)
}

// shortName is "Sgt Patel" for "Sgt Jas Patel", "H Marsh" for "Helen
// Marsh": enough to say who in a narrow column.
func shortName(name string) string {
	f := strings.Fields(name)
	switch {
	case len(f) <= 1:
		return name
	case len(f) == 2:
		return string([]rune(f[0])[:1]) + " " + f[1]
	}
	return f[0] + " " + f[len(f)-1]
}
