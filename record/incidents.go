package record

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Incident data from police.uk (model/incidents.go). Counts are kept, not
// rows:
//
//	incidents          month \0 force \0 crime type \0 LSOA \0 street → {lsoa_name, count}
//	incident_batches   month|force|crime type → model.IncidentBatch: what one import stored
//	idx_incident_series crime type \0 A|S \0 LSOA \0 [street \0] month → count (uint32):
//	                   each LSOA's and each street's count by month, every force
//	                   together: a hotspot's trend is twelve lookups per link
//	incident_emerging  crime type → []model.Suggestion: the places EmergingPlaces
//	                   picks from the latest month, worked out by each import
//	incident_dismissals crime type|place → model.Dismissal
//	incident_lsoas     LSOA code → its name, as the latest import gave it
//
// The series and the emerging places are derived from the counts and the
// batches: written in the import's transaction, checked by `tasking
// check`, rebuilt by `tasking upgrade --reindex`.
const (
	IncidentCounts     store.Index = "incidents"
	IncidentBatches    store.Index = "incident_batches"
	IdxIncidentSeries  store.Index = "idx_incident_series"
	IncidentEmerging   store.Index = "incident_emerging"
	IncidentDismissals store.Index = "incident_dismissals"
	IncidentLSOAs      store.Index = "incident_lsoas"
)

// incidentValue is a stored count.
type incidentValue struct {
	LSOAName string `json:"lsoa_name,omitempty"`
	Count    int    `json:"count"`
}

// valueEncoder writes incidentValues as encoding/json would (the same
// bytes), each LSOA's name encoded once: an import writes 100,000 of them.
type valueEncoder map[string][]byte

// encode is r's stored value, its JSON. Counts are not records with IDs,
// so the audit chain holds the import's event rather than each count's
// sum.
func (e valueEncoder) encode(r model.IncidentRow) ([]byte, error) {
	if r.LSOAName == "" {
		return json.Marshal(incidentValue{Count: r.Count})
	}
	name, ok := e[r.LSOAName]
	if !ok {
		var err error
		if name, err = json.Marshal(r.LSOAName); err != nil {
			return nil, err
		}
		e[r.LSOAName] = name
	}
	v := make([]byte, 0, len(name)+32)
	v = append(append(append(v, `{"lsoa_name":`...), name...), `,"count":`...)
	return append(strconv.AppendInt(v, int64(r.Count), 10), '}'), nil
}

func incidentKey(r model.IncidentRow) []byte {
	return []byte(r.Month.String() + "\x00" + r.Force + "\x00" + r.Category + "\x00" + r.LSOA + "\x00" + r.Location)
}

// batchPrefix is the prefix of every count a batch stored.
func batchPrefix(b model.IncidentBatch) []byte {
	return []byte(b.Month.String() + "\x00" + b.Force + "\x00" + b.Category + "\x00")
}

// decodeIncident reads a stored count back into a row (v its JSON).
func decodeIncident(k, v []byte) (model.IncidentRow, error) {
	parts := strings.SplitN(string(k), "\x00", 5)
	if len(parts) != 5 {
		return model.IncidentRow{}, fmt.Errorf("a key of %d parts", len(parts))
	}
	m, err := model.ParseMonth(parts[0])
	if err != nil {
		return model.IncidentRow{}, err
	}
	var val incidentValue
	if err := store.DecodeJSON(v, &val); err != nil {
		return model.IncidentRow{}, err
	}
	r := model.IncidentRow{Month: m, Force: parts[1], Category: parts[2], Count: val.Count,
		Place: model.Place{LSOA: parts[3], LSOAName: val.LSOAName, Location: parts[4], Street: parts[3] != ""}}
	return r, nil
}

// seriesPrefix is where a place's counts of one crime type are, by month.
func seriesPrefix(category string, p model.Place) []byte {
	if p.Street {
		return []byte(category + "\x00S\x00" + p.LSOA + "\x00" + p.Location + "\x00")
	}
	return []byte(category + "\x00A\x00" + p.LSOA + "\x00")
}

// seriesKeys are the two series a count adds to: its street's and its
// LSOA's (unlocated counts add to none).
func seriesKeys(r model.IncidentRow) [][]byte {
	if r.LSOA == "" {
		return nil
	}
	m := r.Month.String()
	return [][]byte{append(seriesPrefix(r.Category, r.Place), m...), append(seriesPrefix(r.Category, r.Area()), m...)}
}

// putSorted puts every key of kv into ix, in key order.
func putSorted(tx *txn, ix store.Index, kv map[string][]byte) error {
	for _, k := range sortedKeys(kv) {
		if err := tx.putKey(ix, []byte(k), kv[k]); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// addSeries adds delta to a series count, removing it at zero.
func addSeries(tx *txn, key []byte, delta int) error {
	v, err := tx.tx.GetKey(tx.ctx, IdxIncidentSeries, key)
	if err != nil {
		return err
	}
	n := 0
	if len(v) == 4 {
		n = int(binary.BigEndian.Uint32(v))
	}
	n += delta
	if n <= 0 {
		return tx.deleteKey(IdxIncidentSeries, key)
	}
	return tx.putKey(IdxIncidentSeries, key, binary.BigEndian.AppendUint32(nil, uint32(n)))
}

// ImportIncidents stores what police.uk files counted, in one transaction:
// each batch (force, month, crime type) replaces the one stored before it
// whole, so importing a month again never doubles it. Two batches of the
// same force, month and type in one import are refused (the same file
// twice). Members may import (model.RightImportIncidents).
func (s *Store) ImportIncidents(actor model.Actor, batches []model.IncidentBatch, counts []model.IncidentRow) (model.IncidentImport, error) {
	var out model.IncidentImport
	seen := map[string]string{}
	for _, b := range batches {
		if f, ok := seen[b.Key()]; ok {
			return out, model.Invalid("files", "%s %s (%s) is in both %s and %s: import one of them", b.Month, b.Force, b.Category, f, b.File)
		}
		seen[b.Key()] = b.File
	}
	if len(batches) == 0 {
		return out, model.Invalid("files", "nothing to import")
	}
	err := s.write(context.TODO(), actor, declare(model.OpIncidentsImport), func(w *wtx) error {
		var err error
		out, err = w.importIncidents(batches, counts)
		return err
	})
	return out, err
}

// importIncidents stores the counts of batches checked already (one each
// force, month and type), replacing what each replaces, with the import's
// audit event: an import's change, and a dataset's (Seed).
func (w *wtx) importIncidents(batches []model.IncidentBatch, counts []model.IncidentRow) (model.IncidentImport, error) {
	out, err := w.storeIncidents(batches, counts)
	if err != nil {
		return out, err
	}
	return out, w.audit(model.OpIncidentsImport, "incidents", importRef(batches), out.Replaced, out.Batches)
}

// storeIncidents is importIncidents without its audit event: a history's
// load (the decade) writes the event where its trail reaches today.
func (w *wtx) storeIncidents(batches []model.IncidentBatch, counts []model.IncidentRow) (out model.IncidentImport, err error) {
	seen := map[string]bool{}
	for _, b := range batches {
		seen[b.Key()] = true
	}
	actor := w.actor
	err = func() error {
		tx := w.tx
		// The counts as they will be, by key. A B+tree grows one node
		// per transaction until it commits, so keys go in in order (an
		// unordered insert moves half the node each time: a year of a
		// force took 30 s that way); a count stored as it was is left.
		fresh := make(map[string][]byte, len(counts))
		names := map[string]string{}
		delta := make(map[string]int, len(counts)) // series key → change
		enc := valueEncoder{}
		for _, r := range counts {
			if !seen[model.IncidentBatch{Force: r.Force, Month: r.Month, Category: r.Category}.Key()] {
				return fmt.Errorf("internal error: a count of %s %s %s outside the import's batches", r.Month, r.Force, r.Category)
			}
			v, err := enc.encode(r)
			if err != nil {
				return err
			}
			fresh[string(incidentKey(r))] = v
			if r.LSOA != "" && r.LSOAName != "" {
				names[r.LSOA] = r.LSOAName
			}
			for _, sk := range seriesKeys(r) {
				delta[string(sk)] += r.Count
			}
		}
		cats := map[string]bool{}
		var gone [][]byte
		for _, b := range batches {
			cats[b.Category] = true
			old, err := tx.tx.GetKey(tx.ctx, IncidentBatches, []byte(b.Key()))
			if err != nil {
				return err
			}
			if old == nil {
				continue
			}
			var ob model.IncidentBatch
			if err := store.DecodeJSON(old, &ob); err != nil {
				return fmt.Errorf("reading incident batch %s: %w", b.Key(), err)
			}
			out.Replaced = append(out.Replaced, ob)
			err = tx.scan(IncidentCounts, batchPrefix(b), nil, store.Forward, func(k, v []byte) error {
				r, err := decodeIncident(k, v)
				if err != nil {
					return fmt.Errorf("reading incidents %q: %w", k, err)
				}
				for _, sk := range seriesKeys(r) {
					delta[string(sk)] -= r.Count
				}
				if nv, ok := fresh[string(k)]; ok && bytes.Equal(nv, v) {
					delete(fresh, string(k)) // stored as it is
					return nil
				}
				if _, ok := fresh[string(k)]; !ok {
					gone = append(gone, slices.Clone(k))
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		for _, k := range gone {
			if err := tx.deleteKey(IncidentCounts, k); err != nil {
				return err
			}
		}
		if err := putSorted(tx, IncidentCounts, fresh); err != nil {
			return err
		}
		for _, k := range sortedKeys(names) {
			was, err := tx.tx.GetKey(tx.ctx, IncidentLSOAs, []byte(k))
			if err != nil {
				return err
			}
			if string(was) != names[k] {
				if err := tx.putKey(IncidentLSOAs, []byte(k), []byte(names[k])); err != nil {
					return err
				}
			}
		}
		for _, k := range sortedKeys(delta) {
			if delta[k] != 0 {
				if err := addSeries(tx, []byte(k), delta[k]); err != nil {
					return err
				}
			}
		}
		for _, b := range batches {
			b.At, b.By = w.now, actor.String()
			v, err := json.Marshal(b)
			if err != nil {
				return err
			}
			if err := tx.putKey(IncidentBatches, []byte(b.Key()), v); err != nil {
				return err
			}
			out.Batches = append(out.Batches, b)
		}
		for c := range cats {
			if err := refreshEmerging(w.tx, c); err != nil {
				return err
			}
		}
		return nil
	}()
	return out, err
}

// importRef names an import in the audit trail: its months and forces.
func importRef(batches []model.IncidentBatch) string {
	var months, forces []string
	for _, b := range batches {
		if m := b.Month.String(); !slices.Contains(months, m) {
			months = append(months, m)
		}
		if !slices.Contains(forces, b.Force) {
			forces = append(forces, b.Force)
		}
	}
	slices.Sort(months)
	ref := months[0]
	if len(months) > 1 {
		ref += "…" + months[len(months)-1]
	}
	return ref + " " + strings.Join(forces, ", ")
}

// knownMonths are the months imported for a crime type (by any force).
func knownMonths(tx *txn, category string) (map[model.Month]bool, model.Month, error) {
	out := map[model.Month]bool{}
	var latest model.Month
	err := eachBatch(tx, func(ib model.IncidentBatch) {
		if ib.Category == category {
			out[ib.Month] = true
			if ib.Month.After(latest) {
				latest = ib.Month
			}
		}
	})
	return out, latest, err
}

// eachBatch calls fn with every incident batch stored, by key.
func eachBatch(tx *txn, fn func(model.IncidentBatch)) error {
	return tx.scan(IncidentBatches, nil, nil, store.Forward, func(k, v []byte) error {
		var ib model.IncidentBatch
		if err := store.DecodeJSON(v, &ib); err != nil {
			return fmt.Errorf("reading incident batch %q: %w", k, err)
		}
		fn(ib)
		return nil
	})
}

// placeSeries is every place's series of one crime type, ending with the
// latest month imported for it.
func placeSeries(tx *txn, category string) ([]model.PlaceSeries, error) {
	known, latest, err := knownMonths(tx, category)
	if err != nil || latest.IsZero() {
		return nil, err
	}
	from := latest.Add(1 - model.TrendMonths)
	type acc struct {
		place  model.Place
		counts map[model.Month]int
	}
	places := map[string]*acc{}
	var order []string
	prefix := []byte(category + "\x00")
	err = tx.scan(IdxIncidentSeries, prefix, nil, store.Forward, func(k, v []byte) error {
		parts := strings.Split(string(k[len(prefix):]), "\x00")
		var p model.Place
		switch {
		case len(parts) == 3 && parts[0] == "A":
			p = model.Place{LSOA: parts[1]}
		case len(parts) == 4 && parts[0] == "S":
			p = model.Place{LSOA: parts[1], Location: parts[2], Street: true}
		default:
			return fmt.Errorf("idx_incident_series: a key %q of the wrong shape", k)
		}
		m, err := model.ParseMonth(parts[len(parts)-1])
		if err != nil {
			return fmt.Errorf("idx_incident_series: %q: %w", k, err)
		}
		if m.Before(from) || m.After(latest) || len(v) != 4 {
			return nil
		}
		a, ok := places[p.Key()]
		if !ok {
			a = &acc{place: p, counts: map[model.Month]int{}}
			places[p.Key()] = a
			order = append(order, p.Key())
		}
		a.counts[m] += int(binary.BigEndian.Uint32(v))
		return nil
	})
	if err != nil {
		return nil, err
	}
	names, err := lsoaNames(tx)
	if err != nil {
		return nil, err
	}
	out := make([]model.PlaceSeries, 0, len(order))
	for _, key := range order {
		a := places[key]
		a.place.LSOAName = names[a.place.LSOA]
		out = append(out, model.PlaceSeries{Place: a.place, Category: category,
			Series: seriesOf(latest, a.counts, known)})
	}
	return out, nil
}

func seriesOf(end model.Month, counts map[model.Month]int, known map[model.Month]bool) model.Series {
	s := model.NewSeries(end, counts, func(m model.Month) bool { return known[m] })
	s.Source = model.FromPolice
	return s
}

// lsoaNames are the names of the LSOAs counts were stored for, as the
// latest import gave them.
func lsoaNames(tx *txn) (map[string]string, error) {
	out := map[string]string{}
	err := tx.scan(IncidentLSOAs, nil, nil, store.Forward, func(k, v []byte) error {
		out[string(k)] = string(v)
		return nil
	})
	return out, err
}

// refreshEmerging works out the emerging places of a crime type again
// (model.EmergingPlaces), after an import changed its counts.
func refreshEmerging(tx *txn, category string) error {
	ps, err := placeSeries(tx, category)
	if err != nil {
		return err
	}
	cands := model.EmergingPlaces(ps)
	v, err := json.Marshal(cands)
	if err != nil {
		return err
	}
	return tx.putKey(IncidentEmerging, []byte(category), v)
}

// Incidents is the stored counts f asks for, added up as f.By says.
func (s *Store) Incidents(f model.IncidentFilter) ([]model.IncidentRow, error) {
	var rows []model.IncidentRow
	var prefix []byte
	if !f.Month.IsZero() {
		prefix = []byte(f.Month.String() + "\x00")
	}
	err := s.view(context.TODO(), func(tx *txn) error {
		return tx.scan(IncidentCounts, prefix, nil, store.Forward, func(k, v []byte) error {
			r, err := decodeIncident(k, v)
			if err != nil {
				return fmt.Errorf("reading incidents %q: %w", k, err)
			}
			if f.Category != "" && r.Category != f.Category {
				return nil
			}
			if f.Area != "" && (r.LSOA == "" || !model.InArea(r.LSOAName, f.Area)) {
				return nil
			}
			rows = append(rows, r)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	if f.By == model.ByMonth && f.Area == "" {
		// A month imported with none of a type is 0, not missing.
		batches, err := s.IncidentBatches()
		if err != nil {
			return nil, err
		}
		for _, b := range batches {
			if (f.Category == "" || b.Category == f.Category) && (f.Month.IsZero() || b.Month == f.Month) {
				rows = append(rows, model.IncidentRow{Month: b.Month, Category: b.Category})
			}
		}
	}
	return f.Group(rows), nil
}

// IncidentBatches is every batch stored, by month, force and crime type.
func (s *Store) IncidentBatches() ([]model.IncidentBatch, error) {
	var out []model.IncidentBatch
	err := s.view(context.TODO(), func(tx *txn) error {
		return eachBatch(tx, func(ib model.IncidentBatch) { out = append(out, ib) })
	})
	return out, err
}
