package tui

import (
	"regexp"
	"slices"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
)

// Every form that edits a record saves against the version it showed: a
// change made meanwhile (here straight through the store, as the command
// line or another session makes it) refuses the save naming who changed
// it, the typing is kept, and a second save goes through. One case per
// kind of form not tested on its own (the due date, done, the member form
// and the risk matrix are).
func TestEveryFormSavesAgainstWhatItShowed(t *testing.T) {
	type opened struct {
		s     *bolt.File
		ss    *session
		title []string // the form's title, matched by its regexp
	}
	for _, tt := range []struct {
		name string
		// as is who runs the app; item, when set, is the agenda item the
		// meeting is opened at (a meeting is started first).
		as   string
		item func(it model.AgendaItem) bool
		// setup, when set, changes the started meeting before the app opens.
		setup func(t *testing.T, s *bolt.File, m model.Meeting)
		// open goes from home (or the meeting) to the form, each key
		// followed by what to wait for ("" nothing); title matches the
		// form's title, the record's ref or name as its first group.
		open  [][2]string
		title string
		// meanwhile changes the record as another person; fill types into
		// the form and asks to save.
		meanwhile func(t *testing.T, o opened)
		fill      func(o opened)
		refused   string // what the refusal says after "REF was changed by " (a regexp)
		typed     string // the typing kept on screen
		saved     string // what the second save says
	}{
		{
			name: "a progress update in My actions", as: "Sgt Jas Patel",
			open: [][2]string{{"A", "My actions · "}, {"u", ""}}, title: `Progress update · (A-\d+)`,
			meanwhile: func(t *testing.T, o opened) { blockAction(t, o.s, o.title[1], "Insp Claire Dunn") },
			fill:      func(o opened) { o.ss.typeText("Letters sent to the tenants"); o.ss.keys("enter") },
			refused:   "Insp Claire Dunn at 10:00: now blocked", typed: "Letters sent to the tenants", saved: "update added to",
		},
		{
			name: "a progress note in matters arising", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemMatters },
			open: [][2]string{{"u", ""}}, title: `Progress note · (A-\d+)`,
			meanwhile: func(t *testing.T, o opened) { blockAction(t, o.s, o.title[1], "Tom Okafor") },
			fill:      func(o opened) { o.ss.typeText("Reported at the meeting"); o.ss.keys("enter") },
			refused:   "Tom Okafor at 10:00: now blocked", typed: "Reported at the meeting", saved: "progress note added to",
		},
		{
			name: "carrying an action forward in matters arising", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemMatters },
			open: [][2]string{{"f", ""}}, title: `Carry forward · (A-\d+)`,
			meanwhile: func(t *testing.T, o opened) { blockAction(t, o.s, o.title[1], "Tom Okafor") },
			fill:      func(o opened) { o.ss.keys("tab"); o.ss.typeText("Partners need more time"); o.ss.keys("enter") },
			refused:   "Tom Okafor at 10:00: now blocked", typed: "Partners need more time", saved: "carried forward to",
		},
		{
			name: "a hotspot's status", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot },
			open: [][2]string{{"S", ""}}, title: `Status · (HS-\d+)`,
			meanwhile: func(t *testing.T, o opened) { rehotspot(t, o.s, o.title[1]) },
			// Left, not right: Tom's change is to the status on the
			// right, and whether his notice reaches the form before the
			// key or after, left chooses one his is not.
			fill:    func(o opened) { o.ss.keys("left", "enter") },
			refused: "Tom Okafor at 10:00", typed: "Hotspot status", saved: " now ",
		},
		{
			name: "closing a hotspot", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot },
			open: [][2]string{{"C", ""}}, title: `Close hotspot · (HS-\d+)`,
			meanwhile: func(t *testing.T, o opened) { rehotspot(t, o.s, o.title[1]) },
			fill:      func(o opened) { o.ss.typeText("No reports for six weeks"); o.ss.keys("ctrl+s") },
			refused:   "Tom Okafor at 10:00", typed: "No reports for six weeks", saved: " closed",
		},
		{
			name: "the next meeting's date", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemNextMeeting },
			open: [][2]string{{"d", ""}}, title: `Date of the next meeting`,
			meanwhile: func(t *testing.T, o opened) {
				m, _, _ := o.s.OpenMeeting()
				shown := m.Next()
				if _, err := o.s.SetNextMeeting(memberActor(t, o.s, "Tom Okafor"), m.ID, &shown, model.DateOf(testNow).AddDays(21), "14:00", "Room 4"); err != nil {
					t.Fatal(err)
				}
			},
			fill:    func(o opened) { o.ss.keys("tab", "tab"); o.ss.typeText(", by the lift"); o.ss.keys("enter") },
			refused: "Tom Okafor at 10:00", typed: "by the lift", saved: "next meeting:",
		},
		{
			name: "an item's time budget", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot },
			open: [][2]string{{"tab", ""}, {"b", ""}}, title: `Time budget · \d+ (HS-\d+)`,
			meanwhile: func(t *testing.T, o opened) {
				m, i := agendaPlace(t, o.s, o.title[1])
				if _, err := o.s.SetItemBudget(memberActor(t, o.s, "Tom Okafor"), m.ID, i, nil, 15); err != nil {
					t.Fatal(err)
				}
			},
			fill:    func(o opened) { o.ss.typeText("25m"); o.ss.keys("enter") },
			refused: `Tom Okafor at 10:00: HS-\d+ now has 15 minutes`, typed: "25m", saved: ": 25 minutes",
		},
		{
			name: "taking an item into Part 2", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot && !it.Part2 },
			open: [][2]string{{"E", ""}}, title: `Take in private \(Part 2\) · (HS-\d+)`,
			meanwhile: func(t *testing.T, o opened) {
				m, i := agendaPlace(t, o.s, o.title[1])
				if _, err := o.s.SetItemPart2(memberActor(t, o.s, "Tom Okafor"), m.ID, i, nil, true, model.ParaCrime); err != nil {
					t.Fatal(err)
				}
			},
			fill:    func(o opened) { o.ss.keys("left", "enter") },
			refused: `Tom Okafor at 10:00: HS-\d+ now taken in private \(Part 2, paragraph 7\)`, typed: "● 2 identity", saved: "moved into Part 2",
		},
		{
			name: "adding a guest", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemAttendance },
			open: [][2]string{{"g", ""}}, title: `Add a guest`,
			meanwhile: func(t *testing.T, o opened) {
				m, _, _ := o.s.OpenMeeting()
				if _, err := o.s.AddGuest(memberActor(t, o.s, "Tom Okafor"), m.ID, nil, model.Guest{Name: "Dr Kim Reyes", Agency: "Testshire University"}); err != nil {
					t.Fatal(err)
				}
			},
			fill: func(o opened) {
				o.ss.typeText("Dr Ada Lowe")
				o.ss.keys("tab")
				o.ss.typeText("Royal Hospital")
				o.ss.keys("enter")
			},
			refused: `Tom Okafor at 10:00: guest added: Dr Kim Reyes \(Testshire University\)`, typed: "Dr Ada Lowe", saved: "guest added: Dr Ada Lowe",
		},
		{
			name: "a declaration of interest", as: "Helen Marsh",
			item: func(it model.AgendaItem) bool { return it.Kind == model.ItemDeclarations },
			setup: func(t *testing.T, s *bolt.File, m model.Meeting) {
				if _, err := s.SetAttendance(memberActor(t, s, "Helen Marsh"), m.ID, memberActor(t, s, "Sgt Jas Patel").MemberID, model.Present); err != nil {
					t.Fatal(err)
				}
			},
			open: [][2]string{{"d", ""}}, title: `Declaration of interest · (Sgt Jas Patel)`,
			meanwhile: func(t *testing.T, o opened) {
				m, _, _ := o.s.OpenMeeting()
				if _, err := o.s.AddDeclaration(memberActor(t, o.s, "Tom Okafor"), m.ID, memberActor(t, o.s, o.title[1]).MemberID, nil, "", 0, "lives on the estate"); err != nil {
					t.Fatal(err)
				}
			},
			fill:    func(o opened) { o.ss.keys("tab"); o.ss.typeText("Son attends the youth club"); o.ss.keys("enter") },
			refused: "Tom Okafor at 10:00: a declaration by Sgt Jas Patel recorded", typed: "Son attends the youth club", saved: "declaration recorded",
		},
		{
			name: "renaming an agency", as: "Helen Marsh",
			open: [][2]string{{"P", "People and agencies"}, {"tab", "▸ CBC"}, {"e", ""}}, title: `Rename · (.+?) ─`,
			meanwhile: func(t *testing.T, o opened) {
				ags, _ := o.s.Agencies()
				i := slices.IndexFunc(ags, func(a model.Agency) bool { return a.Name == o.title[1] })
				if i < 0 {
					t.Fatalf("no agency %q", o.title[1])
				}
				if _, err := o.s.RenameAgency(memberActor(t, o.s, "Tom Okafor"), ags[i].ID, ags[i].Version, ags[i].Name, "CS Team"); err != nil {
					t.Fatal(err)
				}
			},
			fill:    func(o opened) { o.ss.keys("tab", "ctrl+u"); o.ss.typeText("Safety"); o.ss.keys("ctrl+s") },
			refused: "Tom Okafor at 10:00", typed: "Safety", saved: "saved",
		},
		{
			name: "the partnership's details", as: "Helen Marsh",
			open: [][2]string{{"P", "People and agencies"}, {"tab", ""}, {"tab", "Usual place and time: "}, {"e", ""}}, title: `The partnership's details`,
			meanwhile: func(t *testing.T, o opened) {
				p, _ := o.s.Partnership()
				p.DefaultPlace = "Room 4, Town Hall"
				if _, err := o.s.SetPartnership(memberActor(t, o.s, "Tom Okafor"), p.Version, p); err != nil {
					t.Fatal(err)
				}
			},
			fill:    func(o opened) { o.ss.keys("ctrl+u"); o.ss.typeText("Chesterfield CSP"); o.ss.keys("ctrl+s") },
			refused: "Tom Okafor at 10:00", typed: "Chesterfield CSP", saved: "saved",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := demoStore(t)
			as := memberActor(t, s, tt.as)
			if tt.item != nil {
				m, err := s.StartMeeting(as, model.DateOf(testNow))
				if err != nil {
					t.Fatal(err)
				}
				i := slices.IndexFunc(m.Agenda, tt.item)
				if _, err := s.GoToItem(as, m.ID, i); err != nil {
					t.Fatal(err)
				}
				if tt.setup != nil {
					tt.setup(t, s, m)
				}
			}
			ss := startSession(t, s, as, 140, 40)
			if tt.item != nil {
				ss.waitFor("resume the meeting")
				ss.keys("m")
				ss.waitFor("in meeting")
			} else {
				ss.waitFor("Hotspots by risk")
			}
			for _, step := range tt.open {
				ss.keys(step[0])
				ss.waitFor(step[1])
			}
			re := regexp.MustCompile(tt.title)
			waitUntil(t, "the form "+tt.title, func() bool { return re.MatchString(ss.screen()) })
			o := opened{s: s, ss: ss, title: re.FindStringSubmatch(ss.screen())}
			tt.meanwhile(t, o)
			tt.fill(o)
			ss.waitFor("not saved", tt.typed)
			if refused := regexp.MustCompile(` was changed by ` + tt.refused); !refused.MatchString(ss.screen()) {
				t.Fatalf("the refusal does not say %q:\n%s", tt.refused, ss.screen())
			}
			ss.keys("ctrl+s") // deliberately, over the change
			ss.waitFor(tt.saved)
			ss.finish()
		})
	}
}

// agendaPlace is the open meeting and where hotspot ref is on its agenda.
func agendaPlace(t *testing.T, s *bolt.File, ref string) (model.Meeting, int) {
	t.Helper()
	m, _, err := s.OpenMeeting()
	if err != nil {
		t.Fatal(err)
	}
	i, err := m.FindItem(ref)
	if err != nil {
		t.Fatal(err)
	}
	return m, i
}

// blockAction is ref blocked by the named member, as another session would.
func blockAction(t *testing.T, s *bolt.File, ref, by string) {
	t.Helper()
	id, err := model.ParseRef(model.ActionPrefix, ref)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Action(id)
	if _, err := s.SetActionStatus(memberActor(t, s, by), id, a.Version, model.StatusBlocked, "waiting on a partner", 0); err != nil {
		t.Fatal(err)
	}
}

// rehotspot puts hotspot ref under monitoring, as an admin's other session
// would.
func rehotspot(t *testing.T, s *bolt.File, ref string) {
	t.Helper()
	id, err := model.ParseRef(model.HotspotPrefix, ref)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := s.Hotspot(id)
	to := model.HotspotMonitoring
	if h.Status == to {
		to = model.HotspotActive
	}
	if _, err := s.SetHotspotStatus(memberActor(t, s, "Tom Okafor"), id, h.Version, to, 0); err != nil {
		t.Fatal(err)
	}
}
