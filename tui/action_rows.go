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

// The least the words and the owner are squeezed to on a narrow screen,
// and the most the owner is given before the words have theirs: a fifth
// of the row, up to maxOwner (ownerCap).
const (
	minActionText = 16
	minOwner      = 10
	maxOwner      = 32
	maxStatus     = 16 // "in progress +12d"
)

// ownerCap is the most an owner column is given on a table w wide before
// the words have what they hold.
func ownerCap(w int) int { return min(max(w/5, 16), maxOwner) }

// actionWants is what an action table's rows hold, column by column: the
// widest ref, words, owner and status. Found once when the rows are read
// (wantsOf), so that drawing a frame sizes the columns without walking the
// rows.
type actionWants struct{ ref, text, owner, status int }

// wantsOf is what acts hold, as this context draws them.
func (c rowCtx) wantsOf(acts []model.Action) actionWants {
	var w actionWants
	for _, act := range acts {
		w.ref = max(w.ref, cells(act.Ref()))
		words := cells(act.Text)
		if c.private(act) != "" {
			words += cells(privateRowTag)
		}
		w.text = max(w.text, words)
		w.owner = max(w.owner, cells(c.owner(act)))
		w.status = max(w.status, cells(c.status(act)))
	}
	return w
}

// owner is an action's owner as its row names it: the agency, and the
// officer where there is one.
func (c rowCtx) owner(act model.Action) string {
	owner := c.agencies.Label(act.AgencyID)
	if act.Officer != "" {
		owner += " (" + act.Officer + ")"
	}
	return owner
}

// status is an action's status as its row says it, unstyled: how late,
// when it is overdue ("in progress +12d").
func (c rowCtx) status(act model.Action) string {
	if act.IsOverdue(c.today) {
		return fmt.Sprintf("%s +%dd", act.Status.Label(), act.DaysOverdue(c.today))
	}
	return act.Status.Label()
}

// actionTable is how one table of action rows is laid out: every row alike,
// so the columns line up, and sized by what the rows hold (sizeColumns).
type actionTable struct {
	w      int   // the table's width
	widths []int // ref, RAG, words, owner, due, status[, marks]
	marks  marks
}

// layoutActions lays out a table w wide of rows that hold want. A table
// with review marks (marked) has them in a column of their own when the
// words keep minMarkedText beside it at no cost to the other columns, else
// in place of the status.
func layoutActions(w int, want actionWants, marked bool) actionTable {
	if !marked {
		return layoutActionsAs(w, want, noMarks)
	}
	col, in := layoutActionsAs(w, want, marksColumn), layoutActionsAs(w, want, marksInStatus)
	if col.widths[2] >= minMarkedText && col.widths[3] >= in.widths[3] {
		return col
	}
	return in
}

func layoutActionsAs(w int, want actionWants, m marks) actionTable {
	status := column{want.status, min(want.status, maxStatus), maxStatus}
	if m == marksInStatus {
		status = fixedColumn(markWidth)
	}
	cols := []column{
		{want.ref, min(max(want.ref, 4), 7), 7}, // A-1 … A-12345
		fixedColumn(2),
		{want.text, minActionText, want.text},
		{want.owner, min(want.owner, minOwner), ownerCap(w)},
		fixedColumn(dueWidth),
		status,
	}
	if m == marksColumn {
		cols = append(cols, fixedColumn(markWidth))
	}
	return actionTable{w: w, widths: sizeColumns(w-2, 2, cols), marks: m}
}

// actionRowIn is an action row in table t; mark is the row's review mark
// ("" for none).
func (a *App) actionRowIn(c rowCtx, act model.Action, t actionTable, mark string) string {
	s := a.styles
	overdue := act.IsOverdue(c.today)
	status := s.Status(act.Status, false)
	if overdue {
		// How late, in the row: "in progress +12d".
		status = s.Red.Render(c.status(act))
	}
	if t.marks == marksInStatus && mark != "" {
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
	cells := []string{act.Ref(), s.RAG(act.RAGFor(c.today)), words, c.owner(act), due, status}
	if t.marks == marksColumn {
		cells = append(cells, mark)
	}
	return columns(t.w-2, t.widths, cells...)
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
