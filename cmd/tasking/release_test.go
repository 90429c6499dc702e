package main

import (
	"regexp"
	"strings"
	"testing"
)

// A released record says so wherever the restricted record lists it —
// "[released by D-n]" — and a public-only reader sees neither the mark nor
// the release (the releasing resolution is Part 2 business).
func TestAReleasedActionSaysSo(t *testing.T) {
	db := demoDB(t)
	helen := []string{"--db", db, "--as", "Helen Marsh"}
	ok(t, append(helen, "meeting", "start")...)
	out := ok(t, append(helen, "action", "add", "--agency", "housing", "--due", "2026-12-15", "--confidential", "RELMARK Offer the family at number 4 a move")...)
	ref := regexp.MustCompile(`A-\d+`).FindString(out)
	if ref == "" {
		t.Fatalf("no ref in %q", out)
	}
	if show := ok(t, append(helen, "action", "show", ref)...); !strings.Contains(show, "[private, para") {
		t.Fatalf("the confidential action is not marked: %s", show)
	}
	out = ok(t, append(helen, "release", ref, "--reason", "The family asked for it to be known")...)
	dec := regexp.MustCompile(`D-\d+`).FindString(out)
	if dec == "" {
		t.Fatalf("no resolution in %q", out)
	}
	want := "[released by " + dec + "]"
	if show := ok(t, append(helen, "action", "show", ref)...); !strings.Contains(strings.SplitN(show, "\n", 2)[0], want) {
		t.Errorf("action show's first line does not say %q:\n%s", want, show)
	}
	if list := ok(t, append(helen, "actions", "--agency", "housing")...); !strings.Contains(list, want) {
		t.Errorf("the restricted list does not say %q:\n%s", want, list)
	}
	viewer := []string{"--db", db, "--as", "Cllr Pat Dyson"}
	for _, args := range [][]string{{"action", "show", ref}, {"actions", "--agency", "housing"}, {"actions", "--agency", "housing", "--format", "json"}} {
		if got := ok(t, append(viewer, args...)...); strings.Contains(got, "released") || strings.Contains(got, dec) || !strings.Contains(got, "RELMARK") {
			t.Errorf("a viewer's %v: want the released words without the release:\n%s", args, got)
		}
	}
}
