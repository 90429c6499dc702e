package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// A whole meeting from the command line, with the same rules as the app:
// attendance, a guest, the statement, a declaration on an item, approval,
// matters arising reviewed four ways, the agenda changed, a referral, a
// hotspot's risk changed and one closed with open actions, notes, the next
// date, close — and the minutes carry all of it.
func TestAMeetingFromTheCommandLine(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	as := func(who string, args ...string) result {
		return run(t, nil, append([]string{"--db", db, "--as", who}, args...)...)
	}
	chair := func(args ...string) string {
		t.Helper()
		r := as("Helen Marsh", args...)
		if r.code != 0 {
			t.Fatalf("tasking %v: exit %d: %s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	failsWith(t, as("Helen Marsh", "meeting", "attend", "Sgt Jas Patel"), 1, "no meeting is open")
	chair("meeting", "start")
	failsWith(t, as("Sgt Jas Patel", "meeting", "attend", "Sgt Jas Patel"), 1, "may not run a meeting")
	chair("meeting", "attend", "Sgt Jas Patel", "Gary Fletcher")
	chair("meeting", "attend", "Dr Omar Haddad", "--apologies")
	failsWith(t, as("Helen Marsh", "meeting", "attend", "Nobody Atall"), 1, `no member is called "Nobody Atall"`)
	failsWith(t, as("Helen Marsh", "meeting", "attend", "--everyone-else", "Sgt Jas Patel"), 2, "give no names")
	chair("meeting", "attend", "--everyone-else")
	chair("meeting", "guest", "Karen Doyle", "--org", "Chesterfield Royal Hospital")
	chair("meeting", "statement")
	// The review cadence left HS-4 (medium, reviewed last week) off; the
	// agenda says so, and the chair puts it on.
	agenda := chair("meeting", "agenda")
	if !regexp.MustCompile(`Not on the agenda \(8; .*\n(.*\n)*\s+HS-4\s+MED\s+Holme Hall shops: intimidation at the parade — not due: next meeting \(last reviewed 17 Nov 2026\)`).MatchString(agenda) ||
		!strings.Contains(agenda, "HS-11  LOW  Walton: car meets at the retail park — not due: in 3 meetings") {
		t.Errorf("agenda does not list what the cadence left off:\n%s", agenda)
	}
	failsWith(t, as("Helen Marsh", "meeting", "declare", "Louise Birch", "--item", "HS-4", "x"), 1, "HS-4 is not on the agenda")
	chair("meeting", "add", "HS-4")
	if agenda := chair("meeting", "agenda"); !strings.Contains(agenda, "Not on the agenda (7;") || strings.Contains(agenda, "HS-4   MED") {
		t.Errorf("HS-4 added is still listed off the agenda:\n%s", agenda)
	}
	chair("meeting", "declare", "Louise Birch", "--item", "HS-4", "A relative runs one of the shops")
	failsWith(t, as("Helen Marsh", "meeting", "declare", "Louise Birch", "--item", "HS-99", "x"), 1, "HS-99 is not on the agenda")
	// A guest declares too: said to be one, and only someone on the list.
	if out := chair("meeting", "declare", "--guest", "karen doyle", "--item", "HS-2", "Treats riders injured on the rec"); !strings.Contains(out, "declaration by Karen Doyle (guest, Chesterfield Royal Hospital) recorded") {
		t.Errorf("declare --guest said %q", out)
	}
	failsWith(t, as("Helen Marsh", "meeting", "declare", "Karen Doyle", "x"), 1, "Karen Doyle is a guest at this meeting: add --guest")
	failsWith(t, as("Helen Marsh", "meeting", "declare", "--guest", "Louise Birch", "x"), 1, "Louise Birch is not a guest at this meeting")
	// Slips come off: a guest or a declaration added by mistake is taken
	// off by hand, or by undo if it was the last change.
	chair("meeting", "guest", "Mis Keyed", "--org", "Nowhere")
	chair("meeting", "guest", "--remove", "mis keyed")
	failsWith(t, as("Helen Marsh", "meeting", "guest", "--remove", "Mis Keyed"), 1, "Mis Keyed is not a guest at this meeting")
	if out := chair("meeting", "undo"); !strings.Contains(out, "guest Mis Keyed back on the list") {
		t.Errorf("undo said %q", out)
	}
	chair("meeting", "guest", "--remove", "Mis Keyed")
	chair("meeting", "declare", "Gary Fletcher", "oops")
	if out := chair("meeting", "undo"); !strings.Contains(out, "declaration by Gary Fletcher withdrawn") {
		t.Errorf("undo said %q", out)
	}
	chair("meeting", "declare", "Gary Fletcher", "oops again")
	chair("meeting", "declare", "--withdraw", "Gary Fletcher")
	failsWith(t, as("Helen Marsh", "meeting", "declare", "--withdraw", "Gary Fletcher"), 1, "Gary Fletcher has declared nothing at this meeting")
	// What undo cannot take back is named in words, with no key in it.
	chair("meeting", "move", "HS-2", "--down")
	failsWith(t, as("Helen Marsh", "meeting", "undo"), 1, "that change (moving an agenda item) cannot be undone: change it back by hand")
	chair("meeting", "move", "HS-2", "--up")
	chair("meeting", "approve-minutes")
	failsWith(t, as("Helen Marsh", "meeting", "approve-minutes"), 1, "already approved")

	// Matters arising, four ways.
	var rows []map[string]string
	if err := json.Unmarshal([]byte(chair("actions", "--format", "json")), &rows); err != nil || len(rows) < 4 {
		t.Fatalf("actions: %v", err)
	}
	news := ""
	for _, r := range rows {
		if r["last_update"] != "" && news == "" {
			news = r["ref"]
		}
	}
	var plain []string
	for _, r := range rows {
		if r["ref"] != news && len(plain) < 3 {
			plain = append(plain, r["ref"])
		}
	}
	chair("meeting", "review", plain[0])
	chair("meeting", "review", plain[1], "--status", "done", "--note", "Finished at the weekend")
	chair("meeting", "review", plain[2], "--due", "+3w", "--reason", "Waiting on the landlord")
	failsWith(t, as("Helen Marsh", "meeting", "review", plain[2], "--due", "+4w"), 2, "--due and --reason go together")
	if news != "" {
		chair("meeting", "review", news, "--accept")
	}

	// The agenda.
	agenda = chair("meeting", "agenda")
	if !strings.Contains(agenda, ">  1    Attendance") || !strings.Contains(agenda, "P2 HS-") {
		t.Errorf("agenda:\n%s", agenda)
	}
	chair("meeting", "move", "HS-2", "--up")
	chair("meeting", "drop", "HS-5")
	// Business under a hotspot off the agenda takes it up: its minutes
	// hold it.
	if out := chair("note", "add", "--hotspot", "HS-6", "Two loads cleared"); !strings.Contains(out, "(HS-6 taken up on the agenda)") {
		t.Errorf("note add off the agenda said %q", out)
	}
	chair("hotspot", "update", "HS-8", "--risk", "high", "--reason", "Three assaults outside the shop")
	failsWith(t, as("Helen Marsh", "meeting", "move", "aob", "--up"), 1, "only hotspot items can be moved")
	out := chair("hotspot", "add", "Queen's Park: youths on the bandstand", "--ward", "Spire", "--category", "nuisance",
		"--risk", "medium", "--lead", "community safety", "--location", "Queen's Park bandstand")
	if !strings.Contains(out, "as a new referral in") {
		t.Errorf("hotspot add said %q", out)
	}
	referral := strings.Fields(out)[0]
	chair("hotspot", "update", "HS-1", "--risk", "medium", "--reason", "Calls down a third")
	failsWith(t, as("Helen Marsh", "hotspot", "update", "HS-1", "--risk", "extreme"), 2, "not a risk level")
	failsWith(t, as("Helen Marsh", "hotspot", "close", "HS-1", "--reason", "Quiet"), 1, "still has")
	chair("hotspot", "close", "HS-1", "--reason", "Quiet for six weeks", "--actions", "general")
	chair("note", "add", "--hotspot", "HS-2", "--agency", "police", "Two riders warned")
	chair("decision", "add", "--hotspot", "HS-2", "That a Section 59 operation run for two more weekends")
	chair("meeting", "budget", "HS-2", "10m")
	failsWith(t, as("Helen Marsh", "meeting", "budget", "HS-2", "ten minutes"), 2, "not a time budget")
	chair("meeting", "undo")
	if out := chair("meeting", "agenda"); !strings.Contains(out, "HS-2") {
		t.Fatal("agenda lost HS-2")
	}
	chair("meeting", "next", "+1w", "--place", "Committee Room 2")
	chair("meeting", "close")

	md := chair("minutes", "latest")
	for _, want := range []string{
		"Karen Doyle (Chesterfield Royal Hospital)",
		"Apologies for absence were received from Dr Omar Haddad",
		"The Chair read the confidentiality statement",
		"approved as a correct record",
		"| " + plain[1] + " |", "→ done: Finished at the weekend",
		"Waiting on the landlord",
		referral + " Queen's Park: youths on the bandstand",
		"Risk changed from high to medium: Calls down a third.",
		"The hotspot was closed: Quiet for six weeks",
		"continue as general business",
		"**Derbyshire Constabulary:** Two riders warned",
		"RESOLVED –** that a Section 59 operation run for two more weekends",
		"Committee Room 2",
		"HS-6 Brimington: fly-tipping in the alley off Manor Road", "Two loads cleared",
		"HS-8 Whittington Moor: street drinking by the shops", "Risk changed from medium to high: Three assaults outside the shop.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the minutes do not say %q", want)
		}
	}
	if !regexp.MustCompile(`\*\*Louise Birch \(minute \d+, HS-4 Holme Hall shops: intimidation at the parade\):\*\* A relative runs one of the shops`).MatchString(md) {
		t.Error("the declaration does not name its minute")
	}
	if !regexp.MustCompile(`\*\*Karen Doyle \(guest, Chesterfield Royal Hospital\) \(minute \d+, HS-2 [^)]*\):\*\* Treats riders injured on the rec`).MatchString(md) {
		t.Error("the guest's declaration is not minuted with their organisation")
	}
	public := chair("minutes", "latest", "--public")
	if !strings.Contains(public, "A guest from Chesterfield Royal Hospital") || strings.Contains(public, "Karen Doyle") {
		t.Error("the public minutes do not give the guest's declaration by their organisation alone")
	}
	if strings.Contains(md, "HS-5 Rother") || strings.Contains(md, "HS-11 Walton") {
		t.Error("a dropped hotspot, or one the cadence left off, is minuted")
	}
	show := chair("hotspot", "show", "HS-1", "--format", "json")
	var h struct {
		Hotspot map[string]string `json:"hotspot"`
		History []map[string]string
	}
	if err := json.Unmarshal([]byte(show), &h); err != nil || h.Hotspot["status"] != "closed" || len(h.History) == 0 {
		t.Errorf("hotspot show: %v %v", err, h.Hotspot)
	}
}
