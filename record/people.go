package record

import (
	"context"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// AddMember adds a member to the partnership (the chair or an admin).
// Names are unique: a typed name must find one person.
func (s *Store) AddMember(actor model.Actor, n model.NewMember) (model.Member, error) {
	n, err := n.Validate()
	if err != nil {
		return model.Member{}, err
	}
	var m model.Member
	err = s.write(context.TODO(), actor, declare(model.OpMemberAdd), func(w *wtx) error {
		if err := w.checkActiveAgency(n.AgencyID); err != nil {
			return err
		}
		members, err := all[model.Member](w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		if err := model.CheckMemberName(members, 0, n.Name); err != nil {
			return err
		}
		if err := model.CheckMemberEmail(members, 0, n.Email); err != nil {
			return err
		}
		id, err := nextID(w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		m = model.Member{ID: id, Name: n.Name, AgencyID: n.AgencyID, Role: n.Role, Title: n.Title, Email: n.Email, Phone: n.Phone, Restricted: n.Restricted,
			UpdatedAt: w.now, UpdatedBy: w.actor.String(), Version: 1}
		if err := put(w.tx, store.KindMembers, id, m); err != nil {
			return err
		}
		return w.audit(model.OpMemberAdd, "member", m.Name, nil, m)
	})
	return m, err
}

// EditMember changes a member's details: name, agency, role, job title,
// contact. Past records keep the name they were made under (closed meetings'
// minutes are frozen); new ones use the new.
func (s *Store) EditMember(actor model.Actor, id model.ID, version int, n model.NewMember) (model.Member, error) {
	n, err := n.Validate()
	if err != nil {
		return model.Member{}, err
	}
	var m model.Member
	err = s.write(context.TODO(), actor, declare(model.OpMemberEdit), func(w *wtx) error {
		if err := get(w.tx, store.KindMembers, id, &m); err != nil {
			return model.Invalid("member", "no such member (#%d)", id)
		}
		if err := checkVersion(m.Name, version, m.Version, m.UpdatedBy, m.UpdatedAt, m); err != nil {
			return err
		}
		if err := w.stamp(m.Name, m.LastChanged()); err != nil {
			return err
		}
		if err := w.checkAgency(n.AgencyID); err != nil {
			return err
		}
		members, err := all[model.Member](w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		if err := model.CheckMemberName(members, id, n.Name); err != nil {
			return err
		}
		if err := model.CheckMemberEmail(members, id, n.Email); err != nil {
			return err
		}
		before := m
		m.Name, m.AgencyID, m.Role, m.Title, m.Email, m.Phone, m.Restricted = n.Name, n.AgencyID, n.Role, n.Title, n.Email, n.Phone, n.Restricted
		m.UpdatedAt = w.now
		m.Version++
		m.UpdatedAt, m.UpdatedBy = w.now, w.actor.String()
		if err := w.keepChair(members, m); err != nil {
			return err
		}
		if err := put(w.tx, store.KindMembers, id, m); err != nil {
			return err
		}
		return w.audit(model.OpMemberEdit, "member", m.Name, before, m)
	})
	return m, err
}

// AddAgency adds a partner agency; names are unique.
func (s *Store) AddAgency(actor model.Actor, name, short string) (model.Agency, error) {
	return s.saveAgency(actor, 0, 0, name, short)
}

// RenameAgency changes an agency's name and short name. Closed meetings'
// minutes keep the name it had then.
func (s *Store) RenameAgency(actor model.Actor, id model.ID, version int, name, short string) (model.Agency, error) {
	if id == 0 {
		return model.Agency{}, model.Invalid("agency", "no agency given")
	}
	return s.saveAgency(actor, id, version, name, short)
}

func (s *Store) saveAgency(actor model.Actor, id model.ID, version int, name, short string) (model.Agency, error) {
	name, err := model.CheckLine("name", "agency name", name, true, 100)
	if err != nil {
		return model.Agency{}, err
	}
	if short, err = model.CheckLine("short_name", "agency short name", short, false, 30); err != nil {
		return model.Agency{}, err
	}
	op := model.OpAgencyRename
	if id == 0 {
		op = model.OpAgencyAdd
	}
	var a model.Agency
	err = s.write(context.TODO(), actor, declare(op), func(w *wtx) error {
		agencies, err := all[model.Agency](w.tx, store.KindAgencies)
		if err != nil {
			return err
		}
		if err := model.CheckAgencyName(agencies, id, name, short); err != nil {
			return err
		}
		var before *model.Agency
		if id == 0 {
			if id, err = nextID(w.tx, store.KindAgencies); err != nil {
				return err
			}
			a = model.Agency{ID: id}
		} else {
			if err := get(w.tx, store.KindAgencies, id, &a); err != nil {
				return model.Invalid("agency", "no such agency (#%d)", id)
			}
			if err := checkVersion(a.Name, version, a.Version, a.UpdatedBy, a.UpdatedAt, a); err != nil {
				return err
			}
			if err := w.stamp(a.Name, a.LastChanged()); err != nil {
				return err
			}
			b := a
			before = &b
		}
		a.Name, a.ShortName = name, short
		a.Version++
		a.UpdatedAt, a.UpdatedBy = w.now, w.actor.String()
		if err := put(w.tx, store.KindAgencies, id, a); err != nil {
			return err
		}
		if before == nil {
			return w.audit(model.OpAgencyAdd, "agency", a.Name, nil, a)
		}
		return w.audit(model.OpAgencyRename, "agency", a.Name, *before, a)
	})
	return a, err
}

// SetPartnership changes the partnership's details: name, meeting title,
// usual place and time, and the confidentiality statement read at each
// meeting. Closed meetings' minutes keep what was true then.
func (s *Store) SetPartnership(actor model.Actor, version int, p model.Partnership) (model.Partnership, error) {
	p, err := p.Clean()
	if err != nil {
		return p, err
	}
	var out model.Partnership
	err = s.write(context.TODO(), actor, declare(model.OpPartnershipSet), func(w *wtx) error {
		cur, err := readPartnership(w.tx)
		if err != nil {
			return err
		}
		if err := checkVersion("the partnership details", version, cur.Version, cur.UpdatedBy, cur.UpdatedAt, cur); err != nil {
			return err
		}
		out = cur.Edit(p)
		out.Version++
		out.UpdatedAt, out.UpdatedBy = w.now, w.actor.String()
		if err := putPartnership(w.tx, out); err != nil {
			return err
		}
		return w.audit(model.OpPartnershipSet, "partnership", "", cur, out)
	})
	return out, err
}

// checkAgency: the agency exists.
func (w *wtx) checkAgency(id model.ID) error {
	var a model.Agency
	if err := get(w.tx, store.KindAgencies, id, &a); err != nil {
		return model.Invalid("agency", "there is no agency #%d", id)
	}
	return nil
}

// RetireMember takes a member off the group: off new attendance lists and
// choosers, unable to act, their name kept on everything they did.
func (s *Store) RetireMember(actor model.Actor, id model.ID) (model.Member, error) {
	var m model.Member
	err := s.write(context.TODO(), actor, declare(model.OpMemberRetire), func(w *wtx) error {
		if err := get(w.tx, store.KindMembers, id, &m); err != nil {
			return model.Invalid("member", "no such member (#%d)", id)
		}
		if err := w.stamp(m.Name, m.LastChanged()); err != nil {
			return err
		}
		before := m
		var err error
		if m, err = m.Retire(model.DateOf(w.now)); err != nil {
			return err
		}
		members, err := all[model.Member](w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		m.UpdatedAt = w.now
		m.Version++
		m.UpdatedAt, m.UpdatedBy = w.now, w.actor.String()
		if err := w.keepChair(members, m); err != nil {
			return err
		}
		if err := model.CheckRetireSelf(id, actor); err != nil {
			return err
		}
		if err := put(w.tx, store.KindMembers, id, m); err != nil {
			return err
		}
		return w.audit(model.OpMemberRetire, "member", m.Name, before, m)
	})
	return m, err
}

// RetireAgency takes an agency out of the partnership. An agency that
// still owns open actions or has members on the group cannot go: they are
// moved or retired first.
func (s *Store) RetireAgency(actor model.Actor, id model.ID) (model.Agency, error) {
	var a model.Agency
	err := s.write(context.TODO(), actor, declare(model.OpAgencyRetire), func(w *wtx) error {
		if err := get(w.tx, store.KindAgencies, id, &a); err != nil {
			return model.Invalid("agency", "no such agency (#%d)", id)
		}
		if err := w.stamp(a.Name, a.LastChanged()); err != nil {
			return err
		}
		before := a
		retired, err := a.Retire()
		if err != nil {
			return err
		}
		members, err := all[model.Member](w.tx, store.KindMembers)
		if err != nil {
			return err
		}
		open := 0
		for _, aid := range idsUnder(w.tx, store.IdxActionsByAgency, store.IDKey(id)) {
			var act model.Action
			if get(w.tx, store.KindActions, aid, &act) == nil && !act.Status.IsClosed() {
				open++
			}
		}
		if err := model.CheckAgencyLeaving(a, members, open); err != nil {
			return err
		}
		a = retired
		a.UpdatedAt = w.now
		a.Version++
		a.UpdatedAt, a.UpdatedBy = w.now, w.actor.String()
		if err := put(w.tx, store.KindAgencies, id, a); err != nil {
			return err
		}
		return w.audit(model.OpAgencyRetire, "agency", a.Name, before, a)
	})
	return a, err
}

// checkActiveAgency: the agency exists and has not retired.
func (w *wtx) checkActiveAgency(id model.ID) error {
	var a model.Agency
	if err := get(w.tx, store.KindAgencies, id, &a); err != nil {
		return model.Invalid("agency", "there is no agency #%d", id)
	}
	return a.CheckActive()
}

// keepChair applies model.ChairAfter: refuses a change that would leave the
// partnership without a chair, and records a new chair when it moves.
func (w *wtx) keepChair(members []model.Member, changed model.Member) error {
	p, err := readPartnership(w.tx)
	if err != nil {
		return err
	}
	chair, err := model.ChairAfter(members, p.ChairID, changed)
	if err != nil || chair == p.ChairID {
		return err
	}
	before := p
	p.ChairID = chair
	p.Version++
	p.UpdatedAt, p.UpdatedBy = w.now, w.actor.String()
	if err := putPartnership(w.tx, p); err != nil {
		return err
	}
	return w.audit(model.OpPartnershipChair, "partnership", "", before, p)
}
