package store

import (
	"encoding/binary"

	"github.com/ccsp/tasking/model"
	bolt "go.etcd.io/bbolt"
)

// A hotspot's series: the counts at the places it is linked to (every
// link's crime type), month by month over the last model.TrendMonths
// months imported — or, with no link, the counts the chair entered
// (model.EnteredSeries). Twelve lookups per link in idx_incident_series.

// HotspotSeries is hotspot id's series: what its trend and its class
// (model.Series.Class: emerging, persistent, cooling) are read from.
func (s *Store) HotspotSeries(id model.ID) (model.Series, error) {
	var out model.Series
	err := s.view(func(tx *bolt.Tx) error {
		var h model.Hotspot
		if err := get(tx, bHotspots, id, &h); err != nil {
			return notFound(err, model.HotspotRef(id))
		}
		var err error
		out, err = hotspotSeries(tx, h)
		return err
	})
	return out, err
}

// hotspotSeries is h's series, in tx.
func hotspotSeries(tx *bolt.Tx, h model.Hotspot) (model.Series, error) {
	if len(h.Links) == 0 || tx.Bucket(bIdxIncidentSeries) == nil {
		return model.EnteredSeries(h.Incidents), nil
	}
	// The months imported for every crime type linked, ending with the
	// latest of them: a month is known when it is known for each.
	knownBy := map[string]map[model.Month]bool{}
	var end model.Month
	for _, l := range h.Links {
		c := l.CategoryOr()
		if _, ok := knownBy[c]; ok {
			continue
		}
		known, latest, err := knownMonths(tx, c)
		if err != nil {
			return model.Series{}, err
		}
		knownBy[c] = known
		if latest.After(end) {
			end = latest
		}
	}
	if end.IsZero() {
		return model.EnteredSeries(h.Incidents), nil
	}
	b := tx.Bucket(bIdxIncidentSeries)
	counts := map[model.Month]int{}
	for _, l := range h.Links {
		prefix := seriesPrefix(l.CategoryOr(), l.Place)
		for i := range model.TrendMonths {
			m := end.Add(i + 1 - model.TrendMonths)
			if v := b.Get(append(prefix[:len(prefix):len(prefix)], m.String()...)); len(v) == 4 {
				counts[m] += int(binary.BigEndian.Uint32(v))
			}
		}
	}
	return seriesOf(end, counts, func() map[model.Month]bool {
		known := map[model.Month]bool{}
		for i := range model.TrendMonths {
			m := end.Add(i + 1 - model.TrendMonths)
			all := true
			for _, k := range knownBy {
				all = all && k[m]
			}
			known[m] = all
		}
		return known
	}()), nil
}
