package tui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// A rep opens "propose a new due date" while a colleague moves the date in
// another session (or the command line). The rep's save is refused with
// who changed what and when; the form stays open with the typing kept and
// the fresh date shown; saving again is a deliberate second save.
func TestAFormSavesAgainstWhatItShowed(t *testing.T) {
	s := demoStore(t)
	sgt, insp := memberActor(t, s, "Sgt Jas Patel"), memberActor(t, s, "Insp Claire Dunn")
	ss := startSession(t, s, sgt, 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("A")
	ss.waitFor("My actions · Derbyshire Constabulary")
	ss.keys("p")
	ss.waitFor("New due date · ")
	scr := ss.screen()
	m := regexp.MustCompile(`New due date · (A-\d+)`).FindStringSubmatch(scr)
	if m == nil {
		t.Fatalf("no action in the form's title:\n%s", scr)
	}
	id, err := model.ParseRef(model.ActionPrefix, m[1])
	if err != nil {
		t.Fatal(err)
	}
	shown, _ := s.Action(id)
	ss.typeText("+3w")
	ss.keys("tab")
	ss.typeText("Waiting for the contractor")

	// Meanwhile the inspector moves the date six weeks on.
	now, err := s.ChangeDue(insp, id, shown.Version, shown.Due.AddDays(42), "the court date moved", 0)
	if err != nil {
		t.Fatal(err)
	}
	ss.keys("enter")
	ss.waitFor(m[1]+" was changed by Insp Claire Dunn at 10:00: now due", "not saved")
	// The typing is kept, and the form shows the date as it is now.
	ss.waitFor("Waiting for the contractor", "now due "+now.Due.Format("Mon 2 Jan 2006"))
	if got, _ := s.Action(id); got.Due != now.Due || got.Version != now.Version {
		t.Fatalf("the refused save changed the action: %+v", got)
	}

	// A second save is deliberate: it goes through, over the change.
	ss.keys("enter")
	ss.waitFor(m[1] + " now due")
	got, _ := s.Action(id)
	if want := model.DateOf(testNow).AddDays(21); got.Due != want || got.Version != now.Version+1 || got.LastUpdateBy != sgt.Name {
		t.Fatalf("after the second save: due %s (want %s), version %d (want %d), by %s", got.Due, want, got.Version, now.Version+1, got.LastUpdateBy)
	}
	hist, _ := s.ActionHistory(id)
	var reasons []string
	for _, u := range hist {
		if u.Kind == model.UpdateDue {
			reasons = append(reasons, u.Text)
		}
	}
	if strings.Join(reasons, " | ") != "the court date moved | Waiting for the contractor" {
		t.Fatalf("the history keeps both changes: %q", reasons)
	}
	ss.finish()
}

// The screen behind a form reloads when others change the record; the
// form still saves against the version it opened with, so a change read
// in meanwhile is a conflict, not a licence.
func TestALiveReloadDoesNotMoveTheFormsVersion(t *testing.T) {
	s := demoStore(t)
	sgt, insp := memberActor(t, s, "Sgt Jas Patel"), memberActor(t, s, "Insp Claire Dunn")
	ss := startSession(t, s, sgt, 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("A")
	ss.waitFor("My actions · Derbyshire Constabulary")
	ss.keys("d") // done: the completion note form
	ss.waitFor("Done · ")
	scr := ss.screen()
	m := regexp.MustCompile(`Done · (A-\d+)`).FindStringSubmatch(scr)
	id, _ := model.ParseRef(model.ActionPrefix, m[1])
	shown, _ := s.Action(id)
	if _, err := s.SetActionStatus(insp, id, shown.Version, model.StatusBlocked, "waiting on the CPS", 0); err != nil {
		t.Fatal(err)
	}
	// The list behind the form reads the change (its footer names it).
	ss.waitFor("Insp Claire Dunn")
	ss.typeText("All visits made")
	ss.keys("enter")
	ss.waitFor(m[1]+" was changed by Insp Claire Dunn at 10:00: now blocked", "not saved")
	if got, _ := s.Action(id); got.Status != model.StatusBlocked {
		t.Fatalf("the stale save went through: %+v", got)
	}
	ss.finish()
}

// A progress update saved by mistake ("x") is put right from My actions:
// U corrects its words (the minutes and the log then say "(corrected)"),
// and U again withdraws it, the one before becoming the latest again.
func TestCorrectAndWithdrawAnUpdateInMyActions(t *testing.T) {
	s := demoStore(t)
	sgt := memberActor(t, s, "Sgt Jas Patel")
	ss := startSession(t, s, sgt, 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("A")
	ss.waitFor("My actions · Derbyshire Constabulary")
	ss.keys("u")
	ss.waitFor("Progress update · ")
	scr := ss.screen()
	m := regexp.MustCompile(`Progress update · (A-\d+)`).FindStringSubmatch(scr)
	if m == nil {
		t.Fatalf("no action in the form's title:\n%s", scr)
	}
	id, _ := model.ParseRef(model.ActionPrefix, m[1])
	before, _ := s.Action(id)
	ss.typeText("x")
	ss.keys("enter")
	ss.waitFor("update added to " + m[1])

	ss.keys("U")
	ss.waitFor("Put right the latest update · "+m[1], "now: x")
	ss.keys("enter") // correct its words
	ss.typeText("Two patrols done on Friday")
	ss.keys("enter")
	ss.typeText("typed before I had finished")
	ss.keys("enter")
	ss.waitFor(m[1] + ": latest update corrected")
	if a, _ := s.Action(id); a.LastUpdate != "Two patrols done on Friday (corrected)" {
		t.Fatalf("latest after the correction: %q", a.LastUpdate)
	}

	ss.keys("U")
	ss.waitFor("Put right the latest update · " + m[1])
	ss.keys("right", "enter", "enter")
	ss.typeText("it was the wrong action")
	ss.keys("enter")
	ss.waitFor(m[1] + ": latest update withdrawn")
	if a, _ := s.Action(id); a.LastUpdate != before.LastUpdate {
		t.Fatalf("latest after the withdrawal: %q, want the one before: %q", a.LastUpdate, before.LastUpdate)
	}
	ss.finish()
}

// The rep opens U on their mistaken "x" while a colleague adds a real
// update: the save is refused, and the form now says which words a second
// save would correct — the colleague's, not the "x" it opened on.
func TestACorrectionFormSaysWhatASecondSaveCorrects(t *testing.T) {
	s := demoStore(t)
	sgt := memberActor(t, s, "Sgt Jas Patel")
	claire := memberActor(t, s, "Insp Claire Dunn")
	ss := startSession(t, s, sgt, 120, 36)
	ss.waitFor("Hotspots by risk")
	ss.keys("A")
	ss.waitFor("My actions · Derbyshire Constabulary")
	ss.keys("u")
	ss.waitFor("Progress update · ")
	m := regexp.MustCompile(`Progress update · (A-\d+)`).FindStringSubmatch(ss.screen())
	if m == nil {
		t.Fatalf("no action in the form's title:\n%s", ss.screen())
	}
	id, _ := model.ParseRef(model.ActionPrefix, m[1])
	ss.typeText("x")
	ss.keys("enter")
	ss.waitFor("update added to " + m[1])
	ss.keys("U")
	ss.waitFor("Put right the latest update · "+m[1], "now: x")
	act, _ := s.Action(id)
	if _, err := s.AddActionNote(claire, id, act.Version, "Patrols doubled at weekends", 0); err != nil {
		t.Fatal(err)
	}
	ss.keys("enter")
	ss.typeText("Two patrols done on Friday")
	ss.keys("enter")
	ss.typeText("typed before I had finished")
	ss.keys("enter")
	ss.waitFor(m[1]+" was changed by Insp Claire Dunn", "Corrected words (now: Patrols doubled at weekends)")
	ss.finish()
}

// The chair edits Priya's title while someone else gives her a phone
// number: the save is refused naming the change, the untouched phone field
// now shows the new number, the typed title is kept, and the second save
// keeps both.
func TestAMemberFormKeepsWhatAnotherChanged(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	ss := startSession(t, s, chair, 140, 40)
	ss.waitFor("Hotspots by risk")
	ss.keys("P")
	ss.waitFor("People and agencies", "▸ Helen Marsh")
	ss.keys("j", "j")
	ss.waitFor("▸ Priya Shah")
	ss.keys("e")
	ss.waitFor("Edit · Priya Shah")
	ms, _ := s.Members()
	priya, _ := model.FindMember(ms, "Priya Shah")
	// Meanwhile, from the command line: a phone number.
	n := model.FromMember(priya)
	n.Phone = "01246 345678"
	n.Role = model.RoleMember // a choice the form shows, not moved by the chair
	if _, err := s.EditMember(chair, priya.ID, priya.Version, n); err != nil {
		t.Fatal(err)
	}
	// The chair changes the title (the fifth field) and saves.
	ss.keys("tab", "tab", "tab", "tab")
	ss.keys("ctrl+u")
	ss.typeText("Senior Analyst")
	ss.keys("ctrl+s")
	ss.waitFor("Priya Shah was changed by", "now member; phone now 01246 345678")
	ss.waitFor("01246 345678", "Senior Analyst", "● member")
	ss.keys("ctrl+s")
	ss.waitFor("Priya Shah saved")
	ms, _ = s.Members()
	got, _ := model.FindMember(ms, "Priya Shah")
	if got.Phone != "01246 345678" || got.Title != "Senior Analyst" || got.Role != model.RoleMember {
		t.Fatalf("after the second save: phone %q, title %q, role %s; want both changes kept", got.Phone, got.Title, got.Role)
	}
	ss.finish()
}

// The chair gives an agency a short name while someone renames it: the
// refusal names the rename, the untouched name field shows the new name,
// and the second save keeps both (it put the old name back).
func TestAnAgencyFormKeepsWhatAnotherChanged(t *testing.T) {
	s := demoStore(t)
	chair := chairOf(t, s)
	ss := startSession(t, s, chair, 140, 40)
	ss.waitFor("Hotspots by risk")
	ss.keys("P")
	ss.waitFor("People and agencies", "▸ Helen Marsh")
	ss.keys("tab")
	ss.waitFor("▸ CBC Community Safety")
	ss.keys("e")
	ss.waitFor("Rename · CBC Community Safety")
	ags, _ := s.Agencies()
	var ag model.Agency
	for _, x := range ags {
		if x.Name == "CBC Community Safety" {
			ag = x
		}
	}
	// Meanwhile, from the command line: the full name.
	if _, err := s.RenameAgency(chair, ag.ID, ag.Version, "Chesterfield BC Community Safety", ag.ShortName); err != nil {
		t.Fatal(err)
	}
	ss.keys("tab", "ctrl+u")
	ss.typeText("CSP Team")
	ss.keys("ctrl+s")
	ss.waitFor("CBC Community Safety was changed by", "not saved")
	ss.waitFor("    Chesterfield BC Community Safety", "CSP Team")
	ss.keys("ctrl+s")
	ss.waitFor("Chesterfield BC Community Safety saved")
	ags, _ = s.Agencies()
	for _, x := range ags {
		if x.ID == ag.ID && (x.Name != "Chesterfield BC Community Safety" || x.ShortName != "CSP Team") {
			t.Fatalf("after the second save: %q (%q); want the rename and the short name kept", x.Name, x.ShortName)
		}
	}
	ss.finish()
}
