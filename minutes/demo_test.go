package minutes

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// Every meeting in the demo history renders to minutes whose structure
// matches its record.
func TestDemoMinutesStructure(t *testing.T) {
	s := openDemo(t)
	ms, err := s.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	closed := 0
	for _, m := range ms {
		if m.State != model.MeetingClosed {
			continue
		}
		closed++
		t.Run(m.Ref(), func(t *testing.T) {
			rec, err := s.MinutesRecord(m.ID)
			if err != nil {
				t.Fatal(err)
			}
			md := Markdown(rec)
			checkStructure(t, rec, md)
			if strings.Contains(md, "DRAFT") {
				t.Error("the minutes of a closed meeting say DRAFT")
			}
		})
	}
	if closed == 0 {
		t.Fatal("the demo has no closed meetings")
	}
}

// The last closed demo meeting: attendance, approved minutes, matters
// arising with this meeting's updates, and an action log that covers them.
func TestDemoLastClosedMeeting(t *testing.T) {
	s := openDemo(t)
	rec := lastClosed(t, s)
	p := checkStructure(t, rec, Markdown(rec))
	idx := rec.Index()

	present, apologies := p.sectionNamed(t, "Present"), p.sectionNamed(t, "Apologies for absence")
	for _, at := range rec.Meeting.Attendance {
		mem := idx.Members[at.MemberID]
		inPresent, inApologies := strings.Contains(present.text, mem.Name), strings.Contains(apologies.text, mem.Name)
		switch {
		case at.Status == model.Present && !inPresent:
			t.Errorf("%s was present but is not listed", mem.Name)
		case at.Status == model.Present && !strings.Contains(present.text, idx.Agencies.Name(mem.AgencyID)):
			t.Errorf("%s's agency %q is not in Present", mem.Name, idx.Agencies.Name(mem.AgencyID))
		case at.Status == model.Apologies && !strings.Contains(apologies.text, mem.Name+" ("+idx.Agencies.Name(mem.AgencyID)+")"):
			t.Errorf("%s sent apologies but is not listed with their agency", mem.Name)
		case at.Status == model.Absent && !(inApologies && strings.Contains(apologies.text, "Absent:")):
			t.Errorf("%s was absent but is not listed as absent", mem.Name)
		case at.Status == model.Unmarked && (inPresent || inApologies):
			t.Errorf("%s was not marked but is listed", mem.Name)
		}
	}
	if chair := idx.Members[rec.Meeting.ChairID]; !strings.Contains(present.text, chair.Name+", "+chair.Title+" (Chair)") {
		t.Errorf("the chair is not marked in %q", present.text)
	}

	minutes := p.sectionNamed(t, "Minutes of the previous meeting")
	if want := "RESOLVED – that the minutes of the meeting held on " + rec.Previous.Date.Long(); !strings.Contains(minutes.text, want) {
		t.Errorf("previous minutes: %q, want %q", minutes.text, want)
	}

	matters := p.sectionNamed(t, "Matters arising")
	reviewed := rec.ReviewedIn(rec.Meeting.ID)
	// Private business is marked: the action, and an update made on it.
	rules := model.PublicRules(rec.Meeting, idx.Hotspots)
	// What the meeting did ends the update, a change with who and when, and
	// the agency's words since the last meeting, not accepted, come first
	// with theirs: a date moved in the meeting does not hide them.
	for _, a := range rec.MattersArising() {
		r := matters.row(t, a.Ref())
		u := reviewed[a.ID]
		did := u.Describe()
		if u.Kind != model.UpdateAccept && u.Kind != model.UpdateReview {
			did = model.Stamped(did, u.By, u.At)
		}
		text := labelled(rules.ActionPrivacy(a), a.Text)
		if r[1] != text || r[4] != statusLabel(a, rec.Today) || !strings.HasSuffix(r[5], did) || !strings.HasPrefix(r[5], labelled(u.Privacy, "")) {
			t.Errorf("matters arising row %q, want text %q, status %q, update ending %q", r, text, statusLabel(a, rec.Today), did)
		}
		if u.By != "" && u.Kind != model.UpdateAccept && u.Kind != model.UpdateReview && !strings.Contains(r[5], "("+u.By+", ") {
			t.Errorf("matters arising row %q does not say who changed it", r)
		}
		if news := a.LastUpdate != "" && a.LastUpdateAt.After(rec.Previous.ClosedAt) && u.Kind != model.UpdateAccept && !a.Status.IsClosed(); news &&
			!strings.Contains(r[5], model.Clause(a.LastUpdate)+" ("+a.LastUpdateBy+", ") {
			t.Errorf("matters arising row %q hides %s's words %q", r, a.LastUpdateBy, a.LastUpdate)
		}
	}

	log := p.sectionNamed(t, "Action log")
	for _, a := range wantActionLog(rec) {
		if r := log.row(t, a.Ref()); r[5] != statusLabel(a, rec.Today) {
			t.Errorf("action log %s status %q, want %q", a.Ref(), r[5], statusLabel(a, rec.Today))
		}
	}
}

func statusLabel(a model.Action, today model.Date) string {
	if a.IsOverdue(today) {
		return a.Status.Label() + " (overdue)"
	}
	return a.Status.Label()
}
