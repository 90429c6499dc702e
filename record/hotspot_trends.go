package record

import (
	"cmp"
	"context"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Hotspots' trends (model.HotspotSeries): the anti-social behaviour counted
// at a hotspot's areas over the model.TrendMonths months to the latest
// imported, read through idx_incident_series — a seek and at most twelve
// keys per area — or the counts the chair entered. Read with whatever
// shows the hotspots (home, a meeting, a hotspot's page), never by a
// screen's View.

// importedMonths are the months imported for a crime type (by any force)
// and the latest of them, from the batches' keys alone (month|force|type).
func importedMonths(tx *txn, category string) (map[model.Month]bool, model.Month, error) {
	known := map[model.Month]bool{}
	var latest model.Month
	suffix := "|" + category
	err := tx.scan(IncidentBatches, nil, nil, store.Forward, func(k, _ []byte) error {
		key := string(k)
		if !strings.HasSuffix(key, suffix) {
			return nil
		}
		m, err := model.ParseMonth(key[:min(len(key), len("2006-01"))])
		if err != nil {
			return nil // reported by check
		}
		known[m] = true
		if m.After(latest) {
			latest = m
		}
		return nil
	})
	return known, latest, err
}

// trendReader reads series as at a day for hotspots within one
// transaction, knowing once which months were imported: those over by
// then (model.MonthsBy), so a record read as at a meeting's day shows the
// months that meeting saw.
type trendReader struct {
	tx     *txn
	today  model.Date
	known  map[model.Month]bool
	latest model.Month
}

func newTrendReader(tx *txn, today model.Date) (*trendReader, error) {
	known, _, err := importedMonths(tx, model.CategoryASB)
	if err != nil {
		return nil, err
	}
	r := &trendReader{tx: tx, today: today, known: map[model.Month]bool{}}
	by := model.MonthsBy(today)
	for m := range known {
		if !m.After(by) {
			r.known[m] = true
			if m.After(r.latest) {
				r.latest = m
			}
		}
	}
	return r, nil
}

// imported is the police.uk series at each hotspot's counted areas (zero
// for one that has none, or when nothing was imported), in the order of
// hs: the areas' runs of the index read in one go where the engine can
// (Ranger: home's hundred areas in one round trip, not a hundred).
func (r *trendReader) imported(hs []model.Hotspot) []model.Series {
	out := make([]model.Series, len(hs))
	if r.latest.IsZero() {
		return out
	}
	from, until := r.latest.Add(1-model.TrendMonths).String(), r.latest.Add(1).String()
	var ranges []store.Range
	var of []int // the hotspot each run is of
	for i, h := range hs {
		for _, a := range model.CountedAreas(h.Areas) {
			prefix := seriesPrefix(model.CategoryASB, a.Place())
			ranges = append(ranges, store.Range{
				Prefix: prefix,
				From:   append(slices.Clip(prefix), from...),
				Until:  append(slices.Clip(prefix), until...),
			})
			of = append(of, i)
		}
	}
	counts := make([]map[model.Month]int, len(hs))
	r.tx.failed(r.tx.scanRanges(IdxIncidentSeries, ranges, func(n int, k, v []byte) error {
		m, err := model.ParseMonth(string(k[len(ranges[n].Prefix):]))
		if err != nil || len(v) != 4 || m.After(r.latest) {
			return nil // a street's key shares no prefix with another's; check reports damage
		}
		i := of[n]
		if counts[i] == nil {
			counts[i] = map[model.Month]int{}
		}
		counts[i][m] += int(binary.BigEndian.Uint32(v))
		return nil
	}))
	for i, h := range hs {
		if len(h.Areas) > 0 {
			c := counts[i]
			if c == nil {
				c = map[model.Month]int{}
			}
			out[i] = seriesOf(r.latest, c, r.known)
		}
	}
	return out
}

// hotspotTrends are the series of hotspots that have one, as at today
// (model.HotspotSeries picks it).
func hotspotTrends(tx *txn, hs []model.Hotspot, today model.Date) (map[model.ID]model.Series, error) {
	r, err := newTrendReader(tx, today)
	if err != nil {
		return nil, err
	}
	imported := r.imported(hs)
	out := map[model.ID]model.Series{}
	for i, h := range hs {
		if s := model.HotspotSeries(h, imported[i], today); !s.IsZero() {
			out[h.ID] = s
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// HotspotTrends are the series of the hotspots with these IDs (those
// that have one): what `hotspot list` and `hotspot show` print.
func (s *Store) HotspotTrends(ids []model.ID) (out map[model.ID]model.Series, err error) {
	today := s.Today()
	err = s.view(context.TODO(), func(tx *txn) error {
		hs, err := records[model.Hotspot](tx, store.KindHotspots, sortedIDs(ids))
		if err != nil {
			return err
		}
		out, err = hotspotTrends(tx, hs, today)
		return err
	})
	return out, err
}

// IncidentPlaces is every place anti-social behaviour was imported for —
// each LSOA, and each street within one — with its series to the latest
// month imported, the busiest over the year first: what a hotspot's areas
// are chosen from.
func (s *Store) IncidentPlaces() (out []model.PlaceSeries, err error) {
	err = s.view(context.TODO(), func(tx *txn) error {
		out, err = placeSeries(tx, model.CategoryASB)
		return err
	})
	slices.SortStableFunc(out, func(a, b model.PlaceSeries) int {
		return cmp.Or(cmp.Compare(b.Series.Total(), a.Series.Total()), strings.Compare(a.Key(), b.Key()))
	})
	return out, err
}

// importedArea is the link to a as the imported data knows it (an LSOA
// with its name as the latest import gave it), or a refusal: links are
// chosen from what was imported.
func importedArea(tx *txn, a model.HotspotArea) (model.HotspotArea, error) {
	prefix := seriesPrefix(model.CategoryASB, a.Place())
	found := false
	if err := tx.scan(IdxIncidentSeries, prefix, nil, store.Forward, func([]byte, []byte) error {
		found = true
		return errStop
	}); err != nil {
		return a, err
	}
	if found {
		if a.Kind == model.AreaLSOA {
			name, err := tx.tx.GetKey(tx.ctx, IncidentLSOAs, []byte(a.Code))
			if err != nil {
				return a, err
			}
			a.Name = cmp.Or(string(name), a.Name)
		}
		return a, nil
	}
	return a, model.Invalid("area", "no anti-social behaviour was imported for %s: link a place from what was imported (tasking incidents --by %s)", a.Label(), a.Kind)
}

// hotspotTrendsWhole is hotspotTrends read the long way — every count
// decoded, every batch — without idx_incident_series: what upgrades from
// before the index read, and what tests hold the indexed reading to.
func hotspotTrendsWhole(tx *txn, hs []model.Hotspot, today model.Date) (map[model.ID]model.Series, error) {
	by := model.MonthsBy(today)
	known := map[model.Month]bool{}
	var latest model.Month
	if err := eachBatch(tx, func(ib model.IncidentBatch) {
		if ib.Category == model.CategoryASB && !ib.Month.After(by) {
			known[ib.Month] = true
			if ib.Month.After(latest) {
				latest = ib.Month
			}
		}
	}); err != nil {
		return nil, err
	}
	var rows []model.IncidentRow
	if !latest.IsZero() {
		if err := tx.scan(IncidentCounts, nil, nil, store.Forward, func(k, v []byte) error {
			r, err := decodeIncident(k, v)
			if err == nil && r.Category == model.CategoryASB && known[r.Month] && r.Month.Since(latest) > -model.TrendMonths {
				rows = append(rows, r)
			}
			return err
		}); err != nil {
			return nil, err
		}
	}
	out := map[model.ID]model.Series{}
	for _, h := range hs {
		var imported model.Series
		if len(h.Areas) > 0 && !latest.IsZero() {
			counts := map[model.Month]int{}
			for _, a := range model.CountedAreas(h.Areas) {
				for _, r := range rows {
					if a.Place().Covers(r.Place) {
						counts[r.Month] += r.Count
					}
				}
			}
			imported = seriesOf(latest, counts, known)
		}
		if s := model.HotspotSeries(h, imported, today); !s.IsZero() {
			out[h.ID] = s
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}
