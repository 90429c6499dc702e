package record

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/ccsp/tasking/model"
	"github.com/ccsp/tasking/store"
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
	codec := reusedBuffer{buf: new([]byte)}
	for _, e := range append(events, events...) {
		link(&e, genesis)
		body, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		d := readEvent(e.ID, store.NewDoc(body, codec))
		if d.err != nil || !d.hashOK {
			t.Errorf("event %d: read %v, hash agrees %v", e.ID, d.err, d.hashOK)
		}
		if want := contentHash(&e); !reflect.DeepEqual(d.hash, want) {
			t.Errorf("event %d hashes to %x read, %x written", e.ID, d.hash, want)
		}
	}
}

// reusedBuffer hands a record's JSON over as bbolt's codec does a
// compressed one (store/bolt): in a buffer used again for the next record,
// valid only while fn runs — here scribbled over once it returns, so a
// reader that kept any of it reads garbage.
type reusedBuffer struct{ buf *[]byte }

func (c reusedBuffer) Body(stored []byte, fn func(json []byte) error) error {
	*c.buf = append((*c.buf)[:0], stored...)
	err := fn(*c.buf)
	for i := range *c.buf {
		(*c.buf)[i] = 'x'
	}
	return err
}

func (c reusedBuffer) Decode(stored []byte, v any) error { return store.DecodeJSON(stored, v) }
