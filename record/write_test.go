package record

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
)

// A change that does not write its audit event does not commit: the trail
// can never disagree with the record.
func TestWriteWithoutAuditIsRefused(t *testing.T) {
	s, _, _ := openTiny(t)
	err := s.write(context.Background(), chair, declare(model.OpAgencyAdd), func(w *wtx) error { return put(w.tx, store.KindAgencies, 99, model.Agency{ID: 99, Name: "Sneaky"}) })
	if err == nil {
		t.Fatal("a write without an audit event committed")
	}
	noAgency99(t, s)
}

// A write is what it declares: one that says it is one kind of change and
// audits another, declares a change that is only ever part of another, or
// one model does not know, never runs or never commits.
func TestWriteIsWhatItDeclares(t *testing.T) {
	s, _, _ := openTiny(t)
	sneak := func(op model.Op) func(w *wtx) error {
		return func(w *wtx) error {
			a := model.Agency{ID: 99, Name: "Sneaky"}
			if err := put(w.tx, store.KindAgencies, 99, a); err != nil {
				return err
			}
			return w.audit(op, "agency", a.Name, nil, a)
		}
	}
	for _, tt := range []struct {
		name     string
		declared model.Op
		audited  model.Op
		want     string
	}{
		{"declared one change, audited another", model.OpActionNote, model.OpAgencyAdd, `a change declared "action.note" wrote no audit event of it`},
		{"declared what is only part of another", model.OpHotspotReviewed, model.OpHotspotReviewed, `declared "hotspot.reviewed", which is not a change of its own`},
		{"declared nothing", "", model.OpAgencyAdd, `declared "", which is not a change of its own`},
		{"audited a kind of change model does not know", model.OpAgencyAdd, "agency.sneak", `an audit event of "agency.sneak"`},
	} {
		err := s.write(context.Background(), chair, declare(tt.declared), sneak(tt.audited))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
		noAgency99(t, s)
	}
}

// The permission is asked before the body runs: a refused write never
// reaches it.
func TestRefusedWriteNeverRuns(t *testing.T) {
	s, _, _ := openTiny(t)
	ran := false
	err := s.write(context.Background(), sgt, declare(model.OpAgencyAdd), func(w *wtx) error { ran = true; return nil })
	var pe *model.PermissionError
	if !errors.As(err, &pe) || pe.Op != model.OpAgencyAdd || ran {
		t.Fatalf("a member's agency.add: %v (body ran: %v)", err, ran)
	}
}

func noAgency99(t *testing.T, s *Store) {
	t.Helper()
	as, _ := s.Agencies()
	for _, a := range as {
		if a.ID == 99 {
			t.Fatal("the record was kept")
		}
	}
}
