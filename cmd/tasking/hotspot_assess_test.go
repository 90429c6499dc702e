package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// hotspot assess: the level from the matrix, shown by hotspot show and in
// the hotspot export (never in its public version), the chair's or an
// admin's to make, refused with a usage error for a score off the matrix;
// in a meeting minuted under the hotspot (taken up onto the agenda when the
// cadence had left it off), undone by meeting undo.
func TestHotspotAssess(t *testing.T) {
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
	if out := chair("hotspot", "assess", "HS-4", "--likelihood", "4", "--harm", "3", "--repeat", "--reason", "Same shopkeeper three times"); out != "HS-4: risk HIGH (likelihood 4 × harm 3 = 12; repeat victim), was MEDIUM\n" {
		t.Errorf("assess said %q", out)
	}
	if out := chair("hotspot", "show", "HS-4"); !strings.Contains(out, "high risk") || !strings.Contains(out, "Risk assessed 24 Nov 2026: likelihood 4 × harm 3 = 12; repeat victim\n") {
		t.Errorf("hotspot show:\n%s", out)
	}
	var show struct {
		Hotspot map[string]string `json:"hotspot"`
	}
	if err := json.Unmarshal([]byte(chair("hotspot", "show", "HS-4", "--format", "json")), &show); err != nil {
		t.Fatal(err)
	}
	if h := show.Hotspot; h["risk"] != "high" || h["likelihood"] != "4" || h["harm"] != "3" || h["risk_score"] != "12" || h["risk_flags"] != "repeat" || h["assessed_on"] != "2026-11-24" {
		t.Errorf("hotspot show json: %v", h)
	}
	failsWith(t, as("Sgt Jas Patel", "hotspot", "assess", "HS-4", "--likelihood", "1", "--harm", "1", "--reason", "x"), 1, "Sgt Jas Patel may not assess a hotspot's risk")
	failsWith(t, as("Helen Marsh", "hotspot", "assess", "HS-4", "--likelihood", "6", "--harm", "1", "--reason", "x"), 2, "likelihood is 1 to 5 (6 given)")
	failsWith(t, as("Helen Marsh", "hotspot", "assess", "HS-4", "--likelihood", "2", "--harm", "2"), 2, "assess needs --reason")
	failsWith(t, as("Helen Marsh", "hotspot", "assess", "HS-4", "--harm", "2", "--reason", "x"), 2, "assess needs --likelihood and --harm")

	// A private hotspot assessed too: the export carries the matrix in the
	// restricted version only, and the public one neither it nor HS-7.
	chair("hotspot", "assess", "HS-7", "--likelihood", "3", "--harm", "3", "--vulnerable", "--reason", "An elderly neighbour")
	exported := func(args ...string) map[string]map[string]string {
		t.Helper()
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(chair(append([]string{"export", "hotspots", "--format", "csv"}, args...)...), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		head := rows[0]
		if got := strings.Join(head[len(head)-10:len(head)-5], ","); got != "likelihood,harm,risk_score,risk_flags,assessed_on" {
			t.Fatalf("the export's risk matrix columns: %s", got)
		}
		out := map[string]map[string]string{}
		for _, r := range rows[1:] {
			m := map[string]string{}
			for i, h := range head {
				m[h] = r[i]
			}
			out[m["ref"]] = m
		}
		return out
	}
	restricted := exported()
	if r := restricted["HS-7"]; r["risk_flags"] != "vulnerable" || r["risk_score"] != "9" || r["risk"] != "high" {
		t.Errorf("restricted export HS-7: %v", r)
	}
	if r := restricted["HS-1"]; r["likelihood"] != "4" || r["harm"] != "4" || r["risk_score"] != "16" || r["risk_flags"] != "repeat" || r["risk"] != "high" {
		t.Errorf("the demo's assessment of HS-1 (4 × 4, repeat victim) is not exported: %v", r)
	}
	public := exported("--public")
	if _, ok := public["HS-7"]; ok {
		t.Error("the public export lists a personal-ASB hotspot")
	}
	if r := public["HS-4"]; r["risk"] != "high" || r["likelihood"] != "" || r["risk_flags"] != "" || r["assessed_on"] != "" {
		t.Errorf("the public export gives the matrix behind the level: %v", r)
	}
	viewer := as("Cllr Pat Dyson", "hotspot", "show", "HS-4", "--format", "json")
	if viewer.code != 0 || strings.Contains(viewer.stdout, `"likelihood": "4"`) {
		t.Errorf("a viewer reads the matrix: %d %s", viewer.code, viewer.stdout)
	}

	// In the meeting: HS-6 (medium, reviewed last week) is not on the
	// agenda; assessing it minutes it under its own item.
	chair("meeting", "start")
	if out := chair("hotspot", "assess", "HS-6", "--likelihood", "2", "--harm", "2", "--reason", "Cleared twice"); !strings.Contains(out, "HS-6: risk LOW (likelihood 2 × harm 2 = 4), was MEDIUM; minuted in M-7") {
		t.Errorf("assess in a meeting said %q", out)
	}
	if out := chair("meeting", "undo"); !strings.Contains(out, "HS-6 back to medium risk") {
		t.Errorf("undo said %q", out)
	}
	// Back to the demo's own assessment.
	if out := chair("hotspot", "show", "HS-6"); !strings.Contains(out, "medium risk") || !strings.Contains(out, "likelihood 3 × harm 3 = 9") || strings.Contains(out, "harm 2") {
		t.Errorf("after undo:\n%s", out)
	}
	chair("hotspot", "assess", "HS-6", "--likelihood", "3", "--harm", "4", "--hate", "--reason", "Slurs in the dumped rubbish")
	if agenda := chair("meeting", "agenda"); !strings.Contains(agenda, "HS-6 Brimington") || strings.Contains(agenda, "HS-6   MED") {
		t.Errorf("HS-6 not taken up:\n%s", agenda)
	}
	chair("hotspot", "assess", "HS-7", "--likelihood", "2", "--harm", "2", "--vulnerable", "--reason", "Neighbour moved to her daughter's")
	chair("meeting", "close", "--next", "+1w")
	md := chair("minutes", "latest")
	for _, want := range []string{
		"HS-6 Brimington: fly-tipping in the alley off Manor Road",
		"Risk assessed: HIGH, was MEDIUM (likelihood 3 × harm 4 = 12; hate motivation). Slurs in the dumped rubbish.",
		"Risk assessed: MEDIUM, was HIGH (likelihood 2 × harm 2 = 4; vulnerable victim). Neighbour moved to her daughter's.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the minutes do not say %q", want)
		}
	}
	pub := chair("minutes", "latest", "--public")
	if !strings.Contains(pub, "Slurs in the dumped rubbish") || strings.Contains(pub, "Neighbour moved") || strings.Contains(pub, "Hasland") {
		t.Error("the public minutes: a Part 1 hotspot's assessment is minuted, a personal case's never")
	}
}
