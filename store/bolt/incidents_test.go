package bolt

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ccsp/tasking/importer"
	"github.com/ccsp/tasking/internal/policedata"
	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

var (
	jan = model.NewMonth(2024, 1)
	feb = model.NewMonth(2024, 2)
)

func placeOf(lsoa, street string) model.Place {
	return model.Place{LSOA: lsoa, LSOAName: "Testshire " + lsoa, Location: street, Street: true}
}

// monthOf is one force's month of ASB: the batch and its counts.
func monthOf(m model.Month, counts map[model.Place]int) ([]model.IncidentBatch, []model.IncidentRow) {
	b := model.IncidentBatch{Force: "Testshire Police", Month: m, Category: model.CategoryASB, File: m.String() + ".csv"}
	var rows []model.IncidentRow
	for p, n := range counts {
		rows = append(rows, model.IncidentRow{Month: m, Force: b.Force, Category: b.Category, Place: p, Count: n})
		b.Incidents += n
		b.Places++
	}
	return []model.IncidentBatch{b}, rows
}

func TestImportReplacesNeverDoubles(t *testing.T) {
	s, clock, _ := openTiny(t)
	counts := map[model.Place]int{placeOf("E1", "High Street"): 3, placeOf("E1", "Low Street"): 2, placeOf("E2", "Mill Lane"): 4}
	b, rows := monthOf(jan, counts)
	done, err := s.ImportIncidents(sgt, b, rows) // a member may import
	mustNoErr(t, err)
	if len(done.Replaced) != 0 || len(done.Batches) != 1 || done.Batches[0].By != sgt.String() {
		t.Fatalf("%+v", done)
	}
	byLSOA := func() string {
		got, err := s.Incidents(model.IncidentFilter{By: model.ByLSOA})
		mustNoErr(t, err)
		var out []string
		for _, r := range got {
			out = append(out, r.Month.String()+" "+r.LSOA+" "+itoa(r.Count))
		}
		return strings.Join(out, ", ")
	}
	if got := byLSOA(); got != "2024-01 E1 5, 2024-01 E2 4" {
		t.Fatalf("after one import: %s", got)
	}
	// The same month again, as it was: the same counts.
	clock.t = clock.t.Add(60e9)
	done, err = s.ImportIncidents(sgt, b, rows)
	mustNoErr(t, err)
	if len(done.Replaced) != 1 || done.Replaced[0].Month != jan {
		t.Fatalf("replaced %+v", done.Replaced)
	}
	if got := byLSOA(); got != "2024-01 E1 5, 2024-01 E2 4" {
		t.Fatalf("after importing the same month again: %s", got)
	}
	// Corrected by police.uk: a street gone, another changed.
	b2, rows2 := monthOf(jan, map[model.Place]int{placeOf("E1", "High Street"): 1})
	_, err = s.ImportIncidents(sgt, b2, rows2)
	mustNoErr(t, err)
	if got := byLSOA(); got != "2024-01 E1 1" {
		t.Fatalf("after a corrected month: %s", got)
	}
	// Another month sits beside it; another type of the same month too.
	b3, rows3 := monthOf(feb, map[model.Place]int{placeOf("E1", "High Street"): 6})
	drugs := model.IncidentBatch{Force: "Testshire Police", Month: jan, Category: "Drugs", Incidents: 2, Places: 1}
	b3 = append(b3, drugs)
	rows3 = append(rows3, model.IncidentRow{Month: jan, Force: drugs.Force, Category: "Drugs", Place: placeOf("E3", "Park Road"), Count: 2})
	_, err = s.ImportIncidents(chair, b3, rows3)
	mustNoErr(t, err)
	got, err := s.Incidents(model.IncidentFilter{By: model.ByMonth})
	mustNoErr(t, err)
	if len(got) != 3 || got[0].Count != 1 || got[1].Category != "Drugs" || got[1].Count != 2 || got[2].Count != 6 {
		t.Fatalf("by month: %+v", got)
	}
	got, err = s.Incidents(model.IncidentFilter{Month: feb})
	mustNoErr(t, err)
	if len(got) != 1 || got[0].Location != "High Street" || got[0].LSOAName != "Testshire E1" {
		t.Fatalf("February: %+v", got)
	}
	got, err = s.Incidents(model.IncidentFilter{Area: "testshire e3"})
	mustNoErr(t, err)
	if len(got) != 1 || got[0].Category != "Drugs" {
		t.Fatalf("--area: %+v", got)
	}
	// Every import is one audit event.
	ev, err := s.AuditEvents(4)
	mustNoErr(t, err)
	n := 0
	for _, e := range ev {
		if e.Op == "incidents.import" {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d import events in the last 4", n)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// An import that fails stores nothing: not the batches before the one that
// failed, and what it would have replaced stays.
func TestFailedImportStoresNothing(t *testing.T) {
	s, _, _ := openTiny(t)
	b, rows := monthOf(jan, map[model.Place]int{placeOf("E1", "High Street"): 3})
	_, err := s.ImportIncidents(chair, b, rows)
	mustNoErr(t, err)
	before, err := s.Incidents(model.IncidentFilter{})
	mustNoErr(t, err)

	b2, rows2 := monthOf(jan, map[model.Place]int{placeOf("E1", "High Street"): 9})
	bad := model.IncidentRow{Month: feb, Force: "Elsewhere", Category: model.CategoryASB, Place: placeOf("E9", "X"), Count: 1}
	if _, err := s.ImportIncidents(chair, b2, append(rows2, bad)); err == nil {
		t.Fatal("a count outside the import's batches was stored")
	}
	after, err := s.Incidents(model.IncidentFilter{})
	mustNoErr(t, err)
	if len(after) != len(before) || after[0].Count != 3 {
		t.Errorf("after a failed import: %+v", after)
	}

	// The same month twice in one import (the same file given twice).
	if _, err := s.ImportIncidents(chair, append(b2, b2...), rows2); err == nil || !strings.Contains(err.Error(), "in both") {
		t.Errorf("the same month twice: %v", err)
	}
	// A viewer may not import.
	var perm *model.PermissionError
	if _, err := s.ImportIncidents(viewer, b2, rows2); !errors.As(err, &perm) {
		t.Errorf("a viewer's import: %v", err)
	}
	batches, err := s.IncidentBatches()
	mustNoErr(t, err)
	if len(batches) != 1 || batches[0].Incidents != 3 {
		t.Errorf("batches %+v", batches)
	}
}

// check finds the derived series out of step with the counts, and
// upgrade --reindex makes them again.
func TestCheckAndReindexIncidents(t *testing.T) {
	s, _, _ := openTiny(t)
	b, rows := monthOf(jan, map[model.Place]int{placeOf("E1", "High Street"): 3, placeOf("E2", "Mill Lane"): 4})
	_, err := s.ImportIncidents(chair, b, rows)
	mustNoErr(t, err)
	mustNoErr(t, s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bIdxIncidentSeries).Put([]byte(model.CategoryASB+"\x00A\x00E1\x002024-01"), []byte{0, 0, 0, 9})
	}))
	problems, err := s.CheckRecords()
	mustNoErr(t, err)
	if len(problems) != 1 || problems[0].Where != "idx_incident_series" {
		t.Fatalf("check: %v", problems)
	}
	backup, err := s.Reindex()
	mustNoErr(t, err)
	os.Remove(backup)
	problems, err = s.CheckRecords()
	mustNoErr(t, err)
	if len(problems) != 0 {
		t.Fatalf("after reindex: %v", problems)
	}
}

// A file written before incident data came has none of its buckets: a
// reader reads it as having no incident data, and the first writer makes
// them (no schema change, no migration).
func TestFileWithoutIncidentBuckets(t *testing.T) {
	s, clock, path := openTiny(t)
	mustNoErr(t, s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range laterBuckets {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return nil
	}))
	mustNoErr(t, s.Close())
	s.db = nil
	r, err := Open(path, Options{Now: clock.now, ReadOnly: true})
	mustNoErr(t, err)
	got, err := r.Incidents(model.IncidentFilter{By: model.ByMonth})
	mustNoErr(t, err)
	batches, err := r.IncidentBatches()
	mustNoErr(t, err)
	if len(got) != 0 || len(batches) != 0 {
		t.Fatalf("%v %v", got, batches)
	}
	if problems, err := r.CheckRecords(); err != nil || len(problems) != 0 {
		t.Fatalf("check on the older file: %v %v", problems, err)
	}
	mustNoErr(t, r.Close())
	w, err := Open(path, Options{Now: clock.now})
	mustNoErr(t, err)
	defer w.Close()
	b, rows := monthOf(jan, map[model.Place]int{placeOf("E1", "High Street"): 3})
	if _, err := w.ImportIncidents(chair, b, rows); err != nil {
		t.Fatal(err)
	}
}

// The real files through the store: what `tasking incidents --by month`
// says is what the files hold (counted here without the importer).
func TestRealFilesStored(t *testing.T) {
	s, _, _ := openTiny(t)
	var batches []model.IncidentBatch
	var rows []model.IncidentRow
	want := map[string]int{}
	for _, month := range policedata.Months {
		path := policedata.File(t, month)
		raw, err := os.ReadFile(path)
		mustNoErr(t, err)
		for _, line := range strings.Split(string(raw), "\n")[1:] {
			f := strings.Split(line, ",")
			if len(f) == 12 && f[9] == model.CategoryASB && strings.HasPrefix(f[8], "Chesterfield ") {
				want[month]++
			}
		}
		fh, err := os.Open(path)
		mustNoErr(t, err)
		pf, err := importer.ReadPolice(fh, path, importer.PoliceOptions{Categories: []string{model.CategoryASB}, Area: "Chesterfield"})
		fh.Close()
		mustNoErr(t, err)
		batches, rows = append(batches, pf.Batches...), append(rows, pf.Counts...)
	}
	_, err := s.ImportIncidents(chair, batches, rows)
	mustNoErr(t, err)
	got, err := s.Incidents(model.IncidentFilter{By: model.ByMonth})
	mustNoErr(t, err)
	if len(got) != len(policedata.Months) {
		t.Fatalf("%d months: %+v", len(got), got)
	}
	for _, r := range got {
		if r.Count != want[r.Month.String()] {
			t.Errorf("%s: %d stored, the file has %d", r.Month, r.Count, want[r.Month.String()])
		}
	}
	if want["2024-11"] != 0 {
		t.Errorf("2024-11 has ASB rows after all: %d", want["2024-11"])
	}
}
