package minutes

import (
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store/bolt"
)

// A meeting run through the store, as the chair would in the TUI: its
// minutes are a DRAFT while it is open, final once closed, and what was
// done under each item is minuted under that item.
func TestMeetingThroughTheStore(t *testing.T) {
	s := openDemo(t)
	members, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := s.Agencies()
	if err != nil {
		t.Fatal(err)
	}
	member := func(name string) model.Member {
		t.Helper()
		m, err := model.FindMember(members, name)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	agency := func(name string) model.Agency {
		t.Helper()
		a, err := model.FindAgency(agencies, name)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	chair, sgt, louise, priya := member("Helen Marsh"), member("Sgt Jas Patel"), member("Louise Birch"), member("Priya Shah")
	police, fire := agency("Police"), agency("Fire")
	as := model.ActorFor(chair)

	m, err := s.StartMeeting(as, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	must(s.SetAttendance(as, m.ID, chair.ID, model.Present))
	must(s.SetAttendance(as, m.ID, sgt.ID, model.Present))
	must(s.SetAttendance(as, m.ID, louise.ID, model.Apologies))
	must(s.AddGuest(as, m.ID, nil, model.Guest{Name: "Karen Doyle", Agency: "Chesterfield Royal Hospital"}))
	must(s.RecordConfidentiality(as, m.ID))
	must(s.AddDeclaration(as, m.ID, sgt.ID, nil, "", 0, "A personal interest in the Holme Hall item."))
	must(s.ApprovePreviousMinutes(as, m.ID))

	// Matters arising: one action finished, one carried forward.
	rec, err := s.MeetingRecord(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	open := rec.MattersArising()
	if len(open) < 2 {
		t.Fatalf("the demo should leave matters arising; got %d", len(open))
	}
	done, carried := open[0], open[1]
	must(s.SetActionStatus(as, done.ID, 0, model.StatusDone, "Finished at the weekend.", m.ID))
	must(s.ChangeDue(as, carried.ID, 0, model.MustDate("2026-12-08"), "waiting on the landlord", m.ID))

	// The first hotspot on the agenda.
	hs := m.Agenda[slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.Kind == model.ItemHotspot })].HotspotID
	patrols, err := s.AssignAction(as, model.NewAction{HotspotID: hs, Text: "Joint patrols Fri/Sat", AgencyID: police.ID,
		Officer: "PCSO Nadia Khan", Due: model.MustDate("2026-12-01"), MeetingID: m.ID})
	if err != nil {
		t.Fatal(err)
	}
	must(s.RecordDecision(as, m.ID, model.ItemHotspot, hs, "RESOLVED – That joint patrols continue for four weeks", false))
	must(s.RecordDecision(as, m.ID, model.ItemHotspot, hs, "that the named young person be referred to Early Help", true))
	must(s.AddNote(as, m.ID, model.ItemHotspot, hs, "groups of 15 at the bus station on Friday.", false))
	must(s.AddNote(as, m.ID, model.ItemHotspot, hs, "One of the group is a looked-after child.", true))
	must(s.AddNote(as, m.ID, model.ItemAOB, 0, "Bonfire period: sites list wanted by Friday.", false))
	bonfire, err := s.AssignAction(as, model.NewAction{Text: "Share the list of bonfire sites", AgencyID: fire.ID,
		Due: model.MustDate("2026-11-27"), MeetingID: m.ID})
	if err != nil {
		t.Fatal(err)
	}
	must(s.SetNextMeeting(as, m.ID, nil, model.MustDate("2026-12-08"), "10:00", "Committee Room 2"))

	check := func(t *testing.T, rec model.MeetingRecord) parsed {
		t.Helper()
		md := Markdown(rec)
		p := checkStructure(t, rec, md)
		idx := rec.Index()
		h := idx.Hotspots[hs]

		item := p.sectionNamed(t, ". "+h.Ref()+" ")
		if r := item.row(t, patrols.Ref()); r[1] != "Joint patrols Fri/Sat" || r[2] != police.Label()+" (PCSO Nadia Khan)" || r[3] != "1 Dec 2026" {
			t.Errorf("the assigned action's row is %q", r)
		}
		for _, want := range []string{
			"Ward: " + h.Ward, "Lead agency: " + idx.Agencies.Name(h.LeadAgencyID),
			"Groups of 15 at the bus station on Friday.",
			"[private, para 1] One of the group is a looked-after child.",
			"RESOLVED – that joint patrols continue for four weeks.",
			"[private, para 1] RESOLVED – that the named young person be referred to Early Help.",
		} {
			if !strings.Contains(item.text, want) {
				t.Errorf("%q does not say %q:\n%s", item.heading, want, item.text)
			}
		}
		// …and only there (and in the action log).
		for _, sec := range p.sections {
			if sec.heading == item.heading || strings.Contains(sec.heading, "Action log") {
				continue
			}
			if strings.Contains(sec.text, "RESOLVED – that joint patrols") || slices.ContainsFunc(sec.tables, func(tb mdTable) bool {
				return slices.ContainsFunc(tb.rows, func(r []string) bool { return r[0] == patrols.Ref() })
			}) {
				t.Errorf("%q also minutes the town centre business", sec.heading)
			}
		}

		present := p.sectionNamed(t, "Present")
		for _, want := range []string{police.Name + ": " + sgt.Name, chair.Name + ", " + chair.Title + " (Chair)", "Karen Doyle (Chesterfield Royal Hospital)"} {
			if !strings.Contains(present.text, want) {
				t.Errorf("Present does not say %q:\n%s", want, present.text)
			}
		}
		if strings.Contains(present.text, louise.Name) || strings.Contains(present.text, priya.Name) {
			t.Errorf("Present lists someone who was not there:\n%s", present.text)
		}
		// Apologies, then (once closed) those not there: Priya was never
		// marked, so she is absent, not an apology.
		a := p.sectionNamed(t, "Apologies for absence")
		apologies, absent, _ := strings.Cut(a.text, "Absent:")
		if !strings.Contains(apologies, louise.Name+" (CBC Housing)") || strings.Contains(apologies, priya.Name) {
			t.Errorf("Apologies: %s", a.text)
		}
		if rec.Meeting.State == model.MeetingClosed && !strings.Contains(absent, priya.Name+" (CBC Community Safety)") {
			t.Errorf("Priya Shah is not listed as absent: %s", a.text)
		}
		if d := p.sectionNamed(t, "Declarations of interest"); !strings.Contains(d.text, sgt.Name+": A personal interest in the Holme Hall item.") {
			t.Errorf("Declarations: %s", d.text)
		}
		if d := p.sectionNamed(t, "Minutes of the previous meeting"); !strings.Contains(d.text, "RESOLVED – that the minutes of the meeting held on "+rec.Previous.Date.Long()) {
			t.Errorf("Previous minutes: %s", d.text)
		}
		matters := p.sectionNamed(t, "Matters arising")
		if r := matters.row(t, done.Ref()); r[4] != "done" || !strings.HasSuffix(r[5], "→ done: Finished at the weekend ("+as.Name+", 24 Nov).") {
			t.Errorf("the finished action's row is %q", r)
		}
		// The carried action is private business (in the demo, about a
		// named person): so are its row and the update made on it.
		rules, update := model.PublicRules(rec.Meeting, idx.Hotspots), rec.ReviewedIn(m.ID)[carried.ID]
		if r := matters.row(t, carried.Ref()); r[1] != labelled(rules.ActionPrivacy(carried), carried.Text) || r[3] != "8 Dec 2026" ||
			r[5] != labelled(update.Privacy, "due "+carried.Due.Short()+" → 08 Dec: waiting on the landlord ("+as.Name+", 24 Nov)") {
			t.Errorf("the carried-forward action's row is %q", r)
		}
		aob := p.sectionNamed(t, "Any other business")
		if r := aob.row(t, bonfire.Ref()); r[1] != "Share the list of bonfire sites" || r[2] != fire.Label() {
			t.Errorf("the general action's row is %q", r)
		}
		if !strings.Contains(aob.text, "Bonfire period: sites list wanted by Friday.") {
			t.Errorf("AOB: %s", aob.text)
		}
		if next := p.sectionNamed(t, "Date of next meeting"); !strings.Contains(next.text, "Tuesday 8 December 2026 at 10.00 am, Committee Room 2.") {
			t.Errorf("next meeting: %s", next.text)
		}
		if c := p.sections[0].text; !strings.Contains(c, "The Chair read the confidentiality statement:\n"+model.DefaultConfidentialityStatement) {
			t.Errorf("confidentiality: %s", c)
		}
		return p
	}

	t.Run("open: a draft", func(t *testing.T) {
		rec, err := s.MeetingRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		p := check(t, rec)
		if !strings.Contains(p.sections[0].text, "DRAFT — these minutes are not final.") {
			t.Errorf("an open meeting's minutes do not say DRAFT near the top:\n%s", p.sections[0].text)
		}
	})
	t.Run("closed: final", func(t *testing.T) {
		if _, err := s.CloseMeeting(as, m.ID); err != nil {
			t.Fatal(err)
		}
		rec, err := s.MeetingRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		check(t, rec)
		if md := Markdown(rec); strings.Contains(md, "DRAFT") {
			t.Error("a closed meeting's minutes say DRAFT")
		}
	})
	t.Run("planned: a draft of the agenda it would open with", func(t *testing.T) {
		next, ok := plannedMeeting(t, s)
		if !ok {
			t.Fatal("closing the meeting did not plan the next one")
		}
		rec, err := s.MeetingRecord(next.ID)
		if err != nil {
			t.Fatal(err)
		}
		p := parse(t, Markdown(rec))
		if !strings.Contains(p.sections[0].text, "DRAFT") || !strings.Contains(p.sections[0].text, "has not started") {
			t.Errorf("a planned meeting's minutes: %s", p.sections[0].text)
		}
		checkStructure(t, rec, Markdown(rec))
		if rec.Previous == nil || rec.Previous.ID != m.ID || len(rec.Meeting.Agenda) < 8 {
			t.Errorf("a planned meeting's draft: previous %v, %d agenda items", rec.Previous, len(rec.Meeting.Agenda))
		}
		if a := p.sectionNamed(t, "Minutes of the previous meeting"); !strings.Contains(a.text, "were not yet approved") {
			t.Errorf("previous minutes: %s", a.text)
		}
	})
}

func plannedMeeting(t *testing.T, s *bolt.File) (model.Meeting, bool) {
	t.Helper()
	ms, err := s.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.State == model.MeetingPlanned {
			return m, true
		}
	}
	return model.Meeting{}, false
}
