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

// The decade: ten years of a partnership's weekly meetings, for measuring
// the app at the size a long-lived record reaches. Members come and go
// (about forty sit on the group at any time), hotspots open, are walked for
// some months and close, and every action runs its course — progress from
// its agency, review in matters arising, a new date, a block, completion or
// cancellation — so every status appears and the history is as long as a
// real one would be.
const decadeAgencies = 30

// DecadeVersion changes whenever the decade's generator makes a different
// record for the same seed (benchmarks key their cached copy on it).
const DecadeVersion = 4

// HistorySize is how big a history to build: the decade, or a part of it
// with the same shape (tests use a tenth).
type HistorySize struct {
	Members, Hotspots, Meetings, Actions, Updates int
}

// DecadeSize is ten years of a partnership.
var DecadeSize = HistorySize{Members: 400, Hotspots: 2000, Meetings: 520, Actions: 60000, Updates: 240000}

// Tenth is a year of the decade's shape: quick enough for tests.
var Tenth = HistorySize{Members: 80, Hotspots: 200, Meetings: 52, Actions: 6000, Updates: 24000}

// moreAgencies brings the demo's seventeen up to the thirty a county-wide
// decade sees (fictional teams of the kinds that join a tasking group).
var moreAgencies = []model.Agency{
	{Name: "DCC Trading Standards", ShortName: "Trading Standards"},
	{Name: "CBC Parks and Open Spaces", ShortName: "Parks"},
	{Name: "DCC Highways", ShortName: "Highways"},
	{Name: "British Transport Police", ShortName: "BTP"},
	{Name: "Neighbourhood Watch Association", ShortName: "Neighbourhood Watch"},
	{Name: "Citizens Advice North Derbyshire", ShortName: "Citizens Advice"},
	{Name: "Domestic Abuse Support Service", ShortName: "DA Support"},
	{Name: "Drug and Alcohol Recovery Service", ShortName: "Recovery Service"},
	{Name: "Spireside Homes", ShortName: "Spireside Homes"},
	{Name: "Youth Offending Service", ShortName: "YOS"},
	{Name: "NHS Integrated Care Board", ShortName: "NHS ICB"},
	{Name: "Registered Landlords Forum", ShortName: "Landlords Forum"},
	{Name: "Street Pastors", ShortName: "Street Pastors"},
}

var firstNames = []string{"Aisha", "Ben", "Carla", "Dan", "Ellie", "Farid", "Grace", "Harry", "Imran", "Jade", "Karl",
	"Lena", "Mo", "Nina", "Owen", "Paula", "Qasim", "Rosa", "Sam", "Tara", "Umar", "Vicky", "Wes", "Yasmin", "Zoe",
	"Adam", "Beth", "Colin", "Dawn", "Euan", "Fiona", "Gareth", "Hannah", "Ivan", "Jo", "Kerry", "Liam", "Maya", "Nathan", "Olivia"}

var lastNames = []string{"Abbott", "Bains", "Carter", "Dixon", "Evans", "Foster", "Gill", "Hardy", "Iqbal", "Jones",
	"Kaur", "Lomas", "Mellor", "Nolan", "Oakes", "Parkin", "Quinn", "Revill", "Slater", "Thorpe", "Usher", "Vickers",
	"Wragg", "Yates", "Allsop", "Bradley", "Cooke", "Dakin", "Elliott", "Frost", "Goodall", "Hibbert", "Ingham",
	"Jepson", "Kirk", "Lees", "Marsden", "Needham", "Outram", "Pearson"}

var placeKinds = []string{"the shops on the main road", "the recreation ground and play area", "the alleys behind the terraces",
	"the bus stops and the underpass", "the flats and their car park", "the canal towpath", "the community centre car park",
	"the allotments and the lane beside them"}

var decadeNotes = []string{
	"Calls for service down on last month; partners report it quieter.",
	"Residents raised it again at the ward forum; three new reports this fortnight.",
	"Patrol logs show most incidents between 19:00 and 23:00 at weekends.",
	"CCTV review found two incidents worth passing to the police.",
	"Outreach workers engaged a dozen young people over two evenings.",
	"Fly-tipping cleared twice this month; evidence found in one bag.",
	"Landlord contacted; tenancy warnings issued where the evidence allows.",
	"Partners agreed the problem has moved two streets east; watching it.",
}

var decadeResolutions = []string{
	"that joint patrols continue until the group next reviews the figures",
	"that a dispersal authorisation be sought for the weekend evenings",
	"that the lead agency bring a problem-solving plan to the next meeting",
	"that residents be written to about the action being taken",
	"that a Community Protection Warning be considered for the repeat offenders",
	"that environmental improvements be costed and reported back",
}

// decadeGen holds the decade as it is built.
type decadeGen struct {
	size     HistorySize
	rng      *rand.Rand
	today    model.Date
	loc      *time.Location
	d        store.Dataset
	past     []model.Date
	next     model.Date
	joined   []int // per member: the first meeting they sit at
	left     []int // per member: the meeting they retire at (len(past): still on the group)
	byAgency map[model.ID][]int
	hsOpen   []int // per hotspot: the meeting it is referred to (may be before the first)
	hsClose  []int // per hotspot: the meeting that closes it (-1: still open)
	walks    []int // per hotspot: how many meetings have walked it
	reviewed []model.Date
	chair    model.Member
	coord    model.Member
	made     int // actions made so far
	// powerRng draws the powers (decade_powers.go), apart from rng.
	powerRng *rand.Rand
}

// BuildDecade makes ten years of a partnership, deterministically for seed,
// ending on today.
func BuildDecade(today model.Date, seed uint64, loc *time.Location) (store.Dataset, error) {
	return BuildHistory(today, seed, DecadeSize, loc)
}

// BuildDecadeWatched is BuildDecade reporting to w the meetings made so
// far, and stopped by w's context between one meeting and the next
// (store.ErrInterrupted).
func BuildDecadeWatched(w store.Watch, today model.Date, seed uint64, loc *time.Location) (store.Dataset, error) {
	return BuildHistoryWatched(w, today, seed, DecadeSize, loc)
}

// BuildHistory makes a history of the given size, deterministically for
// seed, ending on today.
func BuildHistory(today model.Date, seed uint64, size HistorySize, loc *time.Location) (store.Dataset, error) {
	return BuildHistoryWatched(store.Watch{}, today, seed, size, loc)
}

// BuildHistoryWatched is BuildHistory watched by w, as BuildDecadeWatched.
func BuildHistoryWatched(w store.Watch, today model.Date, seed uint64, size HistorySize, loc *time.Location) (store.Dataset, error) {
	if loc == nil {
		loc = time.Local
	}
	g := &decadeGen{size: size, rng: rand.New(rand.NewPCG(seed, 0x7a5c)), powerRng: newPowerRand(seed), today: today, loc: loc,
		byAgency: map[model.ID][]int{}}
	wards, err := Wards()
	if err != nil {
		return store.Dataset{}, err
	}
	g.past, g.next = meetingDates(today, size.Meetings)
	// The actions and updates are most of a history's memory: room for
	// them at once, not grown by doubling (which holds the old array and
	// up to a half more beside the new).
	g.d.Actions = make([]model.Action, 0, size.Actions)
	g.d.Updates = make([]model.ActionUpdate, 0, size.Updates+size.Updates/50)
	g.d.History = true
	g.d.Partnership = model.Partnership{
		Name:         "Chesterfield Community Safety Partnership",
		MeetingTitle: "ASB Multi-Agency Tasking Meeting",
		Area:         "Chesterfield Borough",
		DefaultPlace: meetingPlace, DefaultTime: meetingTime, DefaultKind: model.KindOperational,
		ConfidentialityStatement: model.DefaultConfidentialityStatement,
		ChairID:                  1, CreatedAt: g.at(g.past[0].AddDays(-14), 9, 0), Version: 1,
	}
	g.addAgencies()
	g.addMembers()
	g.addHotspots(wards)
	const what = "making up the meetings"
	for i := range g.past {
		if err := w.Step(store.Step{What: what, Done: int64(i), Total: int64(len(g.past)), Unit: "meetings"}); err != nil {
			return store.Dataset{}, err
		}
		g.meeting(i)
	}
	g.finish()
	w.Report(store.Step{What: what, Done: int64(len(g.past)), Total: int64(len(g.past)), Unit: "meetings"})
	// police.uk data from a year before the first meeting to the last
	// month over.
	g.d.IncidentBatches, g.d.Incidents = incidentHistory(seed, wards, g.d.Hotspots,
		func(k int) model.Date { return g.d.Hotspots[k].Closed }, model.MonthOf(g.past[0]).Add(-12), model.MonthsBy(today))
	return g.d, nil
}

func (g *decadeGen) at(d model.Date, hour, min int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), hour, min, 0, 0, g.loc)
}

// Every record carries who last changed it and when, as the audit trail
// the store writes for the history says (store.seedAudit): the agencies
// added by the chair when the partnership was set up; a member when they
// joined (two days before the first meeting they sat at, else at the
// set-up) or retired; a hotspot when it was referred, then as each meeting
// that walked it closed. Set here, where the history is made, for the cost
// of one line per record.

func (g *decadeGen) addAgencies() {
	all := append(slices.Clone(agencies), moreAgencies...)
	for i, a := range all[:decadeAgencies] {
		a.ID, a.Version = model.ID(i+1), 1
		a.UpdatedAt, a.UpdatedBy = g.d.Partnership.CreatedAt, chairName
		g.d.Agencies = append(g.d.Agencies, a)
	}
}

// joinedAt is when member m, sitting from meeting joined (n: never), was
// added: two days before that meeting opened, or, for those who never sat
// or sat from the start, at the set-up.
func (g *decadeGen) joinedAt(m model.Member, joined int) time.Time {
	created := g.d.Partnership.CreatedAt
	joined = max(joined, 0) // those who sat from before the first meeting
	if joined < len(g.past) && m.Role.Attends() {
		if at := g.at(g.past[joined], 10, 0).Add(-48 * time.Hour); !at.Before(created) {
			return at
		}
	}
	return created.Add(time.Duration(m.ID) * time.Minute)
}

// addMembers: the demo's current group (who joined over the last two
// years; the chair and coordinator from the start) and, before them, the
// people who sat on the group and moved on.
func (g *decadeGen) addMembers() {
	short := map[string]model.ID{}
	for _, a := range g.d.Agencies {
		short[a.ShortName] = a.ID
	}
	n := len(g.past)
	add := func(m model.Member, joined, left int) {
		m.ID, m.Version = model.ID(len(g.d.Members)+1), 1
		if m.Email == "" {
			m.Email = emailFor(m.Name)
		}
		m.UpdatedAt, m.UpdatedBy = g.joinedAt(m, joined), chairName
		if joined >= left {
			m.UpdatedAt = g.joinedAt(m, n) // never sat
		}
		if left < n {
			m.Retired, m.RetiredOn = true, g.past[left]
			m.UpdatedAt = g.at(m.RetiredOn, 9, 0)
			m.Version++
		}
		g.d.Members = append(g.d.Members, m)
		g.joined, g.left = append(g.joined, joined), append(g.left, left)
		if m.Role.Attends() && m.Role != model.RoleViewer {
			g.byAgency[m.AgencyID] = append(g.byAgency[m.AgencyID], len(g.d.Members)-1)
		}
	}
	for i, p := range people {
		joined := n - 104 + g.rng.IntN(90)
		if i < 2 {
			joined = 0
		}
		add(model.Member{Name: p.name, AgencyID: short[p.agency], Role: p.role, Title: p.title}, joined, n)
	}
	g.chair, g.coord = g.d.Members[0], g.d.Members[1]
	titles := map[model.ID]string{}
	for _, p := range people {
		titles[short[p.agency]] = p.title
	}
	used := map[string]bool{}
	for _, m := range g.d.Members {
		used[m.Name] = true
	}
	for k := 0; len(g.d.Members) < g.size.Members; k++ {
		name := firstNames[g.rng.IntN(len(firstNames))] + " " + lastNames[g.rng.IntN(len(lastNames))]
		if used[name] {
			continue
		}
		used[name] = true
		agency := g.d.Agencies[k%len(g.d.Agencies)]
		role := model.RoleMember
		switch r := g.rng.IntN(100); {
		case r < 6:
			role = model.RoleViewer
		case r < 10:
			role = model.RoleCirculation
		case r < 12:
			role = model.RoleAdmin
		}
		title := titles[agency.ID]
		if title == "" {
			title = agency.ShortName + " representative"
		}
		// Those who have moved on sat for a year or so, at any time in the
		// decade; the last few are still on the group.
		joined := g.rng.IntN(n) - 30
		left := min(joined+20+g.rng.IntN(80), n)
		if left < n && left <= 0 {
			left = 1 + g.rng.IntN(20)
		}
		add(model.Member{Name: name, AgencyID: agency.ID, Role: role, Title: title}, max(joined, 0), left)
	}
}

// sits: member k sits on the group at meeting i.
func (g *decadeGen) sits(k, i int) bool { return g.joined[k] <= i && i < g.left[k] }

// officer is someone from the agency on the group at meeting i (nil: none,
// the action rests with the agency as a whole).
func (g *decadeGen) officer(agency model.ID, i int) *model.Member {
	ks := g.byAgency[agency]
	if len(ks) == 0 {
		return nil
	}
	start := g.rng.IntN(len(ks))
	for j := range ks {
		if k := ks[(start+j)%len(ks)]; g.sits(k, i) {
			return &g.d.Members[k]
		}
	}
	return nil
}

// addHotspots: referred week by week over the decade, each walked for a
// few months; the ones referred lately are still open.
func (g *decadeGen) addHotspots(wards []Ward) {
	n := len(g.past)
	for k := range g.size.Hotspots {
		s := sites[k%len(sites)]
		w := wards[(k*7+k/len(sites))%len(wards)]
		open := min(k*(n+26)/g.size.Hotspots-26+g.rng.IntN(3), n-1)
		life := 6 + g.rng.IntN(40)
		closeAt := open + life
		switch {
		case closeAt >= n:
			closeAt = -1 // still open
		case closeAt < 1:
			closeAt = 1 + g.rng.IntN(5) // referred before the first meeting: walked at least once
		}
		problem := s.title
		if _, after, ok := strings.Cut(s.title, ": "); ok {
			problem = after
		}
		opened := g.past[0].AddDays(7 * open)
		h := model.Hotspot{ID: model.ID(k + 1), Title: w.Name + ": " + problem, Location: placeKinds[k%len(placeKinds)] + ", " + w.Name,
			Ward: w.Name, Lat: w.Lat, Lon: w.Lon, Category: s.category, Theme: s.theme, Risk: s.risk, RiskReason: s.riskReason,
			Status: model.HotspotActive, SARA: s.sara, LeadAgencyID: model.ID(1 + (k*5)%decadeAgencies), Opened: opened,
			ConfidentialNotes: s.confidential, Version: 1}
		if h.Category == model.CategoryPersonal {
			h.Part2, h.Paragraph = true, model.ParaIndividual
		}
		if open > 0 && open < n {
			h.ReferredInMeeting = model.ID(open + 1)
		}
		h.CreatedAt = g.at(opened, 11, 0)
		if open >= 0 && open < n {
			h.CreatedAt = g.at(g.past[open], 10, 50)
		}
		h.UpdatedAt, h.UpdatedBy = h.CreatedAt, chairName
		h.Incidents = g.incidents(s.risk, opened)
		g.d.Hotspots = append(g.d.Hotspots, h)
		g.hsOpen, g.hsClose = append(g.hsOpen, open), append(g.hsClose, closeAt)
	}
	g.walks = make([]int, g.size.Hotspots)
	g.reviewed = make([]model.Date, g.size.Hotspots)
}

func (g *decadeGen) incidents(r model.Risk, from model.Date) []model.IncidentCount {
	base := map[model.Risk]int{model.RiskHigh: 18, model.RiskMedium: 9, model.RiskLow: 4}[r]
	var out []model.IncidentCount
	for m := 5; m >= 0; m-- {
		t := from.Time(g.loc).AddDate(0, -m, 0)
		out = append(out, model.IncidentCount{Period: t.Format("2006-01"), Count: max(base+g.rng.IntN(base/2+2)-m/2, 0)})
	}
	return out
}

// meeting i: attendance, the previous minutes approved, the hotspot walk
// with its actions, notes and resolutions, and hotspots closed.
func (g *decadeGen) meeting(i int) {
	date := g.past[i]
	id := model.ID(i + 1)
	m := model.Meeting{ID: id, Date: date, Time: meetingTime, Place: meetingPlace, Kind: model.KindOperational,
		ChairID: g.chair.ID, State: model.MeetingClosed, ConfidentialityRead: true, NoDeclarations: true,
		OpenedAt: g.at(date, 10, 0), ClosedAt: g.at(date, 11, 45), CreatedAt: g.at(date.AddDays(-7), 11, 45), Version: 3}
	m.ConfidentialityReadAt = m.OpenedAt.Add(2 * time.Minute)
	m.UpdatedAt = m.ClosedAt
	m.NextDate, m.NextTime, m.NextPlace = g.next, meetingTime, meetingPlace
	if i+1 < len(g.past) {
		m.NextDate = g.past[i+1]
	}
	if i > 0 {
		m.PreviousMeetingID = id - 1
	}
	for k, mem := range g.d.Members {
		if !g.sits(k, i) || !mem.Role.Attends() {
			continue
		}
		st := model.Present
		switch r := g.rng.IntN(100); {
		case mem.ID == g.chair.ID || mem.ID == g.coord.ID:
		case r < 12:
			st = model.Apologies
		case r < 17:
			st = model.Absent
		}
		m.Attendance = append(m.Attendance, model.Attendee{MemberID: mem.ID, Status: st})
	}
	var open []model.Hotspot
	for k := range g.d.Hotspots {
		if g.hsOpen[k] <= i && (g.hsClose[k] < 0 || g.hsClose[k] >= i) {
			h := g.d.Hotspots[k]
			h.LastReviewed, h.TimesReviewed = g.reviewed[k], g.walks[k]
			open = append(open, h)
		}
	}
	m.Agenda = model.BuildAgenda(open, nil, nil)
	m.Current = len(m.Agenda) - 1
	clock := m.OpenedAt.Add(5 * time.Minute)
	if i > 0 {
		d := g.decision(m.ID, 0, model.ItemMinutes, fmt.Sprintf("that the minutes of the meeting held on %s be approved as a correct record and signed by the Chair", g.past[i-1].Long()), false, clock)
		m.MinutesApprovedByDecID = d.ID
	}
	clock = clock.Add(15 * time.Minute)
	walk := slices.Clone(open)
	slices.SortStableFunc(walk, model.HotspotRank)
	// The actions still to make are spread over the meetings left.
	want := (g.size.Actions - g.made) / (len(g.past) - i)
	for j, h := range walk {
		k := int(h.ID - 1)
		if g.rng.IntN(100) < 35 {
			g.note(m.ID, h.ID, model.ItemHotspot, decadeNotes[g.rng.IntN(len(decadeNotes))], false, clock)
		}
		if g.hsClose[k] == i {
			g.decision(m.ID, h.ID, model.ItemHotspot, "that the hotspot be closed", false, clock.Add(time.Minute))
		} else {
			if g.rng.IntN(100) < 12 {
				g.decision(m.ID, h.ID, model.ItemHotspot, decadeResolutions[g.rng.IntN(len(decadeResolutions))], h.Private(), clock.Add(time.Minute))
			}
			share := want / len(walk)
			if j < want%len(walk) {
				share++
			}
			for a := range share {
				g.action(i, h, clock.Add(time.Duration(2+a)*time.Second))
			}
		}
		g.walks[k]++
		g.reviewed[k] = date
		clock = clock.Add(40 * time.Second)
	}
	if len(walk) == 0 {
		for range want {
			g.action(i, model.Hotspot{}, clock)
		}
	}
	if i%3 == 0 {
		g.note(m.ID, 0, model.ItemAOB, aob[(i/3)%len(aob)], false, clock)
	}
	g.power(i, walk, m.ClosedAt.Add(-time.Minute))
	g.d.Meetings = append(g.d.Meetings, m)
}

func (g *decadeGen) decision(meeting, hotspot model.ID, item model.ItemKind, text string, part2 bool, at time.Time) model.Decision {
	d := model.Decision{ID: model.ID(len(g.d.Decisions) + 1), MeetingID: meeting, HotspotID: hotspot, Item: item, Text: text,
		Part2: part2, At: at, By: g.chair.Name, Version: 1}
	g.d.Decisions = append(g.d.Decisions, d)
	return d
}

func (g *decadeGen) note(meeting, hotspot model.ID, item model.ItemKind, text string, confidential bool, at time.Time) {
	g.d.Notes = append(g.d.Notes, model.Note{ID: model.ID(len(g.d.Notes) + 1), MeetingID: meeting, HotspotID: hotspot, Item: item,
		Text: text, Confidential: confidential, At: at, By: g.coord.Name, Version: 1})
}

// step is one change in an action's life: made in meeting (index, -1 for
// none: news from its agency between meetings) at a time.
type step struct {
	meeting int
	at      time.Time
	kind    model.UpdateKind
	to      model.ActionStatus
	due     model.Date
	text    string
}

// action makes one action at meeting i and lives its life: the steps that
// fall before today happen; the hotspot's closing cancels what is left.
func (g *decadeGen) action(i int, h model.Hotspot, at time.Time) {
	g.made++
	id := model.ID(g.made)
	n := len(g.past)
	plan := sites[int(id)%len(sites)].plans
	p := plan[int(id/7)%len(plan)]
	agency := model.ID(1 + g.rng.IntN(decadeAgencies))
	if g.rng.IntN(3) > 0 {
		agency = h.LeadAgencyID
	}
	if agency == 0 {
		agency = model.ID(1 + g.rng.IntN(decadeAgencies))
	}
	a := model.Action{ID: id, HotspotID: h.ID, Text: p.text, AgencyID: agency, Status: model.StatusOpen, Intervention: p.intervention,
		CreatedMeetingID: model.ID(i + 1), CreatedAt: at, CreatedBy: g.chair.Name, UpdatedAt: at, UpdatedBy: g.chair.Name, Version: 1}
	rep := g.officer(agency, i)
	if rep != nil && g.rng.IntN(4) > 0 {
		a.Officer = rep.Name
	}
	a.Due = g.next
	if i+1 < n {
		a.Due = g.past[i+1]
	}
	if g.rng.IntN(3) == 0 {
		a.Due = g.past[i].AddDays(14)
	}
	g.update(model.ActionUpdate{ActionID: id, At: at, By: g.chair.Name, ByID: g.chair.ID, Kind: model.UpdateCreated,
		ToStatus: model.StatusOpen, ToDue: a.Due, MeetingID: a.CreatedMeetingID})

	review := func(k int) step { // matters arising, k meetings on
		return step{meeting: i + k, at: g.at(g.past[min(i+k, n-1)], 10, 10+int(id%20))}
	}
	between := func(days, hour int) step { // news from the agency
		return step{meeting: -1, at: g.at(g.past[i].AddDays(days), hour, int(id%50))}
	}
	var steps []step
	with := func(s step, kind model.UpdateKind, to model.ActionStatus, text string) step {
		s.kind, s.to, s.text = kind, to, text
		return s
	}
	carried := func(k, weeks int) step {
		s := review(k)
		s.kind, s.due, s.text = model.UpdateDue, g.past[min(i+k, n-1)].AddDays(7*weeks), "Carried forward: partners need more time."
		return s
	}
	switch fates[int(id)%len(fates)] {
	case getDone:
		steps = append(steps, with(between(3, 14), model.UpdateStatus, model.StatusInProgress, progress[int(id)%len(progress)]),
			with(between(5, 9), model.UpdateNote, "", repNotes[int(id)%len(repNotes)]),
			with(review(1), model.UpdateStatus, model.StatusDone, "Completed; reported back to the group."))
	case goInProgress:
		steps = append(steps, with(between(2, 15), model.UpdateStatus, model.StatusInProgress, progress[int(id)%len(progress)]),
			with(between(9, 11), model.UpdateNote, "", repNotes[int(id)%len(repNotes)]),
			with(between(16, 16), model.UpdateStatus, model.StatusDone, "Done: "+repNotes[int(id+1)%len(repNotes)]))
	case stayOpen:
		steps = append(steps, carried(1, 2), with(between(10, 10), model.UpdateNote, "", repNotes[int(id)%len(repNotes)]),
			with(review(3), model.UpdateStatus, model.StatusDone, "Completed; reported back to the group."))
	case getBlocked:
		steps = append(steps, with(between(4, 12), model.UpdateStatus, model.StatusBlocked, blocked[int(id)%len(blocked)]),
			with(review(1), model.UpdateReview, "", ""),
			with(review(2), model.UpdateStatus, model.StatusInProgress, "Unblocked: the partner has agreed to go ahead."),
			with(review(4), model.UpdateStatus, model.StatusDone, "Completed; reported back to the group."))
	case getCancelled:
		steps = append(steps, with(review(1), model.UpdateStatus, model.StatusCancelled, "No longer needed: superseded by a later action."))
	case carryForward:
		steps = append(steps, carried(1, 2), with(between(9, 14), model.UpdateStatus, model.StatusInProgress, progress[int(id)%len(progress)]),
			with(review(3), model.UpdateStatus, model.StatusDone, "Completed; reported back to the group."))
	}
	// Enough extra news from agencies to make a decade's history.
	if g.made*g.size.Updates/g.size.Actions > len(g.d.Updates)+len(steps)+1 {
		steps = append(steps[:1:1], append([]step{with(between(1, 17), model.UpdateNote, "", repNotes[int(id+3)%len(repNotes)])}, steps[1:]...)...)
	}
	for k, s := range steps {
		if s.meeting < 0 && rep == nil {
			// Nobody from the agency sits on the group to give news: the
			// chair records it at the next meeting instead.
			next := i + 1 + int(s.at.Sub(g.at(g.past[i], 10, 0)).Hours())/(24*7)
			steps[k].meeting, steps[k].at = next, g.at(g.past[min(next, n-1)], 10, 30+int(id%20))
		}
	}
	slices.SortStableFunc(steps, func(x, y step) int { return x.at.Compare(y.at) })
	closeAt := -1
	if h.ID != 0 {
		closeAt = g.hsClose[h.ID-1]
	}
	for _, s := range steps {
		if closeAt >= 0 && (s.meeting >= closeAt || (s.meeting < 0 && !s.at.Before(g.at(g.past[closeAt], 10, 0)))) {
			break // the hotspot closed first
		}
		if s.meeting >= n || (s.meeting < 0 && !s.at.Before(g.at(g.today, 0, 0))) {
			break // not yet happened
		}
		g.apply(&a, s, rep)
	}
	if closeAt >= 0 && !a.Status.IsClosed() {
		g.apply(&a, step{meeting: closeAt, at: g.at(g.past[closeAt], 10, 59), kind: model.UpdateStatus, to: model.StatusCancelled,
			text: "Hotspot closed: the problem has been resolved."}, rep)
	}
	g.d.Actions = append(g.d.Actions, a)
}

// apply makes one step of an action's life, as the store would record it.
func (g *decadeGen) apply(a *model.Action, s step, rep *model.Member) {
	u := model.ActionUpdate{ActionID: a.ID, At: s.at, Kind: s.kind, Text: s.text, By: g.chair.Name, ByID: g.chair.ID}
	if s.meeting >= 0 {
		u.MeetingID = model.ID(s.meeting + 1)
	} else if rep != nil {
		u.By, u.ByID = rep.Name, rep.ID
	} else {
		return // nobody from the agency to give news
	}
	switch s.kind {
	case model.UpdateStatus:
		if a.Status == s.to || model.CheckStatusChange(a.Status, s.to, s.text) != nil {
			return
		}
		u.FromStatus, u.ToStatus = a.Status, s.to
		a.Status = s.to
		if s.to == model.StatusDone {
			a.CompletedOn, a.CompletedAt = model.DateOf(s.at), s.at
			a.CompletionNote = s.text
		}
	case model.UpdateDue:
		if a.Status.IsClosed() {
			return
		}
		u.FromDue, u.ToDue = a.Due, s.due
		a.Due = s.due
	case model.UpdateReview:
		u.FromStatus, u.ToStatus = a.Status, a.Status
	case model.UpdateNote:
		if a.Status.IsClosed() {
			return
		}
	}
	if u.MeetingID == 0 && strings.TrimSpace(u.Text) != "" {
		a.LastUpdate, a.LastUpdateAt, a.LastUpdateBy = u.Describe(), u.At, u.By
	}
	a.UpdatedAt, a.UpdatedBy = u.At, u.By
	a.Version++
	g.update(u)
}

func (g *decadeGen) update(u model.ActionUpdate) {
	g.d.Updates = append(g.d.Updates, u)
}

// finish: hotspots as they stand today, updates numbered in the order they
// happened, and the next meeting planned.
func (g *decadeGen) finish() {
	n := len(g.past)
	for k := range g.d.Hotspots {
		h := &g.d.Hotspots[k]
		h.LastReviewed, h.TimesReviewed = g.reviewed[k], g.walks[k]
		if c := g.hsClose[k]; c >= 0 {
			h.Status, h.Closed, h.CloseReason = model.HotspotClosed, g.past[c], "The problem has been resolved: no reports for two months."
			h.Version++
		} else if g.hsOpen[k] >= n {
			h.LastReviewed = model.Date{}
		}
		if g.walks[k] > 0 {
			// Each meeting that walked it marked it reviewed as it closed
			// (the one that closed it too, after the close).
			h.UpdatedAt, h.UpdatedBy = g.at(h.LastReviewed, 11, 45), chairName
			h.Version += g.walks[k]
		}
	}
	slices.SortStableFunc(g.d.Updates, func(a, b model.ActionUpdate) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return int(a.ActionID - b.ActionID)
	})
	for k := range g.d.Updates {
		g.d.Updates[k].ID = model.ID(k + 1)
	}
	last := g.past[n-1]
	g.d.Meetings = append(g.d.Meetings, model.Meeting{ID: model.ID(n + 1), Date: g.next, Time: meetingTime,
		Place: meetingPlace, Kind: model.KindOperational, ChairID: g.chair.ID, State: model.MeetingPlanned,
		CreatedAt: g.at(last, 11, 45), UpdatedAt: g.at(last, 11, 45), Version: 1})
}
