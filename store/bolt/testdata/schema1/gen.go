//go:build ignore

// gen makes schema1.db.gz: a database written by the release before minutes
// were frozen at close (schema 1), for the upgrade test. It was run once at
// commit "clock: TASKING_NOW pins …" with
//
//	go run ./store/bolt/testdata/schema1/gen.go
//
// and is kept only to say how the file was made: it will not build against
// later stores. The story: the demo partnership on Tue 24 Nov 2026; that
// day's meeting (M-7) assigns an action, resolves, notes, raises a risk and
// closes; two days later reps finish and move actions both meetings
// reviewed, the chair closes a hotspot and amends a decision.
package main

import (
	"compress/gzip"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/ccsp/tasking/demo"
	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
	bolt "go.etcd.io/bbolt"
)

func main() {
	dir, err := os.MkdirTemp("", "schema1")
	must(err)
	defer os.RemoveAll(dir)
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	path := filepath.Join(dir, "tasking.db")
	s, err := store.Open(path, store.Options{Now: clock})
	must(err)
	d, err := demo.Build(model.DateOf(now), demo.Small, time.UTC)
	must(err)
	must(s.Seed(model.SystemActor("demo"), d))
	members, err := s.Members()
	must(err)
	who := func(name string) model.Actor {
		m, err := model.FindMember(members, name)
		must(err)
		return model.ActorFor(m)
	}
	chair, police, housing := who("Helen Marsh"), who("Sgt Jas Patel"), who("Gary Fletcher")

	// The meeting of 24 Nov, M-7.
	m, err := s.StartMeeting(chair, model.DateOf(now))
	must(err)
	must2(s.MarkRemainingPresent(chair, m.ID))
	must2(s.RecordConfidentiality(chair, m.ID))
	must2(s.SetNoDeclarations(chair, m.ID))
	must2(s.ApprovePreviousMinutes(chair, m.ID))
	rec, err := s.MeetingRecord(m.ID)
	must(err)
	var reviewed []model.Action
	for _, a := range rec.MattersArising() {
		if len(reviewed) < 4 && (a.AgencyID == police.AgencyID || a.AgencyID == housing.AgencyID) {
			now = now.Add(time.Minute)
			a2, err := s.MarkReviewed(chair, a.ID, m.ID)
			must(err)
			reviewed = append(reviewed, a2)
		}
	}
	must2(s.GoToItem(chair, m.ID, 4))
	hs := m.Agenda[4].HotspotID
	now = now.Add(5 * time.Minute)
	must2(s.AssignAction(chair, model.NewAction{HotspotID: hs, Text: "Weekend patrols at the bus station", AgencyID: police.AgencyID,
		Officer: "PC Lee Barker", Due: model.DateOf(now).AddDays(7), MeetingID: m.ID}))
	must2(s.RecordDecision(chair, m.ID, model.ItemHotspot, hs, "that a dispersal authorisation be sought for the weekend", false))
	h, err := s.Hotspot(hs)
	must(err)
	must2(s.SetHotspotRisk(chair, hs, h.Version, model.RiskMedium, "Fewer calls since the patrols began", m.ID))
	must2(s.AddNote(chair, m.ID, model.ItemHotspot, hs, "Calls down a third on last month", false))
	must2(s.SetNextMeeting(chair, m.ID, nil, model.DateOf(now).AddDays(7), "10:00", ""))
	now = now.Add(80 * time.Minute)
	must2(s.CloseMeeting(chair, m.ID))

	// Two days later: everything that could make the old minutes drift.
	now = now.Add(48 * time.Hour)
	for _, a := range reviewed {
		actor := police
		if a.AgencyID == housing.AgencyID {
			actor = housing
		}
		cur, err := s.Action(a.ID)
		must(err)
		if cur.Status.IsClosed() {
			continue
		}
		now = now.Add(time.Minute)
		cur, err = s.SetActionStatus(actor, a.ID, cur.Version, model.StatusDone, "Finished after the meeting", 0)
		must(err)
		break
	}
	for _, a := range reviewed[1:] {
		cur, err := s.Action(a.ID)
		must(err)
		if cur.Status.IsClosed() {
			continue
		}
		actor := police
		if a.AgencyID == housing.AgencyID {
			actor = housing
		}
		now = now.Add(time.Minute)
		must2(s.ChangeDue(actor, a.ID, cur.Version, model.DateOf(now).AddDays(30), "Waiting for the rota", 0))
		break
	}
	h, err = s.Hotspot(hs)
	must(err)
	must2(s.CloseHotspot(chair, hs, h.Version, "Problem solved", 0))
	rec, err = s.MeetingRecord(m.ID)
	must(err)
	for _, dec := range rec.Decisions {
		if dec.MeetingID == m.ID && dec.HotspotID == hs {
			must2(s.Amend(chair, dec.Ref(), "that a dispersal authorisation be sought for both weekend nights", "The chair's wording was shortened"))
		}
	}
	must(s.Close())

	// Compact (bbolt files grow in 16 MB steps) and gzip.
	db, err := bolt.Open(path, 0o600, nil)
	must(err)
	small, err := bolt.Open(filepath.Join(dir, "small.db"), 0o600, nil)
	must(err)
	must(bolt.Compact(small, db, 0))
	must(db.Close())
	must(small.Close())
	in, err := os.Open(filepath.Join(dir, "small.db"))
	must(err)
	out, err := os.Create("store/bolt/testdata/schema1/schema1.db.gz")
	must(err)
	zw := gzip.NewWriter(out)
	_, err = io.Copy(zw, in)
	must(err)
	must(zw.Close())
	must(out.Close())
	log.Printf("meeting %s closed; wrote store/bolt/testdata/schema1/schema1.db.gz", m.Ref())
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func must2[T any](_ T, err error) {
	if err != nil {
		log.Fatal(err)
	}
}
