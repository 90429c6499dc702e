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

// A release between meetings takes effect at once and says it will be
// minuted at the next meeting; starting that meeting minutes it in Part 2,
// in its own minute after the other Part 2 business, which the public
// minutes show by number and a neutral heading only. A record about a
// personal case is refused: it would publish nothing.
func TestAReleaseBetweenMeetingsIsMinutedAtTheNext(t *testing.T) {
	db := demoDB(t)
	helen := []string{"--db", db, "--as", "Helen Marsh"}
	out := ok(t, append(helen, "action", "add", "--agency", "housing", "--due", "2026-12-15", "--confidential", "RELMARK Offer the family at number 4 a move")...)
	ref := regexp.MustCompile(`A-\d+`).FindString(out)
	out = ok(t, append(helen, "release", strings.ToLower(strings.ReplaceAll(ref, "-", "")), "--reason", "RELREASON the family asked for it to be known")...)
	dec := regexp.MustCompile(`D-\d+`).FindString(out)
	if !strings.HasPrefix(out, ref+" released: public business from now on") || !strings.Contains(out, "minuted in Part 2 of the next meeting") || dec == "" {
		t.Fatalf("release between meetings said %q", out)
	}
	if got := ok(t, append(helen, "export", "actions", "--public", "--format", "csv")...); !strings.Contains(got, "RELMARK") {
		t.Errorf("the public export leaves out the released action:\n%s", got)
	}
	failsWith(t, run(t, nil, append(helen, "release", "A-3", "--reason", "x")...), 1, "A-3 is about HS-3, a personal ASB case")

	if started := ok(t, append(helen, "meeting", "start")...); !strings.Contains(started, "· 1 release made since the last meeting, minuted in Part 2") {
		t.Errorf("starting the meeting does not say it minutes the release: %q", started)
	}
	minutes := ok(t, append(helen, "minutes")...)
	heading := regexp.MustCompile(`(?m)^## (\d+)\. Release of exempt information \(Part 2`).FindStringSubmatch(minutes)
	if heading == nil {
		t.Fatalf("no releases' minute:\n%s", minutes)
	}
	after := minutes[strings.Index(minutes, heading[0]):]
	if next := strings.Index(after[3:], "\n## "); next >= 0 {
		after = after[:next+3]
	}
	if !strings.Contains(after, "since the last meeting, Helen Marsh (chair) released "+ref) || !strings.Contains(after, "RELREASON") || !strings.Contains(after, dec) {
		t.Errorf("the releases' minute:\n%s", after)
	}
	if strings.Index(minutes, "Exclusion of the public") > strings.Index(minutes, heading[0]) {
		t.Error("the releases' minute comes before the exclusion of the public")
	}
	public := ok(t, append(helen, "minutes", "--public")...)
	if !strings.Contains(public, "## "+heading[1]+". Exempt item – information relating to an individual") {
		t.Errorf("the public minutes do not keep minute %s under a neutral heading:\n%s", heading[1], public)
	}
	for _, leak := range []string{"RELREASON", "Release of exempt information", dec} {
		if strings.Contains(public, leak) {
			t.Errorf("the public minutes say %q", leak)
		}
	}
	if !strings.Contains(public, "RELMARK") {
		t.Error("the public minutes leave out the released action")
	}
}
