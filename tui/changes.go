package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// A saved change reloads only what it affects. Every write anywhere (this
// session's, another terminal's, an SSH session's) arrives as a change
// notice; the screen on show says whether the notice touches what it shows
// (part.affected), and only then is it read again — or, where the screen
// can take the one changed record in place (patcher), only that record is.
// Reads still go through coalesce (loads.go): a run of notices while one
// load is in flight costs one more load, not one each.

// patcher is a part that can bring one changed record into what it shows
// without reading the rest again. ok false: it cannot, load instead.
type patcher interface {
	patch(a *App, c store.Change) (cmd tea.Cmd, ok bool)
}

// changed brings the screen up to date with a change notice: nothing when
// it does not show what changed, the one record when it can be patched in,
// else the screen's load.
func (a *App) changed(c store.Change) tea.Cmd {
	p, ok := parts[a.screen]
	if !ok || (!wholesale(c) && !p.affected(a, c)) {
		return nil
	}
	if pt, ok := p.(patcher); ok && !wholesale(c) {
		if cmd, ok := pt.patch(a, c); ok {
			return cmd
		}
	}
	// (The app holding the file is one screen, not thirty: it reads at once.)
	if a.connected != nil && !a.hosting && c.By != a.actor.String() {
		return a.settleThenLoad()
	}
	return p.load(a)
}

// othersSettle is how long a served session lets other people's changes
// gather before it reads its screen again. With thirty people saving, a
// screen then reads a few times a second, not once per save each; the
// footer names each change the moment it arrives (noteOthersChange), and
// this person's own saves are read at once.
const othersSettle = 100 * time.Millisecond

// settledMsg: the settle time is over; read the screen on show.
type settledMsg struct{}

func (a *App) settleThenLoad() tea.Cmd {
	if a.settling {
		return nil // already waiting: this change will be read with the others
	}
	a.settling = true
	// Every fires on the clock's tenths of a second, so every session
	// settling reads at the same moment, after the same commit: the
	// store then reads home once for all of them.
	return tea.Every(othersSettle, func(time.Time) tea.Msg { return settledMsg{} })
}

// settled reads the screen on show, once, for every change that arrived
// while settling.
func (a *App) settled() tea.Cmd {
	a.settling = false
	if p, ok := parts[a.screen]; ok {
		return p.load(a)
	}
	return nil
}

// wholesale: the partnership was set up or loaded whole, or this session
// fell behind and missed notices; every screen's data may be new.
func wholesale(c store.Change) bool {
	return c.Missed || c.Op == model.OpPartnershipSetup || c.Op == model.OpPartnershipSeed
}

// meetingOnly are changes to a meeting's own record that no screen but the
// meeting shows: the item in hand, who is there, declarations, the
// statement, time budgets, the agenda's order. (Taking an item into Part 2
// and approving the minutes also write the hotspot, actions or decision
// they touch, and those come with notices of their own.)
var meetingOnly = map[model.Op]bool{
	model.OpMeetingItem:                true,
	model.OpMeetingAttendance:          true,
	model.OpMeetingGuest:               true,
	model.OpMeetingGuestRemove:         true,
	model.OpMeetingConfidentiality:     true,
	model.OpMeetingDeclaration:         true,
	model.OpMeetingDeclarationWithdraw: true,
	model.OpMeetingDeclarationsNone:    true,
	model.OpMeetingItemBudget:          true,
	model.OpMeetingAgendaMove:          true,
	model.OpMeetingItemPart2:           true,
	model.OpMeetingApproveMinutes:      true,
}

// actionMsg is one action read again after a change, to patch in.
type actionMsg struct {
	act model.Action
	err error
}

// readAction reads one action (what a patch costs: one record).
func (a *App) readAction(id model.ID) tea.Cmd {
	st := a.st
	return func() tea.Msg {
		act, err := st.Action(id)
		return actionMsg{act: act, err: err}
	}
}

// actionRead patches the action into every list on screen; one that cannot
// be read (gone, or the file failing) reloads the screen instead.
func (a *App) actionRead(msg actionMsg) tea.Cmd {
	if msg.err != nil {
		return a.reload()
	}
	a.patchAction(msg.act)
	return nil
}
