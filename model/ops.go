package model

import (
	"fmt"
	"strings"
)

// Op is a kind of change: what a write declares before it runs, what its
// audit events and change notices say it was ("action.assign"), and what
// undo, the screens and the command line match on. The strings are stored
// in every audit event (and hashed into the chain), so a value never
// changes once written: a new kind of change is a new Op.
//
// Every Op is in ops below, with the Right it needs (Allow asks Permit)
// and its name in words; a write that declares an Op not there is refused
// before it runs, and model's tests refuse an Op constant missing from it.
type Op string

// The kinds of change, by the record they change.
const (
	OpActionAssign   Op = "action.assign"
	OpActionStatus   Op = "action.status"
	OpActionDue      Op = "action.due"
	OpActionNote     Op = "action.note"
	OpActionUpdate   Op = "action.update" // a rep's update in one go (ActionChange)
	OpActionReviewed Op = "action.reviewed"
	OpActionAccepted Op = "action.accepted"
	OpActionGeneral  Op = "action.general" // moved to general business as its hotspot closed
	OpActionWords    Op = "action.words"   // its latest words worked out again after a correction
	OpActionPrivate  Op = "action.private" // followed its item into Part 2

	OpUpdateCorrect  Op = "update.correct"
	OpUpdateWithdraw Op = "update.withdraw"
	// OpUpdateReaccept: a correction or withdrawal carried into the open
	// meeting's acceptance of the update (only part of that change).
	OpUpdateReaccept Op = "update.reaccept"
	OpUpdatePrivate  Op = "update.private"

	OpDecisionRecord  Op = "decision.record"
	OpDecisionAmend   Op = "decision.amend"
	OpDecisionPrivate Op = "decision.private"

	OpNoteAdd     Op = "note.add"
	OpNoteAmend   Op = "note.amend"
	OpNotePrivate Op = "note.private"

	OpMinutesAmend Op = "minutes.amend"

	OpHotspotAdd    Op = "hotspot.add"
	OpHotspotRisk   Op = "hotspot.risk"
	OpHotspotAssess Op = "hotspot.assess"
	// A hotspot's trend: linked to an area of the imported data, unlinked,
	// or a month's count entered by the chair.
	OpHotspotLink     Op = "hotspot.link"
	OpHotspotUnlink   Op = "hotspot.unlink"
	OpHotspotCount    Op = "hotspot.count"
	OpHotspotStatus   Op = "hotspot.status"
	OpHotspotSARA     Op = "hotspot.sara"
	OpHotspotClose    Op = "hotspot.close"
	OpHotspotPart2    Op = "hotspot.part2"
	OpHotspotReviewed Op = "hotspot.reviewed"

	// OpMeetingStart: a meeting began; nothing earlier is its business
	// (undo).
	OpMeetingStart Op = "meeting.start"
	// OpMeetingItem: moving between items, not a change undo takes back.
	OpMeetingItem                Op = "meeting.item"
	OpMeetingAttendance          Op = "meeting.attendance"
	OpMeetingGuest               Op = "meeting.guest"
	OpMeetingGuestRemove         Op = "meeting.guest_remove"
	OpMeetingConfidentiality     Op = "meeting.confidentiality"
	OpMeetingDeclaration         Op = "meeting.declaration"
	OpMeetingDeclarationWithdraw Op = "meeting.declaration_withdraw"
	OpMeetingDeclarationsNone    Op = "meeting.declarations_none"
	OpMeetingApproveMinutes      Op = "meeting.approve_minutes"
	OpMeetingAgendaMove          Op = "meeting.agenda_move"
	OpMeetingAgendaDrop          Op = "meeting.agenda_drop"
	OpMeetingAgendaAdd           Op = "meeting.agenda_add"
	// OpMeetingAgendaTakeUp: business recorded under a hotspot brought it
	// onto the agenda (Meeting.TakeUp). Undoing the business leaves it
	// there.
	OpMeetingAgendaTakeUp Op = "meeting.agenda_takeup"
	OpMeetingItemPart2    Op = "meeting.item_part2"
	OpMeetingItemBudget   Op = "meeting.item_budget"
	OpMeetingNextDate     Op = "meeting.next_date"
	OpMeetingClose        Op = "meeting.close"
	OpMeetingPlan         Op = "meeting.plan"
	// OpMeetingUndo: an undo, never itself undone; it names the events it
	// took back.
	OpMeetingUndo Op = "meeting.undo"

	OpMemberAdd       Op = "member.add"
	OpMemberEdit      Op = "member.edit"
	OpMemberRetire    Op = "member.retire"
	OpMemberImport    Op = "member.import"
	OpMemberKeyAdd    Op = "member.key_add"
	OpMemberKeyRemove Op = "member.key_remove"

	OpAgencyAdd    Op = "agency.add"
	OpAgencyRename Op = "agency.rename"
	OpAgencyRetire Op = "agency.retire"

	OpPartnershipSet   Op = "partnership.set"
	OpPartnershipChair Op = "partnership.chair"
	OpPartnershipSetup Op = "partnership.setup"
	OpPartnershipSeed  Op = "partnership.seed"

	OpPowerAdd    Op = "power.add"
	OpPowerExtend Op = "power.extend"
	OpPowerReview Op = "power.review"
	OpPowerEnd    Op = "power.end"

	OpIncidentsImport Op = "incidents.import"

	OpRelease Op = "release"

	OpCaseReviewAdd    Op = "casereview.add"
	OpCaseReviewDecide Op = "casereview.decide"
	OpCaseReviewAnswer Op = "casereview.answer"

	OpSuggestionDismiss Op = "suggestion.dismiss"
	// A release minuted in a meeting's Part 2 (at the release, or as the
	// next meeting starts), and a release made between meetings taken
	// into that meeting: each only ever part of another change.
	OpMeetingReleases Op = "meeting.releases"
	OpDecisionMinuted Op = "decision.minuted"

	// OpRecordSeal is the event that commits records written outside any
	// audited change (a demo or import loaded in one go, an upgrade) to
	// the chain.
	OpRecordSeal Op = "record.seal"

	// Retention's anonymisation: one event per case, and one for the run.
	OpRetentionCase Op = "retention.anonymise"
	OpRetentionRun  Op = "retention.run"
)

// opRule is what model knows of a kind of change.
type opRule struct {
	right Right  // who may make it (Permit)
	words string // the change as a person would name it
	// within: only ever written inside another change, which declared
	// its own Op and was checked for it (a hotspot reviewed as the
	// meeting closes). A write may not declare it.
	within bool
}

var ops = map[Op]opRule{
	OpActionAssign:   {RightAssignAction, "assigning an action", false},
	OpActionStatus:   {RightActionStatus, "an action's status", false},
	OpActionDue:      {RightActionDue, "an action's due date", false},
	OpActionNote:     {RightActionNote, "a progress note", false},
	OpActionUpdate:   {RightActionNote, "an action's update", false},
	OpActionReviewed: {RightReviewAction, "an action reviewed, no change", false},
	OpActionAccepted: {RightReviewAction, "an update accepted", false},
	OpActionGeneral:  {RightEditHotspot, "an action moved to general business", true},
	OpActionWords:    {RightCorrectUpdate, "an action's latest words", true},
	OpActionPrivate:  {RightRunMeeting, "an action taken into Part 2", true},

	OpUpdateCorrect:  {RightCorrectUpdate, "correcting a progress update", false},
	OpUpdateWithdraw: {RightCorrectUpdate, "withdrawing a progress update", false},
	OpUpdateReaccept: {RightCorrectUpdate, "the meeting's acceptance of a corrected update", true},
	OpUpdatePrivate:  {RightRunMeeting, "updates taken into Part 2", true},

	OpDecisionRecord:  {RightRecordDecision, "a resolution recorded", false},
	OpDecisionAmend:   {RightAmend, "amending a resolution", true},
	OpDecisionPrivate: {RightRunMeeting, "a resolution taken into Part 2", true},

	OpNoteAdd:     {RightRecordNote, "a note recorded", false},
	OpNoteAmend:   {RightAmend, "amending a note", true},
	OpNotePrivate: {RightRunMeeting, "a note taken into Part 2", true},

	OpMinutesAmend: {RightAmend, "amending the minutes", false},

	OpHotspotAdd:      {RightAddHotspot, "adding a hotspot", false},
	OpHotspotRisk:     {RightEditHotspot, "a risk level", false},
	OpHotspotAssess:   {RightAssessRisk, "a risk assessment", false},
	OpHotspotLink:     {RightEditHotspot, "linking a hotspot to an area", false},
	OpHotspotUnlink:   {RightEditHotspot, "unlinking a hotspot from an area", false},
	OpHotspotCount:    {RightEditHotspot, "a count of incidents entered", false},
	OpHotspotStatus:   {RightEditHotspot, "a hotspot's status", false},
	OpHotspotSARA:     {RightEditHotspot, "a hotspot's SARA stage", false},
	OpHotspotClose:    {RightEditHotspot, "closing a hotspot", false},
	OpHotspotPart2:    {RightRunMeeting, "moving a hotspot into or out of Part 2", true},
	OpHotspotReviewed: {RightRunMeeting, "a hotspot reviewed at the meeting", true},

	OpMeetingStart:               {RightRunMeeting, "starting the meeting", false},
	OpMeetingItem:                {RightRunMeeting, "moving to an agenda item", false},
	OpMeetingAttendance:          {RightRunMeeting, "an attendance mark", false},
	OpMeetingGuest:               {RightRunMeeting, "a guest added", false},
	OpMeetingGuestRemove:         {RightRunMeeting, "a guest taken off", false},
	OpMeetingConfidentiality:     {RightRunMeeting, "the confidentiality statement read", false},
	OpMeetingDeclaration:         {RightRunMeeting, "a declaration of interest", false},
	OpMeetingDeclarationWithdraw: {RightRunMeeting, "a declaration withdrawn", false},
	OpMeetingDeclarationsNone:    {RightRunMeeting, "\"no declarations\"", false},
	OpMeetingApproveMinutes:      {RightRunMeeting, "the previous minutes approved", false},
	OpMeetingAgendaMove:          {RightRunMeeting, "moving an agenda item", false},
	OpMeetingAgendaDrop:          {RightRunMeeting, "dropping an agenda item", false},
	OpMeetingAgendaAdd:           {RightRunMeeting, "adding an agenda item", false},
	OpMeetingAgendaTakeUp:        {RightRunMeeting, "a hotspot taken up on the agenda", true},
	OpMeetingItemPart2:           {RightRunMeeting, "moving an item into or out of Part 2", false},
	OpMeetingItemBudget:          {RightRunMeeting, "an item's time budget", false},
	OpMeetingNextDate:            {RightRunMeeting, "the next meeting's date", false},
	OpMeetingClose:               {RightRunMeeting, "closing the meeting", false},
	OpMeetingPlan:                {RightRunMeeting, "the next meeting planned", true},
	OpMeetingUndo:                {RightRunMeeting, "an undo", false},

	OpMemberAdd:       {RightManagePeople, "adding a member", false},
	OpMemberEdit:      {RightManagePeople, "a member's details", false},
	OpMemberRetire:    {RightManagePeople, "retiring a member", false},
	OpMemberImport:    {RightManagePeople, "a member list imported", false},
	OpMemberKeyAdd:    {RightManagePeople, "a member's SSH key added", false},
	OpMemberKeyRemove: {RightManagePeople, "a member's SSH key removed", false},

	OpAgencyAdd:    {RightManagePeople, "adding an agency", false},
	OpAgencyRename: {RightManagePeople, "renaming an agency", false},
	OpAgencyRetire: {RightManagePeople, "retiring an agency", false},

	OpPartnershipSet:   {RightManagePeople, "the partnership's details", false},
	OpPartnershipChair: {RightManagePeople, "a new chair", true},
	OpPartnershipSetup: {RightSetup, "setting up the partnership", false},
	OpPartnershipSeed:  {RightSetup, "a whole record loaded", false},

	OpPowerAdd:    {RightRecordPower, "a power recorded", false},
	OpPowerExtend: {RightChangePower, "a closure order extended", false},
	OpPowerReview: {RightChangePower, "a power's review date", false},
	OpPowerEnd:    {RightChangePower, "a power ended", false},

	OpIncidentsImport: {RightImportIncidents, "incident data imported", false},

	OpRelease: {RightRelease, "a release of private business", false},

	OpCaseReviewAdd:    {RightCaseReview, "an ASB case review recorded", false},
	OpCaseReviewDecide: {RightCaseReview, "an ASB case review decided", false},
	OpCaseReviewAnswer: {RightCaseReview, "an ASB case review answered", false},

	OpSuggestionDismiss: {RightDismissSuggestion, "an emerging hotspot dismissed", false},
	OpMeetingReleases:   {RightRelease, "a release minuted in Part 2", true},
	OpDecisionMinuted:   {RightRelease, "a release made between meetings, minuted", true},

	OpRecordSeal: {RightMaintain, "records sealed into the audit trail", true},

	OpRetentionCase: {RightRetention, "a closed case anonymised", true},
	OpRetentionRun:  {RightRetention, "personal details past retention anonymised", false},
}

// Ops are every kind of change model knows, in no particular order.
func Ops() []Op {
	out := make([]Op, 0, len(ops))
	for op := range ops {
		out = append(out, op)
	}
	return out
}

// Known: op is a kind of change model knows.
func (o Op) Known() bool {
	_, ok := ops[o]
	return ok
}

// Right is what a person needs to make this kind of change ("" for an
// Op model does not know).
func (o Op) Right() Right { return ops[o].right }

// Within: this kind of change is only ever written inside another, which
// declared its own Op; a write may not declare it.
func (o Op) Within() bool { return ops[o].within }

// Words are the change as a person would name it ("closing a hotspot");
// an Op model does not know (one from a newer version's file) is spelt
// out from its string.
func (o Op) Words() string {
	if r, ok := ops[o]; ok {
		return r.words
	}
	return strings.NewReplacer(".", " ", "_", " ").Replace(string(o))
}

// Subject is the kind of record the change is to: "action" for
// "action.status", the whole Op when it names none ("release").
func (o Op) Subject() string {
	s, _, _ := strings.Cut(string(o), ".")
	return s
}

// Allow is the permission rule for a write before it runs: may a make a
// change of kind op to what agency owner owns (0: no agency's)? parts are
// the Rights the parts of a combined change need beyond op's own
// (ActionChange.Rights), asked first, so a refusal names the part
// refused. A refusal is a *PermissionError carrying op.
func Allow(a Actor, op Op, owner ID, parts ...Right) error {
	r, ok := ops[op]
	if !ok {
		return fmt.Errorf("internal error: %q is not a kind of change model knows", op)
	}
	for _, right := range append(parts[:len(parts):len(parts)], r.right) {
		if err := Permit(a, right, owner); err != nil {
			if pe, ok := err.(*PermissionError); ok {
				pe.Op = op
			}
			return err
		}
	}
	return nil
}
