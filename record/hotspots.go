package record

import (
	"context"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// AddHotspot records a new hotspot. Referred during a meeting (meetingID set),
// it joins that meeting's agenda straight after "New referrals".
func (s *Store) AddHotspot(actor model.Actor, n model.NewHotspot, meetingID model.ID) (model.Hotspot, error) {
	return s.addHotspot(actor, n, meetingID, nil)
}

// addHotspot is AddHotspot, with shape (when given) making the hotspot
// what it is from what n says, inside the write: n checked again against
// what it gives back (an emerging hotspot's title and its evidence).
func (s *Store) addHotspot(actor model.Actor, n model.NewHotspot, meetingID model.ID, shape func(w *wtx, n model.NewHotspot) (model.NewHotspot, func(*model.Hotspot), error)) (model.Hotspot, error) {
	n, err := n.Validate()
	if err != nil && shape == nil {
		return model.Hotspot{}, err
	}
	var h model.Hotspot
	err = s.write(context.TODO(), actor, declare(model.OpHotspotAdd), func(w *wtx) error {
		var finish func(*model.Hotspot)
		if shape != nil {
			var err error
			if n, finish, err = shape(w, n); err != nil {
				return err
			}
			if n, err = n.Validate(); err != nil {
				return err
			}
		}
		m, err := meetingFor(w.tx, meetingID)
		if err != nil {
			return err
		}
		if m != nil { // a referral joins its agenda
			if err := w.stamp(m.Ref(), m.LastChanged()); err != nil {
				return err
			}
		}
		var ag model.Agency
		if err := get(w.tx, store.KindAgencies, n.LeadAgencyID, &ag); err != nil {
			return model.Invalid("agency", "there is no agency #%d", n.LeadAgencyID)
		}
		id, err := nextID(w.tx, store.KindHotspots)
		if err != nil {
			return err
		}
		h = n.Referred(id, meetingID, actor, w.now)
		if finish != nil {
			finish(&h)
		}
		if err := put(w.tx, store.KindHotspots, id, h); err != nil {
			return err
		}
		if err := w.audit(model.OpHotspotAdd, "hotspot", h.Ref(), nil, h); err != nil {
			return err
		}
		if m == nil {
			return nil
		}
		before := agendaRefs(m)
		if _, err := m.AddReferralItem(h); err != nil {
			return err
		}
		m.UpdatedAt = w.now
		m.Version++
		if err := put(w.tx, store.KindMeetings, m.ID, *m); err != nil {
			return err
		}
		return w.audit(model.OpMeetingAgendaAdd, "meeting", m.Ref(), before, agendaRefs(m))
	})
	return h, err
}

// changeHotspot is the shape of every hotspot edit, of kind op. change
// returns what the minutes should say when the change is made in a meeting (meetingID set):
// it is recorded as a note under the hotspot in the same transaction, so a
// risk raised or a hotspot closed in the meeting is in its minutes.
func (s *Store) changeHotspot(actor model.Actor, id model.ID, version int, meetingID model.ID, op model.Op, change func(w *wtx, h *model.Hotspot) (minute string, err error)) (model.Hotspot, error) {
	var out model.Hotspot
	err := s.write(context.TODO(), actor, declare(op), func(w *wtx) error {
		if _, err := meetingFor(w.tx, meetingID); err != nil {
			return err
		}
		var h model.Hotspot
		if err := get(w.tx, store.KindHotspots, id, &h); err != nil {
			return notFound(err, model.HotspotRef(id))
		}
		if err := checkVersion(h.Ref(), version, h.Version, h.UpdatedBy, h.UpdatedAt, h); err != nil {
			return err
		}
		if err := w.stamp(h.Ref(), h.LastChanged()); err != nil {
			return err
		}
		before := h
		minute, err := change(w, &h)
		if err != nil {
			return err
		}
		h.UpdatedAt, h.UpdatedBy = w.now, actor.String()
		h.Version++
		out = h
		if err := put(w.tx, store.KindHotspots, h.ID, h); err != nil {
			return err
		}
		if err := w.audit(op, "hotspot", h.Ref(), before, h); err != nil {
			return err
		}
		if meetingID == 0 || minute == "" {
			return nil
		}
		_, err = w.addNote(meetingID, model.NewNote{Item: model.ItemHotspot, HotspotID: h.ID, Text: minute})
		return err
	})
	return out, err
}

// SetHotspotRisk changes the risk level, with the reason.
func (s *Store) SetHotspotRisk(actor model.Actor, id model.ID, version int, risk model.Risk, reason string, meetingID model.ID) (model.Hotspot, error) {
	reason, err := model.CheckText("reason", "reason for the risk level", reason, false)
	if err != nil {
		return model.Hotspot{}, err
	}
	return s.changeHotspot(actor, id, version, meetingID, model.OpHotspotRisk, func(w *wtx, h *model.Hotspot) (string, error) {
		return h.SetRisk(risk, reason)
	})
}

// AssessHotspot records a risk matrix assessment: the hotspot's level
// becomes the matrix's (model.RiskAssessment.Level), with the reason.
func (s *Store) AssessHotspot(actor model.Actor, id model.ID, version int, a model.RiskAssessment, reason string, meetingID model.ID) (model.Hotspot, error) {
	reason, err := model.CheckText("reason", "reason for the risk level", reason, false)
	if err != nil {
		return model.Hotspot{}, err
	}
	if err := a.Validate(); err != nil {
		return model.Hotspot{}, err
	}
	return s.changeHotspot(actor, id, version, meetingID, model.OpHotspotAssess, func(w *wtx, h *model.Hotspot) (string, error) {
		a.On = model.DateOf(w.now)
		return h.Assess(a, reason)
	})
}

// SetHotspotStatus moves a hotspot between new, active and monitoring.
// Closing needs a reason: use CloseHotspot.
func (s *Store) SetHotspotStatus(actor model.Actor, id model.ID, version int, status model.HotspotStatus, meetingID model.ID) (model.Hotspot, error) {
	return s.changeHotspot(actor, id, version, meetingID, model.OpHotspotStatus, func(w *wtx, h *model.Hotspot) (string, error) {
		return h.SetStatus(status)
	})
}

// SetHotspotSARA moves a hotspot to a SARA stage.
func (s *Store) SetHotspotSARA(actor model.Actor, id model.ID, version int, stage model.SARAStage, meetingID model.ID) (model.Hotspot, error) {
	return s.changeHotspot(actor, id, version, meetingID, model.OpHotspotSARA, func(w *wtx, h *model.Hotspot) (string, error) {
		return h.SetSARA(stage)
	})
}

// CloseHotspot closes a hotspot with the reason the group agreed. Its open
// actions are refused (an OpenActionsError names them), cancelled with the
// closing reason, or moved to general business, as then says — all in the
// one transaction.
func (s *Store) CloseHotspot(actor model.Actor, id model.ID, version int, reason string, meetingID model.ID, then model.OpenActions) (model.Hotspot, error) {
	reason, err := model.CheckText("reason", "reason for closing", reason, true)
	if err != nil {
		return model.Hotspot{}, err
	}
	return s.changeHotspot(actor, id, version, meetingID, model.OpHotspotClose, func(w *wtx, h *model.Hotspot) (string, error) {
		open, err := openActionsOf(w, h.ID)
		if err != nil {
			return "", err
		}
		minute, err := h.Close(reason, model.DateOf(w.now), open, then)
		if err != nil {
			return "", err
		}
		if op, ok := closeAuditOps[then]; ok {
			for _, a := range open {
				if err := w.changeActionInTx(a, op, func(a *model.Action) (model.ActionUpdate, error) {
					return then.Apply(a, *h, reason, meetingID, w.now)
				}); err != nil {
					return "", err
				}
			}
		}
		return minute, nil
	})
}

// closeAuditOps name, in the audit trail, the change closing a hotspot
// makes to each of its open actions (model.OpenActions.Apply decides what
// the change is); refusing changes none.
var closeAuditOps = map[model.OpenActions]model.Op{
	model.OpenActionsClose:   model.OpActionStatus,
	model.OpenActionsGeneral: model.OpActionGeneral,
}

// openActionsOf is a hotspot's actions not done or cancelled, through the
// hotspot index.
func openActionsOf(w *wtx, hotspotID model.ID) ([]model.Action, error) {
	var out []model.Action
	all, err := records[model.Action](w.tx, store.KindActions, idsUnder(w.tx, store.IdxActionsByHotspot, store.IDKey(hotspotID)))
	if err != nil {
		return nil, err
	}
	for _, a := range all {
		if !a.Status.IsClosed() {
			out = append(out, a)
		}
	}
	return out, nil
}
