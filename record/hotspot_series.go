package record

import (
	"github.com/ccsp/tasking/model"
)

// HotspotSeries is hotspot id's series (hotspotTrends: the counts at the
// areas it is linked to, or those the chair entered): what its trend and
// its class (model.Series.Class: emerging, persistent, cooling) are read
// from. Zero when it has none.
func (s *Store) HotspotSeries(id model.ID) (model.Series, error) {
	trends, err := s.HotspotTrends([]model.ID{id})
	if err != nil {
		return model.Series{}, err
	}
	return trends[id], nil
}
