package pg_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/record"
	"github.com/ccsp/tasking/store"
	"github.com/ccsp/tasking/store/pg/pgtest"
	"github.com/jackc/pgx/v5"
)

// Two processes on one database (two `tasking serve`s, say), each its own
// Store with its own connections.

var (
	chair = model.Actor{MemberID: 1, Name: "Cllr Ann Chair", Role: model.RoleChair, AgencyID: 1}
	sgt   = model.Actor{MemberID: 2, Name: "Sgt Jas Patel", Role: model.RoleMember, AgencyID: 2}
)

func twoServers(t *testing.T) (a, b *record.Store) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local) }
	dsn := pgtest.DSN(t)
	a = openStore(t, dsn, now)
	err := a.Seed(model.SystemActor("test"), store.Dataset{
		Partnership: model.Partnership{Name: "Testshire CSP", DefaultPlace: "Committee Room 1", ChairID: 1},
		Agencies: []model.Agency{
			{ID: 1, Name: "Council Community Safety", ShortName: "Community Safety", Version: 1},
			{ID: 2, Name: "Testshire Police", ShortName: "Police", Version: 1},
		},
		Members: []model.Member{
			{ID: 1, Name: chair.Name, AgencyID: 1, Role: model.RoleChair, Version: 1},
			{ID: 2, Name: sgt.Name, AgencyID: 2, Role: model.RoleMember, Version: 1},
		},
		Hotspots: []model.Hotspot{{ID: 1, Title: "Town centre", Ward: "Spire", Category: model.CategoryNuisance,
			Risk: model.RiskHigh, Status: model.HotspotActive, LeadAgencyID: 2, Opened: model.DateOf(now()).AddDays(-60), Version: 1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return a, openStore(t, dsn, now)
}

// A change saved through one server reaches the other's feed, after its
// commit, with what a screen needs to know (whose record, its ref), and
// the other server reads it.
func TestAChangeReachesTheOtherServersFeed(t *testing.T) {
	a, b := twoServers(t)
	feed, stop := b.Subscribe()
	defer stop()
	if h, err := b.Home(); err != nil || h.OpenActions != 0 {
		t.Fatalf("home before: %d open actions, %v", h.OpenActions, err)
	}
	act, err := a.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-feed:
		if c.Missed || c.Op != model.OpActionAssign || c.Ref != model.ActionRef(act.ID) || c.Agency != 2 || c.Hotspot != 1 || c.Tx == 0 {
			t.Fatalf("the other server heard %+v", c)
		}
		// Home, read again as new as the change (its commit counts
		// across processes), is not the reading cached before it.
		if h, err := b.HomeSince(c.Tx); err != nil || h.OpenActions != 1 {
			t.Fatalf("the other server's home after the change: %d open actions, %v", h.OpenActions, err)
		}
		got, err := b.Action(act.ID)
		if err != nil || got.Text != "Patrols" {
			t.Fatalf("the other server reads %s as %+v, %v", model.ActionRef(act.ID), got, err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the other server heard nothing of the change in 10s")
	}
	// Its own change is not heard twice by the server that made it.
	own, stopOwn := a.Subscribe()
	defer stopOwn()
	if _, err := a.SetActionStatus(sgt, act.ID, act.Version, model.StatusInProgress, "", 0); err != nil {
		t.Fatal(err)
	}
	if c := <-own; c.Op != model.OpActionStatus {
		t.Fatalf("the writer's own feed: %+v", c)
	}
	if c := <-feed; c.Op != model.OpActionStatus {
		t.Fatalf("the other server's feed: %+v", c)
	}
	select {
	case c := <-own:
		t.Fatalf("the writer heard its own change twice: %+v", c)
	case <-time.After(300 * time.Millisecond):
	}
}

// Two servers saving the same action against the version they showed:
// one wins, the other is refused as stale, and nothing is lost. (Every
// write holds the record's advisory lock from before it reads until it
// commits, so a version read in one is what the other's commit left.)
func TestTwoServersRacingOneWins(t *testing.T) {
	a, b := twoServers(t)
	act, err := a.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	if err != nil {
		t.Fatal(err)
	}
	statuses := []model.ActionStatus{model.StatusInProgress, model.StatusDone, model.StatusBlocked, model.StatusCancelled}
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins, conflicts := 0, 0
	for i := range 8 {
		s := a
		if i%2 == 1 {
			s = b
		}
		wg.Go(func() {
			_, err := s.SetActionStatus(sgt, act.ID, act.Version, statuses[i%len(statuses)], "racing", 0)
			mu.Lock()
			defer mu.Unlock()
			var c *store.ConflictError
			switch {
			case err == nil:
				wins++
			case errors.As(err, &c):
				conflicts++
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	hist, err := b.ActionHistory(act.ID)
	if err != nil || wins != 1 || conflicts != 7 || len(hist) != 2 {
		t.Fatalf("%d wins, %d conflicts, %d history entries (%v)", wins, conflicts, len(hist), err)
	}
}

// A server whose LISTEN connection is lost (the database restarted, a
// failover) listens again, and tells its sessions to re-read all they
// show, since notices sent meanwhile are lost; changes after are heard.
func TestALostListenConnectionSaysMissedAndListensAgain(t *testing.T) {
	a, b := twoServers(t)
	feed, stop := b.Subscribe()
	defer stop()
	conn, err := pgx.Connect(bg, pgtest.Need(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(bg)
	// This record's listening connection only (a.Path names its schema).
	_, schema, _ := strings.Cut(a.Path(), "search_path=")
	var ended int
	if err := conn.QueryRow(bg, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE query = 'LISTEN "tasking_' || $1 || '"'`, schema).Scan(&ended); err != nil || ended != 1 {
		t.Fatalf("no listening connection ended (%d): %v", ended, err)
	}
	select {
	case c := <-feed:
		if !c.Missed {
			t.Fatalf("after its LISTEN connection was lost, the server heard %+v, not a notice to re-read", c)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("nothing heard in 20s after the LISTEN connection was lost")
	}
	act, err := a.AssignAction(chair, model.NewAction{HotspotID: 1, Text: "Patrols", AgencyID: 2, Due: model.MustDate("2026-12-01")})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-feed:
		if c.Ref != model.ActionRef(act.ID) {
			t.Fatalf("listening again, the server heard %+v", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a change after listening again was not heard")
	}
}
