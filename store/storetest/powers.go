package storetest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// Powers in force: recorded by the agency that holds them (a member for
// their own agency, the chair for any), refused where the Act refuses
// them, listed while in force, extended, reviewed and ended against the
// version shown, each change audited; in a meeting, undone by undo.
func testPowersInForce(t *testing.T, open Backend) {
	s, clock, _ := openTiny(t, open)
	now := clock.t
	dispersal := model.NewPower{Kind: model.PowerDispersal, HotspotID: 1, AgencyID: 2, Start: now.Add(-2 * time.Hour), AuthorisedBy: "Insp Claire Dunn",
		Terms: "Market Place and the bus station, 18:00 Friday to 18:00 Sunday"}
	p, err := s.RecordPower(sgt, dispersal, 0) // the police record the police's dispersal
	mustNoErr(t, err)
	if p.Ref() != "P-1" || p.Private || !p.End().Equal(dispersal.Start.Add(48*time.Hour)) || p.Version != 1 {
		t.Fatalf("recorded %+v", p)
	}
	if ev, _ := s.AuditEvents(1); len(ev) != 1 || ev[0].Op != "power.add" || ev[0].Ref != "P-1" {
		t.Errorf("audit %+v", ev)
	}
	pspo := model.NewPower{Kind: model.PowerPSPO, HotspotID: 1, AgencyID: 1, Start: now.AddDate(-2, -11, 0), AuthorisedBy: "Cabinet, minute 112"}
	if _, err := s.RecordPower(sgt, pspo, 0); err == nil || !strings.Contains(err.Error(), "members record and change only powers their own agency holds") {
		t.Errorf("a member recorded another agency's power: %v", err)
	}
	if _, err := s.RecordPower(viewer, dispersal, 0); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("a viewer recorded a power: %v", err)
	}
	long := dispersal
	long.Expires = long.Start.Add(49 * time.Hour)
	var fe *model.FieldError
	if _, err := s.RecordPower(sgt, long, 0); !errors.As(err, &fe) || fe.Field != "expires" {
		t.Errorf("a 49-hour dispersal: %v", err)
	}
	pp, err := s.RecordPower(chair, pspo, 0)
	mustNoErr(t, err)

	// A general action's power; not an action on a hotspot.
	general, err := s.AssignAction(chair, model.NewAction{Text: "Closure of 4 Mill Lane", AgencyID: 3, Due: model.DateOf(now).AddDays(14)})
	mustNoErr(t, err)
	onHotspot, err := s.AssignAction(chair, model.NewAction{HotspotID: 2, Text: "Letters", AgencyID: 3, Due: model.DateOf(now).AddDays(14)})
	mustNoErr(t, err)
	order := model.NewPower{Kind: model.PowerClosureOrder, ActionID: general.ID, AgencyID: 3, Start: now, AuthorisedBy: "Chesterfield Magistrates"}
	if _, err := s.RecordPower(chair, model.NewPower{Kind: order.Kind, ActionID: onHotspot.ID, AgencyID: 3, Start: now, AuthorisedBy: "x"}, 0); err == nil || !strings.Contains(err.Error(), "record the power on the hotspot") {
		t.Errorf("a power on a hotspot's action: %v", err)
	}
	co, err := s.RecordPower(chair, order, 0)
	mustNoErr(t, err)

	inForce := func(at time.Time) string {
		ps, err := s.Powers(model.PowerFilter{CurrentAt: at})
		mustNoErr(t, err)
		var refs []string
		for _, p := range ps {
			refs = append(refs, p.Ref())
		}
		return strings.Join(refs, " ")
	}
	if got := inForce(now); got != "P-1 P-2 P-3" { // soonest ending first
		t.Errorf("in force now: %s", got)
	}
	if got := inForce(now.Add(47 * time.Hour)); got != "P-2 P-3" {
		t.Errorf("in force when the dispersal has lapsed: %s", got)
	}

	// Extended, against the version shown; a stale form is refused.
	clock.t = clock.t.Add(time.Minute)
	ext, err := s.ExtendPower(chair, co.ID, co.Version, model.DateOf(now).AddDays(150).Time(now.Location()))
	mustNoErr(t, err)
	if ext.Version != 2 || ext.Extended.IsZero() {
		t.Errorf("extended %+v", ext)
	}
	var conflict *store.ConflictError
	if _, err := s.SetPowerReview(chair, co.ID, co.Version, model.DateOf(now).AddDays(30)); !errors.As(err, &conflict) {
		t.Errorf("a stale review date: %v", err)
	}
	if _, err := s.ExtendPower(chair, pp.ID, 0, now.AddDate(1, 0, 0)); err == nil || !strings.Contains(err.Error(), "only a closure order is extended") {
		t.Errorf("a PSPO extended: %v", err)
	}
	clock.t = clock.t.Add(time.Minute)
	if _, err := s.EndPower(sgt, pp.ID, 0, time.Time{}, "replaced"); err == nil || !strings.Contains(err.Error(), "may not change a power in force") {
		t.Errorf("a member ended the council's PSPO: %v", err)
	}
	ended, err := s.EndPower(chair, pp.ID, 0, time.Time{}, "Varied by the cabinet: replaced by a new order")
	mustNoErr(t, err)
	if ended.InForce(clock.t.Add(time.Second)) || ended.EndReason == "" {
		t.Errorf("ended %+v", ended)
	}
	if _, err := s.EndPower(chair, pp.ID, 0, time.Time{}, ""); err == nil {
		t.Error("ended without a reason")
	}

	// In a meeting, undo takes back a power recorded by mistake.
	m, err := s.StartMeeting(chair, model.Date{})
	mustNoErr(t, err)
	clock.t = clock.t.Add(time.Minute)
	slip, err := s.RecordPower(chair, model.NewPower{Kind: model.PowerCPW, HotspotID: 2, AgencyID: 1, Start: clock.t, AuthorisedBy: "ASB officer"}, m.ID)
	mustNoErr(t, err)
	if !slip.Private {
		t.Error("a warning to a person is public business")
	}
	clock.t = clock.t.Add(time.Minute)
	said, err := s.Undo(chair, m.ID)
	mustNoErr(t, err)
	if !strings.Contains(said, slip.Ref()+" (recorded) removed") {
		t.Errorf("undo said %q", said)
	}
	if _, err := s.Power(slip.ID); err == nil {
		t.Error("the undone power is still there")
	}
}
