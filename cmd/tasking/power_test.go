package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// The machine output of powers is a documented interface.
var powerFields = []string{"ref", "kind", "hotspot", "action", "agency", "start", "ends", "statutory_end", "extended", "review",
	"authorised_by", "terms", "in_force", "next_clock", "next_clock_at", "ended", "end_reason", "private", "version"}

// Powers from the command line: recorded by the agency that holds them
// within the Act's limits, listed soonest ending first with the clock to
// watch, --expiring keeping what runs out within the span; extended,
// reviewed, ended; a viewer reads only the place-based ones on public
// business, without officers.
func TestPowersFromTheCommandLine(t *testing.T) {
	if got := fieldNames[powerRow](); !slices.Equal(got, powerFields) {
		t.Fatalf("power fields %v, documented %v", got, powerFields)
	}
	db := demoDB(t)
	as := func(who string, args ...string) result {
		return run(t, nil, append([]string{"--db", db, "--as", who}, args...)...)
	}
	ok := func(who string, args ...string) string {
		t.Helper()
		r := as(who, args...)
		if r.code != 0 {
			t.Fatalf("tasking %v: exit %d: %s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	// Tuesday 24 November 2026, 10:00.
	if out := ok("Insp Claire Dunn", "power", "add", "dispersal", "--hotspot", "HS-1", "--agency", "police", "--start", "fri 18:00",
		"--authorised-by", "Insp Claire Dunn", "--terms", "Market Place and the bus station"); out != "P-4 recorded: Dispersal authorisation (P-4), from Fri 27 Nov 2026 18:00 to Sun 29 Nov 2026 18:00, authorised by Insp Claire Dunn; takes effect Fri 27 Nov 18:00 (in 80 h)\n" {
		t.Errorf("power add said %q", out)
	}
	failsWith(t, as("Insp Claire Dunn", "power", "add", "pspo", "--hotspot", "HS-8", "--agency", "community safety", "--start", "2026-01-10", "--authorised-by", "x"),
		1, "Insp Claire Dunn may not record powers in force: members record and change only powers their own agency holds")
	failsWith(t, as("Helen Marsh", "power", "add", "dispersal", "--hotspot", "HS-1", "--agency", "police", "--start", "fri 18:00", "--expires", "sun 19:00", "--authorised-by", "x"),
		1, "may run until Sun 29 Nov 2026 18:00 at the latest (no more than 48 hours)")
	failsWith(t, as("Helen Marsh", "power", "add", "dispersal", "--hotspot", "HS-1", "--agency", "police", "--start", "fri", "--authorised-by", "x"), 2, "give the time too")
	failsWith(t, as("Helen Marsh", "power", "add", "asbo", "--hotspot", "HS-1", "--agency", "police", "--start", "fri", "--authorised-by", "x"), 2, `"asbo" is not a power`)
	failsWith(t, as("Helen Marsh", "power", "add", "pspo", "--agency", "police", "--start", "fri", "--authorised-by", "x"), 2, "give --hotspot or --action")
	ok("Helen Marsh", "power", "add", "pspo", "--hotspot", "HS-8", "--agency", "community safety", "--start", "2024-01-10", "--review", "2026-12-01",
		"--authorised-by", "Cabinet, minute 112", "--terms", "No drinking in the designated area")
	ok("Helen Marsh", "power", "add", "cpn", "--hotspot", "HS-4", "--agency", "housing", "--start", "2026-11-20", "--authorised-by", "ASB officer", "--terms", "No amplified music")
	ok("Helen Marsh", "power", "add", "closure-order", "--hotspot", "HS-2", "--agency", "police", "--start", "2026-09-10", "--authorised-by", "Chesterfield Magistrates")
	ok("Helen Marsh", "power", "add", "pspo", "--hotspot", "HS-6", "--agency", "community safety", "--start", "2026-06-01", "--authorised-by", "Cabinet, minute 40")

	list := ok("Helen Marsh", "powers")
	for _, want := range []string{
		"P-4  Dispersal ", "⚑ takes effect Fri 27 Nov 18:00 (in 80 h)",
		"P-7  Closure order ", "⚑ expires 10 Dec 2026 (in 16 days)",
		"P-5  PSPO ", "⚑ review due 1 Dec 2026 (in 7 days)",
		"P-6  CPN ", "⚑ appeal window closes 11 Dec 2026 (in 17 days)", "[private, para 1] No amplified music",
		"P-8  PSPO ", "expires 1 Jun 2029",
	} {
		if !strings.Contains(list, want) {
			t.Errorf("powers does not say %q:\n%s", want, list)
		}
	}
	if i, j := strings.Index(list, "P-7 "), strings.Index(list, "P-8 "); i > j {
		t.Errorf("not soonest ending first:\n%s", list)
	}
	// The demo's own three (P-1 to P-3) are passed over: these are the
	// test's.
	refs := func(out string) string {
		var rows []map[string]string
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			if !slices.Contains([]string{"P-1", "P-2", "P-3"}, r["ref"]) {
				got = append(got, r["ref"])
			}
		}
		return strings.Join(got, " ")
	}
	if got := refs(ok("Helen Marsh", "powers", "--expiring", "7d", "--format", "json")); got != "P-4 P-5" { // the dispersal takes effect, and lapses, within the week
		t.Errorf("--expiring 7d: %s", got)
	}
	if got := refs(ok("Helen Marsh", "powers", "--expiring", "28d", "--format", "json")); got != "P-4 P-7 P-5 P-6" {
		t.Errorf("--expiring 28d: %s", got)
	}
	if got := refs(ok("Helen Marsh", "powers", "--hotspot", "HS-8", "--format", "json")); got != "P-5" {
		t.Errorf("--hotspot HS-8: %s", got)
	}

	// hotspot show lists a hotspot's powers with the clock to watch; a
	// viewer's, the public ones without who authorised them.
	if out := ok("Helen Marsh", "hotspot", "show", "HS-8"); !strings.Contains(out, "Powers in force (1)\n  ⚑ review due 1 Dec 2026 (in 7 days) · Public Spaces Protection Order (P-5), from 10 Jan 2024 to 10 Jan 2027, authorised by Cabinet, minute 112: No drinking") {
		t.Errorf("hotspot show HS-8:\n%s", out)
	}
	if out := ok("Cllr Pat Dyson", "hotspot", "show", "HS-4", "--format", "json"); !strings.Contains(out, `"powers": []`) {
		t.Errorf("a viewer reads the CPN on HS-4:\n%s", out)
	}

	// A meeting minutes the powers in force at its hotspots, as they stood
	// when it closed: later changes do not reach its minutes.
	ok("Helen Marsh", "meeting", "start")
	ok("Helen Marsh", "meeting", "close", "--next", "+1w")
	dispersalLine := "Dispersal authorisation (P-4), from Fri 27 Nov 2026 18:00 to Sun 29 Nov 2026 18:00, authorised by Insp Claire Dunn: Market Place and the bus station"
	minutes := ok("Helen Marsh", "minutes", "latest")
	if !strings.Contains(minutes, "Powers in force:") || !strings.Contains(minutes, dispersalLine) {
		t.Errorf("the minutes do not list HS-1's dispersal:\n%s", minutes)
	}
	if pub := ok("Helen Marsh", "minutes", "latest", "--public"); !strings.Contains(pub, "Dispersal authorisation (P-4), from Fri 27 Nov 2026 18:00 to Sun 29 Nov 2026 18:00: Market Place") || strings.Contains(pub, "authorised by") {
		t.Error("the public minutes do not list the dispersal, or name who authorised it")
	}

	// Extended, reviewed, ended.
	failsWith(t, as("Helen Marsh", "power", "extend", "P-7", "--to", "2027-03-11"), 1, "until 10 Mar 2027 at the latest (6 months in total)")
	if out := ok("Helen Marsh", "power", "extend", "P-7", "--to", "2027-03-10"); !strings.Contains(out, "P-7 extended: Closure order (P-7), from 10 Sep 2026 to 10 Mar 2027 (extended)") {
		t.Errorf("extend said %q", out)
	}
	ok("Helen Marsh", "power", "review", "P-5", "--on", "2027-01-12")
	failsWith(t, as("Gary Fletcher", "power", "end", "P-4", "--reason", "x"), 1, "Gary Fletcher may not change a power in force")
	ok("Insp Claire Dunn", "power", "end", "P-4", "--reason", "Withdrawn: the event was cancelled")
	if again := ok("Helen Marsh", "minutes", "latest"); again != minutes {
		t.Error("ending a power changed a closed meeting's minutes")
	}
	var rows []map[string]string
	if err := json.Unmarshal([]byte(ok("Helen Marsh", "powers", "--all", "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	byRef := map[string]map[string]string{}
	for _, r := range rows {
		byRef[r["ref"]] = r
	}
	if r := byRef["P-4"]; r["in_force"] != "" || r["end_reason"] != "Withdrawn: the event was cancelled" || r["next_clock"] != "" {
		t.Errorf("the ended dispersal: %v", r)
	}
	if r := byRef["P-7"]; r["extended"] != "yes" || r["statutory_end"] != "2026-12-10T12:00:00Z" || !strings.HasPrefix(r["ends"], "2027-03-10") {
		t.Errorf("the extended order: %v", r)
	}
	if r := byRef["P-5"]; r["review"] != "2027-01-12" || r["authorised_by"] != "Cabinet, minute 112" || r["version"] != "restricted" {
		t.Errorf("the PSPO: %v", r)
	}

	// The public record: place-based powers on public business only, no
	// officers; a CPN is about a person.
	pub := ok("Cllr Pat Dyson", "powers", "--all", "--format", "json")
	if got := refs(pub); got != "P-4 P-5 P-7 P-8" {
		t.Errorf("the public record's powers: %s", got)
	}
	if strings.Contains(pub, "P-6") || strings.Contains(pub, "Cabinet") || strings.Contains(pub, "Insp Claire Dunn") || strings.Contains(pub, "No amplified music") {
		t.Errorf("the public record gives private business or officers:\n%s", pub)
	}
}
