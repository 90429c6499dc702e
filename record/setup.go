package record

import (
	"context"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Setup creates the partnership in an empty database and returns the chair.
func (s *Store) Setup(in store.SetupInput) (model.Member, error) {
	p := in.Partnership
	var err error
	if p.Name, err = model.CheckLine("name", "partnership name", p.Name, true, 120); err != nil {
		return model.Member{}, err
	}
	chairName, err := model.CheckLine("chair", "chair's name", in.ChairName, true, 80)
	if err != nil {
		return model.Member{}, err
	}
	chairTitle, err := model.CheckLine("chair_title", "chair's job title", in.ChairTitle, false, 80)
	if err != nil {
		return model.Member{}, err
	}
	agencies, err := model.SetupAgencies(in.Agencies)
	if err != nil {
		return model.Member{}, err
	}
	if in.ChairAgency < 0 || in.ChairAgency >= len(agencies) {
		in.ChairAgency = 0
	}
	p.ApplyDefaults()
	chair := model.FoundingChair(chairName, chairTitle)
	actor := model.Actor{Name: chairName, Role: chair.Role}
	err = s.write(context.TODO(), actor, declare(model.OpPartnershipSetup), func(w *wtx) error {
		if err := mustBeEmpty(w.tx); err != nil {
			return err
		}
		for i := range agencies {
			id, err := nextID(w.tx, store.KindAgencies)
			if err != nil {
				return err
			}
			agencies[i].ID, agencies[i].UpdatedAt, agencies[i].UpdatedBy, agencies[i].Version = id, w.now, w.actor.String(), 1
			if err := put(w.tx, store.KindAgencies, id, agencies[i]); err != nil {
				return err
			}
		}
		id, err := nextID(w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		chair.ID, chair.AgencyID, chair.UpdatedAt, chair.UpdatedBy = id, agencies[in.ChairAgency].ID, w.now, w.actor.String()
		if err := put(w.tx, store.KindMembers, id, chair); err != nil {
			return err
		}
		p.ChairID, p.CreatedAt, p.Version = chair.ID, w.now, 1
		if err := putPartnership(w.tx, p); err != nil {
			return err
		}
		w.actor = model.ActorFor(chair)
		return w.audit(model.OpPartnershipSetup, "partnership", "", nil, map[string]any{"partnership": p, "agencies": agencies, "chair": chair})
	})
	return chair, err
}

func putPartnership(tx *txn, p model.Partnership) error {
	return put(tx, store.KindPartnership, store.PartnershipID, p)
}

// mustBeEmpty refuses a record that already holds a partnership.
func mustBeEmpty(tx *txn) error {
	found, err := has(tx, store.KindPartnership, store.PartnershipID)
	if err == nil && found {
		err = store.ErrNotEmpty
	}
	return err
}

// Seed loads a dataset into an empty database in one transaction, keeping
// its IDs, with one audit event. It refuses a database that holds anything.
func (s *Store) Seed(actor model.Actor, d store.Dataset) error {
	return s.SeedWatched(store.Watch{}, actor, d)
}

// SeedWatched is Seed reporting to w how many records it has written, and
// stopped by w's context between batches (ErrInterrupted): a history (the
// decade) is written in many transactions, so the caller loads it into a
// file of its own and removes that file if it fails or is stopped.
func (s *Store) SeedWatched(w store.Watch, actor model.Actor, d store.Dataset) error {
	backfillDataset(&d)
	if d.History {
		return s.seedHistory(w, actor, d)
	}
	if err := w.Stopped(); err != nil {
		return err
	}
	return s.write(context.TODO(), actor, declare(model.OpPartnershipSeed), func(w *wtx) error {
		if err := mustBeEmpty(w.tx); err != nil {
			return err
		}
		d.Partnership.ApplyDefaults()
		if err := putPartnership(w.tx, d.Partnership); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindAgencies, d.Agencies, func(a model.Agency) model.ID { return a.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindMembers, d.Members, func(m model.Member) model.ID { return m.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindHotspots, d.Hotspots, func(h model.Hotspot) model.ID { return h.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindMeetings, d.Meetings, func(m model.Meeting) model.ID { return m.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindDecisions, d.Decisions, func(x model.Decision) model.ID { return x.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindNotes, d.Notes, func(n model.Note) model.ID { return n.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindActions, d.Actions, func(a model.Action) model.ID { return a.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindUpdates, d.Updates, func(u model.ActionUpdate) model.ID { return u.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindCaseReviews, d.CaseReviews, func(c model.CaseReview) model.ID { return c.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, store.KindPowers, d.Powers, func(p model.Power) model.ID { return p.ID }); err != nil {
			return err
		}
		if err := w.seedIncidents(d); err != nil {
			return err
		}
		// Closed meetings get their frozen record, as a real close makes:
		// the dataset's own history (its updates, its dates) says how each
		// stood at its close.
		trends := func(hs []model.Hotspot, day model.Date) (map[model.ID]model.Series, error) {
			return hotspotTrends(w.tx, hs, day)
		}
		if err := datasetSnapshots(d, trends, func(snap model.Snapshot) error { return putSnapshot(w.tx, snap) }); err != nil {
			return err
		}
		return w.audit(model.OpPartnershipSeed, "partnership", "", nil, map[string]int{
			"agencies": len(d.Agencies), "members": len(d.Members), "hotspots": len(d.Hotspots),
			"meetings": len(d.Meetings), "actions": len(d.Actions), "decisions": len(d.Decisions), "notes": len(d.Notes),
		})
	})
}

// seedAll loads records of kind k with their own IDs, which NextID then
// gives no more.
func seedAll[T any](tx *txn, k store.Kind, items []T, id func(T) model.ID) error {
	var top model.ID
	for _, it := range items {
		top = max(top, id(it))
	}
	if err := tx.tx.ReserveIDs(tx.ctx, k, top); err != nil {
		return err
	}
	for _, it := range items {
		i := id(it)
		if i == 0 {
			return fmt.Errorf("seed: a record in %s has no ID", k)
		}
		if found, err := has(tx, k, i); err != nil {
			return err
		} else if found {
			return fmt.Errorf("seed: two %s records have ID %d", k, i)
		}
		if err := put(tx, k, i, it); err != nil {
			return err
		}
	}
	return nil
}

// seedIncidents loads a dataset's incident data as one import would.
func (w *wtx) seedIncidents(d store.Dataset) error {
	if len(d.IncidentBatches) == 0 {
		return nil
	}
	_, err := w.importIncidents(d.IncidentBatches, d.Incidents)
	return err
}

// backfillDataset gives a dataset loaded whole (the demo) the privacy each
// of its records would have had, made one by one: its hotspots are as
// they always were.
func backfillDataset(d *store.Dataset) {
	b := model.Backfill{Hotspots: model.NewPrivacyHistory(d.Hotspots), Meetings: map[model.ID]*model.Meeting{}}
	for i := range d.Meetings {
		b.Meetings[d.Meetings[i].ID] = &d.Meetings[i]
	}
	for i := range d.Meetings {
		b.Declarations(&d.Meetings[i])
	}
	// Where each action is, not a copy of it: a decade's actions are 28 MB.
	actions := make(map[model.ID]int, len(d.Actions))
	for i, a := range d.Actions {
		d.Actions[i] = b.Action(a, false)
		actions[a.ID] = i
	}
	actionOf := func(id model.ID) model.Action {
		if i, ok := actions[id]; ok {
			return d.Actions[i]
		}
		return model.Action{}
	}
	last := map[model.ID]int{}
	for i, u := range d.Updates {
		d.Updates[i] = b.Update(u, actionOf(u.ActionID))
		if a := actionOf(u.ActionID); !a.LastUpdateAt.IsZero() && u.At.Equal(a.LastUpdateAt) {
			last[u.ActionID] = i
		}
	}
	for i, a := range d.Actions {
		if j, ok := last[a.ID]; ok {
			d.Actions[i].LastUpdatePrivacy = d.Updates[j].Privacy
		}
	}
	for i, x := range d.Decisions {
		d.Decisions[i] = b.Decision(x)
	}
	for i, n := range d.Notes {
		d.Notes[i] = b.Note(n)
	}
}
