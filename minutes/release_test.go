package minutes

import (
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

// A release is minuted in Part 2, in its own minute after the other Part 2
// business: the restricted minutes name each record released and why; the
// public minutes keep its number under a neutral heading and say nothing
// else of it, while what it released reads as public business.
func TestReleasesHaveTheirOwnPart2Minute(t *testing.T) {
	rec := markedRecord(t)
	restricted, public := BuildWith(rec, Options{}), BuildWith(rec, Options{Public: true})
	if len(restricted.Items) != len(public.Items) || len(restricted.Items) != rec.Meeting.MinuteCount() {
		t.Fatalf("%d restricted minutes, %d public, the meeting counts %d", len(restricted.Items), len(public.Items), rec.Meeting.MinuteCount())
	}
	last := restricted.Items[len(restricted.Items)-1]
	if last.Kind != model.ItemRelease || !last.Part2 || last.Title != "Release of exempt information" {
		t.Fatalf("the last minute is %+v, want the releases", last)
	}
	exclusion := -1
	for i, it := range restricted.Items {
		if it.Kind == exclusionKind {
			exclusion = i
		}
		if i > exclusion && exclusion >= 0 && !it.Part2 {
			t.Errorf("minute %d (%s) is Part 1 business after the exclusion", it.Number, it.Title)
		}
	}
	if exclusion < 0 {
		t.Fatal("no exclusion of the public before the releases")
	}
	if len(last.Resolutions) != 3 {
		t.Fatalf("the releases' minute has %d resolutions, want 3: %+v", len(last.Resolutions), last.Resolutions)
	}
	for i, ref := range []string{"N-6", "A-10", "D-8"} {
		r := last.Resolutions[i]
		if !strings.Contains(r.Text, "that "+ref+", exempt under paragraph 1") || !strings.Contains(r.Text, "because the person concerned agreed") || r.Marking.Mark != "[private, para 1]" {
			t.Errorf("release of %s minuted as %+v", ref, r)
		}
	}
	// Nowhere else: not under any other business, nor under HS-1.
	for _, it := range restricted.Items[:len(restricted.Items)-1] {
		for _, r := range it.Resolutions {
			if strings.Contains(r.Text, "be released") {
				t.Errorf("a release under minute %d (%s): %s", it.Number, it.Title, r.Text)
			}
		}
	}
	pub := public.Items[len(public.Items)-1]
	if pub.Number != last.Number || !pub.Exempt || pub.Title != "Exempt item – information relating to an individual" || len(pub.Resolutions)+len(pub.Notes) != 0 || pub.Statement != "" {
		t.Errorf("the public releases' minute is %+v", pub)
	}
	for _, f := range Formats {
		b, err := Render(rec, f, Options{Public: true})
		if err != nil {
			t.Fatal(err)
		}
		text := readable(t, f, b)
		for _, leak := range []string{"the person concerned agreed", "be released", "Release of exempt information", "D-10", "D-11", "D-12"} {
			if strings.Contains(text, leak) {
				t.Errorf("the public %s says %q", f, leak)
			}
		}
	}
}

// A meeting that took nothing in private but released something still
// excludes the public for it, under the paragraph the record had been
// exempt under, and numbers it in both versions alike.
func TestAReleaseAloneExcludesThePublic(t *testing.T) {
	rec := fixtureRecord()
	for i := range rec.Meeting.Agenda {
		rec.Meeting.Agenda[i].Part2 = false
	}
	rec.Decisions = append(rec.Decisions, model.Decision{ID: 20, MeetingID: rec.Meeting.ID, Item: model.ItemRelease, Part2: true,
		Privacy: model.PrivateUnder(model.ParaCrime),
		Text:    model.ReleaseReported("A-9", model.ParaCrime, "The trial is over", model.Actor{Name: "Helen Marsh", Role: model.RoleChair}, model.MustDate("2026-11-12"))})
	rec.Meeting.Releases = []model.ID{20}
	for _, public := range []bool{false, true} {
		d := BuildWith(rec, Options{Public: public})
		n := len(d.Items)
		if n < 2 || d.Items[n-2].Kind != exclusionKind || !strings.Contains(d.Items[n-2].Resolutions[0].Text, "Paragraph 7 of Part 1 of Schedule 12A") {
			t.Fatalf("public %v: the minutes end %+v", public, d.Items[max(n-2, 0):])
		}
		last := d.Items[n-1]
		if last.Paragraph != 7 || last.Number != d.Items[n-2].Number+1 {
			t.Errorf("public %v: the releases' minute %+v", public, last)
		}
		if !public && (len(last.Resolutions) != 1 || !strings.Contains(last.Resolutions[0].Text, "since the last meeting, Helen Marsh (chair) released A-9")) {
			t.Errorf("the reported release: %+v", last.Resolutions)
		}
		if public && !strings.Contains(d.PrivateNotice, "1 item was taken in private") {
			t.Errorf("the public notice does not count the releases' minute: %s", d.PrivateNotice)
		}
	}
}
