package bolt

import (
	"slices"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
)

// freezeClosedMeetings (schema 1 → 2) gives every meeting closed before
// minutes were frozen at close its snapshot, rebuilt as at its close from
// the history the file kept: each action's updates undo later status and
// due-date changes, the audit trail's "before" images give each hotspot as
// it was before its first later change, and amendments are undone. Where
// the history starts after a meeting closed (a demo or import loaded in
// bulk), the record says so once (model.Rewind). Personal ASB becomes
// private wherever it is listed first (privatePersonalASB).
func freezeClosedMeetings(s *File, tx *record.Txn) error {
	if _, err := fileTx(tx).CreateBucketIfNotExists(bSnapshots); err != nil {
		return err
	}
	if err := privatePersonalASB(tx); err != nil {
		return err
	}
	meetings, err := record.All[model.Meeting](tx, store.KindMeetings)
	if err != nil {
		return err
	}
	events, err := record.All[model.AuditEvent](tx, store.KindAudit)
	if err != nil {
		return err
	}
	var since = s.Now()
	if len(events) > 0 {
		since = events[0].At
	}
	var hotspotEvents []model.AuditEvent
	for _, e := range events {
		if e.Entity == "hotspot" && len(e.Before) > 0 {
			hotspotEvents = append(hotspotEvents, e)
		}
	}
	slices.SortStableFunc(hotspotEvents, func(a, b model.AuditEvent) int { return a.At.Compare(b.At) })
	for _, m := range meetings {
		if m.State != model.MeetingClosed {
			continue
		}
		rec, err := record.ReadRecordWhole(tx, m.ID, m.Date)
		if err != nil {
			return err
		}
		h := model.History{Since: since, HotspotsBefore: map[model.ID]model.Hotspot{}}
		for _, e := range hotspotEvents {
			if !e.At.After(m.ClosedAt) {
				continue
			}
			id, err := model.ParseRef(model.HotspotPrefix, e.Ref)
			if err != nil {
				continue
			}
			if _, seen := h.HotspotsBefore[id]; seen {
				continue
			}
			var before model.Hotspot
			if store.DecodeJSON(e.Before, &before) == nil && before.ID == id {
				h.HotspotsBefore[id] = before
			}
		}
		snap := model.Freeze(model.Rewind(rec, m.ClosedAt, h), s.Now())
		snap.Rebuilt = true
		if err := record.PutSnapshot(tx, snap); err != nil {
			return err
		}
	}
	return nil
}

// privatePersonalASB applies the rule that personal ASB (about named people)
// is private wherever it is listed: such hotspots are marked Part 2
// (paragraph 1), and so are their items on every agenda, which the minutes
// then take after the exclusion of the public.
func privatePersonalASB(tx *record.Txn) error {
	hotspots, err := record.All[model.Hotspot](tx, store.KindHotspots)
	if err != nil {
		return err
	}
	private := map[model.ID]model.ExemptParagraph{}
	for _, h := range hotspots {
		if h.Category != model.CategoryPersonal && !h.Part2 {
			continue
		}
		if !h.Part2 || h.Paragraph == 0 {
			h.Part2, h.Paragraph = true, h.ExemptAs()
			if err := record.Put(tx, store.KindHotspots, h.ID, h); err != nil {
				return err
			}
		}
		private[h.ID] = h.Paragraph
	}
	meetings, err := record.All[model.Meeting](tx, store.KindMeetings)
	if err != nil {
		return err
	}
	for _, m := range meetings {
		changed := false
		for i, it := range m.Agenda {
			if para, ok := private[it.HotspotID]; ok && it.Kind == model.ItemHotspot && !it.Part2 {
				m.Agenda[i].Part2, m.Agenda[i].Paragraph = true, para
				changed = true
			}
		}
		if changed {
			if err := record.Put(tx, store.KindMeetings, m.ID, m); err != nil {
				return err
			}
		}
	}
	return nil
}
