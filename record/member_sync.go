package record

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// ApplyMemberSync applies a member import planned outside any write
// (model.PlanMemberSync, from members read a moment before): in one write,
// all of it or none. Its rules are model's (MemberSync.Apply): anyone it
// updates or retires must be as the plan read them, or it is refused
// saying who changed them, when, and what, rather than laid over their
// change; names and addresses are checked again against the members as
// they are now. Updates and retirements are audited one by one, as the
// same change made by hand is, so each person's history shows the import;
// the people added are one import event.
func (s *Store) ApplyMemberSync(actor model.Actor, plan model.MemberSync) (model.SyncApplied, error) {
	var done model.SyncApplied
	err := s.write(context.TODO(), actor, declare(model.OpMemberImport), func(w *wtx) error {
		members, err := all[model.Member](w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		if err := w.checkListedAgencies(plan); err != nil {
			return err
		}
		p, err := readPartnership(w.tx)
		if err != nil {
			return err
		}
		done, err = plan.Apply(members, p.ChairID, model.DateOf(w.now), actor, func() (model.ID, error) { return nextID(w.tx, store.KindMembers) })
		if stale := (*model.StaleError)(nil); errors.As(err, &stale) {
			stale.By, stale.At = lastChangeOf(w.tx, stale.ID)
		}
		if err != nil {
			return err
		}
		// Each member the import touches says who changed it and when, as
		// an edit in the app does: a form open on them names the import.
		for i := range done.Updated {
			done.Updated[i].After.UpdatedAt, done.Updated[i].After.UpdatedBy = w.now, w.actor.String()
		}
		for i := range done.Retired {
			done.Retired[i].After.UpdatedAt, done.Retired[i].After.UpdatedBy = w.now, w.actor.String()
		}
		for i := range done.Added {
			done.Added[i].UpdatedAt, done.Added[i].UpdatedBy = w.now, w.actor.String()
		}
		for _, e := range done.Updated {
			if err := put(w.tx, store.KindMembers, e.After.ID, e.After); err != nil {
				return err
			}
			if err := w.audit(model.OpMemberEdit, "member", e.After.Name, e.Before, e.After); err != nil {
				return err
			}
		}
		for _, e := range done.Retired {
			if err := put(w.tx, store.KindMembers, e.After.ID, e.After); err != nil {
				return err
			}
			if err := w.audit(model.OpMemberRetire, "member", e.After.Name, e.Before, e.After); err != nil {
				return err
			}
		}
		for _, m := range done.Added {
			if err := put(w.tx, store.KindMembers, m.ID, m); err != nil {
				return err
			}
		}
		if done.ChairID != p.ChairID {
			before := p
			p.ChairID = done.ChairID
			p.Version++
			if err := putPartnership(w.tx, p); err != nil {
				return err
			}
			if err := w.audit(model.OpPartnershipChair, "partnership", "", before, p); err != nil {
				return err
			}
		}
		return w.audit(model.OpMemberImport, "member", "", nil, map[string]any{
			"members": len(done.Added), "updated": len(done.Updated), "retired": len(done.Retired),
		})
	})
	return done, err
}

// checkListedAgencies: every agency the plan puts someone in is still in
// the partnership (one may have retired since the list was checked).
func (w *wtx) checkListedAgencies(plan model.MemberSync) error {
	seen := map[model.ID]error{}
	check := func(id model.ID, line int, name string) error {
		err, ok := seen[id]
		if !ok {
			err = w.checkActiveAgency(id)
			seen[id] = err
		}
		if err != nil {
			return model.Invalid("agency", "line %d (%s): %s", line, name, err.Error())
		}
		return nil
	}
	for _, a := range plan.Add {
		if err := check(a.Member.AgencyID, a.Line, a.Member.Name); err != nil {
			return err
		}
	}
	for _, u := range plan.Update {
		if err := check(u.After.AgencyID, u.Line, u.After.Name); err != nil {
			return err
		}
	}
	return nil
}

// lastChangeOf is who last changed member id, and when: the newest audit
// event about them. The change a stale plan is refused over came after the
// plan was read, so it is near the end of the trail.
func lastChangeOf(tx *txn, id model.ID) (string, time.Time) {
	// Only on a refusal, and bounded: a member changed by nobody since the
	// trail began is not worth reading a decade of it for.
	var by string
	var at time.Time
	n := 0
	_ = tx.each(store.KindAudit, 0, store.Backward, func(_ model.ID, d store.Doc) error {
		if n++; n > 10_000 {
			return errStop
		}
		var e model.AuditEvent
		if decodeDoc(d, &e) != nil || e.Entity != "member" {
			return nil
		}
		if about(e.Before, id) || about(e.After, id) {
			by, at = e.By, e.At
			return errStop
		}
		return nil
	})
	return by, at
}

// about: an audit image is of record id.
func about(image json.RawMessage, id model.ID) bool {
	var r struct {
		ID model.ID `json:"id"`
	}
	return len(image) > 0 && json.Unmarshal(image, &r) == nil && r.ID == id
}
