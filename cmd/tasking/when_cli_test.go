package main

import (
	"strings"
	"testing"
)

// WHEN dates on the command line: next-meeting means what it means in the
// app (the date fixed, else the cadence's), in a meeting and out of one;
// an action given it starts green; British dates are read day first; dates
// outside 2000–2100 are refused; a meeting cannot close before it started.
func TestWhenDatesOnTheCommandLine(t *testing.T) {
	t.Parallel()
	db := demoDB(t)
	chair := func(args ...string) []string { return append([]string{"--db", db, "--as", "Helen Marsh"}, args...) }
	assigned := func(due string) string {
		t.Helper()
		out := ok(t, chair("action", "add", "--agency", "police", "--due", due, "Patrols")...)
		ref, rest, _ := strings.Cut(strings.TrimSpace(out), " ")
		_, when, _ := strings.Cut(rest, ", due ")
		if when == "" {
			t.Fatalf("action add --due %s said %q", due, out)
		}
		return ref + " " + when
	}
	ok(t, chair("meeting", "start")...) // M-7, Tuesday 24 November 2026; the group meets weekly

	// None fixed yet: the cadence's, a week on, as the meeting screen says.
	a := assigned("next-meeting")
	if !strings.HasSuffix(a, " 2026-12-01") {
		t.Fatalf("next-meeting in a meeting with no date fixed: %s, want 2026-12-01", a)
	}
	ref := strings.Fields(a)[0]
	for _, r := range decodeJSON(t, ok(t, "--db", db, "actions", "--format", "json")) {
		if r["ref"] == ref && r["rag"] != "green" {
			t.Errorf("%s, given the default due date, is %s: want green", ref, r["rag"])
		}
	}
	// Fixed: that date, for a new action and for one carried forward.
	ok(t, chair("meeting", "next", "2026-12-08")...)
	if a := assigned("next-meeting"); !strings.HasSuffix(a, " 2026-12-08") {
		t.Errorf("next-meeting once fixed: %s, want 2026-12-08", a)
	}
	if out := ok(t, chair("meeting", "review", ref, "--due", "next-meeting", "--reason", "waiting for the rota")...); !strings.Contains(out, "due 2026-12-08") {
		t.Errorf("carried forward to next-meeting: %q, want 2026-12-08", out)
	}

	// Dates as people in Britain write them.
	for due, want := range map[string]string{"5/1/27": "2027-01-05", "12/1/2027": "2027-01-12", "29/2/28": "2028-02-29"} {
		if a := assigned(due); !strings.HasSuffix(a, " "+want) {
			t.Errorf("--due %s: %s, want %s", due, a, want)
		}
	}
	// Outside 2000–2100: refused, nothing saved.
	for _, due := range []string{"0001-01-01", "9999-12-31", "31/12/1999", "2101-01-01"} {
		failsWith(t, run(t, nil, chair("action", "add", "--agency", "police", "--due", due, "Patrols")...), 2,
			"is not a date the record keeps: give one from 1 January 2000 to 31 December 2100")
	}

	// The clock an hour behind the start: the close is refused, naming both.
	early := append(isolatedEnv(t.TempDir()), "TASKING_NOW=2026-11-24T09:00")
	failsWith(t, run(t, early, chair("meeting", "close")...), 1, "M-7 started at 10:00 on 24 Nov; it cannot close at 09:00")
	ok(t, chair("meeting", "close")...)
}
