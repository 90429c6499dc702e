package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// The screen uses its space: help opens where you are, a narrow footer
// leads with the keys of the step in hand, the agenda grows with the
// width, matters arising shows each row's latest update on a wide screen,
// home's columns are as wide as what they hold, and a form on private
// business says so.

// bodyLine is the screen's line n (0 is the header), without its borders.
func bodyLine(scr string, n int) string {
	lines := strings.Split(scr, "\n")
	if n >= len(lines) {
		return ""
	}
	return strings.Trim(lines[n], "│ ")
}

// `?` opens the help at the keys of the screen, and of the agenda item,
// the person is on, marked, before every other section.
func TestHelpOpensWhereYouAre(t *testing.T) {
	s := demoStore(t)
	ss := startSession(t, s, chairOf(t, s), 80, 24)
	ss.waitFor("Hotspots by risk")
	ss.keys("?")
	ss.waitFor("where you are first")
	if first := bodyLine(ss.screen(), 2); first != "Home  ◂ here" {
		t.Fatalf("home's help opens at %q:\n%s", first, ss.screen())
	}
	ss.keys("esc", "m", "y")
	ss.waitFor("Confidentiality statement")
	ss.keys("]", "]", "]", "]")
	ss.waitFor("Open actions")
	ss.keys("?")
	ss.waitFor("where you are first")
	scr := ss.screen()
	if first := bodyLine(scr, 2); first != "Hotspot item  ◂ here" {
		t.Fatalf("a hotspot item's help opens at %q:\n%s", first, scr)
	}
	if !strings.Contains(scr, "In a meeting  ◂ here") {
		t.Fatalf("the meeting's own keys are not next:\n%s", scr)
	}
	ss.keys("esc", "tab", "?")
	ss.waitFor("where you are first")
	if first := bodyLine(ss.screen(), 2); first != "Agenda pane (tab)  ◂ here" {
		t.Fatalf("the agenda pane's help opens at %q:\n%s", first, ss.screen())
	}
	ss.finish()
}

// Every screen's help names sections the help has.
func TestEveryScreensHelpIsASection(t *testing.T) {
	a := &App{keys: newKeyMap(), styles: NewStyles(true)}
	var titles []string
	for _, sec := range a.keys.sections() {
		titles = append(titles, sec.title)
	}
	for sc, p := range parts {
		a.screen = sc
		for _, h := range p.help(a) {
			if !slices.Contains(titles, h) {
				t.Errorf("screen %d's help names %q, which is no section", sc, h)
			}
		}
	}
}

// At 80 columns the footer leads with the item's keys; where the meeting
// is follows, short. A member following the meeting is offered what they
// may do on the item before how to look around.
func TestNarrowFooterLeadsWithTheItemsKeys(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.GoToItem(chair, m.ID, 3); err != nil { // matters arising
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 80, 24)
	ss.waitFor("Hotspots by risk")
	ss.keys("m")
	ss.waitFor("actions from earlier meetings")
	footer := func(ss *session) string {
		lines := strings.Split(ss.screen(), "\n")
		return lines[len(lines)-1]
	}
	if f := footer(ss); !strings.HasPrefix(f, " d done · i in prog") || !strings.HasSuffix(strings.TrimRight(f, " "), itemOf(t, s, 4)+" · 00:00") {
		t.Fatalf("the chair's footer at 80 columns: %q", f)
	}
	ss.finish()

	rep := startSession(t, s, memberActor(t, s, "Sgt Jas Patel"), 80, 24)
	rep.waitFor("Hotspots by risk")
	rep.keys("m")
	rep.waitFor("actions from earlier meetings")
	if f := footer(rep); !strings.HasPrefix(f, " s your agency's action: status · F look around") {
		t.Fatalf("a member's footer at 80 columns: %q", f)
	}
	rep.finish()
}

// On a wide screen the agenda pane grows with the width: 34 columns at
// 120, a quarter of the screen beyond, never more than its titles need.
func TestAgendaGrowsWithTheWidth(t *testing.T) {
	for _, c := range []struct{ w, want int }{{120, 34}, {160, 40}, {200, 50}} {
		t.Run(fmt.Sprint(c.w), func(t *testing.T) {
			s := demoStore(t)
			ss := startSession(t, s, chairOf(t, s), c.w, 40)
			ss.waitFor("start the meeting")
			ss.keys("m", "y")
			ss.waitFor("Confidentiality statement")
			top := strings.Split(ss.screen(), "\n")[1]
			ss.finish()
			if got := cells(top[:strings.Index(top, "┐┌")]) + 1; got != c.want {
				t.Fatalf("the agenda is %d wide at %d columns, want %d:\n%s", got, c.w, c.want, top)
			}
		})
	}
}

// On a wide screen (the agenda beside the item) matters arising shows each
// action's latest update with its row, as the README says: on a line under
// the row where the row has no room for it, in a column of its own where
// it has; a narrow screen shows it only under the selected action.
func TestMattersArisingShowsEachLatestUpdateOnWideScreens(t *testing.T) {
	for _, c := range []struct {
		w, h int
		rows bool
	}{{100, 40, false}, {120, 48, true}, {220, 48, true}} {
		t.Run(fmt.Sprint(c.w), func(t *testing.T) {
			s := demoStore(t)
			chair := chairOf(t, s)
			m, err := s.StartMeeting(chair, model.DateOf(testNow))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.GoToItem(chair, m.ID, 3); err != nil {
				t.Fatal(err)
			}
			rec, _ := s.MeetingRecord(m.ID)
			v := buildMeetingView(rec, model.Date{})
			var news []model.Action
			for _, act := range v.matters[1:] { // not the first: it is selected
				if v.newsSince(act) && !act.LastUpdatePrivacy.Private {
					news = append(news, act)
				}
			}
			if len(news) < 3 {
				t.Fatalf("the demo's matters arising have %d updates since the last meeting", len(news))
			}
			ss := startSession(t, s, chair, c.w, c.h)
			ss.waitFor("Hotspots by risk")
			ss.keys("m")
			ss.waitFor("actions from earlier meetings")
			scr := ss.screen()
			ss.finish()
			for _, act := range news[:3] {
				said := act.LastUpdateAt.Local().Format("02 Jan") + " " + shortName(act.LastUpdateBy) + ": " + act.LastUpdate[:10]
				if got := strings.Contains(scr, said); got != c.rows {
					t.Errorf("%s's latest update shown with its row: %v, want %v:\n%s", act.Ref(), got, c.rows, scr)
				}
			}
		})
	}
}

// Home's columns are as wide as what they hold: at 120 columns every
// hotspot's title is whole, and the agencies' figures sit beside their
// names.
func TestHomeColumnsAreSizedByWhatTheyHold(t *testing.T) {
	s := demoStore(t)
	ss := startSession(t, s, chairOf(t, s), 120, 36)
	ss.waitFor("Hotspots by risk", "Actions by agency")
	scr := ss.screen()
	ss.finish()
	h, _ := s.Home()
	for _, hs := range h.Hotspots {
		if !strings.Contains(scr, hs.Title+" ") {
			t.Errorf("%s's title is cut: %q", hs.Ref(), hs.Title)
		}
	}
	for _, l := range strings.Split(scr, "\n") {
		if i := strings.Index(l, "Derbyshire Constabulary"); i >= 0 {
			after := l[i+len("Derbyshire Constabulary"):]
			if spaces := len(after) - len(strings.TrimLeft(after, " ")); spaces > 20 {
				t.Errorf("the agency's figures are far from its name: %q", l)
			}
		}
	}
}

// A form opened on an item taken in private says it is Part 2; one on a
// public item does not.
func TestAFormOnAPart2ItemSaysSo(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	m, err := s.StartMeeting(chair, model.DateOf(testNow))
	if err != nil {
		t.Fatal(err)
	}
	private := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Part2 })
	if private < 0 {
		t.Fatal("the demo's meeting takes nothing in private")
	}
	if _, err := s.GoToItem(chair, m.ID, private); err != nil {
		t.Fatal(err)
	}
	ss := startSession(t, s, chair, 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("m")
	ss.waitFor("PART 2 (in private) · ")
	ss.keys("n")
	ss.waitFor("Add a note · ", " · PART 2 (in private) ─")
	ss.finish()

	public := startSession(t, s, chair, 120, 36)
	public.waitFor("Hotspots by risk")
	if _, err := s.GoToItem(chair, m.ID, 4); err != nil { // HS-1, in public
		t.Fatal(err)
	}
	public.keys("m")
	public.waitFor("Open actions")
	public.keys("n")
	public.waitFor("Add a note · HS-1")
	if strings.Contains(public.screen(), "PART 2") {
		t.Fatalf("a form on a public item says Part 2:\n%s", public.screen())
	}
	public.finish()
}
