package tui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
)

// The app as actor, at 120×36, with the screen open settled.
func appOn(t *testing.T, s *bolt.File, actor model.Actor, open func(a *App) tea.Cmd) *App {
	t.Helper()
	a := New(Config{Store: s, Actor: actor, Now: fixedClock})
	t.Cleanup(a.Close)
	a.Update(windowSize(120, 36))
	a.screen = screenHome
	settle(a, open(a))
	return a
}

// notice is the next change notice on the app's feed (a write through the
// store publishes it before returning).
func notice(t *testing.T, a *App) store.Change {
	t.Helper()
	select {
	case c := <-a.feed:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("no change notice")
	}
	return store.Change{}
}

// loadsFor is how many screen loads the notice of a change started.
func loadsFor(t *testing.T, a *App, write func() error) (int, tea.Cmd) {
	t.Helper()
	if err := write(); err != nil {
		t.Fatal(err)
	}
	run := a.loadsRun
	cmd := a.changed(notice(t, a))
	return a.loadsRun - run, cmd
}

func openMine(a *App) tea.Cmd { return a.openMyActions() }

func actionsOf(t *testing.T, s *bolt.File, agency model.ID) []model.Action {
	t.Helper()
	acts, err := s.Actions(model.ActionFilter{AgencyID: agency, OpenOnly: true, Today: model.DateOf(testNow)})
	if err != nil || len(acts) == 0 {
		t.Fatalf("fixture: agency %d's open actions: %v %v", agency, acts, err)
	}
	return acts
}

func otherAgency(t *testing.T, s *bolt.File, not model.ID) model.ID {
	t.Helper()
	ags, _ := s.Agencies()
	for _, ag := range ags {
		if acts, _ := s.Actions(model.ActionFilter{AgencyID: ag.ID, OpenOnly: true}); ag.ID != not && len(acts) > 0 {
			return ag.ID
		}
	}
	t.Fatal("fixture: no other agency has open actions")
	return 0
}

// A rep's My actions passes over another agency's action, a hotspot's
// risk and a new member: none of them is on the list.
func TestMyActionsPassesOverOtherAgenciesChanges(t *testing.T) {
	s := demoStore(t)
	chair, rep := chairOf(t, s), memberActor(t, s, "Sgt Jas Patel")
	a := appOn(t, s, rep, openMine)
	theirs := actionsOf(t, s, otherAgency(t, s, rep.AgencyID))[0]
	h, _ := s.Home()
	for _, c := range []struct {
		what  string
		write func() error
	}{
		{"another agency's action", func() error {
			_, err := s.SetActionStatus(chair, theirs.ID, 0, model.StatusInProgress, "", 0)
			return err
		}},
		{"a hotspot's risk", func() error {
			_, err := s.SetHotspotRisk(chair, h.Hotspots[0].ID, 0, model.RiskLow, "quieter", 0)
			return err
		}},
		{"a new member", func() error {
			_, err := s.AddMember(chair, model.NewMember{Name: "PC Ann Lee", AgencyID: rep.AgencyID, Role: model.RoleMember})
			return err
		}},
	} {
		n, cmd := loadsFor(t, a, c.write)
		if n != 0 || cmd != nil {
			t.Errorf("%s: %d loads (command %v), want none", c.what, n, cmd != nil)
		}
		settle(a, cmd) // each case on its own: none waits behind another's load
	}
}

// A new action for the rep's agency loads the list again, through Update
// as the feed delivers it, and it is then on the list.
func TestMyActionsLoadsForItsAgencysNewAction(t *testing.T) {
	s := demoStore(t)
	chair, rep := chairOf(t, s), memberActor(t, s, "Sgt Jas Patel")
	a := appOn(t, s, rep, openMine)
	act, err := s.AssignAction(chair, model.NewAction{Text: "Visit the shop owners", AgencyID: rep.AgencyID, Due: model.MustDate("2026-12-08")})
	if err != nil {
		t.Fatal(err)
	}
	run := a.loadsRun
	_, cmd := a.Update(changeMsg(notice(t, a)))
	if a.loadsRun-run != 1 {
		t.Fatalf("%d loads for the agency's new action, want 1", a.loadsRun-run)
	}
	settleLoads(a, cmd)
	if a.mine.data.index(act.ID) < 0 {
		t.Fatalf("%s is not on the list after the load", act.Ref())
	}
}

// settleLoads runs what a notice started without waiting on the feed
// again (the batch also holds the next wait for a notice).
func settleLoads(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		settle(a, batch[0])
		return
	}
}

// Someone else's change to an action on the list is patched in: one
// action read, no load; the list keeps its order (overdue first, then by
// due date) and `/` finds the action by what it now says.
func TestMyActionsPatchesAChangedAction(t *testing.T) {
	s := demoStore(t)
	chair, rep := chairOf(t, s), memberActor(t, s, "Sgt Jas Patel")
	a := appOn(t, s, rep, openMine)
	first := a.mine.data.actions[0] // the overdue one
	n, cmd := loadsFor(t, a, func() error {
		_, err := s.ChangeDue(chair, first.ID, 0, model.MustDate("2027-03-01"), "waiting for the new rota", 0)
		return err
	})
	if n != 0 || cmd == nil {
		t.Fatalf("a change to %s: %d loads, command %v; want a patch", first.Ref(), n, cmd != nil)
	}
	settle(a, cmd)
	fresh := actionsOf(t, s, rep.AgencyID)
	ids := func(acts []model.Action) (out []model.ID) {
		for _, x := range acts {
			out = append(out, x.ID)
		}
		return out
	}
	if got, want := ids(a.mine.data.actions), ids(fresh); !slices.Equal(got, want) {
		t.Fatalf("patched list in order %v, the store's %v", got, want)
	}
	if i := a.mine.data.index(first.ID); a.mine.data.actions[i].Due != model.MustDate("2027-03-01") {
		t.Fatalf("the list still shows %s due %s", first.Ref(), a.mine.data.actions[i].Due)
	}
	if a.mine.overdue != 0 {
		t.Fatalf("%d overdue shown after the only overdue action moved", a.mine.overdue)
	}
	// The rep's own update next: its text is searchable at once.
	a.mine.pick(a.mine.data.index(first.ID))
	settle(a, a.key(keyPress("u")))
	a.typeKeys("Rota agreed with the inspector")
	save := a.key(keyPress("enter"))
	settle(a, save)
	a.key(keyPress("/"))
	a.typeKeys("inspector")
	if len(a.mine.shown) != 1 || a.mine.shown[0].ID != first.ID {
		t.Fatalf("/ inspector shows %v", ids(a.mine.shown))
	}
}

// This session's own save costs My actions no load: the answer patches the
// action in, and its notice finds it there — or, arriving first, finds the
// save still on its way.
func TestMyActionsOwnSaveCostsNoLoad(t *testing.T) {
	s := demoStore(t)
	rep := memberActor(t, s, "Sgt Jas Patel")
	a := appOn(t, s, rep, openMine)
	act, _ := a.mine.selected()
	run := a.loadsRun
	// The notice first, while the save's answer is still to come.
	save := a.key(keyPress(statusKeyFrom(t, act.Status)))
	if cmd := a.changed(notice(t, a)); cmd != nil || a.loadsRun != run {
		t.Fatal("the notice of the session's own save, still being answered, started a read")
	}
	settle(a, save)
	got := a.mine.data.actions[a.mine.data.index(act.ID)]
	if got.Version != act.Version+1 {
		t.Fatalf("the answer did not patch %s in: version %d", act.Ref(), got.Version)
	}
	// The answer first, then the notice.
	settle(a, a.key(keyPress(statusKeyFrom(t, got.Status))))
	if cmd := a.changed(notice(t, a)); cmd != nil || a.loadsRun != run {
		t.Fatal("the notice of a save already patched in started a read")
	}
}

// statusKeyFrom is a My actions key that moves an action on from status.
func statusKeyFrom(t *testing.T, from model.ActionStatus) string {
	t.Helper()
	for key, to := range map[string]model.ActionStatus{"i": model.StatusInProgress, "b": model.StatusBlocked, "o": model.StatusOpen} {
		if model.CheckTransition(from, to) == nil {
			return key
		}
	}
	t.Fatalf("fixture: no quick move from %s", from)
	return ""
}

// A run of notices while the list is being read costs one more load, not
// one each.
func TestMyActionsNoticesCoalesce(t *testing.T) {
	s := demoStore(t)
	chair, rep := chairOf(t, s), memberActor(t, s, "Sgt Jas Patel")
	a := appOn(t, s, rep, openMine)
	run := a.loadsRun
	var first tea.Cmd
	for i := range 5 {
		if _, err := s.AssignAction(chair, model.NewAction{Text: "Leaflet drop", AgencyID: rep.AgencyID, Due: model.MustDate("2026-12-08")}); err != nil {
			t.Fatal(err)
		}
		cmd := a.changed(notice(t, a))
		if i == 0 {
			first = cmd
		}
	}
	if a.loadsRun-run != 1 {
		t.Fatalf("%d loads in flight for five notices", a.loadsRun-run)
	}
	settle(a, first)
	if a.loadsRun-run != 2 || len(actionsOf(t, s, rep.AgencyID)) != len(a.mine.data.actions) {
		t.Fatalf("five notices: %d loads, %d on the list", a.loadsRun-run, len(a.mine.data.actions))
	}
}

// The hotspot page passes over another hotspot and its actions, and
// reloads for its own.
func TestHotspotPageIgnoresOtherHotspots(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	h, _ := s.Home()
	mine, other := h.Hotspots[0], h.Hotspots[1]
	a := appOn(t, s, chair, func(a *App) tea.Cmd { return a.openHotspot(mine.ID) })
	police := memberActor(t, s, "Sgt Jas Patel").AgencyID
	assignOn := func(id model.ID) func() error {
		return func() error {
			_, err := s.AssignAction(chair, model.NewAction{HotspotID: id, Text: "Patrols", AgencyID: police, Due: model.MustDate("2026-12-08")})
			return err
		}
	}
	riskOf := func(id model.ID) func() error {
		return func() error {
			_, err := s.SetHotspotRisk(chair, id, 0, model.RiskLow, "quieter", 0)
			return err
		}
	}
	for _, c := range []struct {
		what  string
		write func() error
		loads int
	}{
		{"another hotspot's risk", riskOf(other.ID), 0},
		{"an action on another hotspot", assignOn(other.ID), 0},
		{"a general action", assignOn(0), 0},
		{"an action on this hotspot", assignOn(mine.ID), 1},
		{"this hotspot's risk", riskOf(mine.ID), 1},
	} {
		n, cmd := loadsFor(t, a, c.write)
		if n != c.loads {
			t.Errorf("%s: %d loads, want %d", c.what, n, c.loads)
		}
		settle(a, cmd)
	}
}

// The people screen passes over actions and hotspots; a member added
// reloads it.
func TestPeopleIgnoresActions(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	a := appOn(t, s, chair, func(a *App) tea.Cmd { return a.openPeople() })
	act := actionsOf(t, s, otherAgency(t, s, 0))[0]
	if n, _ := loadsFor(t, a, func() error {
		_, err := s.SetActionStatus(chair, act.ID, 0, model.StatusBlocked, "", 0)
		return err
	}); n != 0 {
		t.Fatalf("an action's status: %d loads of the people screen", n)
	}
	if n, _ := loadsFor(t, a, func() error {
		_, err := s.AddMember(chair, model.NewMember{Name: "PC Ann Lee", AgencyID: act.AgencyID, Role: model.RoleMember})
		return err
	}); n != 1 {
		t.Fatalf("a new member: %d loads of the people screen, want 1", n)
	}
}

// Home reloads for what it counts (an action's status) and passes over
// what it does not (a member, a note in a meeting).
func TestHomeReloadsForWhatItCounts(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	a := appOn(t, s, chair, func(a *App) tea.Cmd { return func() tea.Msg { return emptyMsg{false} } })
	act := actionsOf(t, s, otherAgency(t, s, 0))[0]
	if n, _ := loadsFor(t, a, func() error {
		_, err := s.AddMember(chair, model.NewMember{Name: "PC Ann Lee", AgencyID: act.AgencyID, Role: model.RoleMember})
		return err
	}); n != 0 {
		t.Fatalf("a new member: %d loads of home", n)
	}
	if n, cmd := loadsFor(t, a, func() error {
		_, err := s.SetActionStatus(chair, act.ID, 0, model.StatusDone, "", 0)
		return err
	}); n != 1 {
		t.Fatalf("an action done: %d loads of home, want 1", n)
	} else {
		settle(a, cmd)
	}
}

// Someone else's change to private business is not named to a session
// that reads the public record only: not even its ref. A public change is.
func TestOthersPrivateChangesAreNotNamedToPublicReaders(t *testing.T) {
	s := demoStore(t)
	viewer := memberActor(t, s, "Cllr Pat Dyson")
	a := New(Config{Store: s, Actor: viewer, Now: fixedClock})
	t.Cleanup(a.Close)
	a.noteOthersChange(store.Change{Op: "note.add", Ref: "HS-3", By: "Helen Marsh", Private: true})
	if a.flash != "" {
		t.Errorf("a public-only reader was told %q", a.flash)
	}
	a.noteOthersChange(store.Change{Op: "note.add", Ref: "HS-1", By: "Helen Marsh"})
	if a.flash != "Helen Marsh: HS-1 note added" {
		t.Errorf("a public change was told as %q", a.flash)
	}
	a.flash = "demo loaded"
	a.noteOthersChange(store.Change{Op: model.OpIncidentsImport, Ref: "police.uk 2026-10", By: model.SystemActor("demo").String()})
	if a.flash != "demo loaded" {
		t.Errorf("a change nobody typed was told as %q", a.flash)
	}
	member := New(Config{Store: s, Actor: memberActor(t, s, "Gary Fletcher"), Now: fixedClock})
	t.Cleanup(member.Close)
	member.noteOthersChange(store.Change{Op: "note.add", Ref: "HS-3", By: "Helen Marsh", Private: true})
	if member.flash != "Helen Marsh: HS-3 note added" {
		t.Errorf("a member, who reads the restricted record, was told %q", member.flash)
	}
}
