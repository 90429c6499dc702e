package main

import (
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsp/tasking/internal/policedata"
)

// policeBurst is a police.uk month with six incidents on one street: the
// only street (and LSOA) of its kind, so the top tenth, and offered.
var policeBurst = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n" +
	strings.Repeat(",2024-06,Derbyshire Constabulary,Derbyshire Constabulary,-1.4,53.2,On or near Market Place,E01019535,Chesterfield 005D,Anti-social behaviour,,\n", 6)

// The machine output of hotspot suggest is a documented interface.
var suggestionFields = []string{"number", "place", "lsoa_code", "lsoa_name", "location", "category", "month", "count", "base_mean",
	"rise", "top_decile", "threshold", "class", "evidence"}

// Emerging hotspots from the real police.uk files: after importing January
// to March 2024 for Chesterfield, the LSOA with the most anti-social
// behaviour in March (counted here from the file itself) is offered first,
// with its evidence; accepting a street opens a hotspot linked to it,
// which is offered no more; dismissing one hides it; members may do
// neither.
func TestHotspotSuggestFromTheRealFiles(t *testing.T) {
	t.Parallel()
	if got := fieldNames[suggestionRow](); !slices.Equal(got, suggestionFields) {
		t.Fatalf("suggestion fields %v, documented %v", got, suggestionFields)
	}
	db := plainDemoDB(t)
	helen := []string{"--db", db, "--as", "Helen Marsh"}
	var paths []string
	for _, m := range policedata.Months[:3] {
		paths = append(paths, policedata.File(t, m))
	}
	if out := ok(t, append(helen, "hotspot", "suggest")...); !strings.Contains(out, "No emerging hotspot is on offer") {
		t.Errorf("before any import: %s", out)
	}
	ok(t, append(append(append(helen, "import", "police-uk"), paths...), "--area", "Chesterfield")...)

	// March's anti-social behaviour per Chesterfield LSOA, from the file.
	b, err := os.ReadFile(policedata.File(t, "2024-03"))
	if err != nil {
		t.Fatal(err)
	}
	perLSOA := map[string]int{}
	names := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		c := strings.Split(strings.TrimRight(line, "\r"), ",")
		if c[9] == "Anti-social behaviour" && strings.HasPrefix(c[8], "Chesterfield") {
			perLSOA[c[7]]++
			names[c[7]] = c[8]
		}
	}
	top, most := "", 0
	for l, n := range perLSOA {
		if n > most || n == most && l < top {
			top, most = l, n
		}
	}

	var rows []map[string]any
	if err := json.Unmarshal([]byte(ok(t, append(helen, "hotspot", "suggest", "--format", "json")...)), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || rows[0]["place"] != top || rows[0]["count"] != float64(most) || rows[0]["month"] != "2024-03" || rows[0]["top_decile"] != "yes" {
		t.Fatalf("first offered: %v; want %s with %d", rows[0], top, most)
	}
	wantEvidence := "police.uk: " + strconv.Itoa(most) + " anti-social behaviour incidents at " + names[top] + " (" + top + ") in March 2024; in the top tenth of LSOAs"
	if ev, _ := rows[0]["evidence"].(string); !strings.HasPrefix(ev, wantEvidence) {
		t.Errorf("evidence %q, want it to start %q", ev, wantEvidence)
	}
	street := ""
	for _, r := range rows {
		if n, _ := r["count"].(float64); n < 5 {
			t.Errorf("offered with fewer than 5 incidents: %v", r)
		}
		if loc, _ := r["location"].(string); loc != "" && street == "" {
			street, _ = r["place"].(string)
		}
	}
	if street == "" {
		t.Fatalf("no street offered: %v", rows)
	}

	failsWith(t, run(t, nil, "--db", db, "--as", "Gary Fletcher", "hotspot", "dismiss", "1"), 1, "Gary Fletcher may not dismiss an emerging hotspot")
	out := ok(t, append(helen, "hotspot", "accept", street, "--ward", "Spire", "--category", "nuisance", "--risk", "medium", "--lead", "community safety")...)
	if !strings.HasPrefix(out, "HS-") || !strings.Contains(out, "opened: ") || !strings.Contains(out, ", linked to ") {
		t.Errorf("accept said %q", out)
	}
	ref := strings.Fields(out)[0]
	show := ok(t, append(helen, "hotspot", "show", ref)...)
	if !strings.Contains(show, "Evidence: police.uk: ") {
		t.Errorf("hotspot show has no evidence:\n%s", show)
	}
	list := ok(t, append(helen, "hotspot", "suggest", "--format", "csv")...)
	if strings.Contains(list, ","+street+",") {
		t.Errorf("the accepted street is still offered:\n%s", list)
	}
	out = ok(t, append(helen, "hotspot", "dismiss", top)...)
	if !strings.Contains(out, "dismissed: offered again from 24 Feb 2027") {
		t.Errorf("dismiss said %q", out)
	}
	if list := ok(t, append(helen, "hotspot", "suggest", "--format", "csv")...); strings.Contains(list, "\n1,"+top+",") {
		t.Errorf("the dismissed LSOA is still offered:\n%s", list)
	}
	failsWith(t, run(t, nil, append(helen, "hotspot", "accept", top, "--ward", "Spire", "--category", "nuisance", "--risk", "low", "--lead", "police")...), 1, "is not an emerging hotspot on offer")
}
