package record

import (
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// followIntoPart2 makes private, for good, what meeting m has already
// recorded under the item (kind, hotspotID) it is taking in private now —
// the actions it assigned there, the updates it made to them (or, under a
// hotspot, to the hotspot's actions), its resolutions, notes and
// declarations there (model.FollowsIntoPart2) — exempt under para. The
// whole item is minuted in Part 2, so what was said before the public left
// must not come back out with it later. m is saved by the caller.
func (w *wtx) followIntoPart2(m *model.Meeting, kind model.ItemKind, hotspotID model.ID, para model.ExemptParagraph) error {
	private := model.PrivateUnder(para)
	follows := func(meetingID model.ID, item model.ItemKind, hotspot model.ID) bool {
		return model.FollowsIntoPart2(meetingID, item, hotspot, m.ID, kind, hotspotID)
	}
	updates, err := updatesInMeeting(w.tx, m.ID)
	if err != nil {
		return err
	}
	// The actions this meeting assigned or updated, each read once.
	actions := map[model.ID]*model.Action{}
	for _, u := range updates {
		if _, ok := actions[u.ActionID]; ok {
			continue
		}
		a := new(model.Action)
		if err := get(w.tx, store.KindActions, u.ActionID, a); err != nil {
			return err
		}
		actions[u.ActionID] = a
	}
	// itemOf is the item an action's business is recorded under in m: its
	// hotspot's, any other business for a general action m assigned, else
	// matters arising.
	itemOf := func(a *model.Action) model.ItemKind {
		switch {
		case a.HotspotID != 0:
			return model.ItemHotspot
		case a.CreatedMeetingID == m.ID:
			return model.ItemAOB
		}
		return model.ItemMatters
	}
	var changedUpdates []model.ID
	for _, u := range updates {
		a := actions[u.ActionID]
		if u.Private || !follows(u.MeetingID, itemOf(a), a.HotspotID) {
			continue
		}
		u.Privacy = private
		if err := put(w.tx, store.KindUpdates, u.ID, u); err != nil {
			return err
		}
		changedUpdates = append(changedUpdates, u.ID)
	}
	for _, a := range actions {
		if a.Private || !follows(a.CreatedMeetingID, itemOf(a), a.HotspotID) {
			continue
		}
		if err := w.stamp(a.Ref(), a.LastChanged()); err != nil {
			return err
		}
		before := *a
		a.Privacy = private
		a.Version++
		a.UpdatedAt, a.UpdatedBy = w.now, w.actor.String()
		if err := put(w.tx, store.KindActions, a.ID, *a); err != nil {
			return err
		}
		if err := w.audit(model.OpActionPrivate, "action", a.Ref(), before, *a); err != nil {
			return err
		}
	}
	decisions, err := records[model.Decision](w.tx, store.KindDecisions, idsUnder(w.tx, store.IdxDecisionsMeeting, store.IDKey(m.ID)))
	if err != nil {
		return err
	}
	for _, d := range decisions {
		if d.Private || !follows(d.MeetingID, d.Item, d.HotspotID) {
			continue
		}
		if err := w.stamp(d.Ref(), d.LastChanged()); err != nil {
			return err
		}
		before := d
		d.Privacy, d.UpdatedAt = private, w.now
		d.Version++
		if err := put(w.tx, store.KindDecisions, d.ID, d); err != nil {
			return err
		}
		if err := w.audit(model.OpDecisionPrivate, "decision", d.Ref(), before, d); err != nil {
			return err
		}
	}
	notes, err := records[model.Note](w.tx, store.KindNotes, idsUnder(w.tx, store.IdxNotesMeeting, store.IDKey(m.ID)))
	if err != nil {
		return err
	}
	for _, n := range notes {
		if n.Private || !follows(n.MeetingID, n.Item, n.HotspotID) {
			continue
		}
		if err := w.stamp(n.Ref(), n.LastChanged()); err != nil {
			return err
		}
		before := n
		n.Privacy, n.UpdatedAt = private, w.now
		n.Version++
		if err := put(w.tx, store.KindNotes, n.ID, n); err != nil {
			return err
		}
		if err := w.audit(model.OpNotePrivate, "note", n.Ref(), before, n); err != nil {
			return err
		}
	}
	for i, d := range m.Declarations {
		if !d.Private && follows(m.ID, d.Item, d.HotspotID) {
			m.Declarations[i].Privacy = private
		}
	}
	if len(changedUpdates) == 0 {
		return nil
	}
	return w.audit(model.OpUpdatePrivate, "meeting", m.Ref(), nil, map[string]any{"updates": changedUpdates, "paragraph": para})
}
