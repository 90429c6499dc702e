// Package storetest is the conformance suite every backend of store.Record
// must pass: the rules of the record as the app and the command line meet
// them — every change audited, stale and racing edits refused with nothing
// lost, permissions, the meeting's rules, bad input refused field by field,
// the change feed, matters arising and the agency's news, undo, minute
// numbers, approval and amendments, Part 2, members' SSH keys, member
// imports, and time that never runs backwards. It uses only the interface,
// so a second backend (in memory for tests, PostgreSQL later) is proved by
// the same tests the bbolt store passes (store's conformance_test.go).
package storetest

import (
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Backend opens a new, empty record whose clock is now, closed when the
// test ends (and checked then, as the backend sees fit).
type Backend func(t *testing.T, now func() time.Time) store.Record

// Run runs the whole suite against a backend.
func Run(t *testing.T, open Backend) {
	for _, c := range []struct {
		name string
		test func(*testing.T, Backend)
	}{
		{"EveryChangeWritesItsAuditEvent", testEveryChangeWritesItsAuditEvent},
		{"StaleEditRefusedAndNothingLost", testStaleEditRefusedAndNothingLost},
		{"ConcurrentSessionsLoseNoUpdate", testConcurrentSessionsLoseNoUpdate},
		{"PermissionsEnforcedInStore", testPermissionsEnforcedInStore},
		{"EveryWriteRefusedAsTheRulesSay", testEveryWriteRefusedAsTheRulesSay},
		{"ChangeFeedAfterCommit", testChangeFeedAfterCommit},
		{"ChangeFeedSaysWhoseRecord", testChangeFeedSaysWhoseRecord},
		{"MeetingRules", testMeetingRules},
		{"BadInputRefusedWithFieldErrors", testBadInputRefusedWithFieldErrors},
		{"RacingStatusChangesOneWins", testRacingStatusChangesOneWins},
		{"DiscussedHotspotsAreReviewedTheRestDeferred", testDiscussedHotspotsAreReviewedTheRestDeferred},
		{"BusinessIsWhatWasRecordedUnderTheItem", testBusinessIsWhatWasRecordedUnderTheItem},
		{"AcceptRepUpdate", testAcceptRepUpdate},
		{"LatestUpdateIsTheAgencysNews", testLatestUpdateIsTheAgencysNews},
		{"UndoTheChairsLastChange", testUndoTheChairsLastChange},
		{"UndoTheMeetingsOwnRecord", testUndoTheMeetingsOwnRecord},
		{"UndoAnyOfTheLastChanges", testUndoAnyOfTheLastChanges},
		{"CorrectAndWithdrawAnUpdate", testCorrectAndWithdrawAnUpdate},
		{"CorrectionReachesAnOpenMeetingsAcceptance", testCorrectionReachesAnOpenMeetingsAcceptance},
		{"MinuteNumbersApprovalAndAmendments", testMinuteNumbersApprovalAndAmendments},
		{"MunicipalYearRestartsNumbering", testMunicipalYearRestartsNumbering},
		{"Part2ItemsAndDroppingBusyItems", testPart2ItemsAndDroppingBusyItems},
		{"MemberKeysAddResolveRemove", testMemberKeysAddResolveRemove},
		{"KeyBelongsToOneMember", testKeyBelongsToOneMember},
		{"RetiredMembersKeyDoesNotResolve", testRetiredMembersKeyDoesNotResolve},
		{"OnlyChairOrAdminManagesKeys", testOnlyChairOrAdminManagesKeys},
		{"BadKeysAndUnknownFingerprints", testBadKeysAndUnknownFingerprints},
		{"NoChangeStampedBeforeTheLast", testNoChangeStampedBeforeTheLast},
		{"MeetingNeverClosesBeforeItStarted", testMeetingNeverClosesBeforeItStarted},
		{"MemberImportAppliedAndAudited", testMemberImportAppliedAndAudited},
		{"MemberImportStaleRefusedNamingWho", testMemberImportStaleRefusedNamingWho},
		{"RiskAssessedByTheMatrix", testRiskAssessedByTheMatrix},
		{"TheCadenceLeavesOffAndBusinessTakesUp", testTheCadenceLeavesOffAndBusinessTakesUp},
		{"PowersInForce", testPowersInForce},
		{"FrozenMinutesServedFrozen", testFrozenMinutesServedFrozen},
		{"ExemptOnceExemptForGood", testExemptOnceExemptForGood},
		{"SetupMakesTheRecordOnce", testSetupMakesTheRecordOnce},
		{"ReadsAnswerFromTheRecord", testReadsAnswerFromTheRecord},
		{"ReleasesAreMinutedInPart2", testReleasesAreMinutedInPart2},
		{"CaseReviews", testCaseReviews},
		{"EmergingHotspotsOffered", testEmergingHotspotsOffered},
		{"ADismissalIsUndone", testADismissalIsUndone},
		{"HomesIncidentsNeverStale", testHomesIncidentsNeverStale},
	} {
		t.Run(c.name, func(t *testing.T) { c.test(t, open) })
	}
}

// fixedClock is a clock tests can move.
type fixedClock struct{ t time.Time }

func (c *fixedClock) now() time.Time { return c.t }

var (
	chair  = model.Actor{MemberID: 1, Name: "Cllr Ann Chair", Role: model.RoleChair, AgencyID: 1}
	sgt    = model.Actor{MemberID: 2, Name: "Sgt Jas Patel", Role: model.RoleMember, AgencyID: 2}
	viewer = model.Actor{MemberID: 3, Name: "Val Viewer", Role: model.RoleViewer, AgencyID: 3}
)

// tinyDataset is a partnership small enough to reason about: three agencies,
// three members, two hotspots, no meetings yet.
func tinyDataset(now time.Time) store.Dataset {
	return store.Dataset{
		Partnership: model.Partnership{Name: "Testshire CSP", DefaultPlace: "Committee Room 1", ChairID: 1},
		Agencies: []model.Agency{
			{ID: 1, Name: "Council Community Safety", ShortName: "Community Safety", Version: 1},
			{ID: 2, Name: "Testshire Police", ShortName: "Police", Version: 1},
			{ID: 3, Name: "Council Housing", ShortName: "Housing", Version: 1},
		},
		Members: []model.Member{
			{ID: 1, Name: chair.Name, AgencyID: 1, Role: model.RoleChair, Version: 1},
			{ID: 2, Name: sgt.Name, AgencyID: 2, Role: model.RoleMember, Version: 1},
			{ID: 3, Name: viewer.Name, AgencyID: 3, Role: model.RoleViewer, Version: 1},
		},
		Hotspots: []model.Hotspot{
			{ID: 1, Title: "Town centre", Ward: "Spire", Category: model.CategoryNuisance, Risk: model.RiskHigh, Status: model.HotspotActive, LeadAgencyID: 2, Opened: model.DateOf(now).AddDays(-60), Version: 1},
			{ID: 2, Title: "Rec ground", Ward: "Staveley North", Category: model.CategoryEnvironmental, Risk: model.RiskLow, Status: model.HotspotActive, LeadAgencyID: 1, Opened: model.DateOf(now).AddDays(-30), Version: 1},
		},
	}
}

// openTiny opens a new record from the backend with the tiny partnership in
// it, and a clock the test moves.
func openTiny(t *testing.T, open Backend) (store.Record, *fixedClock, struct{}) {
	t.Helper()
	clock := &fixedClock{t: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)}
	s := open(t, clock.now)
	if err := s.Seed(model.SystemActor("test"), tinyDataset(clock.t)); err != nil {
		t.Fatal(err)
	}
	return s, clock, struct{}{}
}

func mustNoErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
