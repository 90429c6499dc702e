package storetest

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// A new record is empty until it is set up; setting it up makes the
// partnership, its agencies and its chair, once.
func testSetupMakesTheRecordOnce(t *testing.T, open Backend) {
	clock := &fixedClock{t: at(9, 0)}
	s := open(t, clock.now)
	if empty, err := s.IsEmpty(); err != nil || !empty {
		t.Fatalf("a new record: empty %v, %v", empty, err)
	}
	if _, err := s.Partnership(); !errors.Is(err, store.ErrNoPartnership) {
		t.Errorf("the partnership of a new record: %v", err)
	}
	in := store.SetupInput{
		Partnership: model.Partnership{Name: "Readshire CSP"},
		Agencies:    []model.Agency{{Name: "Readshire Council", ShortName: "Council"}, {Name: "Readshire Police", ShortName: "Police"}},
		ChairName:   "Cllr Ann Chair", ChairAgency: 1,
	}
	c, err := s.Setup(in)
	mustNoErr(t, err)
	if c.Role != model.RoleChair || c.Name != "Cllr Ann Chair" || c.AgencyID != 2 {
		t.Errorf("the chair: %+v", c)
	}
	if empty, err := s.IsEmpty(); err != nil || empty {
		t.Errorf("after setup: empty %v, %v", empty, err)
	}
	p, err := s.Partnership()
	mustNoErr(t, err)
	if p.Name != "Readshire CSP" || p.ChairID != c.ID {
		t.Errorf("the partnership: %+v", p)
	}
	ags, err := s.Agencies()
	mustNoErr(t, err)
	if len(ags) != 2 || ags[0].ShortName != "Council" || ags[1].ShortName != "Police" {
		t.Errorf("the agencies, in order: %+v", ags)
	}
	if _, err := s.Setup(in); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("a second setup: %v", err)
	}
	if err := s.Seed(model.SystemActor("test"), tinyDataset(clock.t)); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("a seed over a record set up: %v", err)
	}
	if !s.Now().Equal(clock.t) || s.Today() != model.DateOf(clock.t) {
		t.Errorf("the record's clock: %s, %s", s.Now(), s.Today())
	}
	// Nothing to tell the person about a new record, and no meeting has
	// closed to be backed up after.
	if n := s.Notices(); len(n) != 0 {
		t.Errorf("a new record's notices: %q", n)
	}
	if path, err := s.LastAutoBackup(); path != "" || err != nil {
		t.Errorf("the last automatic backup of a new record: %q, %v", path, err)
	}
}

// Every read answers from what was written: lists in their order, a
// meeting found by ref, date or "latest", a hotspot's page and history,
// the streaming read the exports use, home (shared after a change, and as
// a public-only reader sees it), the audit trail asked about one action
// and its chain, incident counts.
func testReadsAnswerFromTheRecord(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	changes, stop := s.Subscribe()
	defer stop()
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	patrols, err := s.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Joint patrols", AgencyID: 2, Due: m.Date.AddDays(14), MeetingID: m.ID})
	mustNoErr(t, err)
	closure, err := s.AssignAction(chair, model.NewAction{Text: "Closure of 4 Mill Lane", AgencyID: 2, Due: m.Date.AddDays(-3), Confidential: true})
	mustNoErr(t, err)
	dec, err := s.RecordDecision(chair, m.ID, "", 1, "that patrols continue", false)
	mustNoErr(t, err)
	clock.t = clock.t.Add(time.Minute)
	patrols, err = s.AddActionNote(sgt, patrols.ID, patrols.Version, "First patrol done", m.ID)
	mustNoErr(t, err)
	_, err = s.SetNextMeeting(chair, m.ID, nil, m.Date.AddDays(7), "", "")
	mustNoErr(t, err)

	// Lists, in the order the screens rely on.
	hs, err := s.Hotspots()
	mustNoErr(t, err)
	if len(hs) != 2 || hs[0].ID != 1 || hs[1].ID != 2 {
		t.Errorf("hotspots, high risk first: %v", refs(hs, model.Hotspot.Ref))
	}
	of, err := s.HotspotsOf([]model.ID{2, 0, 2})
	mustNoErr(t, err)
	if len(of) != 1 || of[2].Title != "Rec ground" {
		t.Errorf("HotspotsOf 2, 0 and 2: %+v", of)
	}
	ms, err := s.Meetings()
	mustNoErr(t, err)
	if len(ms) != 1 || ms[0].ID != m.ID {
		t.Errorf("meetings: %v", refs(ms, model.Meeting.Ref))
	}
	for _, ref := range []string{"latest", m.Ref(), m.Date.String()} {
		if got, err := s.ResolveMeeting(ref); err != nil || got.ID != m.ID {
			t.Errorf("meeting %q: %s, %v", ref, got.Ref(), err)
		}
	}
	for _, ref := range []string{"M-99", "2020-01-01", "next tuesday"} {
		if got, err := s.ResolveMeeting(ref); err == nil {
			t.Errorf("meeting %q found %s", ref, got.Ref())
		}
	}
	if d, err := s.NextMeetingDate(); err != nil || d != m.Date.AddDays(7) {
		t.Errorf("next meeting: %s, %v; the meeting under way fixed %s", d, err, m.Date.AddDays(7))
	}

	// The streaming read gives what Actions gives, with each history.
	f := model.ActionFilter{Today: s.Today()}
	want, err := s.Actions(f)
	mustNoErr(t, err)
	var got []model.Action
	err = s.EachAction(f, true, func(a model.Action, h []model.ActionUpdate) error {
		got = append(got, a)
		hist, err := s.ActionHistory(a.ID)
		mustNoErr(t, err)
		if len(h) != len(hist) {
			t.Errorf("%s: EachAction's history has %d updates, ActionHistory's %d", a.Ref(), len(h), len(hist))
		}
		return nil
	})
	mustNoErr(t, err)
	if !slices.Equal(refs(got, model.Action.Ref), refs(want, model.Action.Ref)) || len(want) != 2 || want[0].ID != closure.ID {
		t.Errorf("EachAction %v, Actions %v (overdue first)", refs(got, model.Action.Ref), refs(want, model.Action.Ref))
	}

	// A hotspot's page and its history.
	h, rec, err := s.HotspotRecord(1)
	mustNoErr(t, err)
	if h.ID != 1 || actionIn(rec, patrols.ID).ID == 0 || decisionIn(rec, dec.ID).ID == 0 || actionIn(rec, closure.ID).ID != 0 {
		t.Errorf("HS-1's page: %s with actions %v and decisions %v", h.Ref(), refs(rec.Actions, model.Action.Ref), refs(rec.Decisions, model.Decision.Ref))
	}
	hist, err := s.HotspotHistory(0, 1, 10)
	mustNoErr(t, err)
	if !slices.ContainsFunc(hist, func(e model.HistoryEntry) bool { return strings.Contains(e.Text, "patrols continue") }) {
		t.Errorf("HS-1's history has no resolution: %+v", hist)
	}
	if _, _, err := s.HotspotRecord(99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("HS-99's page: %v", err)
	}

	// Home, shared by everyone told of a change, and as a public-only
	// reader sees it: the private action is not counted there.
	var last store.Change
	for len(changes) > 0 {
		last = <-changes
	}
	if last.Tx == 0 {
		t.Fatal("no change was published with its commit")
	}
	home, err := s.HomeSince(last.Tx)
	mustNoErr(t, err)
	if home.Open == nil || home.Open.ID != m.ID || home.OpenActions != 2 || home.OverdueActions != 1 {
		t.Errorf("home: open %v, %d open actions, %d overdue", home.Open, home.OpenActions, home.OverdueActions)
	}
	if fresh, err := s.Home(); err != nil || fresh.OpenActions != home.OpenActions {
		t.Errorf("home read afresh: %d open actions, %v", fresh.OpenActions, err)
	}
	pub, err := s.PublicHome()
	mustNoErr(t, err)
	if pub.OpenActions != 1 || pub.OverdueActions != 0 {
		t.Errorf("public home counts private business: %d open, %d overdue", pub.OpenActions, pub.OverdueActions)
	}

	// The audit trail, asked about one action, oldest first; its chain
	// holds, ending at the newest event.
	var about []model.AuditEvent
	mustNoErr(t, s.AuditHistory(model.AuditQuery{Action: patrols.Ref()}, func(e model.AuditEvent) error {
		about = append(about, e)
		return nil
	}))
	if len(about) != 2 || about[0].Op != model.OpActionAssign || about[1].Op != model.OpActionNote {
		t.Errorf("the trail of %s: %v", patrols.Ref(), ops(about))
	}
	newest, err := s.AuditEvents(1)
	mustNoErr(t, err)
	r, err := s.VerifyChain()
	mustNoErr(t, err)
	if len(r.Problems) != 0 || r.Head.Event != newest[0].ID || r.Events != int(newest[0].ID) {
		t.Errorf("the chain: %d events, head %s, problems %v; newest event %d", r.Events, r.Head, r.Problems, newest[0].ID)
	}

	// Incident counts: an import replaces the same force, month and type.
	b := model.IncidentBatch{Force: "Testshire Police", Month: model.NewMonth(2026, 9), Category: model.CategoryASB, File: "2026-09.csv", Incidents: 3, Places: 1}
	row := model.IncidentRow{Month: b.Month, Force: b.Force, Category: b.Category, Count: 3,
		Place: model.Place{LSOA: "E01019001", LSOAName: "Testshire 001A", Location: "On or near High Street", Street: true}}
	for range 2 {
		_, err = s.ImportIncidents(sgt, []model.IncidentBatch{b}, []model.IncidentRow{row})
		mustNoErr(t, err)
	}
	batches, err := s.IncidentBatches()
	mustNoErr(t, err)
	rows, err := s.Incidents(model.IncidentFilter{Month: b.Month, By: model.ByLocation})
	mustNoErr(t, err)
	if len(batches) != 1 || len(rows) != 1 || rows[0].Count != 3 {
		t.Errorf("after importing a month twice: %d batches, counts %+v", len(batches), rows)
	}
	if rows, _ := s.Incidents(model.IncidentFilter{Month: model.NewMonth(2026, 8), By: model.ByLocation}); len(rows) != 0 {
		t.Errorf("a month not imported has counts %+v", rows)
	}
	// The places counted are what a hotspot links to; a linked hotspot's
	// trend is its places' counts, one without links has none.
	places, err := s.IncidentPlaces()
	mustNoErr(t, err)
	if !slices.ContainsFunc(places, func(p model.PlaceSeries) bool { return p.Place.LSOA == row.Place.LSOA && !p.Place.Street }) {
		t.Errorf("the places counted: %+v", places)
	}
	_, err = s.LinkHotspotArea(chair, 1, 0, model.HotspotArea{Kind: model.AreaLSOA, Code: row.Place.LSOA}, 0)
	mustNoErr(t, err)
	trends, err := s.HotspotTrends([]model.ID{1, 2})
	mustNoErr(t, err)
	if tr, ok := trends[1]; !ok || tr.Total() != 3 || len(trends) != 1 {
		t.Errorf("trends of HS-1 (linked, 3 counted) and HS-2 (not): %+v", trends)
	}

	// A backup holds every private word: whatever the engine, only those
	// the rules allow may take one.
	var pe *model.PermissionError
	if _, err := s.Backup(viewer, discard{}); !errors.As(err, &pe) {
		t.Errorf("a viewer's backup: %v", err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func refs[T any](xs []T, ref func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = ref(x)
	}
	return out
}

func ops(es []model.AuditEvent) []model.Op {
	out := make([]model.Op, len(es))
	for i, e := range es {
		out[i] = e.Op
	}
	return out
}
