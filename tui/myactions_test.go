package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
	"github.com/charmbracelet/x/exp/golden"
)

func memberActor(t *testing.T, s *bolt.File, name string) model.Actor {
	t.Helper()
	m, err := model.FindMember(mustMembers(t, s), name)
	if err != nil {
		t.Fatal(err)
	}
	return model.ActorFor(m)
}

// A rep opens My actions from home, sees their agency's actions overdue
// first, narrows them, marks one in progress, adds a dated update and
// proposes a new date; each change is in the store under their name.
func TestMyActions(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			s := demoStore(t)
			rep := memberActor(t, s, "Sgt Jas Patel")
			ss := startSession(t, s, rep, sz.w, sz.h)
			ss.waitFor("Hotspots by risk")
			ss.keys("A")
			ss.waitFor("My actions · Derbyshire Constabulary · 3 shown · 1 overdue", "A-37")

			police, _ := s.Actions(model.ActionFilter{AgencyID: rep.AgencyID, OpenOnly: true, Today: model.DateOf(testNow)})
			if len(police) != 3 || !police[0].IsOverdue(model.DateOf(testNow)) {
				t.Fatalf("fixture: police actions %v", police)
			}
			// Overdue first: the cursor starts on it.
			if !strings.Contains(ss.screen(), "▸"+police[0].Ref()) {
				t.Fatalf("the overdue action is not first:\n%s", ss.screen())
			}
			ss.keys("w")
			ss.waitFor("w overdue", "1 shown")
			ss.keys("w", "w", "w") // back to any date
			ss.waitFor("w any date", "3 shown")

			target := police[1]
			ss.keys("j", "b")
			ss.waitFor(target.Ref() + " → blocked")
			ss.keys("u")
			ss.waitFor("Progress update")
			ss.typeText("Waiting for the dog unit to be free")
			ss.keys("enter")
			ss.waitFor("update added to " + target.Ref())
			ss.keys("p")
			// The current date is shown; typing replaces the default.
			ss.waitFor("New due date (now due " + target.Due.Format("Mon 2 Jan 2006") + ")")
			ss.typeText("+3w")
			ss.keys("enter")
			ss.typeText("Rota not out yet")
			ss.keys("enter")
			ss.waitFor(target.Ref() + " now due 15 Dec")
			ss.keys("/")
			ss.typeText("dispersal")
			ss.keys("enter")
			ss.waitFor("1 shown", "Review dispersal")
			golden.RequireEqual(t, []byte(ss.finish()))

			hist, _ := s.ActionHistory(target.ID)
			var kinds []string
			for _, u := range hist {
				if u.By == rep.Name {
					kinds = append(kinds, string(u.Kind))
				}
			}
			if strings.Join(kinds, " ") != "status note due" {
				t.Fatalf("the rep's changes in the history: %v", kinds)
			}
			if a, _ := s.Action(target.ID); a.Status != model.StatusBlocked || a.Due != model.MustDate("2026-12-15") || a.LastUpdateBy != rep.Name {
				t.Fatalf("stored: %+v", a)
			}
		})
	}
}

// Anyone lists every agency's actions, as on the command line: a member
// and the chair switch to all agencies; a viewer does too, and finds no
// private action there (the read right decides what is listed).
func TestMyActionsAllAgencies(t *testing.T) {
	s := demoStore(t)
	ss := startSession(t, s, memberActor(t, s, "Sgt Jas Patel"), 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("A")
	ss.waitFor("My actions · Derbyshire Constabulary")
	ss.keys("t")
	ss.waitFor("My actions · all agencies", "agency")
	ss.finish()

	chair := startSession(t, s, chairOf(t, s), 120, 36)
	chair.waitFor("Hotspots by risk")
	chair.keys("A")
	chair.waitFor("My actions · CBC Community Safety")
	chair.keys("t")
	chair.waitFor("My actions · all agencies", "agency")
	chair.finish()

	// A private action of the demo, by the rule.
	all, _ := s.Actions(model.ActionFilter{})
	hs, _ := s.Hotspots()
	byID := map[model.ID]model.Hotspot{}
	for _, h := range hs {
		byID[h.ID] = h
	}
	rules := model.PublicRules(model.Meeting{}, byID)
	var private model.Action
	for _, a := range all {
		if !rules.Action(a) && !a.Status.IsClosed() {
			private = a
			break
		}
	}
	if private.ID == 0 {
		t.Fatal("the demo has no open private action")
	}
	viewer := startSession(t, s, memberActor(t, s, "Cllr Pat Dyson"), 120, 36)
	viewer.waitFor("Hotspots by risk")
	viewer.keys("A", "t")
	viewer.waitFor("My actions · all agencies")
	viewer.keys("/")
	viewer.typeText(private.Text)
	viewer.keys("enter")
	viewer.waitFor("· 0 shown")
	if scr := viewer.screen(); strings.Contains(scr, private.Text) {
		t.Errorf("a viewer's list shows private action %s:\n%s", private.Ref(), scr)
	}
	viewer.finish()
}

// Two sessions edit the same action: the second save is refused, says who
// changed it and when, and the fresh record is shown; nothing is lost.
func TestTwoSessionsEditingOneAction(t *testing.T) {
	s := demoStore(t)
	sgt, insp := memberActor(t, s, "Sgt Jas Patel"), memberActor(t, s, "Insp Claire Dunn")
	open := func(actor model.Actor) *App {
		a := New(Config{Store: s, Actor: actor, Now: fixedClock})
		t.Cleanup(a.Close)
		a.Update(windowSize(120, 36))
		a.screen = screenHome
		settle(a, a.openMyActions())
		if a.mine == nil || a.mine.data == nil {
			t.Fatal("My actions did not load")
		}
		return a
	}
	first, second := open(sgt), open(insp)
	act, _ := first.mine.selected()
	if other, _ := second.mine.selected(); other.ID != act.ID || other.Version != act.Version {
		t.Fatalf("the two sessions show different actions: %v %v", act, other)
	}
	// The sergeant marks it done; the inspector, still looking at the old
	// version, marks it blocked.
	settle(first, first.key(keyPress("d")))
	settle(first, first.key(keyPress("enter"))) // done: the completion note is optional
	_, cmd := second.Update(keyPress("b"))
	msg := cmd()
	failed, ok := msg.(failedMsg)
	var conflict *store.ConflictError
	if !ok || !errors.As(failed.err, &conflict) {
		t.Fatalf("second save: %#v, want a conflict", msg)
	}
	_, reload := second.Update(failed)
	if !strings.Contains(second.flash, "was changed by Sgt Jas Patel at 10:00 — reloaded") {
		t.Fatalf("the message was %q", second.flash)
	}
	settle(second, reload)
	fresh, _ := s.Action(act.ID)
	if fresh.Status != model.StatusDone || fresh.LastUpdateBy != sgt.Name {
		t.Fatalf("the first save was lost: %+v", fresh)
	}
	// The second session now shows the fresh record.
	second.mine.status = len(statusFilters) - 1 // all statuses
	second.refilterMine()
	for _, a := range second.mine.shown {
		if a.ID == act.ID && (a.Status != model.StatusDone || a.Version != fresh.Version) {
			t.Fatalf("the second session still shows %+v", a)
		}
	}
}

// A second key on an action whose first change is still being saved waits
// ("still saving"), instead of conflicting with the session's own save.
func TestSecondKeyWaitsForTheFirstSave(t *testing.T) {
	s := demoStore(t)
	a := New(Config{Store: s, Actor: memberActor(t, s, "Sgt Jas Patel"), Now: fixedClock})
	t.Cleanup(a.Close)
	a.Update(windowSize(120, 36))
	a.screen = screenHome
	settle(a, a.openMyActions())
	act, _ := a.mine.selected()
	_, first := a.Update(keyPress("b"))
	if first == nil {
		t.Fatal("b did nothing")
	}
	_, second := a.Update(keyPress("o"))
	if second != nil || !strings.Contains(a.flash, "still saving "+act.Ref()) {
		t.Fatalf("the second key went ahead: %q", a.flash)
	}
	settle(a, first)
	if a.pending[act.ID] != 0 {
		t.Fatalf("still pending: %d", a.pending[act.ID])
	}
	settle(a, a.key(keyPress("o")))
	if got, _ := s.Action(act.ID); got.Status != model.StatusOpen {
		t.Fatalf("after the first save landed, o did not reopen it: %s", got.Status)
	}
}

// A member follows an open meeting on their own screen: moving through it
// writes nothing (only the chair moves the meeting) and refuses nothing.
func TestMemberFollowsAMeeting(t *testing.T) {
	s := demoStore(t)
	m, err := s.StartMeeting(chairOf(t, s), model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: s, Actor: memberActor(t, s, "Sgt Jas Patel"), Now: fixedClock})
	t.Cleanup(a.Close)
	a.Update(windowSize(120, 36))
	settle(a, a.openMeeting(m.ID))
	for range 4 {
		if cmd := a.key(keyPress("]")); cmd != nil {
			t.Fatal("a member's move wrote to the meeting")
		}
	}
	if a.mt.cur != 4 || a.flashErr {
		t.Fatalf("at item %d, flash %q", a.mt.cur+1, a.flash)
	}
	if fresh, _ := s.Meeting(m.ID); fresh.Current != 0 {
		t.Fatalf("the meeting moved to %d", fresh.Current)
	}
}

// A due date outside this year keeps its year in My actions at every width,
// in a column as wide as the meeting's ("15 Dec 2025", not "15 Dec…").
func TestMyActionsDueKeepsTheYear(t *testing.T) {
	for _, w := range []int{80, 120, 200} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			s := demoStore(t)
			rep := memberActor(t, s, "Sgt Jas Patel")
			var refs []string
			for _, due := range []string{"2027-01-15", "2025-12-15"} {
				act, err := s.AssignAction(chairOf(t, s), model.NewAction{Text: "Due " + due, AgencyID: rep.AgencyID, Due: model.MustDate(due)})
				if err != nil {
					t.Fatal(err)
				}
				refs = append(refs, act.Ref())
			}
			ss := startSession(t, s, rep, w, 30)
			ss.waitFor("Hotspots by risk")
			ss.keys("A")
			ss.waitFor("My actions · Derbyshire Constabulary · 5 shown", refs[0], refs[1])
			scr := strings.Split(ss.screen(), "\n")
			ss.finish()
			// The due column starts under its heading in every row.
			col := func(line, s string) int {
				i := strings.Index(line, s)
				if i < 0 {
					return -1
				}
				return len([]rune(line[:i]))
			}
			head := -1
			for _, l := range scr {
				if strings.Contains(l, " ref ") {
					head = col(l, " due ") + 1
				}
			}
			want := map[string]string{refs[0]: "15 Jan 2027 ", refs[1]: "15 Dec 2025 "}
			police, _ := s.Actions(model.ActionFilter{AgencyID: rep.AgencyID, OpenOnly: true, Today: model.DateOf(testNow)})
			for _, act := range police {
				if act.Due.Year() == testNow.Year() {
					want[act.Ref()] = act.Due.Short() + " " // one of this year, for comparison
				}
			}
			if len(want) < 3 {
				t.Fatalf("fixture: no police action due this year: %v", police)
			}
			for i, want := range want {
				var row string
				for _, l := range scr {
					if strings.Contains(l, i+" ") && strings.Contains(l, "●") {
						row = l
					}
				}
				if c := col(row, want); c < 0 || c != head {
					t.Errorf("%s: due %q at column %d, the heading at %d:\n%s", i, want, c, head, strings.Join(scr, "\n"))
				}
			}
		})
	}
}

// My actions reads what its filters can show: open work by default; the
// last year's finished work when the status filter asks for it, and the
// list then holds the agency's done actions.
func TestMyActionsReadsFinishedWorkWhenAsked(t *testing.T) {
	s := demoStore(t)
	rep := memberActor(t, s, "Sgt Jas Patel")
	today := model.DateOf(testNow)
	done, _ := s.Actions(model.ActionFilter{AgencyID: rep.AgencyID, Status: model.StatusDone, FinishedFrom: model.CompletionsFrom(today), Today: today})
	if len(done) == 0 {
		t.Fatal("fixture: the police have done nothing")
	}
	ss := startSession(t, s, rep, 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("A")
	ss.waitFor("My actions · Derbyshire Constabulary · 3 shown")
	if strings.Contains(ss.screen(), done[0].Ref()+" ") {
		t.Fatalf("a done action is listed as open work:\n%s", ss.screen())
	}
	ss.keys("f", "f", "f", "f") // open work → open → in progress → blocked → done
	ss.waitFor("f done", fmt.Sprintf("%d shown", len(done)), done[0].Ref()+" ")
	ss.finish()
}
