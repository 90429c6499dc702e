package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/store"
)

// screen is which part fills the body of the app.
type screen int

const (
	screenLoading screen = iota
	screenWelcome
	screenHome
	screenMeeting
	screenPreview
	screenHotspot
	screenChoose
	screenMine
	screenPeople
)

// part is one screen behind one small interface: its keys, its view, its
// footer hints (from the key map), what it loads and which changes make it
// load again. The root routes to the screen on show through parts; a new
// screen is its own file (a type with these methods) and one line in this
// table.
type part interface {
	keyPress(a *App, msg tea.KeyPressMsg) tea.Cmd
	view(a *App, w, h int) string
	hints(a *App) string
	// load reads what the screen shows again (after a change); nil when
	// it shows nothing read, or has nothing open.
	load(a *App) tea.Cmd
	// affected says whether a change saved anywhere touches what the
	// screen shows, so that only those reload it (changes.go). When it
	// cannot tell, it says yes.
	affected(a *App, c store.Change) bool
	// help names the help screen's sections (keyMap.sections) for where
	// the person is, the nearest first: `?` opens at them.
	help(a *App) []string
}

var parts = map[screen]part{
	screenWelcome: welcomePart{},
	screenHome:    homePart{},
	screenMeeting: meetingPart{},
	screenPreview: previewPart{},
	screenHotspot: hotspotPart{},
	screenChoose:  choosePart{},
	screenMine:    minePart{},
	screenPeople:  peoplePart{},
}

// screenMsg is what a screen's own command sends back (what it read, a
// question it had to read the record to ask): the message knows which
// screen it belongs to and hands itself over, so the root routes every one
// the same way and no screen's messages are the root's business.
type screenMsg interface {
	take(a *App) tea.Cmd
}

// statusLiner is a part that says at the left of the footer where things
// stand; short is what it says when the keys need the room (the keys then
// come first), "" to keep it whole and clip the keys.
type statusLiner interface {
	status(a *App) (full, short string)
}

// typingHelp is the help's section for a `/` filter being typed.
const typingHelp = "Typing a filter (/)"

// typingHints are the footer while a `/` filter is being typed.
func (a *App) typingHints() string {
	return a.hintsOf(keyHint("keep", a.keys.Filter.Keep), keyHint("clear", a.keys.Filter.Clear))
}

// Every message a screen's command sends hands itself over: one that did
// not would fall through to the overlays and reach no screen.
var (
	_ screenMsg = homeMsg{}
	_ screenMsg = meetingMsg{}
	_ screenMsg = itemHistoryMsg{}
	_ screenMsg = undoChoicesMsg{}
	_ screenMsg = askMsg{}
	_ screenMsg = hotspotMsg{}
	_ screenMsg = peopleMsg{}
	_ screenMsg = membersMsg{}
	_ screenMsg = myActionsMsg{}
	_ screenMsg = previewMsg{}
	_ screenMsg = historyMsg{}
	_ screenMsg = setupDoneMsg{}
)
