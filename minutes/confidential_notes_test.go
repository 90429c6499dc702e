package minutes

import (
	"slices"
	"strings"
	"testing"

	"github.com/ccsp/tasking/store"
)

// A hotspot's confidential notes (victims, witnesses, perpetrators by name)
// are in no version of any minutes, in any format. (The public versions are
// proved against every other field by e2e's redaction test.)
func TestHotspotConfidentialNotesInNoVersion(t *testing.T) {
	s := openDemoWith(t, func(d *store.Dataset) {
		for i := range d.Hotspots {
			d.Hotspots[i].ConfidentialNotes = "ZZHOTSPOTCONF " + d.Hotspots[i].ConfidentialNotes
		}
	})
	ms, err := s.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		rec, err := s.MinutesRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Formats {
			for _, public := range []bool{false, true} {
				b, err := Render(rec, f, Options{Public: public})
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(readable(t, f, b), "ZZHOTSPOTCONF") {
					t.Errorf("%s %s (public %v) holds a hotspot's confidential notes", m.Ref(), f, public)
				}
			}
		}
	}
}

func allRows(d Doc) []ActionRow {
	rows := slices.Clone(d.ActionLog)
	for _, it := range d.Items {
		rows = append(rows, it.Actions...)
		for _, m := range it.Matters {
			rows = append(rows, m.ActionRow)
		}
	}
	return rows
}
