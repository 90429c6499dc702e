package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/server"
	"github.com/spf13/pflag"
	gossh "golang.org/x/crypto/ssh"
)

// logStep is one command line over SSH and the exit code it should end
// with (so the line really ran, and its end is logged as it was).
type logStep struct {
	who   string
	args  []string
	stdin string
	code  int
}

// marked finds the markers put in every word typed below.
var marked = regexp.MustCompile(`LOGMARK\d+`)

// TestTheServersLogCarriesNoBusiness runs every command of the tree over
// SSH with a marker in every word a person types (titles, notes, reasons,
// decisions, names of people and agencies, places, what is sent on
// standard input) and wants none of them in the server's log; and wants
// the log to say, for every session, who ran which command on which refs,
// and how it ended.
func TestTheServersLogCarriesNoBusiness(t *testing.T) {
	t.Parallel()
	p := newServedPair(t)
	helen, jas, gary := "Helen Marsh", "Sgt Jas Patel", "Gary Fletcher"
	jo := "LOGMARK11 Jo Bloggs"
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	newKey, _ := gossh.NewSignerFromKey(priv)
	keyLine := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(newKey.PublicKey()))) + " LOGMARK14@laptop\n"
	steps := []logStep{
		{gary, []string{"actions", "--mine", "--format", "csv"}, "", 0},
		{gary, []string{"actions", "--agency", "police", "--status", "open", "--format", "json"}, "", 0},
		{gary, []string{"actions", "--overdue"}, "", 0},
		{gary, []string{"action", "show", "A-10"}, "", 0},
		{gary, []string{"agency", "list", "--format", "csv"}, "", 0},
		{gary, []string{"member", "list", "--all"}, "", 0},
		{gary, []string{"member", "key", "list", "--format", "csv"}, "", 0},
		{jas, []string{"import", "police-uk", "-", "--area", "LOGMARK43"}, strings.ReplaceAll(policeCSV, "Smith, Jones", "LOGMARK44 Smith"), 0},
		{gary, []string{"import", "police-uk", "LOGMARK46.csv"}, "", 2},
		{gary, []string{"incidents", "--area", "LOGMARK45", "--by", "lsoa"}, "", 0},
		{jas, []string{"import", "police-uk", "-"}, policeBurst, 0},
		{gary, []string{"hotspot", "suggest", "--format", "csv"}, "", 0},
		{helen, []string{"hotspot", "dismiss", "LOGMARK76"}, "", 1},
		{helen, []string{"hotspot", "accept", "1", "--title", "LOGMARK77 Market Place", "--ward", "LOGMARK78", "--category", "nuisance", "--risk", "medium", "--lead", "community safety"}, "", 0},
		{gary, []string{"partnership", "show"}, "", 0},
		{helen, []string{"audit", "--hotspot", "HS-1", "--format", "csv"}, "", 0},
		{helen, []string{"audit", "--member", "LOGMARK47 Nobody"}, "", 1},
		{helen, []string{"audit", "verify", "--head", "LOGMARK48"}, "", 2},
		{gary, []string{"hotspot", "list"}, "", 0},
		{gary, []string{"hotspot", "show", "HS-1"}, "", 0},
		{gary, []string{"minutes", "latest", "--format", "md", "--public"}, "", 0},
		{gary, []string{"export", "actions", "--format", "csv", "-o", "-"}, "", 0},
		{gary, []string{"export", "hotspots", "--format", "json", "--public"}, "", 0},
		{gary, []string{"meeting", "agenda"}, "", 1},                              // no meeting is open yet
		{gary, []string{"action", "update", "A-1", "--status", "blocked"}, "", 1}, // not his agency's
		{gary, []string{"action", "update", "A-10", "--note", "LOGMARK01 victim at 12 Rose St"}, "", 0},
		{gary, []string{"action", "update", "A-10", "--correct-last", "LOGMARK72 victim at 14 Rose St", "--reason", "LOGMARK73 wrong number"}, "", 0},
		{gary, []string{"action", "update", "A-10", "--due", "+2w", "--reason", "LOGMARK71 waiting for the landlord"}, "", 0},
		{gary, []string{"action", "update", "A-10", "--officer", "LOGMARK76 Pat Jones"}, "", 0},
		{jas, []string{"action", "update", "A-1", "--status=done", "--note=LOGMARK02 Patrols done"}, "", 0},
		{helen, []string{"action", "add", "--agency", "police", "--due", "2026-12-15", "--hotspot", "HS-1", "--officer", "LOGMARK03 PC Smith", "LOGMARK04 Extra patrols by the bus station"}, "", 0},
		{helen, []string{"hotspot", "add", "LOGMARK05 Park Lane: fly-tipping", "--ward", "LOGMARK06 Spire", "--category", "environmental", "--risk", "medium", "--lead", "Community Safety", "--location", "LOGMARK36 behind no. 4", "--theme", "LOGMARK56 dumping", "--reason", "LOGMARK57 reported by the ward councillor"}, "", 0},
		{helen, []string{"hotspot", "update", "HS-2", "--risk", "medium", "--reason", "LOGMARK07 Fewer reports this month"}, "", 0},
		{helen, []string{"hotspot", "assess", "HS-2", "--likelihood", "3", "--harm", "4", "--repeat", "--reason", "LOGMARK47 the same riders each weekend"}, "", 0},
		{gary, []string{"hotspot", "assess", "HS-2", "--likelihood", "1", "--harm", "1", "--reason", "LOGMARK48 quiet"}, "", 1}, // members may not
		{helen, []string{"hotspot", "link", "HS-2", "--location", "LOGMARK60 Mill Lane", "--lsoa", "E01991000"}, "", 1},         // never imported
		{helen, []string{"hotspot", "link", "HS-2", "--location", "Mill Lane", "--lsoa", "E01991000"}, "", 0},
		{helen, []string{"hotspot", "counts", "HS-6", "--month", "2026-10", "--count", "41"}, "", 0},
		{jas, []string{"power", "add", "dispersal", "--hotspot", "HS-1", "--agency", "police", "--start", "2026-11-27 18:00", "--authorised-by", "LOGMARK50 Insp Dunn", "--terms", "LOGMARK51 Market Place"}, "", 0},
		{helen, []string{"power", "add", "cpn", "--hotspot", "HS-4", "--agency", "housing", "--start", "2026-11-20", "--authorised-by", "LOGMARK52 ASB officer", "--terms", "LOGMARK53 no music at no. 4"}, "", 0},
		{helen, []string{"power", "add", "closure-order", "--hotspot", "HS-3", "--agency", "police", "--start", "2026-09-01", "--authorised-by", "LOGMARK55 Magistrates"}, "", 0},
		{helen, []string{"power", "review", "P-5", "--on", "2027-01-12"}, "", 0},
		{helen, []string{"power", "extend", "P-6", "--to", "2027-02-01"}, "", 0},
		{gary, []string{"powers", "--expiring", "28d"}, "", 0},
		{jas, []string{"power", "end", "P-4", "--reason", "LOGMARK54 withdrawn"}, "", 0},
		{helen, []string{"agency", "add", "LOGMARK08 Parish Council", "--short", "LOGMARK09"}, "", 0},
		{helen, []string{"agency", "rename", "LOGMARK09", "--to", "LOGMARK10 Parish Councils", "--short", "LOGMARK77"}, "", 0},
		{helen, []string{"member", "add", jo, "--agency", "LOGMARK77", "--email", "LOGMARK37@example.org", "--title", "LOGMARK78 Parish Clerk", "--phone", "LOGMARK79 01246 000000"}, "", 0},
		{helen, []string{"member", "edit", jo, "--title", "LOGMARK12 Clerk", "--phone", "LOGMARK59 01246 345345", "--email", "LOGMARK58@example.org"}, "", 0},
		{helen, []string{"member", "edit", jo, "--name", "LOGMARK64 Jo Bloggs-Smith"}, "", 0},
		{helen, []string{"member", "edit", "LOGMARK64 Jo Bloggs-Smith", "--name", jo}, "", 0},
		{helen, []string{"member", "import", "-", "--dry-run"}, "name,agency,role\nLOGMARK13 Ann Lee,police,\n", 0},
		{helen, []string{"member", "key", "add", jo, "-"}, keyLine, 0},
		{helen, []string{"member", "key", "remove", jo, "1"}, "", 0},
		{helen, []string{"partnership", "set", "--place", "LOGMARK15 Council Chamber", "--name", "LOGMARK65 Testshire CSP", "--meeting-title", "LOGMARK66 ASB Tasking", "--statement", "LOGMARK67 What is said here stays here"}, "", 0},
		{helen, []string{"case-review", "add", "--applicant", "CT-2026-LOGMARK70", "--complaints", "4", "--received", "2026-11-20", "--summary", "LOGMARK71 noise from number 4"}, "", 0},
		{helen, []string{"hotspot", "accept", "1", "--ward", "LOGMARK75 Spire", "--category", "nuisance", "--risk", "medium", "--lead", "Council",
			"--title", "LOGMARK76 Market Place", "--location", "LOGMARK77 by the fountain"}, "", 0},
		{helen, []string{"case-review", "add", "--applicant", "LOGMARK72 Jean Smith", "--complaints", "4", "--received", "tomorrow"}, "", 1}, // not received yet: refused
		{helen, []string{"case-review", "decide", "CR-4", "--met", "--reason", "LOGMARK73 repeat victim"}, "", 0},
		{gary, []string{"case-review", "list", "--all", "--format", "csv"}, "", 0},
		{gary, []string{"case-review", "show", "CR-4"}, "", 0},
		{helen, []string{"case-review", "answer", "CR-4", "--outcome", "LOGMARK74 joint visit agreed"}, "", 0},
		{helen, []string{"partnership", "set", "--case-review-threshold", "2/6"}, "", 0},
		{helen, []string{"meeting", "start"}, "", 0},
		{helen, []string{"meeting", "attend", jo}, "", 0},
		{helen, []string{"meeting", "attend", gary, "--apologies"}, "", 0},
		{helen, []string{"meeting", "guest", "LOGMARK16 Ann Other", "--org", "LOGMARK17 Residents' Association"}, "", 0},
		{helen, []string{"meeting", "statement"}, "", 0},
		{helen, []string{"meeting", "declare", jo, "LOGMARK18 Lives near HS-2"}, "", 0},
		{helen, []string{"meeting", "approve-minutes"}, "", 0},
		{helen, []string{"meeting", "review", "A-1", "--accept"}, "", 0},
		{helen, []string{"meeting", "review", "A-13", "--note", "LOGMARK69 the inspector named the dealer"}, "", 0},
		{helen, []string{"meeting", "review", "A-16", "--due", "+2w", "--reason", "LOGMARK70 the youth worker is off sick"}, "", 0},
		{helen, []string{"meeting", "budget", "6", "10"}, "", 0},
		{helen, []string{"meeting", "move", "6", "--down"}, "", 0},
		{helen, []string{"meeting", "part2", "6", "--paragraph", "1"}, "", 0},
		{helen, []string{"meeting", "part2", "6", "--off"}, "", 1}, // item 6 is now another
		{helen, []string{"meeting", "drop", "NEWHOTSPOT"}, "", 0},  // a new hotspot is on the agenda
		{helen, []string{"meeting", "add", "NEWHOTSPOT"}, "", 0},
		{helen, []string{"hotspot", "assess", "HS-4", "--likelihood", "4", "--harm", "4", "--hate", "--reason", "LOGMARK49 slurs at the parade"}, "", 0}, // off the agenda: taken up
		{helen, []string{"decision", "add", "LOGMARK19 that patrols continue through December", "--hotspot", "HS-1"}, "", 0},
		{helen, []string{"note", "add", "LOGMARK20 Patrol times agreed with the PCSOs", "--hotspot", "HS-1"}, "", 0},
		{helen, []string{"meeting", "undo"}, "", 0},
		{helen, []string{"decision", "add", "LOGMARK40 that the family at number 4 be offered a move", "--part2", "--hotspot", "HS-1"}, "", 0},
		{helen, []string{"release", "DECISION", "--reason", "LOGMARK41 The family asked for it to be known"}, "", 0},
		{helen, []string{"meeting", "next", "2026-12-08", "--time", "10:00", "--place", "LOGMARK68 the Mayor's Parlour"}, "", 0},
		{helen, []string{"hotspot", "close", "NEWHOTSPOT", "--reason", "LOGMARK21 Cleared by the council"}, "", 0},
		{helen, []string{"meeting", "close", "--next", "2026-12-08", "--place", "LOGMARK75 Committee Room 2"}, "", 0},
		{helen, []string{"amend", "DECISION", "--text", "LOGMARK22 that the family be offered a move in January", "--reason", "LOGMARK23 Misheard"}, "", 0},
		{helen, []string{"minutes", "latest", "--format", "txt"}, "", 0},
		{helen, []string{"member", "retire", jo}, "", 0},
		{helen, []string{"agency", "retire", "LOGMARK10 Parish Councils"}, "", 0},
		{helen, []string{"action", "update", "--help"}, "", 0},
		{gary, []string{"LOGMARK24 frobnicate", "HS-3"}, "", 2},
		{gary, []string{"member", "LOGMARK38"}, "", 2},
		{gary, []string{"actions", "--format", "LOGMARK25"}, "", 2},
		{gary, []string{"actions", "--LOGMARK39=Jo"}, "", 2},
		// What runs only on the server's machine is refused, and logged
		// the same way.
		{helen, []string{"demo"}, "", 1},
		{helen, []string{"setup", "--name", "LOGMARK26", "--chair", "LOGMARK27", "--chair-title", "LOGMARK80 Manager", "--place", "LOGMARK81 Town Hall"}, "", 1},
		{helen, []string{"check"}, "", 1},
		{helen, []string{"check-pages"}, "", 1},
		{helen, []string{"upgrade"}, "", 1},
		{helen, []string{"serve"}, "", 1},
		{helen, []string{"restore", "LOGMARK42.db"}, "", 1},
		{helen, []string{"salvage", "LOGMARK60.db", "LOGMARK61.db"}, "", 1},
		{helen, []string{"salvage-read", "LOGMARK62.db"}, "", 1},
		{helen, []string{"copy", "LOGMARK82.db", "LOGMARK83.db"}, "", 1},
		{helen, []string{"backup", "-"}, "", 0}, // the whole record down the pipe: none of it in the log
		{helen, []string{"partnership", "set", "--retention-years", "7"}, "", 0},
		{helen, []string{"retention", "--format", "json"}, "", 0},
		{helen, []string{"retention", "--apply", "--yes"}, "", 0},
		{gary, []string{"retention", "--apply", "--yes"}, "", 1}, // not the chair
		// Files on the server's disk are neither read nor written.
		{helen, []string{"minutes", "latest", "-o", "LOGMARK29.md"}, "", 2},
		{helen, []string{"member", "import", "LOGMARK31.csv"}, "", 2},
		{helen, []string{"member", "key", "add", gary, "LOGMARK32.pub"}, "", 2},
		{helen, []string{"--db", "/etc/LOGMARK33", "actions"}, "", 2},
		{helen, []string{"--as", "LOGMARK34", "actions"}, "", 2},
	}
	// The lines the tree does not know, logged as unknown with no refs.
	unknown := map[string]bool{"LOGMARK24 frobnicate HS-3": true, "member LOGMARK38": true}
	// DECISION and NEWHOTSPOT are the refs the lines that made them gave.
	made := map[string]string{}
	madeBy := map[string]*regexp.Regexp{"decision": regexp.MustCompile(`\bD-\d+\b`), "hotspot": regexp.MustCompile(`\bHS-\d+\b`)}
	placeholder := map[string]string{"decision": "DECISION", "hotspot": "NEWHOTSPOT"}
	covered := map[string]bool{}
	for i, st := range steps {
		p.step(i + 1)
		args := slices.Clone(st.args)
		for j, a := range args {
			if ref, ok := made[a]; ok {
				args[j] = ref
				steps[i].args = args
			}
		}
		r := p.overSSH(t, st.who, args, st.stdin)
		if r.code != st.code {
			t.Errorf("%s: %q: exit %d, want %d\n%s", st.who, args, r.code, st.code, clip(r.stderr))
		}
		if re := madeBy[args[0]]; re != nil && len(args) > 1 && args[1] == "add" && re.FindString(r.stdout) != "" {
			made[placeholder[args[0]]] = re.FindString(r.stdout)
		}
		covered[commandOf(args)] = true
	}
	for _, name := range untried(covered) {
		t.Errorf("%s is not run over SSH here", name)
	}
	for _, missing := range unmarkedText(steps) {
		t.Errorf("%s is never given a marker here: run it with one", missing)
	}
	// Lines the server refuses itself: text quoted once, a quote left open.
	if r := p.overSSHLine(t, gary, "action update A-10 --note LOGMARK28 Letters sent", ""); r.code != 2 {
		t.Errorf("text quoted once: exit %d", r.code)
	}
	if r := p.overSSHLine(t, gary, "action update A-10 --note 'LOGMARK35 Letters sent", ""); r.code != 2 {
		t.Errorf("a quote left open: exit %d", r.code)
	}

	logs := p.logs.String()
	if found := marked.FindAllString(logs, -1); len(found) > 0 {
		t.Errorf("the server's log holds words typed: %v\n%s", found, logs)
	}
	// Each session's lines say who, which command on which refs, and how
	// it ended: in the order they ran (one at a time).
	starts, ends := logLines(logs, "session start"), logLines(logs, "session end")
	if len(starts) != len(steps)+1 || len(ends) != len(steps)+1 {
		t.Fatalf("%d sessions ran; the log has %d starts and %d ends:\n%s", len(steps)+1, len(starts), len(ends), logs)
	}
	for i, st := range steps {
		path := commandOf(st.args)
		if unknown[strings.Join(st.args, " ")] {
			path = server.Unknown
		}
		want := []string{"member=" + logValue(st.who), "addr=127.0.0.1:", "kind=command", "command=" + logValue(path)}
		if refs := refsIn(st.args); len(refs) > 0 && path != server.Unknown {
			want = append(want, "refs="+strings.Join(refs, ","))
		}
		for _, line := range []string{starts[i], ends[i]} {
			for _, w := range want {
				if !strings.Contains(line, w) {
					t.Errorf("%q: the log line does not say %s:\n%s", st.args, w, line)
				}
			}
		}
		if w := fmt.Sprintf("exit=%d how=ended duration=", st.code); !strings.Contains(ends[i], w) {
			t.Errorf("%q: the session's end does not say %s:\n%s", st.args, w, ends[i])
		}
	}
	for _, w := range []string{"command=\"action update\" refs=A-10 flags=--note", "command=\"action add\" refs=HS-1 flags=--agency,--due,--hotspot,--officer",
		"command=amend refs=D-", "flags=--reason,--text", "command=minutes refs=latest flags=--format,--public", "command=unknown exit=2"} {
		if !strings.Contains(logs, w) {
			t.Errorf("the log does not say %s", w)
		}
	}
}

// textFlags are the flags that take words a person types (names, places,
// notes, reasons): wherever a command has one, some line above gives it a
// marker. Flags that take a format, a date, a ref or a choice are not
// here; --to is a date on `power extend` and a name on `agency rename`.
var textFlags = map[string]bool{"note": true, "reason": true, "text": true, "title": true, "location": true, "place": true,
	"name": true, "statement": true, "terms": true, "correct-last": true, "theme": true, "officer": true, "org": true,
	"short": true, "meeting-title": true, "email": true, "phone": true, "authorised-by": true, "area": true,
	"chair": true, "chair-title": true, "to": true}

// unmarkedText is "command --flag" for every text flag (textFlags) of a
// command the steps run that no step gives a marker.
func unmarkedText(steps []logStep) []string {
	marked := map[string]bool{}
	for _, st := range steps {
		cmd := commandOf(st.args)
		for i, a := range st.args {
			name, value, inline := strings.Cut(strings.TrimPrefix(a, "--"), "=")
			if !strings.HasPrefix(a, "--") {
				continue
			}
			if !inline && i+1 < len(st.args) {
				value = st.args[i+1]
			}
			if strings.Contains(value, "LOGMARK") {
				marked[cmd+" --"+name] = true
			}
		}
	}
	var missing []string
	root := newRoot()
	for _, st := range steps {
		c, _, err := root.Find(st.args)
		if err != nil || c == root {
			continue
		}
		cmd := strings.TrimPrefix(c.CommandPath(), "tasking ")
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			key := cmd + " --" + f.Name
			if textFlags[f.Name] && key != "power extend --to" && !marked[key] && !slices.Contains(missing, key) {
				missing = append(missing, key)
			}
		})
	}
	return missing
}

// logLines are the log's lines with msg in them.
func logLines(logs, msg string) []string {
	var lines []string
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, msg) {
			lines = append(lines, l)
		}
	}
	return lines
}

// logValue is v as charm's log writes it: quoted when it has a space.
func logValue(v string) string {
	if strings.ContainsAny(v, " \"=") {
		return fmt.Sprintf("%q", v)
	}
	return v
}

// refsIn are the words of args that are refs, each once, upper case.
func refsIn(args []string) []string {
	ref := regexp.MustCompile(`^(HS|A|M|D|N)-\d+$|^latest$`)
	var refs []string
	for _, a := range args {
		if ref.MatchString(a) && !slices.Contains(refs, a) {
			refs = append(refs, a)
		}
	}
	return refs
}
