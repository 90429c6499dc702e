package record

import (
	"context"
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Release makes one private record — an action, a decision (D-4) or
// a note (N-5) — public, deliberately: the chair or an admin, with a
// reason (model.CheckRelease), and only where it would publish something
// (model.CheckReleasable). The release is a Part 2 resolution, minuted in
// its own minute after the other Part 2 business (model.MinuteOrder): of
// the meeting under way, or — made between meetings — of the next one,
// which adopts it when it starts (adoptReleases). The record keeps which
// resolution released it; everything is audited.
func (s *Store) Release(actor model.Actor, ref, reason string) (model.Decision, error) {
	kind, id, err := model.ParseReleasable(ref)
	if err != nil {
		return model.Decision{}, err
	}
	if reason, err = model.CheckRelease(reason); err != nil {
		return model.Decision{}, err
	}
	var dec model.Decision
	err = s.write(context.TODO(), actor, declare(model.OpRelease), func(w *wtx) error {
		// The record, as it stands: its ref, hotspot and privacy.
		var target releasable
		switch kind {
		case model.ReleaseAction:
			target, err = loadReleasable[model.Action](w.tx, store.KindActions, id, model.ActionRef(id),
				func(a *model.Action) releaseFields {
					return releaseFields{&a.Privacy, a.HotspotID, "", &a.Version, &a.UpdatedAt}
				})
		case model.ReleaseDecision:
			target, err = loadReleasable[model.Decision](w.tx, store.KindDecisions, id, model.DecisionRef(id),
				func(d *model.Decision) releaseFields {
					return releaseFields{&d.Privacy, d.HotspotID, d.Item, &d.Version, &d.UpdatedAt}
				})
		case model.ReleaseNote:
			target, err = loadReleasable[model.Note](w.tx, store.KindNotes, id, model.NoteRef(id),
				func(n *model.Note) releaseFields {
					return releaseFields{&n.Privacy, n.HotspotID, n.Item, &n.Version, &n.UpdatedAt}
				})
		}
		if err != nil {
			return err
		}
		var h *model.Hotspot
		if hid := target.hotspot(); hid != 0 {
			h = new(model.Hotspot)
			if err := get(w.tx, store.KindHotspots, hid, h); err != nil {
				return notFound(err, model.HotspotRef(hid))
			}
		}
		was := target.privacy()
		if err := model.CheckReleasable(target.ref(), was, h, target.item()); err != nil {
			return err
		}
		if err := w.stamp(target.ref(), target.lastChanged()); err != nil {
			return err
		}
		open, _, _, err := currentMeetings(w.tx)
		if err != nil {
			return err
		}
		var meetingID model.ID
		if open != nil {
			meetingID = open.ID
		}
		if dec, err = w.addDecision(model.NewReleaseDecision(meetingID, target.ref(), was.Paragraph, reason, actor, model.DateOf(w.now))); err != nil {
			return err
		}
		if err := target.release(w, dec.ID); err != nil {
			return err
		}
		if open == nil {
			return nil // the next meeting minutes it when it starts
		}
		return w.minuteReleases(open, []model.Decision{dec})
	})
	return dec, err
}

// minuteReleases minutes the release resolutions ds in meeting m's Part 2
// (model.Meeting.MinuteRelease), saving each one adopted from between
// meetings, and the meeting.
func (w *wtx) minuteReleases(m *model.Meeting, ds []model.Decision) error {
	before := slices.Clone(m.Releases)
	for _, d := range ds {
		pending := d.MeetingID == 0
		if !m.MinuteRelease(&d) || !pending {
			continue
		}
		d.Version++
		d.UpdatedAt = w.now
		if err := put(w.tx, store.KindDecisions, d.ID, d); err != nil {
			return err
		}
		if err := w.audit(model.OpDecisionMinuted, "decision", d.Ref(), map[string]any{"meeting": ""}, map[string]any{"meeting": m.Ref()}); err != nil {
			return err
		}
	}
	if len(m.Releases) == len(before) {
		return nil
	}
	m.UpdatedAt = w.now
	m.Version++
	if err := put(w.tx, store.KindMeetings, m.ID, m); err != nil {
		return err
	}
	return w.audit(model.OpMeetingReleases, "meeting", m.Ref(), refsOf(before), refsOf(m.Releases))
}

// adoptReleases minutes in meeting m, starting, the releases made since the
// last meeting (their resolutions belong to no meeting yet).
func (w *wtx) adoptReleases(m *model.Meeting) error {
	pending, err := records[model.Decision](w.tx, store.KindDecisions, idsUnder(w.tx, store.IdxDecisionsMeeting, store.IDKey(0)))
	if err != nil {
		return err
	}
	return w.minuteReleases(m, keep(pending, func(d model.Decision) bool { return d.Item == model.ItemRelease }))
}

// refsOf is decisions' refs, for the audit trail.
func refsOf(ids []model.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = model.DecisionRef(id)
	}
	return out
}

// releasable is a record a release changes, whatever its kind.
type releasable interface {
	ref() string
	privacy() model.Privacy
	hotspot() model.ID
	item() model.ItemKind
	lastChanged() time.Time
	release(w *wtx, by model.ID) error
}

// releaseFields are the parts of a record a release reads and changes.
type releaseFields struct {
	privacy *model.Privacy
	hotspot model.ID
	item    model.ItemKind // the item a resolution or note is under
	version *int
	updated *time.Time
}

// stamped is a record that knows when it was last changed (model.CheckStamp).
type stamped interface{ LastChanged() time.Time }

// released is one record of type T, read for a release.
type released[T stamped] struct {
	kind   store.Kind
	id     model.ID
	r      string
	rec    T
	fields func(*T) releaseFields
}

func loadReleasable[T stamped](tx *txn, kind store.Kind, id model.ID, ref string, fields func(*T) releaseFields) (releasable, error) {
	x := &released[T]{kind: kind, id: id, r: ref, fields: fields}
	if err := get(tx, kind, id, &x.rec); err != nil {
		return nil, notFound(err, ref)
	}
	return x, nil
}

func (x *released[T]) ref() string            { return x.r }
func (x *released[T]) privacy() model.Privacy { return *x.fields(&x.rec).privacy }
func (x *released[T]) hotspot() model.ID      { return x.fields(&x.rec).hotspot }
func (x *released[T]) item() model.ItemKind   { return x.fields(&x.rec).item }
func (x *released[T]) lastChanged() time.Time { return x.rec.LastChanged() }
func (x *released[T]) release(w *wtx, by model.ID) error {
	before := x.rec
	f := x.fields(&x.rec)
	if err := f.privacy.Release(x.r, by); err != nil {
		return err
	}
	*f.version++
	*f.updated = w.now
	if err := put(w.tx, x.kind, x.id, x.rec); err != nil {
		return err
	}
	return w.audit(model.OpRelease, entityOf(x.kind), x.r, before, x.rec)
}

// entityOf names a kind of record in the audit trail.
func entityOf(k store.Kind) string {
	switch k {
	case store.KindActions:
		return "action"
	case store.KindDecisions:
		return "decision"
	case store.KindNotes:
		return "note"
	}
	return string(k)
}

// BackToPart1 says what taking agenda item i of meeting id back into
// Part 1 would make public (a hotspot's title, location and ward) and what
// stays private (the records about it made in private): the chair is asked
// before SetItemPart2 moves it.
func (s *Store) BackToPart1(meetingID model.ID, i int) (model.BackToPart1, error) {
	var out model.BackToPart1
	err := s.view(context.TODO(), func(tx *txn) error {
		var m model.Meeting
		if err := get(tx, store.KindMeetings, meetingID, &m); err != nil {
			return notFound(err, model.MeetingRef(meetingID))
		}
		if err := m.CheckItem(i); err != nil {
			return err
		}
		it := m.Agenda[i]
		if it.Kind != model.ItemHotspot {
			out.Item = it.Kind.StandingTitle()
			return backToPart1Standing(tx, m, it.Kind, &out)
		}
		h := new(model.Hotspot)
		if err := get(tx, store.KindHotspots, it.HotspotID, h); err != nil {
			return notFound(err, model.HotspotRef(it.HotspotID))
		}
		out.Item, out.Hotspot = h.Ref()+" "+model.CleanLine(h.Title), h
		key := store.IDKey(h.ID)
		actionIDs := idsUnder(tx, store.IdxActionsByHotspot, key)
		actions, err := records[model.Action](tx, store.KindActions, actionIDs)
		if err != nil {
			return err
		}
		decisions, err := records[model.Decision](tx, store.KindDecisions, idsUnder(tx, store.IdxDecisionsHotspot, key))
		if err != nil {
			return err
		}
		notes, err := records[model.Note](tx, store.KindNotes, idsUnder(tx, store.IdxNotesHotspot, key))
		if err != nil {
			return err
		}
		updates, err := updatesOf(tx, actionIDs)
		if err != nil {
			return err
		}
		out.StayPrivate(actions, decisions, notes, updates)
		return nil
	})
	return out, err
}

// backToPart1Standing counts what meeting m recorded under its standing
// item of kind while it was private: its resolutions and notes there, and,
// under any other business, the general actions it assigned.
func backToPart1Standing(tx *txn, m model.Meeting, kind model.ItemKind, out *model.BackToPart1) error {
	key := store.IDKey(m.ID)
	decisions, err := records[model.Decision](tx, store.KindDecisions, idsUnder(tx, store.IdxDecisionsMeeting, key))
	if err != nil {
		return err
	}
	notes, err := records[model.Note](tx, store.KindNotes, idsUnder(tx, store.IdxNotesMeeting, key))
	if err != nil {
		return err
	}
	decisions = keep(decisions, func(d model.Decision) bool { return d.HotspotID == 0 && d.Item == kind })
	notes = keep(notes, func(n model.Note) bool { return n.HotspotID == 0 && n.Item == kind })
	var actions []model.Action
	if kind == model.ItemAOB {
		updates, err := updatesInMeeting(tx, m.ID)
		if err != nil {
			return err
		}
		var ids []model.ID
		for _, u := range updates {
			if u.Kind == model.UpdateCreated {
				ids = append(ids, u.ActionID)
			}
		}
		all, err := records[model.Action](tx, store.KindActions, ids)
		if err != nil {
			return err
		}
		actions = keep(all, func(a model.Action) bool { return a.HotspotID == 0 })
	}
	out.StayPrivate(actions, decisions, notes, nil)
	return nil
}

// keep is the records of xs for which want is true.
func keep[T any](xs []T, want func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if want(x) {
			out = append(out, x)
		}
	}
	return out
}
