package record

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Emerging hotspots offered (model.EmergingPlaces, model.Offer): the
// places each import worked out (incident_emerging), less those an open
// hotspot covers and those dismissed in the last three months
// (incident_dismissals). Accepting one opens a hotspot linked to it with
// its evidence; dismissing one is remembered. Both are the chair's.

// offeredIn is what is on offer today, in tx, largest counts first.
func offeredIn(tx *txn, today model.Date) ([]model.Suggestion, error) {
	return offeredAmong(tx, today, nil)
}

// offeredAmong is offeredIn given the open hotspots (nil: read them), as
// home has read them already: under load home is read again after every
// save, and decoding the open hotspots a second time was most of this.
func offeredAmong(tx *txn, today model.Date, open []model.Hotspot) ([]model.Suggestion, error) {
	var cands []model.Suggestion
	err := tx.scan(IncidentEmerging, nil, nil, store.Forward, func(k, v []byte) error {
		var ss []model.Suggestion
		if err := store.DecodeJSON(v, &ss); err != nil {
			return fmt.Errorf("reading the emerging places of %s: %w", k, err)
		}
		for i := range ss {
			ss[i].Rise = ss[i].Series.Trend() // not stored: the series says it
		}
		cands = append(cands, ss...)
		return nil
	})
	if err != nil || len(cands) == 0 {
		return nil, err
	}
	dismissed := map[string]model.Dismissal{}
	if err := tx.scan(IncidentDismissals, nil, nil, store.Forward, func(k, v []byte) error {
		var d model.Dismissal
		if err := store.DecodeJSON(v, &d); err != nil {
			return fmt.Errorf("reading dismissal %q: %w", k, err)
		}
		dismissed[d.Key()] = d
		return nil
	}); err != nil {
		return nil, err
	}
	if open == nil {
		if open, err = openHotspots(tx); err != nil {
			return nil, err
		}
	}
	out := model.Offer(cands, open, dismissed, today)
	model.SortSuggestions(out)
	return out, nil
}

// Suggestions are the emerging hotspots on offer today.
func (s *Store) Suggestions() ([]model.Suggestion, error) {
	today := s.Today()
	var out []model.Suggestion
	err := s.view(context.TODO(), func(tx *txn) error {
		var err error
		out, err = offeredIn(tx, today)
		return err
	})
	return out, err
}

// offered is the suggestion key names (model.FindSuggestion) among those
// on offer now, in w.
func (w *wtx) offered(key string) (model.Suggestion, error) {
	offered, err := offeredIn(w.tx, model.DateOf(w.now))
	if err != nil {
		return model.Suggestion{}, err
	}
	return model.FindSuggestion(offered, key)
}

// DismissSuggestion dismisses the emerging hotspot key names: it is not
// offered again for model.DismissMonths.
func (s *Store) DismissSuggestion(actor model.Actor, key string) (model.Dismissal, error) {
	var d model.Dismissal
	err := s.write(context.TODO(), actor, declare(model.OpSuggestionDismiss), func(w *wtx) error {
		sg, err := w.offered(key)
		if err != nil {
			return err
		}
		d = model.Dismissal{Place: sg.Place, Category: sg.Category, On: model.DateOf(w.now), By: actor.String()}
		// The dismissal it replaces (one that has lapsed) is its audit
		// event's before, so that undo can put it back.
		was, err := w.dismissal(d.Key())
		if err != nil {
			return err
		}
		if err := w.putDismissal(d.Key(), &d); err != nil {
			return err
		}
		var before any
		if was != nil {
			before = was
		}
		return w.audit(model.OpSuggestionDismiss, "suggestion", d.Key(), before, d)
	})
	return d, err
}

// dismissal is the dismissal stored under key (nil: none).
func (w *wtx) dismissal(key string) (*model.Dismissal, error) {
	v, err := w.tx.tx.GetKey(w.tx.ctx, IncidentDismissals, []byte(key))
	if err != nil || v == nil {
		return nil, err
	}
	var d model.Dismissal
	if err := store.DecodeJSON(v, &d); err != nil {
		return nil, fmt.Errorf("reading dismissal %q: %w", key, err)
	}
	return &d, nil
}

// putDismissal stores d under key, or with d nil takes key's away.
func (w *wtx) putDismissal(key string, d *model.Dismissal) error {
	if d == nil {
		return w.tx.deleteKey(IncidentDismissals, []byte(key))
	}
	v, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return w.tx.putKey(IncidentDismissals, []byte(key), v)
}

// revertDismissal takes back a dismissal (model.UndoDismissal): the place
// is offered again, unless it was dismissed again since.
func (w *wtx) revertDismissal(e model.AuditEvent) (string, error) {
	var after model.Dismissal
	if err := store.DecodeJSON(e.After, &after); err != nil {
		return "", err
	}
	var before *model.Dismissal
	if len(e.Before) > 0 && string(e.Before) != "null" {
		before = &model.Dismissal{}
		if err := store.DecodeJSON(e.Before, before); err != nil {
			return "", err
		}
	}
	cur, err := w.dismissal(after.Key())
	if err != nil {
		return "", err
	}
	restore, said, err := model.UndoDismissal(cur, after, before)
	if err != nil {
		return "", err
	}
	return said, w.putDismissal(after.Key(), restore)
}

// AcceptSuggestion opens a hotspot from the emerging hotspot key names: n
// as the chair filled it in (the title and location default to the
// place's), linked to the place and its crime type, with the evidence. In
// a meeting it is a new referral there, as AddHotspot's are.
func (s *Store) AcceptSuggestion(actor model.Actor, key string, n model.NewHotspot, meetingID model.ID) (model.Hotspot, error) {
	return s.addHotspot(actor, n, meetingID, func(w *wtx, n model.NewHotspot) (model.NewHotspot, func(*model.Hotspot), error) {
		sg, err := w.offered(key)
		if err != nil {
			return n, nil, err
		}
		return n.AcceptDefaults(sg), func(h *model.Hotspot) { *h = h.Accepted(sg) }, nil
	})
}
