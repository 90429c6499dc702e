// Package demo builds a realistic, fictional partnership for trying tasking
// out: agencies, members, hotspots in real Chesterfield wards, and a run of
// past weekly meetings whose actions are now in every status, some overdue.
//
// The record is generated relative to "today" and from a fixed seed, so the
// same day always gives the same partnership (tests rely on this).
package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Scale is how much history to make.
type Scale string

const (
	Small Scale = "small" // 6 past meetings, 14 hotspots: the everyday demo
	Large Scale = "large" // a year of meetings and five times the hotspots
	// Decade is ten years: 520 meetings, 2,000 hotspots, 60,000 actions,
	// 240,000 updates, 400 members: what the benchmarks measure.
	Decade Scale = "decade"
)

func ParseScale(s string) (Scale, error) {
	switch Scale(s) {
	case Small, "":
		return Small, nil
	case Large:
		return Large, nil
	case Decade:
		return Decade, nil
	}
	return "", fmt.Errorf("%q is not a scale: use small, large or decade", s)
}

const (
	meetingPlace = "Committee Room 1, Town Hall"
	meetingTime  = "10:00"
)

// gen holds the record as it is built, with ID counters.
type gen struct {
	rng      *rand.Rand
	today    model.Date
	loc      *time.Location
	d        store.Dataset
	agencyBy map[string]model.ID // short name → ID
	memberBy map[string]model.Member
}

// Build makes the demo partnership as of today.
func Build(today model.Date, scale Scale, loc *time.Location) (store.Dataset, error) {
	if loc == nil {
		loc = time.Local
	}
	g := &gen{rng: rand.New(rand.NewPCG(2026, 11)), today: today, loc: loc, agencyBy: map[string]model.ID{}, memberBy: map[string]model.Member{}}
	wards, err := Wards()
	if err != nil {
		return store.Dataset{}, err
	}
	g.d.Partnership = model.Partnership{
		Name:         "Chesterfield Community Safety Partnership",
		MeetingTitle: "ASB Multi-Agency Tasking Meeting",
		Area:         "Chesterfield Borough",
		DefaultPlace: meetingPlace, DefaultTime: meetingTime, DefaultKind: model.KindOperational,
		ConfidentialityStatement: model.DefaultConfidentialityStatement,
		ChairID:                  1, CreatedAt: g.at(today.AddDays(-400), 9, 0), Version: 1,
	}
	g.addAgencies()
	g.addMembers()
	nMeetings, copies := 6, 1
	if scale == Large {
		nMeetings, copies = 52, 5
	}
	g.addHotspots(copies, wards)
	g.addMeetings(nMeetings)
	past, _ := meetingDates(today, nMeetings)
	g.addCaseReviews(past)
	g.addPowers()
	// Two years of police.uk data, to the last month over.
	to := model.MonthsBy(today)
	g.d.IncidentBatches, g.d.Incidents = incidentHistory(2026, wards, g.d.Hotspots,
		func(k int) model.Date { return g.d.Hotspots[k].Closed }, to.Add(-23), to)
	return g.d, nil
}

func (g *gen) at(d model.Date, hour, min int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), hour, min, 0, 0, g.loc)
}

// chairName is the demo's chair: who set it up, and who changes what the
// meetings change.
const chairName = "Helen Marsh"

// setUpAt is when the chair set the partnership up: each agency and member
// is stamped as added then (by the chair), so forms and refusals say who
// last changed them and when, as for anything added in the app.
func (g *gen) setUpAt(id model.ID) time.Time {
	return g.d.Partnership.CreatedAt.Add(time.Duration(id) * time.Minute)
}

func (g *gen) addAgencies() {
	for i, a := range agencies {
		a.ID, a.Version = model.ID(i+1), 1
		a.UpdatedAt, a.UpdatedBy = g.setUpAt(a.ID), chairName
		g.d.Agencies = append(g.d.Agencies, a)
		g.agencyBy[a.ShortName] = a.ID
	}
}

func (g *gen) addMembers() {
	for i, p := range people {
		m := model.Member{ID: model.ID(i + 1), Name: p.name, AgencyID: g.agencyBy[p.agency], Role: p.role, Title: p.title, Version: 1,
			Email: emailFor(p.name)}
		m.UpdatedAt, m.UpdatedBy = g.setUpAt(model.ID(len(agencies))+m.ID), chairName
		g.d.Members = append(g.d.Members, m)
		g.memberBy[p.name] = m
	}
}

func emailFor(name string) string {
	b := []byte{}
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r-'A'+'a'))
		case r >= 'a' && r <= 'z':
			b = append(b, byte(r))
		case r == ' ':
			b = append(b, '.')
		}
	}
	return string(b) + "@example.org"
}

// siteState tracks one hotspot through the generated history.
type siteState struct {
	first     int // index of the first meeting that walked it, -1 before
	site      site
	id        model.ID
	opened    model.Date
	closed    model.Date
	nextPlan  int
	nextNote  int
	nextRes   int
	reviewed  model.Date
	timesSeen int
}

// firstWalk remembers the first meeting that walks the hotspot.
func (st *siteState) firstWalk(i int) int {
	if st.first < 0 {
		st.first = i
	}
	return st.first
}

func (g *gen) addHotspots(copies int, wards []Ward) {
	wardByName := map[string]Ward{}
	for _, w := range wards {
		wardByName[w.Name] = w
	}
	id := model.ID(0)
	for c := 0; c < copies; c++ {
		for si, s := range sites {
			id++
			w, ok := wardByName[s.ward]
			if c > 0 { // large scale: the same kinds of problem across every ward
				w = wards[(si+c*3)%len(wards)]
				s.ward = w.Name
				s.title = fmt.Sprintf("%s (%d)", s.title, c+1)
				ok = true
			}
			if !ok {
				panic("demo hotspot in an unknown ward: " + s.ward)
			}
			h := model.Hotspot{ID: id, Title: s.title, Location: s.location, Ward: s.ward, Lat: w.Lat, Lon: w.Lon,
				Category: s.category, Theme: s.theme, Risk: s.risk, RiskReason: s.riskReason, Status: s.status,
				SARA: s.sara, LeadAgencyID: g.agencyBy[s.lead], Opened: g.today.AddDays(-7 * s.openedWeeksAgo),
				ConfidentialNotes: s.confidential, Version: 1}
			if h.Category == model.CategoryPersonal {
				h.Part2, h.Paragraph = true, model.ParaIndividual // about named people: private from the start
			}
			h.CreatedAt = g.at(h.Opened, 11, 0)
			h.UpdatedAt, h.UpdatedBy = h.CreatedAt, "Tom Okafor"
			h.Assessment = assessedAs(s.risk, s.matrix, h.Opened)
			h.Incidents = g.incidents(s.risk)
			g.d.Hotspots = append(g.d.Hotspots, h)
		}
	}
}

// assessedAs is the risk matrix (given, or likelihood and harm alike)
// that gives r, made when the hotspot was opened: a new partnership's
// hotspots are assessed on the matrix, so the demo's are too (a level with
// no matrix is a hotspot from before it).
func assessedAs(r model.Risk, given model.RiskAssessment, on model.Date) *model.RiskAssessment {
	a := given
	if a.Likelihood == 0 {
		n := map[model.Risk]int{model.RiskHigh: 4, model.RiskMedium: 3, model.RiskLow: 2}[r]
		a = model.RiskAssessment{Likelihood: n, Harm: n}
	}
	a.On = on
	if a.Level() != r {
		panic(fmt.Sprintf("demo: %s is %s, not %s", a.Summary(), a.Level(), r))
	}
	return &a
}

// incidents is six months of counts, to the last month over, with a
// trend that fits the risk.
func (g *gen) incidents(r model.Risk) []model.IncidentCount {
	base := map[model.Risk]int{model.RiskHigh: 18, model.RiskMedium: 9, model.RiskLow: 4}[r]
	var out []model.IncidentCount
	for m := 6; m >= 1; m-- {
		t := g.today.Time(g.loc).AddDate(0, -m, 0)
		n := base + g.rng.IntN(base/2+2) - m/2
		out = append(out, model.IncidentCount{Period: t.Format("2006-01"), Count: max(n, 0)})
	}
	return out
}

// meetingDates: the last n Tuesdays before today, then the next Tuesday on
// or after today (the planned meeting).
func meetingDates(today model.Date, n int) (past []model.Date, next model.Date) {
	last := today.AddDays(-1)
	for last.Weekday() != time.Tuesday {
		last = last.AddDays(-1)
	}
	for k := n - 1; k >= 0; k-- {
		past = append(past, last.AddDays(-7*k))
	}
	next = today
	for next.Weekday() != time.Tuesday {
		next = next.AddDays(1)
	}
	return past, next
}

func (g *gen) addMeetings(n int) {
	past, next := meetingDates(g.today, n)
	states := make([]*siteState, len(g.d.Hotspots))
	for i := range g.d.Hotspots {
		s := sites[i%len(sites)]
		states[i] = &siteState{first: -1, site: s, id: g.d.Hotspots[i].ID, opened: g.d.Hotspots[i].Opened}
	}
	// The hotspot with a closing reason closes three meetings ago.
	closeAt := max(len(past)-3, 1)
	for i, date := range past {
		id := model.ID(i + 1)
		m := model.Meeting{ID: id, Date: date, Time: meetingTime, Place: meetingPlace, Kind: model.KindOperational,
			ChairID: g.memberBy[chairName].ID, State: model.MeetingClosed, ConfidentialityRead: true,
			OpenedAt: g.at(date, 10, 0), ClosedAt: g.at(date, 11, 40), CreatedAt: g.at(date.AddDays(-7), 11, 40), Version: 3}
		m.ConfidentialityReadAt = m.OpenedAt.Add(2 * time.Minute)
		m.UpdatedAt = m.ClosedAt
		if i+1 < len(past) {
			m.NextDate = past[i+1]
		} else {
			m.NextDate = next
		}
		m.NextTime, m.NextPlace = meetingTime, meetingPlace
		if i > 0 {
			m.PreviousMeetingID = id - 1
		}
		g.attendance(&m, i)
		// Agenda from what was open then, ranked as the tool would rank it.
		var open []model.Hotspot
		for k, st := range states {
			if !st.opened.After(date) && (st.closed.IsZero() || st.closed.After(date)) {
				h := g.d.Hotspots[k]
				h.LastReviewed, h.Status = st.reviewed, model.HotspotActive
				open = append(open, h)
			}
		}
		m.Agenda = model.BuildAgenda(open, nil, nil)
		m.Current = len(m.Agenda) - 1
		clock := m.OpenedAt.Add(5 * time.Minute)
		if i > 0 {
			d := g.decision(&m, 0, model.ItemMinutes, fmt.Sprintf("that the minutes of the meeting held on %s be approved as a correct record and signed by the Chair", past[i-1].Long()), false, clock)
			m.MinutesApprovedByDecID = d.ID
		}
		clock = clock.Add(3 * time.Minute)
		g.reviewMattersArising(&m, clock)
		clock = clock.Add(12 * time.Minute)
		// The walk goes by risk, as the group discusses them; the agenda
		// lists the private ones last (walking in agenda order would draw
		// the generator's numbers in another order and change the demo).
		walk := slices.Clone(open)
		slices.SortStableFunc(walk, model.HotspotRank)
		for _, h := range walk {
			st := states[h.ID-1]
			it := model.AgendaItem{HotspotID: h.ID}
			if st.opened.After(past[0]) && st.timesSeen == 0 && i > 0 {
				g.d.Hotspots[it.HotspotID-1].ReferredInMeeting = id
			}
			g.walkHotspot(&m, st, i, closeAt, past, next, clock)
			clock = clock.Add(6 * time.Minute)
			st.reviewed, st.timesSeen = date, st.timesSeen+1
		}
		if i%2 == 1 {
			g.note(&m, 0, model.ItemAOB, aob[(i/2)%len(aob)], false, clock)
		}
		g.d.Meetings = append(g.d.Meetings, m)
	}
	g.repUpdates(past[len(past)-1])
	for k, st := range states {
		h := &g.d.Hotspots[k]
		h.LastReviewed, h.TimesReviewed = st.reviewed, st.timesSeen
		if !st.closed.IsZero() {
			h.Status, h.Closed, h.CloseReason = model.HotspotClosed, st.closed, st.site.closedReason
		}
		if st.timesSeen > 0 {
			// Closing each meeting that walked it marked it reviewed (or
			// closed it): its last change is the last of those, by the chair,
			// as closing a meeting in the app stamps it.
			h.UpdatedAt, h.UpdatedBy, h.Version = g.at(st.reviewed, 11, 40), chairName, 1+st.timesSeen
		}
	}
	g.d.Meetings = append(g.d.Meetings, model.Meeting{ID: model.ID(len(past) + 1), Date: next, Time: meetingTime,
		Place: meetingPlace, Kind: model.KindOperational, ChairID: g.memberBy[chairName].ID, State: model.MeetingPlanned,
		CreatedAt: g.at(past[len(past)-1], 11, 40), UpdatedAt: g.at(past[len(past)-1], 11, 40), Version: 1})
}

var aob = []string{
	"Christmas market: partners asked to plan extra evening patrols for the late-night shopping weeks.",
	"Bonfire period: fire service to share the list of reported bonfire sites by Friday.",
	"The ASB Case Review (Community Trigger) annual figures will come to the next strategic meeting.",
	"New PCSO starting on the town centre beat next month; introductions at the next meeting.",
}

func (g *gen) attendance(m *model.Meeting, i int) {
	for _, mem := range g.d.Members {
		st := model.Present
		switch r := g.rng.IntN(100); {
		case mem.Name == chairName || mem.Name == "Tom Okafor":
		case mem.Role == model.RoleViewer && r < 70:
			st = model.Absent
		case r < 12:
			st = model.Apologies
		case r < 18:
			st = model.Absent
		}
		m.Attendance = append(m.Attendance, model.Attendee{MemberID: mem.ID, Status: st})
	}
	if i == 2 {
		m.Guests = append(m.Guests, model.Guest{Name: "Karen Doyle", Agency: "Chesterfield Royal Hospital"})
		d := model.Declaration{MemberID: g.memberBy["Louise Birch"].ID, Name: "Louise Birch",
			Text: "A personal interest: a relative runs one of the shops."}
		for _, h := range g.d.Hotspots {
			if strings.HasPrefix(h.Title, "Holme Hall shops") {
				d.Item, d.HotspotID = model.ItemHotspot, h.ID
				break
			}
		}
		m.Declarations = append(m.Declarations, d)
	} else {
		m.NoDeclarations = true
	}
}

// walkHotspot records what the group said and did about one hotspot.
func (g *gen) walkHotspot(m *model.Meeting, st *siteState, i, closeAt int, past []model.Date, next model.Date, clock time.Time) {
	s := st.site
	if len(s.notes) > 0 {
		g.note(m, st.id, model.ItemHotspot, s.notes[st.nextNote%len(s.notes)], false, clock)
		st.nextNote++
	}
	if st.timesSeen == 0 && s.confidential != "" {
		g.note(m, st.id, model.ItemHotspot, s.confidential, true, clock.Add(time.Minute))
	}
	if s.closedReason != "" && i == closeAt {
		g.decision(m, st.id, model.ItemHotspot, "that the hotspot be closed", false, clock.Add(2*time.Minute))
		st.closed = m.Date
		return
	}
	if len(s.resolutions) > 0 && (i+int(st.id))%2 == 0 && st.nextRes < len(s.resolutions) {
		part2 := s.theme == "hate crime" || s.theme == "county lines"
		g.decision(m, st.id, model.ItemHotspot, s.resolutions[st.nextRes], part2, clock.Add(2*time.Minute))
		st.nextRes++
	}
	// The hotspot's plans are spread over the meetings that walk it: plan j
	// of P is agreed at the walk floor(j·M/P), so every meeting assigns some.
	walks := len(past) - st.firstWalk(i)
	for k := 0; st.nextPlan < len(s.plans) && st.nextPlan*walks/len(s.plans) <= st.timesSeen; k++ {
		p := s.plans[st.nextPlan]
		st.nextPlan++
		due := next
		if i+1 < len(past) {
			due = past[i+1]
		}
		if g.rng.IntN(3) == 0 {
			due = m.Date.AddDays(14)
		}
		g.action(m, st.id, p, due, clock.Add(time.Duration(3+k)*time.Minute), i, past)
	}
}

// outcome is what becomes of an action after the meeting that made it.
type outcome int

// fates: mostly done or in progress, some open, blocked, cancelled or carried.
var fates = []outcome{getDone, goInProgress, getDone, stayOpen, getBlocked, getDone, goInProgress, getCancelled, carryForward, getDone, goInProgress, stayOpen}

const (
	stayOpen outcome = iota
	goInProgress
	getDone
	getBlocked
	getCancelled
	carryForward
)

func (g *gen) action(m *model.Meeting, hotspot model.ID, p plan, due model.Date, at time.Time, i int, past []model.Date) {
	id := model.ID(len(g.d.Actions) + 1)
	agency := g.agencyBy[p.agency]
	a := model.Action{ID: id, HotspotID: hotspot, Text: p.text, AgencyID: agency, Officer: p.officer, Due: due,
		Status: model.StatusOpen, Intervention: p.intervention, CreatedMeetingID: m.ID, CreatedAt: at, CreatedBy: chairName,
		UpdatedAt: at, UpdatedBy: chairName, Version: 1}
	g.update(model.ActionUpdate{ActionID: id, At: at, By: chairName, Kind: model.UpdateCreated, ToStatus: model.StatusOpen, ToDue: due, MeetingID: m.ID})

	// A fixed, weighted cycle rather than dice: every status appears at any scale.
	fate := fates[int(id)%len(fates)]
	if i+1 >= len(past) {
		// Made at the last meeting: reps have had a week at most.
		if fate != goInProgress {
			fate = stayOpen
		}
	}
	// Between meetings the officer posts progress; the next meeting reviews it.
	rep := p.officer
	if rep == "" {
		rep = "Tom Okafor"
	}
	if between := m.Date.AddDays(3); fate != stayOpen && fate != getCancelled && between.Before(g.today) {
		g.setStatus(&a, model.StatusInProgress, progress[int(id)%len(progress)], rep, g.at(between, 14, 20), 0)
	}
	if i+1 >= len(past) {
		// A few of last week's actions are already finished by their reps.
		if done := m.Date.AddDays(5); id%4 == 0 && done.Before(g.today) {
			note := "Done: " + progress[int(id)%len(progress)]
			g.setStatus(&a, model.StatusDone, note, rep, g.at(done, 16, 5), 0)
			// As model.Action.SetStatus records it: the rep's words.
			a.CompletedOn, a.CompletionNote = done, note
		}
		g.d.Actions = append(g.d.Actions, a)
		return
	}
	review := past[i+1]
	reviewAt := g.at(review, 10, 10+int(id%20))
	reviewID := m.ID + 1
	switch fate {
	case getDone:
		g.setStatus(&a, model.StatusDone, "Completed; reported back to the group.", chairName, reviewAt, reviewID)
		a.CompletedOn = review
		a.CompletionNote = "Completed; reported back to the group."
	case getBlocked:
		g.setStatus(&a, model.StatusBlocked, blocked[int(id)%len(blocked)], chairName, reviewAt, reviewID)
	case getCancelled:
		g.setStatus(&a, model.StatusCancelled, "No longer needed: superseded by a later action.", chairName, reviewAt, reviewID)
	case carryForward:
		newDue := review.AddDays(14)
		if newDue.After(g.today) && g.rng.IntN(2) == 0 {
			newDue = review.AddDays(7)
		}
		u := model.ActionUpdate{ActionID: id, At: reviewAt, By: chairName, Kind: model.UpdateDue, FromDue: a.Due, ToDue: newDue,
			Text: "Carried forward: waiting on partner availability.", MeetingID: reviewID}
		g.update(u)
		a.Due, a.UpdatedAt = newDue, reviewAt
		a.Version++
	}
	// Most work still open from older meetings was carried forward at the
	// last meeting; a third stays overdue, which is what matters arising is for.
	last := past[len(past)-1]
	if !a.Status.IsClosed() && review.Before(last) && id%3 != 0 {
		newDue := last.AddDays(14 + 7*int(id%2))
		at := g.at(last, 10, 30+int(id%20))
		u := model.ActionUpdate{ActionID: id, At: at, By: chairName, Kind: model.UpdateDue, FromDue: a.Due, ToDue: newDue,
			Text: "Carried forward: partners need more time.", MeetingID: m.ID + model.ID(len(past)-1-i)}
		g.update(u)
		a.Due, a.UpdatedAt = newDue, at
		a.Version++
	}
	g.d.Actions = append(g.d.Actions, a)
}

// repUpdates is what reps post between the last meeting and today: a
// progress note on about half the open actions, for the chair to read and
// accept in matters arising.
func (g *gen) repUpdates(last model.Date) {
	for k := range g.d.Actions {
		a := &g.d.Actions[k]
		day := last.AddDays(1 + int(a.ID%5))
		if a.Status.IsClosed() || a.ID%2 != 0 || !day.Before(g.today) {
			continue
		}
		by := a.Officer
		if by == "" {
			by = "Tom Okafor"
		}
		at := g.at(day, 9+int(a.ID%8), 10+int(a.ID%40))
		if a.ID%3 == 0 { // some are finished outright
			note := "Done: " + repNotes[int(a.ID)%len(repNotes)]
			g.setStatus(a, model.StatusDone, note, by, at, 0)
			// The rep's words, as model.Action.SetStatus records them, not
			// the history line ("in progress → done: …").
			a.CompletedOn, a.CompletionNote = day, note
			continue
		}
		u := model.ActionUpdate{ActionID: a.ID, At: at, By: by, Kind: model.UpdateNote, Text: repNotes[int(a.ID)%len(repNotes)]}
		g.update(u)
		a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy, a.UpdatedAt, a.UpdatedBy = u.Describe(), at, by, at, by
		a.Version++
	}
}

var repNotes = []string{
	"Site visited on Thursday; residents report it quieter this week.",
	"Work started; first stage done, the rest booked for next week.",
	"Letters sent; waiting for replies before the follow-up.",
	"Partners met on Monday; plan agreed, will report figures at the meeting.",
	"Delayed by staff sickness; back on track from Friday.",
	"Booked for next week; no problems expected.",
}

var progress = []string{
	"Started: first visit done, more planned this week.",
	"In hand; partners contacted and a date agreed.",
	"Underway. Will report figures at the next meeting.",
	"Officer allocated and initial checks complete.",
}

var blocked = []string{
	"Blocked: waiting for budget approval.",
	"Blocked: landlord not responding to letters.",
	"Blocked: awaiting legal advice on the notice.",
}

func (g *gen) setStatus(a *model.Action, to model.ActionStatus, note, by string, at time.Time, meeting model.ID) {
	if a.Status == to {
		return
	}
	u := model.ActionUpdate{ActionID: a.ID, At: at, By: by, Kind: model.UpdateStatus, FromStatus: a.Status, ToStatus: to, Text: note, MeetingID: meeting}
	g.update(u)
	a.Status, a.UpdatedAt, a.UpdatedBy = to, at, by
	if to == model.StatusDone {
		a.CompletedAt = at
	}
	if meeting == 0 { // news from the agency between meetings (the officer is its rep)
		a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy = u.Describe(), at, by
	}
	a.Version++
}

func (g *gen) update(u model.ActionUpdate) {
	u.ID = model.ID(len(g.d.Updates) + 1)
	if mem, ok := g.memberBy[u.By]; ok {
		u.ByID = mem.ID
	}
	g.d.Updates = append(g.d.Updates, u)
}

func (g *gen) reviewMattersArising(m *model.Meeting, at time.Time) {
	// Open actions nobody touched are noted as reviewed, no change.
	touched := map[model.ID]bool{}
	for _, u := range g.d.Updates {
		if u.MeetingID == m.ID {
			touched[u.ActionID] = true
		}
	}
	for k := range g.d.Actions {
		a := &g.d.Actions[k]
		if a.Status.IsClosed() || a.CreatedMeetingID >= m.ID {
			continue
		}
		if !touched[a.ID] {
			g.update(model.ActionUpdate{ActionID: a.ID, At: at, By: chairName, Kind: model.UpdateReview, FromStatus: a.Status, ToStatus: a.Status, MeetingID: m.ID})
		}
	}
}

func (g *gen) decision(m *model.Meeting, hotspot model.ID, item model.ItemKind, text string, part2 bool, at time.Time) model.Decision {
	d := model.Decision{ID: model.ID(len(g.d.Decisions) + 1), MeetingID: m.ID, HotspotID: hotspot, Item: item, Text: text,
		Part2: part2, At: at, By: chairName, Version: 1}
	g.d.Decisions = append(g.d.Decisions, d)
	return d
}

func (g *gen) note(m *model.Meeting, hotspot model.ID, item model.ItemKind, text string, confidential bool, at time.Time) {
	g.d.Notes = append(g.d.Notes, model.Note{ID: model.ID(len(g.d.Notes) + 1), MeetingID: m.ID, HotspotID: hotspot, Item: item,
		Text: text, Confidential: confidential, At: at, By: "Tom Okafor", Version: 1})
}
