package store

import (
	"io"
	"time"

	"github.com/ccsp/tasking/model"
)

// Record is the partnership's record as the app and the command line use
// it: every read and every change, taking and returning model types.
//
// Every rule is decided by a model function — permissions (model.Allow,
// asked by the one write path before each change runs: record/write.go),
// transitions (Action.SetStatus, Hotspot.Close, …), disclosure (Part 2:
// NewActionPart2, Hotspot.Part2Paragraph, …), news since the last meeting
// (IsNews, Action.Accept), due windows, who attends, what undo takes back.
// A backend calls those decisions inside the write transaction that makes
// the change, on the records as that transaction reads them, so the check
// and the change commit atomically: deciding outside it would let a stale
// read authorise a change. The backend itself decides nothing; it reads,
// asks model, writes, audits.
//
// record.Store implements it, once, over any engine (package record);
// storetest is the suite any backend must pass (run on a bbolt file in
// store/bolt, in memory in store/mem, on PostgreSQL in store/pg). What only
// a file has (its pages, its schema, rebuilding its indexes) is on
// *bolt.File alone.
type Record interface {
	AcceptUpdate(actor model.Actor, id model.ID, version int, meetingID model.ID) (model.Action, error)
	Action(id model.ID) (model.Action, error)
	ActionHistory(id model.ID) ([]model.ActionUpdate, error)
	Actions(f model.ActionFilter) ([]model.Action, error)
	EachAction(f model.ActionFilter, withHistory bool, fn ActionFunc) error
	AddActionNote(actor model.Actor, id model.ID, version int, text string, meetingID model.ID) (model.Action, error)
	AddAgency(actor model.Actor, name, short string) (model.Agency, error)
	AddAgendaHotspot(actor model.Actor, id, hotspot model.ID) (model.Meeting, error)
	AddDeclaration(actor model.Actor, id, member model.ID, shown *model.MeetingPart, item model.ItemKind, hotspotID model.ID, text string) (model.Meeting, error)
	AddGuest(actor model.Actor, id model.ID, shown *model.MeetingPart, g model.Guest) (model.Meeting, error)
	AddGuestDeclaration(actor model.Actor, id model.ID, guest string, shown *model.MeetingPart, item model.ItemKind, hotspotID model.ID, text string) (model.Meeting, error)
	AddHotspot(actor model.Actor, n model.NewHotspot, meetingID model.ID) (model.Hotspot, error)
	AddMember(actor model.Actor, n model.NewMember) (model.Member, error)
	AddMemberKeys(actor model.Actor, memberID model.ID, keys []string) (model.Member, []string, error)
	AddNote(actor model.Actor, meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, confidential bool) (model.Note, error)
	Agencies() ([]model.Agency, error)
	Amend(actor model.Actor, ref string, text, reason string) (model.Amendment, error)
	ApplyMemberSync(actor model.Actor, plan model.MemberSync) (model.SyncApplied, error)
	ApprovePreviousMinutes(actor model.Actor, id model.ID) (model.Decision, error)
	AssignAction(actor model.Actor, n model.NewAction) (model.Action, error)
	AuditEvents(n int) ([]model.AuditEvent, error)
	AuditHistory(q model.AuditQuery, fn func(model.AuditEvent) error) error
	VerifyChain(given ...ChainHead) (ChainReport, error)
	BackToPart1(meetingID model.ID, i int) (model.BackToPart1, error)
	ChangeDue(actor model.Actor, id model.ID, version int, due model.Date, reason string, meetingID model.ID) (model.Action, error)
	CorrectUpdate(actor model.Actor, id model.ID, version int, text, reason string) (model.Action, error)
	WithdrawUpdate(actor model.Actor, id model.ID, version int, reason string) (model.Action, error)
	Close() error
	CloseHotspot(actor model.Actor, id model.ID, version int, reason string, meetingID model.ID, then model.OpenActions) (model.Hotspot, error)
	CloseMeeting(actor model.Actor, id model.ID) (model.Meeting, error)
	DropAgendaItem(actor model.Actor, id model.ID, i int, shown *model.MeetingPart) (model.Meeting, error)
	EditMember(actor model.Actor, id model.ID, version int, n model.NewMember) (model.Member, error)
	GoToItem(actor model.Actor, id model.ID, i int) (model.Meeting, error)
	Home() (model.HomeSummary, error)
	HomeSince(tx uint64) (model.HomeSummary, error)
	PublicHome() (model.HomeSummary, error)
	Hotspot(id model.ID) (model.Hotspot, error)
	HotspotHistory(meetingID, hotspotID model.ID, limit int) ([]model.HistoryEntry, error)
	HotspotRecord(id model.ID) (model.Hotspot, model.MeetingRecord, error)
	Hotspots() ([]model.Hotspot, error)
	HotspotsOf(ids []model.ID) (map[model.ID]model.Hotspot, error)
	IsEmpty() (bool, error)
	MarkRemainingPresent(actor model.Actor, id model.ID) (model.Meeting, error)
	MarkReviewed(actor model.Actor, id model.ID, meetingID model.ID) (model.Action, error)
	Meeting(id model.ID) (model.Meeting, error)
	MeetingRecord(id model.ID) (model.MeetingRecord, error)
	Meetings() ([]model.Meeting, error)
	MemberByKey(fingerprint string) (model.Member, bool, error)
	Members() ([]model.Member, error)
	MinutesRecord(id model.ID) (model.MeetingRecord, error)
	MoveAgendaItem(actor model.Actor, id model.ID, i, delta int, shown *model.MeetingPart) (model.Meeting, error)
	NextMeetingDate() (model.Date, error)
	Notices() []string
	// Backup writes a consistent copy of the whole record to w, for those
	// model.PermitBackup allows; LastAutoBackup is what the newest
	// automatic one (after a meeting closed) did.
	Backup(actor model.Actor, w io.Writer) (ChainHead, error)
	LastAutoBackup() (string, error)
	Now() time.Time
	OpenMeeting() (model.Meeting, bool, error)
	Partnership() (model.Partnership, error)
	Path() string
	RecordConfidentiality(actor model.Actor, id model.ID) (model.Meeting, error)
	RecordDecision(actor model.Actor, meetingID model.ID, item model.ItemKind, hotspotID model.ID, text string, part2 bool) (model.Decision, error)
	RecordNote(actor model.Actor, meetingID model.ID, nn model.NewNote) (model.Note, error)
	Release(actor model.Actor, ref, reason string) (model.Decision, error)
	RemoveGuest(actor model.Actor, id model.ID, i int, shown *model.MeetingPart) (model.Meeting, error)
	RemoveMemberKey(actor model.Actor, memberID model.ID, fingerprint string) (model.Member, error)
	RenameAgency(actor model.Actor, id model.ID, version int, name, short string) (model.Agency, error)
	ResolveMeeting(ref string) (model.Meeting, error)
	RetireAgency(actor model.Actor, id model.ID) (model.Agency, error)
	RetireMember(actor model.Actor, id model.ID) (model.Member, error)
	Seed(actor model.Actor, d Dataset) error
	SetActionStatus(actor model.Actor, id model.ID, version int, to model.ActionStatus, note string, meetingID model.ID) (model.Action, error)
	SetAttendance(actor model.Actor, id, member model.ID, status model.AttendanceStatus) (model.Meeting, error)
	AssessHotspot(actor model.Actor, id model.ID, version int, a model.RiskAssessment, reason string, meetingID model.ID) (model.Hotspot, error)
	SetHotspotRisk(actor model.Actor, id model.ID, version int, risk model.Risk, reason string, meetingID model.ID) (model.Hotspot, error)
	SetHotspotSARA(actor model.Actor, id model.ID, version int, stage model.SARAStage, meetingID model.ID) (model.Hotspot, error)
	SetHotspotStatus(actor model.Actor, id model.ID, version int, status model.HotspotStatus, meetingID model.ID) (model.Hotspot, error)
	SetItemBudget(actor model.Actor, id model.ID, i int, shown *model.MeetingPart, minutes int) (model.Meeting, error)
	SetItemPart2(actor model.Actor, id model.ID, i int, shown *model.MeetingPart, part2 bool, para model.ExemptParagraph) (model.Meeting, error)
	SetNextMeeting(actor model.Actor, id model.ID, shown *model.NextMeeting, date model.Date, clock, place string) (model.Meeting, error)
	SetNoDeclarations(actor model.Actor, id model.ID) (model.Meeting, error)
	SetPartnership(actor model.Actor, version int, p model.Partnership) (model.Partnership, error)
	Setup(in SetupInput) (model.Member, error)
	StartMeeting(actor model.Actor, date model.Date) (model.Meeting, error)
	Subscribe() (<-chan Change, func())
	Today() model.Date
	Undo(actor model.Actor, meetingID model.ID) (string, error)
	UndoChange(actor model.Actor, meetingID model.ID, key uint64) (string, error)
	UndoChoices(actor model.Actor, meetingID model.ID) ([]model.Undoable, error)
	UpdateAction(actor model.Actor, id model.ID, version int, c ActionChange) (model.Action, error)
	WithdrawDeclaration(actor model.Actor, id model.ID, i int) (model.Meeting, error)

	// Incident data from police.uk (incidents.go): counts stored by
	// force, month, crime type and place; an import replaces what the
	// same force, month and type stored before.
	ImportIncidents(actor model.Actor, batches []model.IncidentBatch, counts []model.IncidentRow) (model.IncidentImport, error)
	Incidents(f model.IncidentFilter) ([]model.IncidentRow, error)
	IncidentBatches() ([]model.IncidentBatch, error)

	// Trends beside every hotspot (hotspot_trends.go, hotspot_areas.go):
	// its links to places in the imported data, the counts the chair
	// enters where there is none, and the series they make.
	IncidentPlaces() ([]model.PlaceSeries, error)
	HotspotTrends(ids []model.ID) (map[model.ID]model.Series, error)
	LinkHotspotArea(actor model.Actor, id model.ID, version int, a model.HotspotArea, meetingID model.ID) (model.Hotspot, error)
	UnlinkHotspotArea(actor model.Actor, id model.ID, version int, which model.HotspotArea, meetingID model.ID) (model.Hotspot, error)
	SetHotspotCount(actor model.Actor, id model.ID, version int, month model.Month, count *int, meetingID model.ID) (model.Hotspot, error)

	// Powers in force (powers.go): recorded on a hotspot or a general
	// action by the agency that holds them; extended, reviewed, ended.
	RecordPower(actor model.Actor, n model.NewPower, meetingID model.ID) (model.Power, error)
	ExtendPower(actor model.Actor, id model.ID, version int, to time.Time) (model.Power, error)
	SetPowerReview(actor model.Actor, id model.ID, version int, on model.Date) (model.Power, error)
	EndPower(actor model.Actor, id model.ID, version int, at time.Time, reason string) (model.Power, error)
	Power(id model.ID) (model.Power, error)
	Powers(f model.PowerFilter) ([]model.Power, error)

	// Retention (retention.go): the closed personal cases past the
	// partnership's retention, listed (reading only) and anonymised, for
	// the chair or an admin (model.PermitRetention).
	RetentionPlan(actor model.Actor) (model.RetentionPlan, error)
	ApplyRetention(actor model.Actor, w Watch) (model.RetentionRun, error)
	// HotspotSeries is a hotspot's counts by month (hotspot_series.go).
	HotspotSeries(id model.ID) (model.Series, error)
	// Emerging hotspots offered from the incident data (suggestions.go).
	Suggestions() ([]model.Suggestion, error)
	DismissSuggestion(actor model.Actor, key string) (model.Dismissal, error)
	AcceptSuggestion(actor model.Actor, key string, n model.NewHotspot, meetingID model.ID) (model.Hotspot, error)

	// ASB case reviews (case_reviews.go): private business always.
	RecordCaseReview(actor model.Actor, n model.NewCaseReview, meetingID model.ID) (model.CaseReview, error)
	DecideCaseReview(actor model.Actor, id model.ID, version int, on model.Date, met bool, reason string) (model.CaseReview, error)
	AnswerCaseReview(actor model.Actor, id model.ID, version int, on model.Date, outcome string) (model.CaseReview, error)
	CaseReview(id model.ID) (model.CaseReview, error)
	CaseReviews(open bool) ([]model.CaseReview, error)
}

// ActionFunc receives one action and, when asked for, its history, oldest
// first (as ActionHistory gives it). The history is the caller's to keep.
type ActionFunc func(a model.Action, history []model.ActionUpdate) error

// ActionChange is a rep's update in one go (model.ActionChange): a new due
// date with its reason, a status, a note, another officer.
type ActionChange = model.ActionChange
