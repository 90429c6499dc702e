package bolt

import (
	"bytes"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
)

// recordPrivacy (schema 3 → 4) gives every record made in private its own
// privacy (model.Privacy), as model.Backfill reads it from the history the
// file kept: each hotspot's images in the audit trail say when it was
// private, the meetings' agendas which items they took in private, and the
// audit trail which actions left a hotspot for general business and when.
// The frozen record of every closed meeting gets the same, so minutes
// already closed say the same thing and later ones withhold what was
// agreed in private. Nothing becomes public that was private.
func recordPrivacy(_ *File, tx *record.Txn) error {
	b, err := backfillFromFile(tx)
	if err != nil {
		return err
	}
	actions, err := backfillActions(tx, bActions, b)
	if err != nil {
		return err
	}
	// An action is written back when its privacy changed; the mark the
	// old record carried (part2) is then gone too (unread anywhere else).
	if err := rewriteAll(tx, bActions, func(a *model.Action) bool {
		was := a.Privacy
		*a = actions[a.ID]
		return a.Privacy != was
	}); err != nil {
		return err
	}
	lastWords := map[model.ID]model.Privacy{} // the privacy of each action's latest update
	if err := rewriteAll(tx, bUpdates, func(u *model.ActionUpdate) bool {
		was := u.Privacy
		a := actions[u.ActionID]
		*u = b.Update(*u, a)
		if !a.LastUpdateAt.IsZero() && u.At.Equal(a.LastUpdateAt) {
			lastWords[u.ActionID] = u.Privacy
		}
		return u.Privacy != was
	}); err != nil {
		return err
	}
	if err := rewriteAll(tx, bActions, func(a *model.Action) bool {
		p, ok := lastWords[a.ID]
		if !ok || p == a.LastUpdatePrivacy {
			return false
		}
		a.LastUpdatePrivacy = p
		return true
	}); err != nil {
		return err
	}
	if err := rewriteAll(tx, bDecisions, func(d *model.Decision) bool {
		was := d.Privacy
		*d = b.Decision(*d)
		return d.Privacy != was
	}); err != nil {
		return err
	}
	if err := rewriteAll(tx, bNotes, func(n *model.Note) bool {
		was := n.Privacy
		*n = b.Note(*n)
		return n.Privacy != was
	}); err != nil {
		return err
	}
	if err := rewriteAll(tx, bMeetings, func(m *model.Meeting) bool {
		before := make([]model.Privacy, len(m.Declarations))
		for i, d := range m.Declarations {
			before[i] = d.Privacy
		}
		b.Declarations(m)
		for i, d := range m.Declarations {
			if d.Privacy != before[i] {
				return true
			}
		}
		return false
	}); err != nil {
		return err
	}
	return backfillSnapshots(tx, b)
}

// backfillFromFile reads what model.Backfill needs from a file: hotspots
// over time, meetings, and actions moved off their hotspot.
func backfillFromFile(tx *record.Txn) (model.Backfill, error) {
	hotspots, err := record.All[model.Hotspot](tx, store.KindHotspots)
	if err != nil {
		return model.Backfill{}, err
	}
	b := model.Backfill{Hotspots: model.NewPrivacyHistory(hotspots), Meetings: map[model.ID]*model.Meeting{}, Moved: map[model.ID]model.MovedOff{}}
	meetings, err := record.All[model.Meeting](tx, store.KindMeetings)
	if err != nil {
		return b, err
	}
	for i := range meetings {
		b.Meetings[meetings[i].ID] = &meetings[i]
	}
	hotspotEntity, generalOp := []byte(`"entity":"hotspot"`), []byte(`"op":"`+string(model.OpActionGeneral)+`"`)
	err = fileTx(tx).Bucket(bAudit).ForEach(func(_, v []byte) error {
		// Most events are about neither: tell by the stored bytes before
		// decoding (encoding/json writes these fields exactly so).
		isHotspot, isGeneral := bytes.Contains(v, hotspotEntity), bytes.Contains(v, generalOp)
		if !isHotspot && !isGeneral {
			return nil
		}
		var e model.AuditEvent
		if err := decode(v, &e); err != nil {
			return err
		}
		if isGeneral && e.Op == model.OpActionGeneral {
			var before model.Action
			if store.DecodeJSON(e.Before, &before) == nil && before.HotspotID != 0 {
				b.Moved[before.ID] = model.MovedOff{Hotspot: before.HotspotID, At: e.At}
			}
			return nil
		}
		if e.Entity != "hotspot" {
			return nil
		}
		var h model.Hotspot
		if len(e.Before) > 0 && store.DecodeJSON(e.Before, &h) == nil && h.ID != 0 {
			b.Hotspots.SawUntil(h, e.At)
		}
		h = model.Hotspot{}
		if len(e.After) > 0 && store.DecodeJSON(e.After, &h) == nil && h.ID != 0 {
			b.Hotspots.Saw(h, e.At)
		}
		return nil
	})
	return b, err
}

// legacyPart2 is the mark an action carried before schema 4: assigned
// under an item taken in private.
type legacyPart2 struct {
	Part2 bool `json:"part2"`
}

// backfillActions reads every action in bucket and backfills it.
func backfillActions(tx *record.Txn, bucket []byte, b model.Backfill) (map[model.ID]model.Action, error) {
	out := map[model.ID]model.Action{}
	err := fileTx(tx).Bucket(bucket).ForEach(func(k, v []byte) error {
		var a model.Action
		var old legacyPart2
		if err := decode(v, &a); err != nil {
			return err
		}
		if err := decode(v, &old); err != nil {
			return err
		}
		out[a.ID] = b.Action(a, old.Part2)
		return nil
	})
	return out, err
}

// rewriteAll decodes every record of bucket, changes it, and writes back
// (with its indexes) those change says it changed.
func rewriteAll[T any](tx *record.Txn, bucket []byte, change func(*T) bool) error {
	var ids []model.ID
	var recs []T
	err := fileTx(tx).Bucket(bucket).ForEach(func(k, v []byte) error {
		var r T
		if err := decode(v, &r); err != nil {
			return err
		}
		if change(&r) {
			ids, recs = append(ids, store.KeyID(k)), append(recs, r)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, id := range ids {
		if err := record.Put(tx, store.Kind(bucket), id, recs[i]); err != nil {
			return err
		}
	}
	return nil
}

// backfillSnapshots gives every frozen meeting record's actions, updates,
// decisions, notes and declarations their privacy as made (the frozen
// copies, as they stood at close).
func backfillSnapshots(tx *record.Txn, b model.Backfill) error {
	bk := fileTx(tx).Bucket(bSnapshots)
	if bk == nil {
		return nil
	}
	var snaps []model.Snapshot
	err := bk.ForEach(func(_, v []byte) error {
		var snap model.Snapshot
		if err := decode(v, &snap); err != nil {
			return err
		}
		var raw struct {
			Record struct {
				Actions []legacyPart2 `json:"actions"`
			} `json:"record"`
		}
		if err := decode(v, &raw); err != nil {
			return err
		}
		r := &snap.Record
		changed := false
		note := func(was, now model.Privacy) {
			changed = changed || was != now
		}
		actions := map[model.ID]model.Action{}
		for i, a := range r.Actions {
			old := i < len(raw.Record.Actions) && raw.Record.Actions[i].Part2
			r.Actions[i] = b.Action(a, old)
			note(a.Privacy, r.Actions[i].Privacy)
			actions[a.ID] = r.Actions[i]
		}
		for i, u := range r.Updates {
			a, ok := actions[u.ActionID]
			if !ok {
				a = model.Action{ID: u.ActionID}
			}
			r.Updates[i] = b.Update(u, a)
			note(u.Privacy, r.Updates[i].Privacy)
		}
		for i, d := range r.Decisions {
			r.Decisions[i] = b.Decision(d)
			note(d.Privacy, r.Decisions[i].Privacy)
		}
		for i, n := range r.Notes {
			r.Notes[i] = b.Note(n)
			note(n.Privacy, r.Notes[i].Privacy)
		}
		before := make([]model.Privacy, len(r.Meeting.Declarations))
		for i, d := range r.Meeting.Declarations {
			before[i] = d.Privacy
		}
		b.Declarations(&r.Meeting)
		for i, d := range r.Meeting.Declarations {
			note(before[i], d.Privacy)
		}
		if changed {
			snaps = append(snaps, snap)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, snap := range snaps {
		if err := record.PutSnapshot(tx, snap); err != nil {
			return err
		}
	}
	return nil
}
