package store

import (
	"testing"

	"github.com/ccsp/tasking/model"
)

// A change that does not write its audit event does not commit: the trail
// can never disagree with the record.
func TestWriteWithoutAuditIsRefused(t *testing.T) {
	s, _, _ := openTiny(t)
	err := s.write(chair, func(w *wtx) error { return put(w.tx, bAgencies, 99, model.Agency{ID: 99, Name: "Sneaky"}) })
	if err == nil {
		t.Fatal("a write without an audit event committed")
	}
	as, _ := s.Agencies()
	for _, a := range as {
		if a.ID == 99 {
			t.Fatal("the unaudited record was kept")
		}
	}
}
