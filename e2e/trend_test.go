package e2e

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// TestTrendsBesideTheHotspots is the analyst's and the chair's week with
// the real binary: the demo's police.uk data is there; in the app the
// chair enters last month's count for a hotspot that has none imported
// (I), then links it to a street from what was imported (T, typed to
// find, enter); the command line and the minutes then show the imported
// counts, the HTML minutes as an inline SVG, and the public minutes name
// the area, never the street.
func TestTrendsBesideTheHotspots(t *testing.T) {
	t.Parallel()
	needTmux(t)
	home := t.TempDir()
	db := filepath.Join(home, "tasking.db")
	env := baseEnv(home)
	cli := func(args ...string) string {
		t.Helper()
		out, errOut, code := run(t, env, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("tasking %v: exit %d\n%s%s", args, code, out, errOut)
		}
		return out
	}
	cli("demo")
	var hotspots []map[string]string
	if err := json.Unmarshal([]byte(cli("hotspot", "list", "--format", "json")), &hotspots); err != nil {
		t.Fatal(err)
	}
	// A hotspot kept to entered counts, and its place in the list.
	row, ref := -1, ""
	for i, h := range hotspots {
		if h["incidents_from"] == "entered" && h["category"] != "personal" {
			row, ref = i, h["ref"]
			break
		}
	}
	if ref == "" {
		t.Fatal("the demo has no hotspot kept to entered counts")
	}
	last := model.MonthsBy(model.DateOf(pinned))
	// A street imported last month.
	var places []map[string]any
	if err := json.Unmarshal([]byte(cli("incidents", "--by", "location", "--month", last.String(), "--format", "json")), &places); err != nil {
		t.Fatal(err)
	}
	var street, lsoa, lsoaName string
	for _, p := range places {
		if s, _ := p["location"].(string); s != "" {
			street, lsoa, lsoaName = s, p["lsoa_code"].(string), p["lsoa_name"].(string)
			break
		}
	}
	if street == "" {
		t.Fatalf("nothing imported for %s", last)
	}

	app := startTerm(t, 120, 36, env, "--db", db, "--as", "Helen Marsh")
	app.waitFor("Hotspots by risk", "12 months", "trend")
	for range row {
		app.keys("j")
	}
	app.keys("Enter")
	app.waitFor(ref+" ", "counts entered by the chair")
	app.keys("I")
	app.waitFor("Incidents · "+ref, last.String())
	app.keys("C-u") // the count entered before, if any
	app.text("33")
	app.keys("Enter")
	app.waitFor(ref+": 33 in "+last.Long(), last.Short()+": 33")
	app.keys("T")
	app.waitFor("Link "+ref+" to police.uk data", "Linked (✓): none yet")
	app.text(strings.ToLower(street + " " + lsoaName))
	app.waitFor(street + ", " + lsoaName)
	app.keys("Enter")
	app.waitFor("✓ "+ref+" linked to "+street+" ("+lsoa+")", "Linked (✓): "+street)
	app.keys("Escape") // the filter (one key at a time: two escapes at once read as alt+esc)
	app.waitFor("/ type to find a street")
	app.keys("Escape") // the picker
	app.waitFor("police.uk: " + street + " (" + lsoa + ")")
	app.keys("q", "q")
	if status := app.exited(); status != 0 {
		t.Fatalf("the app exited %d", status)
	}

	var shown struct {
		Hotspot map[string]string `json:"hotspot"`
		Trend   struct {
			From   string `json:"from"`
			Months []struct {
				Month string `json:"month"`
				Count *int   `json:"count"`
			} `json:"months"`
		} `json:"trend"`
	}
	if err := json.Unmarshal([]byte(cli("hotspot", "show", ref, "--format", "json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.Hotspot["areas"] != street+" ("+lsoa+")" || shown.Trend.From != "police.uk" || len(shown.Trend.Months) != model.TrendMonths {
		t.Fatalf("%s after linking: %v %+v", ref, shown.Hotspot, shown.Trend)
	}
	count := 0
	for _, p := range places {
		if p["location"] == street && p["lsoa_code"] == lsoa {
			count = int(p["count"].(float64))
		}
	}
	if got := shown.Trend.Months[model.TrendMonths-1]; got.Month != last.String() || got.Count == nil || *got.Count != count {
		t.Errorf("%s's last month: %+v, imported %d", ref, got, count)
	}
	audit := cli("audit", "--format", "json")
	for _, op := range []string{`"hotspot.count"`, `"hotspot.link"`} {
		if !strings.Contains(audit, op) {
			t.Errorf("the audit trail has no %s", op)
		}
	}

	// The meeting's minutes: its hotspot items with their 12 months.
	cli("--as", "Helen Marsh", "meeting", "start")
	// On the agenda, whether the review cadence put it there or not.
	if out, errOut, code := run(t, env, "--db", db, "--as", "Helen Marsh", "meeting", "add", ref); code != 0 && !strings.Contains(errOut, "already on the agenda") {
		t.Fatalf("meeting add %s: exit %d\n%s%s", ref, code, out, errOut)
	}
	html := cli("minutes", "--format", "html")
	if !strings.Contains(html, `<svg class="spark"`) || !strings.Contains(html, street+" ("+lsoa+")") ||
		!strings.Contains(html, last.Short()+" "+strconv.Itoa(count)) {
		t.Errorf("the HTML minutes lack %s's sparkline or counts", ref)
	}
	for _, bad := range []string{"<script", "<img", "href=", "src=", "url(", "xlink"} {
		if strings.Contains(html, bad) {
			t.Errorf("the HTML minutes hold %q", bad)
		}
	}
	public := cli("minutes", "--format", "html", "--public")
	if !strings.Contains(public, `<svg class="spark"`) || !strings.Contains(public, lsoa) || strings.Contains(public, street+" (") {
		t.Errorf("the public minutes should name %s's area (%s), never its street (%s)", ref, lsoa, street)
	}
}
