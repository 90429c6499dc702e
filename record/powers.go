package record

import (
	"context"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Powers in force (model.Power): recorded on a hotspot or a general action
// by the agency that holds them, extended, reviewed and discharged, each
// change one audited write. A partnership holds tens of them over years,
// not thousands: they are read whole (one bucket, no index).

// RecordPower records a power in force. Its privacy is fixed now
// (model.NewPower.Recorded): private on private business, and always when
// it is directed at a person.
func (s *Store) RecordPower(actor model.Actor, n model.NewPower, meetingID model.ID) (model.Power, error) {
	n, err := n.Validate()
	if err != nil {
		return model.Power{}, err
	}
	var p model.Power
	err = s.write(context.TODO(), actor, declare(model.OpPowerAdd).ownedBy(n.AgencyID), func(w *wtx) error {
		if err := w.checkActiveAgency(n.AgencyID); err != nil {
			return err
		}
		m, err := meetingFor(w.tx, meetingID)
		if err != nil {
			return err
		}
		where := model.Made{Meeting: m}
		if n.HotspotID != 0 {
			var h model.Hotspot
			if err := get(w.tx, store.KindHotspots, n.HotspotID, &h); err != nil {
				return model.Invalid("hotspot", "there is no %s", model.HotspotRef(n.HotspotID))
			}
			if !h.IsOpen() {
				return model.Invalid("hotspot", "%s is closed", h.Ref())
			}
			where.Hotspot = &h
		} else {
			var a model.Action
			if err := get(w.tx, store.KindActions, n.ActionID, &a); err != nil {
				return model.Invalid("action", "there is no %s", model.ActionRef(n.ActionID))
			}
			if a.HotspotID != 0 {
				return model.Invalid("action", "%s is on %s: record the power on the hotspot", a.Ref(), model.HotspotRef(a.HotspotID))
			}
			where.On, where.Item = &a, model.ItemAOB
		}
		id, err := nextID(w.tx, store.KindPowers)
		if err != nil {
			return err
		}
		p = n.Recorded(id, where, actor, w.now)
		if err := put(w.tx, store.KindPowers, id, p); err != nil {
			return err
		}
		return w.audit(model.OpPowerAdd, "power", p.Ref(), nil, p)
	})
	return p, err
}

// changePower is the shape of every change to a power, of kind op (by
// the agency that holds it: asked before it runs): load, version, the
// clock, change, save, audit.
func (s *Store) changePower(actor model.Actor, id model.ID, version int, op model.Op, change func(w *wtx, p *model.Power) error) (model.Power, error) {
	var out model.Power
	err := s.write(context.TODO(), actor, declare(op).ownedByPower(id), func(w *wtx) error {
		var p model.Power
		if err := get(w.tx, store.KindPowers, id, &p); err != nil {
			return notFound(err, model.PowerRef(id))
		}
		if err := checkVersion(p.Ref(), version, p.Version, p.UpdatedBy, p.UpdatedAt, p); err != nil {
			return err
		}
		if err := w.stamp(p.Ref(), p.LastChanged()); err != nil {
			return err
		}
		before := p
		if err := change(w, &p); err != nil {
			return err
		}
		p.UpdatedAt, p.UpdatedBy = w.now, actor.String()
		p.Version++
		out = p
		if err := put(w.tx, store.KindPowers, p.ID, p); err != nil {
			return err
		}
		return w.audit(op, "power", p.Ref(), before, p)
	})
	return out, err
}

// ExtendPower extends a closure order (model.Power.Extend).
func (s *Store) ExtendPower(actor model.Actor, id model.ID, version int, to time.Time) (model.Power, error) {
	return s.changePower(actor, id, version, model.OpPowerExtend, func(_ *wtx, p *model.Power) error { return p.Extend(to) })
}

// SetPowerReview sets the date the power is next reviewed.
func (s *Store) SetPowerReview(actor model.Actor, id model.ID, version int, on model.Date) (model.Power, error) {
	return s.changePower(actor, id, version, model.OpPowerReview, func(_ *wtx, p *model.Power) error {
		if on.Before(model.DateOf(p.Start)) {
			return model.Invalid("review", "the review (%s) is before it took effect (%s)", on, model.DateOf(p.Start))
		}
		p.Review = on
		return nil
	})
}

// EndPower records that a power was discharged, revoked or withdrawn
// before its expiry (at: when; zero: now), with the reason.
func (s *Store) EndPower(actor model.Actor, id model.ID, version int, at time.Time, reason string) (model.Power, error) {
	reason, err := model.CheckText("reason", "reason it ended", reason, true)
	if err != nil {
		return model.Power{}, err
	}
	return s.changePower(actor, id, version, model.OpPowerEnd, func(w *wtx, p *model.Power) error {
		if at.IsZero() {
			at = w.now
		}
		return p.Discharge(at, reason)
	})
}

// Power is one power.
func (s *Store) Power(id model.ID) (model.Power, error) {
	var p model.Power
	err := s.view(context.TODO(), func(tx *txn) error {
		return notFound(get(tx, store.KindPowers, id, &p), model.PowerRef(id))
	})
	return p, err
}

// Powers are the powers f lets through, soonest ending first.
func (s *Store) Powers(f model.PowerFilter) ([]model.Power, error) {
	var out []model.Power
	err := s.view(context.TODO(), func(tx *txn) error {
		var err error
		out, err = powersIn(tx, f)
		return err
	})
	return out, err
}

// powersIn reads the powers f lets through, in tx.
func powersIn(tx *txn, f model.PowerFilter) ([]model.Power, error) {
	ps, err := all[model.Power](tx, store.KindPowers)
	if err != nil {
		return nil, err
	}
	out := ps[:0]
	for _, p := range ps {
		if f.Keep(p) {
			out = append(out, p)
		}
	}
	model.SortPowers(out)
	return out, nil
}

// powersOfDay are the powers current at any moment of day (in force, or
// yet to take effect, at its start): what a meeting's record holds.
func powersOfDay(tx *txn, day model.Date) ([]model.Power, error) {
	start := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.Local)
	return powersIn(tx, model.PowerFilter{CurrentAt: start})
}
