package minutes

import (
	"slices"
	"time"

	"github.com/ccsp/tasking/model"
)

// fixtureRecord is a small, fixed, closed meeting with one of everything the
// minutes show: attendance of every kind, a guest, a declaration, approved
// minutes, matters arising (done, carried forward, untouched and overdue),
// two hotspots with notes, a confidential note, resolutions (one Part 2) and
// actions, a new referral, any other business with a general action, and the
// next meeting. Built by hand, not through the store, so it can hold text
// the store would have cleaned.
func fixtureRecord() model.MeetingRecord { return asMade(fixtureBase()) }

// asMade gives a fixture's records the privacy they would carry had the
// store made them one by one (model.PrivacyOf, through model.Backfill):
// fixtures are written as the records' other fields, like a dataset.
func asMade(rec model.MeetingRecord) model.MeetingRecord {
	b := model.Backfill{Hotspots: model.NewPrivacyHistory(rec.Hotspots), Meetings: map[model.ID]*model.Meeting{rec.Meeting.ID: &rec.Meeting}}
	if rec.Previous != nil {
		b.Meetings[rec.Previous.ID] = rec.Previous
	}
	b.Declarations(&rec.Meeting)
	actions := map[model.ID]model.Action{}
	for i, a := range rec.Actions {
		rec.Actions[i] = b.Action(a, false)
		actions[a.ID] = rec.Actions[i]
	}
	for i, u := range rec.Updates {
		rec.Updates[i] = b.Update(u, actions[u.ActionID])
	}
	for i, d := range rec.Decisions {
		rec.Decisions[i] = b.Decision(d)
	}
	for i, n := range rec.Notes {
		rec.Notes[i] = b.Note(n)
	}
	return rec
}

func fixtureBase() model.MeetingRecord {
	at := func(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, time.UTC) }
	d := model.MustDate
	prev := model.Meeting{ID: 1, Date: d("2026-11-10"), Time: "10:00", Place: "Committee Room 1", Kind: model.KindOperational,
		State: model.MeetingClosed, OpenedAt: at(10, 10, 0), ClosedAt: at(10, 11, 30)}
	m := model.Meeting{
		ID: 2, Date: d("2026-11-17"), Time: "10:00", Place: "Committee Room 1, Town Hall", Kind: model.KindOperational,
		ChairID: 1, State: model.MeetingClosed, PreviousMeetingID: 1, MinutesApprovedByDecID: 1,
		Attendance: []model.Attendee{
			{MemberID: 1, Status: model.Present}, {MemberID: 2, Status: model.Present}, {MemberID: 3, Status: model.Apologies},
			{MemberID: 4, Status: model.Absent}, {MemberID: 5, Status: model.Present},
		},
		Guests:              []model.Guest{{Name: "Karen Doyle", Agency: "Royal Hospital"}},
		ConfidentialityRead: true,
		Declarations:        []model.Declaration{{MemberID: 2, Name: "Sgt Jas Patel", Text: "A personal interest in HS-2: lives nearby."}},
		Agenda: []model.AgendaItem{
			{Kind: model.ItemAttendance}, {Kind: model.ItemDeclarations}, {Kind: model.ItemMinutes}, {Kind: model.ItemMatters},
			{Kind: model.ItemHotspot, HotspotID: 1}, {Kind: model.ItemHotspot, HotspotID: 2},
			{Kind: model.ItemReferrals}, {Kind: model.ItemHotspot, HotspotID: 3},
			{Kind: model.ItemAOB}, {Kind: model.ItemNextMeeting},
		},
		OpenedAt: at(17, 10, 0), ClosedAt: at(17, 11, 30),
		NextDate: d("2026-11-24"), NextTime: "10:00", NextPlace: "Committee Room 2",
	}
	return model.MeetingRecord{
		Partnership: model.Partnership{Name: "Testshire Community Safety Partnership", MeetingTitle: "ASB Multi-Agency Tasking Meeting",
			ConfidentialityStatement: "What is said here stays here."},
		Meeting:  m,
		Previous: &prev,
		Agencies: []model.Agency{
			{ID: 1, Name: "Testshire Council Community Safety", ShortName: "Community Safety"},
			{ID: 2, Name: "Testshire Police", ShortName: "Police"},
			{ID: 3, Name: "Testshire Council Housing", ShortName: "Housing"},
		},
		Members: []model.Member{
			{ID: 1, Name: "Ann Chair", AgencyID: 1, Role: model.RoleChair, Title: "Community Safety Manager"},
			{ID: 2, Name: "Sgt Jas Patel", AgencyID: 2, Role: model.RoleMember, Title: "Neighbourhood Sergeant"},
			{ID: 3, Name: "Hal Housing", AgencyID: 3, Role: model.RoleMember},
			{ID: 4, Name: "Val Viewer", AgencyID: 1, Role: model.RoleViewer},
			{ID: 5, Name: "PCSO Nadia Khan", AgencyID: 2, Role: model.RoleMember, Title: "PCSO"},
		},
		Hotspots: []model.Hotspot{
			{ID: 1, Title: "Town centre: youths congregating", Ward: "Spire", Risk: model.RiskHigh, Status: model.HotspotActive, LeadAgencyID: 1},
			{ID: 2, Title: "Rec ground: off-road bikes", Ward: "Staveley North", Risk: model.RiskMedium, Status: model.HotspotActive, LeadAgencyID: 2},
			{ID: 3, Title: "Park Road flats: noise", Ward: "Hasland", Risk: model.RiskLow, Status: model.HotspotNew, LeadAgencyID: 3, ReferredInMeeting: 2},
		},
		Actions: []model.Action{
			// From the previous meeting: done at this one, carried forward at this one, and untouched.
			{ID: 1, HotspotID: 1, Text: "Joint patrols Fri/Sat 20:00–02:00", AgencyID: 2, Officer: "PCSO Nadia Khan", Due: d("2026-11-17"),
				Status: model.StatusDone, CreatedMeetingID: 1, CreatedAt: at(10, 10, 20)},
			{ID: 2, HotspotID: 2, Text: "Cost bollards at the entrance", AgencyID: 1, Due: d("2026-12-01"),
				Status: model.StatusOpen, CreatedMeetingID: 1, CreatedAt: at(10, 10, 30)},
			{ID: 3, HotspotID: 2, Text: "Section 59 warnings to riders", AgencyID: 2, Due: d("2026-11-12"),
				Status: model.StatusInProgress, CreatedMeetingID: 1, CreatedAt: at(10, 10, 35)},
			// Assigned at this meeting.
			{ID: 4, HotspotID: 1, Text: "Youth outreach Thu–Sat evenings", AgencyID: 1, Officer: "Ann Chair", Due: d("2026-11-24"),
				Status: model.StatusOpen, CreatedMeetingID: 2, CreatedAt: at(17, 10, 40)},
			{ID: 5, HotspotID: 3, Text: "Visit the flats and log noise", AgencyID: 3, Due: d("2026-12-01"),
				Status: model.StatusOpen, CreatedMeetingID: 2, CreatedAt: at(17, 11, 0)},
			{ID: 6, Text: "Share the bonfire sites list", AgencyID: 1, Due: d("2026-11-20"),
				Status: model.StatusOpen, CreatedMeetingID: 2, CreatedAt: at(17, 11, 10)},
			// Done long ago: not in the log. Assigned after this meeting: not in the log.
			{ID: 7, HotspotID: 1, Text: "Old finished work", AgencyID: 1, Due: d("2026-10-01"), Status: model.StatusDone, CreatedAt: at(1, 9, 0)},
			{ID: 8, HotspotID: 1, Text: "Later work", AgencyID: 1, Due: d("2026-12-08"), Status: model.StatusOpen, CreatedMeetingID: 3, CreatedAt: at(24, 10, 30)},
		},
		Updates: []model.ActionUpdate{
			{ID: 1, ActionID: 1, At: at(17, 10, 10), Kind: model.UpdateStatus, FromStatus: model.StatusInProgress, ToStatus: model.StatusDone, Text: "Completed; figures down 30%.", MeetingID: 2},
			{ID: 2, ActionID: 2, At: at(17, 10, 12), Kind: model.UpdateDue, FromDue: d("2026-11-17"), ToDue: d("2026-12-01"), Text: "Waiting on quotes", MeetingID: 2},
		},
		Decisions: []model.Decision{
			{ID: 1, MeetingID: 2, Item: model.ItemMinutes, Text: "that the minutes of the meeting held on Tuesday 10 November 2026 be approved as a correct record and signed by the Chair"},
			{ID: 2, MeetingID: 2, HotspotID: 1, Item: model.ItemHotspot, Text: "that a dispersal authorisation be sought for the weekend evenings."},
			{ID: 3, MeetingID: 2, HotspotID: 2, Item: model.ItemHotspot, Text: "that the named rider be referred for a CBO", Part2: true},
			{ID: 4, MeetingID: 1, HotspotID: 1, Item: model.ItemHotspot, Text: "that an earlier meeting's decision stays in that meeting"},
		},
		Notes: []model.Note{
			{ID: 1, MeetingID: 2, HotspotID: 1, Item: model.ItemHotspot, Text: "groups of 15–20 at the bus station on Friday.\nTwo CPWs issued."},
			{ID: 2, MeetingID: 2, HotspotID: 2, Item: model.ItemHotspot, Text: "The rider is known to the YOT.", Confidential: true},
			{ID: 3, MeetingID: 2, Item: model.ItemAOB, Text: "Christmas market: extra patrols wanted."},
			{ID: 4, MeetingID: 1, HotspotID: 2, Item: model.ItemHotspot, Text: "An earlier meeting's note."},
		},
		Today: d("2026-11-24"),
	}
}

// richRecord is the fixture with everything issue 4 added: minute numbers
// running on from 38, approval by the next meeting (final minutes), a
// corrected note and a corrected resolution, a Part 2 item (HS-2, a
// personal-category hotspot), a Part 2 resolution under a Part 1 item, and
// a new referral in the personal category (HS-4) with an action. Both
// private items are at the end of the agenda, as the store puts them. Its
// private business: the HS-2 and HS-4 items, the Part 2 resolution under
// HS-1, and three actions (A-2 and A-3 on HS-2, A-9 on HS-4).
func richRecord() model.MeetingRecord { return asMade(richBase()) }

func richBase() model.MeetingRecord {
	rec := fixtureBase()
	at := func(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, time.UTC) }
	d := model.MustDate
	rec.FirstMinute = 38
	rec.Hotspots[0].Category = model.CategoryNuisance
	rec.Hotspots[1].Category = model.CategoryPersonal
	rec.Hotspots[2].Category = model.CategoryEnvironmental
	rec.Hotspots = append(rec.Hotspots, model.Hotspot{ID: 4, Title: "Elm Close: harassment of a neighbour", Ward: "Hasland",
		Category: model.CategoryPersonal, Risk: model.RiskHigh, Status: model.HotspotNew, LeadAgencyID: 3, ReferredInMeeting: 2,
		ConfidentialNotes: "Victim: Mrs Example at number 4."})
	rec.Hotspots[1].Part2, rec.Hotspots[1].Paragraph = true, model.ParaIndividual
	rec.Hotspots[3].Part2, rec.Hotspots[3].Paragraph = true, model.ParaIndividual
	// HS-2 taken in private: at the end, as the store puts it.
	rec.Meeting.Agenda = slices.DeleteFunc(rec.Meeting.Agenda, func(it model.AgendaItem) bool { return it.HotspotID == 2 })
	rec.Meeting.Agenda = append(rec.Meeting.Agenda, model.AgendaItem{Kind: model.ItemHotspot, HotspotID: 2, Part2: true, Paragraph: model.ParaIndividual})
	// HS-4, a personal referral, is private from the start: at the end too.
	rec.Meeting.Agenda = append(rec.Meeting.Agenda, model.AgendaItem{Kind: model.ItemHotspot, HotspotID: 4, Part2: true, Paragraph: model.ParaIndividual})
	rec.Actions = append(rec.Actions, model.Action{ID: 9, HotspotID: 4, Text: "Visit the neighbour and record the incidents", AgencyID: 3,
		Officer: "Hal Housing", Due: d("2026-11-24"), Status: model.StatusOpen, CreatedMeetingID: 2, CreatedAt: at(17, 11, 5)})
	rec.Decisions = append(rec.Decisions,
		model.Decision{ID: 5, MeetingID: 2, HotspotID: 1, Item: model.ItemHotspot, Text: "that the two named youths be referred to the YOT", Part2: true},
		model.Decision{ID: 9, MeetingID: 3, Item: model.ItemMinutes, Text: "that the minutes of the meeting held on Tuesday 17 November 2026 be approved"})
	rec.Notes[0].Text = "groups of 15–20 at the bus station on Friday."
	rec.Decisions[1].Text = "that a dispersal authorisation be sought for Friday and Saturday evenings."
	rec.Amendments = []model.Amendment{
		{ID: 1, MeetingID: 2, Target: "note", TargetID: 1, Before: "groups of 50", After: rec.Notes[0].Text,
			Reason: "the count was 15–20, not 50", At: at(25, 9, 0), By: "Ann Chair"},
		{ID: 2, MeetingID: 2, Target: "decision", TargetID: 2, Before: "for the weekend evenings.", After: rec.Decisions[1].Text,
			Reason: "wording", At: at(25, 9, 5), By: "Ann Chair"},
		{ID: 3, MeetingID: 2, Target: "decision", TargetID: 2, Before: "for the weekend evenings", After: rec.Decisions[1].Text,
			Reason: "the days agreed were Friday and Saturday", At: at(26, 9, 5), By: "Ann Chair"},
	}
	// Trends: HS-1 counted at an LSOA and a street of another LSOA; HS-2
	// (personal ASB, in private) at a street its counts would give away.
	rec.Hotspots[0].Areas = []model.HotspotArea{{Kind: model.AreaLSOA, Code: "E01019432", Name: "Chesterfield 010A"},
		{Kind: model.AreaLocation, Code: "E01019433", Name: "Low Pavement"}}
	rec.Hotspots[1].Areas = []model.HotspotArea{{Kind: model.AreaLocation, Code: "E01019500", Name: "Middlecroft Road"}}
	oct := model.NewMonth(2026, time.October)
	rec.Trends = map[model.ID]model.Series{
		1: {End: oct, Source: model.FromPolice, Counts: []int{12, 9, model.NoCount, 14, 15, 11, 18, 20, 17, 15, 16, 24}},
		2: {End: oct, Source: model.FromEntered, Counts: []int{model.NoCount, model.NoCount, model.NoCount, model.NoCount, model.NoCount, model.NoCount, 3, 4, 2, 5, 3, 7}},
	}
	next := model.Meeting{ID: 3, Date: d("2026-11-24"), State: model.MeetingClosed, PreviousMeetingID: 2, MinutesApprovedByDecID: 9}
	rec.Approval, rec.ApprovalMeeting = &rec.Decisions[len(rec.Decisions)-1], &next
	return rec
}
