package minutes

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Distinctive strings seeded into every confidential field of a meeting run
// through the store. None may reach any public format; all but the hotspot's
// confidential notes must reach the restricted one (so the test proves the
// filter, not an empty document).
var (
	// private: in the restricted minutes only.
	privateMarks = []string{
		"ZZCONFNOTE",         // a confidential note under a Part 1 item
		"ZZCONFAMEND",        // the reason the confidential note was amended
		"ZZPART2DEC",         // a Part 2 resolution under a Part 1 item
		"ZZOFFICER",          // a named officer on a Part 1 action
		"ZZPART2ITEMNOTE",    // a plain note under a Part 2 item
		"ZZPART2ITEMDEC",     // a plain resolution under a Part 2 item
		"ZZPART2ITEMACTION",  // an action under a Part 2 item
		"ZZPERSONALACTION",   // an action on a personal-category hotspot (a Part 1 item)
		"ZZREPUPDATE",        // a rep's update between meetings, accepted in matters arising
		"ZZPERSONALREFERRAL", // a new referral in the personal category
	}
	// never: in no version at all.
	neverMarks = []string{"ZZHOTSPOTCONF"} // Hotspot.ConfidentialNotes
	// public: Part 1 business that both versions show.
	publicMarks = []string{"ZZPUBLICNOTE", "ZZPUBLICDEC", "ZZPUBLICACTION", "ZZPUBLICREFERRAL", "ZZPUBLICAMEND"}
)

func TestPublicMinutesLeakNothing(t *testing.T) {
	s := openDemoWith(t, func(d *store.Dataset) {
		for i := range d.Hotspots {
			d.Hotspots[i].ConfidentialNotes = "ZZHOTSPOTCONF " + d.Hotspots[i].ConfidentialNotes
		}
	})
	members, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := s.Agencies()
	if err != nil {
		t.Fatal(err)
	}
	hotspots, err := s.Hotspots()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[model.ID]model.Hotspot{}
	for _, h := range hotspots {
		byID[h.ID] = h
	}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	chair, err := model.FindMember(members, "Helen Marsh")
	if err != nil {
		t.Fatal(err)
	}
	as := model.ActorFor(chair)
	police, err := model.FindAgency(agencies, "Police")
	if err != nil {
		t.Fatal(err)
	}

	// Between meetings: a rep updates an open action on a Part 1,
	// non-personal hotspot that the next meeting will review.
	open, err := s.Actions(model.ActionFilter{Today: demoToday})
	if err != nil {
		t.Fatal(err)
	}
	var repAction model.Action
	var rep model.Member
	for _, a := range open {
		h, ok := byID[a.HotspotID]
		if a.Status.IsClosed() || !ok || h.Category == model.CategoryPersonal {
			continue
		}
		if i := slices.IndexFunc(members, func(m model.Member) bool { return m.AgencyID == a.AgencyID && m.Role == model.RoleMember }); i >= 0 {
			repAction, rep = a, members[i]
			break
		}
	}
	if repAction.ID == 0 {
		t.Fatal("the demo has no open action on a Part 1 hotspot with a rep to update it")
	}
	must(s.AddActionNote(model.ActorFor(rep), repAction.ID, "ZZREPUPDATE spoke to the tenant at number 7, who named the culprit", 0))

	m, err := s.StartMeeting(as, model.Date{})
	if err != nil {
		t.Fatal(err)
	}
	must(s.SetAttendance(as, m.ID, chair.ID, model.Present))
	must(s.AddGuest(as, m.ID, model.Guest{Name: "Karen Doyle", Agency: "Chesterfield Royal Hospital"}))
	must(s.RecordConfidentiality(as, m.ID))
	must(s.AcceptUpdate(as, repAction.ID, 0, m.ID))

	// Three hotspot items: a Part 1 one (not personal, not the rep's), one
	// taken in Part 2, and a personal-category one (always in private).
	var part1, part2, personal model.ID
	for _, it := range m.Agenda {
		if it.Kind != model.ItemHotspot {
			continue
		}
		h := byID[it.HotspotID]
		switch {
		case h.Category == model.CategoryPersonal && personal == 0:
			personal = h.ID
		case h.Category != model.CategoryPersonal && h.ID != repAction.HotspotID && part1 == 0:
			part1 = h.ID
		case h.Category != model.CategoryPersonal && h.ID != repAction.HotspotID && part2 == 0:
			part2 = h.ID
		}
	}
	if i := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == part2 }); i >= 0 {
		must(s.SetItemPart2(as, m.ID, i, true, 0))
	}
	if part1 == 0 || part2 == 0 || personal == 0 {
		t.Fatalf("the demo agenda lacks the hotspots this test needs: %v %v %v", part1, part2, personal)
	}

	confNote, err := s.AddNote(as, m.ID, model.ItemHotspot, part1, "ZZCONFNOTE the victim, Mrs Example, lives at number 4.", true)
	if err != nil {
		t.Fatal(err)
	}
	publicNote, err := s.AddNote(as, m.ID, model.ItemHotspot, part1, "ZZPUBLICNOTE groups of 15 at the bus station.", false)
	if err != nil {
		t.Fatal(err)
	}
	must(s.RecordDecision(as, m.ID, model.ItemHotspot, part1, "that ZZPUBLICDEC patrols continue", false))
	must(s.RecordDecision(as, m.ID, model.ItemHotspot, part1, "that ZZPART2DEC the named youth be referred to Early Help", true))
	must(s.AssignAction(as, model.NewAction{HotspotID: part1, Text: "ZZPUBLICACTION joint patrols Fri/Sat", AgencyID: police.ID,
		Officer: "ZZOFFICER Smith", Due: model.MustDate("2026-12-01"), MeetingID: m.ID}))

	must(s.AddNote(as, m.ID, model.ItemHotspot, part2, "ZZPART2ITEMNOTE the family at number 9.", false))
	must(s.RecordDecision(as, m.ID, model.ItemHotspot, part2, "that ZZPART2ITEMDEC a CPN be served", false))
	must(s.AssignAction(as, model.NewAction{HotspotID: part2, Text: "ZZPART2ITEMACTION serve the CPN", AgencyID: police.ID,
		Due: model.MustDate("2026-12-01"), MeetingID: m.ID}))

	must(s.AssignAction(as, model.NewAction{HotspotID: personal, Text: "ZZPERSONALACTION visit the victim", AgencyID: police.ID,
		Due: model.MustDate("2026-12-01"), MeetingID: m.ID}))

	must(s.AddHotspot(as, model.NewHotspot{Title: "ZZPERSONALREFERRAL harassment of a neighbour", Location: "Elm Close",
		Ward: "Hasland", Category: model.CategoryPersonal, Risk: model.RiskHigh, LeadAgencyID: police.ID}, m.ID))
	must(s.AddHotspot(as, model.NewHotspot{Title: "ZZPUBLICREFERRAL fly-tipping behind the shops", Ward: "Rother",
		Category: model.CategoryEnvironmental, Risk: model.RiskLow, LeadAgencyID: police.ID}, m.ID))
	must(s.SetNextMeeting(as, m.ID, model.MustDate("2026-12-08"), "10:00", ""))

	check := func(t *testing.T, rec model.MeetingRecord, amended bool) {
		private, public := privateMarks, publicMarks
		if !amended {
			private = slices.DeleteFunc(slices.Clone(private), func(s string) bool { return s == "ZZCONFAMEND" })
			public = slices.DeleteFunc(slices.Clone(public), func(s string) bool { return s == "ZZPUBLICAMEND" })
		}
		// What the public version must count: the Part 2 items on the
		// agenda (the demo puts its other personal hotspots in Part 2), the
		// Part 2 resolution under a Part 1 item, and the personal referral
		// unless its own item is in Part 2 already.
		want := 1
		for _, it := range rec.Meeting.Agenda {
			if it.Part2 {
				want++
			}
			if h := byIDOf(rec, it.HotspotID); it.Kind == model.ItemHotspot && !it.Part2 && strings.HasPrefix(h.Title, "ZZPERSONALREFERRAL") {
				want++
			}
		}
		notice := fmt.Sprintf("%d items were considered in private (Part 2) and are not included in this version; confidential notes and officers' names are left out.", want)

		for _, f := range Formats {
			pub, err := Render(rec, f, Options{Public: true})
			if err != nil {
				t.Fatal(err)
			}
			res, err := Render(rec, f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			p, r := readable(pub, f), readable(res, f)
			for _, s := range private {
				if strings.Contains(p, strings.ToLower(s)) {
					t.Errorf("%s: the public minutes contain %s", f, s)
				}
				if !strings.Contains(r, strings.ToLower(s)) {
					t.Errorf("%s: the restricted minutes lack %s (so the test proves nothing)", f, s)
				}
			}
			for _, s := range neverMarks {
				if strings.Contains(p, strings.ToLower(s)) || strings.Contains(r, strings.ToLower(s)) {
					t.Errorf("%s: a hotspot's confidential notes reached the minutes", f)
				}
			}
			for _, s := range public {
				if !strings.Contains(p, strings.ToLower(s)) || !strings.Contains(r, strings.ToLower(s)) {
					t.Errorf("%s: Part 1 business %s is missing from a version", f, s)
				}
			}
			if f != JSON && !strings.Contains(p, strings.ToLower(notice)) {
				t.Errorf("%s: the public minutes do not say %q", f, notice)
			}
			if !strings.Contains(p, strings.ToLower(publicClassification)) {
				t.Errorf("%s: the public minutes lack the classification", f)
			}
			if !regexp.MustCompile(`\b` + strings.ToLower(repAction.Ref()) + `\b`).MatchString(p) {
				t.Errorf("%s: the public minutes lack the reviewed action %s", f, repAction.Ref())
			}
		}

		doc := BuildWith(rec, Options{Public: true})
		if doc.PrivateNotice != notice || doc.PrivateItems != want {
			t.Errorf("public notice %q (%d), want %q", doc.PrivateNotice, doc.PrivateItems, notice)
		}
		if n := BuildWith(rec, Options{}).PrivateItems; n != want {
			t.Errorf("the restricted version counts %d private items, the public %d", n, want)
		}
		// Matters arising keeps the rep's action with the structured part
		// of what the meeting did with it.
		i := slices.IndexFunc(doc.Items, func(it Item) bool { return it.Kind == model.ItemMatters })
		j := slices.IndexFunc(doc.Items[i].Matters, func(r MatterRow) bool { return r.Ref == repAction.Ref() })
		if j < 0 || doc.Items[i].Matters[j].Update != "update accepted" {
			t.Errorf("public matters arising: %+v", doc.Items[i].Matters)
		}
		for _, a := range allRows(doc) {
			if a.Officer != "" || a.Owner != a.Agency {
				t.Errorf("public action %s names an officer: %+v", a.Ref, a)
			}
			if h := byIDOf(rec, hotspotIDOf(a.Hotspot)); h.Category == model.CategoryPersonal || h.ID == part2 {
				t.Errorf("public minutes list %s on %s", a.Ref, a.Hotspot)
			}
		}
		for _, it := range doc.Items {
			if it.Part2 {
				t.Errorf("public minutes hold Part 2 item %d", it.Number)
			}
			if it.Hotspot != nil && byIDOf(rec, hotspotIDOf(it.Hotspot.Ref)).Category == model.CategoryPersonal {
				t.Errorf("public minutes give the facts of personal hotspot %s", it.Hotspot.Ref)
			}
			for _, n := range it.Notes {
				if n.Confidential || n.Ref != "" {
					t.Errorf("public note %+v", n)
				}
			}
			for _, r := range it.Resolutions {
				if r.Part2 || r.Ref != "" {
					t.Errorf("public resolution %+v", r)
				}
			}
		}
	}

	t.Run("open", func(t *testing.T) {
		rec, err := s.MeetingRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		check(t, rec, false)
	})
	t.Run("closed and amended", func(t *testing.T) {
		must(s.CloseMeeting(as, m.ID))
		must(s.Amend(as, confNote.Ref(), "ZZCONFNOTE the victim lives at number 6.", "ZZCONFAMEND wrong house number"))
		must(s.Amend(as, publicNote.Ref(), "ZZPUBLICNOTE groups of 20 at the bus station.", "ZZPUBLICAMEND the count was 20"))
		rec, err := s.MeetingRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		check(t, rec, true)
		md := Markdown(rec)
		if !strings.Contains(md, "(amended on 24 November 2026 by Helen Marsh: ZZPUBLICAMEND the count was 20)") {
			t.Errorf("the amended note is not marked as amended:\n%s", md)
		}
	})
}

// readable is the output as a reader sees it, lower-cased: HTML with its
// entities resolved, text with its lines joined (a phrase may wrap).
func readable(b []byte, f Format) string {
	s := string(b)
	switch f {
	case HTML:
		s = html.UnescapeString(s)
	case TXT, MD:
		s = strings.Join(strings.Fields(s), " ")
	}
	return strings.ToLower(s)
}

func allRows(d Doc) []ActionRow {
	rows := slices.Clone(d.ActionLog)
	for _, it := range d.Items {
		rows = append(rows, it.Actions...)
		for _, m := range it.Matters {
			rows = append(rows, m.ActionRow)
		}
	}
	return rows
}

func hotspotIDOf(ref string) model.ID {
	id, err := model.ParseRef(model.HotspotPrefix, ref)
	if err != nil {
		return 0
	}
	return id
}

func byIDOf(rec model.MeetingRecord, id model.ID) model.Hotspot {
	for _, h := range rec.Hotspots {
		if h.ID == id {
			return h
		}
	}
	return model.Hotspot{}
}
