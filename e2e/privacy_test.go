package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
)

// TestPrivateBusinessStaysPrivate seeds markers into the paths along which
// private business used to leave the room, run through the real binary:
//
//   - a personal-ASB hotspot closed with its actions moved to general
//     business, by the command line (HS-S), and a public hotspot taken into
//     Part 2 with the app's E and closed there with its actions moved to
//     general business with the app's C (HS-R: its action was agreed in
//     public, so only the carry on closing keeps it out of later public
//     outputs: CRY markers);
//   - a hotspot taken in private at one meeting and back into Part 1 at the
//     next (HS-Q): what was agreed while it was private stays private;
//   - an agency renamed, an action reassigned and one carried forward;
//   - every role reading every surface: a viewer and a circulation-only
//     member read the public record only — minutes, exports, lists, one
//     action, one hotspot, locally with --as, over SSH with their own key,
//     and in the app — while a viewer granted the restricted record reads
//     it; and the server's log carries no words of the business.
//
// PUB markers must appear in some public output, PRV markers in no public
// output and in some restricted one, CRY markers in no output made after
// HS-R closed.
func TestPrivateBusinessStaysPrivate(t *testing.T) {
	t.Parallel()
	needSSH(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)
	mk := &markers{what: map[string]string{}}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	// The partnership and its hotspots, in process, through the store.
	s, err := bolt.Open(db, bolt.Options{Now: func() time.Time { return pinned }})
	must(err)
	chair, err := s.Setup(store.SetupInput{
		Partnership: model.Partnership{Name: "Partnership " + mk.Pub("partnership name")},
		Agencies: []model.Agency{
			{Name: "Council", ShortName: "Council" + mk.Pub("agency short name")},
			{Name: "Police", ShortName: "Police" + mk.Pub("agency short name")},
			{Name: "Housing", ShortName: "Housing" + mk.Pub("agency short name")},
		},
		ChairName: "Ann Chair",
	})
	must(err)
	as := model.ActorFor(chair)
	agencies, err := s.Agencies()
	must(err)
	council, police := agencies[0].ID, agencies[1].ID
	add := func(name string, role model.Role, grant model.Grant) {
		_, err := s.AddMember(as, model.NewMember{Name: name, AgencyID: council, Role: role, Restricted: grant})
		must(err)
	}
	add("Cllr Vera Viewer", model.RoleViewer, model.GrantNone)
	add("Cllr Colin Circulation", model.RoleCirculation, model.GrantNone)
	add("Cllr Grace Granted", model.RoleViewer, model.GrantRestrict)
	_, err = s.AddMember(as, model.NewMember{Name: "Sgt Pat Police", AgencyID: police, Role: model.RoleMember})
	must(err)
	// HS-R's location is in no output of its public time (the minutes do
	// not print locations, and it was private by the time of the exports).
	plain := func(string) string { return "R" }
	hotspot := func(mark, loc func(string) string, cat model.Category) model.Hotspot {
		h, err := s.AddHotspot(as, model.NewHotspot{Title: "Site " + mark("hotspot title"), Location: "Street " + loc("hotspot location"),
			Ward: "Ward " + mark("hotspot ward"), Category: cat, Risk: model.RiskHigh, LeadAgencyID: council}, 0)
		must(err)
		return h
	}
	hP := hotspot(mk.Prv, mk.Prv, model.CategoryPersonal) // personal ASB: private from the start
	hS := hotspot(mk.Prv, mk.Prv, model.CategoryPersonal) // personal ASB, closed by the CLI into general business
	hQ := hotspot(mk.Pub, mk.Pub, model.CategoryNuisance) // Part 2 at M-1 (CLI), back in Part 1 at M-2 (CLI)
	hR := hotspot(mk.Pub, plain, model.CategoryNuisance)  // public at M-1; Part 2 and closed into general business at M-2 (the app)
	hT := hotspot(mk.Pub, mk.Pub, model.CategoryNuisance) // public throughout
	must(s.Close())

	cli := func(env []string, args ...string) string {
		t.Helper()
		out, errOut, code := run(t, env, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("tasking %v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	assigned := regexp.MustCompile(`^A-\d+`)
	action := func(env []string, args ...string) string {
		t.Helper()
		return assigned.FindString(cli(env, append([]string{"--as", "Ann Chair", "action", "add", "--due", "+2w"}, args...)...))
	}
	chairDo := func(env []string, args ...string) string {
		t.Helper()
		return cli(env, append([]string{"--as", "Ann Chair"}, args...)...)
	}

	// M-1.
	m1 := env
	chairDo(m1, "meeting", "start")
	aP := action(m1, "--hotspot", hP.Ref(), "--agency", "Police", "--officer", "PC "+mk.Prv("officer"), "Visit "+mk.Prv("action on a personal hotspot"))
	chairDo(m1, "note", "add", "--hotspot", hP.Ref(), "Victim "+mk.Prv("note on a personal hotspot"))
	chairDo(m1, "decision", "add", "--hotspot", hP.Ref(), "that "+mk.Prv("resolution on a personal hotspot"))
	aS := action(m1, "--hotspot", hS.Ref(), "--agency", "Housing", "Warn "+mk.Prv("action on a personal hotspot closed into general business"))
	chairDo(m1, "hotspot", "close", hS.Ref(), "--reason", "Moved "+mk.Prv("closing reason of a personal hotspot"), "--actions", "general")
	aR := action(m1, "--hotspot", hR.Ref(), "--agency", "Police", "Patrol CRY01 (agreed in public, later closed in private)")
	action(m1, "--hotspot", hT.Ref(), "--agency", "Council", "Clean "+mk.Pub("action on a public hotspot"))
	action(m1, "--hotspot", hT.Ref(), "--agency", "Police", "Patrol "+mk.Pub("police action on a public hotspot"))
	action(m1, "--hotspot", hT.Ref(), "--agency", "Housing", "Letter "+mk.Pub("housing action on a public hotspot"))
	chairDo(m1, "note", "add", "--hotspot", hT.Ref(), "Seen "+mk.Pub("note on a public hotspot"))
	chairDo(m1, "decision", "add", "--hotspot", hT.Ref(), "that "+mk.Pub("resolution on a public hotspot"))
	chairDo(m1, "meeting", "part2", hQ.Ref(), "--paragraph", "7")
	aQ := action(m1, "--hotspot", hQ.Ref(), "--agency", "Police", "Arrest "+mk.Prv("action agreed in private"))
	chairDo(m1, "note", "add", "--hotspot", hQ.Ref(), "Intel "+mk.Prv("note said in private"))
	chairDo(m1, "decision", "add", "--hotspot", hQ.Ref(), "that "+mk.Prv("resolution made in private"))
	action(m1, "--agency", "Council", "Share "+mk.Pub("general action"))
	aC := action(m1, "--agency", "Council", "--confidential", "Call "+mk.Prv("confidential general action"))
	chairDo(m1, "case-review", "add", "--applicant", "CT-"+mk.Prv("applicant's reference"), "--complaints", "3", "--received", "today",
		"--summary", "Noise "+mk.Prv("what a case review asks"))
	chairDo(m1, "case-review", "decide", "CR-1", "--met", "--reason", "Met "+mk.Prv("reason for a case review's decision"))
	aX := action(m1, "--agency", "Council", "--confidential", "Tell "+mk.Pub("confidential action released between meetings"))
	chairDo(m1, "meeting", "close", "--next", "+1w")

	// Between meetings: an agency renamed, an action reassigned, another
	// carried forward, a rep's words on a private action.
	between := withClock(env, pinned.Add(48*time.Hour))
	chairDo(between, "agency", "rename", "Police", "--to", "Constabulary "+mk.Pub("renamed agency"))
	chairDo(between, "action", "update", aP, "--officer", "DC "+mk.Prv("officer after reassignment"))
	chairDo(between, "action", "update", aQ, "--due", "+3w", "--reason", "Later "+mk.Prv("carry-forward reason"))
	cli(between, "--as", "Sgt Pat Police", "action", "update", aP, "--note", "Spoke to "+mk.Prv("rep's words on a private action"))
	// A release between meetings: public at once, minuted at M-2.
	if said := chairDo(between, "release", aX, "--reason", "Agreed "+mk.Prv("reason for a release between meetings")); !strings.Contains(said, "minuted in Part 2 of the next meeting") {
		t.Fatalf("release between meetings said %q", said)
	}

	// M-2: HS-Q back into Part 1 from the command line (it says what stays
	// private, and goes ahead on --yes); HS-R into Part 2 and closed into
	// general business in the app.
	m2 := withClock(env, pinned.Add(7*24*time.Hour))
	chairDo(m2, "meeting", "start")
	_, said, code := run(t, m2, "--db", db, "--as", "Ann Chair", "meeting", "part2", hQ.Ref(), "--off")
	if code != 2 || !strings.Contains(said, "Staying private: 1 action, 1 decision, 1 note") || !strings.Contains(said, "add --yes") {
		t.Fatalf("meeting part2 --off without --yes: exit %d, %q; want it to say what stays private and change nothing", code, said)
	}
	chairDo(m2, "meeting", "part2", hQ.Ref(), "--off", "--yes")
	// A release at the meeting, of an action made there.
	aY := action(m2, "--agency", "Council", "--confidential", "Ring "+mk.Pub("confidential action released at the meeting"))
	chairDo(m2, "release", aY, "--reason", "Consent "+mk.Prv("reason for a release at the meeting"))
	chairDo(m2, "note", "add", "--hotspot", hQ.Ref(), "Quieter "+mk.Pub("note after the hotspot came back into Part 1"))
	agendaPlace := func() int {
		t.Helper()
		for i, line := range strings.Split(chairDo(m2, "meeting", "agenda"), "\n") {
			if strings.Contains(line, hR.Ref()+" ") {
				return i + 1
			}
		}
		t.Fatalf("%s is not on M-2's agenda", hR.Ref())
		return 0
	}
	itemRE := regexp.MustCompile(`item (\d+)/`)
	goToR := func(tm *term, n int) {
		t.Helper()
		tm.keys("m")
		at, _ := strconv.Atoi(itemRE.FindStringSubmatch(tm.waitFor("item "))[1])
		for at != n {
			key, step := "]", 1
			if at > n {
				key, step = "[", -1
			}
			tm.keys(key)
			at += step
			tm.waitFor(fmt.Sprintf("item %d/", at))
		}
		tm.waitFor(hR.Ref() + " Site")
	}
	n := agendaPlace()
	app := startTerm(t, 120, 36, m2, "--db", db, "--as", "Ann Chair")
	app.waitFor("Hotspots by risk")
	goToR(app, n)
	app.keys("E")
	app.waitFor("Take in private (Part 2)")
	app.keys("Enter")
	app.waitFor("moved into Part 2")
	app.keys("q")
	app.waitFor("Hotspots by risk")
	app.keys("q")
	if status := app.exited(); status != 0 {
		t.Fatalf("the app exited %d", status)
	}
	n = agendaPlace()
	app = startTerm(t, 120, 36, m2, "--db", db, "--as", "Ann Chair")
	app.waitFor("Hotspots by risk")
	goToR(app, n)
	app.keys("C")
	app.waitFor("Close hotspot · " + hR.Ref())
	app.text("Cleared")
	app.keys("Enter")
	app.waitFor("move them to general business")
	app.keys("Right", "Enter")
	app.waitFor("closed; its open actions continue as general business")
	app.keys("q")
	app.waitFor("Hotspots by risk")
	app.keys("q")
	if status := app.exited(); status != 0 {
		t.Fatalf("the app exited %d", status)
	}
	chairDo(m2, "meeting", "close", "--next", "+1w")
	later := withClock(env, pinned.Add(8*24*time.Hour))

	// Every output, restricted (the chair) and public.
	outputs := map[string]string{}  // public outputs
	restricted := map[string]bool{} // markers some restricted output holds
	afterR := map[string]string{}   // outputs made after HS-R closed in private
	exportDir := filepath.Join(home, "by-agency")
	for _, public := range []bool{false, true} {
		extra := []string{}
		if public {
			extra = []string{"--public"}
		}
		collect := func(name, out string, madeAfterR bool) {
			if public {
				outputs[name] = out
				if madeAfterR {
					afterR[name] = out
				}
				return
			}
			for _, m := range markerRE.FindAllString(out, -1) {
				restricted[m] = true
			}
			restricted["CRY01"] = restricted["CRY01"] || strings.Contains(out, "CRY01")
		}
		for _, meeting := range []string{"M-1", "M-2"} {
			for _, f := range []string{"md", "html", "txt", "json", "docx"} {
				args := append([]string{"minutes", meeting, "--format", f}, extra...)
				if f == "docx" { // a Word document, read as all its XML
					collect("minutes "+meeting+" "+f, unzipped(t, chairDo(later, append(args, "-o", "-")...)), meeting == "M-2")
					continue
				}
				collect("minutes "+meeting+" "+f, chairDo(later, args...), meeting == "M-2")
			}
		}
		for _, f := range []string{"csv", "json"} {
			collect("export actions "+f, chairDo(later, append([]string{"export", "actions", "--format", f}, extra...)...), true)
			collect("export hotspots "+f, chairDo(later, append([]string{"export", "hotspots", "--format", f}, extra...)...), true)
		}
		dir := exportDir + strconv.FormatBool(public)
		chairDo(later, append([]string{"export", "actions", "--format", "csv", "--by-agency", "-o", dir}, extra...)...)
		files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
		must(err)
		for _, f := range files {
			b, err := os.ReadFile(f)
			must(err)
			collect("export actions --by-agency "+filepath.Base(f), string(b), true)
		}
	}
	// An action's whole history is restricted output too (the words of
	// updates, a carried-forward reason).
	for _, ref := range []string{aP, aQ} {
		for _, m := range markerRE.FindAllString(chairDo(later, "action", "show", ref), -1) {
			restricted[m] = true
		}
	}
	for _, m := range mk.prv {
		if !restricted[m] {
			t.Errorf("no restricted output holds %s, the %s: the test did not seed it where the record shows it", m, mk.what[m])
		}
	}
	if !restricted["CRY01"] {
		t.Error("the restricted outputs lost HS-R's action")
	}
	checkPublic(t, mk, "public output", outputs, true)
	for name, out := range afterR {
		if strings.Contains(out, "CRY01") {
			t.Errorf("%s holds %s's action, agreed in public but closed into general business while its hotspot was private", name, hR.Ref())
		}
	}
	// The public notice is always true: what it counts is what the
	// restricted version of the same minutes marks private.
	for _, meeting := range []string{"M-1", "M-2"} {
		checkNotice(t, meeting, chairDo(later, "minutes", meeting, "--format", "json"), outputs["minutes "+meeting+" json"])
	}
	if m1pub := outputs["minutes M-1 md"]; !strings.Contains(m1pub, "CRY01") {
		t.Errorf("M-1's public minutes lost %s's action, public business then", hR.Ref())
	}
	// M-2 minutes both releases in its own Part 2 minute, the last: the
	// public version keeps its number under a neutral heading.
	releases := regexp.MustCompile(`(?m)^## (\d+)\. Release of exempt information \(Part 2`).FindStringSubmatch(chairDo(later, "minutes", "M-2"))
	if releases == nil {
		t.Error("M-2's restricted minutes have no minute of its releases")
	} else if pub := outputs["minutes M-2 md"]; !strings.Contains(pub, "## "+releases[1]+". Exempt item – information relating to an individual") ||
		strings.Contains(pub, "Release of exempt information") || strings.Index(pub, "## "+releases[1]+".") < strings.Index(pub, "Exclusion of the public") {
		t.Errorf("M-2's public minutes do not keep minute %s as an exempt item after the exclusion:\n%s", releases[1], pub)
	}

	// Each role, each surface: locally (--as), then over SSH (their key).
	privateRefs := []string{aP, aS, aQ, aC, aR}
	surfaces := [][]string{
		{"minutes", "M-1", "--format", "md"}, {"minutes", "M-2", "--format", "txt"}, {"minutes", "M-2", "--format", "json"},
		{"minutes", "M-2", "--format", "html"}, {"export", "actions", "--format", "csv", "-o", "-"}, {"export", "actions", "--format", "json", "-o", "-"},
		{"export", "hotspots", "--format", "csv"}, {"actions", "--format", "json"}, {"actions"}, {"hotspot", "list", "--all", "--format", "json"},
		{"hotspot", "show", hT.Ref(), "--format", "json"}, {"hotspot", "show", hQ.Ref()},
	}
	readers := []string{"Cllr Vera Viewer", "Cllr Colin Circulation"}
	// reads runs every surface for who through do (the local command or
	// ssh) and checks what each gives.
	reads := func(who, where string, do func(args ...string) (string, string, int)) {
		t.Helper()
		got := map[string]string{}
		for _, args := range surfaces {
			out, errOut, code := do(args...)
			if code != 0 {
				t.Errorf("%s %s: %v: exit %d %s", who, where, args, code, errOut)
			}
			if args[0] == "minutes" && !strings.Contains(errOut, "reads the public record only: this is the public version") {
				t.Errorf("%s %s asking for the restricted %v was not told it is the public version: %q", who, where, args, errOut)
			}
			got[strings.Join(args, " ")] = out + errOut
		}
		for _, ref := range append(privateRefs, hP.Ref(), hS.Ref()) {
			verb := "action"
			if strings.HasPrefix(ref, "HS-") {
				verb = "hotspot"
			}
			out, errOut, code := do(verb, "show", ref)
			if code != 1 || !strings.Contains(errOut, ref+" is private business: "+who) {
				t.Errorf("%s %s: %s show %s: exit %d, %q; want it refused by ref", who, where, verb, ref, code, errOut)
			}
			got[verb+" show "+ref] = out + errOut
		}
		// ASB case reviews are refused whole, the list and each one.
		for _, args := range [][]string{{"case-review", "list"}, {"case-review", "list", "--all", "--format", "json"}, {"case-review", "show", "CR-1"}} {
			out, errOut, code := do(args...)
			if code != 1 || !strings.Contains(errOut, "private business: "+who) || out != "" {
				t.Errorf("%s %s: %v: exit %d, %q %q; want it refused", who, where, args, code, out, errOut)
			}
			got[strings.Join(args, " ")] = out + errOut
		}
		checkPublic(t, mk, who+" "+where, got, false)
		for name, out := range got {
			if strings.Contains(out, "CRY01") && !strings.HasPrefix(name, "minutes M-1") {
				t.Errorf("%s %s: %s holds %s's action", who, where, name, hR.Ref())
			}
		}
		var rows []map[string]string
		if out, _, _ := do("export", "actions", "--format", "json", "-o", "-"); json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 || rows[0]["version"] != "public" {
			t.Errorf("%s's export %s does not say it is the public version: %.300s", who, where, out)
		}
	}
	for _, who := range readers {
		reads(who, "locally", func(args ...string) (string, string, int) {
			return run(t, later, append([]string{"--db", db, "--as", who}, args...)...)
		})
	}
	granted := func(where string, out string) {
		t.Helper()
		if !containsAny(out, mk.prv) {
			t.Errorf("the viewer granted the restricted record does not read the restricted minutes %s", where)
		}
	}
	granted("locally", cli(later, "--as", "Cllr Grace Granted", "minutes", "M-1", "--format", "json"))

	keyDir := filepath.Join(home, "keys")
	must(os.Mkdir(keyDir, 0o700))
	keyOf := map[string]string{}
	for _, who := range append(readers, "Ann Chair", "Cllr Grace Granted") {
		path := filepath.Join(keyDir, strings.ReplaceAll(who, " ", "_"))
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v %s", err, out)
		}
		chairDo(later, "member", "key", "add", who, path+".pub")
		keyOf[who] = path
	}
	srv := startServe(t, later, db)
	for _, who := range readers {
		reads(who, "over SSH", func(args ...string) (string, string, int) { return srv.ssh(t, keyOf[who], args...) })
	}
	out, errOut, code := srv.ssh(t, keyOf["Cllr Grace Granted"], "minutes", "M-1", "--format", "json")
	if code != 0 {
		t.Errorf("granted viewer over SSH: exit %d %s", code, errOut)
	}
	granted("over SSH", out)
	// A chair's write over SSH with private words: the server's log holds
	// the command and the refs, never the words.
	if _, errOut, code := srv.ssh(t, keyOf["Ann Chair"], "action", "update", aQ, "--note", "'Named "+mk.Prv("words sent over SSH")+"'"); code != 0 {
		t.Fatalf("chair's note over SSH: exit %d %s", code, errOut)
	}
	if _, errOut, code := srv.ssh(t, keyOf["Ann Chair"], "case-review", "answer", "CR-1", "--outcome", "'Visit "+mk.Prv("outcome of a case review, over SSH")+"'"); code != 0 {
		t.Fatalf("chair's case review answer over SSH: exit %d %s", code, errOut)
	}
	srv.stop(t)
	serveLog := srv.out.String() + srv.err.String()
	if m := markerRE.FindAllString(serveLog, -1); len(m) > 0 || strings.Contains(serveLog, "CRY01") {
		t.Errorf("the server's log holds words of the business (%v):\n%s", m, serveLog)
	}
	if !strings.Contains(serveLog, aQ) {
		t.Errorf("the server's log does not name the ref the write touched (%s):\n%s", aQ, serveLog)
	}

	// And in the app: the viewer's minutes preview and My actions.
	viewer := startTerm(t, 120, 40, later, "--db", db, "--as", "Cllr Vera Viewer")
	viewer.waitFor("Hotspots by risk")
	viewer.keys("M")
	scr := viewer.waitFor("PUBLIC (Part 1)", "reads the public record only")
	screens := map[string]string{"the app's minutes preview": scr}
	viewer.keys("q")
	viewer.waitFor("Hotspots by risk")
	viewer.keys("A", "t")
	screens["the app's My actions, all agencies"] = viewer.waitFor("My actions · all agencies")
	viewer.keys("q")
	checkPublic(t, mk, "the viewer", screens, false)
	for name, out := range screens {
		if strings.Contains(out, "CRY01") {
			t.Errorf("the viewer's %s holds %s's action", name, hR.Ref())
		}
	}
}

// checkPublic fails for every private marker in outs; with complete, every
// public marker must appear in one of them.
func checkPublic(t *testing.T, mk *markers, who string, outs map[string]string, complete bool) {
	t.Helper()
	seen := map[string]bool{}
	for name, out := range outs {
		for _, m := range markerRE.FindAllString(out, -1) {
			seen[m] = true
			if strings.HasPrefix(m, "PRV") {
				t.Errorf("%s: %s holds %s, the %s", who, name, m, mk.what[m])
			}
		}
	}
	if !complete {
		return
	}
	for _, m := range mk.pub {
		if !seen[m] {
			t.Errorf("%s: no public output holds %s, the %s", who, m, mk.what[m])
		}
	}
}

// checkNotice holds a public version's notice to the restricted version of
// the same minutes: the items taken in private, and under Part 1 items the
// private resolutions, notes and declarations, and every private action
// (once), are what the notice says it leaves out — no more, no fewer.
func checkNotice(t *testing.T, meeting, restrictedJSON, publicJSON string) {
	t.Helper()
	var r, p minutes.Doc
	if err := json.Unmarshal([]byte(restrictedJSON), &r); err != nil {
		t.Fatalf("%s restricted json: %v", meeting, err)
	}
	if err := json.Unmarshal([]byte(publicJSON), &p); err != nil {
		t.Fatalf("%s public json: %v", meeting, err)
	}
	var w model.Withheld
	actions := map[string]bool{}
	rows := func(rs []minutes.ActionRow) {
		for _, a := range rs {
			if a.Private {
				actions[a.Ref] = true
			}
		}
	}
	for _, it := range r.Items {
		rows(it.Actions)
		for _, m := range it.Matters {
			rows([]minutes.ActionRow{m.ActionRow})
		}
		if it.Part2 {
			w.Items++
			continue
		}
		for _, n := range it.Notes {
			if n.Private {
				w.Notes++
			}
		}
		for _, d := range it.Resolutions {
			if d.Private {
				w.Resolutions++
			}
		}
		for _, d := range it.Declarations {
			if d.Private {
				w.Declarations++
			}
		}
	}
	rows(r.ActionLog)
	w.Actions = len(actions)
	if want := model.PublicNotice(w); p.PrivateNotice != want || p.PrivateItems != w.Total() {
		t.Errorf("%s: the public notice says %q (%d), but the restricted version marks %+v private: %q", meeting, p.PrivateNotice, p.PrivateItems, w, want)
	}
	if w.Total() == 0 {
		t.Errorf("%s: the restricted version marks nothing private: the check proves nothing", meeting)
	}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
