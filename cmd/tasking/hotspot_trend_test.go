package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// A hotspot is linked to places from what was imported (a street in more
// than one LSOA is asked about), its trend then comes from them, in the
// list, in show and in the export; a month's count is entered where there
// is no imported data; a member may do neither; someone who reads the
// public record never sees a street, nor anything of a personal case.
func TestHotspotLinkAndCounts(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	chair := func(args ...string) result {
		return run(t, nil, append([]string{"--db", db, "--as", "Helen Marsh"}, args...)...)
	}

	// The demo puts a Mill Lane in every LSOA: which one?
	r := chair("hotspot", "link", "HS-6", "--location", "Mill Lane")
	if r.code != 1 || !strings.Contains(r.stderr, "Mill Lane is in ") || !strings.Contains(r.stderr, " more (tasking incidents --by location): add --lsoa CODE") {
		t.Fatalf("an ambiguous street: %d %q", r.code, r.stderr)
	}
	var lsoas []map[string]any
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "incidents", "--by", "lsoa", "--month", "2026-10", "--format", "json")), &lsoas); err != nil || len(lsoas) == 0 {
		t.Fatalf("no LSOAs imported for October 2026: %v", err)
	}
	code := ""
	for _, l := range lsoas {
		if c, _ := l["lsoa_code"].(string); c != "" && code == "" {
			code = c // not the unlocated counts
		}
	}
	failsWith(t, run(t, nil, "--db", db, "--as", "Sgt Jas Patel", "hotspot", "link", "HS-6", "--location", "Mill Lane", "--lsoa", code), 1, "may not change hotspots")
	r = chair("hotspot", "link", "HS-6", "--location", "on or near mill lane", "--lsoa", code)
	if r.code != 0 || r.stdout != "HS-6: linked to 1 place (Mill Lane ("+code+"))\n" {
		t.Fatalf("link: %d %q %q", r.code, r.stdout, r.stderr)
	}
	failsWith(t, chair("hotspot", "link", "HS-6", "--lsoa", "E99999999"), 1, "no anti-social behaviour was imported for E99999999")

	rows := decodeJSON(t, ok(t, "--db", db, "hotspot", "list", "--format", "json"))
	var hs6 map[string]string
	for _, row := range rows {
		if row["ref"] == "HS-6" {
			hs6 = row
		}
	}
	if hs6["incidents_from"] != "police.uk" || hs6["areas"] != "Mill Lane ("+code+")" || hs6["incidents_month"] != "2026-10" || hs6["incidents"] == "" {
		t.Errorf("HS-6 in the list: %v", hs6)
	}
	var show struct {
		Trend struct {
			From   string
			Months []struct {
				Month string
				Count *int
			}
		}
	}
	if err := json.Unmarshal([]byte(ok(t, "--db", db, "hotspot", "show", "HS-6", "--format", "json")), &show); err != nil {
		t.Fatal(err)
	}
	if show.Trend.From != "police.uk" || len(show.Trend.Months) != 12 || show.Trend.Months[11].Month != "2026-10" || show.Trend.Months[11].Count == nil {
		t.Errorf("show's trend: %+v", show.Trend)
	}
	if out := ok(t, "--db", db, "hotspot", "show", "HS-6"); !strings.Contains(out, "Areas: Mill Lane ("+code+")") || !strings.Contains(out, "Incidents (police.uk, anti-social behaviour), Nov 25–Oct 26: ") {
		t.Errorf("show:\n%s", out)
	}
	r = chair("hotspot", "link", "HS-6", "--location", "Mill Lane", "--unlink")
	if r.code != 0 || r.stdout != "HS-6: linked to 0 places\n" {
		t.Errorf("unlink: %d %q %q", r.code, r.stdout, r.stderr)
	}

	// Counts where there is no imported data.
	r = chair("hotspot", "counts", "HS-10", "--month", "2026-10", "--count", "12")
	if r.code != 0 || r.stdout != "HS-10: October 2026 12\n" {
		t.Fatalf("counts: %d %q %q", r.code, r.stdout, r.stderr)
	}
	failsWith(t, chair("hotspot", "counts", "HS-10", "--month", "2026-11", "--count", "3"), 1, "November 2026 is not over yet")
	failsWith(t, chair("hotspot", "counts", "HS-10", "--count", "3"), 2, "counts needs --month YYYY-MM")
	failsWith(t, chair("hotspot", "counts", "HS-10", "--month", "2026-10"), 2, "give --count N, or --clear")
	failsWith(t, chair("hotspot", "counts", "HS-10", "--month", "October", "--count", "3"), 2, "is not a month")
	if out := ok(t, "--db", db, "hotspot", "show", "HS-10"); !strings.Contains(out, "Incidents (counts entered by the chair)") || !strings.Contains(out, "Oct 26 12") {
		t.Errorf("show after entering:\n%s", out)
	}
	r = chair("hotspot", "counts", "HS-10", "--month", "2026-10", "--clear")
	if r.code != 0 || r.stdout != "HS-10: no count for October 2026\n" {
		t.Errorf("clear: %d %q %q", r.code, r.stdout, r.stderr)
	}

	// The public record: areas by LSOA, never a street; no personal case.
	pub := decodeJSON(t, ok(t, "--db", db, "--as", "Cllr Pat Dyson", "hotspot", "list", "--format", "json"))
	exported := decodeJSON(t, ok(t, "--db", db, "--as", "Helen Marsh", "export", "hotspots", "--public", "--format", "json"))
	restricted := decodeJSON(t, ok(t, "--db", db, "export", "hotspots", "--format", "json"))
	streets := 0
	for _, row := range restricted {
		if strings.Contains(row["areas"], "Place") || strings.Contains(row["areas"], "Road") {
			streets++
		}
	}
	if streets == 0 {
		t.Fatal("the restricted export names no street: the check below would prove nothing")
	}
	for name, rows := range map[string][]map[string]string{"a viewer's list": pub, "the public export": exported} {
		if len(rows) == 0 {
			t.Fatalf("%s is empty", name)
		}
		for _, row := range rows {
			for _, area := range strings.Split(row["areas"], ", ") {
				if area != "" && !strings.HasPrefix(area, "Chesterfield ") && !strings.HasPrefix(area, "E0") {
					t.Errorf("%s: %s's areas name a street: %q", name, row["ref"], row["areas"])
				}
			}
			if row["ref"] == "HS-9" || row["category"] == "personal" {
				t.Errorf("%s has the personal case %s", name, row["ref"])
			}
		}
	}
}
