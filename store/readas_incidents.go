package store

import (
	"time"

	"github.com/ccsp/tasking/model"
)

// What a public-only reader gets of incident data, trends, suggestions,
// powers and case reviews (ReadAs).

// AssessHotspot is a change only the chair and admins may make (model.Permit).
func (r publicReader) AssessHotspot(actor model.Actor, id model.ID, version int, a model.RiskAssessment, reason string, meetingID model.ID) (model.Hotspot, error) {
	return r.rec.AssessHotspot(actor, id, version, a, reason, meetingID)
}

// ImportIncidents is a change model.Permit decides (viewers are refused).
func (r publicReader) ImportIncidents(actor model.Actor, batches []model.IncidentBatch, counts []model.IncidentRow) (model.IncidentImport, error) {
	return r.rec.ImportIncidents(actor, batches, counts)
}

// Incidents are police.uk's own published counts: public data.
func (r publicReader) Incidents(f model.IncidentFilter) ([]model.IncidentRow, error) {
	return r.rec.Incidents(f)
}

// IncidentPlaces are police.uk's own published counts: public data.
func (r publicReader) IncidentPlaces() ([]model.PlaceSeries, error) { return r.rec.IncidentPlaces() }

// HotspotTrends are the series of the hotspots the public record may
// show: a private hotspot's counts would say where it is.
func (r publicReader) HotspotTrends(ids []model.ID) (map[model.ID]model.Series, error) {
	hs, err := r.rec.HotspotsOf(ids)
	if err != nil {
		return nil, err
	}
	rules := model.PublicRules(model.Meeting{}, hs)
	var shown []model.ID
	for _, id := range ids {
		if h, ok := hs[id]; ok && rules.Hotspot(h) {
			shown = append(shown, id)
		}
	}
	if len(shown) == 0 {
		return nil, nil
	}
	return r.rec.HotspotTrends(shown)
}

// The changes are model.Permit's to decide (viewers are refused).
func (r publicReader) LinkHotspotArea(actor model.Actor, id model.ID, version int, a model.HotspotArea, meetingID model.ID) (model.Hotspot, error) {
	return r.rec.LinkHotspotArea(actor, id, version, a, meetingID)
}
func (r publicReader) UnlinkHotspotArea(actor model.Actor, id model.ID, version int, which model.HotspotArea, meetingID model.ID) (model.Hotspot, error) {
	return r.rec.UnlinkHotspotArea(actor, id, version, which, meetingID)
}
func (r publicReader) SetHotspotCount(actor model.Actor, id model.ID, version int, month model.Month, count *int, meetingID model.ID) (model.Hotspot, error) {
	return r.rec.SetHotspotCount(actor, id, version, month, count, meetingID)
}

// IncidentBatches say what was imported and when, but not by whom (a
// public reader learns people by their agency only).
func (r publicReader) IncidentBatches() ([]model.IncidentBatch, error) {
	bs, err := r.rec.IncidentBatches()
	for i := range bs {
		bs[i].By = ""
	}
	return bs, err
}

// HotspotSeries: the counts at a hotspot taken in private would say where
// it is; a public-only reader gets none for one.
func (r publicReader) HotspotSeries(id model.ID) (model.Series, error) {
	hs, err := r.rec.HotspotsOf([]model.ID{id})
	if err != nil {
		return model.Series{}, err
	}
	if h, ok := hs[id]; ok && h.Private() {
		return model.Series{}, nil
	}
	return r.rec.HotspotSeries(id)
}

// Suggestions are police.uk's counts at places no open hotspot covers:
// public data. Dismissing and accepting are model.Permit's to decide.
func (r publicReader) Suggestions() ([]model.Suggestion, error) { return r.rec.Suggestions() }
func (r publicReader) DismissSuggestion(actor model.Actor, key string) (model.Dismissal, error) {
	return r.rec.DismissSuggestion(actor, key)
}
func (r publicReader) AcceptSuggestion(actor model.Actor, key string, n model.NewHotspot, meetingID model.ID) (model.Hotspot, error) {
	h, err := r.rec.AcceptSuggestion(actor, key, n, meetingID)
	if err != nil {
		return h, err
	}
	rules, err := r.rules()
	return rules.PublicHotspot(h), err
}

// Powers: a public-only reader reads the powers the public record may
// show (model.Disclosure.Power: none directed at a person, none on private
// business), without the officer who authorised them.

func (r publicReader) powerRules(ps ...model.Power) (model.Disclosure, error) {
	ids := make([]model.ID, 0, len(ps))
	for _, p := range ps {
		if p.HotspotID != 0 {
			ids = append(ids, p.HotspotID)
		}
	}
	hs, err := r.rec.HotspotsOf(ids)
	if err != nil {
		return model.Disclosure{}, err
	}
	return model.PublicRules(model.Meeting{}, hs), nil
}

func (r publicReader) Power(id model.ID) (model.Power, error) {
	p, err := r.rec.Power(id)
	if err != nil {
		return p, err
	}
	rules, err := r.powerRules(p)
	if err != nil {
		return model.Power{}, err
	}
	if !rules.Power(p) {
		return model.Power{}, r.refuse(p.Ref())
	}
	return rules.PublicPower(p), nil
}

func (r publicReader) Powers(f model.PowerFilter) ([]model.Power, error) {
	all, err := r.rec.Powers(f)
	if err != nil {
		return nil, err
	}
	rules, err := r.powerRules(all...)
	if err != nil {
		return nil, err
	}
	out := make([]model.Power, 0, len(all))
	for _, p := range all {
		if rules.Power(p) {
			out = append(out, rules.PublicPower(p))
		}
	}
	return out, nil
}

// The changes are model.Permit's to decide (viewers are refused).
func (r publicReader) RecordPower(actor model.Actor, n model.NewPower, meetingID model.ID) (model.Power, error) {
	return r.rec.RecordPower(actor, n, meetingID)
}
func (r publicReader) ExtendPower(actor model.Actor, id model.ID, version int, to time.Time) (model.Power, error) {
	return r.rec.ExtendPower(actor, id, version, to)
}
func (r publicReader) SetPowerReview(actor model.Actor, id model.ID, version int, on model.Date) (model.Power, error) {
	return r.rec.SetPowerReview(actor, id, version, on)
}
func (r publicReader) EndPower(actor model.Actor, id model.ID, version int, at time.Time, reason string) (model.Power, error) {
	return r.rec.EndPower(actor, id, version, at, reason)
}

// Case reviews are about individuals: a public-only reader reads none of
// them, refused by ref, and is refused the list. The changes are model.Permit's to
// decide (viewers are refused).

func (r publicReader) CaseReview(id model.ID) (model.CaseReview, error) {
	c, err := r.rec.CaseReview(id)
	if err != nil {
		return model.CaseReview{}, err
	}
	return model.CaseReview{}, r.refuse(c.Ref())
}

func (r publicReader) CaseReviews(bool) ([]model.CaseReview, error) {
	return nil, model.CaseReviewsRefused(r.who)
}

func (r publicReader) RecordCaseReview(actor model.Actor, n model.NewCaseReview, meetingID model.ID) (model.CaseReview, error) {
	c, err := r.rec.RecordCaseReview(actor, n, meetingID)
	return model.CaseReview{ID: c.ID}, err
}
func (r publicReader) DecideCaseReview(actor model.Actor, id model.ID, version int, on model.Date, met bool, reason string) (model.CaseReview, error) {
	c, err := r.rec.DecideCaseReview(actor, id, version, on, met, reason)
	return model.CaseReview{ID: c.ID}, err
}
func (r publicReader) AnswerCaseReview(actor model.Actor, id model.ID, version int, on model.Date, outcome string) (model.CaseReview, error) {
	c, err := r.rec.AnswerCaseReview(actor, id, version, on, outcome)
	return model.CaseReview{ID: c.ID}, err
}
