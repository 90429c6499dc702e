package store

import "github.com/ccsp/tasking/model"

// SetupInput is a new partnership: its settings, its agencies and its chair.
type SetupInput struct {
	Partnership model.Partnership
	Agencies    []model.Agency
	ChairName   string
	ChairTitle  string
	ChairAgency int // index into Agencies
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
