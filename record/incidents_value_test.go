package record

import (
	"encoding/json"
	"testing"

	"github.com/ccsp/tasking/model"
)

// The hand-written value is what encoding/json writes.
func TestIncidentValueEncoding(t *testing.T) {
	enc := valueEncoder{}
	for _, r := range []model.IncidentRow{
		{Count: 3},
		{Place: model.Place{LSOAName: "Chesterfield 005D"}, Count: 12},
		{Place: model.Place{LSOAName: `Odd "name" & <co> é`}, Count: 1},
	} {
		got, err := enc.encode(r)
		mustNoErr(t, err)
		want, _ := json.Marshal(incidentValue{LSOAName: r.LSOAName, Count: r.Count})
		if string(got) != string(want) {
			t.Errorf("%s, want %s", got, want)
		}
	}
}
