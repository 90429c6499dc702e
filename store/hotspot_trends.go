package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

// Hotspots' trends (model.HotspotSeries): the anti-social behaviour counted
// at a hotspot's areas over the model.TrendMonths months to the latest
// imported, read through idx_incident_series — a seek and at most twelve
// keys per area — or the counts the chair entered. Read with whatever
// shows the hotspots (home, a meeting, a hotspot's page), never by a
// screen's View.

// importedMonths are the months imported for a crime type (by any force)
// and the latest of them, from the batches' keys alone (month|force|type).
func importedMonths(tx *bolt.Tx, category string) (map[model.Month]bool, model.Month, error) {
	known := map[model.Month]bool{}
	var latest model.Month
	b := tx.Bucket(bIncidentBatches)
	if b == nil {
		return known, latest, nil
	}
	suffix := "|" + category
	err := b.ForEach(func(k, _ []byte) error {
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

// trendReader reads series for hotspots within one transaction, knowing
// once which months were imported.
type trendReader struct {
	tx     *bolt.Tx
	known  map[model.Month]bool
	latest model.Month
}

func newTrendReader(tx *bolt.Tx) (*trendReader, error) {
	known, latest, err := importedMonths(tx, model.CategoryASB)
	if err != nil {
		return nil, err
	}
	return &trendReader{tx: tx, known: known, latest: latest}, nil
}

// imported is the police.uk series at a hotspot's counted areas (zero
// when it has none, or nothing was imported).
func (r *trendReader) imported(h model.Hotspot) model.Series {
	b := r.tx.Bucket(bIdxIncidentSeries)
	if len(h.Areas) == 0 || r.latest.IsZero() || b == nil {
		return model.Series{}
	}
	from := r.latest.Add(1 - model.TrendMonths)
	counts := map[model.Month]int{}
	c := b.Cursor()
	for _, a := range model.CountedAreas(h.Areas) {
		prefix := seriesPrefix(model.CategoryASB, a.Place())
		start := append(slices.Clip(prefix), from.String()...)
		for k, v := c.Seek(start); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			m, err := model.ParseMonth(string(k[len(prefix):]))
			if err != nil || len(v) != 4 {
				continue // a street's key shares no prefix with another's; check reports damage
			}
			if m.After(r.latest) {
				break
			}
			counts[m] += int(binary.BigEndian.Uint32(v))
		}
	}
	return seriesOf(r.latest, counts, r.known)
}

// series is the hotspot's series as model.HotspotSeries picks it.
func (r *trendReader) series(h model.Hotspot) model.Series {
	return model.HotspotSeries(h, r.imported(h))
}

// hotspotTrends are the series of hotspots that have one.
func hotspotTrends(tx *bolt.Tx, hs []model.Hotspot) (map[model.ID]model.Series, error) {
	r, err := newTrendReader(tx)
	if err != nil {
		return nil, err
	}
	out := map[model.ID]model.Series{}
	for _, h := range hs {
		if s := r.series(h); !s.IsZero() {
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
	err = s.view(func(tx *bolt.Tx) error {
		hs, err := records[model.Hotspot](tx, bHotspots, sortedIDs(ids))
		if err != nil {
			return err
		}
		out, err = hotspotTrends(tx, hs)
		return err
	})
	return out, err
}

// IncidentPlaces is every place anti-social behaviour was imported for —
// each LSOA, and each street within one — with its series to the latest
// month imported, the busiest over the year first: what a hotspot's areas
// are chosen from.
func (s *Store) IncidentPlaces() (out []model.PlaceSeries, err error) {
	err = s.view(func(tx *bolt.Tx) error {
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
func importedArea(tx *bolt.Tx, a model.HotspotArea) (model.HotspotArea, error) {
	b := tx.Bucket(bIdxIncidentSeries)
	prefix := seriesPrefix(model.CategoryASB, a.Place())
	if b != nil {
		if k, _ := b.Cursor().Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) {
			if a.Kind == model.AreaLSOA {
				if names := tx.Bucket(bLSOAs); names != nil {
					a.Name = cmp.Or(string(names.Get([]byte(a.Code))), a.Name)
				}
			}
			return a, nil
		}
	}
	return a, model.Invalid("area", "no anti-social behaviour was imported for %s: link a place from what was imported (tasking incidents --by %s)", a.Label(), a.Kind)
}
