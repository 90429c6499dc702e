package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// An event read by the walk hashes as the event written did, images and
// all (null, nested, escaped and erased ones too), whatever events were
// read before it into the same buffers (readEvent's eventScratch).
func TestTheWalkHashesAnEventAsItWasWritten(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 8, time.UTC)
	events := []model.AuditEvent{
		{ID: 1, At: at, By: "Ann", Op: "action.assign", Entity: "action", Ref: "A-1", Tx: 3},
		{ID: 2, At: at, By: "Bo", ByID: 4, Op: "action.status", Entity: "action", Ref: "A-1",
			Before: json.RawMessage(`{"title":"Safeguarding \"visit\"","n":[1,2,{"x":null}]}`), After: json.RawMessage(`{"title":"\u00e9"}`),
			ChainFields: model.ChainFields{Writes: []model.RecordWrite{{Bucket: "actions", ID: 1, Sum: []byte{1, 2}}}}},
		{ID: 3, At: at, Op: "x", Before: json.RawMessage(`null`), After: json.RawMessage(`"s"`)},
		{ID: 4, At: at, Op: "x", ChainFields: model.ChainFields{Erased: true, BeforeSum: []byte{9}, AfterSum: []byte{8}}},
	}
	for _, e := range append(events, events...) {
		link(&e, genesis)
		body, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		d := readEvent(e.ID, boltDoc(sealFor(bAudit, body)))
		if d.err != nil || !d.hashOK {
			t.Errorf("event %d: read %v, hash agrees %v", e.ID, d.err, d.hashOK)
		}
		if want := contentHash(&e); !reflect.DeepEqual(d.hash, want) {
			t.Errorf("event %d hashes to %x read, %x written", e.ID, d.hash, want)
		}
	}
}
