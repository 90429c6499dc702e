package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/fang/v2"
)

// The field lists are the documented machine interface (design.md,
// "Machine output"): a rename or reorder must fail here first.
func TestFieldListsAreTheDocumentedOnes(t *testing.T) {
	for name, tc := range map[string]struct{ got, want []string }{
		"hotspot": {fieldNames[hotspotRow](), hotspotFields},
		"action":  {fieldNames[actionRow](), actionFields},
		"agency":  {fieldNames[agencyRow](), agencyFields},
		"member":  {fieldNames[memberRow](), memberFields},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s fields %v, documented %v", name, tc.got, tc.want)
		}
	}
}

func TestEmptyListsAreEmptyArraysAndBareHeaders(t *testing.T) {
	var b bytes.Buffer
	if err := (list[actionRow]{}).write(&b, formatJSON); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty JSON is %q (%v), want []", b.String(), err)
	}
	b.Reset()
	if err := (list[agencyRow]{}).write(&b, formatCSV); err != nil || b.String() != "name,short_name,retired\n" {
		t.Errorf("empty CSV is %q (%v)", b.String(), err)
	}
}

func TestCSVQuotesAndKeepsText(t *testing.T) {
	var b bytes.Buffer
	rows := []agencyRow{{Name: `Fire, "Rescue"`, ShortName: "Fire"}}
	if err := writeCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	if want := "name,short_name,retired\n\"Fire, \"\"Rescue\"\"\",Fire,\n"; b.String() != want {
		t.Errorf("CSV %q, want %q", b.String(), want)
	}
}

// An audit event's number is unsigned: the CSV said "<uint64 Value>".
func TestCSVWritesNumbers(t *testing.T) {
	var b bytes.Buffer
	rows := []auditRow{{Event: 42, At: "2026-11-24T10:00:00Z", By: "Helen Marsh", Op: "action.add", Ref: "A-1", Change: "A-1 assigned"}}
	if err := writeCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	if want := "event,at,by,op,ref,change\n42,2026-11-24T10:00:00Z,Helen Marsh,action.add,A-1,A-1 assigned\n"; b.String() != want {
		t.Errorf("CSV %q, want %q", b.String(), want)
	}
}

func TestExitCodes(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, 0},
		{errors.New("database x is in use by tasking tui"), 1},
		{usagef("--format %q is not supported here", "pdf"), 2},
		{fmt.Errorf("wrapped: %w", usagef("bad")), 2},
		{errors.New(`unknown command "x" for "tasking man"`), 2},
		{errors.New("unknown flag: --bogus"), 2},
		{errors.New("accepts at most 1 arg(s), received 2"), 2},
	} {
		if got := exitCode(tc.err); got != tc.want {
			t.Errorf("exitCode(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}

func TestErrorsAreOneCleanLine(t *testing.T) {
	var b bytes.Buffer
	printError(&b, fang.Styles{}, errors.New("unknown command \"\x1b[31mx\x1b[0m\"\n\nDid you mean this?\n\thotspot\n"))
	if got, want := b.String(), "tasking: unknown command \"x\" Did you mean this? hotspot\n"; got != want {
		t.Errorf("printError wrote %q, want %q", got, want)
	}
}

func TestCellStripsAndCuts(t *testing.T) {
	if got := cell("Joint\x1b]0;pwned\x07 patrols\nFri/Sat"); got != "Joint patrols Fri/Sat" {
		t.Errorf("cell = %q", got)
	}
	if got := cut("abcdefghij", 5); got != "abcd…" {
		t.Errorf("cut = %q", got)
	}
	if got := cut("abcde", 5); got != "abcde" {
		t.Errorf("cut what fits = %q", got)
	}
}

func TestDefuseFormula(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+44 1246":                 "'+44 1246",
		"-1":                       "'-1",
		"@SUM(A1)":                 "'@SUM(A1)",
		"Joint patrols":            "Joint patrols",
		"2026-11-24":               "2026-11-24",
		"":                         "",
	} {
		if got := defuseFormula(in); got != want {
			t.Errorf("defuseFormula(%q) = %q, want %q", in, got, want)
		}
	}
}
