package store

import (
	"context"
	"fmt"

	"github.com/ccsp/tasking/model"
)

// SetupInput is a new partnership: its settings, its agencies and its chair.
type SetupInput struct {
	Partnership model.Partnership
	Agencies    []model.Agency
	ChairName   string
	ChairTitle  string
	ChairAgency int // index into Agencies
}

// Setup creates the partnership in an empty database and returns the chair.
func (s *Store) Setup(in SetupInput) (model.Member, error) {
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
			id, err := nextID(w.tx, KindAgencies)
			if err != nil {
				return err
			}
			agencies[i].ID, agencies[i].UpdatedAt, agencies[i].UpdatedBy, agencies[i].Version = id, w.now, w.actor.String(), 1
			if err := put(w.tx, KindAgencies, id, agencies[i]); err != nil {
				return err
			}
		}
		id, err := nextID(w.tx, KindMembers)
		if err != nil {
			return err
		}
		chair.ID, chair.AgencyID, chair.UpdatedAt, chair.UpdatedBy = id, agencies[in.ChairAgency].ID, w.now, w.actor.String()
		if err := put(w.tx, KindMembers, id, chair); err != nil {
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
	return put(tx, KindPartnership, partnershipID, p)
}

// mustBeEmpty refuses a record that already holds a partnership.
func mustBeEmpty(tx *txn) error {
	found, err := has(tx, KindPartnership, partnershipID)
	if err == nil && found {
		err = ErrNotEmpty
	}
	return err
}

// Dataset is a whole partnership's record with IDs already assigned: what the
// demo generator produces and Seed loads in one transaction.
type Dataset struct {
	Partnership model.Partnership
	Agencies    []model.Agency
	Members     []model.Member
	Hotspots    []model.Hotspot
	Meetings    []model.Meeting
	Actions     []model.Action
	Updates     []model.ActionUpdate
	Decisions   []model.Decision
	Notes       []model.Note
	// IncidentBatches and Incidents are police.uk data as an import
	// stores it (the demo's incident history): loaded as one import.
	IncidentBatches []model.IncidentBatch
	Incidents       []model.IncidentRow
	// CaseReviews are ASB case reviews at every stage (the demo's: private
	// business, in Part 2 of the meetings that had them).
	CaseReviews []model.CaseReview
	// Powers are powers of the 2014 Act recorded on its hotspots.
	Powers []model.Power
	// History: the dataset is a whole history (the decade): Seed writes
	// the audit trail a real one would have, change by change, and loads it
	// in batches rather than one transaction.
	History bool
}

// Seed loads a dataset into an empty database in one transaction, keeping
// its IDs, with one audit event. It refuses a database that holds anything.
func (s *Store) Seed(actor model.Actor, d Dataset) error { return s.SeedWatched(Watch{}, actor, d) }

// SeedWatched is Seed reporting to w how many records it has written, and
// stopped by w's context between batches (ErrInterrupted): a history (the
// decade) is written in many transactions, so the caller loads it into a
// file of its own and removes that file if it fails or is stopped.
func (s *Store) SeedWatched(w Watch, actor model.Actor, d Dataset) error {
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
		if err := seedAll(w.tx, KindAgencies, d.Agencies, func(a model.Agency) model.ID { return a.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindMembers, d.Members, func(m model.Member) model.ID { return m.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindHotspots, d.Hotspots, func(h model.Hotspot) model.ID { return h.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindMeetings, d.Meetings, func(m model.Meeting) model.ID { return m.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindDecisions, d.Decisions, func(x model.Decision) model.ID { return x.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindNotes, d.Notes, func(n model.Note) model.ID { return n.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindActions, d.Actions, func(a model.Action) model.ID { return a.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindUpdates, d.Updates, func(u model.ActionUpdate) model.ID { return u.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindCaseReviews, d.CaseReviews, func(c model.CaseReview) model.ID { return c.ID }); err != nil {
			return err
		}
		if err := seedAll(w.tx, KindPowers, d.Powers, func(p model.Power) model.ID { return p.ID }); err != nil {
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
func seedAll[T any](tx *txn, k Kind, items []T, id func(T) model.ID) error {
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
func (w *wtx) seedIncidents(d Dataset) error {
	if len(d.IncidentBatches) == 0 {
		return nil
	}
	_, err := w.importIncidents(d.IncidentBatches, d.Incidents)
	return err
}
