package store

import "github.com/ccsp/tasking/model"

// What a public-only reader gets of incident data, trends, suggestions,
// powers and case reviews (store.ReadAs).

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

// IncidentBatches say what was imported and when, but not by whom (a
// public reader learns people by their agency only).
func (r publicReader) IncidentBatches() ([]model.IncidentBatch, error) {
	bs, err := r.rec.IncidentBatches()
	for i := range bs {
		bs[i].By = ""
	}
	return bs, err
}
