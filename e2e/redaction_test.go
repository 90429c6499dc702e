package e2e

import (
	"archive/zip"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
)

// markers are distinct words seeded into every field of every kind of
// record. PUBnn may be published; PRVnn may not; NEVnn appears in no output
// at all. A public output must hold every PUB marker it is about (so the
// test cannot pass by printing nothing) and no PRV or NEV marker.
type markers struct {
	n    int
	pub  []string
	prv  []string
	what map[string]string // marker → the field it was put in
}

func (mk *markers) next(kind, what string) string {
	mk.n++
	m := fmt.Sprintf("%s%02d", kind, mk.n)
	switch kind {
	case "PUB":
		mk.pub = append(mk.pub, m)
	case "PRV":
		mk.prv = append(mk.prv, m)
	}
	mk.what[m] = what
	return m
}
func (mk *markers) Pub(what string) string { return mk.next("PUB", what) }
func (mk *markers) Prv(what string) string { return mk.next("PRV", what) }

var markerRE = regexp.MustCompile(`(PUB|PRV)\d\d`)

// TestNothingPrivateLeavesThroughAPublicOutput seeds a marker into every
// field of every kind of record — Part 1 items; items moved into Part 2 by
// the TUI's E key and by `meeting part2`; personal-ASB hotspots (one from
// before, one referred in the meeting); general business and AOB; powers;
// ASB case reviews (one answered in the meeting, one open at the next) — then
// holds a following meeting on the same hotspots. Every public output (the
// minutes of both meetings in all five formats, `export actions` and
// `export hotspots` as CSV and JSON) must hold every public marker and no
// private one; the restricted outputs must hold every private marker (so
// the seeding is proved).
func TestNothingPrivateLeavesThroughAPublicOutput(t *testing.T) {
	t.Parallel()
	needTmux(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)
	mk := &markers{what: map[string]string{}}
	due := model.DateOf(pinned).AddDays(14)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	// The partnership, in process, through the store (the same rules the
	// app and the CLI use).
	clock := func() time.Time { return pinned }
	s, err := bolt.Open(db, bolt.Options{Now: clock})
	must(err)
	agencyNames := []string{mk.Pub("agency name"), mk.Pub("agency name"), mk.Pub("agency name")}
	chair, err := s.Setup(store.SetupInput{
		Partnership: model.Partnership{Name: "Partnership " + mk.Pub("partnership name"), DefaultPlace: "Room " + mk.Pub("place"),
			ConfidentialityStatement: "Keep it here " + mk.Pub("confidentiality statement")},
		Agencies: []model.Agency{
			{Name: "Council " + agencyNames[0], ShortName: "Council" + agencyNames[0]},
			{Name: "Police " + agencyNames[1], ShortName: "Police" + agencyNames[1]},
			{Name: "Housing " + agencyNames[2], ShortName: "Housing" + agencyNames[2]},
		},
		ChairName: "Chair " + mk.Prv("chair's name"), ChairTitle: "Manager " + mk.Prv("chair's title"),
	})
	must(err)
	as := model.ActorFor(chair)
	agencies, err := s.Agencies()
	must(err)
	council, police, housing := agencies[0].ID, agencies[1].ID, agencies[2].ID
	sgt, err := s.AddMember(as, model.NewMember{Name: "Sgt " + mk.Prv("member name"), AgencyID: police, Title: "Sergeant " + mk.Prv("member title")})
	must(err)
	hsg, err := s.AddMember(as, model.NewMember{Name: "Officer " + mk.Prv("member name"), AgencyID: housing, Title: "Officer " + mk.Prv("member title")})
	must(err)
	hotspot := func(public bool, cat model.Category) model.Hotspot {
		f := mk.Prv
		if public {
			f = mk.Pub
		}
		h, err := s.AddHotspot(as, model.NewHotspot{Title: "Site " + f("hotspot title"), Location: "Street " + f("hotspot location"),
			Ward: "Ward " + f("hotspot ward"), Category: cat, Risk: model.RiskHigh, RiskReason: "Reason " + mk.next("NEV", "risk reason"),
			LeadAgencyID: council}, 0)
		must(err)
		return h
	}
	h1 := hotspot(true, model.CategoryNuisance)       // Part 1 throughout
	h2 := hotspot(false, model.CategoryNuisance)      // moved into Part 2 by the TUI's E
	h3 := hotspot(false, model.CategoryEnvironmental) // moved into Part 2 by `meeting part2`
	h4 := hotspot(false, model.CategoryPersonal)      // personal ASB: private from creation

	m, err := s.StartMeeting(as, model.DateOf(pinned))
	must(err)
	_, err = s.SetAttendance(as, m.ID, chair.ID, model.Present)
	must(err)
	_, err = s.SetAttendance(as, m.ID, sgt.ID, model.Present)
	must(err)
	_, err = s.SetAttendance(as, m.ID, hsg.ID, model.Apologies)
	must(err)
	_, err = s.AddGuest(as, m.ID, nil, model.Guest{Name: "Guest " + mk.Prv("guest name"), Agency: "Trust " + mk.Pub("guest organisation")})
	must(err)
	_, err = s.RecordConfidentiality(as, m.ID)
	must(err)
	_, err = s.AddDeclaration(as, m.ID, sgt.ID, nil, "", 0, "Interest "+mk.Pub("declaration on general business"))
	must(err)
	_, err = s.AddDeclaration(as, m.ID, sgt.ID, nil, model.ItemHotspot, h1.ID, "Interest "+mk.Pub("declaration on a Part 1 item"))
	must(err)
	_, err = s.AddDeclaration(as, m.ID, sgt.ID, nil, model.ItemHotspot, h2.ID, "Interest "+mk.Prv("declaration on a Part 2 item"))
	must(err)
	// A rep's update between meetings: its words never go public.
	act := func(hotspotID model.ID, text, officer string, conf bool) model.Action {
		a, err := s.AssignAction(as, model.NewAction{HotspotID: hotspotID, Text: text, AgencyID: police, Officer: officer, Due: due,
			MeetingID: m.ID, Confidential: conf})
		must(err)
		return a
	}
	a1 := act(h1.ID, "Patrol "+mk.Pub("action on a Part 1 hotspot"), "PC "+mk.Prv("officer"), false)
	_, err = s.AddActionNote(model.ActorFor(sgt), a1.ID, 0, "Update "+mk.Prv("rep's progress words"), 0)
	must(err)
	act(h2.ID, "Visit "+mk.Prv("action on the hotspot moved by E"), "", false)
	act(h3.ID, "Clean "+mk.Prv("action on the hotspot moved by the CLI"), "", false)
	act(h4.ID, "Warn "+mk.Prv("action on a personal hotspot"), "", false)
	// Powers in force: a place-based one on public business (its terms
	// public, who authorised it not), one against a person, one on a
	// personal hotspot.
	power := func(kind model.PowerKind, hotspotID, agency model.ID, by, terms string) {
		_, err := s.RecordPower(as, model.NewPower{Kind: kind, HotspotID: hotspotID, AgencyID: agency, Start: pinned.Add(-time.Hour),
			AuthorisedBy: by, Terms: terms}, m.ID)
		must(err)
	}
	power(model.PowerPSPO, h1.ID, council, "Cabinet "+mk.Prv("officer who authorised a PSPO"), "No drinking "+mk.Pub("terms of a PSPO"))
	power(model.PowerCPN, h1.ID, housing, "Officer "+mk.Prv("officer who served a CPN"), "No music "+mk.Prv("terms of a CPN on a Part 1 hotspot"))
	power(model.PowerDispersal, h4.ID, police, "Insp "+mk.Prv("officer who authorised a dispersal"), "Street "+mk.Prv("terms of a dispersal on a personal hotspot"))
	// An ASB case review, private by nature: recorded, decided and
	// answered in the meeting, a marker in every field typed.
	cr, err := s.RecordCaseReview(as, model.NewCaseReview{ApplicantRef: "CT-" + mk.Prv("applicant's reference"), Complaints: 4,
		Received: model.DateOf(pinned).AddDays(-3), Summary: "Noise " + mk.Prv("what a case review asks")}, m.ID)
	must(err)
	cr, err = s.DecideCaseReview(as, cr.ID, cr.Version, model.DateOf(pinned), true, "Repeat "+mk.Prv("reason for a case review's decision"))
	must(err)
	_, err = s.AnswerCaseReview(as, cr.ID, cr.Version, model.DateOf(pinned), "Visit "+mk.Prv("outcome of a case review"))
	must(err)
	// Trends: police.uk counts at an LSOA whose name may be published and
	// a street of it (the public record names areas, never streets),
	// linked to the Part 1 hotspot; and at an LSOA and street linked to
	// the personal case, which nothing public may name.
	lastMonth := model.MonthsBy(model.DateOf(pinned))
	publicArea, publicStreet := "Area "+mk.Pub("LSOA linked to a Part 1 hotspot"), "Street "+mk.Prv("street linked to a Part 1 hotspot")
	privateArea, privateStreet := "Area "+mk.Prv("LSOA linked to a personal hotspot"), "Lane "+mk.Prv("street linked to a personal hotspot")
	batch := model.IncidentBatch{Force: "Testshire Police", Month: lastMonth, Category: model.CategoryASB, Incidents: 12, Places: 2}
	_, err = s.ImportIncidents(as, []model.IncidentBatch{batch}, []model.IncidentRow{
		{Month: lastMonth, Force: batch.Force, Category: model.CategoryASB, Place: model.Place{LSOA: "E01900001", LSOAName: publicArea, Location: publicStreet, Street: true}, Count: 5},
		{Month: lastMonth, Force: batch.Force, Category: model.CategoryASB, Place: model.Place{LSOA: "E01900002", LSOAName: privateArea, Location: privateStreet, Street: true}, Count: 7},
	})
	must(err)
	link := func(h model.Hotspot, areas ...model.HotspotArea) {
		for _, a := range areas {
			cur, err := s.Hotspot(h.ID)
			must(err)
			_, err = s.LinkHotspotArea(as, h.ID, cur.Version, a, m.ID)
			must(err)
		}
	}
	link(h1, model.HotspotArea{Kind: model.AreaLSOA, Code: "E01900001"}, model.HotspotArea{Kind: model.AreaLocation, Code: "E01900001", Name: publicStreet})
	link(h4, model.HotspotArea{Kind: model.AreaLSOA, Code: "E01900002"}, model.HotspotArea{Kind: model.AreaLocation, Code: "E01900002", Name: privateStreet})
	act(0, "Share "+mk.Pub("general action"), "", false)
	act(0, "Call "+mk.Prv("confidential general action"), "", true)
	dec := func(hotspotID model.ID, text string, part2 bool) model.Decision {
		d, err := s.RecordDecision(as, m.ID, model.ItemAOB, hotspotID, "That "+text, part2)
		must(err)
		return d
	}
	dec(h1.ID, mk.Pub("resolution under a Part 1 hotspot"), false)
	amended := dec(h1.ID, "that the wording be corrected later", false)
	dec(h1.ID, mk.Prv("Part 2 resolution under a Part 1 hotspot"), true)
	dec(h2.ID, mk.Prv("resolution under the hotspot moved by E"), false)
	dec(h4.ID, mk.Prv("resolution under a personal hotspot"), false)
	dec(0, mk.Pub("resolution in AOB"), false)
	note := func(hotspotID model.ID, text string, conf bool, agency model.ID) {
		_, err := s.RecordNote(as, m.ID, model.NewNote{Item: model.ItemAOB, HotspotID: hotspotID, Text: text, Confidential: conf, AgencyID: agency})
		must(err)
	}
	note(h1.ID, "Seen "+mk.Pub("note under a Part 1 hotspot"), false, police)
	note(h1.ID, "Named "+mk.Prv("confidential note under a Part 1 hotspot"), true, 0)
	note(h3.ID, "Said "+mk.Prv("note under the hotspot moved by the CLI"), false, 0)
	note(h4.ID, "Said "+mk.Prv("note under a personal hotspot"), false, 0)
	note(0, "Market "+mk.Pub("note in AOB"), false, 0)
	note(0, "Family "+mk.Prv("confidential note in AOB"), true, 0)
	// Two referrals in the meeting: one public, one personal.
	_, err = s.AddHotspot(as, model.NewHotspot{Title: "New " + mk.Pub("referral title"), Location: "Lane " + mk.Pub("referral location"),
		Ward: "Ward " + mk.Pub("referral ward"), Category: model.CategoryNuisance, Risk: model.RiskLow, LeadAgencyID: council}, m.ID)
	must(err)
	_, err = s.AddHotspot(as, model.NewHotspot{Title: "Harassment " + mk.Prv("personal referral title"), Location: "Close " + mk.Prv("personal referral location"),
		Ward: "Ward " + mk.Prv("personal referral ward"), Category: model.CategoryPersonal, Risk: model.RiskHigh, LeadAgencyID: housing}, m.ID)
	must(err)
	m, err = s.Meeting(m.ID)
	must(err)
	must(s.Close())

	// The chair takes H2 in private with the app's E key.
	h2Item := slices.IndexFunc(m.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == h2.ID })
	tm := startTerm(t, 120, 36, env, "--db", db, "--as", chair.Name)
	tm.waitFor("resume the meeting")
	tm.keys("m")
	tm.waitFor("item 1/")
	for i := 0; i < h2Item; i++ {
		tm.keys("]")
		tm.waitFor(fmt.Sprintf("item %d/", i+2))
	}
	tm.keys("E")
	tm.waitFor("Take in private (Part 2)")
	tm.keys("Enter")
	tm.waitFor("moved into Part 2")
	tm.keys("q")
	tm.waitFor("Hotspots by risk")
	tm.keys("q")
	if status := tm.exited(); status != 0 {
		t.Fatalf("the app exited %d", status)
	}

	cli := func(env []string, args ...string) string {
		t.Helper()
		out, errOut, code := run(t, env, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("tasking %v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	cli(env, "--as", chair.Name, "meeting", "part2", h3.Ref(), "--paragraph", "2")
	cli(env, "--as", chair.Name, "meeting", "close", "--next", "+1d")
	cli(env, "--as", chair.Name, "amend", amended.Ref(), "--text", "That "+mk.Pub("amended resolution"), "--reason", "Because "+mk.Prv("amendment reason"))

	// The following meeting, from the command line: H2, H3 and H4 are still
	// private there; any other business is taken in private this time.
	next := withClock(env, pinned.Add(24*time.Hour))
	// A case review received between the meetings is on the next agenda.
	cli(next, "--as", chair.Name, "case-review", "add", "--applicant", "CT-"+mk.Prv("applicant's reference, between meetings"),
		"--complaints", "2", "--received", "today", "--summary", "Fear "+mk.Prv("what a case review received between meetings asks"))
	cli(next, "--as", chair.Name, "meeting", "start")
	cli(next, "--as", chair.Name, "case-review", "decide", "CR-2", "--not-met", "--reason", "Two "+mk.Prv("reason a case review did not meet the threshold"))
	cli(next, "--as", chair.Name, "note", "add", "--hotspot", h1.Ref(), "Quieter "+mk.Pub("note in the next meeting"))
	cli(next, "--as", chair.Name, "note", "add", "--hotspot", h2.Ref(), "Still "+mk.Prv("next meeting's note on the E hotspot"))
	cli(next, "--as", chair.Name, "decision", "add", "--hotspot", h3.Ref(), "That "+mk.Prv("next meeting's resolution on the CLI hotspot"))
	cli(next, "--as", chair.Name, "action", "add", "--hotspot", h4.Ref(), "--agency", "Housing", "--due", "+2w", "Visit "+mk.Prv("next meeting's action on a personal hotspot"))
	cli(next, "--as", chair.Name, "meeting", "part2", "aob", "--paragraph", "1")
	cli(next, "--as", chair.Name, "note", "add", "--item", "aob", "Neighbours "+mk.Prv("note in a private AOB"))
	cli(next, "--as", chair.Name, "action", "add", "--agency", "Council", "--due", "+2w", "Rehouse "+mk.Prv("action in a private AOB"))
	cli(next, "--as", chair.Name, "meeting", "close", "--next", "+1w")

	// Every output, both versions.
	outputs := map[bool]map[string]string{false: {}, true: {}}
	for _, public := range []bool{false, true} {
		extra := []string{}
		if public {
			extra = []string{"--public"}
		}
		for _, meeting := range []string{"M-1", "M-2"} {
			for _, f := range []string{"md", "html", "txt", "json", "docx"} {
				args := append([]string{"minutes", meeting, "--format", f}, extra...)
				if f == "docx" {
					// A Word document: down the pipe, and read as all
					// its XML (a marker is one word, never split).
					outputs[public]["minutes "+meeting+" "+f] = unzipped(t, cli(next, append(args, "-o", "-")...))
					continue
				}
				outputs[public]["minutes "+meeting+" "+f] = cli(next, args...)
			}
		}
		for _, what := range []string{"actions", "hotspots"} {
			for _, f := range []string{"csv", "json"} {
				outputs[public]["export "+what+" "+f] = cli(next, append([]string{"export", what, "--format", f}, extra...)...)
			}
		}
	}

	if testing.Verbose() {
		t.Logf("public minutes of M-1:\n%s", outputs[true]["minutes M-1 md"])
	}
	// Nothing private in any public output; every public marker in one.
	seen := map[string]bool{}
	for name, out := range outputs[true] {
		for _, m := range markerRE.FindAllString(out, -1) {
			seen[m] = true
			if strings.HasPrefix(m, "PRV") {
				t.Errorf("%s (public) holds %s, the %s", name, m, mk.what[m])
			}
		}
		if strings.Contains(out, "NEV") {
			t.Errorf("%s (public) holds a marker that no output may", name)
		}
	}
	for _, m := range mk.pub {
		if !seen[m] {
			t.Errorf("no public output holds %s, the %s", m, mk.what[m])
		}
	}
	restricted := map[string]bool{}
	for name, out := range outputs[false] {
		for _, m := range markerRE.FindAllString(out, -1) {
			restricted[m] = true
		}
		if strings.Contains(out, "NEV") {
			t.Errorf("%s holds a marker that no output may", name)
		}
	}
	for _, m := range mk.prv {
		if !restricted[m] {
			t.Errorf("no restricted output holds %s, the %s: the test did not seed it where the record shows it", m, mk.what[m])
		}
	}

	// The public minutes keep every number: private items are exempt
	// headings, and the next meeting still takes H2, H3 and H4 in private.
	for _, meeting := range []string{"M-1", "M-2"} {
		pub := outputs[true]["minutes "+meeting+" md"]
		if !strings.Contains(pub, "Exempt item – information relating to an individual") || !strings.Contains(pub, "Exclusion of the public") {
			t.Errorf("%s public minutes lack the exempt headings or the exclusion:\n%s", meeting, pub)
		}
	}
	if !strings.Contains(outputs[true]["minutes M-1 md"], "Exempt item – information likely to reveal the identity of an individual") {
		t.Error("H3, taken in private under paragraph 2 by the CLI, is not headed so in the public minutes")
	}
	if !strings.Contains(outputs[true]["minutes M-1 md"], "A declaration was made on an item taken in private.") {
		t.Error("the declaration on a private item is not shown as made on an item taken in private")
	}
	restrictedM2 := outputs[false]["minutes M-2 json"]
	for _, h := range []model.Hotspot{h2, h3, h4} {
		if !regexp.MustCompile(`"title": "` + h.Ref() + ` [^"]*",\s*"part2": true`).MatchString(restrictedM2) {
			t.Errorf("%s is not Part 2 in the following meeting", h.Ref())
		}
	}
}

// unzipped is every file of a zip archive (a DOCX), one after another.
func unzipped(t *testing.T, archive string) string {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}
