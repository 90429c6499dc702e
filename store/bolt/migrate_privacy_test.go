package bolt

import (
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/minutes"
	"github.com/ccsp/tasking/model"
)

// A file of schema 3 (testdata/schema3: its README says what is in it)
// published two actions agreed in private. The upgrade gives every record
// made in private its privacy, so M-2's public minutes and the public
// action list withhold them, and nothing public becomes private.
func TestUpgradeFromSchema3GivesRecordsTheirPrivacy(t *testing.T) {
	path := openGolden(t, "testdata/schema3/schema3.db.gz")
	refusesToRead(t, path, 3)
	now := time.Date(2026, 11, 12, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.Schema(); v != SchemaVersion {
		t.Fatalf("schema %d after opening, want %d", v, SchemaVersion)
	}
	problems, err := s.CheckRecords()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("after the upgrade: %s", p)
	}

	private := map[string]model.ExemptParagraph{
		"A-1": model.ParaIndividual, // on personal ASB, then moved to general business
		"A-2": model.ParaCrime,      // assigned before HS-2 went into Part 2 in the same meeting: minuted there
		"A-3": model.ParaCrime,      // assigned while HS-2 was in Part 2
		"D-1": model.ParaCrime, "N-1": model.ParaCrime,
	}
	public := []string{"N-2", "N-4"}
	check := func(where, ref string, p model.Privacy) {
		t.Helper()
		want, ok := private[ref]
		if ok && (!p.Private || p.Paragraph != want) {
			t.Errorf("%s: %s is %+v, want private under paragraph %d", where, ref, p, want)
		}
		if !ok && p.Private {
			for _, r := range public {
				if r == ref {
					t.Errorf("%s: %s, public business, was made private", where, ref)
				}
			}
		}
	}
	for _, ref := range []string{"A-1", "A-2", "A-3"} {
		id, _ := model.ParseRef(model.ActionPrefix, ref)
		a, err := s.Action(id)
		if err != nil {
			t.Fatal(err)
		}
		check("live", ref, a.Privacy)
		history, err := s.ActionHistory(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range history {
			if !u.Private {
				t.Errorf("%s's update %q (%s) is public", ref, u.Describe(), u.At)
			}
		}
	}
	for _, id := range []model.ID{1, 2} {
		rec, err := s.MinutesRecord(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range rec.Actions {
			check(rec.Meeting.Ref()+" frozen", a.Ref(), a.Privacy)
		}
		for _, d := range rec.Decisions {
			check(rec.Meeting.Ref()+" frozen", d.Ref(), d.Privacy)
		}
		for _, n := range rec.Notes {
			check(rec.Meeting.Ref()+" frozen", n.Ref(), n.Privacy)
		}
		for _, public := range []bool{false, true} {
			out, err := minutes.Render(rec, minutes.MD, minutes.Options{Public: public})
			if err != nil {
				t.Fatal(err)
			}
			text := string(out)
			for _, words := range []string{"Smith", "Rose Court", "Bloggs", "Market Street", "neighbour at 14", "Dronfield"} {
				if public && strings.Contains(text, words) {
					t.Errorf("%s's public minutes hold %q", rec.Meeting.Ref(), words)
				}
			}
			if id == 2 && !strings.Contains(text, "Quieter since the closure notice") {
				t.Errorf("%s's minutes (public %v) lost the public note", rec.Meeting.Ref(), public)
			}
		}
	}
	actions, err := s.Actions(model.ActionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actions {
		h, _ := s.HotspotsOf([]model.ID{a.HotspotID})
		rules := model.PublicRules(model.Meeting{}, h)
		if _, isPrivate := private[a.Ref()]; rules.Action(a) == isPrivate {
			t.Errorf("%s: public %v in the exports", a.Ref(), rules.Action(a))
		}
	}
}
