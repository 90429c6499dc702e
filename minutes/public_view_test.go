package minutes

import (
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// A public-only reader's minutes are made from the record with private
// business reduced to markers (model.PublicRecord, through store.ReadAs):
// they must be the public minutes made from the whole record, byte for
// byte, notice and all, in every format — for every meeting of the demo,
// open, closed and planned, and for the rich fixture. Otherwise taking the
// words out would change what the public is told.
func TestPublicMinutesFromThePublicRecordAreThePublicMinutes(t *testing.T) {
	s := openDemo(t)
	viewer := store.ReadAs(s, model.Actor{Name: "Cllr Vera Viewer", Role: model.RoleViewer})
	ms, err := s.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	recs := map[string][2]model.MeetingRecord{"rich": {richRecord(), model.PublicRecord(richRecord())}}
	for _, m := range ms {
		whole, err := s.MinutesRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		public, err := viewer.MinutesRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !public.PublicOnly {
			t.Fatalf("%s: the viewer's record is not marked public-only", m.Ref())
		}
		recs[m.Ref()] = [2]model.MeetingRecord{whole, public}
	}
	for name, r := range recs {
		for _, f := range Formats {
			want, err := Render(r[0], f, Options{Public: true})
			if err != nil {
				t.Fatal(err)
			}
			got, err := Render(r[1], f, Options{}) // asked for the restricted version: a public-only record gives the public one
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("%s %s: the public-only reader's minutes differ from the public minutes:\n%s", name, f, firstDiffLine(string(got), string(want)))
			}
		}
	}
}

func firstDiffLine(a, b string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			from := max(i-80, 0)
			return "got  …" + a[from:min(i+80, len(a))] + "\nwant …" + b[from:min(i+80, len(b))]
		}
	}
	return "one is longer"
}
