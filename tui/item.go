package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
)

// itemKind is one kind of agenda item behind one small interface, as the
// screens are (screens.go): what the cursor moves over, what the pane
// shows, the keys that act on it and the footer that names them. The
// meeting screen asks the item in hand through itemKinds and never
// switches over the kind: a new kind is a type in its own file
// (item_*.go) and one line in the table. Kinds hold no state: what one
// remembers between keys is in meetingState (matters arising's order and
// filter), what it shows in meetingView.
type itemKind interface {
	// about is what the item is and what the keys every item shares may
	// do on it.
	about() itemAbout
	// selection is what the cursor moves over: how many rows, and the
	// actions they are when they are actions (what s acts on).
	selection(v *meetingView, e agendaEntry) (rows int, actions []model.Action)
	// pane draws the item w cells wide.
	pane(a *App, e agendaEntry, w int) itemPane
	// keys takes the keys the item reads with, in an open or a closed
	// meeting, before the meeting's own (a filter being typed takes them
	// all); false: not one of its keys.
	keys(a *App, e agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool)
	// edit takes the keys that change the record under the item; the
	// meeting has checked it is open.
	edit(a *App, e agendaEntry, msg tea.KeyPressMsg) (tea.Cmd, bool)
	// hints are the footer for the person running the meeting, the item's
	// own keys first.
	hints(a *App, e agendaEntry) []hint
	// tail is the figure at the right of the item's agenda line.
	tail(a *App, e agendaEntry) string
}

// itemAbout is what an item is and allows beside its own keys.
type itemAbout struct {
	help string // its section of the help screen (keys.go)
	// records: r and n record resolutions and notes under it.
	records bool
	// assigns: a assigns actions under it.
	assigns bool
	// private: it can be taken in private (E, Part 2).
	private bool
	// declarable: a declaration of interest can name it.
	declarable bool
	// memberStatus: a member following the meeting is offered s on their
	// agency's actions here.
	memberStatus bool
}

// itemKinds is every kind of agenda item.
var itemKinds = map[model.ItemKind]itemKind{
	model.ItemAttendance:   attendanceItem{},
	model.ItemDeclarations: declarationsItem{},
	model.ItemMinutes:      minutesItem{},
	model.ItemMatters:      mattersItem{},
	model.ItemHotspot:      hotspotItem{},
	model.ItemReferrals:    referralsItem{},
	model.ItemAOB:          aobItem{},
	model.ItemNextMeeting:  nextMeetingItem{},
	model.ItemCaseReviews:  caseReviewsItem{},
}

// kindOf is the entry's kind; an unknown one (a newer file's) is shown
// as an item with nothing to do.
func kindOf(e agendaEntry) itemKind {
	if k, ok := itemKinds[e.kind]; ok {
		return k
	}
	return plainItem{}
}

// plainItem is what an item does that does not say otherwise: no rows, no
// keys of its own, the next and previous items in the footer. Each kind
// embeds it and says only what it does.
type plainItem struct{}

func (plainItem) about() itemAbout { return itemAbout{} }
func (plainItem) selection(*meetingView, agendaEntry) (int, []model.Action) {
	return 0, nil
}
func (plainItem) pane(*App, agendaEntry, int) itemPane { return itemPane{sel: -1} }
func (plainItem) keys(*App, agendaEntry, tea.KeyPressMsg) (tea.Cmd, bool) {
	return nil, false
}
func (plainItem) edit(*App, agendaEntry, tea.KeyPressMsg) (tea.Cmd, bool) {
	return nil, false
}
func (plainItem) hints(a *App, _ agendaEntry) []hint {
	m, g := a.keys.Meeting, a.keys.Global
	return []hint{keyHint("next", m.Next), keyHint("prev", m.Prev), keyHint("help", g.Help)}
}
func (plainItem) tail(*App, agendaEntry) string { return "" }

// actionsFor is the list of actions an item shows (and s acts on).
func (v *meetingView) actionsFor(e agendaEntry) []model.Action {
	_, acts := kindOf(e).selection(v, e)
	return acts
}

// itemPane is the item's pane w cells wide, under what the room must
// hear first: that the meeting is closed, and who declared an interest in
// the item.
func (mt *meetingState) itemPane(a *App, e agendaEntry, w int) itemPane {
	v, s := mt.view, a.styles
	p := kindOf(e).pane(a, e, w)
	var declared []string
	for _, d := range v.rec.Meeting.Declarations {
		if d.Item == e.kind && d.HotspotID == e.hotspotID && (e.kind == model.ItemHotspot || d.Item != "") {
			declared = append(declared, d.Declarant()+" ("+d.Text+")")
		}
	}
	if len(declared) > 0 {
		var lines []string
		for _, l := range wrap("Interest declared: "+strings.Join(declared, "; "), w-3) {
			lines = append(lines, " "+s.Warning.Render(l))
		}
		p.head = append(append(lines, ""), p.head...)
	}
	if v.closed {
		p.head = append([]string{" " + s.Warning.Render("CLOSED — this meeting is read-only. Its minutes: M."), ""}, p.head...)
	}
	return p
}
