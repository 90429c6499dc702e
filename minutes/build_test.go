package minutes

import (
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
)

func TestBuildNumbersFromApologies(t *testing.T) {
	doc := Build(fixtureRecord())
	if len(doc.Items) != len(fixtureRecord().Meeting.Agenda) {
		t.Fatalf("%d items for an agenda of %d (attendance is the apologies minute)", len(doc.Items), len(fixtureRecord().Meeting.Agenda))
	}
	for i, it := range doc.Items {
		if it.Number != i+1 {
			t.Errorf("item %d is numbered %d", i, it.Number)
		}
	}
	if first := doc.Items[0]; first.Kind != model.ItemAttendance || first.Title != "Apologies for absence" ||
		first.Statement != "Apologies for absence were received from Hal Housing (Testshire Council Housing). Absent: Val Viewer (Testshire Council Community Safety)." {
		t.Errorf("the first minute is %v %q: %q", first.Kind, first.Title, first.Statement)
	}
	if second := doc.Items[1]; second.Kind != model.ItemDeclarations || second.Title != "Declarations of interest" {
		t.Errorf("the second minute is %v %q", second.Kind, second.Title)
	}
	if doc.Started != "10.00 am" || doc.Ended != "11.30 am" || !strings.Contains(heldOn(doc), "from 10.00 am to 11.30 am") {
		t.Errorf("times %q to %q: %q", doc.Started, doc.Ended, heldOn(doc))
	}
}

func TestBuildAttendance(t *testing.T) {
	rec := fixtureRecord()
	// The chair sits for the police this time: their agency is named first.
	rec.Members[0].AgencyID = 2
	doc := Build(rec)
	var groups []string
	for _, g := range doc.Present {
		groups = append(groups, g.Agency)
	}
	if want := []string{"Testshire Police"}; !slices.Equal(groups, want) {
		t.Errorf("present agencies %q, want %q", groups, want)
	}
	if p := doc.Present[0].People[0]; p.Name != "Ann Chair" || !p.Chair {
		t.Errorf("the chair is not named first: %+v", doc.Present[0].People)
	}
	if len(doc.Apologies) != 1 || doc.Apologies[0].Name != "Hal Housing" || doc.Apologies[0].Agency != "Testshire Council Housing" {
		t.Errorf("apologies %+v", doc.Apologies)
	}
	for _, g := range doc.Present {
		for _, p := range g.People {
			if p.Name == "Val Viewer" {
				t.Error("an absent member is listed as present")
			}
		}
	}
	if len(doc.Guests) != 1 || doc.Guests[0] != (Person{Name: "Karen Doyle", Agency: "Royal Hospital"}) {
		t.Errorf("guests %+v", doc.Guests)
	}
}

func TestBuildKeepsConfidentialityFlags(t *testing.T) {
	doc := Build(fixtureRecord())
	it := doc.Items[slices.IndexFunc(doc.Items, func(it Item) bool { return it.Hotspot != nil && it.Hotspot.Ref == "HS-2" })]
	if len(it.Notes) != 1 || !it.Notes[0].Confidential {
		t.Errorf("HS-2 notes %+v, want one confidential", it.Notes)
	}
	if len(it.Resolutions) != 1 || !it.Resolutions[0].Part2 || it.Resolutions[0].Text != "that the named rider be referred for a CBO." {
		t.Errorf("HS-2 resolutions %+v, want one Part 2 with a full stop", it.Resolutions)
	}
}

func TestBuildActionLog(t *testing.T) {
	doc := Build(fixtureRecord())
	var refs []string
	for _, a := range doc.ActionLog {
		refs = append(refs, a.Ref)
	}
	// Overdue first; A-1 done at this meeting stays; A-7 (done long ago) and
	// A-8 (assigned at a later meeting) are not this meeting's business.
	if want := []string{"A-3", "A-6", "A-1", "A-4", "A-2", "A-5"}; !slices.Equal(refs, want) {
		t.Errorf("action log %q, want %q", refs, want)
	}
	if a := doc.ActionLog[0]; a.Status != "in progress (overdue)" || !a.Overdue || a.Hotspot != "HS-2" {
		t.Errorf("overdue row %+v", a)
	}
	if a := doc.ActionLog[1]; a.Hotspot != "General" {
		t.Errorf("a general action's hotspot is %q", a.Hotspot)
	}
}

func TestBuildStatements(t *testing.T) {
	statement := func(doc Doc, kind model.ItemKind) string {
		t.Helper()
		i := slices.IndexFunc(doc.Items, func(it Item) bool { return it.Kind == kind })
		if i < 0 {
			t.Fatalf("no %s item", kind)
		}
		return doc.Items[i].Statement
	}
	// A first meeting: nothing before it, nothing said yet.
	first := fixtureRecord()
	first.Previous, first.Meeting.PreviousMeetingID = nil, 0
	first.Decisions, first.Notes, first.Actions, first.Updates, first.Hotspots = nil, nil, nil, nil, nil
	first.Meeting.Declarations, first.Meeting.NextDate = nil, model.Date{}
	doc := Build(first)
	for kind, want := range map[model.ItemKind]string{
		model.ItemDeclarations: "No declarations of interest were received.",
		model.ItemMinutes:      "There was no previous meeting, so there were no minutes to approve.",
		model.ItemMatters:      "There were no matters arising.",
		model.ItemReferrals:    "There were no new referrals.",
		model.ItemAOB:          "There was no other business.",
		model.ItemNextMeeting:  "To be arranged.",
	} {
		if got := statement(doc, kind); got != want {
			t.Errorf("%s says %q, want %q", kind, got, want)
		}
	}
	// Previous minutes not yet approved.
	rec := fixtureRecord()
	rec.Decisions = slices.DeleteFunc(rec.Decisions, func(d model.Decision) bool { return d.Item == model.ItemMinutes })
	if got, want := statement(Build(rec), model.ItemMinutes), "The minutes of the previous meeting, held on Tuesday 10 November 2026, were not yet approved."; got != want {
		t.Errorf("unapproved minutes say %q, want %q", got, want)
	}
}

// Minute numbers run on through the municipal year from the record's first
// minute: exactly FirstMinute .. FirstMinute+MinuteCount()-1, one per agenda
// item but attendance, in agenda order. A hotspot dropped from the agenda
// gets no minute (the store refuses to drop one with business recorded).
func TestBuildNumbersFromFirstMinute(t *testing.T) {
	for _, drop := range []bool{false, true} {
		rec := fixtureRecord()
		rec.FirstMinute = 38
		if drop {
			rec.Meeting.Agenda = slices.DeleteFunc(rec.Meeting.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == 2 })
		}
		for _, public := range []bool{false, true} {
			doc := BuildWith(rec, Options{Public: public})
			var got []int
			for _, it := range doc.Items {
				got = append(got, it.Number)
			}
			var want []int
			for n := 38; n < 38+rec.Meeting.MinuteCount(); n++ {
				want = append(want, n)
			}
			if !slices.Equal(got, want) {
				t.Errorf("drop %v, public %v: numbers %v, want %v", drop, public, got, want)
			}
			if doc.FirstMinute != 38 {
				t.Errorf("first minute %d", doc.FirstMinute)
			}
		}
	}
}

// A meeting not yet started has no agenda: its draft shows the standing items.
func TestBuildPlannedMeeting(t *testing.T) {
	rec := fixtureRecord()
	rec.Meeting = model.Meeting{ID: 9, Date: model.MustDate("2026-12-01"), State: model.MeetingPlanned}
	doc := Build(rec)
	if !doc.Draft || len(doc.Items) != 7 || len(doc.Present) != 0 {
		t.Errorf("planned meeting: draft %v, %d items, %d present", doc.Draft, len(doc.Items), len(doc.Present))
	}
}
