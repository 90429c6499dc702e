package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
)

// jsonFields are a struct type's JSON fields (embedded structs flattened):
// name and tag → type.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for f := range t.Fields() {
		if f.Anonymous {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		out[f.Name+" "+f.Tag.Get("json")] = f.Type
	}
	return out
}

// The chain's walk reads events as chainedEvent, not model.AuditEvent: a
// field added to the one must be added to the other, or the walk would
// hash an event without it and call every event changed.
func TestChainedEventIsAnAuditEvent(t *testing.T) {
	want, got := jsonFields(reflect.TypeFor[model.AuditEvent]()), jsonFields(reflect.TypeFor[chainedEvent]())
	for k, typ := range want {
		g, ok := got[k]
		switch {
		case !ok:
			t.Errorf("chainedEvent lacks model.AuditEvent's field %s", k)
		case typ == reflect.TypeFor[json.RawMessage]():
			if g != reflect.TypeFor[jsonSum]() {
				t.Errorf("chainedEvent's %s is a %v, not a jsonSum", k, g)
			}
		case g != typ:
			t.Errorf("chainedEvent's %s is a %v, model.AuditEvent's a %v", k, g, typ)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("chainedEvent has %s, which model.AuditEvent has not", k)
		}
	}
}

// An event read by the walk hashes as the event written did, images and
// all (null, nested, escaped and erased ones too).
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
	for _, e := range events {
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
