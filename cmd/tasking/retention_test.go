package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// tasking retention, as a chair would use it: a personal case closed in
// 2026 is listed in 2033 and anonymised; the chain and check still hold,
// the public minutes of every closed meeting are byte for byte what they
// were, and the case's words are gone from every output and from the
// file's bytes.
func TestRetentionAnonymisesAClosedPersonalCase(t *testing.T) {
	t.Parallel()
	db := plainDemoDB(t)
	helen := []string{"--db", db, "--as", "Helen Marsh"}
	later := append(isolatedEnv(t.TempDir()), "TASKING_NOW=2033-01-10T10:00")
	at := func(env []string, args ...string) string {
		t.Helper()
		r := run(t, env, append(helen, args...)...)
		if r.code != 0 {
			t.Fatalf("tasking %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r.stdout
	}

	// HS-7 is personal ASB (a named household): its words, as the group
	// knows them now.
	var hotspots []map[string]string
	mustUnmarshal(t, at(nil, "hotspot", "list", "--all", "--format", "json"), &hotspots)
	var words []string
	for _, h := range hotspots {
		if h["ref"] == "HS-7" {
			if h["category"] != "personal" {
				t.Fatalf("the demo's HS-7 is %s, not personal", h["category"])
			}
			words = append(words, h["title"], h["location"])
		}
	}
	var actions []map[string]string
	mustUnmarshal(t, at(nil, "actions", "--hotspot", "HS-7", "--format", "json"), &actions)
	for _, a := range actions {
		words = append(words, a["text"])
	}
	if len(words) < 3 {
		t.Fatalf("HS-7's words: %q", words)
	}
	at(nil, "hotspot", "close", "HS-7", "--reason", "Family rehoused by the council", "--actions", "close")
	words = append(words, "Family rehoused by the council")
	closed := closedMeetings(t, db)
	public := map[string]string{}
	for _, m := range closed {
		for _, f := range []string{"md", "html", "txt", "json"} {
			public[m+"."+f] = at(nil, "minutes", m, "--public", "--format", f)
		}
	}

	// Six years on, nothing is due yet.
	if out := at(nil, "retention"); !strings.Contains(out, "none is past that") {
		t.Errorf("in 2026:\n%s", out)
	}
	// In 2033 HS-7 is listed; listing changes nothing, and only the chair
	// or an admin may.
	before := sum(t, db)
	list := at(later, "retention")
	if !strings.Contains(list, "HS-7") || !strings.Contains(list, "1 case is past that") || !strings.Contains(list, words[0]) {
		t.Errorf("the list:\n%s", list)
	}
	var rows []map[string]any
	mustUnmarshal(t, at(later, "retention", "--format", "json"), &rows)
	if len(rows) != 1 || rows[0]["ref"] != "HS-7" || rows[0]["closed"] != "2026-11-24" || rows[0]["anonymised"] != "" {
		t.Errorf("the JSON list: %v", rows)
	}
	checkFields(t, []map[string]string{stringFields(rows[0])}, fieldNames[retentionRow]())
	failsWith(t, run(t, later, "--db", db, "--as", "Gary Fletcher", "retention"), 1, "only the chair or an admin may")
	failsWith(t, run(t, later, append(helen, "retention", "--yes")...), 2, "--apply")
	// Asked, with no terminal to answer on: nothing is done.
	if r := run(t, later, append(helen, "retention", "--apply")...); r.code != 2 || !strings.HasPrefix(r.stderr, "Anonymise 1 personal case closed before Sunday 10 January 2027 (HS-7)?") ||
		!strings.HasSuffix(r.stderr, "tasking: not done: nothing was changed; add --yes to go ahead\n") {
		t.Errorf("--apply with nobody to answer: exit %d, %q", r.code, r.stderr)
	}
	if sum(t, db) != before {
		t.Fatal("listing, or an --apply not answered, changed the file")
	}

	r := run(t, later, append(helen, "retention", "--apply", "--yes", "--format", "json")...)
	if r.code != 0 {
		t.Fatalf("retention --apply: exit %d: %s", r.code, r.stderr)
	}
	mustUnmarshal(t, r.stdout, &rows)
	if len(rows) != 1 || rows[0]["title"] != model.AnonymisedText || rows[0]["anonymised"] != "2033-01-10" {
		t.Errorf("what --apply says it did: %v", rows)
	}
	if !strings.Contains(r.stderr, "Anonymised HS-7") || !strings.Contains(r.stderr, "free space was cleared") {
		t.Errorf("--apply's account:\n%s", r.stderr)
	}

	// The record still proves itself.
	if out := at(later, "audit", "verify"); !strings.Contains(out, "The history holds") {
		t.Errorf("audit verify: %s", out)
	}
	if out := at(later, "check"); !strings.Contains(out, "no problems") {
		t.Errorf("check: %s", out)
	}
	for _, m := range closed {
		for _, f := range []string{"md", "html", "txt", "json"} {
			if got := at(later, "minutes", m, "--public", "--format", f); got != public[m+"."+f] {
				t.Errorf("the public minutes of %s (%s) changed", m, f)
			}
		}
	}
	// The case's words are in no output and not in the file.
	var seen strings.Builder
	for _, args := range [][]string{{"hotspot", "show", "HS-7"}, {"actions", "--hotspot", "HS-7", "--status", "cancelled"}, {"audit", "--hotspot", "HS-7"}} {
		seen.WriteString(at(later, args...))
	}
	for _, m := range closed {
		seen.WriteString(at(later, "minutes", m))
	}
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if strings.Contains(seen.String(), w) {
			t.Errorf("%q is still shown", w)
		}
		if bytes.Contains(raw, []byte(w)) {
			t.Errorf("%q is still in the file", w)
		}
	}
	if !strings.Contains(seen.String(), "HS-7 anonymised (closed 2026-11-24, kept 6 years)") {
		t.Error("the trail does not say the case was anonymised")
	}
	if !strings.Contains(seen.String(), "HS-7 [anonymised]\n") || !strings.Contains(seen.String(), "Anonymised on 10 Jan 2033: closed on 24 Nov 2026") {
		t.Error("hotspot show does not say the case was anonymised, and when")
	}
	if out := at(later, "retention"); !strings.Contains(out, "none is past that") {
		t.Errorf("after --apply:\n%s", out)
	}
}

// The retention period is the partnership's: set, shown, bounded.
func TestRetentionPeriodIsAPartnershipSetting(t *testing.T) {
	t.Parallel()
	db := plainDemoDB(t)
	helen := []string{"--db", db, "--as", "Helen Marsh"}
	failsWith(t, run(t, nil, append(helen, "partnership", "set", "--retention-years", "0")...), 2, "between 1 and 25 years")
	failsWith(t, run(t, nil, append(helen, "partnership", "set", "--retention-years", "26")...), 2, "between 1 and 25 years")
	ok(t, append(helen, "partnership", "set", "--retention-years", "10")...)
	var p map[string]any
	mustUnmarshal(t, ok(t, append(helen, "partnership", "show", "--format", "json")...), &p)
	if p["retention_years"] != float64(10) {
		t.Errorf("partnership show: %v", p)
	}
	if out := ok(t, append(helen, "retention")...); !strings.Contains(out, "kept 10 years") {
		t.Errorf("retention after the setting:\n%s", out)
	}
}

func mustUnmarshal(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("not JSON (%v):\n%s", err, s)
	}
}

// closedMeetings are the refs of the closed meetings in db, as their
// JSON minutes say.
func closedMeetings(t *testing.T, db string) []string {
	t.Helper()
	var refs []string
	for n := 1; ; n++ {
		r := run(t, nil, "--db", db, "--as", "Helen Marsh", "minutes", model.MeetingRef(model.ID(n)), "--format", "json")
		if r.code != 0 {
			break
		}
		var m map[string]any
		mustUnmarshal(t, r.stdout, &m)
		if m["state"] == "closed" {
			refs = append(refs, model.MeetingRef(model.ID(n)))
		}
	}
	if len(refs) == 0 {
		t.Fatal("no closed meetings")
	}
	return refs
}

func stringFields(row map[string]any) map[string]string {
	out := map[string]string{}
	for k := range row {
		out[k] = ""
	}
	return out
}
