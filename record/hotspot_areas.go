package record

import (
	"github.com/ccsp/tasking/model"
)

// The hotspot changes that feed its trend: linking it to places in the
// imported police.uk data, and the counts the chair enters where there are
// none. Each is a hotspot change like any other (changeHotspot): the
// chair's or an admin's (model.OpEditHotspot), saved against the version
// the form showed, audited, minuted when made in a meeting, and undone by
// undo as the other hotspot changes are.

// LinkHotspotArea links a hotspot to a place imported data was counted
// for (an LSOA takes the name the latest import gave it); a place nothing
// was imported for is refused.
func (s *Store) LinkHotspotArea(actor model.Actor, id model.ID, version int, a model.HotspotArea, meetingID model.ID) (model.Hotspot, error) {
	a, err := model.NewHotspotArea(a.Kind, a.Code, a.Name)
	if err != nil {
		return model.Hotspot{}, err
	}
	return s.changeHotspot(actor, id, version, meetingID, model.OpHotspotLink, func(w *wtx, h *model.Hotspot) (string, error) {
		known, err := importedArea(w.tx, a)
		if err != nil {
			return "", err
		}
		return h.LinkArea(known)
	})
}

// UnlinkHotspotArea takes a link off a hotspot (model.Hotspot.UnlinkArea
// says which link which names).
func (s *Store) UnlinkHotspotArea(actor model.Actor, id model.ID, version int, which model.HotspotArea, meetingID model.ID) (model.Hotspot, error) {
	return s.changeHotspot(actor, id, version, meetingID, model.OpHotspotUnlink, func(w *wtx, h *model.Hotspot) (string, error) {
		return h.UnlinkArea(which)
	})
}

// SetHotspotCount enters the chair's count of incidents at a hotspot for
// a month gone by (count nil takes the month's count back).
func (s *Store) SetHotspotCount(actor model.Actor, id model.ID, version int, month model.Month, count *int, meetingID model.ID) (model.Hotspot, error) {
	return s.changeHotspot(actor, id, version, meetingID, model.OpHotspotCount, func(w *wtx, h *model.Hotspot) (string, error) {
		if count == nil {
			return h.ClearCount(month)
		}
		return h.EnterCount(month, *count, model.DateOf(w.now))
	})
}
