package demo

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/bolt"
)

var today = model.MustDate("2026-11-24")

func TestDemoMeetsTheBrief(t *testing.T) {
	d, err := Build(today, Small, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	wards, err := Wards()
	if err != nil || len(wards) != 16 {
		t.Fatalf("wards: %d, %v", len(wards), err)
	}
	realWard := map[string]bool{}
	for _, w := range wards {
		realWard[w.Name] = true
	}
	if len(d.Agencies) < 12 {
		t.Errorf("%d agencies, want at least 12", len(d.Agencies))
	}
	if len(d.Members) < 25 {
		t.Errorf("%d members, want at least 25", len(d.Members))
	}
	roles := map[model.Role]int{}
	agenciesWithMembers := map[model.ID]bool{}
	for _, m := range d.Members {
		roles[m.Role]++
		agenciesWithMembers[m.AgencyID] = true
		if m.AgencyID == 0 || m.Title == "" {
			t.Errorf("member %s has no agency or title", m.Name)
		}
	}
	if roles[model.RoleChair] != 1 || roles[model.RoleAdmin] < 1 || roles[model.RoleViewer] < 1 || roles[model.RoleMember] < 20 {
		t.Errorf("roles = %v", roles)
	}
	if len(agenciesWithMembers) != len(d.Agencies) {
		t.Errorf("only %d of %d agencies have members", len(agenciesWithMembers), len(d.Agencies))
	}
	if n := len(d.Hotspots); n < 10 || n > 15 {
		t.Errorf("%d hotspots, want 10–15", n)
	}
	cats, risks := map[model.Category]bool{}, map[model.Risk]bool{}
	for _, h := range d.Hotspots {
		if !realWard[h.Ward] {
			t.Errorf("%s is in %q, not a Chesterfield ward", h.Ref(), h.Ward)
		}
		if h.LeadAgencyID == 0 || h.Category == "" || h.Theme == "" {
			t.Errorf("%s lacks lead agency, category or theme", h.Ref())
		}
		cats[h.Category], risks[h.Risk] = true, true
	}
	if len(cats) != 3 || len(risks) != 3 {
		t.Errorf("categories %v risks %v: want every kind", cats, risks)
	}
	past := 0
	for _, m := range d.Meetings {
		if m.State == model.MeetingClosed {
			past++
			if !m.Date.Before(today) {
				t.Errorf("past meeting %s on %s is not in the past", m.Ref(), m.Date)
			}
		}
	}
	if past < 6 {
		t.Errorf("%d past meetings, want 6+", past)
	}
	statuses := map[model.ActionStatus]int{}
	overdue := 0
	for _, a := range d.Actions {
		statuses[a.Status]++
		if a.IsOverdue(today) {
			overdue++
		}
	}
	for _, st := range model.ActionStatuses {
		if statuses[st] == 0 {
			t.Errorf("no action is %s: %v", st, statuses)
		}
	}
	if overdue == 0 {
		t.Error("no action is overdue")
	}
	meetingsWithDecisions := map[model.ID]bool{}
	for _, dec := range d.Decisions {
		meetingsWithDecisions[dec.MeetingID] = true
	}
	if len(meetingsWithDecisions) < past {
		t.Errorf("decisions in %d of %d past meetings", len(meetingsWithDecisions), past)
	}
	for _, u := range d.Updates {
		if model.DateOf(u.At).After(today) {
			t.Errorf("update %d is dated in the future (%s)", u.ID, u.At)
		}
	}
}

// Every hotspot, member and agency says who last changed it and when, as
// anything changed in the app does: a refused save names them, and the
// clock rule has a time to keep after. A hotspot was last changed when the
// last meeting that walked it closed (by the chair), never before it was
// made or reviewed, nor after today.
func TestDemoRecordsCarryTheirChangeStamp(t *testing.T) {
	d, _ := Build(today, Small, time.UTC)
	stamped := func(what string, by string, at, notBefore time.Time) {
		t.Helper()
		if by == "" || at.IsZero() || at.Before(notBefore) || model.DateOf(at).After(today) {
			t.Errorf("%s was last changed by %q at %s (not before %s)", what, by, at, notBefore)
		}
	}
	for _, a := range d.Agencies {
		stamped(a.Name, a.UpdatedBy, a.UpdatedAt, d.Partnership.CreatedAt)
	}
	for _, m := range d.Members {
		stamped(m.Name, m.UpdatedBy, m.UpdatedAt, d.Partnership.CreatedAt)
	}
	for _, h := range d.Hotspots {
		stamped(h.Ref(), h.UpdatedBy, h.UpdatedAt, h.CreatedAt)
		if !h.LastReviewed.IsZero() && model.DateOf(h.UpdatedAt).Before(h.LastReviewed) {
			t.Errorf("%s was reviewed on %s but last changed on %s", h.Ref(), h.LastReviewed, h.UpdatedAt)
		}
	}
}

func TestDemoIsDeterministicAndLoads(t *testing.T) {
	a, _ := Build(today, Small, time.UTC)
	b, _ := Build(today, Small, time.UTC)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds for the same day differ")
	}
	s, err := bolt.Open(filepath.Join(t.TempDir(), "demo.db"), bolt.Options{Now: func() time.Time { return today.Time(time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Seed(model.SystemActor("demo"), a); err != nil {
		t.Fatal(err)
	}
	if err := s.Seed(model.SystemActor("demo"), a); err != store.ErrNotEmpty {
		t.Fatalf("second load: %v, want ErrNotEmpty", err)
	}
	h, err := s.Home()
	if err != nil {
		t.Fatal(err)
	}
	if h.Next == nil || h.Next.Date != today || h.LastClosed == nil || h.OverdueActions == 0 {
		t.Fatalf("home: next %v last %v overdue %d", h.Next, h.LastClosed, h.OverdueActions)
	}
	// Every past meeting's record reads back with matters arising and items.
	for _, m := range a.Meetings {
		rec, err := s.MeetingRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.State == model.MeetingClosed && m.ID > 1 && len(rec.MattersArising()) == 0 {
			t.Errorf("%s has no matters arising", m.Ref())
		}
	}
	if err := s.CheckPages(); err != nil {
		t.Fatal(err)
	}
}

func TestLargeScaleBuilds(t *testing.T) {
	d, err := Build(today, Large, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Meetings) < 52 || len(d.Hotspots) < 60 {
		t.Fatalf("large: %d meetings, %d hotspots", len(d.Meetings), len(d.Hotspots))
	}
}

// The demo has an ASB case review at each stage of the flow, private from
// the start: one answered, one decided and waiting for its answer, one
// received and waiting for its decision. Each meeting that had one before
// it has the case reviews item in Part 2, its frozen record holds them as
// they stood that day, and the meeting planned lists the two still open.
func TestDemoHasCaseReviewsAtEveryStage(t *testing.T) {
	d, err := Build(today, Small, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var stages []model.CaseReviewStage
	for _, c := range d.CaseReviews {
		stages = append(stages, c.Stage())
		if !c.Private || c.Paragraph != model.ParaIndividual {
			t.Errorf("%s is not private under paragraph 1: %+v", c.Ref(), c.Privacy)
		}
		if _, err := model.CheckApplicantRef(c.ApplicantRef); err != nil {
			t.Errorf("%s: %v", c.Ref(), err)
		}
	}
	if fmt.Sprint(stages) != "[answered decided received]" {
		t.Fatalf("stages %v", stages)
	}
	s, err := bolt.Open(filepath.Join(t.TempDir(), "demo.db"), bolt.Options{Now: func() time.Time { return today.Time(time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Seed(model.SystemActor("demo"), d); err != nil {
		t.Fatal(err)
	}
	withItem := 0
	for _, m := range d.Meetings {
		rec, err := s.MeetingRecord(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, c := range d.CaseReviews {
			if c.OnRecordOf(m.Date) {
				want = append(want, c.Ref()+" "+string(c.AsOf(m.Date).Stage()))
			}
		}
		var got []string
		for _, c := range rec.CaseReviews {
			got = append(got, c.Ref()+" "+string(c.Stage()))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s (%s) holds %v, want %v", m.Ref(), m.Date, got, want)
		}
		if rec.Meeting.HasCaseReviewsItem() != (len(want) > 0) {
			t.Errorf("%s: case reviews item on the agenda %v, with %v", m.Ref(), rec.Meeting.HasCaseReviewsItem(), want)
		}
		if len(want) > 0 {
			withItem++
		}
	}
	// The answered one in its answering meeting, decided (not answered) in
	// the one before; the planned meeting has the two open.
	if withItem < 4 {
		t.Errorf("%d meetings have case reviews, want the last four and the one planned", withItem)
	}
	if err := s.CheckPages(); err != nil {
		t.Fatal(err)
	}
}

// The demo has powers whose clocks a new user sees flagged (a PSPO's
// review due, a CPN's appeal window) and one that has run its course (a
// dispersal), those against people private; and a closed meeting's frozen
// minutes list a power that was in force then.
func TestDemoHasPowersWithTheirClocks(t *testing.T) {
	d, err := Build(today, Small, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	now := today.Time(time.UTC).Add(10 * time.Hour)
	var clocks []string
	for _, p := range d.Powers {
		c, flagged := p.Flag(now)
		clocks = append(clocks, fmt.Sprintf("%s %s %v", p.Kind, c.What, flagged))
		if p.Kind.AboutPeople() && !p.Private {
			t.Errorf("%s against a person is not private", p.Ref())
		}
	}
	if want := "[pspo review due true cpn appeal window closes true dispersal  false]"; fmt.Sprint(clocks) != want {
		t.Errorf("clocks %v, want %s", clocks, want)
	}
	s, err := bolt.Open(filepath.Join(t.TempDir(), "demo.db"), bolt.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Seed(model.SystemActor("demo"), d); err != nil {
		t.Fatal(err)
	}
	last := d.Meetings[len(d.Meetings)-2] // the last closed
	rec, err := s.MeetingRecord(last.ID)
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, p := range rec.Powers {
		in = append(in, p.Ref())
	}
	if fmt.Sprint(in) != "[P-1]" { // the PSPO; the dispersal had ended, the CPN came after
		t.Errorf("%s's frozen record holds powers %v", last.Ref(), in)
	}
}
