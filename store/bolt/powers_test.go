package bolt

import (
	"strings"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// A public-only reader reads the place-based powers on public business,
// without the officer who authorised them; never one directed at a person,
// nor one on a hotspot taken in private — refused by ref, left out of
// lists.
func TestPowersAsThePublicRecordReadsThem(t *testing.T) {
	s, clock, _ := openTiny(t)
	now := clock.t
	pspo, err := s.RecordPower(chair, model.NewPower{Kind: model.PowerPSPO, HotspotID: 1, AgencyID: 1, Start: now, AuthorisedBy: "Cabinet, minute 112"}, 0)
	mustNoErr(t, err)
	cpn, err := s.RecordPower(chair, model.NewPower{Kind: model.PowerCPN, HotspotID: 1, AgencyID: 1, Start: now, AuthorisedBy: "ASB officer",
		Terms: "No loud music after 23:00"}, 0)
	mustNoErr(t, err)
	personal, err := s.AddHotspot(chair, model.NewHotspot{Title: "Family at no. 4", Category: model.CategoryPersonal, Risk: model.RiskHigh, LeadAgencyID: 1}, 0)
	mustNoErr(t, err)
	closure, err := s.RecordPower(chair, model.NewPower{Kind: model.PowerClosureNotice, HotspotID: personal.ID, AgencyID: 2, Start: now, AuthorisedBy: "Insp Dunn"}, 0)
	mustNoErr(t, err)
	if !cpn.Private || !closure.Private || pspo.Private {
		t.Fatalf("privacy: PSPO %v, CPN %v, closure on a personal case %v", pspo.Private, cpn.Private, closure.Private)
	}
	pub := store.ReadAs(s, viewer)
	ps, err := pub.Powers(model.PowerFilter{CurrentAt: now.Add(time.Minute)})
	mustNoErr(t, err)
	if len(ps) != 1 || ps[0].ID != pspo.ID || ps[0].AuthorisedBy != "" {
		t.Errorf("the public record's powers: %+v", ps)
	}
	for _, id := range []model.ID{cpn.ID, closure.ID} {
		if _, err := pub.Power(id); err == nil || !strings.Contains(err.Error(), "is private business") {
			t.Errorf("P-%d read by a viewer: %v", id, err)
		}
	}
	if p, err := pub.Power(pspo.ID); err != nil || p.AuthorisedBy != "" {
		t.Errorf("the PSPO as a viewer reads it: %+v %v", p, err)
	}
	if all, _ := s.Powers(model.PowerFilter{}); len(all) != 3 || all[0].AuthorisedBy == "" {
		t.Errorf("the restricted record's powers: %+v", all)
	}
}
