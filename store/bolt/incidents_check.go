package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

// checkIncidents is `tasking check` on the incident data: every count and
// batch decodes, every count belongs to a batch whose totals it makes, and
// the series (derived) say what the counts say.
func checkIncidents(tx *bolt.Tx) []store.Problem {
	var out []store.Problem
	add := func(where, format string, a ...any) {
		out = append(out, store.Problem{Where: where, What: fmt.Sprintf(format, a...)})
	}
	rows, batches, series := tx.Bucket(bIncidents), tx.Bucket(bIncidentBatches), tx.Bucket(bIdxIncidentSeries)
	if rows == nil || batches == nil || series == nil {
		return nil // a file from before incident data: nothing to check
	}
	type total struct{ incidents, places int }
	have := map[string]*total{}
	_ = batches.ForEach(func(k, v []byte) error {
		var b model.IncidentBatch
		if err := decode(v, &b); err != nil {
			add(string(bIncidentBatches), "%q does not decode: %v", k, err)
			return nil
		}
		if b.Key() != string(k) {
			add(string(bIncidentBatches), "%q holds the batch %q", k, b.Key())
		}
		have[b.Key()] = &total{}
		return nil
	})
	want, err := expectedSeries(tx)
	if err != nil {
		add(string(bIncidents), "%v", err)
		return out
	}
	_ = rows.ForEach(func(k, v []byte) error {
		if !sealed(v) {
			add(string(bIncidents), "%q: %v", k, errUnsealed)
		}
		r, err := decodeSealedIncident(k, v)
		if err != nil {
			add(string(bIncidents), "%q does not decode: %v", k, err)
			return nil
		}
		t, ok := have[model.IncidentBatch{Force: r.Force, Month: r.Month, Category: r.Category}.Key()]
		if !ok {
			add(string(bIncidents), "%s %s %s at %s: no import stored it", r.Month, r.Force, r.Category, r.Place.Label())
			return nil
		}
		t.incidents += r.Count
		t.places++
		return nil
	})
	_ = batches.ForEach(func(k, v []byte) error {
		var b model.IncidentBatch
		if decode(v, &b) != nil {
			return nil
		}
		if t := have[b.Key()]; t != nil && (t.incidents != b.Incidents || t.places != b.Places) {
			add(string(bIncidentBatches), "%s says %d incidents at %d places; its counts make %d at %d", k, b.Incidents, b.Places, t.incidents, t.places)
		}
		return nil
	})
	_ = series.ForEach(func(k, v []byte) error {
		w, ok := want[string(k)]
		switch {
		case !ok:
			add(string(bIdxIncidentSeries), "an entry %q no count makes", k)
		case !bytes.Equal(w, v):
			add(string(bIdxIncidentSeries), "%q says %x, the counts make %x", k, v, w)
		}
		delete(want, string(k))
		return nil
	})
	missing := make([]string, 0, len(want))
	for k := range want {
		missing = append(missing, k)
	}
	sort.Strings(missing)
	for _, k := range missing {
		add(string(bIdxIncidentSeries), "%q is missing", k)
	}
	return out
}

// expectedSeries is idx_incident_series as the counts make it.
func expectedSeries(tx *bolt.Tx) (map[string][]byte, error) {
	sums := map[string]int{}
	err := tx.Bucket(bIncidents).ForEach(func(k, v []byte) error {
		r, err := decodeSealedIncident(k, v)
		if err != nil {
			return nil // reported by checkIncidents
		}
		for _, sk := range record.SeriesKeys(r) {
			sums[string(sk)] += r.Count
		}
		return nil
	})
	out := make(map[string][]byte, len(sums))
	for k, n := range sums {
		if n > 0 {
			out[k] = binary.BigEndian.AppendUint32(nil, uint32(n))
		}
	}
	return out, err
}

// rebuildIncidents makes the derived incident data again from the counts
// and batches: the series, and each crime type's emerging places.
func rebuildIncidents(tx *bolt.Tx) error {
	for _, name := range incidentBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if err := tx.DeleteBucket(bIdxIncidentSeries); err != nil {
		return err
	}
	b, err := tx.CreateBucket(bIdxIncidentSeries)
	if err != nil {
		return err
	}
	want, err := expectedSeries(tx)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b.FillPercent = appendFill
	for _, k := range keys {
		if err := b.Put([]byte(k), want[k]); err != nil {
			return err
		}
	}
	cats := map[string]bool{}
	err = tx.Bucket(bIncidentBatches).ForEach(func(k, v []byte) error {
		var ib model.IncidentBatch
		if err := decode(v, &ib); err != nil {
			return fmt.Errorf("reading incident batch %q: %w", k, err)
		}
		cats[ib.Category] = true
		return nil
	})
	if err != nil {
		return err
	}
	for c := range cats {
		if err := record.RefreshEmerging(boltTxn(tx), c); err != nil {
			return err
		}
	}
	return rebuildLSOANames(tx)
}

// rebuildLSOANames makes incident_lsoas again from the counts: each LSOA's
// name as its latest month's counts give it (an import writes the name its
// files give, and the latest import is usually the latest month).
func rebuildLSOANames(tx *bolt.Tx) error {
	names := map[string]string{}
	err := tx.Bucket(bIncidents).ForEach(func(k, v []byte) error {
		r, err := decodeSealedIncident(k, v)
		if err != nil {
			return nil // reported by check; salvage kept only what decodes
		}
		if r.LSOA != "" && r.LSOAName != "" {
			names[r.LSOA] = r.LSOAName
		}
		return nil
	})
	if err != nil {
		return err
	}
	b := tx.Bucket(bLSOAs)
	for _, k := range slices.Sorted(maps.Keys(names)) {
		if string(b.Get([]byte(k))) != names[k] {
			if err := b.Put([]byte(k), []byte(names[k])); err != nil {
				return err
			}
		}
	}
	return nil
}

// The buckets of incident data (incidents.go).
var (
	bIncidents         = []byte(record.IncidentCounts)
	bIncidentBatches   = []byte(record.IncidentBatches)
	bIdxIncidentSeries = []byte(record.IdxIncidentSeries)
	bIncidentEmerging  = []byte(record.IncidentEmerging)
	bDismissals        = []byte(record.IncidentDismissals)
	bLSOAs             = []byte(record.IncidentLSOAs)
)

// incidentBuckets are the buckets of incident data. They came after
// schema 4 without a schema change: an empty bucket needs no migration.
// Opening a file to write makes any that are missing (prepare: the file is
// not ready until it has them); a reader of a file made before them reads
// them as empty.
var incidentBuckets = [][]byte{bIncidents, bIncidentBatches, bIdxIncidentSeries, bIncidentEmerging, bDismissals, bLSOAs}

// decodeSealedIncident reads a count as the file holds it (sealed) back
// into a row.
func decodeSealedIncident(k, v []byte) (model.IncidentRow, error) {
	body, err := unseal(v)
	if err != nil {
		return model.IncidentRow{}, err
	}
	return record.DecodeIncident(k, body)
}
