package tui

import "charm.land/bubbles/v2/key"

// One key map for the whole app; the in-app help (?) is generated from it,
// so a binding and its help text can never disagree. The core keys follow
// design.md and are kept stable.

func bind(keys []string, help, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

func k(keys ...string) []string { return keys }

type globalKeys struct{ Help, Back, Quit, Up, Down, PageUp, PageDown, Enter, Tab key.Binding }

type homeKeys struct{ Meeting, Minutes, Tab, Filter, Open, Identity key.Binding }

type meetingKeys struct {
	Next, Prev, Assign, Resolve, Note, Status, Close, Minutes, Agenda, Filter, Part2, Amend, Undo, Follow, Release key.Binding
}

type agendaKeys struct{ Go, MoveUp, MoveDown, Drop, Add, Budget key.Binding }

type attendanceKeys struct {
	Present, Apologies, Absent, Cycle, RestPresent, Connected, Guest, RemoveGuest, Statement key.Binding
}

type declarationKeys struct{ Declare, None, Withdraw key.Binding }

type minutesItemKeys struct{ Approve, ViewPrevious key.Binding }

type mattersKeys struct {
	Done, InProgress, Blocked, Cancelled, Reopen, Carry, NoChange, Accept, Update, Correct, History, Accountability key.Binding
}

type hotspotKeys struct{ Risk, HotspotStatus, CloseHotspot, NoChange, Power, Areas, Counts key.Binding }

type referralKeys struct{ NewHotspot, CaseReview, Accept, Dismiss key.Binding }

type caseReviewKeys struct{ Add, Decide, Answer key.Binding }

type nextKeys struct{ SetDate key.Binding }

type formKeys struct{ Next, Prev, Submit, Cancel, Toggle key.Binding }

type mineKeys struct {
	Open, InProgress, Done, Blocked, Cancelled, Progress, Correct, Propose, History, Status, Window, Hotspot, All, Filter, Release key.Binding
}

type previewKeys struct{ Save, Top, Bottom, Public key.Binding }

type filterKeys struct{ Keep, Clear key.Binding }

// questionKeys answer a yes/no question (either case of the letter).
type questionKeys struct{ Yes, No key.Binding }

type welcomeKeys struct{ Demo, Setup, Add, Edit, Delete, ChairAgency, Back, SaveSetup key.Binding }

// keyMap is every binding in the app.
type keyMap struct {
	Global      globalKeys
	Home        homeKeys
	Meeting     meetingKeys
	Agenda      agendaKeys
	Attendance  attendanceKeys
	Declaration declarationKeys
	MinutesItem minutesItemKeys
	Matters     mattersKeys
	Hotspot     hotspotKeys
	Referral    referralKeys
	CaseReview  caseReviewKeys
	Next        nextKeys
	Form        formKeys
	Preview     previewKeys
	Welcome     welcomeKeys
	Mine        mineKeys
	MyActions   key.Binding // A, from anywhere
	People      peopleKeys
	Filter      filterKeys // while typing a `/` filter
	Question    questionKeys
}

type peopleKeys struct{ Open, Add, Edit, Retire, AddKey, RemoveKey, Reads key.Binding }

func newKeyMap() keyMap {
	return keyMap{
		Global: globalKeys{
			Help:     bind(k("?"), "?", "help: every key"),
			Back:     bind(k("q", "esc"), "q/esc", "back"),
			Quit:     bind(k("ctrl+c"), "ctrl+c", "quit"),
			Up:       bind(k("k", "up"), "k/↑", "move up"),
			Down:     bind(k("j", "down"), "j/↓", "move down"),
			PageUp:   bind(k("pgup", "ctrl+u"), "pgup", "page up"),
			PageDown: bind(k("pgdown", "ctrl+d"), "pgdn", "page down"),
			Enter:    bind(k("enter"), "enter", "open"),
			Tab:      bind(k("tab"), "tab", "next pane"),
		},
		Home: homeKeys{
			Meeting:  bind(k("m"), "m", "open this week's meeting (start or resume)"),
			Minutes:  bind(k("M"), "M", "minutes of the latest meeting"),
			Tab:      bind(k("tab"), "tab", "next pane"),
			Filter:   bind(k("/"), "/", "filter the lists (esc clears)"),
			Open:     bind(k("enter"), "enter", "open the selected hotspot"),
			Identity: bind(k("i"), "i", "who am I: choose yourself from the members"),
		},
		Meeting: meetingKeys{
			Next:    bind(k("]"), "]", "next agenda item"),
			Prev:    bind(k("["), "[", "previous agenda item"),
			Assign:  bind(k("a"), "a", "assign an action"),
			Resolve: bind(k("r"), "r", "record a resolution"),
			Note:    bind(k("n"), "n", "add a note"),
			Status:  bind(k("s"), "s", "change the selected action's status"),
			Close:   bind(k("x"), "x", "close the meeting"),
			Minutes: bind(k("M"), "M", "minutes preview"),
			Agenda:  bind(k("tab"), "tab", "agenda ⇄ item"),
			Filter:  bind(k("/"), "/", "filter matters arising (esc clears)"),
			Part2:   bind(k("E"), "E", "exempt: move the item into Part 2 (in private) or back"),
			Amend:   bind(k("e"), "e", "amend a decision or note (closed meeting)"),
			Undo:    bind(k("z"), "z", "undo one of your last 20 changes here, named first"),
			Follow:  bind(k("F"), "F", "follow the chair's item ⇄ look around on your own (not the chair)"),
			Release: bind(k("L"), "L", "release a private record: public from now on (minuted)"),
		},
		Agenda: agendaKeys{
			Go:       bind(k("enter"), "enter", "go to the item"),
			MoveUp:   bind(k("K", "shift+up"), "K", "move the item up"),
			MoveDown: bind(k("J", "shift+down"), "J", "move the item down"),
			Drop:     bind(k("-", "delete"), "-", "drop the item from this agenda"),
			Add:      bind(k("+", "="), "+", "add a hotspot to the agenda"),
			Budget:   bind(k("b"), "b", "time budget for the item (the status bar projects the finish)"),
		},
		Attendance: attendanceKeys{
			Present:     bind(k("1", "p"), "1/p", "present"),
			Apologies:   bind(k("2"), "2", "apologies"),
			Absent:      bind(k("3"), "3", "absent"),
			Cycle:       bind(k("space"), "space", "cycle present → apologies → absent"),
			RestPresent: bind(k("P"), "P", "everyone not yet marked is present"),
			Connected:   bind(k("H"), "H", "everyone connected to the server now is present (tasking serve)"),
			Guest:       bind(k("g"), "g", "add a guest"),
			RemoveGuest: bind(k("-", "delete"), "-", "take the selected guest off the list"),
			Statement:   bind(k("c"), "c", "record the confidentiality statement as read"),
		},
		Declaration: declarationKeys{
			Declare:  bind(k("d"), "d", "record a declaration by the selected member or guest"),
			None:     bind(k("0"), "0", "no declarations"),
			Withdraw: bind(k("-", "delete"), "-", "withdraw the selected member's or guest's declaration"),
		},
		MinutesItem: minutesItemKeys{
			Approve:      bind(k("y"), "y", "approve as a correct record"),
			ViewPrevious: bind(k("v"), "v", "read the previous minutes"),
		},
		Matters: mattersKeys{
			Done:           bind(k("d"), "d", "done"),
			InProgress:     bind(k("i"), "i", "in progress"),
			Blocked:        bind(k("b"), "b", "blocked"),
			Cancelled:      bind(k("c"), "c", "cancelled"),
			Reopen:         bind(k("o"), "o", "reopen"),
			Carry:          bind(k("f"), "f", "carry forward: new due date and reason"),
			NoChange:       bind(k("v"), "v", "reviewed, no change"),
			Accept:         bind(k("y"), "y", "accept the rep's latest update (minuted as it stands)"),
			Accountability: bind(k("t"), "t", "agency accountability table ⇄ the actions"),
			Update:         bind(k("u"), "u", "add a progress note to the action"),
			Correct:        bind(k("U"), "U", "correct or withdraw the latest update"),
			History:        bind(k("enter"), "enter", "the action's history"),
		},
		Hotspot: hotspotKeys{
			Risk:          bind(k("R"), "R", "assess the risk: likelihood × harm, flags"),
			HotspotStatus: bind(k("S"), "S", "change the hotspot's status"),
			CloseHotspot:  bind(k("C"), "C", "close the hotspot with a reason"),
			NoChange:      bind(k("v"), "v", "discussed, no change (minuted)"),
			Power:         bind(k("P"), "P", "record a power in force (PSPO, dispersal, CPN…)"),
			Areas:         bind(k("T"), "T", "trend: link to streets or LSOAs in the imported police.uk data"),
			Counts:        bind(k("I"), "I", "incidents: enter a month's count (no imported data)"),
		},
		Referral: referralKeys{NewHotspot: bind(k("h"), "h", "refer a new hotspot"),
			CaseReview: bind(k("c"), "c", "an ASB case review received (joins the agenda in Part 2)"),
			Accept:     bind(k("y"), "y", "open a hotspot from the selected emerging one"),
			Dismiss:    bind(k("D"), "D", "dismiss the selected emerging one for 3 months")},
		CaseReview: caseReviewKeys{
			Add:    bind(k("c"), "c", "record an ASB case review received"),
			Decide: bind(k("d"), "d", "decide the selected one: threshold met or not"),
			Answer: bind(k("w"), "w", "the selected one answered: what the applicant was told"),
		},
		People: peopleKeys{
			Open:      bind(k("P"), "P", "people: members, agencies, details"),
			Add:       bind(k("a"), "a", "add a member or an agency"),
			Edit:      bind(k("e"), "e", "edit the selected one, or the details"),
			Retire:    bind(k("r"), "r", "retire the selected one (never deleted)"),
			AddKey:    bind(k("K"), "K", "give the selected member an SSH key (for tasking serve)"),
			RemoveKey: bind(k("X"), "X", "take one of the selected member's SSH keys away"),
			Reads:     bind(k("G"), "G", "what the selected member may read"),
		},
		Next: nextKeys{SetDate: bind(k("d"), "d", "set the next meeting's date")},
		Form: formKeys{
			Next:   bind(k("tab", "down"), "tab/↓", "next field"),
			Prev:   bind(k("shift+tab", "up"), "shift+tab/↑", "previous field"),
			Submit: bind(k("enter", "ctrl+s"), "enter", "next field, save on the last (ctrl+s saves)"),
			Cancel: bind(k("esc"), "esc", "cancel (nothing is saved)"),
			Toggle: bind(k("space"), "space", "toggle a yes/no field"),
		},
		Preview: previewKeys{
			Save:   bind(k("w", "ctrl+s"), "w", "export: md, html, txt, json or docx (Word), to a file"),
			Public: bind(k("p"), "p", "public (Part 1) ⇄ restricted version"),
			Top:    bind(k("g", "home"), "g", "top"),
			Bottom: bind(k("G", "end"), "G", "bottom"),
		},
		MyActions: bind(k("A"), "A", "my actions (from anywhere)"),
		Question: questionKeys{
			Yes: bind(k("y", "Y", "enter"), "y/enter", "yes"),
			No:  bind(k("n", "N", "esc", "q", "Q"), "n/esc", "no: nothing changes"),
		},
		Filter: filterKeys{
			Keep:  bind(k("enter", "tab", "down", "up"), "enter", "keep the filter and go back to the list"),
			Clear: bind(k("esc"), "esc", "clear the filter"),
		},
		Mine: mineKeys{
			Open:       bind(k("o"), "o", "open"),
			InProgress: bind(k("i"), "i", "in progress"),
			Done:       bind(k("d"), "d", "done"),
			Blocked:    bind(k("b"), "b", "blocked"),
			Cancelled:  bind(k("c"), "c", "cancelled"),
			Progress:   bind(k("u"), "u", "add a progress update (dated, in your name)"),
			Correct:    bind(k("U"), "U", "correct or withdraw your latest update"),
			Propose:    bind(k("p"), "p", "propose a new due date with a reason"),
			History:    bind(k("enter"), "enter", "the action's whole history"),
			Status:     bind(k("f"), "f", "filter by status (open work, each status, all)"),
			Window:     bind(k("w"), "w", "filter by due date (overdue, this week, by the next meeting)"),
			Hotspot:    bind(k("h"), "h", "only one hotspot's actions"),
			All:        bind(k("t"), "t", "all agencies ⇄ mine"),
			Filter:     bind(k("/"), "/", "filter on text (esc clears)"),
			Release:    bind(k("L"), "L", "release a private action: public from now on (minuted)"),
		},
		Welcome: welcomeKeys{
			Demo:        bind(k("d"), "d", "load the demo partnership (empty database)"),
			Setup:       bind(k("s"), "s", "set up your partnership"),
			Add:         bind(k("a"), "a", "add an agency"),
			Edit:        bind(k("e", "enter"), "e", "edit the selected agency"),
			Delete:      bind(k("d", "delete"), "d", "delete the selected agency"),
			ChairAgency: bind(k("c"), "c", "make it the chair's agency"),
			Back:        bind(k("b"), "b", "back to the details"),
			SaveSetup:   bind(k("s"), "s", "save and start"),
		},
	}
}

// helpSection is one block of the help screen.
type helpSection struct {
	title    string
	bindings []key.Binding
}

func (km keyMap) sections() []helpSection {
	g, h, m := km.Global, km.Home, km.Meeting
	return []helpSection{
		{"Everywhere", []key.Binding{g.Help, g.Back, g.Quit, g.Up, g.Down, g.PageUp, g.PageDown, g.Enter, g.Tab, km.MyActions}},
		{"My actions (A)", []key.Binding{km.Mine.Open, km.Mine.InProgress, km.Mine.Done, km.Mine.Blocked, km.Mine.Cancelled,
			km.Mine.Progress, km.Mine.Correct, km.Mine.Propose, km.Mine.History, km.Mine.Status, km.Mine.Window, km.Mine.Hotspot, km.Mine.All, km.Mine.Filter, km.Mine.Release}},
		{"Home", []key.Binding{h.Meeting, h.Minutes, h.Tab, h.Filter, h.Open, h.Identity, km.People.Open}},
		{"People (P)", []key.Binding{km.People.Add, km.People.Edit, km.People.Retire, km.People.AddKey, km.People.RemoveKey, km.People.Reads}},
		{"In a meeting", []key.Binding{m.Next, m.Prev, m.Assign, m.Resolve, m.Note, m.Status, m.Close, m.Minutes, m.Agenda, m.Part2, m.Release, m.Amend, m.Undo}},
		{"Agenda pane (tab)", []key.Binding{km.Agenda.Go, km.Agenda.MoveUp, km.Agenda.MoveDown, km.Agenda.Drop, km.Agenda.Add, km.Agenda.Budget}},
		{"Attendance", []key.Binding{km.Attendance.Present, km.Attendance.Apologies, km.Attendance.Absent, km.Attendance.Cycle, km.Attendance.RestPresent, km.Attendance.Guest, km.Attendance.RemoveGuest, km.Attendance.Statement}},
		{"Declarations", []key.Binding{km.Declaration.Declare, km.Declaration.None, km.Declaration.Withdraw}},
		{"Previous minutes", []key.Binding{km.MinutesItem.Approve, km.MinutesItem.ViewPrevious}},
		{"Matters arising", []key.Binding{m.Filter, km.Matters.Done, km.Matters.InProgress, km.Matters.Blocked, km.Matters.Cancelled, km.Matters.Reopen, km.Matters.Carry, km.Matters.NoChange, km.Matters.Accept, km.Matters.Update, km.Matters.Correct, km.Matters.History, km.Matters.Accountability}},
		{"Hotspot item", []key.Binding{m.Assign, m.Resolve, m.Note, m.Status, km.Hotspot.Risk, km.Hotspot.HotspotStatus, km.Hotspot.CloseHotspot, km.Hotspot.NoChange, km.Hotspot.Power, km.Hotspot.Areas, km.Hotspot.Counts}},
		{"New referrals", []key.Binding{km.Referral.NewHotspot, km.Referral.CaseReview, g.Up, g.Down, km.Referral.Accept, km.Referral.Dismiss}},
		{"ASB case reviews", []key.Binding{km.CaseReview.Add, km.CaseReview.Decide, km.CaseReview.Answer, m.Resolve, m.Note}},
		{"Next meeting", []key.Binding{km.Next.SetDate, m.Close}},
		{"Forms", []key.Binding{km.Form.Next, km.Form.Prev, km.Form.Submit, km.Form.Cancel, km.Form.Toggle}},
		{"Typing a filter (/)", []key.Binding{km.Filter.Keep, km.Filter.Clear}},
		{"A question (in the footer)", []key.Binding{km.Question.Yes, km.Question.No}},
		{"Minutes preview", []key.Binding{g.Up, g.Down, g.PageUp, g.PageDown, km.Preview.Top, km.Preview.Bottom, km.Preview.Public, km.Preview.Save}},
		{"Welcome (empty database)", []key.Binding{km.Welcome.Demo, km.Welcome.Setup}},
		{"Setting up: the agency list", []key.Binding{km.Welcome.Add, km.Welcome.Edit, km.Welcome.Delete, km.Welcome.ChairAgency, km.Welcome.Back, km.Welcome.SaveSetup}},
		{"Hotspot page (enter on home)", []key.Binding{km.Hotspot.Risk, km.Hotspot.Areas, km.Hotspot.Counts, g.Up, g.Down, g.Back}},
	}
}
